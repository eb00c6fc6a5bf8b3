"""Typing slips: which edits turn a word into a typo, and how likely each one is.

Two tools for the corrector in ``proofread.lexicon``:

- ``edits1(word)`` lists every string one edit away (delete, transpose, replace, insert), to be checked
  against the word set: the cheap, exact way to find distance-1 candidates.
- ``slip_cost(typo, word)`` is a weighted Damerau-Levenshtein (optimal string alignment) distance from the
  intended ``word`` to the ``typo`` that charges less for the slips people make: swapping two letters,
  hitting a neighbouring key, doubling or undoubling a letter, confusing two vowels. The ranking turns
  this cost into a likelihood and weighs it against the word's frequency.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress, count, repeat
from operator import add, ne

LETTERS = "abcdefghijklmnopqrstuvwxyz"
VOWELS = frozenset("aeiouy")

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, frozenset[str]]:
    pos = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
    out: dict[str, frozenset[str]] = {}
    for ch, (r, c) in pos.items():
        near = set()
        for other, (r2, c2) in pos.items():
            if other == ch or abs(r - r2) > 1:
                continue
            # rows are staggered: a key touches the two keys below-left/below and above/above-right
            shift = c2 - c if r2 == r else (c2 - c) + (0.5 if r2 > r else -0.5)
            if abs(shift) <= 1.0:
                near.add(other)
        out[ch] = frozenset(near)
    return out


NEIGHBOURS = _neighbours()
# typed letter -> the letters meant when it is a neighbouring key (``near(meant, typed)``)
_KEYS_NEAR = {typed: "".join(sorted(k for k, near in NEIGHBOURS.items() if typed in near)) for typed in LETTERS}

# Letters that stand for the same sound often enough to be confused when spelling by ear.
_SOUND_ALIKE = {
    frozenset(p)
    for p in ("ck", "cs", "sz", "kq", "gj", "fv", "ph", "dt", "bp", "mn", "ie", "ea", "ao", "ou", "iy", "ey")
}

# Costs, in units of one plain edit.
TRANSPOSE = 0.45
NEAR_KEY = 0.55
SOUND_ALIKE = 0.6
VOWEL_SWAP = 0.65
DOUBLED = 0.4  # a letter typed twice, or a double letter typed once
INSERT_NEAR = 0.6
DELETE = 0.8
PLAIN = 1.0
FIRST_LETTER = 0.6  # extra charge for touching the first letter: slips there are rarer
END_INSERT = 0.6  # extra charge for a letter typed after the end of the word
LONG_WORD = 5  # words this long or longer may be misspelt by ear (vowels, sound-alike letters)
# The least that one edit of ``one_edit_cost`` costs (FIRST_LETTER and END_INSERT only add to a cost).
CHEAPEST_EDIT = min(TRANSPOSE, NEAR_KEY, SOUND_ALIKE, VOWEL_SWAP, DOUBLED, INSERT_NEAR, DELETE, PLAIN)
# The cheap slips (``cheap_edit_strings``) cost at most CHEAP_SLIP; any other edit costs at least DEARER_SLIP.
CHEAP_SLIP = max(DOUBLED, TRANSPOSE, NEAR_KEY)
DEARER_SLIP = min(SOUND_ALIKE, VOWEL_SWAP, INSERT_NEAR, DELETE, PLAIN, CHEAPEST_EDIT + FIRST_LETTER)


def near(a: str, b: str) -> bool:
    return b in NEIGHBOURS.get(a, ())


def edits1(word: str) -> set[str]:
    """Every string one delete, transpose, replace or insert (letters, and an apostrophe) from ``word``."""
    out = set(edit_strings(word))
    out.discard(word)
    return out


def edit_strings(word: str) -> list[str]:
    """The strings of ``edits1(word)`` as a list, repeats and ``word`` itself included (a transpose of two
    equal letters gives it back): the cheaper form to look up, when they are only looked up.

    The 52 replaces and inserts at each place (most of the ~500 strings) are made in C:
    ``map(add, map(head.__add__, LETTERS), repeat(tail))`` runs no Python code per string, where a
    comprehension runs a loop step and two additions in the interpreter for each."""
    n = len(word)
    out = [word[:i] + word[i + 1 :] for i in range(n)]
    out += [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1)]
    for i in range(n + 1):
        head = map(word[:i].__add__, LETTERS)
        if i < n:
            heads = list(head)
            out += map(add, heads, repeat(word[i + 1 :]))  # replace word[i]
            out += map(add, heads, repeat(word[i:]))  # insert before word[i]
        else:
            out += map(add, head, repeat(""))  # insert at the end
    out += [word[:i] + "'" + word[i:] for i in range(1, n)]
    return out


def cheap_edit_strings(typo: str) -> list[str]:
    """Strings one edit from ``typo``, among them every word that ``one_edit_cost`` charges at most
    CHEAP_SLIP: a letter typed twice or a doubled one typed once, two letters swapped, a neighbouring key,
    a left-out apostrophe, none at the first letter but for doubling it (every other edit costs
    DEARER_SLIP or more). About a fifth as many as ``edit_strings``: enough to find the rare words that
    can still make a likely slip."""
    n = len(typo)
    out = [typo[:i] + typo[i + 1 :] for i in range(n)]  # an extra letter (cheap when it doubles one)
    out += [typo[:i] + typo[i + 1] + typo[i] + typo[i + 2 :] for i in range(1, n - 1)]
    out += [typo[: i + 1] + typo[i:] for i in range(n)]  # a doubled letter typed once
    out += [typo[:i] + c + typo[i + 1 :] for i in range(1, n) for c in _KEYS_NEAR.get(typo[i], ())]
    out += [typo[:i] + "'" + typo[i:] for i in range(1, n)]
    return out


def edits1_costs(typo: str, known) -> dict[str, float]:
    """The words of ``known`` one edit from ``typo``, each with the cost of the slip that turns it into
    ``typo`` (as ``slip_cost`` would score that one edit), computed without the alignment table.

    ``known`` is a set-like of words; one with a ``known_among`` method (``lexicon.WordTable``) is asked
    about all the strings at once. Every string one edit away is made in one go and the few that are
    words are found in C; only those few are then costed, edit by edit."""
    strings = edit_strings(typo)
    among = getattr(known, "known_among", None)
    hits = among(strings) if among is not None else {s for s in strings if s in known}
    out: dict[str, float] = {}
    for cand in hits:
        cost = one_edit_cost(typo, cand)
        if cost is not None:
            out[cand] = cost
    return out


def one_edit_apart(typo: str, cand: str) -> bool:
    """Whether ``cand`` may be one edit from ``typo``: False whenever ``one_edit_cost`` would return None
    for a length or a letter count that cannot fit, which is most pairs, for a fraction of its cost (the
    letters are compared in C: ``map(ne, ...)``)."""
    n, m = len(typo), len(cand)
    if n == m:
        return 0 < sum(map(ne, typo, cand)) <= 2
    longer, shorter = (typo, cand) if n > m else (cand, typo)
    if len(longer) - len(shorter) != 1:
        return False
    # a letter dropped anywhere in a run of equal letters gives the same string as one dropped at the
    # first place the two strings differ
    i = next(compress(count(), map(ne, longer, shorter)), len(shorter))
    return longer[i + 1 :] == shorter[i:]


def one_edit_cost(typo: str, cand: str) -> float | None:
    """The cheapest single edit of ``edits1`` that turns ``cand`` into ``typo`` (None when there is none):
    one extra letter typed, two letters swapped, a wrong letter, or a letter or an apostrophe left out.
    An edit at the first letter costs FIRST_LETTER more (not a left-out apostrophe, which is never first)."""
    n = len(typo)
    costs: list[float] = []
    if len(cand) == n - 1:  # the typo has an extra letter at i
        for i in range(n):
            if typo[:i] + typo[i + 1 :] == cand:
                costs.append(_insert_costs(typo, cand, i)[i] + (FIRST_LETTER if i == 0 else 0.0))
    elif len(cand) == n:
        diffs = [i for i in range(n) if typo[i] != cand[i]]
        if len(diffs) == 1:  # a wrong letter at i
            i = diffs[0]
            if cand[i] in LETTERS:
                costs.append(_sub_cost(cand[i], typo[i], n >= LONG_WORD) + (FIRST_LETTER if i == 0 else 0.0))
        elif len(diffs) == 2:  # two letters swapped at i
            i, j = diffs
            if j == i + 1 and cand[i] == typo[j] and cand[j] == typo[i]:
                costs.append(TRANSPOSE + (FIRST_LETTER if i == 0 else 0.0))
    elif len(cand) == n + 1:  # a letter (or an apostrophe) missing at i
        for i in range(n + 1):
            if cand[:i] + cand[i + 1 :] == typo:
                if cand[i] in LETTERS:
                    costs.append(_delete_cost(cand, i) + (FIRST_LETTER if i == 0 else 0.0))
                elif cand[i] == "'" and 0 < i < n:
                    costs.append(_delete_cost(cand, i))
    return min(costs) if costs else None


def osa_distance(a: str, b: str) -> int:
    """The optimal string alignment distance: deletes, inserts, substitutions and swaps of two neighbours
    each count one, and no substring is edited twice (the same measure as rapidfuzz's ``OSA``, for the
    few pairs a small run measures without importing it)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        ai = a[i - 1]
        for j in range(1, len(b) + 1):
            bj = b[j - 1]
            best = previous[j - 1] + (ai != bj)
            if previous[j] + 1 < best:
                best = previous[j] + 1
            if current[j - 1] + 1 < best:
                best = current[j - 1] + 1
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == bj and previous2[j - 2] + 1 < best:
                best = previous2[j - 2] + 1
            current[j] = best
        previous2, previous = previous, current
    return previous[-1]


