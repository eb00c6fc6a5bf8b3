"""The lexicon: membership, capitals, frequency, and ranked corrections of typing slips."""

import pytest

from proofread.lexicon import Lexicon, load_lexicon


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_known_words_ignore_case(lex):
    assert lex.is_known("the")
    assert lex.is_known("niger")
    assert lex.is_known("Niger")
    assert not lex.is_known("teh")
    assert not lex.is_known("onyl")


def test_cased_forms(lex):
    assert lex.cased_forms("niger") == ("Niger",)
    assert lex.cased_forms("may") == ("may", "May")
    assert lex.cased_forms("teh") == ()


def test_possessives_contractions_and_compounds(lex):
    assert lex.is_known("Moscow’s")
    assert lex.is_known("don't")
    assert lex.is_known("didn’t")
    assert lex.is_known("well-known")


def test_frequency_orders_words(lex):
    assert lex.frequency("the") > lex.frequency("these") > lex.frequency("thesis") > 0
    assert lex.frequency("teh") == 0


@pytest.mark.parametrize(
    "typo,right",
    [
        ("teh", "the"),
        ("othre", "other"),
        ("onyl", "only"),
        ("recieve", "receive"),
        ("acess", "access"),
        ("goverment", "government"),
        ("informaiton", "information"),
        ("availible", "available"),
        ("Teh", "The"),
        ("THSI", "THIS"),
    ],
)
def test_first_suggestion_restores_typing_slips(lex, typo, right):
    assert lex.suggest(typo)[0][0] == right


def test_document_context_picks_the_word_the_text_uses(lex):
    # "thes" is one letter from "the" and from "these"; a text that says "these" elsewhere means it
    # (counts as in a 1,300-word article)
    context = {"these": 8, "the": 90, "this": 6, "nations": 6, "filler": 1190}
    assert lex.suggest("thes", context=context)[0][0] == "these"


def test_suggestions_are_ranked_with_confidence(lex):
    out = lex.suggest("othre", limit=3)
    assert 2 <= len(out) <= 3
    scores = [s for _, s in out]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)


def test_document_context_breaks_ties(lex):
    plain = lex.suggest("tkols")[0][0]
    assert lex.suggest("tkols", context={"tools": 5})[0][0] == "tools"
    assert plain in ("tools", "told")


def test_attested_words_are_not_typos(lex):
    assert lex.is_attested("lifecycle")
    assert not lex.is_attested("teh")


def test_known_misspellings(lex):
    assert lex.known_misspelling("definately") == ("definitely",)
    assert lex.known_misspelling("Definately") == ("Definitely",)
    assert lex.known_misspelling("the") == ()


def test_small_lexicon_from_words():
    small = Lexicon.from_words(["cat", "Paris", "dog"], {"cat": 100, "dog": 50})
    assert small.is_known("paris") and small.cased_forms("paris") == ("Paris",)
    assert small.suggest("cta")[0][0] == "cat"


def test_load_is_cached():
    assert load_lexicon() is load_lexicon()


def test_technical_terms_are_spelling_only(lex):
    # accepted by the spelling rules, but not words whose capitals the casing rules should weigh
    assert lex.is_term("stdin") and lex.is_term("lockfiles") and lex.is_term("mdBook")
    assert not lex.is_known("stdin") and lex.cased_forms("stdin") == ()
