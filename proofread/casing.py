"""What the casing rules (CA...) share: word shapes, the known-casing list, and what a document says
about how it capitalises each word.

The document's own usage is the best evidence of a name. ``CasingEvidence`` records, for every word, the
places where the document writes it capitalised or lowercase *inside* a sentence (sentence starts say
nothing about a word, and neither do title-case headings or table cells, where every word is capitalised).

The casing rules look at every word of every file, so the evidence is worked out from the document's
distinct words (facts about each text are kept for the process, as sets) and only for what a rule asks
about; see the note above ``CasingEvidence``.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from functools import cached_property, lru_cache
from itertools import compress
from operator import itemgetter
from pathlib import Path

from proofread.model import Document, Token, TokenKind
from proofread.sentences import word_kind

_APOSTROPHES = "'’ʼ"

# Short words that title case leaves lowercase; a capitalised one of these says nothing about a name.
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet for of in on at to by from with into onto upon over under about
    as than then via per vs if when while is are was were be been am it its this that these those
    up out off down""".split()
)

# Particles inside personal names, written lowercase on purpose ("Ludwig van Beethoven", "bin Salman").
NAME_PARTICLES = frozenset(
    """al el de del della dei der des den di da das do dos du la le les lo van von ver ter ten zu zum
    bin ibn bint ben abu ould ag y e""".split()
)

# Nouns that end the names of institutions, laws, programmes and events ("Environmental Protection
# Agency", "Affordable Care Act"): a lowercase word between capitals before one of these is in a name.
NAME_HEADS = frozenset(
    """Act Agency Administration Alliance Association Authority Award Bank Board Bureau Campaign Center
    Centre Challenge Coalition College Commission Committee Conference Corps Council Court Day Department
    Director Directorate Division Fellow Forum Foundation Fund Game Group Guideline Index Initiative Institute
    Laboratory Law League Ministry Month Network Office Officer Organization Organisation Party Plan Policy Prize
    Program Programme Project Report Schedule School Secretary Service Societie Society Standard Summit Survey
    Syndrome System Team Treaty Union University Week""".split()
)

# Abbreviated titles that a name always follows ("Dr. Hasan", "Mr. Speaker").
TITLES = frozenset("mr mrs ms dr prof gen sen rep gov capt lt col sgt st rev hon pres".split())

# Characters that, right before a word, make it a quoted term or part of code rather than prose.
QUOTE_OPENERS = "\"'‘“`«"


def is_lowercase_word(text: str) -> bool:
    """All letters lowercase (hyphens and apostrophes allowed): "economic", "socio-political"."""
    return text[:1].islower() and text.islower()


def is_capitalised(text: str) -> bool:
    """A first capital followed by at least one lowercase letter: "Faso", "McDonald" (not "NATO", "I")."""
    return text[:1].isupper() and any(map(str.islower, text[1:]))  # (``map`` in C: no generator to run)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def copy_case(form: str, word: str) -> str:
    """``word`` with the capitals of ``form`` (same letters, ignoring case and apostrophe style)."""
    if len(form) != len(word):
        return capitalise(word)
    return "".join(f if f.isalpha() and f.lower() == w.lower() else w for f, w in zip(form, word, strict=True))


def split_possessive(text: str) -> tuple[str, str]:
    """("Russia", "’s") for "Russia’s"; (text, "") when there is no possessive."""
    if len(text) > 2 and text[-2] in _APOSTROPHES and text[-1] in "sS":
        return text[:-2], text[-2:]
    if len(text) > 1 and text[-1] in _APOSTROPHES:
        return text[:-1], text[-1:]
    return text, ""


def word_key(text: str) -> str:
    """The key under which usage of a word is counted: lowercase, without a possessive."""
    if "'" not in text and "’" not in text and "ʼ" not in text:
        return text.lower()
    return split_possessive(text)[0].lower()


_PROPER: dict[str, str | None] = {}
_PROPER_LEXICON: list = [None]


def proper_form(lexicon, word: str) -> str | None:
    """The capitalised spelling of ``word`` when the lexicon knows it *only* as a name ("niger" ->
    "Niger", "america's" -> "America's"); None when it also knows a lowercase word, or nothing."""
    if _PROPER_LEXICON[0] is not lexicon:
        _PROPER.clear()
        _PROPER_LEXICON[0] = lexicon
    if word not in _PROPER:
        if len(_PROPER) > 200_000:
            _PROPER.clear()
        _PROPER[word] = _proper_form(lexicon, word)
    return _PROPER[word]


def _proper_form(lexicon, word: str) -> str | None:
    stem, suffix = split_possessive(word)
    for candidate in (word, "") if suffix == "" else (word, stem):
        forms = lexicon.cased_forms(candidate)
        if not forms:
            continue
        if any(not f[:1].isupper() for f in forms):
            return None
        names = [f for f in forms if is_capitalised(split_possessive(f)[0])]
        if len(names) != 1 or len(names) != len(forms):
            return None  # acronyms ("NASA") or several spellings: no sure fix
        if candidate == stem:
            return copy_case(names[0], stem) + suffix
        return copy_case(names[0], word)
    return None


