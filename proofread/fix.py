"""Apply fixes to a text: non-overlapping edits by slicing, repeated until nothing more applies.

The loop follows ruff's fix model: keep the fixes whose applicability is at least what was asked for,
sort them, skip any that overlaps or touches an edit already taken (the next pass picks it up), rebuild
the text by slicing, and check again until the text is stable or the pass limit is reached.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from proofread.model import Applicability, Diagnostic, Fix

MAX_PASSES = 10


@dataclass(frozen=True, slots=True)
class FixResult:
    """The fixed text, how many fixes went in, and whether the passes settled."""

    text: str
    applied: int
    converged: bool


def applicable_fixes(diagnostics: Iterable[Diagnostic], required: Applicability) -> list[Fix]:
    """The fixes at or above ``required``, sorted by where they start."""
    fixes = [d.fix for d in diagnostics if d.fix is not None and d.fix.applicability >= required]
    return sorted(fixes, key=lambda f: (f.start, f.end, f.title))


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply every fix that does not overlap or touch one applied before it; return (text, count)."""
    pieces: list[str] = []
    position = 0
    last_end = -1
    applied = 0
    for fix in fixes:
        if fix.start <= last_end or not _edits_are_ordered(fix):
            continue
        for edit in fix.edits:
            pieces.append(text[position : edit.start])
            pieces.append(edit.content)
            position = edit.end
        last_end = fix.end
        applied += 1
    pieces.append(text[position:])
    return "".join(pieces), applied


def _edits_are_ordered(fix: Fix) -> bool:
    previous_end = -1
    for edit in fix.edits:
        if edit.start < previous_end or edit.end < edit.start:
            return False
        previous_end = edit.end
    return True


def fix_until_stable(
    text: str, check: Callable[[str], list[Diagnostic]], required: Applicability = Applicability.SAFE
) -> FixResult:
    """Check and fix ``text`` repeatedly until no applicable fix remains (at most MAX_PASSES passes)."""
    total = 0
    for _ in range(MAX_PASSES):
        fixes = applicable_fixes(check(text), required)
        if not fixes:
            return FixResult(text, total, True)
        new_text, applied = apply_fixes(text, fixes)
        if new_text == text:
            return FixResult(text, total, True)
        text = new_text
        total += applied
    return FixResult(text, total, not applicable_fixes(check(text), required))
