"""The default report for people: each finding with its line, the span underlined, the message, and the
fixed text beside it as a two-line diff; a summary footer at the end. Colour only on a terminal.

rich draws the findings; a run with none prints its one summary line without importing it (rich costs
tens of milliseconds to import, a noticeable share of a pre-commit hook's start-up).
"""

from __future__ import annotations

from proofread.model import Applicability
from proofread.report.common import fix_replacement, positions, summary

CONTEXT = 40  # characters shown on each side of a finding in long lines


def colour_wanted(out) -> bool:
    """Whether ``out`` takes styles: never with ``NO_COLOR``; with ``FORCE_COLOR``; else on a terminal that
    is not a dumb one (as rich decides for the findings)."""
    import os

    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def _bold(line: str, colour: bool) -> str:
    return f"\x1b[1m{line}\x1b[0m" if colour else line


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line down to the finding and some context; return the text and the span inside it."""
    lo = max(0, start - CONTEXT)
    hi = min(len(line), end + CONTEXT)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    return prefix + line[lo:hi] + suffix, start - lo + len(prefix), end - lo + len(prefix)


def render(results, settings, out) -> None:
    if not any(r.diagnostics for r in results):
        out.write(_bold(summary(results, settings), colour=colour_wanted(out)) + "\n")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=True)
    for result in results:
        if not result.diagnostics:
            continue
        index = result.excerpt
        for d in result.diagnostics:
            line, column, end_line, _ = positions(index, d)
            source = index.line_text(line)
            start = column - 1
            end = len(source) if end_line != line else min(len(source), start + d.span.end - d.span.start)
            fixable = d.fix is not None and d.fix.applicability >= settings.required
            marker = " [cyan][*][/]" if fixable and d.fix.applicability > Applicability.DISPLAY_ONLY else ""
            console.print(
                f"[bold]{escape(result.path)}[/]:{line}:{column}: [bold red]{d.code}[/]{marker} {escape(d.message)}"
            )
            shown, s, e = _window(source, start, end)
            gutter = str(line)
            pad = " " * len(gutter)
            body = Text(f"{gutter} │ ", style="blue")
            body.append(shown[:s])
            body.append(shown[s:e], style="bold red")
            body.append(shown[e:])
            console.print(Text(f"{pad} │", style="blue"))
            console.print(body)
            console.print(Text(f"{pad} │ ", style="blue") + Text(" " * s + "^" * max(1, e - s), style="bold red"))
            replacement = fix_replacement(d, index)
            if replacement is None and d.suggestions:
                replacement = d.suggestions[0]
            if replacement is not None:
                label = d.fix.applicability.label if d.fix else "suggestion"
                title = d.fix.title if d.fix else f"Replace with `{replacement}`"
                console.print(Text(f"{pad} = ", style="blue") + Text(f"fix ({label}): {title}", style="cyan"))
                fixed_line = source[:start] + replacement + source[end:] if end_line == line else replacement
                new_shown, ns, ne = _window(fixed_line, start, start + len(replacement))
                console.print(Text(f"{pad} - ", style="red") + Text(shown, style="red"))
                console.print(Text(f"{pad} + ", style="green") + Text(new_shown, style="green"))
            if len(d.suggestions) > 1:
                others = ", ".join(f"`{x}`" for x in d.suggestions[1:])
                console.print(Text(f"{pad} = ", style="blue") + Text(f"other suggestions: {others}"))
            console.print()
    console.print(summary(results, settings), style="bold", highlight=False)
