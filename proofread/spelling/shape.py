"""What is not a typo, told from the shape of the text alone.

The spelling rules ask ``SpellingScan`` which words of a document are worth checking. A word is left
alone, without consulting any per-document exception list, when it is:

- a name or a place: capitalised inside a sentence ("visit Moscow"), written with letters outside
  ASCII ("Goïta", "Traoré"), or capitalised at a sentence start but also found capitalised inside a
  sentence or more than once in the document ("Bazoum said ... Bazoum"; the last kind is handed on
  marked ``repeated_opener``, for the known-misspelling rule: "Becuase ... Becuase");
- an acronym or initialism: all capitals ("NATO"), letters joined by periods ("U.S.", "Ph.D.");
- code-like: an inner capital ("camelCase", "mdBook", "iOS"), digits or underscores ("snake_case",
  "10km", "3rd": the document model marks these as TokenKind.OTHER), a word glued to a path or a file
  name ("main.rs", "src/lib"), a hashtag or a handle ("#python", "@user");
- a lowercase word that recurs in the document is marked ``recurring``: likely a term of the text, not a
  slip (typing slips do not repeat themselves; a misspelling that does is often a known one), so the
  unknown-word rule flags it only when it is one cheap slip from a common word ("wil" twice);
- a lowercased name: a word found capitalised inside a sentence elsewhere in the document ("niger" where
  "Niger" also appears) is the casing rules' business;
- in the project's vocabulary (``ctx.vocabulary``).

Words of one or two letters and French elisions ("d'etat") are left alone too. Possessive and
contraction endings ("Moscow’s", "Bazoum's", "didn't") are cut off before checking, and
a hyphenated compound is checked part by part, skipping common prefixes ("socio-", "geo-").
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, repeat
from operator import itemgetter

from proofread.model import Document, Token, TokenKind
from proofread.sentences import word_kind as KIND_OF

# Combining forms written before a hyphen that are not words by themselves.
PREFIXES = frozenset(
    """socio geo bio eco anti non multi pre post re co inter intra micro macro mini semi sub super trans
    ultra neo pseudo proto quasi mid self ex vice cyber techno agro afro euro indo sino russo franco anglo
    judeo greco austro pan pro meta para poly mono tri bi uni de dis mis un over under out counter
    extra infra hyper hypo auto tele photo electro thermo hydro aero astro neuro psycho retro""".split()
)

_SUFFIX = re.compile(r"(?:['’](?:s|ll|re|ve|d|m|t)|s['’]|n['’]t|['’])$", re.IGNORECASE)
_INNER_CAPITAL = re.compile(r".[a-z]*[A-Z]")
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")
_ELISION = re.compile(r"^[dlDL]['’]")
_LAST: dict[str, SpellingScan] = {}
_CODE_NEIGHBOUR_BEFORE = set("./\\#@$%&=<>~^|*+_:[{")
_CODE_NEIGHBOUR_AFTER = set("/\\=<>[{(_")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A piece of a token worth checking: its span and text, and whether it is capitalised at a
    sentence start (the one place where a capital says nothing about names)."""

    start: int
    end: int
    text: str  # the word without a possessive or contraction ending
    full: str  # the word as written, ending included
    sentence_start: bool
    recurring: bool = False  # lowercase and used more than once in the document: likely a term
    # capitalised only at sentence starts, but more than once: likely a name ("Bazoum said ... Bazoum
    # agreed"), unless a list of misspellings says otherwise ("Becuase ... Becuase")
    repeated_opener: bool = False


def is_code_like(word: str) -> bool:
    """An identifier or a product name rather than an English word: an inner capital ("mdBook",
    "camelCase", "iOS"), all capitals ("NATO", "JSON"), digits or underscores."""
    if _DIGIT_OR_UNDERSCORE.search(word):
        return True
    letters = word.replace("'", "").replace("’", "").replace("-", "")
    if len(letters) > 1 and letters.isupper():
        return True
    return bool(_INNER_CAPITAL.match(word))


def is_foreign_looking(word: str) -> bool:
    """Letters outside ASCII: names and borrowed words ("Goïta", "Traoré", "naïve")."""
    return not word.isascii() and any(ord(ch) > 127 and ch.isalpha() for ch in word)