# --- the known-casing list -----------------------------------------------------------------------------


def _dictionaries_dir() -> Path:
    here = Path(__file__).resolve().parent
    inside = here / "dictionaries"
    return inside if inside.is_dir() else here.parent / "dictionaries"


def _list_entries(name: str) -> list[str]:
    """The entries of the word list ``dictionaries/<name>``, one a line (``#`` starts a comment); none
    when the file cannot be read."""
    try:
        lines = (_dictionaries_dir() / name).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [entry for entry in (line.split("#", 1)[0].strip() for line in lines) if entry]


@lru_cache(maxsize=1)
def known_casings() -> dict[str, str]:
    """``dictionaries/casing.txt`` as {lowercase: canonical spelling}: "github" -> "GitHub"."""
    return {entry.lower(): entry for entry in _list_entries("casing.txt")}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """``dictionaries/given-names.txt``, common first names ("John", "Mary"), lowercase; read on first use."""
    return frozenset(entry.lower() for entry in _list_entries("given-names.txt"))


@lru_cache(maxsize=1)
def brand_words() -> dict[str, str]:
    """``dictionaries/brand-words.txt`` as {lowercase: canonical spelling}: brands whose lowercase forms
    are rare words ("twitter" -> "Twitter"); read on first use."""
    return {entry.lower(): entry for entry in _list_entries("brand-words.txt")}


# --- known names ----------------------------------------------------------------------------------------


class KnownNames:
    """``dictionaries/names.tsv``: multi-word names ("United States", "World War II", "Secretary of
    Defense") and single-word place names (countries, US states, continents).

    ``by_word`` maps the lowercase form of each capitalised word of a multi-word name to the names it is in,
    as (words, position, the other words): "states" -> [(("United", "States"), 1, {"United"}), ...];
    ``words`` is its keys as a set.
    ``places`` maps a lowercase place name to its spelling: "turkey" -> "Turkey"."""

    def __init__(self, lines):
        by_word: dict[str, list[tuple[tuple[str, ...], int, frozenset[str]]]] = defaultdict(list)
        self.places: dict[str, str] = {}
        self.kinds: dict[tuple[str, ...], str] = {}  # each multi-word name's kind: "country", "event" ...
        for line in lines:
            name, _, kind = line.partition("\t")
            words = tuple(name.split())
            if not words or name.startswith("#"):
                continue
            if len(words) == 1:
                if kind.strip() in ("country", "state", "continent"):
                    self.places[name.lower()] = name
                continue
            self.kinds[words] = kind.strip()
            for k, w in enumerate(words):
                if w[:1].isupper() and w.lower() not in FUNCTION_WORDS and w.lower() not in NAME_PARTICLES:
                    others = frozenset(x for j, x in enumerate(words) if j != k)
                    by_word[w.lower()].append((words, k, others))
        for entries in by_word.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # the longest name first
        self.by_word = dict(by_word)
        self.words = frozenset(by_word)
        self._lexicon = None
        self._entries_for_lexicon: dict[str, list[tuple[tuple[str, ...], int, frozenset[str]]]] = {}

    def entries_for(self, word: str, lexicon) -> list[tuple[tuple[str, ...], int, frozenset[str]]]:
        """``by_word[word]`` without the names in which the word may be an ordinary word beside a name
        (``_rest_is_name``, which asks ``lexicon``); worked out for a word when first asked, since a
        document meets few of the names."""
        if self._lexicon is not lexicon:
            self._lexicon = lexicon
            self._entries_for_lexicon = {}
        got = self._entries_for_lexicon.get(word)
        if got is None:
            got = [(n, k, o) for n, k, o in self.by_word[word] if not _rest_is_name(self, lexicon, n, k)]
            self._entries_for_lexicon[word] = got
        return got


@lru_cache(maxsize=1)
def known_names() -> KnownNames:
    """The known names of ``dictionaries/names.tsv``, read on first use."""
    try:
        lines = (_dictionaries_dir() / "names.tsv").read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    return KnownNames(lines)


# Kinds of names whose first or last word, lowercase beside a name, is still a slip ("north Dakota",
# "new York"); elsewhere it may be an ordinary word beside a name ("east Africa", "the Iraq war").
_FIXED_NAME_KINDS = frozenset(("country", "state"))


# Words before a name's last word that make it an ordinary noun again: "a Kansas city" is any city there.
_INDEFINITE = frozenset("a an another any each every no one some which what".split())


# The last words of place names that are names of their own ("Gaza Strip", "Korean Peninsula").
_PLACE_HEADS = frozenset("Peninsula Strip Bay Canal Sea Ocean Heights Gulf Harbor".split())


