"""Property tests over generated prose and Markdown: the checker and the fix engine keep their promises.

For any text: checking never raises; every span and every edit lies inside the text (code-point offsets,
0 <= start <= end <= len); applying fixes changes nothing outside their spans; fixing is idempotent;
and fixing a Markdown file leaves its block structure (``proofread.verify``) as it was.

The generators mix what the rules look for (misspellings, lowercase names and sentence starts, missing
or doubled spaces, stray invisible characters, mojibake) with what they must survive (emoji with skin
tones and ZWJ sequences, combining marks, right-to-left text, CRLF and lone CR line endings, tabs,
every Markdown block). ``bench/fuzz.py`` reuses them for long runs.
"""

from __future__ import annotations

import os
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from proofread.context import Context
from proofread.fix import applicable_fixes, apply_fixes, fix_until_stable, select_fixes
from proofread.lint import check_text
from proofread.model import Applicability
from proofread.verify import same_markdown_structure, structure_difference, verifier_for

# 200 examples per property by default; PROOFREAD_PROPERTY_EXAMPLES raises it for a long local run or lowers
# it on a slow machine. No deadline: nothing here depends on timing.
EXAMPLES = int(os.environ.get("PROOFREAD_PROPERTY_EXAMPLES", "200"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- what texts are made of -------------------------------------------------------------------------

WORDS = (
    "the a of and to in is was it for on that with as by at from this be or are an not which have one "
    "river city report water people market school season project policy data council minister border "
    "quick brown fox jumps over lazy dog walked carefully through quiet morning"
).split()
MISSPELLED = "teh recieve seperate definately occured wich becuase accomodate untill adress goverment".split()
NAMES = "Paris London Monday January English Niger Mali Burkina Faso iPhone GitHub JavaScript McDonald".split()
LOWER_NAMES = "paris london monday january english niger mali github javascript".split()
ODD = [
    "😀",
    "👍🏽",
    "👨‍👩‍👧",
    "🇫🇷",
    "e\u0301",
    "n\u0303o",
    "cafe\u0301",
    "Zo\u0308e",
    "مرحبا",
    "بالعالم",
    "שלום",
    "\u202bRTL\u202c",
    "\u200f",
    "\u200b",
    "\u00ad",
    "\u00a0",
    "\ufeff",
    "\ufffd",
    "\t",
    "cafÃ©",
    "â€™",
    "раris",
    "Москва",
    "東京",
    "1,000",
    "3.14",
    "e.g.",
    "U.S.",
    "Dr.",
    "...",
    "—",
    "’",
    "'",
    '"',
    "“quoted”",
    "don't",
    "it’s",
    "x\x07y",
    "\x1b[31m",
    "snake_case",
    "10km",
    "3rd",
    "https://example.com/a,b.c",
    "user@example.com",
    "`code`",
    "*emph*",
    "**strong**",
    "[link](https://x.org)",
    "![img](a.png)",
    "<span>",
    "&amp;",
    "\\*",
    "#tag",
    "|",
]
JOINERS = [" ", " ", " ", " ", ", ", ",", ". ", ".", "  ", " ,", " .", "; ", ";", ": ", ":", "! ", "!", "? ", "?"]
EOLS = ["\n", "\r\n"]


POOL = WORDS * 3 + MISSPELLED + NAMES + LOWER_NAMES + ODD
RANDOM_WORD = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=6)
WORD = st.one_of(
    st.sampled_from(POOL),
    st.sampled_from(POOL),
    st.sampled_from(POOL),
    st.sampled_from(POOL).map(str.capitalize),
    st.sampled_from(POOL).map(str.upper),
    RANDOM_WORD,
)
SENTENCE = st.tuples(
    WORD,
    st.lists(st.tuples(st.sampled_from(JOINERS), WORD).map("".join), max_size=11).map("".join),
    st.sampled_from([".", ".", "!", "?", "", ",", "..", " .", ":"]),
).map("".join)
LINE = st.lists(SENTENCE, min_size=1, max_size=3).map(" ".join)
CELL = st.lists(WORD, min_size=1, max_size=3).map(lambda ws: " ".join(ws).replace("|", "/"))


def _table(columns: int):
    row = st.lists(CELL, min_size=columns, max_size=columns).map(lambda cells: "| " + " | ".join(cells) + " |")
    sep = st.lists(st.sampled_from(["---", ":--", "--:", ":-:"]), min_size=columns, max_size=columns).map(
        lambda parts: "|" + "|".join(parts) + "|"
    )
    return st.tuples(row, sep, st.lists(row, max_size=3)).map(lambda t: [t[0], t[1], *t[2]])


def _list_block(marker: str):
    item = st.tuples(LINE, st.one_of(st.none(), LINE)).map(
        lambda t: [f"{marker} {t[0]}"] + ([f"   - {t[1]}"] if t[1] is not None else [])
    )
    return st.lists(item, min_size=1, max_size=4).map(lambda items: [line for lines in items for line in lines])


HEADING = st.tuples(st.sampled_from(["#", "##", "###", "######"]), LINE).map(lambda t: [f"{t[0]} {t[1]}"])
SETEXT = st.tuples(LINE, st.sampled_from(["===", "---"])).map(list)
QUOTE = st.lists(LINE, min_size=1, max_size=3).map(lambda lines: [f"> {x}" for x in lines])
FENCE = st.tuples(st.sampled_from(["```", "~~~", "```python"]), st.lists(LINE, max_size=3)).map(
    lambda t: [t[0], *t[1], t[0][:3]]
)
INDENTED = st.lists(LINE, min_size=1, max_size=2).map(lambda lines: [f"    {x}" for x in lines])
HTML = st.tuples(st.sampled_from(["<div>", "<!-- note -->", "<details>"]), LINE).map(lambda t: [t[0], t[1], "</div>"])
RULE = st.sampled_from(["---", "***", "___"]).map(lambda x: [x])
REFERENCE = st.sampled_from(WORDS).map(lambda w: [f"[ref]: https://example.com/{w}"])
TASK = st.tuples(st.sampled_from([" ", "x"]), LINE).map(lambda t: [f"- [{t[0]}] {t[1]}"])
HARD_BREAK = st.tuples(LINE, LINE).map(lambda t: [f"{t[0]}  ", t[1]])
PARAGRAPH = st.lists(LINE, min_size=1, max_size=3)
BLOCK = st.one_of(
    PARAGRAPH,
    HEADING,
    SETEXT,
    *[_list_block(m) for m in ("-", "*", "+", "1.", "2)")],
    QUOTE,
    FENCE,
    INDENTED,
    *[_table(n) for n in (1, 2, 3)],
    HTML,
    RULE,
    REFERENCE,
    TASK,
    HARD_BREAK,
)
GAP = st.sampled_from([1, 1, 1, 0, 2, 3])
FRONT_MATTER = st.one_of(st.just([]), LINE.map(lambda x: ["---", f"title: {x}", "---", ""]))
ENDINGS = st.one_of(
    st.sampled_from(EOLS).map(lambda eol: [eol]),
    st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=64, max_size=64),  # mixed, lone CR too
)
FINAL = st.sampled_from(["", "\n", "\r\n", "\n\n", " ", "\t\n"])


