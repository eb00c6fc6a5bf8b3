"""CA003 lowercase-proper-noun: a name written lowercase inside a sentence.

What it flags: a lowercase word that is a name, by one of two kinds of evidence:

- the lexicon knows the word only as a name ("niger", "moscow", "america's", "july");
- the document itself writes the word capitalised inside sentences elsewhere: in the same phrase
  ("Burkina faso" where "Burkina Faso" appears; "the White house" where "the White House" appears), or
  on its own, when this is the only lowercase occurrence.

Why: names keep their capital wherever they stand; a lowercase one is a slip the spell checker cannot
see, because the letters are right.

What it leaves alone: words that are both a name and an ordinary word ("may"/"May", "china", "turkey",
"polish", "bill") unless the document gives evidence; words the document also writes lowercase inside
sentences elsewhere; capitals at sentence starts and in title-case headings and table cells (they are no
evidence); name particles ("de", "van", "al", "bin"); quoted terms, code and words glued to code-like
punctuation; words in the project vocabulary.

Fix safety: SAFE when the lexicon knows only the name, or the document writes the same phrase
capitalised and never lowercase; UNSAFE when the evidence is the word alone.
"""

from __future__ import annotations

from collections import Counter

from proofread.casing import (
    FUNCTION_WORDS,
    NAME_HEADS,
    NAME_PARTICLES,
    TITLES,
    capitalise,
    copy_case,
    evidence,
    is_capitalised,
    is_lowercase_word,
    known_casings,
    proper_form,
    prose_word,
    split_possessive,
    word_key,
)
from proofread.model import Edit, Fix, TokenKind
from proofread.rules.base import Rule


class LowercaseProperNoun(Rule):
    code = "CA003"
    name = "lowercase-proper-noun"
    category = "casing"
    examples = (
        ("The ministers will visit moscow this week.", "The ministers will visit Moscow this week."),
        (
            "Mali and Burkina Faso signed. Later, Burkina faso left.",
            "Mali and Burkina Faso signed. Later, Burkina Faso left.",
        ),
        ("We may go in May or in june.", "We may go in May or in June."),
        ("They export china and turkey to Poland.", None),
        ("The Sahel is dry. Most of the sahel is dry. The sahel region is vast.", None),
        ("Ludwig van Beethoven met Ibn Saud and bin Salman.", None),
    )

    def check(self, doc, ctx):
        lexicon = ctx.lexicon
        vocabulary = ctx.vocabulary
        casings = known_casings()
        ev = evidence(doc)
        tokens = doc.tokens
        for i, tok in enumerate(tokens):
            if tok.sentence_start is True or tok.kind is not TokenKind.WORD:
                continue
            word = tok.text
            if len(word) < 2 or not is_lowercase_word(word):
                continue
            key = word_key(word)
            if key in NAME_PARTICLES or key in FUNCTION_WORDS or word in vocabulary or key in casings:
                continue
            if not prose_word(doc, tok):
                continue
            found = self._judge(ev, i, key, word, lexicon)
            if found is None:
                continue
            fixed, safe, why = found
            make = Fix.safe if safe else Fix.unsafe
            yield self.diagnostic(
                f"Name written lowercase: “{word}” ({why})",
                tok.start,
                tok.end,
                make(f"Capitalise to “{fixed}”", Edit(tok.start, tok.end, fixed)),
                (fixed,),
            )

    @staticmethod
    def _judge(ev, i, key, word, lexicon):
        """(fixed word, safe, reason) when token ``i`` is a lowercased name, else None."""
        tokens = ev.doc.tokens
        tok = tokens[i]
        lows = ev.lower.get(key, [])
        caps = ev.capital.get(key, [])
        others = [j for j in lows if j != i]
        before = tokens[i - 1] if i and tokens[i - 1].block == tok.block else None
        if before is not None and tok.sentence_start is None and before.text.lower() in TITLES:
            gap = ev.doc.text[before.end : tok.start]
            if gap.startswith(". ") and gap.strip() == ".":
                return capitalise(word), True, "a name follows the title"
        name = proper_form(lexicon, word) if len(word) > 2 else None
        if name is not None and not _in_latin_phrase(ev, i):
            if len(others) and len(lows) >= len(caps):
                return None  # the document writes it lowercase on purpose
            return name, True, "the dictionary knows it only as a name"
        stem, suffix = split_possessive(word)
        if caps:
            form = Counter(split_possessive(tokens[j].text)[0] for j in caps).most_common(1)[0][0]
            fixed = copy_case(form, stem) + suffix
        else:
            fixed = capitalise(word)

        def shares_phrase(j, capital_only):
            """Whether occurrence ``j`` has the same one or two words beside it as token ``i`` (on one
            side); with ``capital_only``, one of those words must be capitalised inside the sentence."""
            for side in (-1, +1):
                mine = ev.context(i, side, 2)
                theirs = ev.context(j, side, 2)
                for n in (1, 2):
                    if len(mine) < n or [tokens[k].text for k in mine[:n]] != [tokens[k].text for k in theirs[:n]]:
                        break
                    if not capital_only or any(
                        is_capitalised(tokens[k].text) and tokens[k].sentence_start is False for k in mine[:n]
                    ):
                        return True
            return False

        if any(shares_phrase(j, False) for j in others):
            return None  # the same phrase is lowercase elsewhere too
        phrased = [j for j in caps if shares_phrase(j, True)]
        if phrased and (len(phrased) >= 2 or len(caps) >= len(others)):
            return fixed, not others, "the document writes this name capitalised"
        if others:
            return None
        if i in ev.in_acronym_name:
            return fixed, True, "its acronym spells it with a capital"
        if _inside_title_phrase(ev, i, lexicon):
            return fixed, False, "between capitalised words of a name"
        if (
            caps
            and not lexicon.cased_forms(stem)
            and (any(shares_phrase(j, False) for j in caps) or any(ev.standalone(j) for j in caps))
        ):
            return fixed, False, "the document writes this unknown word capitalised"
        return None


