"""SP001 known-misspelling: a word listed as a common misspelling, with its correction.

What it flags: a prose word found in ``dictionaries/wikipedia-misspellings.tsv`` (Wikipedia's list of
common misspellings, e.g. "recieve" -> "receive", "definately" -> "definitely"), unless the lexicon or the
project's vocabulary knows it as a word.

Why: these misspellings are made over and over by people who spell the word that way, so a spelling
corrector's guess is not needed: the list says what was meant.

What it leaves alone: the same names, codes and terms as SP002 (see ``proofread.spelling.shape``), but
for one: a listed misspelling capitalised at the start of several sentences ("Becuase ... Becuase") is
still reported, since a sentence-start capital says nothing of a name; list entries that are real words
in some context (dropped when the list is built and again at load time).

Fix safety: safe when the list gives one correction; with several ("achive" -> "achieve" or "archive")
they are shown as suggestions only.
"""

from __future__ import annotations

from collections.abc import Iterator

from proofread.model import Diagnostic, Edit, Fix
from proofread.rules.base import Rule
from proofread.spelling.shape import SpellingScan


class KnownMisspelling(Rule):
    code = "SP001"
    name = "known-misspelling"
    category = "spelling"
    examples = (
        ("I will recieve it and definately read it.", "I will receive it and definitely read it."),
        ("Recieve it today.", "Receive it today."),
        (
            "Becuase it rained, we left. Becuase of that, we won.",
            "Because it rained, we left. Because of that, we won.",
        ),
        ("We will receive it and definitely read it.", None),
    )

    def check(self, doc, ctx) -> Iterator[Diagnostic]:
        lexicon = ctx.lexicon
        scan = SpellingScan.of(doc, ctx.vocabulary_lower)
        for cand in scan.unknown_candidates(lexicon):
            fixes = lexicon.known_misspelling(cand.text)
            if not fixes or lexicon.is_term(cand.text):
                continue
            if lexicon.is_known(cand.full) or lexicon.is_known(cand.text):
                continue
            word = cand.text
            if len(fixes) == 1:
                message = f"`{word}` is a misspelling of `{fixes[0]}`"
                fix = Fix.safe(f"Replace `{word}` with `{fixes[0]}`", Edit(cand.start, cand.end, fixes[0]))
            else:
                options = ", ".join(f"`{f}`" for f in fixes)
                message = f"`{word}` is a misspelling; did you mean one of {options}?"
                title = f"Replace `{word}` with `{fixes[0]}`"
                fix = Fix.display_only(title, Edit(cand.start, cand.end, fixes[0]))
            yield self.diagnostic(message, cand.start, cand.end, fix, fixes)
