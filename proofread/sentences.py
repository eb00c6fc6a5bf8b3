"""Split a block of prose into word tokens and say which ones open a sentence.

A word opens a sentence when it is the first word of its block, or when the text before it (since the
previous word) ends a sentence: a period, question or exclamation mark, possibly with closing quotes or
brackets, with or without a space ("partnerships.The"). After an abbreviation, an initial, an ellipsis
or a colon the answer is "maybe" (None): the casing rules leave such words alone.

Speed (issue 7): this is the innermost loop of every check, one pass per word. A word is found by one
``findall`` step that also returns the text before it (the gap), so offsets come from lengths instead
of match objects; what a gap says about a sentence start is computed once per distinct gap and cached,
and a word's kind once per distinct word; masks are looked up once per block, and per word only in the
few blocks that contain one.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right

from proofread.model import Block, Token, TokenKind

# Letters joined by periods ("U.S.", "e.g.", "Ph.D.") come first so they are one token.
_INITIALISM = r"(?:[^\W\d_]{1,2}\.){2,}(?![^\W\d_])"
# Possessive quantifiers (Python 3.11+) say "never give back": a gap or a word that matched is never
# retried shorter, which is what this pattern means anyway (nothing after a word can fail, and nothing
# can start at a character of a gap), and the engine skips its bookkeeping for backtracking: findall
# runs about a tenth faster. Python 3.10 reads the same pattern with plain quantifiers.
_HOLD = "+" if sys.version_info >= (3, 11) else ""
_PLAIN_WORD = rf"\w+{_HOLD}(?:['’\-]\w+{_HOLD})*{_HOLD}"
# The same words, each with the gap before it. Every character that is not a word character is in a
# gap (any word character starts a word), so ``\W*`` is the whole gap and never backtracks; the empty
# ``\Z`` branch takes the gap after the last word in one step (a gap that could not be matched would
# be retried from each of its positions: quadratic on a long run of punctuation). The lookahead
# ``\w\w?\.`` tries the initialism only where one may start (one or two word characters and a period):
# elsewhere, at nearly every word, the engine goes straight to the plain word.
_GAP_AND_WORD = re.compile(rf"(\W*{_HOLD})(?:(?=\w\w?\.)({_INITIALISM})|({_PLAIN_WORD})|\Z)")
_HAS_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")
_OPENERS = "\"'‘“([{*_¿¡«"
_CLOSERS = "\"'’”)]}*_»"
_MARKS = ".!?:;,"
_FIRST_GAP_STRIP = _OPENERS + " \t\r\n"

# Words that end with a period without ending the sentence. Lowercase; compared without the period.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft vs etc approx ca cf al fig figs no nos vol vols p pp ed eds
    inc ltd co corp dept est jan feb mar apr jun jul aug sep sept oct nov dec gen col capt lt sgt gov
    sen rep rev hon pres ave blvd rd e.g i.e viz resp incl min max esp""".split()
)

_WORD_KIND = TokenKind.WORD
_INITIALISM_KIND = TokenKind.INITIALISM
_OTHER_KIND = TokenKind.OTHER
_new_token = tuple.__new__  # Token(...) without the Python-level __new__ frame: the same tuple


def tokenize_block(text: str, block: Block, index: int, masks: list[tuple[int, int]]) -> list[Token]:
    """The prose words of ``block`` (skipping masked spans), each with its sentence-start verdict."""
    tokens: list[Token] = []
    tokenize_into(tokens, text, block.start, block.end, index, masks, [s for s, _ in masks])
    return tokens


def tokenize_into(
    out: list[Token],
    text: str,
    start: int,
    end: int,
    index: int,
    masks: list[tuple[int, int]],
    mask_starts: list[int],
) -> None:
    """Append the tokens of the block ``text[start:end]`` (number ``index``) to ``out``.

    ``masks`` are sorted, merged ``(start, end)`` pairs and ``mask_starts`` their starts.
    """
    if masks and _masked(masks, mask_starts, start, end):
        _tokenize_masked(out, text, start, end, index, masks, mask_starts)
    else:
        _tokenize_clear(out, text, start, end, index)


