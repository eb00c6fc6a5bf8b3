"""Shared helpers for the punctuation and spacing rules (PU...).

Every PU rule works the same way: one compiled regex, starting with a literal, runs once over the whole
text; the matches that lie inside a prose block and touch no masked span (``prose_matches``) are then
checked against the shape of the text around them (a number, an initialism, a domain, a file name,
code?). The regexes are written so that ordinary prose yields almost no candidates, so the
per-candidate Python checks cost next to nothing; the rule set runs at millions of words a second.

The shape checks work on the whitespace-delimited run of text around a mark (``prose_chunk``), cut short
where a masked span (a URL, an e-mail address, a hashtag) begins or ends.

What several rules (PU and CL) ask of the whole text is worked out once per text and kept for the next
rule: its UTF-8 bytes, those bytes sorted into a few classes (a control character, a space before a
mark, a doubled mark, a Greek or Cyrillic letter: one search each), whether it holds two spaces.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections.abc import Iterator
from typing import AnyStr, cast

from proofread.model import Document

# The attributes of a compiled pattern that a LazyRegex copies onto itself when first used.
_PATTERN_ATTRS = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "flags",
    "groups",
    "groupindex",
)


class LazyRegex:
    """A regex compiled the first time one of its methods is asked for, then as fast as the compiled one.

    The PU and CL rules hold some fifty patterns; compiling them all when the modules are imported cost
    several milliseconds of start-up on every run, also when a rule is not selected or finds no candidate
    cheaply. ``pattern`` is there without compiling (other patterns are built from it). ``prefix``, when
    given, is the literal every match starts with: ``prose_matches`` skips the pattern, uncompiled, on a
    text that lacks it.
    """

    def __init__(self, pattern: str | bytes, prefix: str | bytes | None = None) -> None:
        self.pattern = pattern
        self.prefix = prefix

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("pattern", "prefix"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern)
        for attr in _PATTERN_ATTRS:  # later look-ups find the compiled pattern's own bound methods
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r})"


def lazy_regex(pattern: AnyStr, prefix: AnyStr | None = None) -> re.Pattern[AnyStr]:
    """``re.compile(pattern)``, deferred to the pattern's first use (see ``LazyRegex``); ``prefix`` is the
    literal the pattern starts with, if any."""
    return cast("re.Pattern[AnyStr]", LazyRegex(pattern, prefix))


# Character classes for letters by case. ``re`` has no \p{Lu}; Latin-1 and Latin Extended-A cover the
# prose we read, and anything outside them simply yields no candidate.
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
LOWER = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"
LETTER = r"[^\W\d_]"

# Characters that do not occur in a run of prose words but do in code, paths, options, markup and data:
# "key=value", "/root", "a/b/c", "<T,A>", "[extra,plot]", "snake_case", "a::b", "f()", "max(a,b)",
# "$VAR", "a|b"; but "partner(s),and" is prose.
# One slash between two words is prose ("and/or", "actors/actresses").
_CODEISH = lazy_regex(
    r"[=\\<>{}\[\]@#$^&|~+`]|::|[^\W_]_|_[^\W_]|\(\)|[^\W_]\((?!s\))|/.*/|(?<![^\W\d_])/|/(?![^\W\d_])"
)
_LEFT_CHUNK = lazy_regex(r"\S*\Z")
_RIGHT_CHUNK = lazy_regex(r"\S*")
# The last run of letters of a string, and what stands right before it.
_LAST_WORD = lazy_regex(r"(?:^|(?P<before>\S))(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)\Z")

# Top-level domains and file extensions written after a period ("Data.Gov", "Node.Js", "Setup.Exe"): the
# right side of a domain or file name, not the start of a sentence. Those that are also English words
# ("In", "So", "To", "Me", "Us", "Go", "Is") are left out on purpose: "Morocco.In 1860" is a sentence.
TLDS = frozenset(
    """com org net gov edu mil int io info biz xyz dev app uk eu de fr jp cn ru nl se ch
    js ts jsx tsx py rb rs exe dll md txt html htm css json xml yaml yml toml ini cfg pdf docx xls xlsx
    ppt pptx zip gz tar png jpg jpeg gif svg csv sh bat""".split()
)


# --- what the text holds, worked out once per text --------------------------------------------------
#
# Several rules ask the same question of a text that lacks what they look for (two spaces in a row, a
# space before a mark): each answer reads the whole text, so it is kept for the last text asked about
# (rules check one text at a time; holding it keeps the identity test valid).

_UTF8: tuple[str, bytes] = ("", b"")


def utf8(text: str) -> bytes:
    """The UTF-8 bytes of ``text``, kept for the last text asked about (every CL rule checks the same one)."""
    global _UTF8
    if _UTF8[0] is not text:
        _UTF8 = (text, text.encode("utf-8", "surrogatepass"))
    return _UTF8[1]


_FOUND: tuple[str, dict[str, bool]] = ("", {})


def contains(text: str, needle: str) -> bool:
    """``needle in text``, kept for the last text asked about: PU007 and CL017 both look for two spaces
    (a search for a frequent character pair reads the text at about 2 ns a character)."""
    global _FOUND
    if _FOUND[0] is not text:
        _FOUND = (text, {})
    found = _FOUND[1].get(needle)
    if found is None:
        found = _FOUND[1][needle] = needle in text
    return found


# The bytes some rules look for, each kind turned into one class byte, so that one ``bytes.translate``
# of the text serves them all and each question is then one search of the result:
#   0x00  a C0 control character other than tab, LF and CR, or DEL (CL011)
#   0x01  "," or "." (PU006: after a space; PU008: after another one)
#   0x02  ";", ":", "?" or "!" (PU006: after a space)
#   0x03  a UTF-8 lead byte 0xCD-0xD4, which starts every Greek or Cyrillic letter, U+0340..U+053F (CL013)
# Every other byte stays what it is; no other byte becomes 0x00-0x03 (those are control characters).
_CONTROL_BYTES = bytes(b for b in [*range(0x20), 0x7F] if b not in (0x09, 0x0A, 0x0D))
_GREEK_OR_CYRILLIC_LEADS = bytes(range(0xCD, 0xD5))
_BYTE_CLASSES = bytes.maketrans(
    _CONTROL_BYTES + b",.;:?!" + _GREEK_OR_CYRILLIC_LEADS,
    bytes(len(_CONTROL_BYTES)) + b"\x01\x01\x02\x02\x02\x02" + b"\x03" * len(_GREEK_OR_CYRILLIC_LEADS),
)
_CLASSES: tuple[str, bytes] = ("", b"")


def _byte_classes(text: str) -> bytes:
    """``utf8(text)`` with the bytes above turned into their class bytes, kept for the last text."""
    global _CLASSES
    if _CLASSES[0] is not text:
        _CLASSES = (text, utf8(text).translate(_BYTE_CLASSES))
    return _CLASSES[1]


def has_control_character(text: str) -> bool:
    """Whether ``text`` holds a C0 control character other than tab, LF and CR, or DEL (U+007F)."""
    return b"\x00" in _byte_classes(text)


def has_greek_or_cyrillic(text: str) -> bool:
    """Whether ``text`` may hold a Greek or Cyrillic letter (a character in U+0340..U+053F)."""
    return not text.isascii() and b"\x03" in _byte_classes(text)


def may_have_space_before_mark(text: str) -> bool:
    """False when no space in ``text`` stands right before a , . ; : ? or ! (PU006 has nothing to find).

    Speed: two searches for a rare byte pair (a ``bytes`` search skips ahead while the last byte of the
    pair does not match) stand for six pattern scans, one per mark.
    """
    classes = _byte_classes(text)
    return b" \x01" in classes or b" \x02" in classes


def may_have_doubled_mark(text: str) -> bool:
    """False when no comma or period in ``text`` follows another comma or period (PU008 looks for ",,"
    and ".."); true also for ",." and ".,", which that rule's patterns then rule out."""
    return b"\x01\x01" in _byte_classes(text)