def _rest_is_name(names: KnownNames, lexicon, name: tuple[str, ...], k: int) -> bool:
    """Whether ``name`` without its word ``k``, its first or last, is a name by itself, so that the word
    may be an ordinary word beside that name: "east" + "Africa", "Iraq" + "war", "American" + "revolution"
    (but not "United" + "States" or "Affordable Care" + "Act")."""
    if 0 < k < len(name) - 1 or (name[k] == "City" and names.kinds[name] == "city"):
        return False  # "Oklahoma city" is no city of Oklahoma: that would be "an Oklahoma city"
    if k and name[k] in _PLACE_HEADS and names.kinds[name] == "region":
        return False  # "the Gaza strip", "the Arabian peninsula": the place's own name
    rest = name[1:] if k == 0 else name[:-1]
    if " ".join(rest).lower() in names.places or rest in names.kinds:
        return True
    if len(rest) == 1 and names.kinds[name] not in _FIXED_NAME_KINDS:
        return proper_form(lexicon, rest[0].lower()) is not None
    return False


def known_name_fits(ev: CasingEvidence, words, lexicon) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """For each of ``words`` (lowercase words, a set) that is a capitalised word of a known multi-word name
    whose other words all occur in the document, those names, as (words, position). Not a first or last
    word when the rest is a name by itself ("east Africa", "the Iraq war": ``_rest_is_name``)."""
    names = known_names()
    usable: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    candidates = names.words.intersection(words)
    if not candidates:
        return usable
    present = ev.words
    for w in candidates:
        fits = [(n, k) for n, k, others in names.entries_for(w, lexicon) if present >= others]
        if fits:
            usable[w] = fits
    return usable


def known_name_places(ev: CasingEvidence, fits, places) -> dict[int, tuple[str, str]]:
    """The places where a word of ``fits`` (``known_name_fits``) and its neighbours complete one of its
    names, whose other words are written as the name has them, one of them capitalised inside the sentence:
    "the United states", "a new York City nurse", "World war II". ``places`` gives each word's places.
    Maps each token index to (the word as the name writes it, the name)."""
    found: dict[int, tuple[str, str]] = {}
    tokens = ev.doc.tokens
    for word, names in fits.items():
        for i in places[word]:
            if tokens[i][5] is not True:
                for name, k in names:
                    if _completes(ev, i, name, k):
                        found[i] = (name[k], " ".join(name))
                        break
    return found


def _completes(ev: CasingEvidence, i: int, name: tuple[str, ...], k: int) -> bool:
    """Whether token ``i`` is word ``k`` of ``name`` with the name's other words beside it, in the same
    phrase, written as the name has them, one capitalised word inside the sentence."""
    texts, tokens = ev.texts, ev.doc.tokens
    first = i - k
    last = first + len(name) - 1
    if first < 0 or last >= len(texts):
        return False
    if (k and texts[i - 1] != name[k - 1]) or (i < last and split_possessive(texts[i + 1])[0] != name[k + 1]):
        return False  # (the neighbours first: most candidates fail there)
    span = texts[first : last + 1]
    span[-1] = split_possessive(span[-1])[0]  # "the united States’ policy"
    if span[:k] != list(name[:k]) or span[k + 1 :] != list(name[k + 1 :]):
        return False
    if not all(map(ev.linked, range(first + 1, last + 1))):
        return False
    if k == len(name) - 1 and first > 0 and texts[first - 1].lower() in _INDEFINITE and ev.linked(first):
        return False  # "an Oklahoma city", "any Korean war"
    # a capital only at the sentence start is no evidence
    return any(tokens[j][5] is False and name[j - first][:1].isupper() for j in range(first, last + 1) if j != i)


_LIST_JOINS = frozenset(("and", "or", "nor"))


def places_in_lists(ev: CasingEvidence, places, lexicon) -> dict[int, str]:
    """The places (token indices, from ``places``: word -> indices) of lowercase place names that are both
    a name and an ordinary word ("turkey", "china", "japan") listed beside a capitalised place name, joined
    by a comma or "and"/"or": "Armenia and turkey", "China and japan, Russia". The neighbour must be a
    place inside the sentence, or one the dictionary knows only as a name. Maps each index to the name."""
    names = known_names().places
    tokens, texts, text = ev.doc.tokens, ev.texts, ev.doc.text
    n = len(texts)
    found: dict[int, str] = {}

    def gap(a: int, b: int) -> str:
        return text[tokens[a].end : tokens[b].start] if tokens[a].block == tokens[b].block else "\n"

    def place(j: int) -> bool:
        if j < 0 or j >= n or not is_capitalised(texts[j]):
            return False
        word = split_possessive(texts[j])[0]
        if word.lower() not in names or names[word.lower()] != word:
            return False
        return tokens[j][5] is False or proper_form(lexicon, word.lower()) is not None

    for word, indices in places.items():
        for i in indices:
            if tokens[i][5] is True:
                continue
            listed = (
                (i >= 2 and texts[i - 1] in _LIST_JOINS and gap(i - 2, i - 1) in (" ", ", ") and place(i - 2))
                or (i >= 1 and gap(i - 1, i) == ", " and place(i - 1))
                or (i + 2 < n and texts[i + 1] in _LIST_JOINS and gap(i, i + 1) in (" ", ", ") and place(i + 2))
                or (i + 1 < n and gap(i, i + 1) == ", " and place(i + 1))
            )
            if listed and (i < 1 or gap(i - 1, i) in (" ", ", ")) and (i + 1 >= n or gap(i, i + 1) != "-"):
                found[i] = names[word]
    return found


