"""CL015 mixed-quotes: straight and curly double quotes mixed in one document.

What it flags: each double quotation mark of the minority style: a straight "..." in a document that
mostly uses curly “...”, or a curly one in a document that mostly uses straight ones. Text pasted from a
word processor or a web page into a plain-typed document (or the other way round) mixes them.

Why: one document should use one style; a mix shows the seams of copy and paste and reads as careless.

What it leaves alone: documents that use one style, and documents where neither style holds a clear
majority (three of every four quotes; with fewer, the mix is two sources side by side, not strays); a
straight quote right after a digit, which is an inch or second mark (5'10", 12" pipe); the
single quotes and apostrophes, which are another question (CL016 handles apostrophes); German low
quotes and guillemets; and anything that is not prose (code, URLs, HTML attributes, link titles and
definitions, front matter), which is also left out of the count.

Fix safety: SAFE. A curly quote becomes a straight one. A straight quote becomes an opening “ when it
follows a space or an opening bracket and precedes a word, and a closing ” when it follows a word and
precedes a space or punctuation; where its direction is unclear it is reported without a fix.
"""

from __future__ import annotations

from proofread.cleanup import lazy_regex, minority_marks, prose_matches
from proofread.model import Edit, Fix
from proofread.rules.base import Rule

# One pattern per character: a pattern that starts with a literal is scanned fast.
_STRAIGHT = lazy_regex(r'"(?<!\d")')
_CURLY = (lazy_regex("“"), lazy_regex("”"))
_OPEN_BEFORE = set(" \t\r\n\u00a0([{—–-/‘'“*_")
_CLOSE_AFTER = set(" \t\r\n\u00a0.,;:!?)]}—–-/’'”*_…")


def _curly(text: str, pos: int) -> str | None:
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    opening = before in _OPEN_BEFORE and not after.isspace()
    closing = not before.isspace() and after in _CLOSE_AFTER
    if opening and not closing:
        return "“"
    if closing and not opening:
        return "”"
    return None


class MixedQuotes(Rule):
    code = "CL015"
    name = "mixed-quotes"
    category = "cleanup"
    examples = (
        (
            'He called it “historic”, “urgent” and “overdue”, then said "enough".\n',
            "He called it “historic”, “urgent” and “overdue”, then said “enough”.\n",
        ),
        (
            'The "talks" were "frank" and the "outcome" was “open”.\n',
            'The "talks" were "frank" and the "outcome" was "open".\n',
        ),
        ('The "talks" were "frank" and “open”.\n', None),
        ("The minister called the visit “historic” and “long overdue”.\n", None),
        ('The minister called the visit "historic" and "long overdue".\n', None),
        ('A 12" pipe, he said, was “standard” and “cheap”.\n', None),
        ('md:Titles “one” and “two”, with [a link](http://x.org "title") and `"code"`.\n', None),
    )

    def check(self, doc, ctx):
        text = doc.text
        if '"' not in text:
            return
        if "“" not in text and "”" not in text:
            return
        straight = [m.start() for m in prose_matches(doc, _STRAIGHT)]
        curly = sorted(m.start() for pattern in _CURLY for m in prose_matches(doc, pattern))
        strays = minority_marks(straight, curly)
        if strays is None:
            return
        counts = f"{len(curly)} curly, {len(straight)} straight"
        if strays[1]:
            for pos in straight:
                meant = _curly(text, pos)
                message = f"Straight quote in a document of curly quotes ({counts})"
                fix = Fix.safe(f"Use {meant}", Edit(pos, pos + 1, meant)) if meant else None
                yield self.diagnostic(message, pos, pos + 1, fix, [meant] if meant else [])
        else:
            for pos in curly:
                message = f"Curly quote in a document of straight quotes ({counts})"
                fix = Fix.safe('Use "', Edit(pos, pos + 1, '"'))
                yield self.diagnostic(message, pos, pos + 1, fix, ['"'])