def _plural_of_compound(text: str, known_or_term) -> bool:
    """True for the plural of a hyphenated compound the lexicon knows ("add-ons" of "add-on"): checked
    piece by piece, its last piece ("ons") would pass for a misspelling."""
    return "-" in text and text[-1:] == "s" and len(text) > 4 and known_or_term(text[:-1])


class SpellingScan:
    """The words of one document that a spelling rule should look at, with the document-level evidence
    that decides whether a capitalised or repeated word is a name or a term.

    The work is done by distinct word, not token by token (issue 7). What depends on a word alone (is it
    a word the lexicon knows, which pieces of it are worth checking) is decided once per run and kept in
    bounded tables; the evidence of the document (how often a piece is used, and whether it is written
    capitalised inside a sentence) is added up only for the pieces of the few unknown words, from an
    index of the words that hold each piece."""

    RECURRING = 2

    @classmethod
    def of(cls, doc: Document, vocabulary_lower: frozenset[str] = frozenset()) -> SpellingScan:
        """The scan of ``doc``, shared by the spelling rules of one run (the last document is kept)."""
        last = _LAST.get("scan")
        if last is not None and last.doc is doc and last.vocabulary_lower is vocabulary_lower:
            return last
        scan = cls(doc, vocabulary_lower)
        _LAST["scan"] = scan
        return scan

    def __init__(self, doc: Document, vocabulary_lower: frozenset[str] = frozenset()):
        # The document is held weakly: the last scan is kept for the next rule, and a strong reference
        # would keep the document's tokens alive after its check, for the cycle collector to walk.
        self._doc = weakref.ref(doc)
        self.vocabulary_lower = vocabulary_lower
        self._unknown: tuple[object, list[Token]] | None = None
        self._unknown_texts: tuple[object, set[str]] | None = None
        self._unknown_candidates: tuple[object, list[Candidate]] | None = None
        self._words: set[str] | None = None
        self._learned = -1  # the generation of the piece tables this document's words were added to
        self._openers: Counter[str] | None = None
        self._piece_tallies: dict[str, tuple[int, int, bool]] = {}

    @property
    def doc(self) -> Document | None:
        """The document scanned (None once it is gone: a scan is used only during its check)."""
        return self._doc()

    def _word_set(self) -> set[str]:
        """The distinct texts of the document (a set is quicker to build than their counts)."""
        got = self._words
        if got is None:
            got = self._words = self.doc.text_set
        return got

    @property
    def counts(self) -> Counter[str]:
        """How often each lowercase piece of a word occurs in the document ("Moscow’s" counts "moscow")."""
        return self._tally[0]

    @property
    def capitalised_count(self) -> Counter[str]:
        """How often each lowercase piece is written capitalised."""
        return self._tally[1]

    @property
    def capitalised_inside(self) -> set[str]:
        """The lowercase pieces written capitalised somewhere other than at a sentence start."""
        return self._tally[2]

    @cached_property
    def piece_counts(self) -> PieceCounts:
        """``counts`` as a read-only mapping that counts a piece only when asked about it (and knows its
        total): what the corrector needs of the document, without counting every word of it."""
        return PieceCounts(self)

    @cached_property
    def _tally(self) -> tuple[Counter[str], Counter[str], set[str]]:
        """``counts``, ``capitalised_count`` and ``capitalised_inside`` of every piece. The spelling rules
        ask only about a few pieces (``piece_tally``); this is the whole picture, for callers that want
        it."""
        self._learn()
        text_counts = self.doc.text_counts  # (the rules count the few texts they ask about instead)
        counts: Counter[str] = Counter()
        capitalised_count: Counter[str] = Counter()
        capitalised_inside: set[str] = set()
        openers = self._opener_counts()
        for text, n in text_counts.items():
            lows, capitals = _PIECES[text]
            for low in lows:
                counts[low] += n
            if capitals:
                inside = openers.get(text, 0) < n  # some occurrence is not at a sentence start
                for low, inner in capitals:
                    capitalised_count[low] += n
                    if inner or inside:
                        capitalised_inside.add(low)
        return counts, capitalised_count, capitalised_inside

    def piece_tally(self, low: str) -> tuple[int, int, bool]:
        """For one lowercase piece: ``counts[low]``, ``capitalised_count[low]`` and whether ``low`` is in
        ``capitalised_inside``, added up from the words of the document that hold it (``_BY_PIECE``)
        instead of from every word."""
        got = self._piece_tallies.get(low)
        if got is not None:
            return got
        if self._learned != _GENERATION[0]:
            self._learn()
        got = self._piece_tallies[low] = _tally_of(low, self.doc.text_counts, self._opener_counts())
        return got

    @cached_property
    def _piece_total(self) -> int:
        if self._learned != _GENERATION[0]:
            self._learn()
        # most words are one piece each: the tokens, plus what the other words add (or take away)
        text_counts = self.doc.text_counts
        odd = text_counts.keys() & _EXTRA.keys()
        return sum(text_counts.values()) + sum(text_counts[text] * _EXTRA[text] for text in odd)

    def piece_total(self) -> int:
        """``sum(counts.values())``: every piece of every word, counted in C."""
        return self._piece_total

    def _learn(self) -> None:
        """Add the document's new words to the run's piece tables (all of them when the tables are full
        and start again)."""
        words = self._word_set()
        new = words.difference(_PIECES)
        if len(_PIECES) + len(new) > _PIECES_MAX:
            _forget_pieces()
            new = words
        _learn_pieces(new)
        self._learned = _GENERATION[0]

    def _opener_counts(self) -> Counter[str]:
        """How often each text opens a sentence in the document (counted in C, on first use)."""
        got = self._openers
        if got is None:
            doc = self.doc
            # True is the only truthy sentence-start verdict
            got = self._openers = Counter(compress(doc.texts, map(_SENTENCE_START, doc.tokens)))
        return got

    def _unknown_words(self, lexicon) -> set[str]:
        """The distinct texts of the document that the lexicon does not know as words or terms (nor as
        the plural of a known hyphenated compound). Each distinct text is judged once per run
        (``_Verdicts``): a document's texts are sorted with set operations in C, and only the texts
        the run has not met yet are looked at one by one."""
        got = self._unknown_texts
        if got is not None and got[0] is lexicon:
            return got[1]
        verdicts = _Verdicts.of(lexicon)
        words = self._word_set()
        # a set difference in C, looping over the document's words (the smaller set), not the run's
        fresh = words - verdicts.judged
        if fresh and len(_PIECES) + len(fresh) > _PIECES_MAX:
            _forget_pieces()
            verdicts = _Verdicts.of(lexicon)
            fresh = set(words)
        unknown = words & verdicts.unknown
        if unknown:
            # a text judged unknown in an earlier document may be known by now (the lexicon was asked
            # about it as the singular of a compound): as when it is judged, the known words are those
            # the lexicon knew before this document's new words were judged
            unknown.difference_update(lexicon.known_or_term_words)
        if fresh:
            unknown |= verdicts.judge(fresh, lexicon)
        # every word of the document is now in the piece tables (a judged word is added to them)
        self._learned = _GENERATION[0]
        self._unknown_texts = (lexicon, unknown)
        return unknown

    def unknown_tokens(self, lexicon) -> list[Token]:
        """The tokens of the document a spelling rule must look into: every token but the words the
        lexicon knows as words or terms. Computed once per document and lexicon.

        Each distinct text is judged once per run: the texts already known to the lexicon are taken away
        from the document's texts as a set, and only the tokens of what is left are kept."""
        got = self._unknown
        if got is not None and got[0] is lexicon:
            return got[1]
        unknown = self._unknown_words(lexicon)
        tokens = self.doc.tokens
        out = list(compress(tokens, map(unknown.__contains__, self.doc.texts))) if unknown else []
        self._unknown = (lexicon, out)
        return out

    def unknown_candidates(self, lexicon) -> list[Candidate]:
        """``candidates`` of each of ``unknown_tokens``, in order; computed once, for both rules. Only the
        tokens of the unknown texts that have a piece worth checking are looked at (``_plan``)."""
        got = self._unknown_candidates
        if got is not None and got[0] is lexicon:
            return got[1]
        out: list[Candidate] = []
        wanted = {text for text in self._unknown_words(lexicon) if _plan(text) is not None}
        if wanted:
            tokens = self.doc.tokens
            # One pass over the tokens (in C) picks the tokens of the wanted texts and of every text that
            # holds one of their pieces; counted here, they give the pieces' tallies without counting
            # the whole document
            lows = {low for text in wanted for _o, _s, _p, low, _c in _plan(text)[1]}
            holders = self._holders(lows)
            picked = list(compress(tokens, map((wanted | holders).__contains__, self.doc.texts)))
            self._tally_pieces(picked, holders, lows)
            for tok in picked:
                if tok.text in wanted:
                    out.extend(self.candidates(tok))
        self._unknown_candidates = (lexicon, out)
        return out

    def _holders(self, lows: set[str]) -> set[str]:
        """The texts of the document that hold one of ``lows`` as a piece (its words must be in the piece
        tables: ``_learned``)."""
        words = self._word_set()
        holders = set()
        for low in lows.difference(self._piece_tallies):
            if low in _AS_ITSELF and low in words:
                holders.add(low)
            holders.update(entry[0] for entry in _BY_PIECE.get(low, ()) if entry[0] in words)
        return holders

    def _tally_pieces(self, picked: list[Token], holders: set[str], lows: set[str]) -> None:
        """``piece_tally`` of ``lows``, from ``picked``, which has every token of the texts of ``holders``
        (every text of the document holding one of ``lows``). Only ``lows``: the other pieces of those
        texts may be held by texts not picked."""
        counts: Counter[str] = Counter()
        openers: Counter[str] = Counter()
        for tok in picked:
            counts[tok.text] += 1
            if tok.sentence_start is True:
                openers[tok.text] += 1
        for low in lows.difference(self._piece_tallies):
            self._piece_tallies[low] = _tally_of(low, counts, openers)

    def _glued_to_code(self, tok: Token) -> bool:
        text = self.doc.text
        before = text[tok.start - 1] if tok.start > 0 else " "
        after = text[tok.end] if tok.end < len(text) else " "
        if before in _CODE_NEIGHBOUR_BEFORE or after in _CODE_NEIGHBOUR_AFTER:
            return True
        # "file.ext" or "a.b": a period with a letter right after it
        if after == "." and tok.end + 1 < len(text) and text[tok.end + 1].isalnum():
            return True
        return False

    def candidates(self, tok: Token):
        """Yield the parts of ``tok`` that need checking (nothing for names, codes and terms).

        What depends on the word alone is its ``_plan``, made once per run; what is left here is the
        project's vocabulary, the word's neighbours, its place in the sentence and the document's
        evidence about its pieces."""
        plan = _plan(tok.text) if tok.kind is KIND_OF(tok.text) else _make_plan(tok.text, tok.kind)
        if plan is None:
            return
        is_word, pieces = plan
        vocabulary = self.vocabulary_lower
        if vocabulary and is_word and tok.text.lower() in vocabulary:
            return
        if self._glued_to_code(tok):
            return
        at_start = tok.sentence_start is True
        begin = tok.start
        for offset, stem, part, low, capital in pieces:
            if capital and not at_start:
                continue  # a name inside a sentence
            if vocabulary and low in vocabulary:
                continue
            count, capitalised, inside = self.piece_tally(low)
            if inside:
                continue  # a name that shows up inside a sentence, or a lowercased one: the casing rules' job
            start = begin + offset
            repeated_opener = capital and capitalised > 1
            recurring = count >= self.RECURRING
            yield Candidate(start, start + len(stem), stem, part, capital, recurring, repeated_opener)