_CONNECTORS = frozenset(("of", "for", "and", "&"))
# Lowercase phrases with a word the dictionary knows only as a name ("Bono", "Fide").
_LATIN_PHRASES = frozenset(("pro bono", "bona fide", "mala fide"))


def _in_latin_phrase(ev, i) -> bool:
    tokens = ev.doc.tokens
    word = tokens[i].text.lower()
    for j in (ev.prev[i], ev.next[i]):
        if j >= 0:
            pair = f"{tokens[j].text.lower()} {word}" if j < i else f"{word} {tokens[j].text.lower()}"
            if pair in _LATIN_PHRASES:
                return True
    return False


def _capitalised_common_word(tok, lexicon) -> bool:
    """A capitalised word inside a sentence that is otherwise an ordinary word ("Services"), the mark of
    a name made of ordinary words; or an initialism such as "U.S."."""
    if tok.kind is TokenKind.INITIALISM:
        return tok.text[:1].isupper()
    if tok.sentence_start is not False or not is_capitalised(tok.text) or tok.text.lower() in FUNCTION_WORDS:
        return False
    forms = lexicon.cased_forms(split_possessive(tok.text)[0])
    return bool(forms) and forms[0].islower()


def _inside_title_phrase(ev, i, lexicon) -> bool:
    """Whether token ``i`` sits between capitalised ordinary words: "General services Administration",
    "Department of veterans Affairs"."""
    tokens = ev.doc.tokens
    word = tokens[i].text
    if word.endswith("ed") or not lexicon.is_known(word):
        return False
    n = ev.next[i]
    if n < 0 or not _capitalised_common_word(tokens[n], lexicon):
        return False
    heads = [tokens[n].text]
    if ev.next[n] >= 0:
        heads.append(tokens[ev.next[n]].text)
    if not any(split_possessive(h)[0].rstrip("s") in NAME_HEADS or h in NAME_HEADS for h in heads):
        return False
    p = ev.prev[i]
    if p >= 0 and tokens[p].text.lower() in _CONNECTORS:
        p = ev.prev[p]
    return p >= 0 and _capitalised_common_word(tokens[p], lexicon)
