"""The per-text facts the casing rules keep for the process: the shortcuts that learn whole groups of
texts at once must give the facts that looking at each text alone gives."""

from __future__ import annotations

import pytest

from proofread.casing import _KnownTexts, known_casings
from proofread.context import Context
from proofread.rules.ca003_lowercase_proper_noun import _WordTable

# plain lowercase and capitalised words, and every other shape: titles, function words, possessives
# (also with "ʼ", which ``isalpha`` counts as a letter), hyphens, initialisms, acronyms, numbers, odd
# letters (dotless i, German sharp s, a titlecase digraph, letters without case)
TEXTS = """economic niger moscow july congress the of van dr mr Mr Dr The Of Faso McDonald NATO GSA CoECI DoD PhD
GitHub iPhone russia’s russia's russiaʼs Russiaʼs websiteʼs states' Russia’s asia-Pacific tutsi-led socio-political
U.S. u.s. e.g. x1 2014 27th a_b A I a x ab zz qwxz ınstitute straße Straße ǅemal ǆemal 中国 a中 中a university
University council Council turkey Turkey china god act twitter google’s brexit-related anti-american""".split()


@pytest.fixture(scope="module")
def lexicon():
    return Context().lexicon


def test_known_texts_groups_match_one_by_one():
    grouped = _KnownTexts()
    grouped.learn(set(TEXTS))
    alone = _KnownTexts()
    for text in TEXTS:
        alone._learn_one(text)
    for facts in ("lower", "possessive", "marked", "kinds", "score", "key"):
        assert getattr(grouped, facts) == getattr(alone, facts), facts


def test_plain_words_known_exactly_when_the_lexicon_has_their_spellings(lexicon):
    # CA003's word table tells both from ``cased_forms`` alone for lowercase words of letters
    for word in [t for t in TEXTS if t.isalpha() and t.islower() and "ʼ" not in t] + ["zzxqj", "paris", "bill"]:
        forms = lexicon.cased_forms(word)
        assert bool(forms) == lexicon.is_known(word), word
        if any(f.islower() for f in forms):
            assert forms[0].islower(), word  # the lowercase spelling comes first


def test_word_table_plain_words_match_one_by_one(lexicon):
    casings = known_casings()
    words = {t for t in TEXTS if t[:1].islower() and t.islower() and t.isalpha() and "ʼ" not in t}
    grouped = _WordTable(lexicon, casings)
    grouped._learn_plain(words)
    alone = _WordTable(lexicon, casings)
    for word in words:
        alone._learn_word(word)
    for facts in ("key", "name", "named", "ignored", "apostrophes", "after_name"):
        assert getattr(grouped, facts) == getattr(alone, facts), facts
