"""Tests of the punctuation and spacing rules (PU...): their examples, the faults they must find, and the
shapes of text that are not faults."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofread.context import Context
from proofread.document import build_document
from proofread.model import Applicability
from proofread.rules import all_rules

PU_RULES = [rule for rule in all_rules() if rule.code.startswith("PU")]
RULES_BY_CODE = {rule.code: rule for rule in PU_RULES}
ARTICLE = Path(__file__).resolve().parent.parent / "examples" / "article.txt"


def _document(text: str):
    if text.startswith("md:"):
        return build_document(text[3:], path="x.md", markdown=True)
    return build_document(text, path="x.txt", markdown=False)


def findings(text: str, codes=None):
    doc = _document(text)
    rules = [RULES_BY_CODE[c] for c in codes] if codes else PU_RULES
    out = []
    for rule in rules:
        out.extend(rule().check(doc, Context()))
    return sorted(out, key=lambda d: d.sort_key)


def apply_fixes(text: str, diagnostics) -> str:
    edits = sorted(
        {e for d in diagnostics if d.fix and d.fix.applicability >= Applicability.SAFE for e in d.fix.edits},
        key=lambda e: (e.start, e.end),
    )
    out, pos = [], 0
    for edit in edits:
        assert edit.start >= pos, f"overlapping edits {edits}"
        out.append(text[pos : edit.start])
        out.append(edit.content)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def flagged(text: str, codes=None) -> list[str]:
    """The flagged text of each finding."""
    doc_text = text[3:] if text.startswith("md:") else text
    return [doc_text[d.span.start : d.span.end] for d in findings(text, codes)]


EXAMPLES = [(rule.code, bad, good) for rule in PU_RULES for bad, good in rule.examples]


def test_every_rule_has_examples_and_a_docstring():
    assert len(PU_RULES) >= 2
    for rule in PU_RULES:
        assert rule.category == "punctuation"
        assert any(good is None for _, good in rule.examples), rule.code
        assert any(good is not None for _, good in rule.examples), rule.code
        module = __import__(rule.__module__, fromlist=["x"])
        assert module.__doc__ and rule.code in module.__doc__


@pytest.mark.parametrize("code,bad,good", EXAMPLES)
def test_examples(code, bad, good):
    diagnostics = findings(bad, [code])
    text = bad[3:] if bad.startswith("md:") else bad
    if good is None:
        assert diagnostics == [], [text[d.span.start : d.span.end] for d in diagnostics]
    else:
        assert diagnostics, f"{code} found nothing in {bad!r}"
        assert apply_fixes(text, diagnostics) == good
        # the first suggestion restores the text as the fix does
        for d in diagnostics:
            assert d.suggestions
            assert d.fix is not None and d.fix.applicability is Applicability.SAFE


@pytest.mark.parametrize("code,bad,good", [e for e in EXAMPLES if e[2] is not None])
def test_fixed_examples_are_clean(code, bad, good):
    """Applying the fixes leaves nothing for the rule (or any PU rule) to report."""
    prefix = "md:" if bad.startswith("md:") else ""
    assert findings(prefix + good) == []


def test_suggestions_replace_the_span_like_the_fix():
    text = "Mali,Burkina Faso,and Niger met.Then they left."
    for d in findings(text):
        rebuilt = text[: d.span.start] + d.suggestions[0] + text[d.span.end :]
        assert rebuilt == apply_fixes(text, [d])


def test_seed_article():
    text = ARTICLE.read_text(encoding="utf-8")
    got = [(d.code, text[d.span.start - 6 : d.span.end + 6]) for d in findings(text)]
    assert sorted(got) == sorted(
        [
            ("PU001", "m Mali,Burkin"),
            ("PU001", "a Faso,and Ni"),
            ("PU002", "rships.The im"),
            ("PU002", "Russia.Enhanc"),
        ]
    )
    fixed = apply_fixes(text, findings(text))
    assert "Mali, Burkina Faso, and Niger" in fixed
    assert "partnerships. The" in fixed and "Russia. Enhanced" in fixed
    assert "U.S." in fixed


# --- PU001 missing space after a comma ------------------------------------------------------------


@pytest.mark.parametrize(
    "text,flag",
    [
        ("Mali,Burkina Faso and Niger.", ","),
        ("It was late (no,this is true).", ","),
        ("Sales rose in 2020,while costs fell.", ","),
        ("Legacy systems,additional capabilities and more.", ","),
        ("We have products,and/or services.", ","),
        ("NASA’s hashtag #SuperBloodMoon,dominated the feeds.", ","),
        ("Write to team@example.gov,then wait.", ","),
    ],
)
def test_missing_space_after_comma_found(text, flag):
    assert flagged(text, ["PU001"]) == [flag]


@pytest.mark.parametrize(
    "text",
    [
        "The city has 1,000,000 people and 3,14 is a decimal in French.",
        "Use the values 1,2 and 10,20 here.",
        "The coordinates x,y and indices i,j are given.",
        "Pass --mount=type=cache,target=/root/.cache to it.",
        "Install pandas[excel,plot] or mypy[faster-cache,reports].",
        "Values red,green,blue in a list.",
        "Use the snake_case,other_name pair.",
        "A type like Vec<T,A> is generic.",
        "See https://example.com/a,b for details.",
        "md:Use `a,b` in code or\n\n```rust,ignore\nfn main(){let a=1,b;}\n```\n",
        "md:A fence ```rust,noplayground``` and a [link](http://x.org/p,q) too.",
    ],
)
def test_missing_space_after_comma_not_a_fault(text):
    assert flagged(text, ["PU001"]) == []


# --- PU002 missing space after a period -----------------------------------------------------------


@pytest.mark.parametrize(
    "text,flag",
    [
        ("Russia has partnerships.The talks begin.", "."),
        ("The talks with Russia.Enhanced dialog follows.", "."),
        ("Built in 2020.Next year it grows.", "."),
        ("The results were great (as planned.)Then we left.", ".)"),
        ("It powers Data.gov.They explain how.", "."),
        ("Top learnings from #GovImpactSummit.Let us know.", "."),
        ("Held on February 24th.Attendees came.", "."),
        ("Ask Mr.Smith about it.", "."),
        ("He said “stop.”Then he left.", ".”"),
    ],
)
def test_missing_space_after_period_found(text, flag):
    assert flagged(text, ["PU002"]) == [flag]


@pytest.mark.parametrize(
    "text",
    [
        "Pi is 3.14 and the version is v1.2.3 or 2.0.1.",
        "The U.S. and the U.K. signed it, e.g. here, i.e. there.",
        "The U.S.Army and J.R.R.Tolkien and a Ph.D.Student met.",
        "Edit README.md and config.toml, run node.js and visit example.com.",
        "See Data.Gov and Next.Data.gov and HealthData.Gov and Code.Gov too.",
        "Call Path.Home() or obj.Method_name or System.IO or os.PathLike now.",
        "Read John 3:16 and s.1.2 of the act.",
        "Mail help@data.gov.Uk or visit https://example.com/Foo.Bar today.",
        "Ellipses... And more.... Then it ends.",
        "md:Use `foo.Bar` and [the docs](https://docs.rs/glob/struct.Pattern.html).",
        "md:```\nlet x = foo.Bar;\n```\n",
    ],
)
def test_missing_space_after_period_not_a_fault(text):
    assert flagged(text, ["PU002"]) == []