def _join(lines: list[str], endings: list[str], final: str) -> str:
    return "".join(line + endings[i % len(endings)] for i, line in enumerate(lines[:-1])) + lines[-1] + final


def _markdown(parts) -> str:
    front, blocks, endings, final = parts
    lines = list(front)
    for block, gap in blocks:
        lines += block
        lines += [""] * gap
    return _join(lines or [""], endings, final)


def markdown_text():
    """Markdown documents: every block kind, with prose that the rules have things to say about."""
    return st.tuples(FRONT_MATTER, st.lists(st.tuples(BLOCK, GAP), min_size=1, max_size=6), ENDINGS, FINAL).map(
        _markdown
    )


def plain_text():
    """Plain text: prose lines, blank lines and Markdown-looking lines, any line endings."""
    lines = st.lists(st.one_of(LINE.map(lambda x: [x]), st.just([""]), BLOCK), max_size=8)
    return st.tuples(lines, ENDINGS, FINAL).map(
        lambda t: _join([x for block in t[0] for x in block] or [""], t[1], t[2])
    )


any_text = st.one_of(
    markdown_text().map(lambda t: (t, "doc.md")),
    plain_text().map(lambda t: (t, "doc.txt")),
    st.text(max_size=200).map(lambda t: (t, "doc.md")),
    st.text(max_size=200).map(lambda t: (t, "doc.txt")),
)

