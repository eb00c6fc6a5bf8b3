"""CL009 stray-byte-order-mark: a byte-order mark (U+FEFF) in the middle of the text.

What it flags: U+FEFF anywhere after the first character of the text, outside masked text.

Why: a byte-order mark belongs, if anywhere, at the very start of a file (proofread reads and keeps that
one separately). One in the middle is left behind by gluing files together or pasting from a file that
had one; it is invisible, and it breaks words, headings and line-start syntax such as "# Title".

What it leaves alone: the mark at the start of the file (not part of the text proofread checks), and
masked text (code, URLs, front matter).

Fix safety: SAFE; the character is deleted.
"""

from __future__ import annotations

from proofread.cleanup import invisible_deletion, lazy_regex, unmasked_matches
from proofread.model import Fix
from proofread.rules.base import Rule

_BOM = lazy_regex("\ufeff+")


class StrayByteOrderMark(Rule):
    code = "CL009"
    name = "stray-byte-order-mark"
    category = "cleanup"
    examples = (
        (
            "First part of the article.\n\ufeffSecond part, pasted from another file.\n",
            "First part of the article.\nSecond part, pasted from another file.\n",
        ),
        ("md:Intro.\n\n\ufeff# Title\n", "md:Intro.\n\n# Title\n"),
        ("A clean text.\n", None),
        ("md:Code: `\ufeff`.\n", None),
    )

    def check(self, doc, ctx):
        if doc.text.find("\ufeff", 1) < 0:
            return
        for m in unmasked_matches(doc, _BOM):
            start, end = max(m.start(), 1), m.end()  # one at the very start may be the file's own
            if end > start:
                fix = Fix.safe("Delete the byte-order mark", invisible_deletion(doc.text, start, end))
                yield self.diagnostic("Byte-order mark (U+FEFF) in the middle of the text", start, end, fix)
