"""Read a text or Markdown file into a Document: its prose blocks, what is not prose, and its words.

Plain text is read the way articles pasted from the web are written: every line is a block of its own,
so a bare heading line, a ``- `` list item and a ``| a | b |`` table row each start a new sentence.
Markdown's block structure is read by proofread.markdown_blocks, which gives markdown-it-py's block tokens
(tables included) for the documents it handles and leaves the others to markdown-it-py itself; code,
HTML, front matter and link targets are masked so that no rule looks at them.
"""

from __future__ import annotations

import re

from proofread.markdown_blocks import parse as parse_blocks
from proofread.model import Block, BlockKind, Document, Span, Token
from proofread.sentences import tokenize_into
from proofread.text_masks import inline_masks, merge_spans

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+•]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_ATX_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+")
_QUOTE_MARKER = re.compile(r"[ \t]*(?:>[ \t]?)+")
# plain text only, and only next to a table row: compiled on first use
_TABLE_SEPARATOR = r"[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?\|?[ \t]*\r?\n?$"
_SENTENCE_END_CHARS = frozenset(".!?:;,)\"'’”")  # a plain-text line ending in one is a paragraph
_MARKER_STARTS = frozenset("-*+•#>")
_FRONT_MATTER = r"\A(---|\+\+\+)[ \t]*\r?\n.*?^(?:\1|\.\.\.)[ \t]*(?:\r?\n|\Z)"  # compiled on first use
# MkDocs and mdBook lines that are syntax, not prose: admonitions, tabs, include directives.
_DIRECTIVE_LINE = r"[ \t]*(?:!!!|\?\?\?\+?|===)[ \t]"  # compiled on first use