def _sub_cost(intended: str, typed: str, long_word: bool) -> float:
    if intended == typed:
        return 0.0
    if near(intended, typed):
        return NEAR_KEY
    # spelling by ear happens in long words; short ones are mistyped, not misspelt
    if long_word:
        if frozenset((intended, typed)) in _SOUND_ALIKE:
            return SOUND_ALIKE
        if intended in VOWELS and typed in VOWELS:
            return VOWEL_SWAP
    return PLAIN


@lru_cache(maxsize=65536)
def slip_cost(typo: str, word: str) -> float:
    """Weighted OSA distance from the intended ``word`` to the ``typo`` (both lowercase).

    The first row and the first column of the table are the only cells that charge FIRST_LETTER; the
    other cells are filled by a tighter loop (``_inner_row``), which adds the same costs in the same order
    (leaving out only additions of 0.0), so the result is the same float."""
    n, m = len(word), len(typo)
    long_word = n >= LONG_WORD
    doubled = _doubled(typo)
    # d[i][j]: cost of turning word[:i] into typo[:j]
    prev2: list[float] = []
    prev = [0.0] * (m + 1)
    inserts = _row_inserts(typo, doubled, word, 0)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + inserts[j - 1] + (FIRST_LETTER if j == 1 else 0.0)
    for i in range(1, n + 1):
        wc = word[i - 1]
        delete = _delete_cost(word, i - 1)
        inserts = _row_inserts(typo, doubled, word, i)
        subs = _sub_row(typo, wc, long_word)
        if i == 1:
            cur = _first_row(typo, delete, inserts, subs, prev)
        else:
            cur = _inner_row(typo, word, i, delete, inserts, subs, prev, prev2)
        prev2, prev = prev, cur
    return prev[m]