# The block starts of the document being checked. Only the last document is kept, and weakly: the rules
# check one document at a time, and holding it would keep its text and tokens alive after its check.
_BLOCK_STARTS: list[tuple[weakref.ref[Document], list[int]]] = []


def _block_starts(doc: Document) -> list[int]:
    """The start of every block of ``doc``, computed once per document."""
    if _BLOCK_STARTS and _BLOCK_STARTS[0][0]() is doc:
        return _BLOCK_STARTS[0][1]
    starts = [b.start for b in doc.blocks]
    _BLOCK_STARTS[:] = [(weakref.ref(doc), starts)]
    return starts


def prose_matches(doc: Document, *patterns: re.Pattern[str], lead: int = 0) -> Iterator[re.Match[str]]:
    """Matches of each of ``patterns`` (one after the other) inside one prose block, not touching a mask.

    The pattern runs once over the whole text, so it should begin with a literal character (put
    lookbehinds after it: ``,(?<=[a-z],)``), which lets the regex engine skip to candidates at C speed.
    Lookaheads therefore see past the end of a block: end them with ``\\s`` or ``\\Z``, not ``$``.

    ``lead`` is the number of characters before each match that belong to the candidate: a pattern
    for " ," is faster written ``,(?<= ,)`` (the engine stops only at commas, not at every space, and a
    one-character ``prefix`` is tested at memory speed), and the candidate then starts one character
    before the match. The block and mask tests take the candidate's span.
    """
    blocks = doc.blocks
    if not blocks:
        return
    starts = _block_starts(doc)
    masked = doc.is_masked if doc.masks else None
    text = doc.text
    for pattern in patterns:
        prefix = getattr(pattern, "prefix", None)
        if prefix is not None and not contains(text, prefix):
            continue  # no match is possible: leave the pattern uncompiled
        for m in pattern.finditer(text, blocks[0].start):
            start, end = m.span()
            start -= lead
            i = bisect_right(starts, start) - 1
            if i < 0 or end > blocks[i].end:
                continue
            if masked is not None and masked(start, end):
                continue
            yield m


