"""Large files: cut a text, as it is read, into chunks that can each be checked as a document of its own.

A file larger than ``proofread.files.WHOLE_FILE_BYTES`` is never held whole: its decoded text comes in
pieces, and ``chunks`` cuts it at paragraph boundaries, about every ``CHUNK_CHARS`` characters. A
boundary is a blank line between two lines of text, outside fenced code in Markdown; the cut falls just
after the blank line, so a chunk ends with ``text\\n\\n`` and the next one starts with a line of text. Each
chunk knows where it starts in the whole text (code points) and on which line, so findings are mapped
back to the file's offsets and line numbers.

What a boundary costs, since each chunk is checked as a document of its own:

- evidence gathered over a document is gathered per chunk: how a name is capitalised elsewhere (CA003),
  which quotes, apostrophes and sentence spacing the document mostly uses (CL015, CL016, CL017), mixed
  line endings (CL006), words that recur (SP002);
- a list or a table that a blank line interrupts is two groups of siblings when the cut falls there
  (CA002), and Markdown link reference definitions serve only their own chunk;
- a ``disable`` suppression reaches to the end of its chunk at most; an ``enable`` in a later chunk has
  nothing to close;
- findings about the end of the file (CL002, CL003) are kept for the last chunk only (``drop_end_findings``).

When no boundary comes within ``MAX_CHUNK_CHARS`` (a text without blank lines), a chunk is cut at the end
of any line outside fenced code, which in Markdown may split a paragraph in two. Fenced code that never
closes keeps the rest of the file in one chunk. Fences are recognised at up to three spaces of
indentation, as suppressions recognise them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

CHUNK_CHARS = 1 << 17  # a chunk is cut at the first boundary after this many characters
MAX_CHUNK_CHARS = 8 * CHUNK_CHARS  # without a boundary, cut at a line end after this many

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.MULTILINE)
# a line of text, a blank line, and a line of text after it: the cut falls before that last line
_BOUNDARY = re.compile(r"\S[^\n]*\n[ \t\r]*\n(?=[ \t]*\S)")


@dataclass(frozen=True)
class Chunk:
    """A piece of a text: ``text`` begins at code point ``start`` of the whole, on 1-based line ``line``."""

    text: str
    start: int
    line: int
    last: bool  # it ends the whole text


def fenced_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks (from the opening fence to the end of the closing one, or of the text)."""
    ranges = []
    opening = None
    for m in _FENCE.finditer(text):
        fence = m.group(1)
        if opening is None:
            opening = (m.start(), fence)
        elif fence[0] == opening[1][0] and len(fence) >= len(opening[1]):
            ranges.append((opening[0], m.end()))
            opening = None
    if opening is not None:
        ranges.append((opening[0], len(text)))
    return ranges


def _inside(ranges: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    for a, b in ranges:
        if a < position < b:
            return a, b
    return None


def find_cut(text: str, markdown: bool, size: int, limit: int) -> int | None:
    """Where to end the chunk that ``text`` begins: just after the first boundary past ``size`` characters,
    or, past ``limit``, after the first line end outside fenced code; None when ``text`` has neither yet."""
    if len(text) <= size:
        return None
    fences = fenced_ranges(text) if markdown else []
    position = size
    while True:
        m = _BOUNDARY.search(text, position)
        if m is None:
            break
        fence = _inside(fences, m.end())
        if fence is None:
            return m.end()
        position = fence[1]
    if len(text) <= limit:
        return None
    position = limit
    while True:
        nl = text.find("\n", position)
        if nl < 0 or nl + 1 >= len(text):
            return None
        fence = _inside(fences, nl + 1)
        if fence is None:
            return nl + 1
        position = fence[1]


def chunks(pieces: Iterable[str], markdown: bool, size: int | None = None, limit: int | None = None) -> Iterator[Chunk]:
    """The chunks of the text made of ``pieces``, in order; the last one has ``last`` set (it may be empty).

    ``size`` and ``limit`` default to ``CHUNK_CHARS`` and ``MAX_CHUNK_CHARS``.
    """
    size = CHUNK_CHARS if size is None else size
    limit = MAX_CHUNK_CHARS if limit is None else limit
    buffer = ""
    start, line = 0, 1
    for piece in pieces:
        buffer += piece
        while True:
            cut = find_cut(buffer, markdown, size, limit)
            if cut is None:
                break
            yield Chunk(buffer[:cut], start, line, False)
            start += cut
            line += buffer.count("\n", 0, cut)
            buffer = buffer[cut:]
    yield Chunk(buffer, start, line, True)


def drop_end_findings(diagnostics: list, text: str, last: bool) -> list:
    """The diagnostics of a chunk's ``text`` without those that reach its end when it does not end the
    file: they are about the end of the file (trailing blank lines), which lies elsewhere."""
    if last:
        return diagnostics
    return [d for d in diagnostics if d.span.end < len(text)]
