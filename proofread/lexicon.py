"""The English lexicon: which words exist, how they are capitalised, how common they are, and what a
misspelt word was meant to be.

Sources (see ``dictionaries/README.md`` for licences):

- ``dictionaries/en_US-words.txt.gz``: SCOWL's large American list (Debian's wamerican-large) plus the
  stems of hunspell's en_US dictionary. Proper nouns keep their capitals, so the list tells "Niger" (a
  name) from "may"/"May" (both).
- word frequencies: pyspellchecker's English frequency list, read from the installed package.
- ``dictionaries/tech-words.txt``: common words of software documentation that no dictionary has.
- ``dictionaries/wikipedia-misspellings.tsv``: known misspellings and their corrections.

Parsing those takes a second, so the first load writes a compact pickle under the user cache directory
(``$XDG_CACHE_HOME/proofread`` or ``~/.cache/proofread``), keyed by the sources' sizes and mtimes and the
package version; later loads read the pickle in a few tens of milliseconds. ``load_lexicon()`` is cached
per process, and nothing loads until a rule asks for it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
import pickle
import re
from functools import lru_cache
from pathlib import Path

from proofread.spelling.edits import deletes1, edits1, slip_cost

_FORMAT = 3  # bump when the pickled layout changes

# A word the frequency list has not seen counts as this often (pyspellchecker's own floor is 50).
_UNSEEN = 20
_TECH = 200

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_SUFFIXES = ("'s", "'", "'ll", "'re", "'ve", "'d", "'m", "n't")


def dictionaries_dir() -> Path:
    """The packaged ``proofread/dictionaries`` in a wheel, else the repository's ``dictionaries/``."""
    here = Path(__file__).resolve().parent
    inside = here / "dictionaries"
    if inside.is_dir():
        return inside
    return here.parent / "dictionaries"


def _frequency_source() -> Path | None:
    try:
        import spellchecker
    except ImportError:  # pragma: no cover - pyspellchecker is a dependency
        return None
    path = Path(spellchecker.__file__).resolve().parent / "resources" / "en.json.gz"
    return path if path.exists() else None


def _sources() -> list[Path]:
    d = dictionaries_dir()
    paths = [d / "en_US-words.txt.gz", d / "tech-words.txt", d / "wikipedia-misspellings.tsv"]
    freq = _frequency_source()
    if freq:
        paths.append(freq)
    return paths


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "proofread"


def _cache_key(paths: list[Path]) -> str:
    from proofread import __version__

    h = hashlib.sha256(f"{_FORMAT}|{__version__}".encode())
    for p in paths:
        try:
            st = p.stat()
            h.update(f"|{p}|{st.st_size}|{st.st_mtime_ns}".encode())
        except OSError:
            h.update(f"|{p}|missing".encode())
    return h.hexdigest()[:20]


