"""PU001 missing-space-after-comma: a comma glued to the next word ("Mali,Burkina Faso,and Niger").

What it flags: a comma with a word (or a closing bracket or quote) on its left and a word (or an opening
bracket or quote) on its right, with no space between: "Mali,Burkina", "(no,this", "in 2020,the". When a
closing quote follows the comma ('"Yes,"he said', "“Yes,”he said") the space goes after the quote; a
straight quote closes when an odd number of them stand before it in the block.

Why: in English prose a comma between words is always followed by a space; a missing one is a typing
slip, and it also hides both words from spell checkers.

What it leaves alone, from the shape of the text: numbers ("1,000,000", "3,14", "1,2"), pairs of single
letters ("x,y", "i,j"), quoted values ('"unix,dos"'), two codes in capitals ("TCP,IP"), file names
("file.rcs,v"), anything that reads as code, a path, an option or data ("key=a,b", "[excel,plot]",
"rust,ignore", "snake_case,b", "<T,A>", "max(a,b)"), runs of three or more comma-joined values
("red,green,blue" in technical text is usually a value list), and masked text (code, URLs, e-mail).
Brand names are words like any other: "GitHub,PyTorch" is flagged.

Fix safety: SAFE; the only repair of "a,b" in prose is "a, b".
"""

from __future__ import annotations

from proofread.model import Edit, Fix
from proofread.punctuation import (
    is_tld,
    last_word,
    lazy_regex,
    looks_like_code,
    prose_chunk,
    prose_matches,
    quote_closes,
)
from proofread.rules.base import Rule

# A comma after a letter (or a closing bracket/quote) and before a letter (or an opening bracket/quote),
# or after a whole number and before a lowercase word ("in 2020,the"). The first lookahead, which every
# branch implies, turns away the usual comma (followed by a space) in one step instead of three.
_CANDIDATE = lazy_regex(
    r",(?=[“‘\"(”]|[^\W\d_])(?:(?<=[^\W\d_],)(?=[“‘\"(”]?[^\W\d_])|(?<=[)\]”’\"'],)(?=[“‘\"(”]?[^\W\d_])"
    r"|(?<=\d,)(?=[a-z]{2,}\b))",
    prefix=",",
)
_SINGLE_LETTERS = lazy_regex(r"(?<![^\W\d_])[^\W\d_],[^\W\d_](?![^\W\d_])")
_GLUED_COMMA = lazy_regex(r",(?=\S)")
# A whole run that is a quoted value: '"unix,dos"', "'a,b'".
_VALUE = lazy_regex(r"(?:\"[^\"\s]*\"|'[^'\s]*')[.,;:)]*")
_PAIR = lazy_regex(r".,[“‘\"(”]?(?P<right>[^\W\d_]+)")
_NUMBER = lazy_regex(r"[(\[]?\d+(?:,\d{3})*\Z")


class MissingSpaceAfterComma(Rule):
    code = "PU001"
    name = "missing-space-after-comma"
    category = "punctuation"
    examples = (
        ("Ministers from Mali,Burkina Faso,and Niger met.", "Ministers from Mali, Burkina Faso, and Niger met."),
        ("It was late (no,this is true).", "It was late (no, this is true)."),
        ("In 2020,the office moved.", "In 2020, the office moved."),
        ('He said "yes",then left.', 'He said "yes", then left.'),
        ('"Yes,"he said,"go."', '"Yes," he said, "go."'),
        ("“Yes,”he said.", "“Yes,” he said."),
        ("About 1,000,000 people, or 3,14 in French notation.", None),
        ("Plot the point x,y on the graph, or call max(a,b) and foo(bar,baz).", None),
        ("Find your partner(s),then sign.", "Find your partner(s), then sign."),
        ("Run it with --mount=type=cache,target=/root and pandas[excel,plot].", None),
        ("md:Use ```rust,ignore``` or `a,b` in code.", None),
        ("The colors were red,green,blue in the config.", None),
        ("Set it to \"unix,dos\" or 'create,alter' here.", None),
        (
            "Tools like SalesForce,Amazon and (polls,comments) too.",
            "Tools like SalesForce, Amazon and (polls, comments) too.",
        ),
        ("The launch of Challenge.gov,a free site.", "The launch of Challenge.gov, a free site."),
        ("Run it with TCP,IP or file.rcs,v here.", None),
        ("Tools like GitHub,PyTorch and more.", "Tools like GitHub, PyTorch and more."),
    )

    def check(self, doc, ctx):
        text = doc.text
        for m in prose_matches(doc, _CANDIDATE):
            comma = m.start()
            lo, hi = prose_chunk(doc, comma, comma + 1)
            chunk = text[lo:hi]
            if looks_like_code(chunk) or len(_GLUED_COMMA.findall(chunk)) >= 2:
                continue
            if _SINGLE_LETTERS.match(text, comma - 1):
                continue
            if text[comma - 1].isdigit() and not _NUMBER.match(text, lo, comma):
                continue  # "v1.2,beta", "x2,y": a number glued to letters reads as data
            if _VALUE.fullmatch(chunk):
                continue  # a quoted value: "unix,dos", 'create,alter'
            pair = _PAIR.match(text, comma - 1)
            if pair is not None:
                left_word, right_word = last_word(text[lo:comma])[0], pair.group("right")
                if left_word.isupper() and right_word.isupper() and len(left_word) > 1:
                    continue  # "TCP,IP": codes or flags
                if last_word(text[lo:comma])[1] == "." and not is_tld(left_word):
                    continue  # "file.rcs,v": a file name; but "Challenge.gov,a free" is a domain
            end = comma + 1
            if text[end] == "”" or (text[end] == '"' and quote_closes(doc, end)):
                end += 1  # '"Yes,"he said': the space goes after the closing quote
            fix = Fix.safe("Add a space after the comma", Edit(end, end, " "))
            yield self.diagnostic("Missing space after a comma", comma, end, fix, [text[comma:end] + " "])
