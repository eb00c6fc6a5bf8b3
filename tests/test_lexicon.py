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


def test_edit_costs_match_the_alignment(lex):
    from proofread.spelling.edits import edits1_costs, slip_cost

    table = {"the": 1, "these": 1, "other": 1, "only": 1, "tools": 1, "told": 1}
    for typo in ("teh", "thes", "othre", "onyl", "tkols"):
        for cand, cost in edits1_costs(typo, table).items():
            assert cost == pytest.approx(slip_cost(typo, cand)), (typo, cand)


def test_edit_costs_are_found_for_every_word_one_edit_away():
    """The words one edit from a typo are exactly the known strings of ``edits1``, with the cost of the
    cheapest edit, whether the words come as a dict or as the lexicon's word table."""
    from proofread.lexicon import WordTable
    from proofread.spelling.edits import DOUBLED, FIRST_LETTER, NEAR_KEY, PLAIN, TRANSPOSE, edits1, edits1_costs

    words = ["the", "these", "theses", "other", "only", "tools", "told", "toll", "it's", "its", "sit", "ten"]
    words += ["letter", "latter", "setter", "lettuce", "cafe", "co-op", "book", "boo", "brook", "bok"]
    table = {w: 1 for w in words}
    word_table = WordTable.from_dict(table)
    typos = ["teh", "thes", "othre", "onyl", "tkols", "its", "tolls", "lettter", "leter", "lteter", "ltter"]
    typos += ["heter", "cafe", "coop", "bokk", "boook", "xbook", "bo", "it", "the", "e", ""]
    for typo in typos:
        found = edits1_costs(typo, table)
        assert set(found) == edits1(typo) & set(table), typo
        assert edits1_costs(typo, word_table) == found, typo
    # the cheapest edit that makes the typo: a swap, a doubled letter, a near key, a left-out apostrophe
    assert edits1_costs("teh", table)["the"] == pytest.approx(TRANSPOSE)
    assert edits1_costs("lettter", table)["letter"] == pytest.approx(DOUBLED)
    assert edits1_costs("bokk", table)["book"] == pytest.approx(NEAR_KEY)
    assert edits1_costs("xbook", table)["book"] == pytest.approx(PLAIN + FIRST_LETTER)
    assert edits1_costs("its", table)["it's"] == pytest.approx(DOUBLED)


def test_cheap_edit_strings_hold_every_cheap_slip():
    """Every word one edit from a typo that costs less than DEARER_SLIP is one of cheap_edit_strings,
    whatever the letters: doubled, swapped, near keys, apostrophes."""
    import random

    from proofread.spelling.edits import CHEAP_SLIP, DEARER_SLIP, cheap_edit_strings, edit_strings, edits1_costs

    assert CHEAP_SLIP < DEARER_SLIP
    rng = random.Random(3)
    typos = ["teh", "lettter", "leter", "bokk", "its", "a", "", "aab", "naïve"]
    typos += ["".join(rng.choice("abcdeilmnorst'") for _ in range(rng.randrange(1, 9))) for _ in range(300)]
    for typo in typos:
        cheap = set(cheap_edit_strings(typo))
        every = edits1_costs(typo, set(edit_strings(typo)))
        assert {w for w, cost in every.items() if cost < DEARER_SLIP} <= cheap, typo
        assert all(cost >= DEARER_SLIP for w, cost in every.items() if w not in cheap), typo


def test_edit_strings_are_those_of_edits1():
    from proofread.spelling.edits import edit_strings, edits1

    for word in ("", "a", "ab", "teh", "lettter", "it's", "naïve", "co-op", "mississippi"):
        strings = edit_strings(word)
        assert set(strings) - {word} == edits1(word), word
        assert word not in edits1(word)


