"""The English lexicon: which words exist, how they are capitalised, how common they are, and what a
misspelt word was meant to be.

Sources (see ``dictionaries/README.md`` for licences):

- ``dictionaries/en_US-words.txt.gz``: SCOWL's large American list (Debian's wamerican-large) plus the
  stems of hunspell's en_US dictionary. Proper nouns keep their capitals, so the list tells "Niger" (a
  name) from "may"/"May" (both).
- ``dictionaries/en-frequencies.tsv.gz``: word frequencies from wordfreq (many sources: books, news,
  Wikipedia, subtitles, the web). (pyspellchecker's list is not used: it is lowercase, so it cannot
  tell "faso" from "Faso", and SCOWL already holds nearly all of it.)
- ``dictionaries/tech-words.txt``: common words of software documentation that no dictionary has. They
  are terms, not words: the spelling rules accept them (``is_term``), but ``is_known`` and
  ``cased_forms`` leave them out, so that rules about capitals treat "npm" or "stdin" as code names.
- ``dictionaries/wikipedia-misspellings.tsv``: known misspellings and their corrections.

Parsing those takes a second or two, so the first load writes compact ``marshal`` files under the user
cache directory (``$XDG_CACHE_HOME/proofread`` or ``~/.cache/proofread``), keyed by the sources' paths,
sizes and mtimes and the package version. They hold the tables in the form they are used in (words as
one string per prefix, searched in C: see ``WordTable``), so a later load takes a few milliseconds and
builds nothing; the table of unlisted words in use and the distance-2 index are read only when a
document needs them. ``load_lexicon()`` is cached per process, and nothing loads until a rule asks.
"""

from __future__ import annotations

import array
import marshal
import math
import os
import zlib
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import cached_property, lru_cache
from itertools import compress
from pathlib import Path

from proofread.spelling.bags import BagIndex, missing_limit
from proofread.spelling.edits import (
    CHEAPEST_EDIT,
    DEARER_SLIP,
    cheap_edit_strings,
    edits1_costs,
    one_edit_apart,
    one_edit_cost,
    osa_distance,
    slip_cost,
)
from proofread.spelling.morphology import derivation

_FORMAT = 12  # bump when the cached layout changes

# Frequencies are occurrences per billion words. A dictionary word wordfreq has not seen counts as _UNSEEN;
# Strings no dictionary lists are kept as evidence of use from _USAGE_MIN.
_UNSEEN = 3
_USAGE_MIN = 30

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_SUFFIXES = ("'s", "'", "'ll", "'re", "'ve", "'d", "'m", "n't")


def dictionaries_dir() -> Path:
    """The packaged ``proofread/dictionaries`` in a wheel, else the repository's ``dictionaries/``."""
    here = Path(__file__).resolve().parent
    inside = here / "dictionaries"
    if inside.is_dir():
        return inside
    return here.parent / "dictionaries"


def _sources() -> list[Path]:
    d = dictionaries_dir()
    paths = [
        d / "en_US-words.txt.gz",
        d / "en-frequencies.tsv.gz",
        d / "tech-words.txt",
        d / "wikipedia-misspellings.tsv",
    ]
    return paths


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "proofread"


def _cache_key(paths: list[Path]) -> str:
    from proofread import __version__

    parts = [f"{_FORMAT}|{__version__}"]
    for p in paths:
        try:
            st = p.stat()
            parts.append(f"|{p}|{st.st_size}|{st.st_mtime_ns}")
        except OSError:
            parts.append(f"|{p}|missing")
    # two checksums of the description, not a cryptographic hash: importing hashlib (OpenSSL) costs
    # several milliseconds of every start, and a cache key only has to change when the sources do
    data = "".join(parts).encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    if path.suffix == ".gz":
        import gzip  # only when the cache is built

        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _build_tables():
    """(counts, forms, usage, misspellings, terms): ``counts`` maps each known word, lowercased, to its
    occurrences per billion words; ``forms`` its capitalisations where they differ from lowercase;
    ``usage`` the frequencies of strings seen in use that no dictionary lists ("lifecycle", "repo")."""
    d = dictionaries_dir()
    freq: dict[str, int] = {}
    for line in _read_lines(d / "en-frequencies.tsv.gz"):
        word, _, n = line.partition("\t")
        freq[word] = int(n)
    counts: dict[str, int] = {}
    forms: dict[str, list[str]] = {}

    def add(word: str, default: int) -> None:
        low = word.lower()
        if low not in counts:
            counts[low] = max(freq.get(low, 0), default)
        forms.setdefault(low, [])
        if word not in forms[low]:
            forms[low].append(word)

    for word in _read_lines(d / "en_US-words.txt.gz"):
        add(word, _UNSEEN)
    compact = {low: tuple(sorted(fs, key=lambda f: (f != low, f))) for low, fs in forms.items() if fs != [low]}
    usage = {w: n for w, n in freq.items() if w not in counts and n >= _USAGE_MIN}
    misspellings: dict[str, tuple[str, ...]] = {}
    for line in _read_lines(d / "wikipedia-misspellings.tsv"):
        wrong, _, rights = line.partition("\t")
        if wrong.lower() in counts:
            continue
        misspellings[wrong] = tuple(r for r in rights.split(",") if r)
    terms = frozenset(w.split()[0].lower() for w in _read_lines(d / "tech-words.txt"))
    return counts, compact, usage, misspellings, terms


# A group of keys is one string, searched in C; a group longer than this many characters is split by
# one more character of its keys, so that a look-up searches a short string.
_CHUNK_MAX = 2048

# A group: (the index of its first key, "\n" + its lines joined by "\n" + "\n"), or a long group split
# by one more character (a dict of the same form).
Chunks = dict[str, "tuple[int, str] | Chunks"]


def _chunks(keys: list[str], lines: list[str]) -> Chunks:
    """``lines`` (one per key of the sorted ``keys``) grouped by the first ``_PREFIX`` characters of their
    keys: prefix -> (the index of the group's first key, "\n" + the group's lines joined by "\n" + "\n").
    Keys that share a prefix are neighbours in sorted order, so each group is one run of indices. A group
    longer than ``_CHUNK_MAX`` characters is a dict of the same kind, by one more character (``_group``)."""
    return _group(list(enumerate(zip(keys, lines, strict=True))), _PREFIX)


