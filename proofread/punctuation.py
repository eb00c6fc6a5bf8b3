"""Shared helpers for the punctuation and spacing rules (PU...).

Every PU rule works the same way: one compiled regex is run over the text of each prose block, and the
few candidates it finds are then checked against the shape of the surrounding text (is this a number,
a domain, a file name, code?). The regexes are written so that ordinary prose yields almost no
candidates; the per-candidate Python checks are therefore cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from proofread.model import Document

# Character classes for letters by case. ``re`` has no \p{Lu}; Latin-1 and Latin Extended-A cover the
# prose we read, and anything outside them simply yields no candidate.
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
LOWER = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"
LETTER = r"[^\W\d_]"

# Characters that do not occur in a run of prose words but do in code, paths, options, markup and data:
# "key=value", "/root", "a/b/c", "<T,A>", "[extra,plot]", "snake_case", "a::b", "f()", "$VAR", "a|b".
# One slash between two words is prose ("and/or", "actors/actresses").
_CODEISH = re.compile(r"[=\\<>{}\[\]@#$^&|~+`]|::|[^\W_]_|_[^\W_]|\(\)|/.*/|(?<![^\W\d_])/|/(?![^\W\d_])")
_LEFT_CHUNK = re.compile(r"\S*\Z")
_RIGHT_CHUNK = re.compile(r"\S*")
# The last run of letters of a string, and what stands right before it.
_LAST_WORD = re.compile(r"(?:^|(?P<before>\S))(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)\Z")

# Top-level domains written after a period ("Data.Gov", "example.COM"): the right side of a domain name,
# not the start of a sentence.
TLDS = frozenset("""com org net gov edu mil int io info biz xyz dev app uk eu de fr jp cn ru nl se ch""".split())
# Two-letter domains that are also English words ("In", "So", "To", "Me", "Us") are left out on purpose:
# "Morocco.In 1860" is a sentence, not a domain.


def prose_matches(doc: Document, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` inside each prose block that do not touch a masked span.

    The pattern runs once per block with ``pos``/``endpos`` (so lookbehinds still see the text before
    the block, and lookaheads stop at its end).
    """
    text = doc.text
    masked = doc.is_masked if doc.masks else None
    for block in doc.blocks:
        for m in pattern.finditer(text, block.start, block.end):
            if masked is not None and masked(m.start(), m.end()):
                continue
            yield m


def block_of(doc: Document, pos: int) -> tuple[int, int]:
    """The (start, end) of the block holding ``pos`` (or the whole text when none does)."""
    from bisect import bisect_right

    i = bisect_right(doc.blocks, pos, key=lambda b: b.start) - 1
    if i >= 0 and doc.blocks[i].start <= pos <= doc.blocks[i].end:
        return doc.blocks[i].start, doc.blocks[i].end
    return 0, len(doc.text)


def chunk_around(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """The whitespace-delimited run of text holding ``[start, end)``, kept within ``[lo, hi)``."""
    if hi is None:
        hi = len(text)
    left = _LEFT_CHUNK.search(text, max(lo, start - 200), start)
    right = _RIGHT_CHUNK.match(text, end, min(hi, end + 200))
    return (left.start() if left else start), (right.end() if right else end)


def prose_chunk(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Like ``chunk_around`` within the block holding ``start``, cut short at masked spans.

    A hashtag, an e-mail address or a link target glued to the punctuation ("#Moon,dominated",
    "a@b.gov.See") is not part of the prose run whose shape the rules judge.
    """
    from bisect import bisect_right

    lo, hi = block_of(doc, start)
    lo, hi = chunk_around(doc.text, start, end, lo, hi)
    masks = doc.masks
    if masks:
        i = bisect_right(masks, start, key=lambda s: s.start)
        # masks that start at or before `start`: the last one may end inside the chunk
        j = i - 1
        while j >= 0 and masks[j].end > lo:
            if masks[j].end <= start:
                lo = masks[j].end
                break
            j -= 1
        # masks that start after `start`
        while i < len(masks) and masks[i].start < hi:
            if masks[i].start >= end:
                hi = masks[i].start
                break
            i += 1
    return lo, hi


def looks_like_code(chunk: str) -> bool:
    """True when a whitespace-delimited run of text reads as code, a path, an option or data."""
    return _CODEISH.search(chunk) is not None


def last_word(text: str) -> tuple[str, str]:
    """The letters at the end of ``text`` and the character right before them ("" at the start)."""
    m = _LAST_WORD.search(text)
    if not m:
        return "", ""
    return m.group("word"), m.group("before") or ""


def is_tld(word: str) -> bool:
    return word.lower() in TLDS
