"""PU006 space-before-punctuation: a space before a comma, period, semicolon, colon, "?" or "!"
("word , word", "the end .", "Really ?").

What it flags: one or more spaces between a word and the punctuation mark that should touch it, when
the mark is followed by a space, a closing quote or the end of the block ("Mali , Burkina", "done ;"),
or, for a comma or semicolon, glued to the next word ("Mali ,Burkina").

Why: in English these marks attach to the word before them; the space is a typing slip (or a habit
from French typography) and lets a line break fall before the mark.

What it leaves alone, from the shape of the text: ellipses and spaced ellipses ("wait ...", "so . . ."),
emoticons (" :)", " ;-)", " :P"), a mark glued to what follows (" .NET", " .gitignore", " :smile:",
" ?query"), a space that keeps a period or comma apart from a URL or e-mail address before it
("see https://doi.org/10.7289/V5F769GT ."), colons after two or more spaces or a tab (alignment:
"Name    : value"), a mark with no word before it (a lone "." or "?" opening a block), and code, URLs
and other masked text.

Fix safety: SAFE; the repair removes the spaces (and puts one after a comma or semicolon glued to the
next word).
"""

from __future__ import annotations

import re

from proofread.model import Edit, Fix
from proofread.punctuation import prose_matches
from proofread.rules.base import Rule

# Spaces after a word (or a closing bracket or quote), then the mark, then a space, a closing quote or
# the end; a comma or semicolon may instead be glued to the next word.
_CANDIDATE = re.compile(
    r"(?P<space> (?<=[^\W_)\]”’] )[ \t]*)"
    r"(?:(?P<mark>[,;:.]|[?!]+)(?=[\s\"”’]|\Z)(?![ \t]\.)|(?P<glued>[,;])(?=[^\W\d_]))"
)


class SpaceBeforePunctuation(Rule):
    code = "PU006"
    name = "space-before-punctuation"
    category = "punctuation"
    examples = (
        ("Mali , Burkina Faso and Niger met .", "Mali, Burkina Faso and Niger met."),
        ("Is it true ? Yes !", "Is it true? Yes!"),
        ("It was late ; we left : quickly.", "It was late; we left: quickly."),
        ("Mali ,Burkina and Niger.", "Mali, Burkina and Niger."),
        ("Wait ... and so . . . on.", None),
        ("Smile :) or ;-) or :P and use .NET or .gitignore files.", None),
        ("Name    : value", None),
        ("md:Run `ls .` or `git add .` in code.", None),
        ("See https://doi.org/10.7289/V5F769GT . It redirects.", None),
    )

    def check(self, doc, ctx):
        for m in prose_matches(doc, _CANDIDATE):
            space = m.group("space")
            mark = m.group("mark") or m.group("glued")
            if mark == ":" and (len(space) > 1 or "\t" in space):
                continue  # aligned colons
            start, end = m.start(), m.end()
            if doc.is_masked(start - 1, start):
                continue  # "see https://x.org/a ." keeps the period out of the URL on purpose
            if m.group("glued"):
                fix = Fix.safe("Move the space after the mark", Edit(start, end, mark + " "))
                suggestion = mark + " "
            else:
                fix = Fix.safe("Remove the space before the mark", Edit(start, m.start("mark"), ""))
                suggestion = mark
            yield self.diagnostic(f"Space before {mark!r}", start, end, fix, [suggestion])
