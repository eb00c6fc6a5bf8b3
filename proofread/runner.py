"""Run a check over paths: read each file, lint it, fix or diff it if asked, report, and pick the exit code.

The CLI is a thin shell over ``run(settings)``; everything a run does is decided by ``Settings``.
Exit codes: 0 clean, 1 findings remain (or ``--diff`` would change something), 2 usage or I/O error.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from proofread.context import Context
from proofread.files import STDIN, FileError, SourceFile, discover, read_source, write_atomically
from proofread.fix import fix_until_stable
from proofread.lint import check_text
from proofread.model import Applicability, Diagnostic

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class Settings:
    """Everything one run needs to know."""

    paths: tuple[str, ...]
    output_format: str = "full"
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    vocabulary: frozenset[str] = field(default_factory=frozenset)

    @property
    def required(self) -> Applicability:
        return Applicability.UNSAFE if self.unsafe_fixes else Applicability.SAFE


@dataclass(frozen=True)
class FileResult:
    """What the run found in one file: the text it reported on and the diagnostics that remain."""

    path: str
    text: str
    diagnostics: tuple[Diagnostic, ...]
    fixed: int = 0  # fixes applied (or that --diff would apply)
    original: str | None = None  # the text before fixes, when fixes were made


def run(settings: Settings, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    from proofread.rules import select_rules

    rules = [cls() for cls in select_rules(list(settings.select), list(settings.ignore))]
    ctx = Context(vocabulary=settings.vocabulary)
    paths, errors = discover(list(settings.paths))
    results: list[FileResult] = []
    for path in paths:
        try:
            source = read_source(path)
            results.append(_process(source, settings, rules, ctx, out))
        except FileError as exc:
            errors.append(exc)
    for error in errors:
        print(f"proofread: error: {error}", file=err)
    # --diff prints only the diff; --fix on stdin prints only the fixed text
    if not (settings.diff or (settings.fix and STDIN in paths)):
        _report(results, settings, out)
    if errors:
        return EXIT_ERROR
    if settings.diff:
        return EXIT_FINDINGS if any(r.fixed for r in results) else EXIT_CLEAN
    return EXIT_FINDINGS if any(r.diagnostics for r in results) else EXIT_CLEAN


def _process(source: SourceFile, settings: Settings, rules, ctx: Context, out: TextIO) -> FileResult:
    def check(text: str) -> list[Diagnostic]:
        return check_text(text, source.path, rules, ctx)

    if not (settings.fix or settings.diff):
        return FileResult(source.path, source.text, tuple(check(source.text)))
    result = fix_until_stable(source.text, check, settings.required)
    remaining = tuple(check(result.text)) if result.applied else tuple(check(source.text))
    if result.text != source.text:
        if settings.diff:
            from proofread.diff import unified_diff

            out.write(unified_diff(source.text, result.text, source.path))
        elif source.path == STDIN:
            pass
        else:
            write_atomically(source, result.text)
    if settings.fix and source.path == STDIN and not settings.diff:
        out.write(result.text)
    return FileResult(source.path, result.text, remaining, result.applied, source.text)


def _report(results: list[FileResult], settings: Settings, out: TextIO) -> None:
    from proofread.report import render

    render(settings.output_format, results, settings, out)
