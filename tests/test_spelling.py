"""The spelling rules: their examples, the seed article, and what is never a typo."""

from pathlib import Path

import pytest

from proofread.context import Context
from proofread.document import build_document
from proofread.model import Applicability
from proofread.rules.sp001_known_misspelling import KnownMisspelling
from proofread.rules.sp002_unknown_word import UnknownWord

RULES = (KnownMisspelling, UnknownWord)
ARTICLE = Path(__file__).resolve().parent.parent / "examples" / "article.txt"


@pytest.fixture(scope="module")
def ctx():
    return Context()


def findings(text, ctx, markdown=False, rules=RULES):
    doc = build_document(text, "t.md" if markdown else "t.txt", markdown)
    out = []
    for rule in rules:
        out.extend(d for d in rule().check(doc, ctx) if not doc.is_masked(d.span.start, d.span.end))
    return sorted(out, key=lambda d: d.sort_key)


def apply_first_suggestions(text, diagnostics):
    for d in sorted(diagnostics, key=lambda d: -d.span.start):
        text = text[: d.span.start] + d.suggestions[0] + text[d.span.end :]
    return text


def flagged(text, ctx, markdown=False):
    return [text[d.span.start : d.span.end] for d in findings(text, ctx, markdown)]


@pytest.mark.parametrize(
    "rule,text,fixed",
    [(rule, text, fixed) for rule in RULES for text, fixed in rule.examples],
    ids=lambda v: v.code if isinstance(v, type) else None,
)
def test_rule_examples(ctx, rule, text, fixed):
    markdown = text.startswith("md:")
    body = text[3:] if markdown else text
    found = findings(body, ctx, markdown, rules=(rule,))
    if fixed is None:
        assert found == [], [body[d.span.start : d.span.end] for d in found]
    else:
        assert found
        assert apply_first_suggestions(body, found) == fixed


def test_article_typos_found_and_no_name_flagged(ctx):
    text = ARTICLE.read_text(encoding="utf-8")
    found = findings(text, ctx)
    got = {(text[d.span.start : d.span.end], d.suggestions[0]) for d in found}
    assert got == {("teh", "the"), ("thes", "these"), ("othre", "other"), ("onyl", "only")}


def test_messages_and_fix_safety(ctx):
    text = "They will recieve the othre parcel."
    by_word = {text[d.span.start : d.span.end]: d for d in findings(text, ctx)}
    sp001, sp002 = by_word["recieve"], by_word["othre"]
    assert sp001.code == "SP001" and sp001.fix.applicability is Applicability.SAFE
    assert sp002.code == "SP002" and sp002.fix.applicability is not Applicability.SAFE
    assert sp002.message == "Unknown word `othre`; did you mean `other`?"
    for d in (sp001, sp002):
        assert d.category == "spelling"
        assert (d.fix.start, d.fix.end) == (d.span.start, d.span.end)
        assert d.fix.edits[0].content == d.suggestions[0]


def test_several_corrections_are_display_only(ctx):
    (d,) = findings("Please achive this.", ctx)
    assert d.code == "SP001" and d.fix.applicability is Applicability.DISPLAY_ONLY
    assert set(d.suggestions) == {"achieve", "archive"}


def test_fix_is_unsafe_only_when_the_first_suggestion_leads():
    rule = UnknownWord()
    clear = rule._report(0, 4, "wrd", [("word", 0.9), ("ward", 0.05)])
    close = rule._report(0, 4, "wll", [("will", 0.5), ("well", 0.4)])
    assert clear.fix.applicability is Applicability.UNSAFE
    assert close.fix.applicability is Applicability.DISPLAY_ONLY
    assert close.suggestions == ("will", "well")


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met Assimi Goïta and Ibrahim Traoré in Bamako.",
        "Mohamed Bazoum was ousted. Bazoum had been elected in 2021.",
        "Bazoum said nothing. Later, Bazoum left.",
        "The U.S. and NATO, the E.U. and a Ph.D. student.",
        "Moscow’s interest and Bazoum’s fall; they don't and won’t stop.",
        "Socio-political and geo-strategic issues, counter-terrorism and re-engineering.",
        "Numbers: 3rd, 10km, 1990s, 2nd and v2.",
        "Identifiers like camelCase, snake_case, mdBook and iOS stay.",
        "Follow #opendata and @digitalgov for news.",
        "Read main.rs and src/lib before you run it.",
        "Words in use: lifecycle, uptime, webform, repo and stakeholdership.",
        "Derived words: reengineering, growable, findability, lockfiles.",
        "The kubectl tool calls kubectl again.",
    ],
)
def test_not_typos(ctx, text):
    assert flagged(text, ctx) == []