# --- the checker under test --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def rules_and_context():
    from proofread.rules import all_rules

    return [cls() for cls in all_rules()], Context()


def check(text: str, path: str):
    rules, ctx = rules_and_context()
    return check_text(text, path, rules, ctx)


def checker(path: str):
    return lambda text: check(text, path)


# --- the properties ------------------------------------------------------------------------------


def assert_spans_inside(text: str, diagnostics) -> None:
    n = len(text)
    for d in diagnostics:
        assert isinstance(d.span.start, int) and isinstance(d.span.end, int), d
        assert 0 <= d.span.start <= d.span.end <= n, (d, n)
        if d.fix is not None:
            assert d.fix.edits, d
            previous = 0
            for edit in d.fix.edits:
                assert previous <= edit.start <= edit.end <= n, (d, n)
                assert isinstance(edit.content, str), d
                previous = edit.end


def assert_only_spans_change(text: str, fixes) -> None:
    """Each fix alone changes nothing outside its edits; one pass changes nothing outside the chosen edits."""
    for fix in fixes:
        new, applied = apply_fixes(text, [fix])
        assert applied == len(select_fixes(text, [fix]))
        if not applied:
            assert new == text
            continue
        edits = fix.edits
        assert new[: edits[0].start] == text[: edits[0].start]
        tail = len(text) - edits[-1].end
        assert new[len(new) - tail :] == text[edits[-1].end :] if tail else True
        # between the edits of one fix, the text is kept too
        position, offset = 0, 0
        for edit in edits:
            assert new[position + offset : edit.start + offset] == text[position : edit.start]
            offset += len(edit.content) - (edit.end - edit.start)
            position = edit.end
    chosen = select_fixes(text, fixes)
    new, applied = apply_fixes(text, fixes)
    assert applied == len(chosen)
    position, offset, last_end = 0, 0, -1
    for fix in chosen:
        assert fix.start > last_end  # neither overlapping nor touching
        last_end = fix.end
        for edit in fix.edits:
            assert new[position + offset : edit.start + offset] == text[position : edit.start]
            assert new[edit.start + offset : edit.start + offset + len(edit.content)] == edit.content
            offset += len(edit.content) - (edit.end - edit.start)
            position = edit.end
    assert new[position + offset :] == text[position:]


def assert_all_properties(
    text: str, path: str, required: Applicability = Applicability.SAFE, bare: bool = False
) -> None:
    """Every property at once. ``bare`` runs the fix engine without the Markdown verifier (as the fuzzer
    does, to find the rules whose fixes break Markdown); the tests use the engine as ``--fix`` does."""
    diagnostics = check(text, path)
    assert_spans_inside(text, diagnostics)
    assert diagnostics == check(text, path), "the same text gave different diagnostics"
    assert_only_spans_change(text, applicable_fixes(diagnostics, Applicability.DISPLAY_ONLY))
    verify = None if bare else verifier_for(path)
    once = fix_until_stable(text, checker(path), required, verify=verify)
    twice = fix_until_stable(once.text, checker(path), required, verify=verify)
    assert twice.text == once.text, ("fixing is not idempotent", required, once.text, twice.text)
    if once.converged and not once.reverted:
        assert twice.applied == 0, ("converged, yet a fix still applies", required, once.text)
    if verifier_for(path) is not None:
        difference = structure_difference(text, once.text)
        assert difference is None, ("a fix changed the Markdown structure", required, once.text, difference)


REQUIRED = st.sampled_from([Applicability.SAFE, Applicability.UNSAFE])


