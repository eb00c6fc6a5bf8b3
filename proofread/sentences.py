"""Split a block of prose into word tokens and say which ones open a sentence.

A word opens a sentence when it is the first word of its block, or when the text before it (since the
previous word) ends a sentence: a period, question or exclamation mark, possibly with closing quotes or
brackets, with or without a space ("partnerships.The"). After an abbreviation, an initial, an ellipsis
or a colon the answer is "maybe" (None): the casing rules leave such words alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from proofread.model import Block, Token, TokenKind

# Letters joined by periods ("U.S.", "e.g.", "Ph.D.") come first so they are one token.
_WORD = re.compile(r"(?:[^\W\d_]{1,2}\.){2,}(?![^\W\d_])|\w+(?:['’\-]\w+)*")
_HAS_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")
_OPENERS = "\"'‘“([{*_¿¡«"
_CLOSERS = "\"'’”)]}*_»"
_MARKS = ".!?:;,"

# Words that end with a period without ending the sentence. Lowercase; compared without the period.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft vs etc approx ca cf al fig figs no nos vol vols p pp ed eds
    inc ltd co corp dept est jan feb mar apr jun jul aug sep sept oct nov dec gen col capt lt sgt gov
    sen rep rev hon pres ave blvd rd e.g i.e viz resp incl min max esp""".split()
)


def tokenize_block(text: str, block: Block, index: int, masks: list[tuple[int, int]]) -> list[Token]:
    """The prose words of ``block`` (skipping masked spans), each with its sentence-start verdict."""
    mask_starts = [s for s, _ in masks]
    tokens: list[Token] = []
    previous: Token | None = None
    gap_start = block.start
    for m in _WORD.finditer(text, block.start, block.end):
        start, end = m.span()
        if _masked(masks, mask_starts, start, end):
            continue
        word = m.group()
        if "." in word:
            kind = TokenKind.INITIALISM
        elif _HAS_DIGIT_OR_UNDERSCORE.search(word):
            kind = TokenKind.OTHER
        else:
            kind = TokenKind.WORD
        gap_has_mask = _masked(masks, mask_starts, gap_start, start) if start > gap_start else False
        verdict = _opens_sentence(text[gap_start:start], previous, gap_has_mask, word)
        token = Token(kind, start, end, word, index, verdict)
        tokens.append(token)
        previous = token
        gap_start = end
    return tokens


def _masked(masks: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect_left(starts, end)  # masks starting before `end`
    return i > 0 and masks[i - 1][1] > start


def _opens_sentence(gap: str, previous: Token | None, gap_has_mask: bool, word: str) -> bool | None:
    """Whether ``word`` opens a sentence, given the text between it and the previous word."""
    if previous is None:
        if gap_has_mask:
            return False  # the sentence began with code or a link: this word is inside it
        return True if gap.strip(_OPENERS + " \t\r\n") == "" else None
    if gap_has_mask:
        return None
    if "…" in gap or ".." in gap:
        return None
    marks = [ch for ch in gap if ch in _MARKS]
    if not marks:
        # "U.S. and": the initialism's own period may or may not end the sentence
        return None if previous.kind is TokenKind.INITIALISM else False
    last = marks[-1]
    if last in "!?":
        return True
    if last == ".":
        if previous.kind is TokenKind.INITIALISM or _is_abbreviation(previous.text):
            return None
        if not any(ch.isspace() for ch in gap):
            # "word.Word" with no space: a new sentence only when the next word is capitalised
            return True if word[:1].isupper() and len(previous.text) > 1 else None
        return True
    if last == ":":
        return None
    return False


def _is_abbreviation(word: str) -> bool:
    lower = word.lower()
    if lower in ABBREVIATIONS:
        return True
    # an initial ("J. Smith") or a single capital
    return len(word) == 1 and word.isalpha()