def test_markdown_code_and_links_are_not_prose(ctx):
    text = "Run `cargo biuld` in [the dcos](https://exmaple.com/dcos).\n\n```\nteh code\n```\n"
    assert flagged(text, ctx, markdown=True) == ["dcos"]


def test_project_vocabulary_is_known():
    ctx = Context(vocabulary=frozenset({"Zorblax"}))
    assert flagged("We tried zorblax today.", ctx) == []
    assert flagged("We tried zorblax today.", Context()) == ["zorblax"]


def test_capitalised_sentence_start_slip_is_flagged(ctx):
    assert flagged("Teh meeting ended.", ctx) == ["Teh"]
    assert flagged("Thsi meeting ended.", ctx) == ["Thsi"]
    # an unknown capitalised word opening a sentence, not close to a common word: a name
    assert flagged("Zubairu arrived late.", ctx) == []


def test_lowercased_name_is_left_to_casing_rules(ctx):
    assert flagged("Bazoum spoke. Later bazoum left.", ctx) == []


def test_words_beside_numbers_are_checked(ctx):
    assert flagged("A 13-yera-old boy and a 10-year-old girl.", ctx) == ["yera"]


def test_recurring_word_is_a_term_unless_a_clear_slip(ctx):
    assert flagged("We parse toml files; toml is simple.", ctx) == []
    assert flagged("We wil go and we wil stay.", ctx) == ["wil", "wil"]


def test_british_spellings_are_words(ctx):
    assert flagged("We initialise the colour of the centre; the travelled licence.", ctx) == []
    assert flagged("It makes no sence.", ctx) == ["sence"]


def test_scan_counts_match_a_token_by_token_count(ctx):
    """SpellingScan counts by distinct word with cached pieces; the same as counting token by token."""
    from collections import Counter

    from proofread.model import TokenKind
    from proofread.spelling.shape import SpellingScan, _strip_suffix

    text = (
        ARTICLE.read_text(encoding="utf-8")
        + "\nNiger-Mali ties. Socio-Political talks. Moscow’s envoy. Niger said so.\n"
    )
    doc = build_document(text, "t.txt", False)
    scan = SpellingScan(doc)
    counts, capitalised_count, capitalised_inside = Counter(), Counter(), set()
    for tok in doc.tokens:
        if tok.kind is not TokenKind.WORD:
            continue
        for index, piece in enumerate(tok.text.split("-")):
            stem = _strip_suffix(piece)
            if not stem:
                continue
            low = stem.lower()
            counts[low] += 1
            if stem[0].isupper():
                capitalised_count[low] += 1
                if tok.sentence_start is not True or index > 0:
                    capitalised_inside.add(low)
    assert scan.counts == counts
    assert scan.capitalised_count == capitalised_count
    assert scan.capitalised_inside == capitalised_inside
    lexicon = ctx.lexicon
    expected = [
        cand
        for tok in doc.tokens
        if not (tok.kind is TokenKind.WORD and (lexicon.is_known(tok.text) or lexicon.is_term(tok.text)))
        for cand in scan.candidates(tok)
    ]
    assert scan.unknown_candidates(lexicon) == expected


