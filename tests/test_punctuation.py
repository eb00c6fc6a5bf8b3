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


# --- PU003-PU005 missing space after ; : ? ! ---------------------------------------------------------


@pytest.mark.parametrize(
    "text,code,flag",
    [
        ("The work was done;then we rested.", "PU003", ";"),
        ("Note:this applies to all.", "PU004", ":"),
        ("We owe it to all Americans:First, jobs.", "PU004", ":"),
        ("Re:Your message arrived.", "PU004", ":"),
        ("Can we fix the engine?The answer is yes.", "PU005", "?"),
        ("Stay tuned for api.nasa.gov!Dan Hammer wrote this.", "PU005", "!"),
        ("Wow!?That hurt.", "PU005", "!?"),
    ],
)
def test_missing_space_after_other_marks_found(text, code, flag):
    assert flagged(text, [code]) == [flag]


@pytest.mark.parametrize(
    "text",
    [
        "Meet at 10:30 or at 9:00 with 3:1 odds, a 16:9 screen and a 1:100 scale.",
        "Read John 3:16 and Genesis 1:1 and s.1.2 of the Act.",
        "Read the TL;DR and set style=height:50px;width:150px.",
        "Pull ghcr.io/astral-sh/uv:latest or run example_app:main or arn:aws:iam::1:role.",
        "Write key:value pairs, use std::vec and sts:AssumeRole, or open C:Users.",
        "Smile :) or :-( or ;) or :P or :D now.",
        "Use a;b and x;y;z as lists, and &amp; entities.",
        "What?! No. Is a!=b or file?.txt a match? Call page?id=Foo and vec!Foo_bar.",
        "Visit https://example.com/items?Name=Foo or mailto:someone@example.org now.",
        "md:Set `uv:workspace`, `a;b` and `x?Y` in code.",
    ],
)
def test_missing_space_after_other_marks_not_a_fault(text):
    assert flagged(text, ["PU003", "PU004", "PU005"]) == []


# --- PU006 space before punctuation -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,flags",
    [
        ("Click here , then there .", [" ,", " ."]),
        ("Is it true ? Yes !", [" ?", " !"]),
        ("It was late ; we left. The reason : Money.", [" ;", " :"]),
        ("Mali ,Burkina and Niger.", [" ,"]),
        ("md:| a | b |\n|---|---|\n| Mali , Niger | z |", [" ,"]),
    ],
)
def test_space_before_punctuation_found(text, flags):
    assert flagged(text, ["PU006"]) == flags


@pytest.mark.parametrize(
    "text",
    [
        "Wait ... and so . . . on, and hmm ... maybe.",
        "Smile :) or ;-) or :P and use .NET and .gitignore and :smile: here.",
        "Name    : John\nAge     : 42",
        "See https://doi.org/10.7289/V5F769GT . It redirects.",
        "md:Run `ls .` or `git add .` in code.",
        "md:```\nx = a , b\n```\n",
    ],
)
def test_space_before_punctuation_not_a_fault(text):
    assert flagged(text, ["PU006"]) == []


# --- PU007 doubled space -------------------------------------------------------------------------------


def test_doubled_space_found():
    assert flagged("The ministers  met in Moscow.", ["PU007"]) == ["  "]
    assert flagged("Item one,  item two.", ["PU007"]) == ["  "]


@pytest.mark.parametrize(
    "text",
    [
        "It ends here.  The next one starts! Another?  Yes.",
        "Name  Age  City\nJohn  42   Paris",
        "Name   Value",
        "Note:  this is aligned.",
        "    indented text here",
        "md:A hard break  \nends this line.",
        "md:```\nlet  x  =  1;\n```\n",
        "md:| Name | Value |\n|---|---|\n| a    | b     |",
    ],
)
def test_doubled_space_not_a_fault(text):
    assert flagged(text, ["PU007"]) == []


# --- PU008 doubled punctuation -------------------------------------------------------------------------


def test_doubled_punctuation_found():
    assert flagged("Mali,, Burkina Faso and Niger met.", ["PU008"]) == [",,"]
    assert flagged("It is on GitHub..  I also help.", ["PU008"]) == [".."]
    assert flagged("They met in Moscow..", ["PU008"]) == [".."]