@SETTINGS
@given(case=any_text)
@example(case=("", "doc.md"))
@example(case=("\r\n\r\n", "doc.txt"))
@example(case=("# teh 😀 e\u0301\r\n\r\n- paris,london\r\n", "doc.md"))
@example(case=("| a | b |\n|---|---|\n| teh | x,y |\n", "doc.md"))
@example(case=("They met in Mali,Burkina Faso.\n", "doc.txt"))
@example(case=("teh teh cat,sat.mali is in africa\r\n", "doc.txt"))
@example(case=("\x1f", "doc.md"))  # deleting the only (invisible) character of a paragraph
@example(case=("\x91", "doc.md"))
@example(case=("the.\n\n\n\nthe.\r\r\n---\n", "doc.md"))  # CRLF->LF after a CR would merge two lines
def test_any_text(case):
    """Never raises; spans inside; fixes stay in their spans; fixing is idempotent; Markdown keeps its shape."""
    assert_all_properties(*case)
    assert_all_properties(*case, Applicability.UNSAFE)


@SETTINGS
@example(
    text="# teh title\n\n- item one,two\n- paris\n\n| a | b |\n|---|---|\n| x,y | teh |\n", required=Applicability.SAFE
)
@example(text="مرحبا بالعالم,teh.\r\n\r\n> שלום,e\u0301 👨‍👩‍👧.  monday\r\n", required=Applicability.UNSAFE)
@given(text=markdown_text(), required=REQUIRED)
def test_markdown_documents(text, required):
    """The same properties over Markdown with every kind of block."""
    assert_all_properties(text, "doc.md", required)


@SETTINGS
@given(text=plain_text(), required=REQUIRED)
def test_plain_text_documents(text, required):
    """The same properties over plain text, where every line is a block."""
    assert_all_properties(text, "doc.txt", required)


# Fixes that once broke Markdown on their own (found by bench/fuzz.py), now kept whole by the rules; the
# verifier would leave such fixes out, as the next test shows.
KNOWN_RULE_BUGS = [
    # CL009 deleted a BOM right after a list marker: the item's content column moved from 3 to 4, so the
    # sub-list indented by 3 was no longer nested. CL007 (zero-width space) and CL011 (control character)
    # did the same. The following space now goes too, which keeps the column.
    "1. \ufeff five.\n   - Nested.\n",
    "1. \u200b five.\n   - Nested.\n",
    "- \x07 five.\n  - Nested.\n",
    # CL001 emptied a line whose only character is a no-break space (not blank to CommonMark): the
    # paragraph split in two. Inside a paragraph the whole line now goes.
    "Some text.\n\xa0\nMore text.\n",
]


@pytest.mark.parametrize("text", KNOWN_RULE_BUGS)
def test_fixes_that_once_broke_markdown_keep_it_whole(text):
    assert same_markdown_structure(text, fix_until_stable(text, checker("doc.md")).text)


@pytest.mark.parametrize("text", KNOWN_RULE_BUGS)
def test_the_verifier_leaves_out_only_the_fixes_that_break_markdown(text):
    text = text + "\nteh end,here.\n"
    result = fix_until_stable(text, checker("doc.md"), verify=verifier_for("doc.md"))
    assert same_markdown_structure(text, result.text)
    assert result.text.endswith("The end, here.\n")  # the other fixes still go in


# --- the verifier itself ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "same"),
    [
        ("Some text.\n", "Some other text.\n", True),
        ("# Title\n", "## Title\n", False),
        ("# Title\n", "#Title\n", False),  # no longer a heading
        ("- a\n- b\n", "- a\n+ b\n", False),  # a new bullet starts a new list
        ("- a\n- b\n", "- a\n\n- b\n", False),  # tight list became loose
        ("1. a\n2. b\n", "1. a\n2. b,\n", True),
        ("a\nb\n", "a\n\nb\n", False),  # one paragraph became two
        ("para\n", "para\n===\n", False),  # became a setext heading
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", "| a | b |\n|---|---|\n| 1 , 2 |\n", True),  # cells pad out
        ("| a | b |\n|---|---|\n", "| a | b |\n|--|\n", False),
        ("```\ncode\n```\ntext\n", "```\ncode\n``\ntext\n", False),  # the fence no longer closes
        ("text\n", "text\r\n", True),
        ("> quoted\n", ">quoted\n", True),
        ("> quoted\n", "quoted\n", False),
        ("", "", True),
    ],
)
def test_same_markdown_structure(before, after, same):
    assert same_markdown_structure(before, after) is same
    assert (structure_difference(before, after) is None) is same


