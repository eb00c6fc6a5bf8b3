"""The command line: ``proofread check``, ``rules``, ``config`` and ``vocab``; a thin shell over the runner.

Start-up time matters (a pre-commit hook runs the command on a handful of files): ``main`` parses the
common forms of ``proofread check`` itself, with no import beyond the standard library, and hands
everything else (help, errors, the other commands) to typer. Both parsers end in ``make_settings``, and
tests/test_cli.py checks that they agree.
"""

import os
import sys
from enum import Enum
from typing import Annotated

FORMAT_NAMES = ("full", "concise", "json", "github", "sarif", "junit", "gitlab")


class UsageError(Exception):
    """A bad command-line value; the message is one line."""


def split_codes(values: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Split comma-separated rule selectors and check that each names a rule or a prefix of one."""
    from proofread.config import known_selectors

    codes = tuple(c.strip().upper() for v in values or [] for c in v.split(",") if c.strip())
    known = known_selectors()
    for code in codes:
        if code not in known:
            raise UsageError(f"unknown rule code or prefix {code!r} (see `proofread rules`)")
    return codes


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def make_settings(
    paths=None,
    output_format="full",
    fix=False,
    unsafe_fixes=False,
    diff=False,
    select=None,
    ignore=None,
    extend_select=None,
    extend_exclude=None,
    config=None,
    isolated=False,
    dialect=None,
    baseline=None,
    diff_from=None,
    jobs=None,
    no_progress=False,
    force_exclude=False,
):
    """The runner's Settings from command-line values; UsageError for a bad one."""
    from proofread.runner import Settings

    if output_format not in FORMAT_NAMES:
        raise UsageError(f"unknown output format {output_format!r}; choose from {', '.join(FORMAT_NAMES)}")
    if dialect is not None and dialect not in ("en-US", "en-GB"):
        raise UsageError(f"unknown dialect {dialect!r}; choose en-US or en-GB")
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    if config is not None and isolated:
        raise UsageError("--config and --isolated cannot be used together")
    return Settings(
        paths=tuple(paths or ["."]),
        output_format=output_format,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        select=split_codes(select),
        ignore=split_codes(ignore),
        extend_select=split_codes(extend_select),
        exclude=tuple(extend_exclude or ()),
        config=config,
        isolated=isolated,
        dialect=dialect,
        baseline=baseline,
        diff_from=diff_from,
        jobs=jobs if jobs is not None else default_jobs(),
        progress=not no_progress,
        force_exclude=force_exclude,
    )


# --- the fast path ---------------------------------------------------------------------------------

_FLAGS = {"--fix": "fix", "--unsafe-fixes": "unsafe_fixes", "--diff": "diff", "--isolated": "isolated",
          "--no-progress": "no_progress", "--force-exclude": "force_exclude"}  # fmt: skip
_VALUES = {
    "--output-format": "output_format",
    "-o": "output_format",
    "--config": "config",
    "--dialect": "dialect",
    "--baseline": "baseline",
    "--diff-from": "diff_from",
    "--jobs": "jobs",
    "-j": "jobs",
}
_LISTS = {"--select": "select", "--ignore": "ignore", "--extend-select": "extend_select",
          "--extend-exclude": "extend_exclude"}  # fmt: skip


def fast_parse(args: list[str]) -> dict | None:
    """The values of a plain ``check`` command line, or None when typer should handle it (help, errors)."""
    values: dict = {"paths": []}
    i = 0
    only_paths = False
    while i < len(args):
        arg = args[i]
        i += 1
        if only_paths or arg == "-" or not arg.startswith("-"):
            values["paths"].append(arg)
            continue
        if arg == "--":
            only_paths = True
            continue
        name, eq, inline = arg.partition("=")
        if name in _FLAGS and not eq:
            values[_FLAGS[name]] = True
            continue
        key = _VALUES.get(name) or _LISTS.get(name)
        if key is None:
            if len(arg) > 2 and arg[:2] in ("-o", "-j") and not eq:  # -oconcise, -j4
                name, eq, inline = arg[:2], "=", arg[2:]
                key = _VALUES[name]
            else:
                return None
        if eq:
            value = inline
        elif i < len(args):
            value = args[i]
            i += 1
        else:
            return None
        if key == "jobs":
            if not value.isdigit():
                return None
            value = int(value)
        if name in _LISTS:
            values.setdefault(key, []).append(value)
        else:
            values[key] = value
    return values


def main() -> None:
    """Console-script entry point: never a traceback for the user, exit 2 on an internal error."""
    try:
        args = sys.argv[1:]
        if args and args[0] == "check":
            values = fast_parse(args[1:])
            if values is not None:
                try:
                    settings = make_settings(**values)
                except UsageError:
                    settings = None  # typer prints the error the usual way
                if settings is not None:
                    from proofread.runner import run

                    sys.exit(run(settings))
        __getattr__("app")()
    except KeyboardInterrupt:
        sys.stderr.write("proofread: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        sys.exit(1)
    except SystemExit:
        raise
    except Exception as exc:  # a bug of ours: one line, exit 2
        sys.stderr.write(f"proofread: internal error: {type(exc).__name__}: {exc}\n")
        sys.exit(2)


# --- typer commands: built on first use, so that the fast path never imports typer ------------------


def _build_app():
    import typer

    from proofread import __version__

    OutputFormat = Enum("OutputFormat", {name: name for name in FORMAT_NAMES}, type=str)
    Dialect = Enum("Dialect", {"en-US": "en-US", "en-GB": "en-GB"}, type=str)

    app = typer.Typer(
        add_completion=False,
        no_args_is_help=True,
        help="A proofreading linter for prose: typos, casing and punctuation spacing in text and Markdown files.",
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
    )
    vocab_app = typer.Typer(
        no_args_is_help=True,
        help="Manage the project vocabulary (the words file, default .proofread-words.txt).",
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.add_typer(vocab_app, name="vocab")

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
            typer.Argument(
                help="Files or folders to check (in folders: files matching `include`, by default .txt, .md, "
                ".markdown); - reads stdin."
            ),
        ] = None,
        output_format: Annotated[
            OutputFormat, typer.Option("--output-format", "-o", help="How to print findings.")
        ] = OutputFormat.full,
        fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes in place.")] = False,
        unsafe_fixes: Annotated[
            bool, typer.Option("--unsafe-fixes", help="Also apply (and count as fixable) less certain fixes.")
        ] = False,
        diff: Annotated[
            bool, typer.Option("--diff", help="Print a unified diff of the fixes and write nothing.")
        ] = False,
        select: Annotated[
            list[str] | None,
            typer.Option(
                "--select", help="Only these rule codes or prefixes (comma-separated); replaces the config's select."
            ),
        ] = None,
        ignore: Annotated[
            list[str] | None, typer.Option("--ignore", help="Skip these rule codes or prefixes (comma-separated).")
        ] = None,
        extend_select: Annotated[
            list[str] | None, typer.Option("--extend-select", help="Add these rule codes or prefixes to the selection.")
        ] = None,
        extend_exclude: Annotated[
            list[str] | None, typer.Option("--extend-exclude", help="Also skip files and folders matching this glob.")
        ] = None,
        config: Annotated[
            str | None, typer.Option("--config", help="Use this configuration file for every file checked.")
        ] = None,
        isolated: Annotated[bool, typer.Option("--isolated", help="Ignore all configuration files.")] = False,
        dialect: Annotated[
            Dialect | None, typer.Option("--dialect", help="The spelling dialect (overrides the config).")
        ] = None,
        baseline: Annotated[
            str | None,
            typer.Option(
                "--baseline",
                help="A JSON file of known findings: written when missing, else only findings not in it are shown.",
            ),
        ] = None,
        diff_from: Annotated[
            str | None, typer.Option("--diff-from", help="Only report findings on lines changed since this git ref.")
        ] = None,
        jobs: Annotated[
            int | None, typer.Option("--jobs", "-j", help="Check files in N processes (default: one per core).")
        ] = None,
        no_progress: Annotated[
            bool, typer.Option("--no-progress", help="Never show a progress bar (shown on long runs on a terminal).")
        ] = False,
        force_exclude: Annotated[
            bool,
            typer.Option("--force-exclude", help="Apply exclusions to named files too (for hooks)."),
        ] = False,
    ) -> None:
        """Check files for typos, casing and punctuation-spacing mistakes; optionally fix them."""
        from proofread.runner import run

        try:
            settings = make_settings(
                paths=paths,
                output_format=output_format.value,
                fix=fix,
                unsafe_fixes=unsafe_fixes,
                diff=diff,
                select=select,
                ignore=ignore,
                extend_select=extend_select,
                extend_exclude=extend_exclude,
                config=config,
                isolated=isolated,
                dialect=dialect.value if dialect is not None else None,
                baseline=baseline,
                diff_from=diff_from,
                jobs=jobs,
                no_progress=no_progress,
                force_exclude=force_exclude,
            )
        except UsageError as exc:
            raise typer.BadParameter(str(exc)) from None
        raise typer.Exit(run(settings))

    @app.command()
    def rules() -> None:
        """List every rule: code, name, category and what it flags."""
        from proofread.config import INTERNAL_CODES
        from proofread.rules import all_rules

        for rule in all_rules():
            doc = (sys.modules[rule.__module__].__doc__ or "").strip().splitlines()
            summary = doc[0] if doc else ""
            summary = summary.removeprefix(f"{rule.code} {rule.name}:").strip()  # the columns already say it
            typer.echo(f"{rule.code}  {rule.name:<44} {rule.category:<12} {summary}")
        for code, (name, category, description) in INTERNAL_CODES.items():
            typer.echo(f"{code}  {name:<44} {category:<12} {description}")

    def _fail(message: str):
        typer.echo(f"proofread: error: {message}", err=True)
        return typer.Exit(2)

    @app.command("config")
    def show_config(
        path: Annotated[str, typer.Argument(help="A file or folder; its configuration is shown.")] = ".",
        output_format: Annotated[str, typer.Option("--output-format", "-o", help="text or json.")] = "text",
    ) -> None:
        """Print the settings that apply to PATH: the configuration file found and every resolved key."""
        from proofread.config import ConfigError, Selection, config_for, describe, resolve_codes

        if output_format not in ("text", "json"):
            raise _fail(f"unknown output format {output_format!r}; choose text or json")
        if not os.path.exists(path):
            raise _fail(f"{path}: no such file or folder")
        target = os.path.join(path, "x") if os.path.isdir(path) else path
        try:
            config = config_for(target)
            info = describe(config)
            codes = resolve_codes([Selection(config.select, config.extend_select, config.ignore)])
            info["enabled-rules"] = list(codes)
            from proofread.vocab import load

            info["vocabulary-words"] = len(load(config.words_files(), required=config.vocabulary_explicit).entries)
        except ConfigError as exc:
            raise _fail(str(exc)) from None
        except Exception as exc:  # VocabularyError
            raise _fail(str(exc)) from None
        if output_format == "json":
            import json

            typer.echo(json.dumps(info, indent=2, ensure_ascii=False))
            return
        for key, value in info.items():
            if isinstance(value, list):
                value = ", ".join(value) if value else "(none)"
            elif isinstance(value, dict):
                value = "; ".join(f"{k} = {', '.join(v)}" for k, v in value.items()) if value else "(none)"
            elif value is None:
                value = "(none: built-in defaults)"
            typer.echo(f"{key:<20} {value}")

    def _words_file(path: str | None, file: str | None) -> str:
        from proofread.config import DEFAULT_WORDS_FILE, config_for

        if file:
            return file
        config = config_for(os.path.join(path or ".", "x"))
        if config.path is None:
            return os.path.join(path or ".", DEFAULT_WORDS_FILE)
        return config.words_files()[0]

    @vocab_app.command("add")
    def vocab_add(
        words: Annotated[list[str], typer.Argument(help="Words to add, exactly as they are written.")],
        file: Annotated[
            str | None,
            typer.Option("--file", help="The words file (default: the configuration's, or .proofread-words.txt)."),
        ] = None,
    ) -> None:
        """Add words to the project vocabulary (the file stays sorted and free of duplicates)."""
        from proofread.config import ConfigError
        from proofread.vocab import VocabularyError, add_words

        try:
            target = _words_file(None, file)
            new = add_words(target, words)
        except (ConfigError, VocabularyError) as exc:
            raise _fail(str(exc)) from None
        typer.echo(f"Added {len(new)} word{'s' * (len(new) != 1)} to {target}" + (f": {', '.join(new)}" if new else ""))

    @vocab_app.command("collect")
    def vocab_collect(
        path: Annotated[str, typer.Argument(help="A file or folder to gather unknown words from.")] = ".",
        all_words: Annotated[
            bool, typer.Option("--all", help="Also gather lowercase words (default: capitalised words only).")
        ] = False,
        min_count: Annotated[int, typer.Option("--min-count", help="Only words seen at least this often.")] = 1,
    ) -> None:
        """Print the unknown words of a tree (those spelling rules flag, and unknown names), one a line with counts."""
        from proofread.config import ConfigError
        from proofread.runner import Session, Settings, discover
        from proofread.vocab import collect

        settings = Settings(paths=(path,), select=("SP",))
        try:
            session = Session(settings)
            paths, errors = discover(session)
            results = []
            for p in paths:
                result = session.process(p, keep_text=True)
                if result.error:
                    errors.append(result.error)
                else:
                    results.append(result)
        except ConfigError as exc:
            raise _fail(str(exc)) from None
        for error in errors:
            typer.echo(f"proofread: error: {error}", err=True)
        for word, count in collect(results, session, capitalised_only=not all_words):
            if count >= min_count:
                typer.echo(f"{count:>6}  {word}")
        if errors:
            raise typer.Exit(2)

    return app


_APP = None


def __getattr__(name: str):
    """``proofread.cli.app``: the typer application, built on first access."""
    global _APP
    if name == "app":
        if _APP is None:
            _APP = _build_app()
        return _APP
    raise AttributeError(name)
