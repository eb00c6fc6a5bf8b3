"""PU005 missing-space-after-question-or-exclamation: "engine?The", "available!This".

What it flags: a word, a question or exclamation mark (or several, "?!"), maybe a closing bracket or
curly quote, then a capitalised word with no space: the next sentence has lost its space.

Why: a capitalised word right after "?" or "!" starts a new sentence, which is always preceded by a
space.

What it leaves alone: a lowercase word after the mark (query strings, "file?.txt", "a!=b" and shell
history are not sentences), camelCase or capitals on the right ("x?FooBar", "go!NOW" read as code or
shouting), anything that reads as code around it ("?id=Foo", "vec!Foo_bar"), URLs and other masked
text, and interrobangs followed by a space ("What?! No.").

Fix safety: SAFE; the repair is a space after the mark.
"""

from __future__ import annotations

from proofread.model import Edit, Fix
from proofread.punctuation import LOWER, UPPER, lazy_regex, looks_like_code, prose_chunk, prose_matches, quote_closes
from proofread.rules.base import Rule

# One pattern per mark so that each begins with a literal (fast to scan for); "?!" and "!?" are
# matched from their first mark.
_AFTER = rf"[?!]*[)”’\"]?(?=[{UPPER}][{LOWER}]+(?![\w(]|\.\w))"
# The first lookahead, which ``_AFTER`` implies, turns away the usual mark (followed by a space) at once.
_NEXT = rf"(?=[?!)”’\"{UPPER}])"
_CANDIDATES = (
    lazy_regex(rf"\?{_NEXT}(?<=[^\W\d_]{{2}}\?){_AFTER}", prefix="?"),
    lazy_regex(rf"!{_NEXT}(?<=[^\W\d_]{{2}}!){_AFTER}", prefix="!"),
)


class MissingSpaceAfterQuestionOrExclamation(Rule):
    code = "PU005"
    name = "missing-space-after-question-or-exclamation"
    category = "punctuation"
    examples = (
        ("Can we fix the engine?The answer is yes.", "Can we fix the engine? The answer is yes."),
        ("The app is now available!This is great.", "The app is now available! This is great."),
        ("Really?!No way.", "Really?! No way."),
        ("He asked “why?”She answered.", "He asked “why?” She answered."),
        ('He asked "why?"She answered.', 'He asked "why?" She answered.'),
        ('Why?"Stop," she said.', 'Why? "Stop," she said.'),
        ("What?! No. Is a!=b or file?.txt a match?", None),
        ("Call page?id=Foo or vec!Foo_bar or x?FooBar here.", None),
        ("Visit https://example.com/items?Name=Foo now.", None),
    )

    def check(self, doc, ctx):
        text = doc.text
        for m in prose_matches(doc, *_CANDIDATES):
            lo, hi = prose_chunk(doc, m.start(), m.end())
            if looks_like_code(text[lo:hi]):
                continue
            end = m.end()
            if text[end - 1] == '"' and not quote_closes(doc, end - 1):
                end -= 1  # 'Why?"Stop," she said': the quote opens the next sentence
            mark = text[m.start() : end]
            fix = Fix.safe(f"Add a space after the {mark!r}", Edit(end, end, " "))
            yield self.diagnostic(f"Missing space after {mark!r}", m.start(), end, fix, [mark + " "])