def block_of(doc: Document, pos: int) -> tuple[int, int]:
    """The (start, end) of the block holding ``pos`` (or the whole text when none does)."""
    i = bisect_right(_block_starts(doc), pos) - 1
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


def quote_closes(doc: Document, pos: int) -> bool:
    """True when the straight double quote at ``pos`` closes a quotation rather than opening one: an odd
    number of straight double quotes stand before it in its block."""
    lo, _ = block_of(doc, pos)
    return doc.text.count('"', lo, pos) % 2 == 1


def prose_chunk(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Like ``chunk_around`` within the block holding ``start``, cut short at masked spans.

    A hashtag, an e-mail address or a link target glued to the punctuation ("#Moon,dominated",
    "a@b.gov.See") is not part of the prose run whose shape the rules judge.
    """
    lo, hi = block_of(doc, start)
    lo, hi = chunk_around(doc.text, start, end, lo, hi)
    return unmasked_stretch(doc, lo, hi, start, end) if doc.masks else (lo, hi)


def unmasked_stretch(doc: Document, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """``[lo, hi)`` cut short at the masks nearest to ``[start, end)``, which lies inside it unmasked."""
    masks = doc.masks
    i = bisect_right(masks, start, key=lambda s: s.start)
    # masks that start at or before `start`: the last one may end inside the stretch
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
    """The letters at the end of ``text`` (a run without whitespace) and the character right before them
    ("" at the start)."""
    m = _LAST_WORD.search(text)
    if not m:
        return "", ""
    return m.group("word"), m.group("before") or ""


def is_tld(word: str) -> bool:
    return word.lower() in TLDS


_WORD_PAIR = lazy_regex(
    r"[(\[“‘\"']*(?P<left>[^\W\d_]+(?:['’-][^\W\d_]+)*)(?P<mark>[,.;:?!]+)"
    r"[(“‘\"']?(?P<right>[^\W\d_]+(?:['’-][^\W\d_]+)*)[)\]”’\"'.,;:!?]*"
)


def word_pair(doc: Document, start: int, end: int) -> tuple[str, str] | None:
    """The two words joined by the mark at ``[start, end)`` when the whitespace-delimited run around it
    is nothing but "word<mark>word" (with brackets, quotes or trailing punctuation), else None.

    "Note:this" and "done;then" qualify; "uv:latest@sha256", "a:b:c", "x=1;y" and "v1:beta" do not.
    """
    lo, hi = prose_chunk(doc, start, end)
    m = _WORD_PAIR.fullmatch(doc.text, lo, hi)
    if m is None or m.start("mark") != start or m.end("mark") != end:
        return None
    return m.group("left"), m.group("right")
