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
from dataclasses import dataclass
from functools import cached_property
from itertools import compress
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
    that decides whether a capitalised or repeated word is a name or a term."""

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
        self._unknown_candidates: tuple[object, list[Candidate]] | None = None
        # By distinct word, not token by token (issue 7): the texts of the tokens are counted in C.
        self._texts = texts = list(map(_TEXT, doc.tokens))
        self._text_counts = Counter(texts)

    @property
    def doc(self) -> Document | None:
        """The document scanned (None once it is gone: a scan is used only during its check)."""
        return self._doc()

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
    def _tally(self) -> tuple[Counter[str], Counter[str], set[str]]:
        """``counts``, ``capitalised_count`` and ``capitalised_inside``, computed on first use: only a
        document with an unknown lowercase word, or an unknown capitalised one opening a sentence, needs
        them. A plain lowercase word counts as itself, so the count of every text is copied in C and
        Python looks only at the other words."""
        text_counts = self._text_counts
        counts = Counter(text_counts)
        capitalised_count: Counter[str] = Counter()
        capitalised_inside: set[str] = set()
        others = _without(text_counts, _AS_ITSELF)
        if not others:
            return counts, capitalised_count, capitalised_inside
        moved = [(text, counts.pop(text)) for text in others]
        # True is the only truthy sentence-start verdict
        openers = Counter(compress(self._texts, map(_SENTENCE_START, self.doc.tokens)))
        get = counts.get
        for text, n in moved:
            pieces = _PIECES.get(text)
            if pieces is None:
                pieces = _pieces(text)
            if text in _AS_ITSELF:
                counts[text] = get(text, 0) + n  # a plain word first seen in this document
                continue
            for low in pieces[0]:
                counts[low] = get(low, 0) + n
            if pieces[1]:
                inside = openers.get(text, 0) < n  # some occurrence is not at a sentence start
                for low, inner in pieces[1]:
                    capitalised_count[low] += n
                    if inner or inside:
                        capitalised_inside.add(low)
        return counts, capitalised_count, capitalised_inside

    def unknown_tokens(self, lexicon) -> list[Token]:
        """The tokens of the document a spelling rule must look into: every token but the words the
        lexicon knows as words or terms. Computed once per document and lexicon, for both rules.

        Each distinct text is judged once per run: the texts already known to the lexicon are taken away
        from the document's texts as a set, and only the tokens of what is left are kept."""
        got = self._unknown
        if got is not None and got[0] is lexicon:
            return got[1]
        known = lexicon.known_or_term_words
        known_or_term = lexicon.is_known_or_term
        word = TokenKind.WORD
        unknown = {
            text
            for text in _without(self._text_counts, known)
            if (KIND_OF(text) is not word or not known_or_term(text)) and not _plural_of_compound(text, known_or_term)
        }
        out = list(compress(self.doc.tokens, map(unknown.__contains__, self._texts))) if unknown else []
        self._unknown = (lexicon, out)
        return out

    def unknown_candidates(self, lexicon) -> list[Candidate]:
        """``candidates`` of each of ``unknown_tokens``, in order; computed once, for both rules."""
        got = self._unknown_candidates
        if got is not None and got[0] is lexicon:
            return got[1]
        out = [cand for tok in self.unknown_tokens(lexicon) for cand in self.candidates(tok)]
        self._unknown_candidates = (lexicon, out)
        return out

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
        """Yield the parts of ``tok`` that need checking (nothing for names, codes and terms)."""
        word = tok.text
        if tok.kind is TokenKind.OTHER:
            # "13-year-old": the lowercase words beside a number are still words
            if "-" not in word or "_" in word or self._glued_to_code(tok):
                return
        elif tok.kind is not TokenKind.WORD:
            return
        elif word.lower() in self.vocabulary_lower or is_foreign_looking(word) or is_code_like(word):
            return
        elif self._glued_to_code(tok):
            return
        pos = tok.start
        parts = word.split("-")
        for index, part in enumerate(parts):
            start = pos
            pos += len(part) + 1
            if tok.kind is TokenKind.OTHER and not (part.isalpha() and part.islower()):
                continue
            stem = _strip_suffix(part)
            if len(stem) < 3 or _ELISION.match(stem):
                continue  # two letters say too little; "d'etat", "l'Heroine" are French
            low = stem.lower()
            if low in self.vocabulary_lower:
                continue
            if len(parts) > 1 and low in PREFIXES and index < len(parts) - 1:
                continue
            at_start = index == 0 and tok.sentence_start is True
            capital = stem[0].isupper()
            if capital and not at_start:
                continue  # a name inside a sentence
            if low in self.capitalised_inside:
                continue  # a name that shows up inside a sentence, or a lowercased one: the casing rules' job
            repeated_opener = capital and self.capitalised_count[low] > 1
            recurring = self.counts[low] >= self.RECURRING
            yield Candidate(start, start + len(stem), stem, part, capital, recurring, repeated_opener)


# The pieces of a word token as SpellingScan counts them, by token text: the lowercase stems, and the
# capitalised ones with whether each comes after a hyphen. Cached for the run, since the same words come
# back again and again. A token that is not a word (digits, an initialism) has no pieces. The words
# that are their own only piece (a plain lowercase word: most of any text) are also kept in _AS_ITSELF,
# which a document's words are set-subtracted from.
_PIECES: dict[str, tuple[tuple[str, ...], tuple[tuple[str, bool], ...]]] = {}
_PIECES_MAX = 200_000
_AS_ITSELF: set[str] = set()
_NO_PIECES: tuple[tuple[str, ...], tuple[tuple[str, bool], ...]] = ((), ())
_TEXT = itemgetter(3)  # Token.text
_SENTENCE_START = itemgetter(5)  # Token.sentence_start


def _without(words: Counter[str], run_wide: set[str]) -> set[str]:
    """The words of one document that are not in a set kept for the whole run. ``set.difference`` looks
    each word of the document up in the large set; ``words.keys() - run_wide`` would walk the whole
    large set instead, for every document (``difference_update`` iterates its argument)."""
    return set(words).difference(run_wide)


def _pieces(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, bool], ...]]:
    if len(_PIECES) >= _PIECES_MAX:
        _PIECES.clear()
        _AS_ITSELF.clear()
    if KIND_OF(text) is not TokenKind.WORD:
        got = _NO_PIECES
    else:
        got = _word_pieces(text)
        if got == ((text,), ()):
            _AS_ITSELF.add(text)
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