def _first_row(typo: str, delete: float, inserts: list[float], subs: list[float], prev: list[float]):
    """Row 1 of ``slip_cost``'s table: every cell touches the first letter."""
    m = len(typo)
    cur = [0.0] * (m + 1)
    cur[0] = prev[0] + delete
    for j in range(1, m + 1):
        sub = subs[j - 1]
        best = prev[j - 1] + (0.0 if sub == 0.0 else sub + FIRST_LETTER)
        dele = prev[j] + delete + FIRST_LETTER
        if dele < best:
            best = dele
        ins = cur[j - 1] + inserts[j - 1] + (FIRST_LETTER if j == 1 else 0.0)
        if ins < best:
            best = ins
        cur[j] = best
    return cur


def _inner_row(typo, word, i, delete, inserts, subs, prev, prev2) -> list[float]:
    """Row ``i`` > 1 of ``slip_cost``'s table. Cell 1 still charges FIRST_LETTER for a substitution or an
    insertion; no other cell does, so the loop over the others adds no FIRST_LETTER terms, and the
    substitution costs come from ``subs`` (made with one map() in C) instead of a call per cell."""
    m = len(typo)
    cur = [0.0] * (m + 1)
    cur[0] = prev[0] + delete
    if m == 0:
        return cur
    sub = subs[0]
    best = prev[0] + (0.0 if sub == 0.0 else sub + FIRST_LETTER)
    dele = prev[1] + delete
    if dele < best:
        best = dele
    ins = cur[0] + inserts[0] + FIRST_LETTER
    if ins < best:
        best = ins
    cur[1] = best
    wc, pw = word[i - 1], word[i - 2]
    # a swap of word[i-2:i] ends at cell j when typo[j-2:j] is those two letters the other way round
    swaps = wc != pw and typo.find(wc + pw) >= 0
    transpose_extra = FIRST_LETTER if i == 2 else 0.0
    for j in range(2, m + 1):
        best = prev[j - 1] + subs[j - 1]
        dele = prev[j] + delete
        if dele < best:
            best = dele
        ins = cur[j - 1] + inserts[j - 1]
        if ins < best:
            best = ins
        if swaps and typo[j - 2] == wc and typo[j - 1] == pw:
            tr = prev2[j - 2] + TRANSPOSE + transpose_extra
            if tr < best:
                best = tr
        cur[j] = best
    return cur


