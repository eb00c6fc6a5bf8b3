"""Turn code-point offsets into 1-based line and column numbers, only when a report needs them."""

from __future__ import annotations

from bisect import bisect_right


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