def _group(members: list[tuple[int, tuple[str, str]]], depth: int) -> Chunks:
    groups: dict[str, list[tuple[int, tuple[str, str]]]] = {}
    for member in members:
        groups.setdefault(member[1][0][:depth], []).append(member)
    out: Chunks = {}
    for prefix, group in groups.items():
        text = "\n" + "\n".join(line for _i, (_key, line) in group) + "\n"
        if len(text) > _CHUNK_MAX and len({key[: depth + 1] for _i, (key, _line) in group}) > 1:
            out[prefix] = _group(group, depth + 1)
        else:
            out[prefix] = (group[0][0], text)
    return out


def _chunk_of(chunks: Chunks, key: str) -> tuple[int, str] | None:
    """The group of ``chunks`` that holds ``key`` if any key does: a dict look-up per level."""
    chunk = chunks.get(key[:_PREFIX])
    depth = _PREFIX
    while type(chunk) is dict:  # a long group, split by one more character
        depth += 1
        chunk = chunk.get(key[:depth])
    return chunk


def _chunk_list(chunks: Chunks) -> list[tuple[int, str]]:
    """Every group of ``chunks``, in the order of their keys."""
    out: list[tuple[int, str]] = []
    for chunk in chunks.values():
        if type(chunk) is dict:
            out.extend(_chunk_list(chunk))
        else:
            out.append(chunk)
    return sorted(out)


# Words are looked up by their first three characters (more in the long groups): the ~8,000 groups load
# in a few milliseconds, and a group is short enough (a few dozen words, 2 KB at most but for a few that
# share longer beginnings) to search as one string.
_PREFIX = 3


class WordTable:
    """A read-only map of lowercase words to counts that is ready as soon as it is read from the cache.

    Building a dict of 170,000 words costs tens of milliseconds, more than a pre-commit run on one file
    may spend on the whole lexicon. So the words are kept as one string per prefix (see ``_chunks``): a
    look-up is a dict hit, a substring search in C and a count of line breaks for the word's index into
    the array of counts. A run that asks many questions (a large input, or a typo's candidates) builds
    the dict once and uses it from then on (``materialize``).

    The table may also hold a byte per word telling whether the lexicon lists capitalisations of it
    (``form_flag``): most words have none, and the flag, read at the word's index, saves a search of the
    form table for each of them."""

    __slots__ = ("_chunks", "_counts", "_flags", "_map", "_budget", "_found")

    # look-ups answered from the strings before the dict is built: together they cost about as much
    MATERIALIZE_AFTER = 20_000
    # known_among splits a group into its words when asked about this many of them (else searches it)
    _SPLIT_FROM = 8

    def __init__(self, chunks: Chunks, counts: Sequence[int], flags: bytes | None = None):
        self._chunks = chunks
        self._counts = counts
        self._flags = flags
        self._map: dict[str, int] | None = None  # word -> index, once built
        self._budget = self.MATERIALIZE_AFTER
        # the answers of the searches, until the dict is built: the rules ask about the same word in
        # several ways ("The" and "the", is_known and cased_forms), each a search of a string
        self._found: dict[str, int] = {}

    def materialize(self) -> None:
        """Build a hash map of the words to their indices for fast lookups, once many are coming."""
        if self._map is None:
            self._map = dict(zip(self.words(), range(len(self._counts)), strict=True))
            self._found = {}

    def words(self) -> list[str]:
        """Every word, in sorted order."""
        out: list[str] = []
        for _first, text in _chunk_list(self._chunks):
            out.extend(text[1:-1].split("\n"))
        return out

    @classmethod
    def from_dict(cls, table: dict[str, int], flagged: Collection[str] | None = None) -> WordTable:
        """The table of ``table``'s words and counts; with ``flagged``, its words are those flagged."""
        words = sorted(table)
        flags = None if flagged is None else bytes(w in flagged for w in words)
        return cls(_chunks(words, words), array.array("q", (table[w] for w in words)), flags)

    def to_data(self) -> tuple[Chunks, bytes, bytes | None]:
        """What the cache stores (``marshal`` reads it back without building anything)."""
        return self._chunks, self._counts.tobytes(), self._flags

    @classmethod
    def from_data(cls, chunks: Chunks, counts: bytes, flags: bytes | None = None) -> WordTable:
        return cls(chunks, memoryview(counts).cast("q"), flags)  # read in place, not copied

    def index(self, word: str) -> int:
        """The index of ``word`` among the table's words, -1 when it is not one."""
        if self._map is not None:
            return self._map.get(word, -1)
        got = self._found.get(word)
        return got if got is not None else self._index(word)

    def form_flag(self, word: str) -> int:
        """-1 when ``word`` is not in the table; else 0 when it is flagged as having no capitalisations
        listed, 1 when it has some (or the table has no flags)."""
        i = self.index(word)
        if i < 0:
            return -1
        flags = self._flags
        return 1 if flags is None else flags[i]

    def _index(self, word: str) -> int:
        got = self._found.get(word)
        if got is not None:
            return got
        self._budget -= 1
        if self._budget < 0:
            self.materialize()
        chunk = _chunk_of(self._chunks, word)
        if chunk is None or "\n" in word:
            got = -1
        else:
            first, text = chunk
            at = text.find(f"\n{word}\n")
            got = -1 if at < 0 else first + text.count("\n", 0, at)
        if self._map is None:  # (no more searches once the dict is built)
            self._found[word] = got
        return got

    def __contains__(self, word: object) -> bool:
        if self._map is not None:
            return word in self._map
        return isinstance(word, str) and self._index(word) >= 0

    def known_among(self, words: Collection[str]) -> set[str]:
        """The words of ``words`` (a set or a list) in the table: a set intersection in C once the dict is
        built. Before, the words are sorted by the group of the table that would hold them, and a group
        asked about several words is split into its words once, to be intersected with them in C,
        instead of being searched once for each (the ~500 strings one edit from a typo fall into a few
        dozen groups); a word searched for already (``_index``) is not searched again."""
        if self._map is None and len(words) > self._budget:
            self.materialize()  # these look-ups alone would use up what is left of the budget
        if self._map is not None:
            return self._map.keys() & words
        asked: dict[str, list[str]] = {}
        chunks = self._chunks
        searched = self._found
        found: set[str] = set()
        for word in words:
            at = searched.get(word)
            if at is not None:  # searched for already
                if at >= 0:
                    found.add(word)
            elif isinstance(word, str):
                self._budget -= 1
                chunk = _chunk_of(chunks, word)
                if chunk is not None:
                    text = chunk[1]
                    group = asked.get(text)
                    if group is None:
                        asked[text] = [word]
                    else:
                        group.append(word)
        for text, group in asked.items():
            if len(group) < self._SPLIT_FROM:
                found.update(word for word in group if f"\n{word}\n" in text and "\n" not in word)
            else:
                found.update(set(text[1:-1].split("\n")).intersection(group))
        return found

    def __getitem__(self, word: str) -> int:
        if self._map is not None:
            return self._counts[self._map[word]]
        i = self._index(word)
        if i < 0:
            raise KeyError(word)
        return self._counts[i]

    def get(self, word: str, default: int = 0) -> int:
        if self._map is not None:
            i = self._map.get(word, -1)
        else:
            i = self._index(word)
        return self._counts[i] if i >= 0 else default

    def __len__(self) -> int:
        return len(self._counts)

    def items(self):
        return zip(self.words(), self._counts, strict=True)