def _tally_of(low: str, counts: Mapping[str, int], openers: Mapping[str, int]) -> tuple[int, int, bool]:
    """``SpellingScan.piece_tally`` of ``low``, given how often each text that holds it occurs in the
    document (``counts``; other texts may be missing) and opens a sentence (``openers``)."""
    count = counts.get(low, 0) if low in _AS_ITSELF else 0
    capitalised = 0
    inside = False
    for text, n_low, n_capital, inner in _BY_PIECE.get(low, ()):
        n = counts.get(text)
        if not n:
            continue
        count += n * n_low
        if n_capital:
            capitalised += n * n_capital
            # some occurrence is after a hyphen, or not at a sentence start
            if inner or openers.get(text, 0) < n:
                inside = True
    return count, capitalised, inside


class PieceCounts(Mapping):
    """``SpellingScan.counts`` as a mapping that counts a piece when asked (``SpellingScan.piece_tally``);
    ``total()`` is ``sum(values())``, as ``Counter.total`` is."""

    __slots__ = ("_scan",)

    def __init__(self, scan: SpellingScan):
        self._scan = scan

    def __getitem__(self, low: str) -> int:
        return self._scan.piece_tally(low)[0] if isinstance(low, str) else 0

    def get(self, low, default=None):
        n = self[low]
        return n if n else default

    def __contains__(self, low: object) -> bool:
        return bool(self[low])

    def __iter__(self):
        return iter(self._scan.counts)

    def __len__(self) -> int:
        return len(self._scan.counts)

    def __bool__(self) -> bool:
        return self._scan.piece_total() > 0

    def total(self) -> int:
        return self._scan.piece_total()