@pytest.mark.parametrize(
    "text",
    [
        "Wait... Then more.... And well.. maybe not.",
        "Count 1..10 and open ../src or a..b or 0..n now.",
        "The row a,,b and ,,, are data.",
        "md:Run `cd ..` and `x,,y` in code.",
    ],
)
def test_doubled_punctuation_not_a_fault(text):
    assert flagged(text, ["PU008"]) == []


# --- PU009 repeated word -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,flag",
    [
        ("Patents from the the United States.", "the the"),
        ("Data from the National Weather Service in the The National Park.", "the The"),
        ("The group is a a collaborative effort.", "a a"),
        ("We are here to to help.", "to to"),
        ("md:They want to\nto meet.", "to\nto"),
    ],
)
def test_repeated_word_found(text, flag):
    assert flagged(text, ["PU009"]) == [flag]


@pytest.mark.parametrize(
    "text",
    [
        "He had had enough, and said that that was that.",
        "It was very very good, bye bye, ha ha.",
        "They flew to Pago Pago and Walla Walla and Bora Bora.",
        "Baden-Baden and x x and 1 1 and U.S. U.S. are fine.",
        "Bitwise AND and assignment.",
        "The end. The next one, the the-ory.",
        "md:Run `the the` in code, or the `x` the thing, or the\n\nthe next paragraph.",
    ],
)
def test_repeated_word_not_a_fault(text):
    assert flagged(text, ["PU009"]) == []


# --- all rules together --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Pi is 3.14, a million is 1,000,000 and 3,14 is a French decimal.",
        "Meet at 10:30 with 3:1 odds; version v1.2.3 is out.",
        "The U.S. and e.g. this, i.e. that, J.R.R. Tolkien and Ph.D. students.",
        "Edit README.md, config.toml and node.js files on example.com.",
        "Visit https://example.com/a,b;c:d?e=F.G or write to me@example.org.",
        "Read John 3:16 and s.1.2 of the Act.",
        "Well... so . . . there. Smile :) and ;-) and :P now.",
        "  /\\_/\\\n ( o.o )\n  > ^ <",
        "+-----+-----+\n| a   | b   |\n+-----+-----+",
        "md:| Name   | Value |\n|--------|-------|\n| alpha  | 1,2   |\n| beta   | 3.14  |",
        "md:```python\nx = foo(a,b);y=bar.Baz\nprint(x ,y)  # comment.. done\n```\n",
        "md:Use `a.b.Foo`, `x,y`, `k:v` and `the the` inline.",
    ],
)
def test_not_a_fault_for_any_rule(text):
    assert flagged(text) == []


def _lazy_regexes():
    """Every LazyRegex held at module level by a PU or CL rule or by the shared helper modules."""
    import importlib

    from proofread.punctuation import LazyRegex

    modules = [importlib.import_module("proofread.punctuation"), importlib.import_module("proofread.cleanup")]
    modules += [importlib.import_module(r.__module__) for r in all_rules() if r.code[:2] in ("PU", "CL")]
    found = []
    for module in modules:
        for value in vars(module).values():
            values = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else [value]
            found += [(module.__name__, v) for v in values if isinstance(v, LazyRegex)]
    return found


def test_lazy_regex_prefixes_are_the_literal_start_of_their_pattern():
    # prose_matches skips a pattern whose prefix is not in the text: the prefix must be what every
    # match begins with, i.e. the leading literals of the pattern
    from re import _constants, _parser

    checked = 0
    for name, lazy in _lazy_regexes():
        if lazy.prefix is None:
            continue
        parsed = list(_parser.parse(lazy.pattern))
        prefix = lazy.prefix
        leading = parsed[: len(prefix)]
        assert all(op is _constants.LITERAL for op, _ in leading), (name, lazy.pattern)
        assert "".join(chr(av) for _, av in leading) == prefix, (name, lazy.pattern)
        checked += 1
    assert checked >= 12


def test_lazy_regex_compiles_on_first_use_and_behaves_like_the_compiled_one():
    import re

    from proofread.punctuation import lazy_regex

    lazy = lazy_regex(r"(?P<w>\w+),", prefix=None)
    assert "search" not in vars(lazy)  # not compiled yet
    assert lazy.pattern == r"(?P<w>\w+),"
    compiled = re.compile(lazy.pattern)
    text = "a,b, c,,d"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("-", text) == compiled.sub("-", text)
    assert lazy.groupindex == compiled.groupindex
    assert "search" in vars(lazy)  # compiled once, its bound methods kept
    assert len(_lazy_regexes()) >= 40