class FormTable:
    """The capitalisations of the words that have some, by lowercase word ("niger" -> ("Niger",)), kept
    like ``WordTable``'s words: one string per prefix, of ``word<TAB>form<TAB>form`` lines, searched on
    demand; answers are remembered."""

    __slots__ = ("_chunks", "_seen")

    def __init__(self, chunks: Chunks):
        self._chunks = chunks
        self._seen: dict[str, tuple[str, ...] | None] = {}

    @classmethod
    def from_dict(cls, forms: Mapping[str, tuple[str, ...]]) -> FormTable:
        keys = sorted(forms)
        return cls(_chunks(keys, ["\t".join((k, *forms[k])) for k in keys]))

    def to_data(self) -> Chunks:
        return self._chunks

    def get(self, low: str, default=None):
        got = self._seen.get(low, _ABSENT)
        if got is _ABSENT:
            got = self._seen[low] = self._find(low)
        return default if got is None else got

    def _find(self, low: str) -> tuple[str, ...] | None:
        chunk = _chunk_of(self._chunks, low)
        if chunk is None or "\n" in low or "\t" in low:
            return None
        text = chunk[1]
        at = text.find(f"\n{low}\t")
        if at < 0:
            return None
        line = text[at + 1 : text.index("\n", at + 1)]
        return tuple(line.split("\t")[1:])

    def __getitem__(self, low: str) -> tuple[str, ...]:
        got = self.get(low)
        if got is None:
            raise KeyError(low)
        return got

    def __contains__(self, low: object) -> bool:
        return isinstance(low, str) and self.get(low) is not None

    def to_dict(self) -> dict[str, tuple[str, ...]]:
        out = {}
        for _first, text in _chunk_list(self._chunks):
            for line in text[1:-1].split("\n"):
                key, *forms = line.split("\t")
                out[key] = tuple(forms)
        return out


_ABSENT = object()

# Answers remembered per word in one of Lexicon's run caches, at most: past that, the cache starts again.
_ANSWERS_MAX = 100_000


def _remember(cache: dict, key, answer):
    """Store ``answer`` under ``key`` in ``cache`` (emptied first when full) and return it."""
    if len(cache) >= _ANSWERS_MAX:
        cache.clear()
    cache[key] = answer
    return answer


def _cache_paths() -> tuple[Path, Path, Path]:
    """The main cache file, the usage table's and the distance-2 index's, for the current sources."""
    key = _cache_key(_sources())
    base = _cache_dir() / f"lexicon-{key}"
    return base.with_suffix(".marshal"), Path(f"{base}-usage.marshal"), Path(f"{base}-near.marshal")


def _load_tables():
    """(counts, forms, misspellings, a loader of usage, terms), from the cache when it is fresh.

    The cache is ``marshal`` data (the quickest format Python reads) in three files per cache key: the
    main tables, read on every run in a few milliseconds since they are stored the way they are used
    (``WordTable``, ``FormTable``); the usage table, read only when a document has words no dictionary
    lists; and the distance-2 index (``_load_bags``), read only when a typo needs it."""
    main, extra, _near = _cache_paths()
    try:
        # marshal.load on a file reads object by object: reading the bytes first is several times faster
        fmt, chunks, values, flags, forms, misspellings, terms = marshal.loads(main.read_bytes())
        if fmt != _FORMAT:
            raise ValueError(fmt)
        table = WordTable.from_data(chunks, values, flags)
        return table, FormTable(forms), misspellings, lambda: _read_usage(extra), frozenset(terms)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    counts, forms, usage, misspellings, terms = _build_tables()
    table = WordTable.from_dict(counts, flagged=forms)
    form_table = FormTable.from_dict(forms)
    try:
        main.parent.mkdir(parents=True, exist_ok=True)
        _prune_cache(main.parent, main.stem)
        data = (_FORMAT, *table.to_data(), form_table.to_data(), misspellings, sorted(terms))
        _write_marshal(extra, (_FORMAT, *WordTable.from_dict(usage).to_data()))
        _write_marshal(main, data)
    except OSError:
        pass  # a read-only home: work without the cache
    return table, form_table, misspellings, lambda: usage, terms


# Caches of other sources (another checkout, an older version) are removed past this many.
_CACHES_KEPT = 4


def _prune_cache(folder: Path, keep: str) -> None:
    """Remove the oldest caches of other keys, keeping a few: two checkouts in use side by side would
    otherwise rebuild each other's cache on every run."""
    stems: dict[str, float] = {}
    for path in folder.glob("lexicon-*"):
        stem = path.name.split(".")[0].removesuffix("-usage").removesuffix("-near")
        if stem != keep:
            try:
                stems[stem] = max(stems.get(stem, 0.0), path.stat().st_mtime)
            except OSError:
                continue
    for stem in sorted(stems, key=stems.__getitem__, reverse=True)[_CACHES_KEPT - 1 :]:
        for path in folder.glob(f"{stem}*"):
            path.unlink(missing_ok=True)


def _write_marshal(path: Path, data) -> None:
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    with open(tmp, "wb") as f:
        marshal.dump(data, f)
    os.replace(tmp, path)


def _read_usage(path: Path) -> WordTable | dict[str, int]:
    """The usage table from ``path``, rebuilt if unreadable. It is stored like the main word table, so a
    run that asks about a few unlisted words reads it in place instead of building a dict of 87,000."""
    try:
        fmt, chunks, values, flags = marshal.loads(path.read_bytes())
        if fmt != _FORMAT:
            raise ValueError(fmt)
        return WordTable.from_data(chunks, values, flags)
    except (OSError, EOFError, ValueError, TypeError):
        return _build_tables()[2]


def normalize(word: str) -> str:
    """Curly apostrophes made straight."""
    if "\u2019" in word or "\u2018" in word or "\u02bc" in word:
        return word.translate(_APOSTROPHES)
    return word