# --- what the document says ---------------------------------------------------------------------------
#
# The evidence is worked out from the document's distinct words first (a document has about half as many
# distinct words as tokens, and the word-level facts are cached across documents), and then only for the
# tokens a rule asks about. Scans over every token go through C-level helpers (``map``, ``compress``,
# ``list.index``) rather than Python loops: the casing rules run on every word of every file.

_BLOCK = itemgetter(4)


def _mixed_acronym(text: str) -> bool:
    """An acronym with lowercase letters for short words: "CoECI", "DoD" (not "GitHub", "PhD" is one)."""
    upper = sum(map(str.isupper, text))
    return text[:1].isupper() and upper >= 2 and upper > len(text) - upper


class _KnownTexts:
    """What the casing rules need to know about each distinct word text seen in this process, kept as
    sets so that a document's words are sorted by set operations (a token's kind depends on its text
    alone, so these facts hold wherever the text occurs)."""

    def __init__(self, generation: int = 0):
        self.generation = generation  # how many times the facts were dropped (to keep memory bounded)
        self.log: list[str] = []  # every text seen, in the order first seen
        self.seen: set[str] = set()
        self.key: dict[str, str] = {}  # capitalised words -> ``word_key``: "Russia’s" -> "russia"
        self.lower: set[str] = set()  # words in lowercase: "economic", "russia’s"
        # lowercase words that may be another word with a possessive ending: "russia’s", "states'"
        self.possessive: set[str] = set()
        # the texts whose places a document needs, with what they are: "capital" (a word with a capital
        # and then lowercase: "Faso", "McDonald"), "capitalised" (``is_capitalised``, whatever the token's
        # kind), "initialism" (one that starts with a capital: "U.S."), "acronym" ("GSA", "TFG": may stand
        # for a name spelt out beside it), "title" (abbreviated titles: "Dr", "mr")
        self.marked: set[str] = set()
        self.kinds: dict[str, tuple[str, ...]] = {}
        # for title-case blocks: 1 for a word (not an initialism or a number) that is not a function
        # word, plus _UPPER when its first letter is a capital; 0 for everything else
        self.score: dict[str, int] = {}

    def learn(self, words: set[str]) -> None:
        """Record the facts of the texts ``words`` (a set) not seen before."""
        new = words.difference(self.seen)  # (walks ``words``: ``self.seen - words`` walks ``seen``)
        if not new:
            return
        if len(self.seen) + len(new) > 300_000:
            self.__init__(self.generation + 1)
            new = set(words)
        self.seen.update(new)
        self.log.extend(new)
        # Most new texts are plain words of letters, all lowercase ("economic") or capitalised ("Faso"):
        # their facts follow from that shape, and are recorded for the whole group at once with set and
        # dict operations (in C), several times faster than the test-by-test look at each text that the
        # other texts get (``_learn_one``).
        # (``isalpha`` holds for "ʼ", U+02BC, an apostrophe of possessives: "websiteʼs" is no plain word)
        letters = [text for text in filter(str.isalpha, new) if "ʼ" not in text]
        lower = [text for text in filter(str.islower, letters) if text[0].islower()]
        capital = [text for text in letters if text[0].isupper() and text[1:].islower()]
        self._learn_lowercase(lower)
        self._learn_capitalised(capital)
        for text in new.difference(lower, capital):
            self._learn_one(text)

    def _learn_lowercase(self, words: list[str]) -> None:
        """The facts of ``words``, words of letters in lowercase: each is its own lowercase form."""
        self.lower.update(words)
        self.score.update(dict.fromkeys(words, 1))
        self.score.update(dict.fromkeys(FUNCTION_WORDS.intersection(words), 0))
        for text in TITLES.intersection(words):
            self._mark(text, ("title",))

    def _learn_capitalised(self, words: list[str]) -> None:
        """The facts of ``words``, words of letters with a capital and then lowercase letters ("Faso")."""
        lowered = list(map(str.lower, words))
        self.key.update(zip(words, lowered, strict=True))  # (no apostrophe: ``word_key`` is the lowercase)
        self.score.update(dict.fromkeys(words, 1 + _UPPER))
        self.score.update(dict.fromkeys(compress(words, map(FUNCTION_WORDS.__contains__, lowered)), 0))
        self.marked.update(words)
        self.kinds.update(dict.fromkeys(words, ("capital", "capitalised")))
        for text in compress(words, map(TITLES.__contains__, lowered)):
            self.kinds[text] = ("capital", "capitalised", "title")

    def _mark(self, text: str, kinds: tuple[str, ...]) -> None:
        self.marked.add(text)
        self.kinds[text] = kinds

    def _learn_one(self, text: str) -> None:
        """The facts of ``text``, whatever it is."""
        kind = word_kind(text)
        first_upper = text[:1].isupper()
        capitalised = first_upper and any(map(str.islower, text[1:]))  # ``is_capitalised``
        lowered = text.lower()
        kinds = []  # the kinds of ``marked`` that ``text`` is
        score = 0
        if kind is TokenKind.WORD:
            if lowered not in FUNCTION_WORDS:
                score = 1 + (_UPPER if first_upper else 0)
            if text.islower():
                if text[0].islower():
                    self.lower.add(text)
                    if _possessive_stem(text) is not None:
                        self.possessive.add(text)
            elif capitalised:
                self.key[text] = word_key(text)
                kinds.append("capital")
        self.score[text] = score
        if capitalised:
            kinds.append("capitalised")
        if kind is TokenKind.INITIALISM and first_upper:
            kinds.append("initialism")
        if (
            2 <= len(text) <= 8
            and (text.isupper() or (not text[1:].islower() and _mixed_acronym(text)))
            and text.replace("-", "").isalpha()
        ):
            kinds.append("acronym")
        if lowered in TITLES:
            kinds.append("title")
        if kinds:
            self._mark(text, tuple(kinds))