def test_the_plural_of_a_known_hyphenated_compound_is_a_word(ctx):
    text = "Native add-ons need a rebuild, and the add-ins too.\n"
    assert findings(text, ctx, False) == []
    assert findings("Native add-onz need a rebuild.\n", ctx, False)  # not any word after a hyphen


def test_piece_tallies_match_the_whole_count(ctx):
    """The rules ask about a few pieces (``piece_tally``, ``piece_counts``), counted from an index of the
    run's words; the answers are those of the whole count, also after other documents filled the index."""
    from proofread.spelling.shape import SpellingScan

    other = build_document("Niger and niger-Mali. The bazoum-Led talks. Moscow’s Teh-era plans.\n", "o.txt", False)
    SpellingScan(other).unknown_candidates(ctx.lexicon)
    text = (
        ARTICLE.read_text(encoding="utf-8")
        + "\nNiger-Mali ties. Socio-Political talks. Moscow’s envoy. Niger said so. 13-year-olds, e.g. 3rd.\n"
    )
    doc = build_document(text, "t.txt", False)
    scan = SpellingScan(doc)
    fresh = SpellingScan(doc)  # the same document, counted whole
    counts, capitalised_count, capitalised_inside = fresh.counts, fresh.capitalised_count, fresh.capitalised_inside
    for low in [*counts, "zzyzx", "political", "bazoum", "era"]:
        expected = (counts[low], capitalised_count[low], low in capitalised_inside)
        assert scan.piece_tally(low) == expected, low
        assert scan.piece_counts[low] == counts[low] and scan.piece_counts.get(low, 0) == counts[low]
    assert scan.piece_counts.total() == sum(counts.values())
    assert bool(scan.piece_counts) and set(scan.piece_counts) == set(counts)
    numbers = build_document("42 17\n", "e.txt", False)
    empty = SpellingScan(numbers)
    assert not empty.piece_counts and empty.piece_counts.total() == 0


def test_unknown_words_are_judged_once_per_run_with_the_same_answers(ctx):
    """A document's unknown words come from verdicts kept for the run; they are those found by asking
    the lexicon about every word of the document."""
    from proofread.model import TokenKind
    from proofread.spelling.shape import SpellingScan

    lexicon = ctx.lexicon
    texts = [
        ARTICLE.read_text(encoding="utf-8"),
        "Teh add-ons and add-onz, the 13-year-olds, naïve Zorgal and ZORGAL, recieve and Recieve.\n",
        "Teh add-ons again; Zorgal, ÉCOLE, über and Über, the e.g. U.S. mdBook.\n",
    ]
    for text in texts:
        doc = build_document(text, "t.txt", False)
        expected = [
            tok
            for tok in doc.tokens
            if not (tok.kind is TokenKind.WORD and lexicon.is_known_or_term(tok.text))
            and not ("-" in tok.text and tok.text.endswith("s") and lexicon.is_known_or_term(tok.text[:-1]))
            and tok.text not in lexicon.known_or_term_words
        ]
        assert SpellingScan(doc).unknown_tokens(lexicon) == expected


def test_piece_tables_learned_together_are_those_learned_one_by_one():
    """``_learn_pieces`` adds plain and capitalised words of letters in bulk: the tables must be those
    that ``_pieces`` makes for each text alone."""
    from proofread.spelling import shape

    texts = {"moscow", "Moscow", "NATO", "iOS", "Bazoum", "Moscow's", "socio-political", "add-ons", "Ab-Cd"}
    texts |= {"13-year-old", "3rd", "didn't", "中文", "Ünïcode", "x", "U.S."}

    def tables():
        by_piece = {low: sorted(entries) for low, entries in shape._BY_PIECE.items()}
        return dict(shape._PIECES), set(shape._AS_ITSELF), by_piece, dict(shape._EXTRA)

    shape._forget_pieces()
    shape._learn_pieces(set(texts))
    together = tables()
    shape._forget_pieces()
    for text in texts:
        shape._pieces(text)
    assert together == tables()
    shape._forget_pieces()