class _Verdicts:
    """Which texts are unknown to one lexicon: neither a word or a term it knows, nor the plural of a
    known hyphenated compound. A text is judged once per run; ``judged`` holds every text judged (or
    known when it was first met), ``unknown`` those found unknown. Every judged text is also in the
    piece tables (``_PIECES``), so the verdicts start again whenever those do, which bounds them."""

    _current: _Verdicts | None = None

    def __init__(self, lexicon):
        self._lexicon = weakref.ref(lexicon)
        self._generation = _GENERATION[0]
        self.judged: set[str] = set()
        self.unknown: set[str] = set()

    @classmethod
    def of(cls, lexicon) -> _Verdicts:
        got = cls._current
        if got is None or got._lexicon() is not lexicon or got._generation != _GENERATION[0]:
            got = cls._current = cls(lexicon)
        return got

    def judge(self, fresh: set[str], lexicon) -> set[str]:
        """The unknown texts of ``fresh`` (texts not judged yet); all of them are remembered as judged
        and added to the piece tables."""
        _learn_pieces(fresh.difference(_PIECES))
        self.judged |= fresh
        rest = fresh.difference(lexicon.known_or_term_words)
        unknown = set()
        # Plain words (letters only) are words of their kind, with no ending and no hyphen: the lexicon
        # judges them all at once, by their lowercase forms (set operations in C)
        plain = set(filter(str.isalpha, rest))
        if plain:
            unknown = plain.difference(lexicon.known_or_term_among(plain))
            rest -= plain
        known_or_term = lexicon.is_known_or_term
        word = TokenKind.WORD
        for text in rest:
            if (KIND_OF(text) is not word or not known_or_term(text)) and not _plural_of_compound(text, known_or_term):
                unknown.add(text)
        self.unknown |= unknown
        return unknown


