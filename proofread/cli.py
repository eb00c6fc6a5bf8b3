"""The command line: ``proofread check [PATH ...]`` and ``proofread rules``; a thin shell over the runner."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from proofread import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="A proofreading linter for prose: typos, casing and punctuation spacing in text and Markdown files.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    full = "full"
    concise = "concise"
    json = "json"
    github = "github"


def _codes(values: list[str] | None) -> tuple[str, ...]:
    """Split comma-separated rule selectors and check that each names a rule or a prefix of one."""
    from proofread.rules import known_prefixes

    codes = tuple(c.strip().upper() for v in values or [] for c in v.split(",") if c.strip())
    known = known_prefixes()
    for code in codes:
        if code not in known:
            raise typer.BadParameter(f"unknown rule code or prefix {code!r} (see `proofread rules`)")
    return codes


def _version(value: bool) -> None:
    if value:
        typer.echo(f"proofread {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """A proofreading linter for prose: typos, casing and punctuation spacing in text and Markdown files."""


@app.command()
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files or folders to check (folders: .txt, .md, .markdown files); - reads stdin."),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--output-format", "-o", help="How to print findings.")
    ] = OutputFormat.full,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes in place.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Also apply (and count as fixable) less certain fixes.")
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of the fixes and write nothing.")] = False,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these rule codes or prefixes (comma-separated).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Skip these rule codes or prefixes (comma-separated).")
    ] = None,
) -> None:
    """Check files for typos, casing and punctuation-spacing mistakes; optionally fix them."""
    from proofread.runner import Settings, run

    settings = Settings(
        paths=tuple(paths or ["."]),
        output_format=output_format.value,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        select=_codes(select),
        ignore=_codes(ignore),
    )
    raise typer.Exit(run(settings))


@app.command()
def rules() -> None:
    """List every rule: code, name, category and what it flags."""
    from proofread.rules import all_rules

    for rule in all_rules():
        doc = (sys.modules[rule.__module__].__doc__ or "").strip().splitlines()
        typer.echo(f"{rule.code}  {rule.name:<32} {rule.category:<12} {doc[0] if doc else ''}")


def main() -> None:
    """Console-script entry point: never a traceback for the user, exit 2 on an internal error."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("proofread: interrupted\n")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # a bug of ours: one line, exit 2
        sys.stderr.write(f"proofread: internal error: {type(exc).__name__}: {exc}\n")
        sys.exit(2)