# Every distinct word text the tokenizer has met in this process -> (that text, its kind). The tokens of
# one word share one string (a third less memory, and dict look-ups on it later compare by identity), and
# a word's kind is worked out once per process instead of at every occurrence. Dropped whole when it
# grows past _KNOWN_WORDS_LIMIT, to keep memory bounded on a run over very varied text.
_KNOWN_WORDS: dict[str, tuple[str, TokenKind]] = {}
_KNOWN_WORDS_LIMIT = 100_000


def _first_sight(word: str) -> tuple[str, TokenKind]:
    """Remember ``word`` and its kind (``_KNOWN_WORDS``)."""
    if len(_KNOWN_WORDS) >= _KNOWN_WORDS_LIMIT:
        _KNOWN_WORDS.clear()
    entry = _KNOWN_WORDS[word] = (word, word_kind(word))
    return entry


def word_kind(word: str) -> TokenKind:
    """The kind the tokenizer gives a word with this text: a token's kind depends on its text alone (an
    initialism is the only kind of word with a period in it; digits or underscores make a word OTHER).
    Rules that look at distinct words rather than tokens rely on it."""
    if "." in word:
        return _INITIALISM_KIND
    if word.isalpha() or not _HAS_DIGIT_OR_UNDERSCORE.search(word):
        return _WORD_KIND
    return _OTHER_KIND


# What the text between two words says about the second one, whatever the words are.
_GAP_NEVER = 0  # an ellipsis or a colon: None
_GAP_NO_MARK = 1  # no sentence punctuation: None after an initialism, else False
_GAP_BANG = 2  # ends with ! or ?: True
_GAP_DOT_SPACED = 3  # a period, then space: None after an abbreviation or initialism, else True
_GAP_DOT_TIGHT = 4  # "word.Word": as above, but True only before a capital (and not after one letter)
_GAP_COMMA = 5  # ends with , or ;: False
_GAP_CACHE: dict[str, int] = {" ": _GAP_NO_MARK, ", ": _GAP_COMMA, ". ": _GAP_DOT_SPACED}
_GAP_CACHE_LIMIT = 50_000


def _gap_class(gap: str) -> int:
    if "…" in gap or ".." in gap:
        cls = _GAP_NEVER
    else:
        last = ""
        for ch in reversed(gap):
            if ch in _MARKS:
                last = ch
                break
        if not last:
            cls = _GAP_NO_MARK
        elif last in "!?":
            cls = _GAP_BANG
        elif last == ".":
            cls = _GAP_DOT_SPACED if any(ch.isspace() for ch in gap) else _GAP_DOT_TIGHT
        elif last == ":":
            cls = _GAP_NEVER
        else:
            cls = _GAP_COMMA
    if len(_GAP_CACHE) < _GAP_CACHE_LIMIT:
        _GAP_CACHE[gap] = cls
    return cls


def _verdict(cls: int, previous_kind: TokenKind, previous_text: str, word: str) -> bool | None:
    """The sentence start of ``word`` after a gap of class ``cls`` (any class but the two cheap ones)."""
    if cls == _GAP_BANG:
        return True
    if cls == _GAP_NEVER:
        return None
    if cls == _GAP_COMMA:
        return False
    # a period
    if previous_kind is _INITIALISM_KIND or _is_abbreviation(previous_text):
        return None
    if cls == _GAP_DOT_SPACED:
        return True
    return True if word[:1].isupper() and len(previous_text) > 1 else None


