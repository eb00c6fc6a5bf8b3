"""Plain text: bare heading lines told apart from lines cut off mid-sentence, and fragments that are not sentences."""

from __future__ import annotations

import pytest

from proofread.context import Context
from proofread.document import build_document
from proofread.lint import check_text
from proofread.model import BlockKind
from proofread.rules import all_rules


def first_block_kind(line: str) -> BlockKind:
    return build_document(line + "\n\nNext paragraph.\n", "a.txt").blocks[0].kind


@pytest.mark.parametrize(
    "line",
    [
        "Conclusion",
        "Russia and the Sahel",
        "U.S. Policy in West Africa",
        "Step 1. Install the Tool",
        "Mrs. Dalloway Returns",
        "What to Look For",
        "2024 in Review",
    ],
)
def test_bare_line_is_a_heading(line):
    assert first_block_kind(line) is BlockKind.HEADING


@pytest.mark.parametrize(
    "line",
    [
        "returns `true`, the value will be included in the iteration produced by",
        "In practice, the details of this will be included in the",
        "The task hits an await point. In this case, we",
        "It ended well, as planned, and",
    ],
)
def test_line_cut_mid_sentence_is_a_paragraph(line):
    assert first_block_kind(line) is BlockKind.PARAGRAPH


def sentence_starts_flagged(text: str) -> list[str]:
    rules = [rule() for rule in all_rules() if rule.code == "CA001"]
    found = check_text(text, "a.txt", rules, Context(), False)
    return [text[d.span.start : d.span.end] for d in found]


def test_paragraph_after_a_cut_line_goes_on_with_its_sentence():
    text = "In practice, the value will be included in the\n\niteration produced by the loop.\n"
    assert sentence_starts_flagged(text) == []


def test_paragraph_after_a_bare_heading_starts_a_sentence():
    text = "Conclusion\n\nthe upcoming visit will matter.\n"
    assert sentence_starts_flagged(text) == ["the"]


def test_fragment_cut_out_of_a_longer_text_is_not_a_sentence_start():
    text = "The loop ends here.\n\nreturns `true`, the value will be included in the iteration produced by\n"
    assert sentence_starts_flagged(text) == []


def test_short_lowercase_paragraph_and_full_sentence_are_still_flagged():
    assert sentence_starts_flagged("The loop ends here.\n\nthe value is included.\n") == ["the"]
    assert sentence_starts_flagged("The loop ends here.\n\nthe road ahead\n") == ["the"]
