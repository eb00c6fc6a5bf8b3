"""Shared helpers for the text-cleanup rules (CL...).

Cleanup diagnostics are not dropped by ``lint.check_text`` when they touch masked text (code, URLs,
markup, front matter), because some of them are about the whole file (a missing final newline, mixed line
endings). Each CL rule therefore decides for itself what to skip; most skip every match that touches a
mask, through ``unmasked_matches``.

Every rule runs one compiled regex over the whole text and checks the few candidates it finds; the
helpers here keep those checks cheap (a single forward walk over the masks instead of a bisect per match).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator

from proofread.model import Block, BlockKind, Document

LINE_BREAK = re.compile(r"\r\n|\r|\n")
# The blank lines (spaces and tabs allowed) that close a file, after the line break of its last line.
_EOF_BLANKS = re.compile(r"(?:\r\n|\r|\n)([ \t\r\n]*)\Z")


def unmasked_matches(doc: Document, pattern: re.Pattern[str], text: str | None = None) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` over the whole text that touch no masked span.

    Matches and masks both come in order, so one forward walk over the masks decides every match. An empty
    match counts as masked when it lies inside a mask.
    """
    text = doc.text if text is None else text
    masks = doc.masks
    count = len(masks)
    i = 0
    for m in pattern.finditer(text):
        start, end = m.span()
        while i < count and masks[i].end <= start:
            i += 1
        if i < count and masks[i].start < max(end, start + 1):
            continue
        yield m


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


def eof_blank_span(text: str) -> tuple[int, int] | None:
    """The span of the blank lines after the file's last line break, when there are any.

    "text\\n\\n\\n" gives the span of the last two line breaks; "text\\n" and "text" give None. A file
    holding only whitespace gives None: it is empty, not piled up.
    """
    m = _EOF_BLANKS.search(text)
    if m is None or m.start(1) == m.end(1) or not text[: m.start()].strip():
        return None
    return m.start(1), m.end(1)


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
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ord(ch), "")
    return f"U+{ord(ch):04X} {name}".rstrip()


# Mojibake: UTF-8 bytes read as Windows-1252 or Latin-1. A lead byte of a two-, three- or four-byte UTF-8
# sequence shows as one of "Â".."ß", "à".."ï" or "ð".."ô"; each continuation byte (0x80-0xBF) as a C1
# control, a Latin-1 sign ("\u00a0".."¿") or one of the letters and signs Windows-1252 puts at 0x80-0x9F.
_CONTINUATION = (
    "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
)
MOJIBAKE = re.compile(
    f"[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}|[\u00f0-\u00f4][{_CONTINUATION}]{{3}}"
)

# What is left when a repair went only half way ("ÃƒÂ" repaired to "ÃÂ"): a typical lead of mojibake
# right before another Latin-1 or Windows-1252 character.
MOJIBAKE_RESIDUE = re.compile(f"[ÂÃâÐÑðÅ][\u00c0-\u00ff{_CONTINUATION}]")


def unmasked_stretch(doc: Document, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """``[lo, hi)`` cut short at the masks nearest to ``[start, end)``, which lies inside it unmasked."""
    masks = doc.masks
    i = bisect_right(masks, start, key=lambda s: s.start)
    j = i - 1
    while j >= 0 and masks[j].end > lo:
        if masks[j].end <= start:
            lo = masks[j].end
            break
        j -= 1
    while i < len(masks) and masks[i].start < hi:
        if masks[i].start >= end:
            hi = masks[i].start
            break
        i += 1
    return lo, hi


_INVISIBLE = re.compile("[\u0000-\u001f\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202f\u2060\ufeff]")


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
