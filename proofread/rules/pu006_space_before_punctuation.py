"""PU006 space-before-punctuation: a space before a comma, period, semicolon, colon, "?" or "!"
("word , word", "the end .", "Really ?").

What it flags: one or more spaces between a word and the punctuation mark that should touch it, when
the mark is followed by a space, a closing quote or the end of the block ("Mali , Burkina", "done ;"),
or, for a comma or semicolon, glued to the next word ("Mali ,Burkina").

Why: in English these marks attach to the word before them; the space is a typing slip (or a habit
from French typography) and lets a line break fall before the mark.

What it leaves alone, from the shape of the text: ellipses and spaced ellipses ("wait ...", "so . . ."),
emoticons (" :)", " ;-)", " :P"), a "?", "!" or ":" with spaces on both sides that is not followed by a
capital (an operator or a symbol named in the text: "a ? b : c", "the ! flag"), a mark after data, an
option or code ("0003 ;", "git add -u ."), a mark glued to what follows (" .NET", " .gitignore", " :smile:",
" ?query"), a space that keeps a period or comma apart from a URL or e-mail address before it
("see https://doi.org/10.7289/V5F769GT ."), marks after two or more spaces or a tab (alignment:
"Name    : value"), a mark with no word before it (a lone "." or "?" opening a block), and code, URLs
and other masked text.

Fix safety: SAFE; the repair removes the spaces (and puts one after a comma or semicolon glued to the
next word).
"""

from __future__ import annotations

import re

from proofread.model import Edit, Fix
from proofread.punctuation import (
    UPPER,
    lazy_regex,
    looks_like_code,
    may_have_space_before_mark,
    prose_chunk,
    prose_matches,
)
from proofread.rules.base import Rule

# One space after a word (or a closing bracket or quote), then the mark, then a space, a closing quote or
# the end; a comma or semicolon may instead be glued to the next word. (Two or more spaces or a tab
# before a mark are alignment.) One pattern per mark, each starting with the mark itself and looking
# back for the space: the regex engine then stops only at that mark (a search for " <mark>" stops at
# every space), and whether the mark occurs at all is a one-character test at memory speed (a
# two-character ``in`` test reads the text at a third of that speed). Each match begins one character
# after its candidate, the space: ``lead=1``.
_END = r"(?=[\s\"”’]|\Z)(?![ \t]\.)"
_CANDIDATES = tuple(
    lazy_regex(rf"{re.escape(mark)}(?<=[^\W_)\]”’] {re.escape(mark)}){tail}", prefix=mark)
    for mark, tail in (
        (",", rf"(?:{_END}|(?=[^\W\d_]))"),
        (";", rf"(?:{_END}|(?=[^\W\d_]))"),
        (":", _END),
        (".", _END),
        ("?", rf"[?!]*{_END}"),
        ("!", rf"[?!]*{_END}"),
    )
)
# After a mark with spaces on both sides: a capital or the end of the line ("Why ? Because",
# "Really ?"); anything else ("a ? b : c", "File : Class Browser" aside) reads as an operator.
_SENTENCE_AFTER = lazy_regex(rf"[ \t]*(?:[\"“‘(]?[{UPPER}]|\n|\Z)")
# The run of text before the space: a word of letters (with inner apostrophes, hyphens or periods),
# not data such as "E01AB" or "1BCA0".
_WORD_BEFORE = lazy_regex(r"[(\[“‘\"']*[^\W\d_](?:[^\W\d_]|['’.-](?=[^\W\d_]))*\.?")
_LETTERS = lazy_regex(r"[^\W\d_]{2}")


class SpaceBeforePunctuation(Rule):
    code = "PU006"
    name = "space-before-punctuation"
    category = "punctuation"
    examples = (
        ("Mali , Burkina Faso and Niger met .", "Mali, Burkina Faso and Niger met."),
        ("Is it true ? Yes !", "Is it true? Yes!"),
        ("It was late ; we left. The reason : Money.", "It was late; we left. The reason: Money."),
        ("Run the script :\nThen wait.", "Run the script:\nThen wait."),
        ("Mali ,Burkina and Niger.", "Mali, Burkina and Niger."),
        ("Wait ... and so . . . on.", None),
        ("Smile :) or ;-) or :P and use .NET or .gitignore files.", None),
        ("Name    : value", None),
        ("Use expr ? a : b or the ! flag, or say git add -u . there.", None),
        ("0003  ; [.0000.0000] # END OF TEXT\nE01AB ; [.0000] # VARIATION", None),
        ("md:Run `ls .` or `git add .` in code.", None),
        ("See https://doi.org/10.7289/V5F769GT . It redirects.", None),
    )

    def check(self, doc, ctx):
        text = doc.text
        if not may_have_space_before_mark(text):
            return  # most texts: one test instead of a scan for each mark
        for m in prose_matches(doc, *_CANDIDATES, lead=1):
            start, end = m.start() - 1, m.end()  # the space before the mark, to the end of the match
            mark = text[start + 1 : end]
            glued = text[end : end + 1].isalpha()
            if doc.is_masked(start - 1, start):
                continue  # "see https://x.org/a ." keeps the period out of the URL on purpose
            lo, _ = prose_chunk(doc, start - 1, start)
            word = text[lo:start]
            if not _WORD_BEFORE.fullmatch(word) or not _LETTERS.search(word) or looks_like_code(word):
                continue  # data, options and code: "0003 ;", "git add -u .", "x[i] ?"
            if mark[0] in "?!:." and not glued and text[end : end + 1] in " \t":
                if mark == "." and text[end + 1 : end + 2] == ".":
                    continue
                if mark != "." and not _SENTENCE_AFTER.match(text, end):
                    continue  # an operator or a symbol named in the text: "a ? b : c", "the ! flag"
            if glued:
                fix = Fix.safe("Move the space after the mark", Edit(start, end, mark + " "))
                suggestion = mark + " "
            else:
                fix = Fix.safe("Remove the space before the mark", Edit(start, start + 1, ""))
                suggestion = mark
            yield self.diagnostic(f"Space before {mark!r}", start, end, fix, [suggestion])
