"""Apply fixes to a text: non-overlapping edits by slicing, repeated until nothing more applies.

The loop follows ruff's fix model: keep the fixes whose applicability is at least what was asked for,
sort them, skip any that overlaps or touches an edit already taken (the next pass picks it up), rebuild
the text by slicing, and check again until the text is stable or the pass limit is reached.

The engine does not trust the rules: a fix without edits, with edits out of the text or out of order is
dropped; a cycle of fixes stops at the first text that comes back (so fixing twice gives what fixing once
gave); and an optional verifier (``proofread.verify``) vets the end result, reverting every fix of the
text when it fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from proofread.model import Applicability, Diagnostic, Fix

MAX_PASSES = 10

Verifier = Callable[[str, str], bool]


@dataclass(frozen=True, slots=True)
class FixResult:
    """The fixed text, how many fixes went in, and whether the passes settled.

    ``reverted`` is True when the verifier refused some fixes: they were left out (or, when leaving out
    single fixes was not enough, all of them were, and ``text`` is the original).
    """

    text: str
    applied: int
    converged: bool
    reverted: bool = False


def applicable_fixes(diagnostics: Iterable[Diagnostic], required: Applicability) -> list[Fix]:
    """The fixes at or above ``required``, sorted by where they start (fixes without edits are dropped)."""
    fixes = [d.fix for d in diagnostics if d.fix is not None and d.fix.edits and d.fix.applicability >= required]
    return sorted(fixes, key=lambda f: (f.start, f.end, f.title))


def select_fixes(text: str, fixes: Iterable[Fix]) -> list[Fix]:
    """The fixes that one pass applies: well-formed, inside ``text``, not overlapping or touching an earlier one."""
    chosen: list[Fix] = []
    last_end = -1
    for fix in fixes:
        if not _is_well_formed(fix, len(text)) or fix.start <= last_end or not _keeps_line_breaks(text, fix):
            continue
        chosen.append(fix)
        last_end = fix.end
    return chosen


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply every fix that does not overlap or touch one applied before it; return (text, count)."""
    chosen = select_fixes(text, fixes)
    pieces: list[str] = []
    position = 0
    for fix in chosen:
        for edit in fix.edits:
            pieces.append(text[position : edit.start])
            pieces.append(edit.content)
            position = edit.end
    pieces.append(text[position:])
    return "".join(pieces), len(chosen)


def _is_well_formed(fix: Fix, length: int) -> bool:
    """Edits in order, not overlapping, each inside ``[0, length]`` and replacing with a string."""
    if not fix.edits:
        return False
    previous_end = 0
    for edit in fix.edits:
        if not (previous_end <= edit.start <= edit.end <= length) or not isinstance(edit.content, str):
            return False
        previous_end = edit.end
    return True


def _keeps_line_breaks(text: str, fix: Fix) -> bool:
    """False when the fix would merge or split line breaks next to its edits.

    Replacing a CRLF with CR just before an LF, or inserting between CR and LF, changes the lines of the
    text outside the fix (one blank line less, or one line more). Compare how many CR+LF pairs straddle
    the seams between the pieces of the text around the fix, before and after.
    """
    if "\r" not in text and not any("\r" in e.content for e in fix.edits):
        return True
    low, high = max(fix.start - 1, 0), min(fix.end + 1, len(text))
    old, new = [text[low : fix.start]], [text[low : fix.start]]
    position = fix.start
    for edit in fix.edits:
        old += [text[position : edit.start], text[edit.start : edit.end]]
        new += [text[position : edit.start], edit.content]
        position = edit.end
    old.append(text[position:high])
    new.append(text[position:high])
    return _straddling_pairs(old) == _straddling_pairs(new)


def _straddling_pairs(pieces: list[str]) -> int:
    """How many CR+LF pairs are split across two pieces (a CR ending one, an LF starting the next)."""
    seams = [p for p in pieces if p]
    count = 0
    for left, right in zip(seams, seams[1:], strict=False):
        if left.endswith("\r") and right.startswith("\n"):
            count += 1
    return count


def fix_until_stable(
    text: str,
    check: Callable[[str], list[Diagnostic]],
    required: Applicability = Applicability.SAFE,
    verify: Verifier | None = None,
) -> FixResult:
    """Check and fix ``text`` repeatedly until no applicable fix remains (at most MAX_PASSES passes).

    ``verify(before, after)`` vets the fixed text (see ``proofread.verify.verifier_for``). When it says no,
    the passes are run again with every pass vetted, and within a refused pass each fix on its own, so
    that only the fixes that break the text are left out; ``reverted`` is then True. If even that does
    not satisfy the verifier, every fix is undone.
    """
    result = _fix_passes(text, check, required, None)
    if verify is None or result.text == text or verify(text, result.text):
        return result
    careful = _fix_passes(text, check, required, verify)
    if careful.text != text and not verify(text, careful.text):
        return FixResult(text, 0, careful.converged, reverted=True)
    return FixResult(careful.text, careful.applied, careful.converged, reverted=True)


MAX_VETTED_FIXES = 500  # in one refused pass; beyond this the pass is dropped rather than vetted fix by fix


def _fix_passes(
    text: str, check: Callable[[str], list[Diagnostic]], required: Applicability, verify: Verifier | None
) -> FixResult:
    total = 0
    seen = {text: 0}  # each text met so far, with the fixes applied to reach it
    for _ in range(MAX_PASSES):
        fixes = applicable_fixes(check(text), required)
        if not fixes:
            return FixResult(text, total, True)
        new_text, applied = apply_fixes(text, fixes)
        if verify is not None and new_text != text and not verify(text, new_text):
            new_text, applied = _apply_vetted(text, fixes, verify)
        if new_text == text:
            return FixResult(text, total, True)
        if new_text in seen:  # the fixes undo each other: stop where the cycle starts
            return FixResult(new_text, seen[new_text], False)
        text = new_text
        total += applied
        seen[text] = total
    return FixResult(text, total, not applicable_fixes(check(text), required))


def _apply_vetted(text: str, fixes: list[Fix], verify: Verifier) -> tuple[str, int]:
    """Apply the pass's fixes one at a time, last first (so offsets stay valid), keeping those that pass."""
    chosen = select_fixes(text, fixes)
    if len(chosen) > MAX_VETTED_FIXES:
        return text, 0
    current, applied = text, 0
    for fix in reversed(chosen):
        candidate, n = apply_fixes(current, [fix])
        if n and verify(current, candidate):
            current, applied = candidate, applied + 1
    return current, applied
