"""Run a check over paths: read each file, lint it, fix or diff it if asked, report, and pick the exit code.

The CLI is a thin shell over ``run(settings)``; everything a run does is decided by ``Settings`` and the
configuration files found next to the files (see ``proofread.config``). Per file the steps are:
``check_text`` -> project vocabulary -> fix-safety overrides -> inline suppressions (``proofread.suppress``);
then, over the run, ``--diff-from`` and ``--baseline`` filter what is reported. A file too large to read
whole is checked chunk by chunk (``proofread.large_files``). A result keeps only the lines of its text
that its findings need (``proofread.lines.Excerpt``), so memory does not grow with the input.

Exit codes: 0 clean, 1 findings remain (or ``--diff`` would change something), 2 usage or I/O error.
"""

from __future__ import annotations

import itertools
import os
import sys
from dataclasses import dataclass, field, replace
from typing import NamedTuple, TextIO

from proofread.config import Config, ConfigError, Selection
from proofread.files import STDIN, ChunkedSource, FileError, SourceFile, is_large, read_source, write_atomically
from proofread.lines import Excerpt
from proofread.model import Applicability, Diagnostic

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
PARALLEL_MIN_FILES = 8  # fewer files than this are checked in one process
PROGRESS_MIN_FILES = 50  # a progress bar only for runs at least this long
# one process checking at least PARALLEL_MIN_FILES files of this many bytes in all builds the lexicon's
# fast tables first (about 0.05 s: more than a run of a few small files spends on look-ups)
PREPARE_MIN_BYTES = 512 * 1024


class Settings(NamedTuple):
    """Everything one run needs to know (command-line values; configuration files add to them)."""

    paths: tuple[str, ...]
    output_format: str = "full"
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    select: tuple[str, ...] = ()  # () = as configured (default: every rule)
    ignore: tuple[str, ...] = ()
    vocabulary: frozenset[str] = frozenset()
    extend_select: tuple[str, ...] = ()
    config: str | None = None  # use this configuration file for every file
    isolated: bool = False  # ignore configuration files
    dialect: str | None = None
    exclude: tuple[str, ...] = ()  # extra exclusion globs (relative to the current folder)
    baseline: str | None = None
    diff_from: str | None = None
    jobs: int = 1
    progress: bool = True
    force_exclude: bool = False  # apply exclusions to files named on the command line too

    @property
    def required(self) -> Applicability:
        return Applicability.UNSAFE if self.unsafe_fixes else Applicability.SAFE


@dataclass(frozen=True)
class FileResult:
    """What the run found in one file: the diagnostics that remain, and the lines of the text they need.

    Only those lines are kept (``excerpt``), so a run holds no file's whole text until the report, and
    a worker process sends little back. ``text`` is the whole text, kept only when asked for.
    """

    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    excerpt: Excerpt = field(default_factory=Excerpt)  # the lines around the diagnostics (of the fixed text)
    fixed: int = 0  # fixes applied (or that --diff would apply)
    output: str = ""  # what the file prints on stdout before the report (a diff, or stdin's fixed text)
    error: str | None = None  # a FileError's message: the file could not be checked
    warning: str | None = None  # something the user should know, though the file was checked
    text: str | None = None  # the whole text reported on, only with ``Session.process(keep_text=True)``

    @classmethod
    def of(cls, path: str, text: str, diagnostics, keep_text: bool = False, **more) -> FileResult:
        """The result of ``diagnostics`` found in ``text``, with the excerpt they need."""
        diagnostics = tuple(diagnostics)
        excerpt = Excerpt.whole(text) if keep_text else Excerpt.around(text, finding_ranges(diagnostics))
        return cls(path, diagnostics, excerpt, text=text if keep_text else None, **more)


def finding_ranges(diagnostics) -> list[tuple[int, int]]:
    """Each diagnostic's span together with its fix's edits: what a report may show of the text."""
    out = []
    for d in diagnostics:
        start, end = d.span.start, d.span.end
        if d.fix is not None:
            start, end = min(start, d.fix.start), max(end, d.fix.end)
        out.append((start, end))
    return out


