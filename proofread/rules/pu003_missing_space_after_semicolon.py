"""PU003 missing-space-after-semicolon: a semicolon glued to the next word ("done;then").

What it flags: "word;word" where the run of text between spaces is just two words joined by a
semicolon (brackets, quotes and trailing punctuation allowed): "done;then", "(late;early)".

Why: a semicolon between clauses is always followed by a space in prose.

What it leaves alone, from the shape of the text: anything else glued to the pair ("x=1;y=2",
"height:50px;width", "en;q=0.5", "a;b;c"), initialisms ("TL;DR", "tl;dr"), single letters ("a;b"),
HTML entities ("&amp;") and other masked text (code, URLs).

Fix safety: SAFE; the repair of "a;b" in prose is "a; b".
"""

from __future__ import annotations

from proofread.model import Edit, Fix
from proofread.punctuation import lazy_regex, prose_matches, word_pair
from proofread.rules.base import Rule

# (the lookahead first: it turns away the usual semicolon, followed by a space, at once)
_CANDIDATE = lazy_regex(r";(?=[“‘\"(]?[^\W\d_])(?<=[^\W\d_];)", prefix=";")


class MissingSpaceAfterSemicolon(Rule):
    code = "PU003"
    name = "missing-space-after-semicolon"
    category = "punctuation"
    examples = (
        ("The work was done;then we rested.", "The work was done; then we rested."),
        ("It was late (very late;too late).", "It was late (very late; too late)."),
        ("Read the TL;DR first, or the tl;dr.", None),
        ("Set style=height:50px;width:150px or en;q=0.5 in the header.", None),
        ("Use a;b as a pair and x;y;z as a list.", None),
        ("md:Run `a;b` and type &amp;nbsp; for a space.", None),
    )

    def check(self, doc, ctx):
        for m in prose_matches(doc, _CANDIDATE):
            pair = word_pair(doc, m.start(), m.end())
            if pair is None:
                continue
            left, right = pair
            if len(left) < 2 or len(right) < 2 or (left.isupper() and right.isupper()):
                continue
            if len(left) <= 2 and len(right) <= 2:
                continue
            semicolon = m.start()
            fix = Fix.safe("Add a space after the semicolon", Edit(semicolon + 1, semicolon + 1, " "))
            yield self.diagnostic("Missing space after a semicolon", semicolon, semicolon + 1, fix, ["; "])