_TEXTS = _KnownTexts()
_UPPER = 1 << 20


def _possessive_stem(text: str) -> str | None:
    """The word ``text`` is a variant of in ``lowercase_variants`` other than itself ("russia’s" ->
    "russia", "states'" -> "states"), or None when it has no possessive ending."""
    if len(text) > 1 and text[-1] in _APOSTROPHES:
        return text[:-1]
    if len(text) > 2 and text[-2] in _APOSTROPHES and text[-1] == "s":
        return text[:-2]
    return None


def lowercase_variants(key: str) -> tuple[str, ...]:
    """The lowercase words whose ``word_key`` is ``key``: "russia", "russia’s", "russia'" ..."""
    return (key, *(key + a + "s" for a in _APOSTROPHES), *(key + a for a in _APOSTROPHES))


def texts_seen_since(mark: tuple[int, int]) -> tuple[tuple[int, int], list[str], bool]:
    """The texts first seen since ``mark`` (the mark an earlier call returned; (-1, 0) the first time),
    the mark to pass next time, and whether a cache built on the texts seen before should be dropped
    (the facts were dropped to keep memory bounded: the texts returned are then all those known)."""
    generation, position = mark
    log = _TEXTS.log
    if generation != _TEXTS.generation:
        return (_TEXTS.generation, len(log)), log[:], True
    return (generation, len(log)), log[position:], False


def lowercase_texts(texts) -> set[str]:
    """The lowercase words ("economic", "russia’s") among ``texts``, texts seen in this process."""
    return _TEXTS.lower.intersection(texts)


class _Links(dict):
    """``prev`` or ``next`` of a ``CasingEvidence``: ``links[i]`` is the index of the word right beside
    token ``i`` in the same phrase (the same block, no sentence start between, only spaces), or -1.
    Worked out for the tokens asked about only, and kept. It holds the document's tokens and text, not
    the evidence: a link back would make a reference cycle, left for the cycle collector (issue 7)."""

    __slots__ = ("_tokens", "_text", "_step")

    def __init__(self, tokens, text: str, step: int):
        super().__init__()
        self._tokens = tokens
        self._text = text
        self._step = step

    def __missing__(self, index: int) -> int:
        if self._step < 0:
            link = index - 1 if _linked(self._tokens, self._text, index) else -1
        else:
            link = index + 1 if _linked(self._tokens, self._text, index + 1) else -1
        self[index] = link
        return link


def _linked(tokens, text: str, index: int) -> bool:
    """``CasingEvidence.linked`` for the document of ``tokens`` and ``text``."""
    if index <= 0 or index >= len(tokens):
        return False
    _, start, _, _, block, sentence_start = tokens[index]
    _, _, last_end, _, last_block, _ = tokens[index - 1]
    if block != last_block or sentence_start:
        return False
    width = start - last_end
    if width == 1:
        return text[last_end] == " "
    return width > 0 and text.count(" ", last_end, start) == width


class _LowercaseIndex:
    """``CasingEvidence.lower``: word key -> the indices of the key's lowercase occurrences (sentence
    starts included), found on demand. ``get`` and ``[]`` behave as on a dict that holds only the keys
    with some lowercase occurrence."""

    def __init__(self, texts: list[str], words: set[str]):
        self._texts = texts
        self._words = words  # the document's lowercase words
        self._found: dict[str, list[int]] = {}
        # the keys that some possessive word of the document ("russia’s") is a variant of: only these
        # keys need ``lowercase_variants`` (building its seven strings for every key asked about was a
        # good part of the evidence's time)
        self.stems = set(map(_possessive_stem, _TEXTS.possessive.intersection(words)))

    def words_of(self, key: str) -> list[str]:
        """The document's lowercase words whose key is ``key``."""
        if key in self.stems:
            return [w for w in lowercase_variants(key) if w in self._words]
        return [key] if key in self._words else []

    def __contains__(self, key: str) -> bool:
        return bool(self.words_of(key))

    def get(self, key: str, default=None):
        found = self._found.get(key)
        if found is None:
            words = self.words_of(key)
            if not words:
                return default
            if len(words) == 1:
                found = _indices_of(self._texts, words[0])
            else:
                found = sorted(i for w in words for i in _indices_of(self._texts, w))
            self._found[key] = found
        return found

    def prepare(self, keys) -> dict[str, list[int]]:
        """Find the occurrences of all ``keys`` in one scan (for rules that will ask for many); returns
        the places of each of their words."""
        key_of = {w: k for k in keys for w in self.words_of(k)}
        places: dict[str, list[int]] = {w: [] for w in key_of}
        if not key_of:
            return places
        texts = self._texts
        for i in compress(range(len(texts)), map(key_of.__contains__, texts)):
            places[texts[i]].append(i)
        found: dict[str, list[int]] = {}
        for w, k in key_of.items():
            found.setdefault(k, []).extend(places[w])
        for k, indices in found.items():
            if len(indices) > 1 and len(self.words_of(k)) > 1:
                indices.sort()
        self._found.update(found)
        return places

    def __getitem__(self, key: str) -> list[int]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found