def _reference_slip_cost(typo: str, word: str) -> float:
    """slip_cost as the plain alignment table, every cell alike (what the faster rows must equal)."""
    from proofread.spelling.edits import FIRST_LETTER, LONG_WORD, TRANSPOSE, _delete_cost, _insert_costs, _sub_cost

    n, m = len(word), len(typo)
    prev2: list[float] = []
    prev = [0.0] * (m + 1)
    inserts = _insert_costs(typo, word, 0)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + inserts[j - 1] + (FIRST_LETTER if j == 1 else 0.0)
    for i in range(1, n + 1):
        cur = [0.0] * (m + 1)
        wc = word[i - 1]
        delete = _delete_cost(word, i - 1)
        inserts = _insert_costs(typo, word, i)
        cur[0] = prev[0] + delete
        for j in range(1, m + 1):
            tc = typo[j - 1]
            first = 0.0 if i > 1 and j > 1 else FIRST_LETTER
            sub = 0.0 if wc == tc else _sub_cost(wc, tc, n >= LONG_WORD) + first
            best = min(prev[j - 1] + sub, prev[j] + delete + (first if i == 1 else 0.0))
            best = min(best, cur[j - 1] + inserts[j - 1] + (first if j == 1 else 0.0))
            if i > 1 and j > 1 and wc == typo[j - 2] and word[i - 2] == tc and wc != tc:
                best = min(best, prev2[j - 2] + TRANSPOSE + (FIRST_LETTER if i == 2 else 0.0))
            cur[j] = best
        prev2, prev = prev, cur
    return prev[m]


def test_slip_cost_is_the_plain_alignment_table():
    """slip_cost fills its table row by row with tighter loops: the same floats as the plain table."""
    import random

    from proofread.spelling.edits import slip_cost

    rng = random.Random(5)
    alphabet = "abcdeilnorst'-é"
    pairs = [("", ""), ("a", ""), ("", "abc"), ("ab", "ba"), ("teh", "the"), ("abab", "baba"), ("lettter", "letter")]
    for _ in range(3000):
        word = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 10)))
        typo = list(word)
        for _ in range(rng.randrange(0, 4)):
            at = rng.randrange(len(typo) + 1)
            op = rng.randrange(4)
            if op == 0 and at < len(typo):
                del typo[at]
            elif op == 1:
                typo.insert(at, rng.choice(alphabet))
            elif op == 2 and at < len(typo):
                typo[at] = rng.choice(alphabet)
            elif op == 3 and at + 1 < len(typo):
                typo[at], typo[at + 1] = typo[at + 1], typo[at]
        pairs.append(("".join(typo), word))
    for typo, word in pairs:
        assert slip_cost.__wrapped__(typo, word) == _reference_slip_cost(typo, word), (typo, word)


def test_slip_costs_prefer_typing_slips():
    from proofread.spelling.edits import slip_cost

    assert slip_cost("teh", "the") < slip_cost("teh", "ten")  # swap beats a far key
    assert slip_cost("tge", "the") < slip_cost("tze", "the")  # g is next to h, z is not
    assert slip_cost("lessser", "lesser") < slip_cost("lesder", "lesser")  # a doubled letter


def test_cache_is_written_and_reused(tmp_path, monkeypatch):
    import proofread.lexicon as lexicon_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = lexicon_module._load_tables()
    files = sorted(p.name for p in (tmp_path / "proofread").iterdir())
    assert len(files) == 2 and all(f.startswith("lexicon-") for f in files)
    again = lexicon_module._load_tables()
    assert len(again[0]) == len(first[0]) and again[1].to_dict() == first[1].to_dict()
    usage = again[3]()  # the usage table, read lazily, in place
    assert dict(usage.items()) == first[3]()
    assert usage.get("lifecycle", 0) > 0 and usage.get("qzxv", 0) == 0


def test_unwritable_cache_still_loads(tmp_path, monkeypatch):
    import proofread.lexicon as lexicon_module

    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    counts, forms, misspellings, usage, terms = lexicon_module._load_tables()
    assert "the" in counts and forms["niger"] == ("Niger",)