# What a word token holds worth checking, by token text (for one run): None, or whether it is a word (not
# OTHER) and its pieces, each as (offset in the token, stem, part as written, lowercase stem, capitalised).
# A capitalised piece is kept only when it comes first (it is checked only at a sentence start).
_PLANS: dict[str, tuple[bool, tuple[tuple[int, str, str, str, bool], ...]] | None] = {}
_PLANS_MAX = 200_000


def _plan(text: str):
    got = _PLANS.get(text, _NO_PLAN)
    if got is _NO_PLAN:
        if len(_PLANS) >= _PLANS_MAX:
            _PLANS.clear()
        got = _PLANS[text] = _make_plan(text, KIND_OF(text))
    return got


_NO_PLAN = object()


def _make_plan(word: str, kind: TokenKind):
    """The pieces of a token with this text and kind that ``SpellingScan.candidates`` looks at, whatever
    the document: the word's shape alone says which pieces cannot be typos."""
    other = kind is TokenKind.OTHER
    if other:
        # "13-year-old": the lowercase words beside a number are still words
        if "-" not in word or "_" in word:
            return None
    elif kind is not TokenKind.WORD:
        return None
    elif is_foreign_looking(word) or is_code_like(word):
        return None
    pieces = []
    pos = 0
    parts = word.split("-")
    for index, part in enumerate(parts):
        offset = pos
        pos += len(part) + 1
        if other and not (part.isalpha() and part.islower()):
            continue
        stem = _strip_suffix(part)
        if len(stem) < 3 or _ELISION.match(stem):
            continue  # two letters say too little; "d'etat", "l'Heroine" are French
        low = stem.lower()
        if len(parts) > 1 and low in PREFIXES and index < len(parts) - 1:
            continue
        capital = stem[0].isupper()
        if capital and index > 0:
            continue  # a name inside a sentence
        pieces.append((offset, stem, part, low, capital))
    return (not other, tuple(pieces)) if pieces else None


