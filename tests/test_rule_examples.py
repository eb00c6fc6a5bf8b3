"""Every rule's own examples: bad text gets the documented fix, good text raises nothing from it."""

import sys

import pytest

from proofread.context import Context
from proofread.fix import fix_until_stable
from proofread.lint import check_text
from proofread.model import Applicability
from proofread.rules import all_rules

CASES = [(rule, bad, fixed) for rule in all_rules() for bad, fixed in rule.examples]


def _split(example: str) -> tuple[str, str, bool]:
    if example.startswith("md:"):
        return example[3:], "example.md", True
    return example, "example.txt", False


@pytest.mark.parametrize(("rule", "text", "fixed"), CASES, ids=[f"{r.code}-{i}" for i, (r, _, _) in enumerate(CASES)])
def test_rule_example(rule, text, fixed):
    ctx = Context()
    body, path, markdown = _split(text)
    instance = rule()

    def check(t):
        return check_text(t, path, [instance], ctx, markdown)

    found = check(body)
    if fixed is None:
        assert found == [], f"{rule.code} flagged a good example: {[d.message for d in found]}"
        return
    assert found, f"{rule.code} found nothing in {body!r}"
    expected, _, _ = _split(fixed)
    # the best fix of every finding, however sure, must give the documented text
    assert fix_until_stable(body, check, Applicability.DISPLAY_ONLY).text == expected


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_is_documented_and_has_examples(rule):
    doc = sys.modules[rule.__module__].__doc__ or ""
    assert len(doc.strip()) > 40, f"{rule.code} needs a module docstring saying what it flags and why"
    assert any(f is not None for _, f in rule.examples), f"{rule.code} needs a bad example"
    assert any(f is None for _, f in rule.examples), f"{rule.code} needs a good example"
    assert rule.category in {"spelling", "casing", "punctuation", "cleanup"}


def test_codes_are_unique():
    codes = [r.code for r in all_rules()]
    assert len(codes) == len(set(codes))