def _indices_of(texts: list[str], word: str) -> list[int]:
    """Every index of ``word`` in ``texts`` (``list.index`` scans in C)."""
    out = []
    i = -1
    index = texts.index
    try:
        while True:
            i = index(word, i + 1)
            out.append(i)
    except ValueError:
        return out


class CasingEvidence:
    """How one document capitalises its words inside sentences.

    ``capital`` and ``lower`` map a word key to the indices (into ``doc.tokens``) of its mid-sentence
    capitalised and its lowercase occurrences; capitals in title-case blocks are left out, and ``capital``
    has only the keys of the document's lowercase words (and those words), the only ones rules ask about.
    ``prev`` and ``next`` give, for each token, the index of the word right beside it in the same phrase
    (only spaces between them), or -1. Everything is worked out on first use.

    The document is held weakly and nothing here refers back to the evidence, so that once a document's
    check is over, its evidence and tokens are freed at once rather than left for the cycle collector to
    walk (issue 7: its time fell from about 0.4 s to 0.06 s over the prose corpus).
    """

    def __init__(self, doc: Document):
        self._doc = weakref.ref(doc, _forget)
        self._tokens = doc.tokens
        self._text = doc.text
        self.texts: list[str] = doc.texts  # a column the document builds once for every rule that reads it
        # the document's distinct texts: a set, built several times faster than ``Counter`` or even
        # ``dict.fromkeys`` would be (only membership is asked of them; ``counts`` has the counts), and
        # with which set operations walk the smaller side (an intersection with a view walks the view)
        self.words = doc.text_set
        _TEXTS.learn(self.words)
        self.memo: dict = {}  # for rules to keep per-document results in
        # the texts beside the capitalised words, for ``beside_capitalised`` and ``capitals_after``
        self._neighbours: dict = {}

    @property
    def counts(self) -> Counter:
        """How many times each distinct text occurs."""
        return self.doc.text_counts

    @property
    def doc(self) -> Document:
        """The document (the evidence is used only during its check, while the document is alive)."""
        return self._doc()

    # --- words ---

    @cached_property
    def lower_words(self) -> set[str]:
        """The document's distinct lowercase words ("economic", "russia’s")."""
        return _TEXTS.lower.intersection(self.words)

    def indices(self, words) -> list[int]:
        """The indices of the tokens whose text is one of ``words`` (a set), in order."""
        if not words:
            return []
        return list(compress(range(len(self.texts)), map(words.__contains__, self.texts)))

    @cached_property
    def _marked(self) -> dict[str, list[int]]:
        """The places of the capitalised words, capitalised initialisms, acronyms and title abbreviations,
        each kind apart (keys "capital", "capitalised", "initialism", "acronym", "title"), in order."""
        texts = self.texts
        kinds = _TEXTS.kinds
        places: dict[str, list[int]] = {"capital": [], "capitalised": [], "initialism": [], "acronym": [], "title": []}
        for i in self.indices(_TEXTS.marked.intersection(self.words)):
            for kind in kinds[texts[i]]:
                places[kind].append(i)
        return places

    def capitals_after(self, words) -> list[int]:
        """The indices of the capitalised words ("Faso", not "NATO") right after a token whose text is one
        of ``words`` (a set), whatever lies between them."""
        if not words:
            return []
        before = self._texts_before_capitals()
        return [i for i in compress(self._marked["capital"], map(words.__contains__, before)) if i]

    def _texts_before_capitals(self) -> list[str]:
        """The text of the token before each capitalised word of ``capitals_after`` (the first token: the
        last's text), worked out once for the several sets of words asked about."""
        got = self._neighbours.get("capital")
        if got is None:
            capitals = self._marked["capital"]
            got = self._neighbours["capital"] = list(map(self.texts.__getitem__, map((-1).__add__, capitals)))
        return got

    @cached_property
    def capitalised_indices(self) -> set[int]:
        """The indices of the capitalised tokens ("Faso", "McDonald"; not "NATO"), wherever they stand."""
        return set(self._marked["capitalised"])

    @cached_property
    def initialism_indices(self) -> set[int]:
        """The indices of the initialisms that start with a capital ("U.S.")."""
        return set(self._marked["initialism"])

    @cached_property
    def title_indices(self) -> list[int]:
        """The indices of abbreviated titles ("Dr", "mr")."""
        return self._marked["title"]

    # --- usage ---

    @cached_property
    def lower(self) -> _LowercaseIndex:
        return _LowercaseIndex(self.texts, self.lower_words)

    @cached_property
    def capital(self) -> dict[str, list[int]]:
        tokens, texts, key = self.doc.tokens, self.texts, _TEXTS.key
        capitals = self._marked["capital"]
        # The rules ask only about keys of the document's lowercase words (or about the words themselves):
        # so only the capitals with such a key are placed, and only the blocks that hold one of them
        # are tested for title case, which sums a score over every token of the block.
        lower, stems = self.lower_words, self.lower.stems
        wanted = {text for text in set(map(texts.__getitem__, capitals)) if key[text] in lower or key[text] in stems}
        out: dict[str, list[int]] = defaultdict(list)
        if not wanted:
            return out
        places = compress(capitals, map(wanted.__contains__, map(texts.__getitem__, capitals)))
        inside = [i for i in places if tokens[i][5] is False]
        title = self._title_case({tokens[i][4] for i in inside})
        for i in inside:
            if tokens[i][4] not in title:
                out[key[texts[i]]].append(i)
        return out

    def _title_case(self, blocks: set[int]) -> set[int]:
        """The blocks of ``blocks`` where (nearly) every content word is capitalised, as headings and
        table labels are: their capitals say nothing about names."""
        tokens, texts = self.doc.tokens, self.texts
        score = _TEXTS.score.__getitem__
        title = set()
        for block in blocks:
            # the tokens come block by block, in order (``build_document`` tokenizes each block in turn)
            a = bisect_left(tokens, block, key=_BLOCK)
            total = sum(map(score, texts[a : bisect_right(tokens, block, lo=a, key=_BLOCK)]))
            count, upper = total & (_UPPER - 1), total >> 20
            if count and upper >= 0.7 * count:
                title.add(block)
        return title

    # --- phrases ---

    def linked(self, index: int) -> bool:
        """Whether token ``index`` goes on the phrase of the token before it: the same block, no sentence
        start, and only spaces between."""
        return _linked(self._tokens, self._text, index)

    @cached_property
    def prev(self) -> _Links:
        return _Links(self._tokens, self._text, -1)

    @cached_property
    def next(self) -> _Links:
        return _Links(self._tokens, self._text, +1)

    def beside_capitalised(self, side: int, words) -> list[int]:
        """The indices of the tokens right before (``side`` -1) or right after (+1) a capitalised word
        ("Faso", "McDonald"; not "NATO") whose text is one of ``words`` (a set), in order, whatever lies
        between them. (The neighbours' texts are tested in C, ``compress`` over ``map``: few pass.)"""
        if not words:
            return []
        places, texts = self._capitalised_neighbours(side)
        return list(compress(places, map(words.__contains__, texts)))

    def _capitalised_neighbours(self, side: int) -> tuple[list[int], list[str]]:
        """The indices and texts of the tokens right before (``side`` -1) or right after (+1) the
        capitalised words, worked out once for the several sets of words asked about."""
        found = self._neighbours.get(side)
        if found is None:
            places = list(map(side.__add__, self._marked["capitalised"]))
            if places and places[0] < 0:
                del places[0]  # a capitalised first token
            elif places and places[-1] == len(self.texts):
                del places[-1]  # a capitalised last token
            found = self._neighbours[side] = places, list(map(self.texts.__getitem__, places))
        return found

    @cached_property
    def in_acronym_name(self) -> set[int]:
        """Lowercase words inside a capitalised name that an acronym spells out: "General Services
        administration (GSA)" -> the index of "administration"."""
        return _find_acronym_names(self.doc, self._marked["acronym"])

    @cached_property
    def code_words(self) -> set[str]:
        """Lowercase words that appear in masked text (code)."""
        text = self.doc.text
        out: set[str] = set()
        for span in self.doc.masks:
            out.update(w.lower() for w in _CODE_WORD.findall(text, span.start, span.end))
        return out

    def standalone(self, index: int) -> bool:
        """Whether token ``index`` stands apart from other capitalised words ("visit Moscow this week",
        not "Burkina Faso")."""
        for j in (self.prev[index], self.next[index]):
            if j >= 0 and self.doc.tokens[j].text[:1].isupper():
                return False
        return True

    def context(self, index: int, side: int, n: int) -> list[int]:
        """Up to ``n`` tokens of the same phrase beside token ``index``, nearest first (side -1: before)."""
        out = []
        links = self.prev if side < 0 else self.next
        j = links[index]
        while j >= 0 and len(out) < n:
            out.append(j)
            j = links[j]
        return out