# Unknown words of every kind: typos, names, terms in use, derivations, British spellings.
_SHORTCUT_WORDS = (
    "thes onyl othre teh wil tha governmnet accesibility informaton adminstration bazoum goita kubectl "
    "lifecycle repo toml libc webpack dockerfile frontend unmute reengineering webform growable lockfiles "
    "findability sunsetting geekish initialise colour centre travelled noncolonial workstream uptime "
    "alot definately recieve xyzzy qwertyuiop abcde zzz aaa metaless buttercusp"
).split()


def test_distance2_shortcuts_give_the_full_answers():
    """is_attested, derivation and best_slip_score_below skip the distance-2 search when it cannot change
    their answer: they must agree with a lexicon that did the full search first."""
    from proofread.lexicon import _load_tables, normalize

    quick = Lexicon(*_load_tables())
    indexed = Lexicon(*_load_tables())
    indexed._near_index(0)  # the distance-2 index loaded first: the common words one edit away come from it
    full = Lexicon(*_load_tables())
    for word in _SHORTCUT_WORDS:
        full._raw_candidates(normalize(word).lower())  # the full candidates, so no shortcut applies
    for lexicon in (quick, indexed):
        for word in _SHORTCUT_WORDS:
            assert lexicon.is_attested(word) == full.is_attested(word), word
            assert lexicon.derivation(word) == full.derivation(word), word
            for limit in (-2.0, 0.0, 2.0, 5.5, 8.0):
                assert lexicon.best_slip_score_below(word, limit) == (full.best_slip_score(word) < limit), word
        for word in _SHORTCUT_WORDS:  # and once the quick lexicon has searched, the same candidates
            assert lexicon.suggest(word) == full.suggest(word), word


def test_common_words_one_edit_away_are_those_of_the_full_search(lex):
    """The words one edit from a typo at least D2_MIN_COUNT common, found in the letter-bag index, are
    those of the full search (the ~500 strings one edit away), with the same costs."""
    from proofread.lexicon import _load_tables
    from proofread.spelling.edits import edits1, one_edit_apart, one_edit_cost

    lexicon = Lexicon(*_load_tables())
    typos = [w.lower() for w in _SHORTCUT_WORDS] + ["dont", "wont", "cant", "teh", "adn", "olds", "a", "ab", "x" * 20]
    for typo in typos:
        common = [entry for entry in lexicon._near(typo) if lexicon.count(entry[0]) >= lexicon.D2_MIN_COUNT]
        assert sorted(lexicon._find_near_common(typo)) == sorted(common), typo
        strings = edits1(typo)
        for cand in {*strings, *lexicon._search2(typo), typo, typo[1:], typo + "s"}:
            costed = one_edit_cost(typo, cand) is not None
            assert costed == (cand in strings), (typo, cand)
            assert one_edit_apart(typo, cand) or not costed, (typo, cand)


def test_cached_lookups_repeat_the_first_answer(lex):
    for word in ("the", "Moscow’s", "teh", "recieve", "Recieve", "stdin", "well-known", "npm's"):
        for _ in range(2):
            assert lex.is_known_or_term(word) == (lex.is_known(word) or lex.is_term(word))
            assert lex.known_misspelling(word) == lex._known_misspelling(word)
            assert lex.is_known(word) == lex._is_known(word)


