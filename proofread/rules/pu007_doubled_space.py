"""PU007 doubled-space: two spaces between words inside a sentence ("the  end").

What it flags: exactly two spaces between two words of a line of prose, or after a comma and before a
word ("the  end", "Mali,  Niger").

Why: a doubled space inside a sentence is a typing slip; it shows in monospaced text and in some
renderers, and it is noise in diffs.

What it leaves alone: two spaces after a sentence end or a colon (a traditional typing convention, not
a slip), two spaces next to code, brackets, braces or emphasis markers (a layout convention of
reference documentation: "{Promise}  Fulfills", "`key`  {string}"), groups of data with digits on both
sides ("FAC3  EA6A"), a list marker or short label opening a line ("o  Setting"), three or more
spaces and lines with two or more runs of spaces or a tab (alignment in tables, ASCII art and columns
of plain text), indentation, the two trailing spaces of a Markdown hard line break, and code, URLs and
other masked text.

Fix safety: SAFE; the repair is one space.
"""

from __future__ import annotations

from proofread.model import Edit, Fix
from proofread.punctuation import chunk_around, lazy_regex, prose_matches
from proofread.rules.base import Rule

# Two spaces between two words, or after a comma and before a word. Spaces before a mark are PU006's
# ("word  ,"); spaces next to code, brackets or emphasis ("{Promise}  Fulfills", "`key`  {string}",
# "**Note:**  If") are layout conventions of reference docs, not slips.
_CANDIDATE = lazy_regex(r"  (?<=[^\W_]  |,  )(?=[^\W_])", prefix="  ")
_DIGIT = lazy_regex(r"\d")
_ALIGNMENT = lazy_regex(r"\S(?:  +|\t)\S")
_LINE = lazy_regex(r"[^\n]*")


class DoubledSpace(Rule):
    code = "PU007"
    name = "doubled-space"
    category = "punctuation"
    examples = (
        ("The ministers  met in Moscow.", "The ministers met in Moscow."),
        ("It ends here.  The next one starts.", None),
        ("Name  Age  City", None),
        ("Name   Value", None),
        ("md:* Returns: {Promise}  Fulfills with `x`, and `key`  {string} is  `code`.", None),
        ("The key is FAC3  EA6A here.", None),
        ("o  Setting the fonts\nab  cd", None),
        ("A space before a comma  , is not a doubled space.", None),
        ("Note:  this is aligned.", None),
        ("md:A hard break  \nends this line.", None),
    )

    def check(self, doc, ctx):
        text = doc.text
        for m in prose_matches(doc, _CANDIDATE):
            start = m.start()
            line_start = text.rfind("\n", 0, start) + 1
            line_end = _LINE.match(text, start).end()
            runs = _ALIGNMENT.findall(text, line_start, line_end)
            if len(runs) > 1:
                continue  # columns, not a slip
            lead = text[line_start:start].strip()
            if len(lead) <= 3 and " " not in lead:
                continue  # a list marker or a short label opening the line: "o  Setting", "a)  Item"
            lo, _ = chunk_around(text, start, start, line_start, line_end)
            _, hi = chunk_around(text, start + 2, start + 2, line_start, line_end)
            if _DIGIT.search(text, lo, start) and _DIGIT.search(text, start + 2, hi):
                continue  # groups of data: "FAC3  EA6A", "10  20"
            fix = Fix.safe("Use one space", Edit(start, start + 2, " "))
            yield self.diagnostic("Two spaces between words", start, start + 2, fix, [" "])
