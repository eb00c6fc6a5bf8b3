"""CL016 mixed-apostrophes: straight and curly apostrophes mixed in one document ("don't" and "won’t").

What it flags: each apostrophe inside a word ("don't", "Moscow's") of the minority style: a straight one
in a document that mostly uses curly ones, or the other way round.

Why: one document should use one style; a mix shows where text was pasted from a word processor or a web
page, and search for "don't" misses "don’t".

What it leaves alone: documents that use one style, and documents where neither style holds a clear
majority (three of every four apostrophes; with fewer, the mix is two sources side by side, not
strays); apostrophes that do not sit between two letters ("students'", "'90s"), which cannot be told
from single quotation marks; quotation marks, which are another question (CL015); and anything that is
not prose (code, URLs, front matter), which is also left out of the count.

Fix safety: SAFE; an apostrophe between two letters is an apostrophe in either style.
"""

from __future__ import annotations

from proofread.cleanup import lazy_regex, minority_marks, prose_matches
from proofread.model import Edit, Fix
from proofread.rules.base import Rule

# One pattern per character, each starting with its literal (scanned fast) and checking the letters around.
_STRAIGHT = lazy_regex(r"'(?<=[^\W\d_]')(?=[^\W\d_])")
_CURLY = lazy_regex(r"’(?<=[^\W\d_]’)(?=[^\W\d_])")


class MixedApostrophes(Rule):
    code = "CL016"
    name = "mixed-apostrophes"
    category = "cleanup"
    examples = (
        (
            "Moscow’s offer wasn’t new, and Mali's reply didn’t surprise anyone.\n",
            "Moscow’s offer wasn’t new, and Mali’s reply didn’t surprise anyone.\n",
        ),
        ("It's late, it's dark, it's wet, and it’s cold.\n", "It's late, it's dark, it's wet, and it's cold.\n"),
        ("It's late, it's dark, and it’s cold.\n", None),
        ("Moscow’s offer wasn’t new.\n", None),
        ("Moscow's offer wasn't new.\n", None),
        ("md:The ministers’ visit wasn’t short; see `don't` in code.\n", None),
    )

    def check(self, doc, ctx):
        text = doc.text
        if "'" not in text or "’" not in text:
            return
        straight = [m.start() for m in prose_matches(doc, _STRAIGHT)]
        curly = [m.start() for m in prose_matches(doc, _CURLY)]
        strays = minority_marks(straight, curly)
        if strays is None:
            return
        minority, straight_strays = strays
        counts = f"{len(curly)} curly, {len(straight)} straight"
        if straight_strays:
            meant, message = "’", f"Straight apostrophe in a document of curly ones ({counts})"
        else:
            meant, message = "'", f"Curly apostrophe in a document of straight ones ({counts})"
        for pos in minority:
            fix = Fix.safe(f"Use {meant}", Edit(pos, pos + 1, meant))
            yield self.diagnostic(message, pos, pos + 1, fix, [meant])
