"""The tokenizer with masks: words a mask touches are dropped, and a mask between two words leaves the
second one's sentence start unsure. Checked against a plain, word-by-word reading of that rule."""

from __future__ import annotations

import random
from collections import Counter

from proofread.document import build_document
from proofread.model import Block, BlockKind
from proofread.sentences import tokenize_block

WORDS = ["The", "cat", "sat.", "U.S.", "e.g.", "Dr.", "it's", "well-known", "x1", "a", "Then", "so,", "why?"]
GAPS = [" ", " ", " ", "  ", ", ", ". ", "! ", " (", ") ", " “", "” ", ": ", "...", "-"]


def _expected(text: str, block: Block, masks: list[tuple[int, int]]):
    """Every word of the unmasked block that no mask touches; where the text since the last word kept
    (or the block's start) holds a mask, the verdict is None, or False for the first word kept."""
    out = []
    gap_start = block.start
    for tok in tokenize_block(text, block, 0, []):
        if any(s < tok.end and tok.start < e for s, e in masks):
            continue
        if any(s < tok.start and gap_start < e for s, e in masks):
            tok = tok._replace(sentence_start=None if out else False)
        out.append(tok)
        gap_start = tok.end
    return out


def test_masked_words_are_dropped_and_sentence_starts_unsure_after_a_mask():
    rng = random.Random(11)
    for _ in range(400):
        text = "".join(rng.choice(GAPS) + rng.choice(WORDS) for _ in range(rng.randrange(1, 14)))
        cuts = sorted(set(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randrange(0, 8) * 2))))
        masks = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
        block = Block(BlockKind.PARAGRAPH, rng.randrange(0, 3), len(text) - rng.randrange(0, 3))
        got = tokenize_block(text, block, 0, masks)
        assert got == _expected(text, block, masks), (text, masks, block)


def test_a_sentence_that_opens_with_code_does_not_start_at_the_next_word():
    text = "Run make now. Then stop."
    code = [(text.index("make"), text.index("make") + 4)]

    def verdicts(start: int) -> dict[str, bool | None]:
        block = Block(BlockKind.PARAGRAPH, start, len(text))
        return {t.text: t.sentence_start for t in tokenize_block(text, block, 0, code)}

    assert "make" not in verdicts(4)
    assert verdicts(4)["now"] is False and verdicts(4)["Then"] is True
    assert verdicts(0)["Run"] is True and verdicts(0)["now"] is None


def test_document_columns_match_its_tokens():
    text = "The U.S. said so. then it left... Maybe: yes! Dr. Who came, and went.\n\n- item one\n"
    doc = build_document(text, "x.txt")
    assert doc.texts == [t.text for t in doc.tokens]
    assert doc.text_counts == Counter(t.text for t in doc.tokens)
    for b in range(len(doc.blocks) + 1):
        first = next((i for i, t in enumerate(doc.tokens) if t.block == b), None)
        assert doc.first_token(b) == first


def test_tokens_do_not_depend_on_what_the_tokenizer_remembers(monkeypatch):
    """The run-wide table of known words (text -> kind) is bounded and only saves work: tokens come out
    the same after it was dropped, whatever was read before, and its kinds are ``word_kind``'s."""
    from proofread import sentences

    text = "The U.S. office in x1 said it's well-known. Then 2024 came, and so_on, U.S. again.\n\nNext para."
    fresh = build_document(text, "a.txt").tokens
    monkeypatch.setattr(sentences, "_KNOWN_WORDS_LIMIT", 3)
    sentences._KNOWN_WORDS.clear()
    bounded = build_document(text, "a.txt").tokens
    assert bounded == fresh
    assert len(sentences._KNOWN_WORDS) <= 3
    assert all(tok.kind is sentences.word_kind(tok.text) for tok in bounded)


def test_tokens_of_one_word_share_one_string_across_documents():
    first = build_document("Ministers met in Bamako.", "a.txt").tokens
    second = build_document("Later the ministers left Bamako.", "b.txt").tokens
    assert first[-1].text is second[-1].text  # one string for "Bamako" however many times it is read