_LAST: list[CasingEvidence] = []
_CODE_WORD = re.compile(r"[^\W\d_]+")


def _forget(gone: weakref.ref) -> None:
    """Drop the last evidence when its document is freed (``gone``: the evidence's reference to it)."""
    if _LAST and _LAST[0]._doc is gone:
        _LAST.clear()


def evidence(doc: Document) -> CasingEvidence:
    """The casing evidence of ``doc``, computed once and shared by the casing rules (the last document's
    is kept, for as long as the document lives)."""
    if _LAST and _LAST[0].doc is doc:
        return _LAST[0]
    ev = CasingEvidence(doc)
    _LAST[:] = [ev]
    return ev


# Short words an acronym usually skips: "Department of Health and Human Services (HHS)".
_ACRONYM_SKIPS = frozenset("of for and the on in to at by with de".split())


def _find_acronym_names(doc: Document, acronyms: list[int]) -> set[int]:
    """The lowercase words of names spelt out beside an acronym in brackets (the tokens ``acronyms``),
    when the other words of the name are capitalised: "the Somali transitional Federal Government
    (TFG)", "SOAP (Simple Object Access protocol)"."""
    tokens, text = doc.tokens, doc.text
    found: set[int] = set()
    for a in acronyms:
        _, start, end, word, _, _ = tokens[a]
        if text[start - 1 : start] != "(" and text[end + 1 : end + 2] != "(":
            continue  # (one-character slices, which Python does not build: most acronyms stand apart)
        if text[start - 2 : start] == " (" and text[end : end + 1] == ")":
            words = _spelt_out(tokens, text, a, _initials(word), -1)  # "General Services Administration (GSA)"
        elif text[end : end + 2] == " (" and a + 1 < len(tokens):
            words = _spelt_out(tokens, text, a, _initials(word), +1)  # "SOAP (Simple Object Access Protocol)"
            if words and text[tokens[words[-1]].end : tokens[words[-1]].end + 1] != ")":
                words = None
        else:
            continue
        if not words or len(words) < 2:
            continue
        lower = [k for k in words if is_lowercase_word(tokens[k].text)]
        if len(lower) != 1:
            continue
        # capitals inside the sentence, or after an initialism of the name ("U.S. Citizenship", where a
        # sentence might end), and at a sentence start (no evidence by themselves)
        upper = starts = 0
        for k in words:
            tok = tokens[k]
            if tok.kind is TokenKind.INITIALISM:
                upper += 1
            elif is_capitalised(tok.text):
                if tok.sentence_start is False or (tok.sentence_start is None and k - 1 in words):
                    upper += 1
                else:
                    starts += 1
        if upper >= max(1, len(words) - 1) or (upper >= 2 and upper + starts >= len(words) - 1):
            found.add(lower[0])
    return found