# The pieces of a word token as SpellingScan counts them, by token text: the lowercase stems, and the
# capitalised ones with whether each comes after a hyphen. Cached for the run, since the same words come
# back again and again. A token that is not a word (digits, an initialism) has no pieces. The words
# that are their own only piece (a plain lowercase word: most of any text) are kept in _AS_ITSELF; every
# other word is listed in _BY_PIECE under each of its pieces, with how many times it holds the piece,
# how many times capitalised, and whether after a hyphen, so that a piece's tally in a document adds up
# only the words that hold it; and _EXTRA has how many pieces more than one a word has, for the words
# that have not exactly one. They start again together when they grow past _PIECES_MAX (_GENERATION
# counts the restarts, for the scans that added their words before one).
_PIECES: dict[str, tuple[tuple[str, ...], tuple[tuple[str, bool], ...]]] = {}
_PIECES_MAX = 200_000
_AS_ITSELF: set[str] = set()
_BY_PIECE: dict[str, list[tuple[str, int, int, bool]]] = {}
_EXTRA: dict[str, int] = {}
_GENERATION = [0]
_NO_PIECES: tuple[tuple[str, ...], tuple[tuple[str, bool], ...]] = ((), ())
_SENTENCE_START = itemgetter(5)  # Token.sentence_start


def _forget_pieces() -> None:
    _PIECES.clear()
    _AS_ITSELF.clear()
    _BY_PIECE.clear()
    _EXTRA.clear()
    _GENERATION[0] += 1


def _learn_pieces(texts: set[str]) -> None:
    """Add ``texts`` (not in the tables yet) to the piece tables."""
    # Most are plain lowercase words (letters only, none of them a capital): each is its own only piece,
    # ((word,), ()). They are added all at once, in C: zip(words) makes the 1-tuples.
    letters_only = list(filter(str.isalpha, texts))
    plain = list(filter(str.islower, letters_only))
    if plain:
        _AS_ITSELF.update(plain)
        _PIECES.update(zip(plain, zip(zip(plain), repeat((), len(plain)), strict=True), strict=True))
    if len(plain) < len(letters_only):
        _learn_cased(set(letters_only).difference(plain))
    if len(letters_only) < len(texts):
        for text in texts.difference(letters_only):
            _pieces(text)


def _learn_cased(texts: set[str]) -> None:
    """``_pieces`` of words of letters only that are not all lowercase ("Moscow", "NATO", "iOS"), in one
    loop instead of a call each: their one piece is the word lowercased, capitalised when the word's
    first letter is a capital."""
    for text in texts:
        low = text.lower()
        if text[0].isupper():
            _PIECES[text] = ((low,), ((low, False),))
            entry = (text, 1, 1, False)
        elif low == text:  # letters without case (no capital, yet not lowercase either)
            _PIECES[text] = ((low,), ())
            _AS_ITSELF.add(text)
            continue
        else:
            _PIECES[text] = ((low,), ())
            entry = (text, 1, 0, False)
        _BY_PIECE.setdefault(low, []).append(entry)


def _pieces(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, bool], ...]]:
    if text.isalpha():
        # a word of letters only has no ending to cut and no hyphen: itself, lowercased, is its piece
        low = text.lower()
        got = ((low,), ((low, False),) if text[0].isupper() else ())
    elif KIND_OF(text) is not TokenKind.WORD:
        got = _NO_PIECES
    else:
        got = _word_pieces(text)
    lows, capitals = got
    if lows == (text,) and not capitals:
        _AS_ITSELF.add(text)
    else:
        if len(lows) != 1:
            _EXTRA[text] = len(lows) - 1
        for low in dict.fromkeys(lows):
            inner = [after_hyphen for piece, after_hyphen in capitals if piece == low]
            entry = (text, lows.count(low), len(inner), any(inner))
            _BY_PIECE.setdefault(low, []).append(entry)
    _PIECES[text] = got
    return got


def _word_pieces(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, bool], ...]]:
    parts = text.split("-") if "-" in text else (text,)
    lows = []
    capitals = []
    for index, piece in enumerate(parts):
        stem = _strip_suffix(piece)
        if stem:
            low = stem.lower()
            lows.append(low)
            if stem[0].isupper():
                capitals.append((low, index > 0))
    return (tuple(lows), tuple(capitals))


def _strip_suffix(word: str) -> str:
    """``word`` without a possessive or contraction ending ("Moscow’s" -> "Moscow")."""
    m = _SUFFIX.search(word)
    if m and m.start() > 0:
        return word[: m.start()]
    return word