def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    if path.suffix == ".gz":
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _build_tables() -> tuple[dict[str, int], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    d = dictionaries_dir()
    counts: dict[str, int] = {}
    forms: dict[str, list[str]] = {}
    freq_path = _frequency_source()
    seen: dict[str, int] = {}
    if freq_path:
        seen = json.loads(gzip.decompress(freq_path.read_bytes()).decode("utf-8"))

    def add(word: str, default: int) -> None:
        low = word.lower()
        if low not in counts:
            counts[low] = max(seen.get(low, 0), default)
        forms.setdefault(low, [])
        if word not in forms[low]:
            forms[low].append(word)

    for word in _read_lines(d / "en_US-words.txt.gz"):
        add(word, _UNSEEN)
    for word in _read_lines(d / "tech-words.txt"):
        add(word.split()[0], _TECH)
    # Words only the frequency list has: it is lowercase, so it says nothing about their capitals.
    for low, n in seen.items():
        if low not in counts and low.isalpha():
            counts[low] = n
            forms[low] = [low]
    compact = {low: tuple(sorted(fs, key=lambda f: (f != low, f))) for low, fs in forms.items() if fs != [low]}
    misspellings: dict[str, tuple[str, ...]] = {}
    for line in _read_lines(d / "wikipedia-misspellings.tsv"):
        wrong, _, rights = line.partition("\t")
        if wrong.lower() in counts:
            continue
        misspellings[wrong] = tuple(r for r in rights.split(",") if r)
    return counts, compact, misspellings


def _load_tables():
    paths = _sources()
    key = _cache_key(paths)
    cache = _cache_dir() / f"lexicon-{key}.pickle"
    try:
        with open(cache, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    tables = _build_tables()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        for old in cache.parent.glob("lexicon-*.pickle"):
            old.unlink(missing_ok=True)
        tmp = cache.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as f:
            pickle.dump(tables, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass  # a read-only home: work without the cache
    return tables


def normalize(word: str) -> str:
    """Curly apostrophes made straight."""
    return word.translate(_APOSTROPHES)


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
    COST_WEIGHT = 5.0
    # The corrector looks for distance-2 candidates among words at least this common.
    D2_MIN_COUNT = 60

    def __init__(
        self,
        counts: dict[str, int],
        forms: dict[str, tuple[str, ...]],
        misspellings: dict[str, tuple[str, ...]] | None = None,
    ):
        self._counts = counts
        self._forms = forms
        self._misspellings = misspellings or {}
        self._total = float(sum(counts.values())) or 1.0
        self._by_length: dict[int, list[str]] | None = None
        self._rank_cache: dict[str, list[tuple[str, float]]] = {}

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

    def _has(self, low: str) -> bool:
        return low in self._counts

    def is_known(self, word: str) -> bool:
        """Whether ``word`` is a word, whatever its capitals; possessives, contractions with a known stem and
        hyphenated compounds of known words count as known."""
        w = normalize(word).lower().strip("'")
        if not w:
            return False
        if w in self._counts:
            return True
        for suffix in _SUFFIXES:
            if w.endswith(suffix) and len(w) > len(suffix) and w[: -len(suffix)] in self._counts:
                return True
        if "-" in w:
            parts = [p for p in w.split("-") if p]
            return bool(parts) and all(self.is_known(p) for p in parts)
        return False

    def cased_forms(self, word: str) -> tuple[str, ...]:
        """The spellings of ``word`` the lexicon knows, ignoring case: "niger" -> ("Niger",),
        "may" -> ("may", "May"); the lowercase form comes first when there is one. () for unknown words."""
        low = normalize(word).lower()
        if low not in self._counts:
            return ()
        return self._forms.get(low, (low,))

    def count(self, word: str) -> int:
        return self._counts.get(normalize(word).lower(), 0)

    def frequency(self, word: str) -> float:
        """How often ``word`` occurs in running English text, as a share of all words (0 when unknown)."""
        return self.count(word) / self._total

    def known_misspelling(self, word: str) -> tuple[str, ...]:
        """The corrections of a known misspelling ("recieve" -> ("receive",)), or () when it is not one."""
        w = normalize(word)
        hit = self._misspellings.get(w)
        if hit is None and not w.islower():
            hit = self._misspellings.get(w.lower())
            if hit is not None:
                return tuple(match_case(w, h) for h in hit)
        return hit or ()

    # --- correction -------------------------------------------------------------------------------

    def _length_buckets(self) -> dict[int, list[str]]:
        if self._by_length is None:
            buckets: dict[int, list[str]] = {}
            for w, n in self._counts.items():
                if n >= self.D2_MIN_COUNT and "'" not in w:
                    buckets.setdefault(len(w), []).append(w)
            self._by_length = buckets
        return self._by_length

    def _distance2(self, low: str) -> set[str]:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        buckets = self._length_buckets()
        out: set[str] = set()
        for n in range(max(1, len(low) - 2), len(low) + 3):
            choices = buckets.get(n)
            if not choices:
                continue
            for cand, _dist, _i in process.extract(low, choices, scorer=OSA.distance, score_cutoff=2, limit=None):
                out.add(cand)
        return out

    def candidates(self, word: str) -> list[tuple[str, float]]:
        """Lowercase corrections of ``word`` with their scores (log-likelihoods), best first."""
        low = normalize(word).lower()
        cached = self._rank_cache.get(low)
        if cached is not None:
            return cached
        found = {c for c in edits1(low) if c in self._counts}
        if len(low) >= 3:
            found |= self._distance2(low)
        # Split run-together words: "alot" -> "a lot".
        splits = []
        for i in range(1, len(low)):
            a, b = low[:i], low[i:]
            if (len(a) > 1 or a in "ai") and len(b) > 1 and a in self._counts and b in self._counts:
                splits.append(f"{a} {b}")
        scored = []
        for cand in found:
            if cand == low:
                continue
            cost = slip_cost(low, cand)
            scored.append((cand, math.log(self._counts[cand]) - self.COST_WEIGHT * cost))
        for pair in splits:
            a, b = pair.split(" ")
            n = min(self._counts[a], self._counts[b])
            scored.append((pair, math.log(n) - self.COST_WEIGHT * 1.0))
        scored.sort(key=lambda x: (-x[1], x[0]))
        self._rank_cache[low] = scored
        return scored

    def suggest(self, word: str, limit: int = 3) -> list[tuple[str, float]]:
        """The likeliest intended words for ``word``, best first, written with its capitals, each with a
        confidence in [0, 1] (the candidates' scores normalised to sum to one)."""
        scored = self.candidates(word)
        if not scored:
            return []
        top = scored[0][1]
        weights = [math.exp(s - top) for _, s in scored[:20]]
        total = sum(weights)
        out: list[tuple[str, float]] = []
        seen: set[str] = set()
        w = normalize(word)
        for (cand, _), weight in zip(scored, weights):
            text = self._spell_like(w, cand)
            if text in seen:
                continue
            seen.add(text)
            out.append((text, weight / total))
            if len(out) >= limit:
                break
        return out

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


_WORD_RE = re.compile(r"^[A-Za-z][a-z]+$")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon, built from ``dictionaries/`` and pyspellchecker's frequencies; cached."""
    counts, forms, misspellings = _load_tables()
    return Lexicon(counts, forms, misspellings)


__all__ = ["Lexicon", "load_lexicon", "dictionaries_dir", "match_case", "normalize", "deletes1"]
