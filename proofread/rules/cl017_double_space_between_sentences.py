"""CL017 double-space-between-sentences: two or more spaces after a sentence, in a document that uses one.

What it flags: a run of two or more spaces between the end of a sentence (".", "!" or "?", perhaps with a
closing quote or bracket) and the capital letter that starts the next one, when most sentence gaps of
the document have a single space.

Why: typewriter-style double spacing survives in pasted text; one document should space its sentences
one way, and a stray double space shows the seam.

What it leaves alone: documents that put two spaces after most sentences (a consistent, if old, style),
spaces anywhere else (indentation, alignment, Markdown hard breaks), and anything that is not prose (code, URLs, front
matter), which is also left out of the count.

Fix safety: SAFE; the run becomes one space.
"""

from __future__ import annotations

from proofread.cleanup import lazy_regex, prose_matches
from proofread.model import Edit, Fix
from proofread.punctuation import contains
from proofread.rules.base import Rule

_SENTENCE_GAP = lazy_regex(r"[.!?](?<=[^\W_][.!?])(?:[\"”’')\]]*)( +)(?=[\"“‘(\[]?[A-Z])")
# Two spaces after what may end a sentence: starts with a literal, so a clean file is scanned fast.
_DOUBLE_AFTER_END = lazy_regex(r"  (?<=[.!?\"”’')\]]  )")


class DoubleSpaceBetweenSentences(Rule):
    code = "CL017"
    name = "double-space-between-sentences"
    category = "cleanup"
    examples = (
        (
            "The talks began. They lasted two days.  The ministers left. Nothing was signed.\n",
            "The talks began. They lasted two days. The ministers left. Nothing was signed.\n",
        ),
        (
            "He said “no.”   Then he left. It rained. It was late.\n",
            "He said “no.” Then he left. It rained. It was late.\n",
        ),
        ("The talks began.  They lasted two days.  The ministers left. Nothing was signed.\n", None),
        ("The talks began. They lasted two days. The ministers left.\n", None),
        ("md:One. Two. Three.\n\n```\nx = 1.  Y = 2.  Z\n```\n", None),
    )

    def check(self, doc, ctx):
        # (the answer for two spaces is kept for PU007, which asks it of the same text)
        if not contains(doc.text, "  ") or not _DOUBLE_AFTER_END.search(doc.text):
            return
        single, multiple = 0, []
        for m in prose_matches(doc, _SENTENCE_GAP):
            if m.end(1) - m.start(1) == 1:
                single += 1
            else:
                multiple.append(m.span(1))
        if not multiple or single <= len(multiple):
            return
        for start, end in multiple:
            fix = Fix.safe("Use one space", Edit(start, end, " "))
            total = single + len(multiple)
            message = f"{end - start} spaces between sentences; this document mostly uses one ({single} of {total})"
            yield self.diagnostic(message, start, end, fix)
