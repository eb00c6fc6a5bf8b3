"""SP002 unknown-word: a word the lexicon does not know, with the likeliest intended words.

What it flags: a prose word that is in no dictionary of ``dictionaries/``, nor in the project's
vocabulary, and does not look like a name, a code or a term (see ``proofread.spelling.shape``), e.g.
"thes" -> "these", "onyl" -> "only", "othre" -> "other".

Why: a typing slip that makes a non-word is the commonest typo; the corrector ranks candidates by how
likely the slip is (swapped letters, a neighbouring key, a doubled or dropped letter) and how common the
intended word is.

What it leaves alone: names and places (capitalised inside a sentence, letters outside ASCII, or
capitalised at a sentence start and again elsewhere), acronyms and initialisms, code-like words
(camelCase, snake_case, file names, hashtags, handles), numbers and units, words that recur more than
once in the document, lowercased names (the casing rules' job), and known misspellings (SP001 reports
them). A capitalised word opening a sentence is flagged only when it is a clear slip of a common word
("Teh" -> "The"), since it may be a name seen once.

Fix safety: never safe, because a non-word may be a name or a term the lexicon lacks. The fix is unsafe
when the first suggestion clearly leads the others, and display-only when two are close.
"""

from __future__ import annotations

from collections.abc import Iterator

from proofread.model import Diagnostic, Edit, Fix
from proofread.rules.base import Rule
from proofread.spelling.edits import slip_cost
from proofread.spelling.shape import SpellingScan


class UnknownWord(Rule):
    code = "SP002"
    name = "unknown-word"
    category = "spelling"
    examples = (
        ("These nations and thes partners met.", "These nations and these partners met."),
        ("It is not only gold but othre minerals.", "It is not only gold but other minerals."),
        ("Othre ministers met.", "Other ministers met."),
        ("Assimi Goïta met Mohamed Bazoum in the Sahel; Moscow’s envoy and the U.S. watched.", None),
        ("Bazoum said that Bazoum would go. The socio-political issues don't change.", None),
        ("Zorgal spoke first. Zorgal left later.", None),
        ("Run mdBook on my_file, then camelCase and #hashtags and @handles, in 3rd place at 10km.", None),
        ("md:Install it with `cargo instal` and read [the docs](https://exmaple.com/instal).", None),
    )

    # A capitalised word opening a sentence is flagged only when its first suggestion is this sure.
    SENTENCE_START_CONFIDENCE = 0.9
    SENTENCE_START_MAX_COST = 1.0
    # A word the document uses more than once is flagged only when it is a slip this likely (a candidate
    # score: see Lexicon.candidates); "wil" for "will" scores about 6.
    RECURRING_MIN_SLIP = 5.5
    # The fix may be applied (unsafely) when the first suggestion is this sure and twice the second.
    LEAD = 0.6

    def check(self, doc, ctx) -> Iterator[Diagnostic]:
        lexicon = ctx.lexicon
        scan = SpellingScan.of(doc, ctx.vocabulary_lower)
        unknown = []
        for cand in scan.unknown_candidates(lexicon):
            if cand.repeated_opener:
                continue  # a name that opens more than one sentence ("Bazoum said ... Bazoum agreed")
            if lexicon.is_known(cand.full) or lexicon.is_known(cand.text) or lexicon.is_term(cand.text):
                continue
            if lexicon.known_misspelling(cand.text) or lexicon.known_misspelling(cand.full):
                continue  # SP001 reports it, with a surer fix
            unknown.append(cand)
        for cand in unknown:
            if lexicon.is_attested(cand.text):
                continue  # in common use though no dictionary lists it: "lifecycle", "repo"
            if lexicon.derivation(cand.text):
                continue  # built from known words: "reengineering", "webform", "growable"
            if cand.recurring and lexicon.best_slip_score_below(cand.text, self.RECURRING_MIN_SLIP):
                continue  # used again and again: a term of this text ("toml", "libc"), not a slip
            suggestions = lexicon.suggest(cand.text, limit=3, context=scan.piece_counts)
            if cand.sentence_start:
                if not suggestions or suggestions[0][1] < self.SENTENCE_START_CONFIDENCE:
                    continue
                if slip_cost(cand.text.lower(), suggestions[0][0].lower()) > self.SENTENCE_START_MAX_COST:
                    continue
            yield self._report(cand.start, cand.end, cand.text, suggestions)

    def _report(self, start: int, end: int, word: str, suggestions: list[tuple[str, float]]) -> Diagnostic:
        words = [s for s, _ in suggestions]
        if not words:
            return self.diagnostic(f"Unknown word `{word}`", start, end)
        message = f"Unknown word `{word}`; did you mean `{words[0]}`?"
        title = f"Replace `{word}` with `{words[0]}`"
        edit = Edit(start, end, words[0])
        second = suggestions[1][1] if len(suggestions) > 1 else 0.0
        if suggestions[0][1] >= self.LEAD and suggestions[0][1] >= 2 * second:
            fix = Fix.unsafe(title, edit)
        else:
            fix = Fix.display_only(title, edit)
        return self.diagnostic(message, start, end, fix, words)