def match_case(template: str, word: str) -> str:
    """``word`` written with the capitals of ``template`` (a lowercase template leaves ``word`` alone)."""
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


class Lexicon:
    """Known words with their capitalisations and frequencies, and a spelling corrector over them."""

    # Ranking: log-frequency is weighed against the slip cost, in nats per unit of cost.
    FREQ_WEIGHT = 0.6
    COST_WEIGHT = 6.0
    SPLIT_COST = 1.2  # a missing space, in units of slip cost
    D2_KEEP = 25  # distance-2 candidates kept for the fine ranking
    D2_SKIP = 2.0  # no distance-2 search when a distance-1 candidate scores this much
    # Penalty, in nats, for a name or an acronym offered as the fix of a lowercase word.
    NAME_PENALTY = 1.5
    # Bonus, in nats per log-occurrence, for a candidate that the document itself uses.
    CONTEXT_WEIGHT = 1.5
    # The corrector looks for distance-2 candidates among words at least this common (per billion).
    D2_MIN_COUNT = 300

    def __init__(
        self,
        counts: WordTable | dict[str, int],
        forms: dict[str, tuple[str, ...]],
        misspellings: dict[str, tuple[str, ...]] | None = None,
        usage: dict[str, int] | Callable[[], dict[str, int]] | None = None,
        terms: frozenset[str] = frozenset(),
        bags: Callable[[Lexicon], dict[int, tuple[BagIndex, list[int]]]] | None = None,
    ):
        self._terms = terms
        self._counts = counts if isinstance(counts, WordTable) else WordTable.from_dict(counts)
        self._usage_source = usage
        self._forms = forms
        self._misspellings = misspellings or {}
        self._bags_source = bags or _build_bags
        self._bags: dict[int, tuple[BagIndex, list[int]]] | None = None
        self._rank_cache: dict[str, list[tuple[str, float]]] = {}
        self._raw_cache: dict[str, list[tuple[str, float, float]]] = {}
        self._near_cache: dict[str, list[tuple[str, float, float]]] = {}
        self._common_near_cache: dict[str, list[tuple[str, float, float]]] = {}
        self._far_cache: dict[str, list[tuple[str, float, float]]] = {}
        self._common_cache: dict[int, tuple[list[int], int]] = {}
        self._reach_cache: dict[tuple[str, float, float, float], bool] = {}
        self._context_size: tuple[Mapping[str, int] | None, int] = (None, 0)
        # Per-run answers by word as written: word frequencies are skewed, so most lookups repeat.
        self._known_cache: dict[str, bool] = {}
        self._term_cache: dict[str, bool] = {}
        self._misspelling_cache: dict[str, tuple[str, ...]] = {}
        # is_known_or_term's answers, and the words it said yes to: a caller with many words to ask can
        # take the known ones away as a set first (a C-level set difference)
        self.known_or_term_cache: dict[str, bool] = {}
        self.known_or_term_words: set[str] = set()
        # The spelling rule's questions about an unknown word, answered once per run (``_remember``)
        self._attested_cache: dict[str, bool] = {}
        self._derivation_cache: dict[str, str | None] = {}
        self._below_cache: dict[tuple[str, float], bool] = {}

    @classmethod
    def from_words(cls, words, frequencies=None, misspellings=None) -> Lexicon:
        """A small lexicon from an iterable of words (with their capitals) and optional counts."""
        frequencies = {k.lower(): v for k, v in (frequencies or {}).items()}
        counts: dict[str, int] = {}
        forms: dict[str, list[str]] = {}
        for w in words:
            low = w.lower()
            counts[low] = int(frequencies.get(low, _UNSEEN))
            forms.setdefault(low, [])
            if w not in forms[low]:
                forms[low].append(w)
        compact = {low: tuple(sorted(fs, key=lambda f: (f != low, f))) for low, fs in forms.items() if fs != [low]}
        return cls(counts, compact, dict(misspellings or {}))

    def __len__(self) -> int:
        return len(self._counts)

    def __contains__(self, word: str) -> bool:
        return self.is_known(word)

    # --- membership -------------------------------------------------------------------------------

    def is_known(self, word: str) -> bool:
        """Whether ``word`` is a word, whatever its capitals; possessives, contractions with a known stem and
        hyphenated compounds of known words count as known."""
        got = self._known_cache.get(word)
        if got is None:
            got = self._known_cache[word] = self._is_known(word)
        return got

    def _is_known(self, word: str) -> bool:
        w = normalize(word).lower().strip("'")
        if not w:
            return False
        if w in self._counts:
            return True
        if "'" in w:  # every ending of _SUFFIXES has an apostrophe
            for suffix in _SUFFIXES:
                if w.endswith(suffix) and len(w) > len(suffix) and w[: -len(suffix)] in self._counts:
                    return True
        if "-" in w:
            parts = [p for p in w.split("-") if p]
            return bool(parts) and all(self.is_known(p) for p in parts)
        return False

    def is_known_or_term(self, word: str) -> bool:
        """``is_known(word) or is_term(word)``, cached: the spelling rules ask it of every word."""
        got = self.known_or_term_cache.get(word)
        if got is None:
            got = self.known_or_term_cache[word] = self.is_known(word) or self.is_term(word)
            if got:
                self.known_or_term_words.add(word)
        return got

    def known_or_term_among(self, words: set[str]) -> set[str]:
        """The words of ``words`` for which ``is_known_or_term`` is true, for words of letters only (no
        apostrophe, ending or hyphen: such a word is known when its lowercase form is listed, and a term
        when that form is a term). They are judged together, by their lowercase forms, with set
        operations in C; the answers are remembered as ``is_known_or_term`` remembers its own."""
        texts = list(words)
        lows = list(map(str.lower, texts))
        low_set = set(lows)
        found = self._counts.known_among(low_set)
        found |= low_set.intersection(self._terms)
        hits = list(map(found.__contains__, lows))
        self.known_or_term_cache.update(zip(texts, hits, strict=True))
        known = set(compress(texts, hits))
        self.known_or_term_words |= known
        return known

    def is_term(self, word: str) -> bool:
        """Whether ``word`` is a listed technical term ("stdin", "lockfile", "mdBook"), whatever its case."""
        got = self._term_cache.get(word)
        if got is None:
            w = normalize(word).lower()
            got = self._term_cache[word] = w in self._terms or (w.endswith("'s") and w[:-2] in self._terms)
        return got

    def cased_forms(self, word: str) -> tuple[str, ...]:
        """The spellings of ``word`` the lexicon knows, ignoring case: "niger" -> ("Niger",),
        "may" -> ("may", "May"); the lowercase form comes first when there is one. () for unknown words."""
        low = normalize(word).lower()
        flag = self._counts.form_flag(low)  # the form table is searched only for a word with forms
        if flag < 0:
            return ()
        return (low,) if flag == 0 else self._forms.get(low, (low,))

    def count(self, word: str) -> int:
        return self._counts.get(normalize(word).lower(), 0)

    def frequency(self, word: str) -> float:
        """How often ``word`` occurs in running English text, as a share of all words (0 when unknown)."""
        return self.count(word) / 1e9

    def known_misspelling(self, word: str) -> tuple[str, ...]:
        """The corrections of a known misspelling ("recieve" -> ("receive",)), or () when it is not one."""
        got = self._misspelling_cache.get(word)
        if got is None:
            got = self._misspelling_cache[word] = self._known_misspelling(word)
        return got

    def _known_misspelling(self, word: str) -> tuple[str, ...]:
        w = normalize(word)
        hit = self._misspellings.get(w)
        if hit is None and not w.islower():
            hit = self._misspellings.get(w.lower())
            if hit is not None:
                return tuple(match_case(w, h) for h in hit)
        return hit or ()

    # --- correction -------------------------------------------------------------------------------

    def near_words(self) -> dict[int, list[str]]:
        """The words the distance-2 search looks among, by length: the common ones (``D2_MIN_COUNT``),
        without apostrophes, each length most common first (ties alphabetical)."""
        counts = self._counts
        buckets: dict[int, list[str]] = {}
        for w, n in counts.items():
            if n >= self.D2_MIN_COUNT and "'" not in w:
                buckets.setdefault(len(w), []).append(w)
        counts.materialize()
        return {k: sorted(words, key=counts.__getitem__, reverse=True) for k, words in buckets.items()}

    def prepare_for_many(self) -> None:
        """Build now what a run over many documents builds anyway: the word table's hash map, the usage
        table and the distance-2 index. Worker processes forked afterwards share them instead of each
        building its own."""
        self._counts.materialize()
        _ = self._usage
        self._near_index(0)

    def _bag(self, k: int) -> BagIndex | None:
        """The words of ``near_words`` of length ``k``, indexed by their letters (loaded on first use)."""
        got = self._near_index(k)
        return got[0] if got is not None else None

    def _near_index(self, k: int) -> tuple[BagIndex, list[int]] | None:
        """``_bag(k)`` and its words' negated counts."""
        bags = self._bags
        if bags is None:
            bags = self._bags = self._bags_source(self)
        return bags.get(k)

    def _search2(self, low: str) -> dict[str, int]:
        """The common words of length ``len(low) - 2`` to ``len(low) + 2`` within two edits of ``low``:
        the letter-bag filter picks the few that may be, and those are measured."""
        return {c: d for c, d, _i in _within2(low, self._bag_pool(low, 2)[0])}

    def _bag_pool(self, low: str, distance: int) -> tuple[list[str], list[int]]:
        """The common words of the lengths within ``distance`` of ``len(low)`` that lack at most as many
        of its letters as ``distance`` edits allow (by length), and their negated counts (read from the
        index: no look-up in the word table)."""
        pool: list[str] = []
        negated: list[int] = []
        letters = Counter(low)
        n = len(low)
        for k in range(max(1, n - distance), n + distance + 1):
            index = self._near_index(k)
            if index is not None:
                bag, keys = index
                at = bag.indices(bag.missing_at_most(letters, missing_limit(n, k, distance)))
                pool += map(bag.words.__getitem__, at)
                negated += map(keys.__getitem__, at)
        return pool, negated

    def _near(self, low: str) -> list[tuple[str, float, float]]:
        """(candidate, log-frequency, slip cost) for the words one edit from ``low``; cached."""
        got = self._near_cache.get(low)
        if got is None:
            # the table, not its dict: a small run asks a few hundred questions, which the table answers
            # without building the dict (it builds it itself once a run asks many)
            table = self._counts
            got = [(c, math.log(table[c]), cost) for c, cost in edits1_costs(low, table).items()]
            self._near_cache[low] = got
        return got

    def _near_enough(self, low: str, fw: float, cw: float, threshold: float) -> list[tuple[str, float, float]]:
        """Enough of ``_near(low)`` to tell whether one of its words scores ``fw * log-frequency - cw * slip
        cost`` at least ``threshold`` (or more): all of it when it is known; else, when no word rarer than
        ``D2_MIN_COUNT`` can score that much (a slip costs at least CHEAPEST_EDIT), only the common ones
        (``_near_common``); else, when a rare word can only by one of the cheap slips (any other costs at
        least DEARER_SLIP), the common ones and the rare ones found among ``cheap_edit_strings`` (about a
        fifth of the strings ``_near`` looks up). The best score of the list may differ from ``_near``'s,
        but only below ``threshold``: a test against it gets the same answer."""
        got = self._near_cache.get(low)
        if got is not None:
            return got
        if self._bags is None or "'" in low:
            return self._near(low)
        rare_log = fw * math.log(self.D2_MIN_COUNT)
        # the margin keeps a rare word's score clear of the threshold whatever the rounding
        if rare_log - cw * CHEAPEST_EDIT <= threshold - 1e-9:
            return self._near_common(low)
        if rare_log - cw * DEARER_SLIP <= threshold - 1e-9:
            return self._near_common(low) + self._near_rare_cheap(low)
        return self._near(low)

    def _near_rare_cheap(self, low: str) -> list[tuple[str, float, float]]:
        """The entries of ``_near(low)`` for its words rarer than ``D2_MIN_COUNT`` that are one cheap slip
        (``cheap_edit_strings``) from ``low``, and maybe a few dearer ones."""
        table = self._counts
        out = []
        for cand in table.known_among(cheap_edit_strings(low)):
            n = table[cand]
            if n < self.D2_MIN_COUNT:
                cost = one_edit_cost(low, cand)
                if cost is not None:
                    out.append((cand, math.log(n), cost))
        return out

    def _near_common(self, low: str) -> list[tuple[str, float, float]]:
        """The entries of ``_near(low)`` for its words at least ``D2_MIN_COUNT`` common, ``low`` having no
        apostrophe. Remembered for the run (bounded).

        Cheaper than ``_near``, which makes and looks up the ~500 strings one edit away: the common words
        are those of the distance-2 search's letter-bag index (``_bag``), and a word one edit from
        ``low`` lacks at most one of its letters (none when it is one letter longer), which leaves a few
        words to measure. The index leaves out words with an apostrophe; the only ones one edit from
        ``low`` are ``low`` with an apostrophe put in, looked up directly."""
        got = self._common_near_cache.get(low)
        if got is None:
            got = _remember(self._common_near_cache, low, self._find_near_common(low))
        return got

    def _find_near_common(self, low: str) -> list[tuple[str, float, float]]:
        pool, negated = self._bag_pool(low, 1)
        out = []
        for cand, key in zip(pool, negated, strict=True):
            cost = one_edit_cost(low, cand) if one_edit_apart(low, cand) else None
            if cost is not None:
                out.append((cand, math.log(-key), cost))
        table = self._counts
        apostrophes = [low[:i] + "'" + low[i:] for i in range(1, len(low))]
        listed = table.known_among(apostrophes)  # one search per group of the table, not per string
        for cand in apostrophes:
            if cand in listed and table[cand] >= self.D2_MIN_COUNT:
                cost = one_edit_cost(low, cand) if one_edit_apart(low, cand) else None
                if cost is not None:
                    out.append((cand, math.log(table[cand]), cost))
        return out

    def _one_edit_from(self, low: str):
        """A test of whether a word of the table is one of ``_near(low)``: the words of the table that
        ``one_edit_cost`` can cost are those of ``edits1``, so the strings need not be made."""
        got = self._near_cache.get(low)
        if got is not None:
            return {c for c, _, _ in got}.__contains__
        return lambda cand: one_edit_apart(low, cand) and one_edit_cost(low, cand) is not None

    def _needs_far(self, low: str) -> bool:
        """Whether to look two edits away: only when no word one edit away is a convincing fix."""
        if len(low) < 3:
            return False
        fw, cw = self.FREQ_WEIGHT, self.COST_WEIGHT
        return _best_score(self._near_enough(low, fw, cw, self.D2_SKIP), fw, cw) < self.D2_SKIP

    def _far_cannot_reach(self, low: str, fw: float, cw: float, threshold: float) -> bool:
        """Whether no candidate of ``low`` two edits away can score ``threshold``: none is looked for
        (``_needs_far``), or none may reach it (``_far_may_reach``)."""
        return not self._needs_far(low) or not self._far_may_reach(low, fw, cw, threshold)

    def _raw_candidates(self, low: str) -> list[tuple[str, float, float]]:
        """(candidate, log-frequency, slip cost) for the words ``low`` may be a slip of; cached."""
        cached = self._raw_cache.get(low)
        if cached is not None:
            return cached
        out = list(self._near(low))
        if self._needs_far(low):
            out.extend(self._far(low))
        out.extend(self._splits(low))
        self._raw_cache[low] = out
        return out

    def _far(self, low: str) -> list[tuple[str, float, float]]:
        """(candidate, log-frequency, slip cost) for the ``D2_KEEP`` likeliest common words two edits from
        ``low`` (not one: those are ``_near``'s). Remembered for the run (bounded)."""
        got = self._far_cache.get(low)
        if got is None:
            got = _remember(self._far_cache, low, self._find_far(low))
        return got

    def _find_far(self, low: str) -> list[tuple[str, float, float]]:
        pool, negated = self._bag_pool(low, 2)
        one_edit = self._one_edit_from(low)
        # (rough score, word, index): the words differ, so the index never decides the order
        rough = [
            (self.FREQ_WEIGHT * math.log(-negated[i]) - self.COST_WEIGHT * 0.7 * d, c, i)
            for c, d, i in _within2(low, pool)
            if c != low and not one_edit(c)
        ]
        rough.sort(reverse=True)
        return [(c, math.log(-negated[i]), slip_cost(low, c)) for _, c, i in rough[: self.D2_KEEP]]

    def _splits(self, low: str) -> list[tuple[str, float, float]]:
        """Run-together words: "alot" -> "a lot"."""
        counts = self._counts
        out = []
        for i in range(1, len(low)):
            a, b = low[:i], low[i:]
            if (len(a) > 1 or a in "ai") and len(b) > 1 and a in counts and b in counts:
                out.append((f"{a} {b}", math.log(min(counts[a], counts[b])), self.SPLIT_COST))
        return out

    # The least slip cost of a distance-2 candidate: one a-z letter apart would make it a distance-1
    # candidate (found by ``edits1_costs``), so it is at least two edits of at least DOUBLED each; a word
    # with other characters may be one edit apart.
    _FAR_MIN_COST = 0.8
    _FAR_MIN_COST_OTHER = 0.4

    def _common_keys(self, k: int) -> tuple[list[int], int]:
        """For the words of ``_bag(k)`` (by falling count): their negated counts, and the bitset of those
        with characters outside a-z."""
        got = self._common_cache.get(k)
        if got is None:
            index = self._near_index(k)
            keys, other = [], 0
            if index is not None:
                bag, keys = index
                other = bag.holding_any_but(_LOWERCASE_ASCII)
            got = self._common_cache[k] = (keys, other)
        return got

    def _far_may_reach(self, low: str, fw: float, cw: float, threshold: float) -> bool:
        """Whether some distance-2 candidate of ``low`` (outside its distance-1 ones) may score
        ``fw * log-frequency - cw * slip cost`` at least ``threshold``: False only when none can.

        Remembered for the run: the spelling rules ask it again in every document that has the word,
        since a word it answers for never gets the full distance-2 search that would settle it."""
        key = (low, fw, cw, threshold)
        got = self._reach_cache.get(key)
        if got is None:
            got = self._reach_cache[key] = self._far_reaches(low, fw, cw, threshold)
        return got

    def _far_reaches(self, low: str, fw: float, cw: float, threshold: float) -> bool:
        """``_far_may_reach``, computed. Only the words common enough to reach the threshold are looked
        at: a prefix of each length's words (most common first), and a longer prefix for the words with
        characters outside a-z."""
        need = (threshold + cw * self._FAR_MIN_COST) / fw - 1e-3
        need_other = (threshold + cw * self._FAR_MIN_COST_OTHER) / fw - 1e-3
        pool: list[str] = []
        letters = Counter(low)
        n = len(low)
        for k in range(max(1, n - 2), n + 3):  # the lengths ``_search2`` looks at
            bag = self._bag(k)
            if bag is None:
                continue
            keys, other = self._common_keys(k)
            i = bisect_left(keys, -math.exp(need)) if need < 700 else 0
            while i < len(keys) and math.log(-keys[i]) >= need:
                i += 1  # ties and rounding: keep every word that may reach
            j = _reaching(keys, need_other)
            allowed = ((1 << i) - 1) | (other & ((1 << j) - 1))
            if allowed:
                pool.extend(bag.select(bag.missing_at_most(letters, missing_limit(n, k), allowed)))
        if not pool:
            return False
        near = self._one_edit_from(low)
        return any(not near(c) and c != low for c, _d, _i in _within2(low, pool))

    def best_slip_score_below(self, word: str, limit: float) -> bool:
        """``best_slip_score(word) < limit``, without the distance-2 search when it cannot matter.
        Remembered for the run, as ``is_attested`` is."""
        key = (word, limit)
        got = self._below_cache.get(key)
        if got is None:
            got = _remember(self._below_cache, key, self._best_slip_score_below(word, limit))
        return got

    def _best_slip_score_below(self, word: str, limit: float) -> bool:
        low = normalize(word).lower()
        if low not in self._raw_cache:  # decided from the words one edit away when they settle it
            fw, cw = self.FREQ_WEIGHT, self.COST_WEIGHT
            if _best_score(self._near_enough(low, fw, cw, limit), fw, cw) >= limit:
                return False
            if self._far_cannot_reach(low, fw, cw, limit):
                return True
            return _best_score(self._far(low), fw, cw, _one_word) < limit
        return self.best_slip_score(word) < limit

    def candidates(self, word: str) -> list[tuple[str, float]]:
        """Lowercase corrections of ``word`` with their scores (log-likelihoods), best first."""
        low = normalize(word).lower()
        cached = self._rank_cache.get(low)
        if cached is not None:
            return cached
        fw, cw = self.FREQ_WEIGHT, self.COST_WEIGHT
        scored = [(c, fw * lf - cw * cost) for c, lf, cost in self._raw_candidates(low)]
        scored.sort(key=lambda x: (-x[1], x[0]))
        self._rank_cache[low] = scored
        return scored

    # A word built from known words (see ``proofread.spelling.morphology``) is taken for a word unless it
    # is one slip from a word whose candidate score reaches this.
    DERIVED_MAX_SLIP = 0.0
    DERIVATION_MIN_COUNT = 20  # per billion: the parts of a derivation must be seen in use

    # A string in use that no dictionary lists is taken for a word when its own frequency comes within
    # this many nats of the likeliest slip that would produce it.
    # (Slip likelihoods here: log-frequency less USAGE_COST_WEIGHT nats per unit of slip cost.)
    USAGE_MARGIN = 2.0
    USAGE_COST_WEIGHT = 4.0

    @cached_property
    def _usage(self) -> WordTable | dict[str, int]:
        src = self._usage_source
        return (src() if callable(src) else src) or {}

    def usage(self, word: str) -> int:
        """How often a string that no dictionary lists is seen in use, per billion words (0 if never)."""
        return self._usage.get(normalize(word).lower(), 0)

    def is_attested(self, word: str) -> bool:
        """Whether an unlisted string is common enough in real use, compared with the words it could be a
        slip of, to be a word of its own ("lifecycle", "repo") rather than a typo ("tha", "teh").
        Remembered for the run (the answer depends on the word alone), within ``_ANSWERS_MAX`` words."""
        got = self._attested_cache.get(word)
        if got is None:
            got = _remember(self._attested_cache, word, self._is_attested(word))
        return got

    def _is_attested(self, word: str) -> bool:
        n = self.usage(word)
        if not n:
            return False
        low = normalize(word).lower()
        if low not in self._raw_cache:
            # decided from the likeliest slips one edit away (and whether a word two edits away may be
            # likelier) when they settle it: the full candidates are made only when they do not
            cw = self.USAGE_COST_WEIGHT
            partial = [*self._near_enough(low, 1.0, cw, math.log(n) + self.USAGE_MARGIN), *self._splits(low)]
            if math.log(n) < _best_score(partial, 1.0, cw) - self.USAGE_MARGIN:
                return False
            if self._far_cannot_reach(low, 1.0, cw, math.log(n) + self.USAGE_MARGIN):
                return True
            return math.log(n) >= _best_score(self._far(low), 1.0, cw) - self.USAGE_MARGIN
        raw = self._raw_candidates(low)
        if not raw:
            return True
        likeliest_slip = max(lf - self.USAGE_COST_WEIGHT * cost for _, lf, cost in raw)
        return math.log(n) >= likeliest_slip - self.USAGE_MARGIN

    def best_slip_score(self, word: str) -> float:
        """The score of the likeliest single word ``word`` may be a slip of (-inf when there is none)."""
        return max((sc for c, sc in self.candidates(word) if " " not in c), default=float("-inf"))

    def derivation(self, word: str) -> str | None:
        """How an unlisted word is built from listed ones ("re+engineering", "web+form"), when it is more
        likely such a word than a slip of a common one; None otherwise. Remembered for the run, as
        ``is_attested`` is."""
        got = self._derivation_cache.get(word, _ABSENT)
        if got is _ABSENT:
            got = _remember(self._derivation_cache, word, self._derivation(word))
        return got

    def _derivation(self, word: str) -> str | None:
        low = normalize(word).lower()
        how = derivation(low, self._has_word, self.count)
        if how is None:
            return None
        # the parts themselves ("engineering" in "re+engineering") are not slips the word could be
        if how.endswith("(GB)"):
            return how  # a spelling, not a slip
        parts = set(how.split("+"))
        if low not in self._raw_cache:  # decided from the words one edit away when they settle it
            fw, cw = self.FREQ_WEIGHT, self.COST_WEIGHT
            near = self._near_enough(low, fw, cw, self.DERIVED_MAX_SLIP)
            if _best_score(near, fw, cw, lambda c: c not in parts) >= self.DERIVED_MAX_SLIP:
                return None
            if self._far_cannot_reach(low, fw, cw, self.DERIVED_MAX_SLIP):
                return how
            far_best = _best_score(self._far(low), fw, cw, lambda c: _one_word(c) and c not in parts)
            return how if far_best < self.DERIVED_MAX_SLIP else None
        best = max(
            (sc for c, sc in self.candidates(low) if " " not in c and c not in parts),
            default=float("-inf"),
        )
        return how if best < self.DERIVED_MAX_SLIP else None

    def _has_word(self, low: str) -> bool:
        """A known word written in lowercase (not only a name or an acronym) and not vanishingly rare:
        what a derivation may be built on."""
        if self._counts.get(low, 0) < self.DERIVATION_MIN_COUNT:
            return False
        forms = self._forms.get(low)
        return forms is None or any(f.islower() for f in forms)

    def context_bonus(self, cand: str, context: Mapping[str, int]) -> float:
        """How much likelier ``cand`` is because the document uses it more than English text at large."""
        seen = context.get(cand, 0)
        if not seen:
            return 0.0
        # the size of the last context, kept with the context itself: an id alone may be reused by the
        # next document's counts once the last ones are freed
        last, total = self._context_size
        if last is not context:
            # a Counter, or the spelling scan's counts (which add up their values without listing them)
            size = getattr(context, "total", None)
            total = size() if size is not None else sum(context.values())
            self._context_size = (context, total)
        expected = self._counts.get(cand, 0) / 1e9 * total
        return self.CONTEXT_WEIGHT * math.log1p(seen / (1.0 + expected))

    def suggest(self, word: str, limit: int = 3, context: Mapping[str, int] | None = None) -> list[tuple[str, float]]:
        """The likeliest intended words for ``word``, best first, written with its capitals, each with a
        confidence in [0, 1] (the candidates' scores normalised to sum to one).

        ``context`` maps lowercase words to how often they occur in the document being checked: a
        candidate the document uses elsewhere is likelier to be the word meant."""
        scored = self.candidates(word)
        if not scored:
            return []
        lowercase = normalize(word).islower()
        if context or lowercase:
            scored = sorted(
                ((c, s + self.context_bonus(c, context or {}) - self._name_penalty(c, lowercase)) for c, s in scored),
                key=lambda x: (-x[1], x[0]),
            )
        top = scored[0][1]
        weights = [math.exp(s - top) for _, s in scored[:20]]
        total = sum(weights)
        out: list[tuple[str, float]] = []
        seen: set[str] = set()
        w = normalize(word)
        for (cand, _), weight in zip(scored, weights, strict=False):
            text = self._spell_like(w, cand)
            if text in seen:
                continue
            seen.add(text)
            out.append((text, weight / total))
            if len(out) >= limit:
                break
        return out

    def _name_penalty(self, cand: str, lowercase: bool) -> float:
        """A word written in lowercase is seldom a slip of a name or an acronym ("juce" is not "Jude")."""
        if not lowercase or " " in cand:
            return 0.0
        forms = self._forms.get(cand)
        if forms is None or any(f.islower() for f in forms):
            return 0.0
        return self.NAME_PENALTY

    def _spell_like(self, word: str, cand: str) -> str:
        """``cand`` (lowercase) written as ``word`` was, unless the lexicon knows it only capitalised."""
        if " " in cand:
            parts = cand.split(" ")
            return " ".join([self._spell_like(word, parts[0]), *(self._best_form(p) for p in parts[1:])])
        forms = self._forms.get(cand, (cand,))
        if len(word) > 1 and word.isupper():
            return cand.upper()
        if cand in forms:
            return match_case(word, cand)
        return match_case(word, forms[0])

    def _best_form(self, low: str) -> str:
        forms = self._forms.get(low, (low,))
        return low if low in forms else forms[0]


