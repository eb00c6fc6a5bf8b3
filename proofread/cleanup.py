"""Shared helpers for the text-cleanup rules (CL...).

Cleanup diagnostics are not dropped by ``lint.check_text`` when they touch masked text (code, URLs,
markup, front matter), because some of them are about the whole file (a missing final newline, mixed line
endings). Each CL rule therefore decides for itself what to skip; most skip every match that touches a
mask, through ``unmasked_matches``.

Speed: each rule makes one or a few fast passes over the text, and most stop after a substring test on
a clean file.
Python's ``re`` scans fast only for a pattern that starts with a literal character (``\n``, ``"``); a
pattern that starts with a character class or a lookbehind is tried at every position, about 15 ns a
character (75 ms for a 5 MB file). So the rules look for rare characters with ``str`` searches
(``"\u200b" in text``) or over the UTF-8 bytes of the text (``proofread.punctuation`` keeps them, and a
copy with the bytes some rules look for turned into class bytes, once per text), and start their
patterns with a literal. The forward walk over the masks in
``unmasked_spans`` decides every candidate without a bisect.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from proofread.model import Block, BlockKind, Document, Edit
from proofread.punctuation import lazy_regex, utf8

T = TypeVar("T")

LINE_BREAK = lazy_regex(r"\r\n|\r|\n")
# A document has a house style for quotes or apostrophes when at least this many of its marks use one
# style for each mark of the other. With fewer, the document holds two styles side by side (text joined
# from several sources), not a few strays, and which one it means is a guess.
CLEAR_MAJORITY = 3


def minority_marks(first: list[int], second: list[int]) -> tuple[list[int], bool] | None:
    """The marks of the style a document strays from, and whether that is ``first``; None when neither
    style holds a clear majority (or only one style is used)."""
    if first and len(second) >= CLEAR_MAJORITY * len(first):
        return first, True
    if second and len(first) >= CLEAR_MAJORITY * len(second):
        return second, False
    return None


def unmasked_matches(doc: Document, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` over the whole text that touch no masked span."""
    return unmasked_spans(doc, pattern.finditer(doc.text), lambda m: m.span())