# Substitution costs by intended letter, for short and long words: intended -> {typed: cost}, filled on
# first use (a dict per letter, so that a row of the table is one map() in C).
_SUB_ROWS: tuple[dict[str, dict[str, float]], dict[str, dict[str, float]]] = ({}, {})
_SUB_ROWS_MAX = 1000  # letters remembered at most (any character may come)


class _SubCosts(dict):
    """``_sub_cost(intended, typed, long_word)`` by typed letter, computed when first asked."""

    __slots__ = ("intended", "long_word")

    def __missing__(self, typed: str) -> float:
        cost = self[typed] = _sub_cost(self.intended, typed, self.long_word)
        return cost


def _sub_row(typo: str, intended: str, long_word: bool) -> list[float]:
    """The cost of typing each letter of ``typo`` for ``intended`` (0.0 where they are the same)."""
    rows = _SUB_ROWS[long_word]
    row = rows.get(intended)
    if row is None:
        if len(rows) >= _SUB_ROWS_MAX:
            rows.clear()
        row = rows[intended] = _SubCosts()
        row.intended, row.long_word = intended, long_word
    return list(map(row.__getitem__, typo))


def _doubled(typo: str) -> list[bool]:
    """For each letter of ``typo``, whether it doubles the letter before or after it."""
    last = len(typo) - 1
    return [(j > 0 and typo[j - 1] == ch) or (j < last and typo[j + 1] == ch) for j, ch in enumerate(typo)]


def _row_inserts(typo: str, doubled: list[bool], word: str, i: int) -> list[float]:
    """``_insert_costs(typo, word, i)``, with the doubled letters of ``typo`` worked out once."""
    nxt = word[i] if i < len(word) else ""
    prv = word[i - 1] if i > 0 else ""
    extra = END_INSERT if not nxt else 0.0
    near_keys = NEIGHBOURS.get(nxt, frozenset()) | NEIGHBOURS.get(prv, frozenset())
    near_cost = INSERT_NEAR + extra
    plain_cost = PLAIN + extra
    return [
        DOUBLED if double else near_cost if ch in near_keys else plain_cost
        for double, ch in zip(doubled, typo, strict=True)
    ]


def _insert_costs(typo: str, word: str, i: int) -> list[float]:
    """The cost of each extra ``typo[j]`` typed where ``word[i:]`` was to come, for every ``j``: one row
    of the alignment. A letter doubling its neighbour costs DOUBLED; one on a key next to the word's
    letters before or after the place, INSERT_NEAR; any other, PLAIN (both END_INSERT more at the end)."""
    return _row_inserts(typo, _doubled(typo), word, i)


def _delete_cost(word: str, i: int) -> float:
    """Cost of leaving out ``word[i]``."""
    ch = word[i]
    if (i > 0 and word[i - 1] == ch) or (i + 1 < len(word) and word[i + 1] == ch):
        return DOUBLED
    if ch in "'-":
        return DOUBLED
    return DELETE
