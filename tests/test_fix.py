"""The fix engine's invariants: edits apply by slicing, overlaps are resolved, passes settle."""

from proofread.fix import MAX_PASSES, applicable_fixes, apply_fixes, fix_until_stable
from proofread.model import Applicability, Diagnostic, Edit, Fix, Span


def diag(start, end, content, applicability=Applicability.SAFE):
    fix = Fix((Edit(start, end, content),), applicability, "t")
    return Diagnostic("XX001", "x", "punctuation", "m", Span(start, end), fix)


def test_apply_replaces_only_the_edited_spans():
    text = "teh cat sat on teh mat"
    new, n = apply_fixes(text, [Fix.safe("a", Edit(0, 3, "the")), Fix.safe("b", Edit(15, 18, "the"))])
    assert new == "the cat sat on the mat"
    assert n == 2


def test_overlapping_and_touching_fixes_are_left_for_the_next_pass():
    text = "abcdef"
    fixes = [Fix.safe("a", Edit(0, 3, "X")), Fix.safe("b", Edit(2, 4, "Y")), Fix.safe("c", Edit(3, 4, "Z"))]
    new, n = apply_fixes(text, fixes)
    assert (new, n) == ("Xdef", 1)


def test_insertion_is_an_empty_edit():
    new, _ = apply_fixes("a,b", [Fix.safe("space", Edit(2, 2, " "))])
    assert new == "a, b"


def test_applicability_threshold():
    ds = [diag(0, 1, "A"), diag(1, 2, "B", Applicability.UNSAFE), diag(2, 3, "C", Applicability.DISPLAY_ONLY)]
    assert len(applicable_fixes(ds, Applicability.SAFE)) == 1
    assert len(applicable_fixes(ds, Applicability.UNSAFE)) == 2
    assert len(applicable_fixes(ds, Applicability.DISPLAY_ONLY)) == 3


def test_fix_until_stable_reaches_a_fixed_point_and_is_idempotent():
    def check(text):
        i = text.find(",x")
        return [diag(i + 1, i + 1, " ")] if i >= 0 else []

    result = fix_until_stable("a,x,x,x", check)
    assert result.text == "a, x, x, x"
    assert result.converged
    again = fix_until_stable(result.text, check)
    assert again.text == result.text and again.applied == 0


def test_a_fix_that_never_settles_is_reported_as_not_converged():
    def check(text):
        return [diag(0, 0, "x")]

    result = fix_until_stable("", check)
    assert not result.converged
    assert result.applied == MAX_PASSES
