"""Which words of a list may be within two edits of a word: a letter-bag filter over bitsets.

The corrector looks for the common words within two edits (optimal string alignment distance) of a
typo. Measuring the distance to each of the ~30,000 common words of nearby lengths costs several
milliseconds per typo, most of them on words that share few letters with it. An edit changes, adds or
drops one letter (a swap keeps them all), so a word within ``d`` edits lacks at most ``d`` of the
typo's letters, counted with repeats ("letters missing": the bag distance, a lower bound of the edit
distance). That test is cheap on bitsets: for each letter and each count ``k``, the set of words that
hold at least ``k`` of that letter is one Python int (bit ``i`` for word ``i``), and a typo's missing
letters are added up for all words at once with a few big-int operations per letter. Only the few
words that pass are measured exactly, so the search finds the same words as measuring them all.
"""

from __future__ import annotations

from collections import Counter


class BagIndex:
    """The words of one list (in a fixed order) by how many of each character they hold.

    ``has[(ch, k)]`` is the bitset of the words holding at least ``k`` of ``ch``; ``full`` has a bit for
    every word."""

    __slots__ = ("words", "has", "full")

    def __init__(self, words: list[str], has: dict[tuple[str, int], int]):
        self.words = words
        self.has = has
        self.full = (1 << len(words)) - 1

    @classmethod
    def build(cls, words: list[str]) -> BagIndex:
        members: dict[tuple[str, int], bytearray] = {}
        size = (len(words) + 8) // 8
        for i, word in enumerate(words):
            byte, bit = i >> 3, 1 << (i & 7)
            for ch, n in Counter(word).items():
                for k in range(1, n + 1):
                    row = members.get((ch, k))
                    if row is None:
                        row = members[(ch, k)] = bytearray(size)
                    row[byte] |= bit
        return cls(words, {key: int.from_bytes(row, "little") for key, row in members.items()})

    def to_data(self) -> tuple[list[str], dict[tuple[str, int], int]]:
        """Plain lists, dicts, strings and ints: what ``marshal`` stores."""
        return self.words, self.has

    @classmethod
    def from_data(cls, data: tuple[list[str], dict[tuple[str, int], int]]) -> BagIndex:
        words, has = data
        return cls(list(words), dict(has))

    def missing_at_most(self, letters: Counter[str], limit: int, among: int | None = None) -> int:
        """The bitset of the words that lack at most ``limit`` (0 to 2) of ``letters`` (a word's letters
        with their counts), counted with repeats; only of the words of the bitset ``among`` if given
        (the operations then work on ints no longer than ``among``: quicker when it holds a few of the
        first words only)."""
        has = self.has
        full = self.full if among is None else among
        # bits set where at least one, two, three letters are missing (counts saturate at three); a
        # level above ``limit + 1`` is not needed, so it is not worked out
        one = two = three = 0
        for ch, n in letters.items():
            for k in range(1, n + 1):
                held = has.get((ch, k), 0)
                lack = full ^ (held if among is None else held & among)  # words with fewer than k of ch
                if limit > 1:
                    three |= two & lack
                if limit > 0:
                    two |= one & lack
                one |= lack
        return full & ~(one, two, three)[limit]

    def holding_any_but(self, allowed: frozenset[str]) -> int:
        """The bitset of the words holding a character outside ``allowed``."""
        bits = 0
        for (ch, k), has in self.has.items():
            if k == 1 and ch not in allowed:
                bits |= has
        return bits

    def select(self, bits: int) -> list[str]:
        """The words whose bits are set in ``bits``, in index order."""
        return list(map(self.words.__getitem__, self.indices(bits)))

    def indices(self, bits: int) -> list[int]:
        """The indices of the bits set in ``bits``, rising."""
        digits = format(bits, "b")[::-1]  # bit i is character i
        out = []
        i = digits.find("1")
        while i >= 0:
            out.append(i)
            i = digits.find("1", i + 1)
        return out


def missing_limit(typo_length: int, word_length: int, distance: int = 2) -> int:
    """How many of the typo's letters a word of ``word_length`` may lack and still be within ``distance``
    edits: the word's own letters missing from the typo number (letters missing) + (length difference),
    and both counts are at most the distance."""
    return min(distance, distance - (word_length - typo_length))