# Pools up to this size are measured in Python: importing rapidfuzz costs more than a small run has
# words to measure (a clean file with one unknown word measures one or two). Once a large pool has
# imported it, every pool is measured with it: the same distances, and a call costs less than Python
# spends on one word (2.5 µs against 14 µs).
_SMALL_POOL = 40
_RAPIDFUZZ: list = []  # (process, OSA) once imported


_LOWERCASE_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz")


def _best_score(entries, fw: float, cw: float, keep=None) -> float:
    """The best ``fw * log-frequency - cw * slip cost`` among ``entries`` (candidate, log-frequency, slip
    cost), of the candidates ``keep`` accepts (all without it); -inf when there are none."""
    if keep is not None:
        entries = [e for e in entries if keep(e[0])]
    return max((fw * lf - cw * cost for _, lf, cost in entries), default=float("-inf"))


def _one_word(candidate: str) -> bool:
    """Whether a candidate is a single word (not a run-together split such as "a lot")."""
    return " " not in candidate


def _within2(low: str, pool: list[str]):
    """(word, OSA distance, index in ``pool``) for the words of ``pool`` within two edits of ``low``, in
    pool order."""
    if len(pool) <= _SMALL_POOL and not _RAPIDFUZZ:
        for i, cand in enumerate(pool):
            dist = osa_distance(low, cand)
            if dist <= 2:
                yield cand, dist, i
        return
    if not _RAPIDFUZZ:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        _RAPIDFUZZ[:] = [process, OSA]
    process, OSA = _RAPIDFUZZ
    for cand, dist, i in process.extract_iter(low, pool, scorer=OSA.distance, score_cutoff=2):
        yield cand, int(dist), i