def is_markdown_path(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def build_document(text: str, path: str = "-", markdown: bool | None = None) -> Document:
    """Read ``text`` into a Document; ``markdown`` defaults to what the path's suffix says."""
    if markdown is None:
        markdown = is_markdown_path(path)
    if markdown:
        blocks, structural_masks = _markdown_blocks(text)
    else:
        blocks, structural_masks = _text_blocks(text)
    masks = merge_spans(structural_masks + inline_masks(text, markdown))
    mask_spans = tuple(Span(s, e) for s, e in masks)
    mask_starts = [s for s, _ in masks]
    tokens: list[Token] = []
    for index, block in enumerate(blocks):
        tokenize_into(tokens, text, block.start, block.end, index, masks, mask_starts)
    return Document(path, text, markdown, tuple(blocks), mask_spans, tuple(tokens))


# --- plain text -------------------------------------------------------------------------------------


def _lines(text: str):
    """Yield (start, end, line) of each line, the end before its line break (and the \\r of a \\r\\n)."""
    start = 0
    size = len(text)
    for line in text.split("\n"):
        end = start + len(line)
        if end < size:  # a line break follows
            if line.endswith("\r"):
                line = line[:-1]
                yield start, end - 1, line
            else:
                yield start, end, line
        elif line:  # the last line, with no line break after it
            yield start, end, line
        start = end + 1


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start`` moved past spaces and tabs, ``end`` back before spaces, tabs and \\r."""
    if start < end and text[start] in " \t":
        line = text[start:end]
        start += len(line) - len(line.lstrip(" \t"))
    if end > start and text[end - 1] in " \t\r":
        end = start + len(text[start:end].rstrip(" \t\r"))
    return start, end


def _is_table_row(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= 2


def _table_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The trimmed spans of the cells of a ``| a | b |`` row between start and end."""
    line = text[start:end]
    bars = [i for i, ch in enumerate(line) if ch == "|" and (i == 0 or line[i - 1] != "\\")]
    stripped = line.strip()
    if not stripped.startswith("|"):
        bars.insert(0, -1)
    if not stripped.endswith("|") or (len(line.rstrip()) - 1) not in bars:
        bars.append(len(line.rstrip()))
    cells = []
    for left, right in zip(bars, bars[1:], strict=False):
        cells.append(_trimmed(text, start + left + 1, start + right))
    return cells


class _Groups:
    """Hands out sibling-group ids: one per list and one per table."""

    def __init__(self) -> None:
        self.next_id = 0

    def new(self) -> int:
        self.next_id += 1
        return self.next_id - 1


# A plain-text file whose longest line is this short was wrapped by an editor or a mail program: there a
# long line that stops without ending its sentence runs on into the next line (one block, not two).
_WRAPPED_LONGEST = range(40, 101)
_WRAPPED_LINE_SHARE = 0.6


def _wrap_width(lines: list[tuple[int, int, str]]) -> int:
    """The width a hard-wrapped text was wrapped at (its longest line), or 0 when its lines are long."""
    longest = max((end - start for start, end, _ in lines), default=0)
    return longest if longest in _WRAPPED_LONGEST else 0


def _runs_on(line: str, wrap_width: int) -> bool:
    """True when ``line`` of a hard-wrapped text is cut mid-sentence: long, and not ending a sentence."""
    body = line.rstrip()
    return len(body) >= _WRAPPED_LINE_SHARE * wrap_width and body.rstrip("\"'’”)]")[-1:] not in (".", "!", "?")


# Lowercase words a heading does not end on, while a line cut mid-sentence often does ("...the value
# will be included in the").
_NOT_LAST_IN_HEADING = frozenset(
    "a an the and or but nor of to with than that which whose its their our your my is are was were".split()
)
# A sentence that ends inside the line and another that goes on after it ("...of the loop. In this
# case, we"): running prose, not a heading. Only a word ending in three lowercase letters ends it, so
# "U.S. Policy", "Step 1. Install" and "Mrs. Dalloway Returns" stay headings.
_INNER_SENTENCE_END = r"[a-z]{3}[.!?][\"”’)]?[ \t]+[A-Za-z]"  # compiled on first use


def _is_bare_heading(line: str) -> bool:
    """Whether a plain-text line reads as a bare heading: it does not end like a sentence, and nothing
    shows it to be a paragraph cut off mid-sentence (a line copied out of wrapped text): a lowercase
    start, a last word such as "the", or a sentence that ends inside it."""
    body = line.strip()
    if body[-1:] in _SENTENCE_END_CHARS or body[:1].islower():
        return False  # a heading starts with a capital, a digit or a symbol
    last = body.rsplit(None, 1)[-1]
    if last in _NOT_LAST_IN_HEADING:
        return False
    return not (("." in body or "?" in body or "!" in body) and re.search(_INNER_SENTENCE_END, body))


def _text_blocks(text: str) -> tuple[list[Block], list[tuple[int, int]]]:
    blocks: list[Block] = []
    masks: list[tuple[int, int]] = []
    groups = _Groups()
    list_group, list_row = -1, 0
    table_group, table_row = -1, 0
    lines = list(_lines(text))
    wrap_width = _wrap_width(lines)
    open_line = False  # the last line was plain text cut mid-sentence by the wrapping
    for start, end, line in lines:
        stripped = line.strip()
        continues, open_line = open_line, False
        if not stripped:
            list_group, table_group = -1, -1
            continue
        if ("|" in stripped and _is_table_row(line)) or (table_group >= 0 and re.match(_TABLE_SEPARATOR, line)):
            if table_group < 0:
                table_group, table_row = groups.new(), 0
            list_group = -1
            if re.match(_TABLE_SEPARATOR, line):
                masks.append((start, end))
                continue
            for column, (cs, ce) in enumerate(_table_cells(text, start, end)):
                if ce > cs:
                    blocks.append(Block(BlockKind.TABLE_CELL, cs, ce, table_group, table_row, column))
            _mask_bars(text, start, end, masks)
            table_row += 1
            continue
        table_group = -1
        # Only a line whose first non-blank character is one of these can hold a list, heading or
        # quote marker; the three patterns are not tried on the others.
        first = line.lstrip(" \t")[:1]
        markup = first in _MARKER_STARTS or first.isdecimal()  # \d is any decimal digit: "٣."
        marker = _LIST_MARKER.match(line) if markup else None
        if marker and marker.end() < len(line):
            if list_group < 0:
                list_group, list_row = groups.new(), 0
            masks.append((start, start + marker.end()))
            cs, ce = _trimmed(text, start + marker.end(), end)
            blocks.append(Block(BlockKind.LIST_ITEM, cs, ce, list_group, list_row))
            list_row += 1
            continue
        list_group = -1
        heading = _ATX_HEADING.match(line) if markup else None
        quote = _QUOTE_MARKER.match(line) if markup else None
        if heading:
            masks.append((start, start + heading.end()))
            cs, ce = _trimmed(text, start + heading.end(), end)
            blocks.append(Block(BlockKind.HEADING, cs, ce))
        elif quote and quote.end() < len(line):
            masks.append((start, start + quote.end()))
            cs, ce = _trimmed(text, start + quote.end(), end)
            blocks.append(Block(BlockKind.QUOTE, cs, ce))
        else:
            cs, ce = _trimmed(text, start, end)
            if continues:
                blocks[-1] = Block(BlockKind.PARAGRAPH, blocks[-1].start, ce)
            else:
                kind = BlockKind.HEADING if _is_bare_heading(line) else BlockKind.PARAGRAPH
                blocks.append(Block(kind, cs, ce))
            open_line = bool(wrap_width) and _runs_on(line, wrap_width)
    return blocks, masks


def _mask_bars(text: str, start: int, end: int, masks: list[tuple[int, int]]) -> None:
    for i in range(start, end):
        if text[i] == "|":
            masks.append((i, i + 1))


# --- Markdown ---------------------------------------------------------------------------------------


def _markdown_parser():
    from markdown_it import MarkdownIt

    # Only block tokens are read (their type, line map and markup), so the inline parse, a third of
    # markdown-it's time, is switched off; it never changes a block token.
    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"], ignoreInvalid=True)


_PARSER = None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _markdown_blocks(text: str) -> tuple[list[Block], list[tuple[int, int]]]:
    global _PARSER
    masks: list[tuple[int, int]] = []
    source = text
    front = re.match(_FRONT_MATTER, text, re.DOTALL | re.M) if text.startswith(("---", "+++")) else None
    if front:
        masks.append(front.span())
        # Blank the front matter so the parser sees the same line numbers but no content.
        source = re.sub(r"[^\n]", " ", front.group()) + text[front.end() :]
    tokens = parse_blocks(source)
    if tokens is None:  # a construct the fast block reader leaves to markdown-it
        if _PARSER is None:
            _PARSER = _markdown_parser()
        tokens = _PARSER.parse(source)
    directive_line = re.compile(_DIRECTIVE_LINE)
    starts = _line_starts(text)

    def line_span(line: int) -> tuple[int, int]:
        start = starts[line] if line < len(starts) else len(text)
        end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
        if end > start and text[end - 1] == "\r":
            end -= 1
        return start, end

    blocks: list[Block] = []
    groups = _Groups()
    list_stack: list[list[int]] = []  # [group, next row] for each open list
    item_first_paragraph: list[bool] = []
    quote_depth = 0
    table_group, table_row, table_column = -1, 0, 0
    row_cells: list[tuple[int, int]] = []
    for tok in tokens:
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            list_stack.append([groups.new(), 0])
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif t == "list_item_open":
            item_first_paragraph.append(True)
        elif t == "list_item_close":
            item_first_paragraph.pop()
        elif t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t in ("fence", "code_block", "html_block", "hr") and tok.map:
            first, last = tok.map
            masks.append((line_span(first)[0], line_span(last - 1)[1]))
        elif t in ("paragraph_open", "heading_open") and tok.map:
            first, last = tok.map
            if t == "heading_open" and tok.markup.startswith(("=", "-")):
                last = first + 1  # a setext heading: the underline is not prose
            kind = BlockKind.HEADING if t == "heading_open" else BlockKind.PARAGRAPH
            group, row = -1, 0
            if t == "paragraph_open" and item_first_paragraph and item_first_paragraph[-1]:
                item_first_paragraph[-1] = False
                kind = BlockKind.LIST_ITEM
                group, row = list_stack[-1]
                list_stack[-1][1] += 1
            elif quote_depth and kind is BlockKind.PARAGRAPH:
                kind = BlockKind.QUOTE
            block = _prose_lines(text, [line_span(n) for n in range(first, last)], masks, first_line_markers=True)
            if block and not directive_line.match(text[line_span(first)[0] : line_span(first)[1]]):
                blocks.append(Block(kind, block[0], block[1], group, row))
            elif block:
                masks.append(block)
        elif t == "table_open":
            table_group, table_row = groups.new(), 0
        elif t == "tr_open" and tok.map:
            line_start, line_end = line_span(tok.map[0])
            row_cells = _table_cells(text, line_start, line_end)
            _mask_bars(text, line_start, line_end, masks)
            table_column = 0
        elif t in ("th_open", "td_open"):
            if table_column < len(row_cells):
                cs, ce = row_cells[table_column]
                if ce > cs:
                    blocks.append(Block(BlockKind.TABLE_CELL, cs, ce, table_group, table_row, table_column))
            table_column += 1
        elif t == "tr_close":
            table_row += 1
        elif t == "table_close":
            table_group = -1
        if t == "thead_open" and tok.map:
            # the delimiter row sits right after the header row
            sep = tok.map[1] - 1 if tok.map[1] - tok.map[0] > 1 else tok.map[0] + 1
            if sep < len(starts):
                masks.append(line_span(sep))
    blocks.sort(key=lambda b: b.start)
    return blocks, masks


def _prose_lines(text: str, lines: list[tuple[int, int]], masks: list[tuple[int, int]], first_line_markers: bool):
    """The span of a paragraph or heading's lines, with container markers (>, -, 1., #) masked."""
    if not lines:
        return None
    spans = []
    for n, (start, end) in enumerate(lines):
        line = text[start:end]
        prefix = _QUOTE_MARKER.match(line)
        cut = prefix.end() if prefix else 0
        if n == 0 and first_line_markers:
            rest = line[cut:]
            for pattern in (_LIST_MARKER, _QUOTE_MARKER, _LIST_MARKER, _ATX_HEADING):
                m = pattern.match(rest)
                if m and m.end() < len(rest):
                    cut += m.end()
                    rest = line[cut:]
        if cut:
            masks.append((start, start + cut))
        if n == 0 and line.rstrip(" \t").endswith("#"):  # an ATX heading's closing run of #s
            heading_close = re.search(r"[ \t]+#+[ \t]*$", line)
            if heading_close and heading_close.start() > cut:
                masks.append((start + heading_close.start(), end))
                end = start + heading_close.start()
        spans.append(_trimmed(text, start + cut, end))
    begin = spans[0][0]
    finish = max(e for _, e in spans)
    return (begin, finish) if finish > begin else None