def test_verifier_is_for_markdown_only():
    assert verifier_for("a.md") is same_markdown_structure
    assert verifier_for("a.txt") is None
    assert verifier_for("a.txt", markdown=True) is same_markdown_structure


def test_a_fix_that_breaks_the_structure_is_reverted():
    from proofread.model import Diagnostic, Edit, Fix, Span

    def breaking(text):
        if text.startswith("# "):
            return [Diagnostic("XX001", "x", "punctuation", "m", Span(1, 2), Fix.safe("t", Edit(1, 2, "")))]
        return []

    result = fix_until_stable("# Title\n", breaking, verify=same_markdown_structure)
    assert (result.text, result.applied, result.reverted) == ("# Title\n", 0, True)

    def breaking_and_good(text):
        found = breaking(text)
        i = text.find("teh")
        if i >= 0:
            found.append(
                Diagnostic("XX002", "y", "spelling", "m", Span(i, i + 3), Fix.safe("t", Edit(i, i + 3, "the")))
            )
        return found

    result = fix_until_stable("# Title teh\n", breaking_and_good, verify=same_markdown_structure)
    assert (result.text, result.applied, result.reverted) == ("# Title the\n", 1, True)
    assert fix_until_stable("# Title\n", breaking).text == "#Title\n"  # without the verifier it goes in


def test_malformed_fixes_are_dropped():
    from proofread.model import Edit, Fix

    text = "abcdef"
    bad = [
        Fix((), Applicability.SAFE, "no edits"),
        Fix((Edit(-2, 1, "X"),), Applicability.SAFE, "negative"),
        Fix((Edit(4, 9, "X"),), Applicability.SAFE, "past the end"),
        Fix((Edit(3, 2, "X"),), Applicability.SAFE, "inverted"),
        Fix((Edit(2, 4, "X"), Edit(3, 5, "Y")), Applicability.SAFE, "overlapping edits"),
    ]
    assert apply_fixes(text, bad) == (text, 0)
    assert apply_fixes(text, [*bad, Fix.safe("ok", Edit(6, 6, "!"))]) == ("abcdef!", 1)


@pytest.mark.parametrize(
    ("text", "edit", "applies"),
    [
        ("a\r\n\nb", (1, 3, "\r"), False),  # CRLF -> CR right before an LF: two line breaks become one
        ("a\r\nb", (2, 3, ""), False),  # cutting a CRLF in half
        ("a\r\nb", (2, 2, "x"), False),  # inserting between CR and LF: one line break becomes two
        ("a\r\rb", (2, 3, "\n"), False),  # CR -> LF right after a CR
        ("a\r\n\nb", (3, 4, "\r\n"), True),  # LF -> CRLF
        ("a\r\n\rb", (1, 3, "\r"), True),  # CRLF -> CR before a CR
        ("a\n\nb", (1, 2, "\r\n"), True),
        ("a\rb", (1, 2, "\r\n"), True),
    ],
)
def test_fixes_that_would_merge_or_split_line_breaks_are_left_out(text, edit, applies):
    from proofread.model import Edit, Fix

    new, applied = apply_fixes(text, [Fix.safe("t", Edit(*edit))])
    assert applied == int(applies)
    if not applies:
        assert new == text


def test_a_cycle_of_fixes_stops_where_it_starts():
    from proofread.model import Diagnostic, Edit, Fix, Span

    def flip(text):  # "colour" -> "color" -> "colour" -> ...
        if "colour" in text:
            i = text.index("colour")
            return [Diagnostic("XX1", "x", "spelling", "m", Span(i, i + 6), Fix.safe("t", Edit(i, i + 6, "color")))]
        i = text.index("color")
        return [Diagnostic("XX2", "x", "spelling", "m", Span(i, i + 5), Fix.safe("t", Edit(i, i + 5, "colour")))]

    once = fix_until_stable("a colour", flip)
    assert not once.converged
    assert fix_until_stable(once.text, flip).text == once.text