def _tokenize_clear(out: list[Token], text: str, start: int, end: int, index: int) -> None:
    """Tokens of a block that no mask touches: every word is kept and no gap holds a mask.

    This loop and ``_tokenize_masked`` share their shape on purpose: they run once per word, and the
    clear case (most blocks) saves the mask bookkeeping rather than testing for it at every word.
    """
    append = out.append
    known = _KNOWN_WORDS.get
    gap_cache = _GAP_CACHE
    pos = start
    previous_kind = None
    previous_text = ""
    for gap, initialism, word in _GAP_AND_WORD.findall(text, start, end):
        if not word:
            if not initialism:
                break  # the gap after the last word
            word = initialism
        entry = known(word)
        if entry is None:
            entry = _first_sight(word)
        word, kind = entry
        if gap == " " and previous_kind is _WORD_KIND:
            # most words: one space after a word (a one-character string is a shared object in
            # CPython, so the test is cheap) says "not a sentence start" with no look-up
            token_start = pos + 1
            verdict = False
        else:
            token_start = pos + len(gap)
            if previous_kind is None:
                verdict = True if not gap or not gap.strip(_FIRST_GAP_STRIP) else None
            else:
                cls = gap_cache.get(gap)
                if cls is None:
                    cls = _gap_class(gap)
                if cls == _GAP_NO_MARK:
                    verdict = None if previous_kind is _INITIALISM_KIND else False
                else:
                    verdict = _verdict(cls, previous_kind, previous_text, word)
        pos = token_start + len(word)
        append(_new_token(Token, (kind, token_start, pos, word, index, verdict)))
        previous_kind = kind
        previous_text = word


def _tokenize_masked(
    out: list[Token],
    text: str,
    start: int,
    end: int,
    index: int,
    masks: list[tuple[int, int]],
    mask_starts: list[int],
) -> None:
    """Tokens of a block that holds masked text: masked words are dropped, and so is the certainty
    about a sentence start across a mask.

    ``mask_start`` and ``mask_end`` are the first mask ending after ``gap_start`` (the end of the last
    word kept). A word that ends before that mask starts has no mask in it or before it since the last
    word kept: it is handled as in ``_tokenize_clear``, and only the few words at a mask take the
    careful path. A range touches a mask iff the first mask ending after the range's start begins
    before the range's end (the same answer as ``_masked``)."""
    # The masks that reach into the block, sorted and apart, then one that starts at the block's end
    # and so touches nothing in it: the walk never runs out of masks.
    lo = bisect_right(mask_starts, start) - 1
    if lo < 0 or masks[lo][1] <= start:
        lo += 1
    local = [*masks[lo : bisect_left(mask_starts, end)], (end, end + 1)]
    k = 0
    mask_start, mask_end = local[0]
    append = out.append
    known = _KNOWN_WORDS.get
    pos = start
    gap_start = start
    previous_kind = None
    previous_text = ""
    for gap, initialism, word in _GAP_AND_WORD.findall(text, start, end):
        if not word:
            if not initialism:
                break
            word = initialism
        entry = known(word)
        if entry is None:
            entry = _first_sight(word)
        word, kind = entry
        token_start = pos + len(gap)
        pos = token_start + len(word)
        if pos <= mask_start:
            gap_has_mask = False  # nor was a word dropped since the last one kept
        else:
            j = k
            while local[j][1] <= token_start:
                j += 1
            if local[j][0] < pos:
                continue  # a masked word
            gap_has_mask = token_start > gap_start and mask_start < token_start
            if gap_start != token_start - len(gap):
                gap = text[gap_start:token_start]  # the gap runs over masked words
        if previous_kind is None:
            if gap_has_mask:
                verdict = False  # the sentence began with code or a link: this word is inside it
            else:
                verdict = True if not gap or not gap.strip(_FIRST_GAP_STRIP) else None
        elif gap_has_mask:
            verdict = None
        else:
            cls = _GAP_CACHE.get(gap)
            if cls is None:
                cls = _gap_class(gap)
            if cls == _GAP_NO_MARK:
                verdict = None if previous_kind is _INITIALISM_KIND else False
            else:
                verdict = _verdict(cls, previous_kind, previous_text, word)
        append(_new_token(Token, (kind, token_start, pos, word, index, verdict)))
        previous_kind = kind
        previous_text = word
        gap_start = pos
        while mask_end <= gap_start:
            k += 1
            mask_start, mask_end = local[k]


def _masked(masks: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect_left(starts, end)  # masks starting before `end`
    return i > 0 and masks[i - 1][1] > start


def _is_abbreviation(word: str) -> bool:
    lower = word.lower()
    if lower in ABBREVIATIONS:
        return True
    # an initial ("J. Smith") or a single capital
    return len(word) == 1 and word.isalpha()
