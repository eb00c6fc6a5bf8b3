"""Turn code-point offsets into 1-based line and column numbers, only when a report needs them.

Two views of a file's text answer the reports' questions (where is this offset, what is line N, what is
the text between two offsets):

- ``LineIndex`` over the whole text;
- ``Excerpt``, which keeps only the lines around the findings (``Excerpt.around``), so that a run over
  many files, or over one huge file read in chunks, does not hold every file's text until the report is
  printed. The lines kept reach ``MARGIN`` characters beyond each finding and its fix on both sides, more
  than any report looks at; a slice reaching past them is cut at the lines kept.

Both count lines at ``\\n`` only, the way every report always has.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

MARGIN = 40  # characters kept around a finding: the full report shows 40, baselines and GitLab 20


class LineIndex:
    """Line starts of a text, for offset -> (line, column) look-ups (both 1-based, in code points)."""

    def __init__(self, text: str) -> None:
        starts = [0]
        index = text.find("\n")
        while index >= 0:
            starts.append(index + 1)
            index = text.find("\n", index + 1)
        self.starts = starts
        self.text = text

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def piece(self, start: int, end: int) -> tuple[str, int]:
        """Text holding ``[start, end)`` with whole lines around it, and the offset it begins at."""
        return self.text, 0


class Segment(NamedTuple):
    """Whole consecutive lines of a text: ``text`` begins at code-point ``start``, on 1-based ``line``."""

    start: int
    line: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def last_line(self) -> int:
        """The number of the line at the segment's end (empty when the text ends with a line break there)."""
        return self.line + self.text.count("\n")


class Excerpt(NamedTuple):
    """The lines of a text that its findings need, as sorted, disjoint segments; the rest is dropped."""

    segments: tuple[Segment, ...] = ()

    @classmethod
    def whole(cls, text: str) -> Excerpt:
        return cls((Segment(0, 1, text),))

    @classmethod
    def around(cls, text: str, ranges: Iterable[tuple[int, int]], start: int = 0, line: int = 1) -> Excerpt:
        """The lines of ``text`` within ``MARGIN`` characters of each ``(start, end)`` in ``ranges``.

        ``text`` may be a piece of a larger text beginning at offset ``start`` on line ``line`` (a chunk of
        a large file); ``ranges`` and the excerpt's offsets are in the larger text's terms.
        """
        wanted = sorted((max(0, a - start - MARGIN), min(len(text), b - start + MARGIN)) for a, b in ranges)
        segments: list[Segment] = []
        lo = hi = -1
        for a, b in wanted:
            a = text.rfind("\n", 0, a) + 1  # whole lines
            nl = text.find("\n", b)
            b = len(text) if nl < 0 else nl + 1
            if lo >= 0 and a <= hi:
                hi = max(hi, b)
                continue
            if lo >= 0:
                segments.append(_segment(text, lo, hi, start, line, segments))
            lo, hi = a, b
        if lo >= 0:
            segments.append(_segment(text, lo, hi, start, line, segments))
        return cls(tuple(segments))

    @classmethod
    def join(cls, excerpts: Iterable[Excerpt]) -> Excerpt:
        """One excerpt of excerpts taken, in order, from consecutive pieces of one text."""
        return cls(tuple(s for e in excerpts for s in e.segments))

    def _segment_at(self, offset: int) -> Segment:
        i = bisect_right([s.start for s in self.segments], offset) - 1
        if i < 0 or offset > self.segments[i].end:
            raise LookupError(f"offset {offset} lies outside the kept lines")
        return self.segments[i]

    def position(self, offset: int) -> tuple[int, int]:
        seg = self._segment_at(offset)
        local = offset - seg.start
        line = seg.line + seg.text.count("\n", 0, local)
        return line, local - (seg.text.rfind("\n", 0, local) + 1) + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        for seg in reversed(self.segments):  # the later of two adjacent segments holds their shared line
            if seg.line <= line <= seg.last_line:
                lines = seg.text.split("\n")
                return lines[line - seg.line].rstrip("\r")
        raise LookupError(f"line {line} is not kept")

    def piece(self, start: int, end: int) -> tuple[str, int]:
        """The kept lines around ``[start, end)`` and the offset they begin at."""
        seg = self._segment_at(start)
        return seg.text, seg.start

    def slice(self, start: int, end: int) -> str:
        """``text[start:end]``, cut at the kept lines around ``start``."""
        text, base = self.piece(start, end)
        return text[max(0, start - base) : max(0, end - base)]


def _segment(text: str, lo: int, hi: int, start: int, line: int, earlier: list[Segment]) -> Segment:
    """The segment ``text[lo:hi]``, its line counted on from the previous segment's."""
    if earlier:
        prev = earlier[-1]
        first = prev.line + prev.text.count("\n") + text.count("\n", prev.end - start, lo)
    else:
        first = line + text.count("\n", 0, lo)
    return Segment(start + lo, first, text[lo:hi])
