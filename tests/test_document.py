"""The document model: blocks of plain text and Markdown, masks, tokens and sentence starts."""

from proofread.document import build_document
from proofread.model import BlockKind, TokenKind

ARTICLE = """Intro line of the article, with a comma.
A Bare Heading Line
the next sentence starts lowercase. another one.Here
- first item
- second item
| Country | Leader |
|---|---|
| Mali | Assimi Goïta |
See https://example.com/a.b and mail me@example.org or `code.here` now.
"""


def kinds(doc):
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


def test_plain_text_every_line_is_a_block():
    doc = build_document(ARTICLE, "a.txt")
    ks = kinds(doc)
    assert ks[0][0] is BlockKind.PARAGRAPH
    assert ks[1] == (BlockKind.HEADING, "A Bare Heading Line")
    assert (BlockKind.LIST_ITEM, "first item") in ks
    cells = [(b.row, b.column, doc.text[b.start : b.end]) for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [(0, 0, "Country"), (0, 1, "Leader"), (1, 0, "Mali"), (1, 1, "Assimi Goïta")]
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items[0].group == items[1].group and [i.row for i in items] == [0, 1]


def test_sentence_starts():
    doc = build_document(ARTICLE, "a.txt")
    starts = {t.text: t.sentence_start for t in doc.tokens}
    assert starts["the"] is True  # first word after a bare heading line
    assert starts["another"] is True
    assert starts["Here"] is True  # after a period with no space
    assert starts["starts"] is False
    assert starts["Goïta"] is False


def test_abbreviations_and_colons_leave_the_start_unsure():
    doc = build_document("Sold in the U.S. and Europe. See e.g. Paris: the city.", "a.txt")
    starts = {t.text: t.sentence_start for t in doc.tokens}
    assert starts["and"] is None
    assert starts["Paris"] is None
    assert starts["the"] is None
    assert starts["See"] is True


def test_urls_emails_and_code_are_masked_and_not_tokens():
    doc = build_document(ARTICLE, "a.txt")
    words = {t.text for t in doc.tokens}
    assert "example" not in words and "code" not in words and "me" not in words
    i = ARTICLE.index("https://")
    assert doc.is_masked(i, i + 5)
    assert not doc.is_masked(0, 5)


def test_token_kinds():
    doc = build_document("The U.S. had 10km of snake_case and 1990s roads.", "a.txt")
    kind = {t.text: t.kind for t in doc.tokens}
    assert kind["U.S."] is TokenKind.INITIALISM
    assert kind["10km"] is TokenKind.OTHER and kind["snake_case"] is TokenKind.OTHER
    assert kind["roads"] is TokenKind.WORD


def test_a_tokens_kind_depends_on_its_text_alone():
    """Rules that judge distinct words rather than tokens (the spelling scan) rely on ``word_kind``."""
    from proofread.sentences import word_kind

    text = "The U.S. and e.g. Ph.D. had 10km, snake_case, 1990s, x.y and state-of-the-art roads. A.B.C"
    for doc in (build_document(text, "a.txt"), build_document(MARKDOWN + text, "a.md")):
        assert doc.tokens
        assert all(tok.kind is word_kind(tok.text) for tok in doc.tokens)


MARKDOWN = """---
title: front matter is not prose
---
# A heading

A paragraph with `inline code` and a [link](https://example.com/x).
It wraps onto a second line.

```python
def not_prose(): pass
```

- item one
- item two

> a quoted line

| Name | Value |
|------|-------|
| a    | `b`   |
"""


def test_markdown_blocks_and_masks():
    doc = build_document(MARKDOWN, "a.md")
    ks = kinds(doc)
    assert ks[0] == (BlockKind.HEADING, "A heading")
    assert ks[1][0] is BlockKind.PARAGRAPH and ks[1][1].endswith("second line.")
    assert (BlockKind.LIST_ITEM, "item one") in ks
    assert (BlockKind.QUOTE, "a quoted line") in ks
    cells = [doc.text[b.start : b.end] for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == ["Name", "Value", "a", "`b`"]
    words = {t.text for t in doc.tokens}
    assert "not_prose" not in words and "title" not in words and "inline" not in words
    assert "https" not in words


def test_crlf_lines():
    doc = build_document("One line.\r\nTwo line.\r\n", "a.txt")
    assert [doc.text[b.start : b.end] for b in doc.blocks] == ["One line.", "Two line."]


# --- hard-wrapped plain text -------------------------------------------------------------------------

WRAPPED = (
    "Introduction\n"
    "\n"
    "This paragraph was wrapped by an editor at a fixed width, so that its\n"
    "second line starts with a lowercase word that continues the sentence\n"
    "begun above. It ends here.\n"
    "the next sentence starts lowercase after a period at the end of a line.\n"
)


def test_a_hard_wrapped_line_runs_on_into_the_next():
    doc = build_document(WRAPPED, "notes.txt")
    kinds = [(b.kind, doc.text[b.start : b.end].split()[0]) for b in doc.blocks]
    assert kinds == [(BlockKind.HEADING, "Introduction"), (BlockKind.PARAGRAPH, "This"), (BlockKind.PARAGRAPH, "the")]
    starts = {t.text: t.sentence_start for t in doc.tokens if t.text in ("second", "begun")}
    assert starts == {"second": False, "begun": False}
    last = next(t for t in doc.tokens if t.block == 2)
    assert (last.text, last.sentence_start) == ("the", True)  # a line after a sentence's end opens one


def test_hard_wrapped_text_raises_no_lowercase_start_at_its_line_breaks():
    from proofread.context import Context
    from proofread.lint import check_text
    from proofread.rules import select_rules

    rules = [r() for r in select_rules(["CA"])]
    found = [d for d in check_text(WRAPPED, "notes.txt", rules, Context())]
    assert [WRAPPED[d.span.start : d.span.end] for d in found] == ["the"]


def test_long_lines_are_not_taken_for_wrapping():
    line = "A web article keeps each paragraph on one long line, far longer than any editor would wrap " * 2
    text = f"A heading without a period\n{line.strip()}.\nthe next line is its own paragraph\n"
    doc = build_document(text, "article.txt")
    assert len(doc.blocks) == 3