def _initials(acronym: str) -> list[str]:
    """The letters an acronym stands for, lowercase: the capitals of "CoECI" or "DoD" (its lowercase
    letters stand for skipped words: "of"), every letter of "GSA"."""
    return [ch.lower() for ch in acronym if ch.isupper() or (ch.isalpha() and acronym.isupper())]


def _spelt_out(tokens, text, a, letters, step):
    """The tokens beside token ``a`` whose initials spell ``letters`` (skipping short joining words), or
    None. ``step`` -1 reads backwards from the word before ``a``, +1 forwards from the word after it."""
    want = list(reversed(letters)) if step < 0 else list(letters)
    block = tokens[a].block
    matched: list[int] = []
    j = a + step
    while want and 0 <= j < len(tokens) and tokens[j].block == block:
        near, far = (j, j + 1) if step < 0 else (j - 1, j)
        if far != a and near != a:
            gap = text[tokens[near].end : tokens[far].start]
            if gap.strip(" -&") != "":
                return None
        w = tokens[j].text
        if tokens[j].kind is TokenKind.INITIALISM:
            initials = [ch.lower() for ch in w if ch.isalpha()]
            if step < 0:
                initials.reverse()
            if want[: len(initials)] != initials:
                return None
            del want[: len(initials)]
            matched.append(j)
        elif w[:1].lower() == want[0]:
            matched.append(j)
            want.pop(0)
        elif w.lower() not in _ACRONYM_SKIPS:
            return None
        j += step
    return None if want else sorted(matched)


def prose_word(doc: Document, tok: Token) -> bool:
    """A word written as plain prose: not quoted nor set off alone in emphasis ("*ella*"), not glued to
    code-like punctuation ("os.path", "foo()", "~/bin", "user@host") and not inside a mask."""
    text = doc.text
    before = text[tok.start - 1] if tok.start > 0 else " "
    after = text[tok.end] if tok.end < len(text) else " "
    after2 = text[tok.end + 1] if tok.end + 1 < len(text) else " "
    if before in QUOTE_OPENERS or before in "/\\_@#$%&=<>~.{" or after in "_@/\\(<=`[{":
        return False
    if after in ".:" and after2.isalnum():
        return False  # "github.com", "os.path", "std::io"
    if before in "*_" and after == before:
        return False  # a word set off alone in emphasis is a term being mentioned: "*ella* means she"
    return not doc.is_masked(tok.start, tok.end)