class Plan:
    """How to check the files of one configuration (and one set of per-file ignores)."""

    def __init__(self, config: Config, settings: Settings, extra_ignore: tuple[str, ...] = ()) -> None:
        from proofread.config import resolve_codes
        from proofread.rules import rule_classes
        from proofread.vocab import VocabularyError, load, project_context

        layers = [
            Selection(config.select, config.extend_select, config.ignore),
            Selection(settings.select or None, settings.extend_select, settings.ignore),
        ]
        self.enabled = resolve_codes(layers, extra_ignore)
        self.rules = [cls() for cls in rule_classes(self.enabled)]
        try:
            vocabulary = load(config.words_files(), required=config.vocabulary_explicit)
        except VocabularyError as exc:
            raise ConfigError(f"{config.path}: vocabulary: {exc}" if config.path else str(exc)) from None
        self.vocabulary = vocabulary.entries | settings.vocabulary
        self.ctx = project_context(self.vocabulary, settings.dialect or config.dialect)
        self.safe_fixes = config.extend_safe_fixes
        self.unsafe_fixes = config.extend_unsafe_fixes

    def check(self, text: str, path: str) -> list[Diagnostic]:
        from proofread.lint import check_text

        diagnostics = check_text(text, path, self.rules, self.ctx)
        if self.vocabulary:
            diagnostics = self._drop_known_words(text, diagnostics)
        if self.safe_fixes or self.unsafe_fixes:
            diagnostics = [self._override(d) for d in diagnostics]
        if "<!--" in text:  # every directive is an HTML comment: most files need neither the parse nor the import
            from proofread.suppress import apply, parse

            directives = parse(text, is_markdown(path))
            if directives:
                diagnostics = apply(text, diagnostics, directives, self.enabled)
        return diagnostics

    def _drop_known_words(self, text: str, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        from proofread.vocab import accepts

        return [
            d
            for d in diagnostics
            if not (d.category == "spelling" and accepts(self.vocabulary, text[d.span.start : d.span.end]))
        ]

    def _override(self, d: Diagnostic) -> Diagnostic:
        from proofread.config import fix_override

        if d.fix is None or d.fix.applicability == Applicability.DISPLAY_ONLY:
            return d
        how = fix_override(d.code, self.safe_fixes, self.unsafe_fixes)
        if how is None:
            return d
        wanted = Applicability.SAFE if how == "safe" else Applicability.UNSAFE
        if d.fix.applicability == wanted:
            return d
        return replace(d, fix=replace(d.fix, applicability=wanted))


def is_markdown(path: str) -> bool:
    try:
        from proofread.document import is_markdown_path

        return is_markdown_path(path)
    except ImportError:  # pragma: no cover
        return path.lower().endswith((".md", ".markdown"))


class Session:
    """The configurations and plans of one run, shared by every file (and by each worker process)."""

    def __init__(self, settings: Settings) -> None:
        from proofread.config import find_config_file

        find_config_file.cache_clear()  # files may have changed since an earlier run in this process
        self.settings = settings
        self._plans: dict[tuple, Plan] = {}
        self._forced: Config | None = None
        if settings.config:
            from proofread.config import load_config

            if not os.path.isfile(settings.config):
                raise ConfigError(f"{settings.config}: configuration file not found")
            self._forced = load_config(os.path.abspath(settings.config))

    def config_for(self, path: str) -> Config:
        from proofread.config import DEFAULT, config_for

        if self._forced is not None:
            return self._forced
        if self.settings.isolated:
            return DEFAULT
        return config_for(path)

    def plan_for(self, path: str) -> Plan:
        config = self.config_for(path)
        extra = config.ignored_for(path) if path != STDIN else ()
        key = (config.path, extra)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = Plan(config, self.settings, extra)
        return plan

    def is_excluded(self, path: str) -> bool:
        if self.config_for(path).is_excluded(path):
            return True
        if self.settings.exclude:
            from proofread.config import compile_globs

            rel = os.path.relpath(os.path.abspath(path)).replace(os.sep, "/")
            patterns = tuple(
                os.path.relpath(p).replace(os.sep, "/") if os.path.isabs(p) else p for p in self.settings.exclude
            )
            return compile_globs(patterns).matches(rel)
        return False

    def process(self, path: str, keep_text: bool = False, chunk_map=None) -> FileResult:
        """Check one file (and fix it, when asked); ``keep_text`` keeps its whole text in the result, and
        ``chunk_map`` checks the chunks of a file too large to read whole (``proofread.large_files``)."""
        try:
            source = read_source(path, digest=self.settings.fix)  # only a fix is written back
        except FileError as exc:
            return FileResult(path, error=str(exc))
        plan = self.plan_for(path)
        try:
            if isinstance(source, ChunkedSource):
                from proofread.large_files import process_chunked

                with source:
                    return process_chunked(source, self.settings, plan, keep_text, chunk_map)
            return _process(source, self.settings, plan, keep_text)
        except FileError as exc:
            return FileResult(path, error=str(exc))
        except Exception as exc:  # a bug in a rule must cost one file, not the run
            return FileResult(path, error=f"{path}: internal error: {type(exc).__name__}: {exc}")


def discover(session: Session) -> tuple[list[str], list[str]]:
    """The files to check, in order, and one-line errors for paths that cannot be checked."""
    found: list[str] = []
    errors: list[str] = []
    seen: set[str] = set()
    for raw in session.settings.paths:
        if raw == STDIN:
            found.append(STDIN)
            continue
        if os.path.isdir(raw):
            files = list(_walk(raw, session, errors))
            if not files and not session.is_excluded(raw):
                config = session.config_for(os.path.join(raw, "x"))
                from proofread.config import DEFAULT_INCLUDE

                if config.include == DEFAULT_INCLUDE:
                    errors.append(f"{raw}: no .txt, .md or .markdown files in this folder")
                else:
                    errors.append(f"{raw}: no files matching {', '.join(config.include)} in this folder")
            for f in files:
                if f not in seen:
                    seen.add(f)
                    found.append(f)
        elif os.path.exists(raw) or os.path.islink(raw):
            # a file named on the command line is checked unless --force-exclude (as ruff does)
            if raw not in seen and not (session.settings.force_exclude and session.is_excluded(raw)):
                seen.add(raw)
                found.append(raw)
        else:
            errors.append(f"{raw}: no such file or folder")
    return found, errors


def _walk(root: str, session: Session, errors: list[str]):
    visited: set[tuple[int, int]] = set()

    def onerror(exc: OSError) -> None:
        errors.append(f"{exc.filename or root}: {(exc.strerror or str(exc)).lower().rstrip('.')}")

    if session.is_excluded(root):
        return
    for folder, dirs, names in os.walk(root, onerror=onerror, followlinks=True):
        try:
            st = os.stat(folder)
        except OSError as exc:
            onerror(exc)
            dirs[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in visited:  # a symlink loop
            dirs[:] = []
            continue
        visited.add(key)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not session.is_excluded(os.path.join(folder, d)))
        for name in sorted(names):
            path = os.path.join(folder, name)
            config = session.config_for(path)
            if config.is_included(path) and not session.is_excluded(path):
                yield path


def run(settings: Settings, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        return _run(settings, out, err)
    except ConfigError as exc:
        print(f"proofread: error: {exc}", file=err)
        return EXIT_ERROR


def _run(settings: Settings, out: TextIO, err: TextIO) -> int:
    session = Session(settings)
    paths, errors = discover(session)
    changed = None
    if settings.diff_from:
        from proofread.gitdiff import GitDiffError, changed_lines

        try:
            changed = changed_lines(settings.diff_from)
        except GitDiffError as exc:
            print(f"proofread: error: {exc}", file=err)
            return EXIT_ERROR
    results: list[FileResult] = []
    for result in _check_all(session, paths, err):
        if result.error is not None:
            errors.append(result.error)
            continue
        if result.warning is not None:
            print(f"proofread: warning: {result.warning}", file=err)
        if result.output:
            out.write(result.output)
        results.append(result)
    if changed is not None:
        from proofread.gitdiff import only_changed

        results = [replace(r, diagnostics=only_changed(r.path, r.excerpt, r.diagnostics, changed)) for r in results]
    for error in errors:
        print(f"proofread: error: {error}", file=err)
    if settings.baseline:
        from proofread.baseline import BaselineError, filter_results, write_baseline

        try:
            if not os.path.exists(settings.baseline):
                count = write_baseline(settings.baseline, results)
                print(f"proofread: recorded {count} finding{'s' * (count != 1)} in {settings.baseline}", file=err)
                results = [replace(r, diagnostics=()) for r in results]  # all known now: an empty, valid report
            else:
                results = filter_results(settings.baseline, results)
        except BaselineError as exc:
            print(f"proofread: error: {exc}", file=err)
            return EXIT_ERROR
    # --diff prints only the diff; --fix on stdin prints only the fixed text
    if not (settings.diff or (settings.fix and STDIN in paths)):
        _report(results, settings, out)
    if errors:
        return EXIT_ERROR
    if settings.diff:
        return EXIT_FINDINGS if any(r.fixed for r in results) else EXIT_CLEAN
    return EXIT_FINDINGS if any(r.diagnostics for r in results) else EXIT_CLEAN


def _check_all(session: Session, paths: list[str], err: TextIO):
    """Each file's result, in the order of ``paths``, from one process or a pool of them."""
    settings = session.settings
    jobs = min(settings.jobs, len(paths))
    pool = None
    results = None
    if jobs > 1 and len(paths) >= PARALLEL_MIN_FILES and STDIN not in paths:
        # the first file is checked here: it loads every lazy resource once, and forked workers inherit them
        first = session.process(paths[0])
        try:
            pool = _start_pool(session, paths, jobs)
        except (OSError, ImportError):  # no process support here (e.g. a sandbox): one process it is
            pool = None
        else:
            batches = pool.imap(_work_batch, guided_batches(paths[1:], jobs))
            results = itertools.chain([first], itertools.chain.from_iterable(batches))
        if results is None:
            results = itertools.chain([first], map(session.process, paths[1:]))
    elif settings.jobs > 1 and any(is_large(p) for p in paths):
        # few files, one of them large: its chunks are checked by a pool, the files one after the other
        try:
            pool = _start_pool(session, paths, settings.jobs)
        except (OSError, ImportError):
            pool = None
        else:
            from proofread.large_files import pool_chunk_map

            chunk_map = pool_chunk_map(pool, window=2 * settings.jobs)
            results = (session.process(p, chunk_map=chunk_map) for p in paths)
    if results is None:
        if len(paths) >= PARALLEL_MIN_FILES and _total_size(paths) >= PREPARE_MIN_BYTES:
            _prepare_for_many(session, paths)
        results = map(session.process, paths)
    bar = _progress(len(paths), settings, err)  # after the pool: never fork with the bar's thread running
    try:
        for result in results:
            if bar is not None:
                bar.advance()
            yield result
    finally:
        if bar is not None:
            bar.close()
        if pool is not None:
            pool.terminate()
            pool.join()


_SESSION: Session | None = None  # the session a worker process checks files with


def _init_worker(settings: Settings) -> None:
    global _SESSION
    if _SESSION is None or _SESSION.settings != settings:  # a spawned worker: build its own
        _SESSION = Session(settings)


def _work_batch(paths: list[str]) -> list[FileResult]:
    assert _SESSION is not None
    return [_SESSION.process(path) for path in paths]


def guided_batches(paths: list[str], jobs: int, smallest: int = 4) -> list[list[str]]:
    """``paths`` cut into runs of neighbouring files for a pool of ``jobs`` workers, largest first: each
    batch is half a worker's fair share of what is left (guided self-scheduling), down to ``smallest``.

    Large early batches keep the files of one folder together in one worker: such files share their rarer
    words (names, terms), and a worker pays the first sight of a word (judging it, learning its casing
    facts, searching its spelling candidates) once for all its files, so the fewer workers a folder is
    spread over, the less of that work is done twice. Small late batches keep the workers busy to the end:
    with equal batches, one worker could sit idle for most of the last one."""
    batches = []
    start = 0
    while start < len(paths):
        size = max(smallest, -(-(len(paths) - start) // (2 * jobs)))
        batches.append(paths[start : start + size])
        start += size
    return batches


def _start_pool(session: Session, paths: list[str], jobs: int):
    """A pool of worker processes. With fork, the workers inherit the session and the loaded lexicon."""
    import multiprocessing

    global _SESSION
    _SESSION = session
    methods = multiprocessing.get_all_start_methods()
    method = "fork" if "fork" in methods and sys.platform.startswith("linux") else None
    if method == "fork":
        _prepare_for_many(session, paths)  # once, before forking: the workers share what it builds
    context = multiprocessing.get_context(method)
    return context.Pool(jobs, initializer=_init_worker, initargs=(session.settings,))


def _prepare_for_many(session: Session, paths: list[str]) -> None:
    """Build the lexicon's tables for many look-ups now (``Lexicon.prepare_for_many``): a long run builds
    them anyway, after paying for thousands of slower look-ups first."""
    for path in paths:
        plan = session.plan_for(path)
        if plan.rules:
            plan.ctx.lexicon.prepare_for_many()


def _total_size(paths: list[str]) -> int:
    """The bytes of the files (those that cannot be read count as empty: reading them reports why)."""
    total = 0
    for path in paths:
        try:
            total += os.stat(path).st_size
        except (OSError, ValueError):
            pass
    return total


class _Bar:
    def __init__(self, total: int, err: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(file=err),
            transient=True,
        )
        self.task = self.progress.add_task("check", total=total)
        self.progress.start()

    def advance(self) -> None:
        self.progress.advance(self.task)

    def close(self) -> None:
        self.progress.stop()


def _progress(total: int, settings: Settings, err: TextIO) -> _Bar | None:
    """A progress bar on stderr for long runs, when stderr is a terminal."""
    if not settings.progress or total < PROGRESS_MIN_FILES:
        return None
    try:
        if not err.isatty() or os.environ.get("TERM") == "dumb":
            return None
    except (AttributeError, ValueError):
        return None
    return _Bar(total, err)


def _process(source: SourceFile, settings: Settings, plan: Plan, keep_text: bool = False) -> FileResult:
    def check(text: str) -> list[Diagnostic]:
        return plan.check(text, source.path)

    if not (settings.fix or settings.diff):
        return FileResult.of(source.path, source.text, check(source.text), keep_text)
    from proofread.fix import fix_until_stable
    from proofread.verify import verifier_for

    verify = verifier_for(source.path, markdown=is_markdown(source.path))
    result = fix_until_stable(source.text, check, settings.required, verify=verify)
    warning = None
    if result.reverted:
        warning = f"{source.path}: some fixes were left out: they would change the Markdown structure"
    remaining = tuple(check(result.text)) if result.applied else tuple(check(source.text))
    output = ""
    if result.text != source.text:
        if settings.diff:
            from proofread.diff import unified_diff

            output = unified_diff(source.text, result.text, source.path)
        elif source.path != STDIN:
            write_atomically(source, result.text)
    if settings.fix and source.path == STDIN and not settings.diff:
        output = result.text
    return FileResult.of(
        source.path, result.text, remaining, keep_text, fixed=result.applied, output=output, warning=warning
    )


def _report(results: list[FileResult], settings: Settings, out: TextIO) -> None:
    from proofread.report import render

    render(settings.output_format, results, settings, out)
