"""The data that flows through proofread: spans, tokens, blocks, documents, edits, fixes, diagnostics.

Everything here is immutable: a NamedTuple (cheap to build, per word or per block, and to create at
start-up, about a sixth of a dataclass's 0.6 ms), or a frozen dataclass where code calls
``dataclasses.replace`` on it (Fix, Diagnostic) or it caches a computed field (Document).

Offsets are indices into the document's text in code points (Python ``str`` indices), half-open:
``text[start:end]``. Line and column numbers are computed only when a report is printed (see
``proofread.lines``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from functools import cached_property
from operator import itemgetter
from typing import NamedTuple


class Applicability(IntEnum):
    """How sure a fix is; ordered so that ``fix.applicability >= required`` selects what to apply."""

    DISPLAY_ONLY = 0  # shown as a suggestion, never applied
    UNSAFE = 1  # applied with --unsafe-fixes
    SAFE = 2  # applied with --fix

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")


class Span(NamedTuple):
    """A half-open range ``[start, end)`` of code-point offsets into a document's text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``content`` ("" deletes; an empty range inserts)."""

    start: int
    end: int
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    """One or more edits applied together, with how sure we are of them."""

    edits: tuple[Edit, ...]
    applicability: Applicability
    title: str

    @classmethod
    def safe(cls, title: str, *edits: Edit) -> Fix:
        return cls(tuple(sorted(edits, key=lambda e: (e.start, e.end))), Applicability.SAFE, title)

    @classmethod
    def unsafe(cls, title: str, *edits: Edit) -> Fix:
        return cls(tuple(sorted(edits, key=lambda e: (e.start, e.end))), Applicability.UNSAFE, title)

    @classmethod
    def display_only(cls, title: str, *edits: Edit) -> Fix:
        return cls(tuple(sorted(edits, key=lambda e: (e.start, e.end))), Applicability.DISPLAY_ONLY, title)

    @property
    def start(self) -> int:
        return self.edits[0].start

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding of one rule: what is wrong, where, and how to fix it."""

    code: str  # "SP001"
    name: str  # "unknown-word"
    category: str  # "spelling", "casing", "punctuation" or "cleanup"
    message: str
    span: Span
    fix: Fix | None = None
    suggestions: tuple[str, ...] = ()  # replacements for ``span``, best first

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.span.start, self.span.end, self.code)


class BlockKind(str, Enum):
    """What a block of prose is; every block starts a new sentence."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    QUOTE = "quote"


class Block(NamedTuple):
    """A run of prose that starts a new sentence: a paragraph, a heading, a list item or a table cell.

    ``group`` identifies the siblings: all items of one list, or all cells of one table, share it
    (-1 for blocks that have none). ``row`` and ``column`` place a table cell (row 0 is the header);
    list items use ``row`` for their position in the list.
    """

    kind: BlockKind
    start: int
    end: int
    group: int = -1
    row: int = 0
    column: int = 0


class TokenKind(str, Enum):
    WORD = "word"  # letters, with inner apostrophes or hyphens: "Moscow’s", "socio-political"
    INITIALISM = "initialism"  # letters joined by periods: "U.S.", "e.g."
    OTHER = "other"  # words with digits or underscores: "10km", "3rd", "snake_case"


class Token(NamedTuple):
    """A word of prose (never inside code, URLs or markup).

    ``sentence_start`` is True where the word opens a sentence or a block, False where it is surely
    inside a sentence, and None where the writer may or may not have meant a new sentence (after an
    abbreviation, an ellipsis or a colon).

    A NamedTuple rather than a frozen dataclass: a document has one per word, and building a frozen
    dataclass costs about five times as much (2.2 µs against 0.46 µs here), which alone would eat most
    of the throughput budget.
    """

    kind: TokenKind
    start: int
    end: int
    text: str
    block: int  # index into Document.blocks
    sentence_start: bool | None


_TOKEN_TEXT = itemgetter(3)  # Token.text: a tuple slot is read faster than the NamedTuple field
_TOKEN_BLOCK = itemgetter(4)  # Token.block


@dataclass(frozen=True)
class Document:
    """A text file read as prose: its blocks, the spans that are not prose, and the words."""

    path: str
    text: str
    markdown: bool
    blocks: tuple[Block, ...]
    masks: tuple[Span, ...]  # sorted, non-overlapping spans that are not prose (code, URLs, markup)
    tokens: tuple[Token, ...] = field(default=())

    # Columns of ``tokens`` that several rules read: each is built once per document, on first use, in
    # one C-level pass (``map`` over a tuple slot), rather than by every rule that needs it.

    @cached_property
    def texts(self) -> list[str]:
        """The text of each token, in token order (``texts[i] == tokens[i].text``)."""
        return list(map(_TOKEN_TEXT, self.tokens))

    @cached_property
    def text_set(self) -> set[str]:
        """The distinct token texts. Shared by the rules that start from the document's distinct words
        (casing evidence, spelling scan) so that it is built once: read it, never change it."""
        return set(self.texts)

    @cached_property
    def text_counts(self) -> Counter[str]:
        """How many tokens have each text."""
        return Counter(self.texts)

    def first_token(self, block: int) -> int | None:
        """The index of the first token of ``block``, or None when it has none (the tokens come block
        by block, in order, so a binary search finds it)."""
        tokens = self.tokens
        i = bisect_left(tokens, block, key=_TOKEN_BLOCK)
        return i if i < len(tokens) and tokens[i][4] == block else None

    @cached_property
    def mask_starts(self) -> list[int]:
        """The start of each mask, in order: for ``bisect`` look-ups (computed on first use)."""
        return [span.start for span in self.masks]

    def is_masked(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` touches a span that is not prose (an empty range: lies inside one)."""
        masks = self.masks
        if not masks:
            return False
        i = bisect_right(self.mask_starts, start) - 1
        stop = max(end, start + 1)
        # Masks are sorted and apart, so this looks at one or two of them.
        for k in range(i if i > 0 else 0, len(masks)):
            span = masks[k]
            if span.start >= stop:
                return False
            if start < span.end:
                return True
        return False