def test_the_letter_bag_search_finds_what_measuring_every_word_finds(lex):
    """The distance-2 search measures only the words the letter-bag filter lets through; it must find
    the same words, with the same distances, as measuring every common word of nearby length."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    near = lex.near_words()
    for word in [*_SHORTCUT_WORDS, "a", "ab", "the", "naïve", "o'clock", "co-op", "mississippi", "x" * 25]:
        low = word.lower()
        pool = [w for k in range(max(1, len(low) - 2), len(low) + 3) for w in near.get(k, ())]
        full = {c: int(d) for c, d, _ in process.extract_iter(low, pool, scorer=OSA.distance, score_cutoff=2)}
        assert lex._search2(low) == full, word


def test_bag_index_counts_missing_letters():
    from collections import Counter

    from proofread.spelling.bags import BagIndex, missing_limit

    bag = BagIndex.build(["abc", "abd", "xyz", "aab", "cba"])
    assert bag.select(bag.missing_at_most(Counter("abc"), 0)) == ["abc", "cba"]
    assert bag.select(bag.missing_at_most(Counter("abc"), 1)) == ["abc", "abd", "aab", "cba"]
    assert bag.select(bag.missing_at_most(Counter("aab"), 1)) == ["abc", "abd", "aab", "cba"]
    assert bag.select(bag.missing_at_most(Counter("abc"), 2)) == ["abc", "abd", "aab", "cba"]
    assert BagIndex.from_data(bag.to_data()).select(bag.full) == bag.words
    for letters in (Counter("abc"), Counter("aab"), Counter("xyzq")):
        for limit in (0, 1, 2):
            for among in (0, 1, 0b10110, bag.full):
                assert bag.missing_at_most(letters, limit, among) == bag.missing_at_most(letters, limit) & among
    assert bag.indices(0b10110) == [1, 2, 4] and bag.indices(0) == []
    assert missing_limit(5, 7) == 0 and missing_limit(5, 6) == 1 and missing_limit(5, 3) == 2
    odd = BagIndex.build(["abc", "café", "co-op", "xyz"])
    assert odd.select(odd.holding_any_but(frozenset("abcdefghijklmnopqrstuvwxyz"))) == ["café", "co-op"]


def test_word_and_form_tables_answer_like_dicts():
    """The tables the cache stores answer every look-up as the dicts they were built from, before and
    after the word table builds its own dict."""
    from proofread.lexicon import FormTable, WordTable

    counts = {"a": 1, "ab": 2, "abc": 3, "abcd": 4, "abd": 5, "café": 6, "co-op": 7, "o'clock": 8, "zzz": 9}
    forms = {"abc": ("ABC",), "café": ("café", "Café"), "zzz": ("Zzz",)}
    queries = [*counts, "", "b", "abcde", "ab\nabc", "caf", "cafés", "Abc", "zz", "zzzz"]
    table = WordTable.from_data(*WordTable.from_dict(counts, flagged=forms).to_data())
    form_table = FormTable(FormTable.from_dict(forms).to_data())
    for materialized in (False, True):
        if materialized:
            table.materialize()
        assert len(table) == len(counts) and dict(table.items()) == counts
        for word in queries:
            assert (word in table) == (word in counts), word
            assert table.get(word, -1) == counts.get(word, -1), word
            assert table.form_flag(word) == (-1 if word not in counts else int(word in forms)), word
        assert table.known_among(set(queries)) == set(queries) & set(counts)
    for word in queries:
        assert form_table.get(word) == forms.get(word), word
    assert form_table.to_dict() == forms


def test_long_groups_of_the_tables_are_split_and_answer_the_same(monkeypatch):
    """A group of words longer than _CHUNK_MAX is split by more characters of its words, level by level;
    the look-ups answer as the dicts the tables were built from."""
    import itertools

    from proofread import lexicon as lexicon_module
    from proofread.lexicon import FormTable, WordTable

    monkeypatch.setattr(lexicon_module, "_CHUNK_MAX", 24)
    stems = ["con", "cons", "const", "constr", "cont", "co", "c", "conz", "cab", "x"]
    words = {"".join(p) for s in stems for p in itertools.product([s], ["", "a", "ab", "tion", "s"])}
    counts = {w: i for i, w in enumerate(sorted(words))}
    forms = {w: (w.capitalize(),) for w in list(counts)[::3]}
    table = WordTable.from_data(*WordTable.from_dict(counts).to_data())
    form_table = FormTable(FormTable.from_dict(forms).to_data())
    assert any(type(v) is dict for v in table.to_data()[0].values())
    assert table.words() == sorted(counts) and form_table.to_dict() == forms
    queries = [*counts, "", "con\nco", "consx", "constrabz", "cz", "conszz"]
    for word in queries:
        assert table.get(word, -1) == counts.get(word, -1), word
        assert form_table.get(word) == forms.get(word), word


def test_word_table_answers_many_words_of_one_group_alike():
    """known_among asked, before the dict is built, about many words that fall in the same groups (the
    strings one edit from a word) answers as the dict; and repeated look-ups repeat the first answer."""
    from proofread.lexicon import WordTable
    from proofread.spelling.edits import edit_strings

    counts = {w: i for i, w in enumerate(sorted({"the", "then", "them", "they", "these", "there", "theme", "ten"}))}
    for word in ("the", "thes", "tehm", "x"):
        strings = edit_strings(word) + ["the\nthem", ""]
        table = WordTable.from_dict(counts)
        assert table.known_among(strings) == set(strings) & set(counts), word
        assert table.known_among(set(strings[:3])) == set(strings[:3]) & set(counts), word
    table = WordTable.from_dict(counts)
    for _ in range(2):
        assert [table.get(w, -1) for w in ("then", "thex", "ten")] == [counts["then"], -1, counts["ten"]]
    assert table.known_among(["then", "thex", "them", "tex"]) == {"then", "them"}  # two searched already


def test_osa_distance_is_rapidfuzz_osa():
    """Small pools are measured without rapidfuzz: the same distances."""
    import random

    from rapidfuzz.distance import OSA

    from proofread.spelling.edits import osa_distance

    rng = random.Random(7)
    pairs = [("teh", "the"), ("ca", "abc"), ("", "ab"), ("abcd", "badc"), ("naïve", "naive")]
    for _ in range(3000):
        pairs.append(tuple("".join(rng.choice("abce'é") for _ in range(rng.randrange(7))) for _ in range(2)))
    for a, b in pairs:
        assert osa_distance(a, b) == OSA.distance(a, b), (a, b)


def test_distance2_index_is_cached_and_a_damaged_cache_is_rebuilt(tmp_path, lex):
    import marshal

    from proofread.lexicon import _load_bags

    path = tmp_path / "near.marshal"
    built = _load_bags(path, lex)  # no file yet: built and written
    assert path.exists()
    for damage in (b"", b"garbage", marshal.dumps([1, 2, 3]), marshal.dumps({3: (1, 2)})):
        path.write_bytes(damage)
        again = _load_bags(path, lex)
        assert {k: (b.words, keys) for k, (b, keys) in again.items()} == {
            k: (b.words, keys) for k, (b, keys) in built.items()
        }


def test_prepare_for_many_builds_the_shared_tables_once():
    lexicon = load_lexicon()
    lexicon.prepare_for_many()
    assert lexicon._counts._map is not None and lexicon._bags is not None
    assert "_usage" in vars(lexicon)  # the cached usage table is in place
    before = (lexicon._counts._map, lexicon._bags, vars(lexicon)["_usage"])
    lexicon.prepare_for_many()
    after = (lexicon._counts._map, lexicon._bags, vars(lexicon)["_usage"])
    assert all(a is b for a, b in zip(before, after, strict=True))  # built once, not again
    assert "the" in lexicon._counts and lexicon.usage("lifecycle") > 0


def test_words_of_letters_are_judged_together_as_one_by_one(lex):
    words = {"the", "The", "THE", "Moscow", "niger", "stdin", "Stdin", "recieve", "Zorgal", "über", "naïve", "ß"}
    fresh = Lexicon(lex._counts, lex._forms, lex._misspellings, terms=lex._terms)
    found = fresh.known_or_term_among(words)
    assert found == {w for w in words if lex.is_known_or_term(w)}
    assert all(fresh.is_known_or_term(w) == (w in found) for w in words)
    assert found <= fresh.known_or_term_words
