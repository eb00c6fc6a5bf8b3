"""What several output formats share: positions, the replacement a fix makes, the summary line."""

from __future__ import annotations

from proofread.model import Applicability, Diagnostic


def fix_replacement(diagnostic: Diagnostic, view) -> str | None:
    """The text that takes the place of the span once the fix is applied (None without a fix); ``view``
    is the file's ``Excerpt`` or ``LineIndex``.

    Rules keep their edits inside the diagnostic's span; should one reach outside, the replacement covers
    the span and the edits together.
    """
    fix = diagnostic.fix
    if fix is None:
        return None
    position = min(diagnostic.span.start, fix.start)
    pieces = []
    for edit in fix.edits:
        pieces.append(view.slice(position, edit.start))
        pieces.append(edit.content)
        position = edit.end
    pieces.append(view.slice(position, max(diagnostic.span.end, fix.end)))
    return "".join(pieces)


def positions(index, diagnostic: Diagnostic) -> tuple[int, int, int, int]:
    line, column = index.position(diagnostic.span.start)
    end_line, end_column = index.position(diagnostic.span.end)
    return line, column, end_line, end_column


def summary(results, settings) -> str:
    """ruff-style footer: how many issues, how many --fix would fix, how many more --unsafe-fixes would."""
    diagnostics = [d for r in results for d in r.diagnostics]
    fixed = sum(r.fixed for r in results)
    if not diagnostics:
        return f"Fixed {fixed} issue{'s' * (fixed != 1)}; all clean." if fixed else "All clean! No issues found."
    n = len(diagnostics)
    safe = sum(1 for d in diagnostics if d.fix and d.fix.applicability >= Applicability.SAFE)
    unsafe = sum(1 for d in diagnostics if d.fix and d.fix.applicability == Applicability.UNSAFE)
    head = f"Found {n} issue{'s' * (n != 1)}"
    if fixed:
        head = f"Fixed {fixed} issue{'s' * (fixed != 1)}; {n} remaining"
    notes = []
    if settings.unsafe_fixes:
        if safe + unsafe:
            notes.append(f"{safe + unsafe} fixable with --fix --unsafe-fixes")
    else:
        if safe:
            notes.append(f"{safe} fixable with --fix")
        if unsafe:
            notes.append(f"{unsafe} hidden fix{'es' * (unsafe != 1)} can be enabled with --unsafe-fixes")
    return head + (f" ({'; '.join(notes)})." if notes else ".")
