"""PU008 doubled-punctuation: a comma or period typed twice ("Mali,, Niger", "the end.. Then").

What it flags: ",," after a word and before a space, and ".." after a word and before a space and a
capital letter or the end of the block.

Why: a doubled comma or sentence period is a typing slip with one obvious repair.

What it leaves alone: ellipses ("...", "...."), two dots before a lowercase word ("well.. maybe"
is a clipped ellipsis, whose repair is not certain), ranges and paths ("1..10", "../src", "a..b"),
runs of commas in data ("a,,b", ",,,") and code, URLs and other masked text.

Fix safety: SAFE; the repair removes the second mark.
"""

from __future__ import annotations

from proofread.model import Edit, Fix
from proofread.punctuation import UPPER, lazy_regex, may_have_doubled_mark, prose_matches
from proofread.rules.base import Rule

# Each pattern starts with the second mark and looks back for the first: the regex engine stops at each
# comma or period and tests the one before (a search for ",," or ".." tests every character, at a third
# of the speed). Each match begins one character after its candidate, the first mark: ``lead=1``.
_CANDIDATES = (
    lazy_regex(r",(?<=[^\W_)”’],,)(?=[ \t\n])", prefix=","),
    lazy_regex(rf"\.(?<=[^\W_)”’]\.\.)(?=[ \t\n]+[\"“‘(]?[{UPPER}]|[ \t]*(?:\n|\Z))", prefix="."),
)


class DoubledPunctuation(Rule):
    code = "PU008"
    name = "doubled-punctuation"
    category = "punctuation"
    examples = (
        ("Mali,, Burkina Faso and Niger met.", "Mali, Burkina Faso and Niger met."),
        ("They met in Moscow.. Then they left..", "They met in Moscow. Then they left."),
        ("Wait... Then more.... And well.. maybe not.", None),
        ("Count 1..10 and open ../src or a..b now.", None),
        ("The row a,,b and ,,, are data.", None),
    )

    def check(self, doc, ctx):
        if not may_have_doubled_mark(doc.text):
            return  # most texts: one test instead of a scan for commas and one for periods
        for m in prose_matches(doc, *_CANDIDATES, lead=1):
            start = m.start() - 1  # the first of the two marks
            mark = m.group()
            name = "comma" if mark == "," else "period"
            fix = Fix.safe(f"Remove the second {name}", Edit(start + 1, start + 2, ""))
            yield self.diagnostic(f"Doubled {name}", start, start + 2, fix, [mark])