def unmasked_spans(doc: Document, items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> Iterator[T]:
    """The ``items`` (in order of position) whose ``span(item)`` touches no masked span.

    Items and masks both come in order, so one forward walk over the masks decides every item. An empty
    span counts as masked when it lies inside a mask.
    """
    masks = doc.masks
    count = len(masks)
    i = 0
    for item in items:
        start, end = span(item)
        while i < count and masks[i].end <= start:
            i += 1
        if i < count and masks[i].start < max(end, start + 1):
            continue
        yield item


def prose_matches(doc: Document, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` over the whole text that lie inside a prose block and touch no mask."""
    return prose_spans(doc, pattern.finditer(doc.text), lambda m: m.span())


def prose_spans(doc: Document, items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> Iterator[T]:
    """The ``items`` (in order of position) whose span lies inside a prose block and touches no mask.

    Markdown text that is neither a block nor masked (link reference definitions, setext underlines) is
    left out: the consistency rules count only what a reader reads as prose.
    """
    blocks = doc.blocks
    count = len(blocks)
    i = 0
    for item in unmasked_spans(doc, items, span):
        start, end = span(item)
        while i < count and blocks[i].end < end:  # blocks are sorted and do not overlap
            i += 1
        if i < count and blocks[i].start <= start:
            yield item


def char_offsets(text: str, byte_offsets: Iterable[int]) -> Iterator[int]:
    """Turn increasing offsets into ``utf8(text)`` into offsets into ``text``, decoding only what lies between."""
    data = utf8(text)
    if len(data) == len(text):  # ASCII: the offsets are the same
        yield from byte_offsets
        return
    last_byte = last_char = 0
    for offset in byte_offsets:
        last_char += len(data[last_byte:offset].decode("utf-8", "surrogatepass"))
        last_byte = offset
        yield last_char


def block_at(doc: Document, pos: int) -> Block | None:
    """The prose block holding offset ``pos`` (its end included), or None."""
    i = bisect_right(doc.blocks, pos, key=lambda b: b.start) - 1
    if i >= 0 and doc.blocks[i].start <= pos <= doc.blocks[i].end:
        return doc.blocks[i]
    return None


def is_hard_break(doc: Document, start: int, end: int) -> bool:
    """True when ``text[start:end]`` (trailing spaces of a line) is a Markdown hard line break.

    A hard break is two or more spaces (no tab) at the end of a line of a paragraph, list item or quote,
    when the next line belongs to the same block; at the end of a block the spaces do nothing and are
    plain trailing whitespace.
    """
    if not doc.markdown or end - start < 2 or doc.text.count(" ", start, end) != end - start:
        return False
    block = block_at(doc, start)
    if block is None or block.kind in (BlockKind.HEADING, BlockKind.TABLE_CELL):
        return False
    return block.end > end


def invisible_deletion(text: str, start: int, end: int) -> Edit:
    """The edit that deletes the invisible ``text[start:end]`` and leaves its neighbours spaced once.

    Between two spaces ("word \u200b word", "1. \ufeff item") the following space goes too: the words
    keep one space between them, and a list item's text keeps the column its nested lists line up with
    (deleting only the character would move it one column right and un-nest them).
    """
    if start > 0 and text[start - 1] == " " and end < len(text) and text[end] == " ":
        end += 1
    return Edit(start, end, "")


def eof_blank_span(text: str) -> tuple[int, int] | None:
    """The span of the blank lines after the file's last line break, when there are any.

    "text\\n\\n\\n" gives the span of the last two line breaks; "text\\n" and "text" give None. A file
    holding only whitespace gives None: it is empty, not piled up.
    """
    content_end = len(text)
    while content_end and text[content_end - 1] in " \t\r\n":  # only the tail: rstrip would copy the text
        content_end -= 1
    if content_end == 0:
        return None
    m = LINE_BREAK.search(text, content_end)
    if m is None or m.end() == len(text):
        return None
    return m.end(), len(text)


def line_endings(text: str) -> dict[str, int]:
    """How many CRLF, lone LF and lone CR line breaks the text has."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    return {"\r\n": crlf, "\n": lf, "\r": cr}


def majority_line_ending(text: str) -> str:
    """The file's most used line break; LF when there is none or on a tie with LF."""
    counts = line_endings(text)
    best = max(counts.values())
    for ending in ("\n", "\r\n", "\r"):
        if counts[ending] == best:
            return ending
    return "\n"


_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
}


def char_label(ch: str) -> str:
    """ "U+200B ZERO WIDTH SPACE": how a report names an invisible character."""
    import unicodedata  # here, not at import: only a finding needs it

    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ord(ch), "")
    return f"U+{ord(ch):04X} {name}".rstrip()


# Mojibake: UTF-8 bytes read as Windows-1252 or Latin-1. A lead byte of a two-, three- or four-byte UTF-8
# sequence shows as one of "Â".."ß", "à".."ï" or "ð".."ô"; each continuation byte (0x80-0xBF) as a C1
# control, a Latin-1 sign ("\u00a0".."¿") or one of the letters and signs Windows-1252 puts at 0x80-0x9F.
_CONTINUATION = (
    "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
)
MOJIBAKE = lazy_regex(
    f"[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}|[\u00f0-\u00f4][{_CONTINUATION}]{{3}}"
)


def _continuation_bytes() -> str:
    specials = "".join(ch for ch in _CONTINUATION if ord(ch) > 0xFF and ch != "-")
    return "|".join([r"\xc2[\x80-\xbf]"] + ["".join(f"\\x{b:02x}" for b in ch.encode()) for ch in specials])


# The same, over the UTF-8 bytes of the text: each of "Â".."ô" is 0xC3 and one byte, so the pattern starts
# with a literal and runs at memory speed (the str pattern above is tried at every character).
_CB = f"(?:{_continuation_bytes()})"
MOJIBAKE_BYTES = lazy_regex(f"\\xc3(?:[\\x82-\\x9f]{_CB}|[\\xa0-\\xaf]{_CB}{{2}}|[\\xb0-\\xb4]{_CB}{{3}})".encode())

# What is left when a repair went only half way ("ÃƒÂ" repaired to "ÃÂ"): a typical lead of mojibake
# right before another Latin-1 or Windows-1252 character.
MOJIBAKE_RESIDUE = lazy_regex(f"[ÂÃâÐÑðÅ][\u00c0-\u00ff{_CONTINUATION}]")


_INVISIBLE = lazy_regex("[\u0000-\u001f\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202f\u2060\ufeff]")


def quoted(s: str) -> str:
    """``s`` in quotes for a message, invisible characters spelled out ("\\x9d"), in quotes it lacks."""
    shown = _INVISIBLE.sub(
        lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) > 0xFF else f"\\x{ord(m.group()):02x}", s
    )
    if "“" not in s and "”" not in s:
        return f"“{shown}”"
    if "‘" not in s and "’" not in s:
        return f"‘{shown}’"
    return f"«{shown}»"
