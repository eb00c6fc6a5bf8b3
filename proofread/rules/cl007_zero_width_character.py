"""CL007 zero-width-character: an invisible zero-width character in text that has no use for it.

What it flags: ZERO WIDTH SPACE (U+200B), ZERO WIDTH NON-JOINER (U+200C), ZERO WIDTH JOINER (U+200D),
WORD JOINER (U+2060) and MONGOLIAN VOWEL SEPARATOR (U+180E) between characters of scripts that never
need them, such as "Mos\\u200bcow" or "the\\u200d ministers"; and the invisible bidirectional marks and
controls (LEFT-TO-RIGHT MARK U+200E, RIGHT-TO-LEFT MARK U+200F, ARABIC LETTER MARK U+061C, the embeddings,
overrides and isolates U+202A..U+202E and U+2066..U+2069) on a line without right-to-left text.

Why: web pages insert zero-width characters as line-break hints and tracking marks, and they survive
copying. They are invisible, yet they split words for search, spell checking and sorting, and break
links and identifiers copied from the text.

What it leaves alone: a joiner or non-joiner next to a character of a script that uses them (Arabic,
Persian, Syriac, the Indic scripts, Sinhala, Myanmar, Khmer, Mongolian, Tibetan) and a joiner inside an
emoji sequence ("👩\\u200d💻"); a zero-width space or word joiner next to a script written without spaces
between words (Thai, Lao, Khmer, Myanmar, Tibetan, Chinese, Japanese), where it marks word boundaries;
a bidirectional mark or control on a line with Hebrew, Arabic, Syriac, Thaana or N'Ko text, where it
orders the text; and masked text (code, URLs, front matter).

Fix safety: SAFE; the character is deleted (with the space after it when it stands between two spaces,
so the words keep one space and a list item keeps its column), which changes nothing a reader sees (a bidirectional mark
changes nothing on a line that has no right-to-left text).
"""

from __future__ import annotations

from proofread.cleanup import char_label, invisible_deletion, lazy_regex, unmasked_matches
from proofread.model import Fix
from proofread.rules.base import Rule

_ZERO_WIDTH = lazy_regex("[\u200b\u200c\u200d\u2060\u180e]+")
_BIDI = lazy_regex("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]+")
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\u180e"
_BIDI_CHARS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, and their presentation forms.
_RTL = lazy_regex("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]")
# Scripts whose shaping uses the joiner and non-joiner, and emoji (with the variation selector and skin
# tones) for ZWJ sequences; as code-point ranges, since only the two neighbours of a match are tested
# (a regex of these ranges costs milliseconds to compile at start-up).
_JOINING = (
    (0x0590, 0x08FF), (0x0900, 0x0DFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF),
    (0x1800, 0x18AF), (0xA8E0, 0xA8FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF), (0x2600, 0x27BF),
    (0x2300, 0x23FF), (0x2B00, 0x2BFF), (0xFE0F, 0xFE0F), (0x20E3, 0x20E3), (0x1F000, 0x1FAFF),
    (0xE0020, 0xE007F),
)  # fmt: skip
# Scripts written without spaces between words, where a zero-width space marks a word boundary.
_UNSPACED = (
    (0x0E00, 0x0EFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x2E80, 0x2FFF),
    (0x3000, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x20000, 0x3FFFF),
)  # fmt: skip


def _any_in(chars: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= ord(ch) <= hi for ch in chars for lo, hi in ranges)


class ZeroWidthCharacter(Rule):
    code = "CL007"
    name = "zero-width-character"
    category = "cleanup"
    examples = (
        ("The ministers met in Mos\u200bcow.\n", "The ministers met in Moscow.\n"),
        ("The\u200d ministers\u2060 met.\n", "The ministers met.\n"),
        ("\u200bLeading and trailing\u200c\n", "Leading and trailing\n"),
        ("Two words \u200b apart.\n", "Two words apart.\n"),
        ("The coder emoji 👩\u200d💻 is one picture.\n", None),
        ("Persian: می\u200cخواهم, Hindi: क्\u200dष.\n", None),
        ("Thai: ภาษา\u200bไทย.\n", None),
        ("md:Code: `a\u200bb`.\n", None),
        ("Pasted from a feed:\u200e the ministers met.\u202c\n", "Pasted from a feed: the ministers met.\n"),
        ("The name \u202bשלום\u202c means peace.\n", None),
    )

    def check(self, doc, ctx):
        text = doc.text
        if text.isascii():
            return  # every character looked for lies outside ASCII (CPython knows a str is ASCII: no scan)
        # one C-level test per character (``map`` over ``in``), without a generator step for each
        holds = text.__contains__
        if any(map(holds, _BIDI_CHARS)):
            yield from self._bidi(doc)
        if not any(map(holds, _ZERO_WIDTH_CHARS)):
            return
        for m in unmasked_matches(doc, _ZERO_WIDTH):
            start, end = m.span()
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            run = m.group()
            context = before + after
            joiners = any(ch in "\u200c\u200d" for ch in run)
            if joiners and _any_in(context, _JOINING):
                continue
            if _any_in(context, _UNSPACED):
                continue
            names = ", ".join(dict.fromkeys(char_label(ch) for ch in run))
            fix = Fix.safe("Delete the invisible character", invisible_deletion(text, start, end))
            yield self.diagnostic(f"Invisible character {names}", start, end, fix)

    def _bidi(self, doc):
        text = doc.text
        for m in unmasked_matches(doc, _BIDI):
            start, end = m.span()
            line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
            line_end = min((i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0), default=len(text))
            if _RTL.search(text, line_start, line_end):
                continue
            names = ", ".join(dict.fromkeys(char_label(ch) for ch in m.group()))
            fix = Fix.safe("Delete the invisible character", invisible_deletion(text, start, end))
            yield self.diagnostic(f"Invisible character {names} on a line without right-to-left text", start, end, fix)