def _reaching(keys: list[int], need: float) -> int:
    """How many of the words with these negated counts (rising, so counts falling) have a log-count of
    at least ``need``: they are a prefix, found by bisection and settled with the same ``math.log`` test
    a word-by-word scan makes."""
    i = bisect_left(keys, -math.exp(need)) if need < 700 else 0
    while i > 0 and math.log(-keys[i - 1]) < need:
        i -= 1
    while i < len(keys) and math.log(-keys[i]) >= need:
        i += 1
    return i


def _build_bags(lexicon: Lexicon) -> dict[int, tuple[BagIndex, list[int]]]:
    """The distance-2 index of ``lexicon``: by length, its near words by their letters, and their negated
    counts (half a second to build: it is cached with the lexicon, see ``_load_bags``)."""
    counts = lexicon._counts
    counts.materialize()
    return {k: (BagIndex.build(words), [-counts[w] for w in words]) for k, words in lexicon.near_words().items()}


def _load_bags(path: Path, lexicon: Lexicon) -> dict[int, tuple[BagIndex, list[int]]]:
    """``_build_bags``, read from ``path`` when it is there, else built and written there."""
    try:
        data = marshal.loads(path.read_bytes())
        return {k: (BagIndex.from_data((words, has)), keys) for k, (words, has, keys) in data.items()}
    except (OSError, EOFError, ValueError, TypeError, AttributeError):  # missing, or not what we wrote
        pass
    bags = _build_bags(lexicon)
    try:
        _write_marshal(path, {k: (*bag.to_data(), keys) for k, (bag, keys) in bags.items()})
    except OSError:
        pass
    return bags


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon, built from ``dictionaries/`` (cached on disk and per process)."""
    counts, forms, misspellings, usage, terms = _load_tables()
    near = _cache_paths()[2]
    return Lexicon(counts, forms, misspellings, usage, terms, bags=lambda lexicon: _load_bags(near, lexicon))


__all__ = ["Lexicon", "load_lexicon", "dictionaries_dir", "match_case", "normalize"]
