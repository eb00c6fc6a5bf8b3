"""CA004 miscased-term: a brand or technical name written with the wrong capitals.

What it flags: a word from the known-casing list (``dictionaries/casing.txt``) written other than its
owners write it: "Github" or "github" for "GitHub", "Javascript" for "JavaScript", "MacOS" for "macOS",
"Postgresql" for "PostgreSQL".

Why: these names have one correct spelling, and readers of technical prose notice the wrong one.

What it leaves alone: words in capitals ("GITHUB" in a shouted heading); a name that starts lowercase,
capitalised only at a sentence start ("MacOS is ..." is left alone, "IPhone" too); words glued to
code-like punctuation ("github.com", "@github", "~/github"); code, URLs and paths (masked); words in the
project vocabulary.

Fix safety: SAFE; the list holds one spelling per name, and only names whose lowercase form is not an
ordinary word.
"""

from __future__ import annotations

from proofread.casing import evidence, known_casings, prose_word, texts_seen_since, word_key
from proofread.model import Edit, Fix, TokenKind
from proofread.rules.base import Rule
from proofread.sentences import word_kind


class _Miscased:
    """The texts seen in this process that are a known-casing name written otherwise ("Github"), with
    the name's canonical spelling; for one known-casing table."""

    current: _Miscased | None = None

    def __init__(self, casings):
        self.casings = casings
        self.mark = (-1, 0)  # how far into the texts seen in this process the table is
        self.canonical: dict[str, str] = {}  # "Github" -> "GitHub"

    @classmethod
    def of(cls, casings) -> _Miscased:
        table = cls.current
        if table is None or table.casings is not casings:
            table = cls.current = cls(casings)
        return table

    def learn(self) -> None:
        """Take in the texts seen since the last call."""
        self.mark, texts, dropped = texts_seen_since(self.mark)
        if dropped:
            self.canonical.clear()
        word = TokenKind.WORD
        for text in texts:
            canonical = self.casings.get(text.lower())
            if canonical is not None and text != canonical and word_kind(text) is word:
                self.canonical[text] = canonical


class MiscasedTerm(Rule):
    code = "CA004"
    name = "miscased-term"
    category = "casing"
    examples = (
        ("We host the code on Github and test it on Macos.", "We host the code on GitHub and test it on macOS."),
        ("The client is written in javascript.", "The client is written in JavaScript."),
        ("Our data lives in Postgresql.", "Our data lives in PostgreSQL."),
        ("MacOS ships a terminal. Visit github.com for more.", None),
        ("md:Clone `github.com/foo` and read THE GITHUB GUIDE.", None),
    )

    def check(self, doc, ctx):
        table = _Miscased.of(known_casings())
        ev = evidence(doc)
        table.learn()
        miscased = table.canonical.keys() & ev.words
        if not miscased:
            return
        vocabulary = ctx.vocabulary
        tokens = doc.tokens
        for i in ev.indices(miscased):
            tok = tokens[i]
            word = tok.text
            canonical = table.canonical[word]
            if word in vocabulary:
                continue
            if len(word) > 1 and word.isupper():
                continue
            if tok.sentence_start is not False and word[1:] == canonical[1:] and canonical[:1].islower():
                continue  # "MacOS" opening a sentence: capitalised by position
            if not prose_word(doc, tok):
                continue
            if word.islower() and _package_name(doc, word, canonical):
                continue
            yield self.diagnostic(
                f"“{word}” is written “{canonical}”",
                tok.start,
                tok.end,
                Fix.safe(f"Write “{canonical}”", Edit(tok.start, tok.end, canonical)),
                (canonical,),
            )


def _package_name(doc, word, canonical):
    """Whether the document keeps ``word`` lowercase on purpose: it writes it lowercase inside sentences
    more than once and never in its canonical form (a package name such as "numpy" in install notes)."""
    ev = evidence(doc)
    key = word_key(word)
    inside = [j for j in ev.lower.get(key, ()) if doc.tokens[j].sentence_start is False]
    if len(inside) < 2:
        return False
    return not any(canonical in w for w in ev.words if w.lower().startswith(key))
