"""Read the block structure of a Markdown document without importing markdown-it (the start-up fast path).

``parse`` returns the block token stream that markdown-it-py's CommonMark parser with GFM tables
(``MarkdownIt("commonmark").enable("table")``) gives for the same text: each token's type, line range
(``map``) and ``markup``. Only the block structure is read; inline content is never parsed.

The parser is deliberately conservative. Whenever a document holds a construct whose reading is subtle
(lazy continuation lines of a block quote, tabs in indentation, list items that open with a blank line
or with indented code, multi-line link reference definitions, deep nesting...), ``parse`` returns None
and the caller falls back to markdown-it. tests/test_markdown_blocks.py checks, document by document,
that every stream this module returns equals markdown-it's. On the Markdown corpora (/work/shared and
outside files) it reads 98-99% of the files; it is about five times as fast as markdown-it's block
parse.

Lines are read through *views*: the lines a container (the document, a list item, a block quote) holds,
with the container's own markers and indentation cut off, and the number of the view's first line.
"""

from __future__ import annotations

import re

_MAX_DEPTH = 8  # containers nested deeper than this are left to markdown-it
_MAX_LAZY_LINES = 64  # lazy continuation lines one list item may take before it is left to markdown-it

# What a view may leave open at its end, for a following less-indented line to continue lazily.
_CLOSED, _OPEN_PARAGRAPH, _OPEN_OTHER = 0, 1, 2  # _OPEN_OTHER: a block quote or a reference definition

# A lazy continuation line, once a list item has taken it, is passed down to the item's view marked with
# this prefix. markdown-it replaces NUL characters before parsing, and so does ``parse``: no line of the
# text can start with one.
_LAZY = "\0"

# The characters JavaScript's String.prototype.trim removes (markdown-it trims table cells with them).
_TRIM_CHARS = "\t\n\v\f\r \xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))

_HTML_BLOCK_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|"
    "dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|"
    "html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|"
    "summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
# The CommonMark grammar of an HTML open tag and closing tag (spec section 6.6).
_ATTRIBUTE = r"""(?:\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\s*=\s*(?:[^"'=<>`\x00-\x20]+|'[^']*'|"[^"]*"))?)"""
_OPEN_OR_CLOSING_TAG = rf"(?:<[A-Za-z][A-Za-z0-9-]*{_ATTRIBUTE}*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$"

# The seven kinds of HTML block: (how it starts, how it ends or None for "at a blank line",
# whether it may interrupt a paragraph). Compiled on first use.
_HTML_KIND_SOURCES = (
    (r"<(?a:script|pre|style|textarea)(?=\s|>|$)", r"</(?a:script|pre|style|textarea)>", re.I, True),
    (r"<!--", r"-->", 0, True),
    (r"<\?", r"\?>", 0, True),
    (r"<![A-Za-z]", r">", 0, True),
    (r"<!\[CDATA\[", r"\]\]>", 0, True),
    (rf"</?(?a:{_HTML_BLOCK_NAMES})(?=\s|/?>|$)", None, re.I, True),
    (_OPEN_OR_CLOSING_TAG, None, 0, False),
)
_html_kinds: list[tuple[re.Pattern, re.Pattern | None, bool]] = []

# A link reference definition that fits on one line: [label]: destination "optional title".
_REFERENCE_SOURCE = (
    r"\[(?:[^\[\]\\]|\\.){1,999}\]:[ \t]*(?:<[^<>\\]*>|[^\s<()\\][^\s()\\]*)"
    r"""(?:[ \t]+(?:"[^"\\]*"|'[^'\\]*'|\([^()\\]*\)))?[ \t]*$"""
)
# A line that looks like one but is not, since text follows its destination: "[^1]: A footnote."
_NOT_REFERENCE_SOURCE = r"""\[(?:[^\[\]\\]|\\.){1,999}\]:[ \t]*[^\s<()\\][^\s()\\]*[ \t]+[^\s"'(]"""
_reference: list[re.Pattern] = []  # the two patterns above, compiled on first use


class Unsupported(Exception):
    """The document holds a construct this parser leaves to markdown-it."""


class BlockToken:
    """One token of the stream: its type, its [first, end) line range or None, and its markup."""

    __slots__ = ("type", "map", "markup")

    def __init__(self, type: str, map: list[int] | None, markup: str = "") -> None:
        self.type = type
        self.map = map
        self.markup = markup

    def __repr__(self) -> str:
        return f"BlockToken({self.type!r}, {self.map!r}, {self.markup!r})"


def parse(text: str) -> list[BlockToken] | None:
    """The block tokens of ``text``, or None when the text should be left to markdown-it."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:  # a lone carriage return is a line break for markdown-it
            return None
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    lines = text.split("\n")
    if text.endswith("\n") or not text:
        lines.pop()
    elif not lines[-1].strip(" \t>"):
        return None  # a last line with no line break after it, blank once its quote markers are cut
    out: list[BlockToken] = []
    try:
        _parse_view(lines, 0, out, 0)
    except Unsupported:
        return None
    return out


# --- small line tests -------------------------------------------------------------------------------


def _is_blank(line: str) -> bool:
    return not line.strip(" \t")


def _indent(line: str) -> int:
    """The number of spaces before the line's first character; tabs there are left to markdown-it."""
    body = line.lstrip(" \t")
    size = len(line) - len(body)
    if "\t" in line[:size]:
        raise Unsupported("tab in indentation")
    return size


def _fence_opening(body: str) -> str | None:
    """The fence run (``` or ~~~ and longer) when ``body`` opens a fenced code block."""
    marker = body[:1]
    if marker not in ("`", "~"):
        return None
    run = len(body) - len(body.lstrip(marker))
    if run < 3 or (marker == "`" and "`" in body[run:]):
        return None
    return body[:run]


def _hr_count(body: str) -> int:
    """How many marker characters a thematic break (---, ***, ___) holds; 0 when ``body`` is not one."""
    marker = body[:1]
    if marker not in ("*", "-", "_"):
        return 0
    count = body.count(marker)
    if count < 3 or body.replace(marker, "").strip(" \t"):
        return 0
    return count


def _list_marker(body: str) -> tuple[bool, str, int, int] | None:
    """(ordered, marker character, marker length, number) of a list item marker opening ``body``."""
    first = body[:1]
    if first in ("-", "*", "+"):
        if len(body) > 1 and body[1] not in " \t":
            return None
        return False, first, 1, 0
    digits = 0
    while digits < len(body) and "0" <= body[digits] <= "9":
        digits += 1
    if not 1 <= digits <= 9 or digits + 1 > len(body) or body[digits] not in ".)":
        return None
    if len(body) > digits + 1 and body[digits + 1] not in " \t":
        return None
    return True, body[digits], digits + 1, int(body[:digits])


def _atx_level(body: str) -> int:
    """The level of an ATX heading (# to ######) opening ``body``; 0 when it is not one."""
    level = len(body) - len(body.lstrip("#"))
    if not 1 <= level <= 6 or (len(body) > level and body[level] not in " \t"):
        return 0
    return level


def _setext_marker(body: str) -> str | None:
    """'=' or '-' when ``body`` is a setext heading underline."""
    marker = body[:1]
    if marker in ("=", "-") and not body.rstrip(" \t").strip(marker):
        return marker
    return None


def _html_kind(body: str) -> tuple[re.Pattern | None, bool] | None:
    """(end pattern or None for a blank line, can interrupt a paragraph) of an HTML block start."""
    if not body.startswith("<"):
        return None
    if not _html_kinds:
        for start, end, flags, interrupts in _HTML_KIND_SOURCES:
            _html_kinds.append((re.compile(start, flags), re.compile(end, flags) if end else None, interrupts))
    for start, end, interrupts in _html_kinds:
        if start.match(body):
            return end, interrupts
    return None


def _html_interrupts(body: str) -> bool:
    """True when ``body`` opens an HTML block of a kind that may interrupt a paragraph (1 to 6)."""
    kind = _html_kind(body) if body.startswith("<") else None
    return bool(kind and kind[1])


def _table_columns(lines: list[str], i: int) -> int:
    """The number of columns of a GFM table whose header row is line ``i``; 0 when no table starts."""
    if i + 1 >= len(lines):
        return 0
    delimiter = lines[i + 1]
    if _is_blank(delimiter):
        return 0
    if _indent(delimiter) >= 4:
        return 0
    row = delimiter.lstrip(" ")
    if len(row) < 2 or row[0] not in "|-:" or row[1] not in "|-: \t" or (row[0] == "-" and row[1] in " \t"):
        return 0
    if row.strip("|-: \t"):
        return 0
    cells = row.split("|")
    aligns = 0
    for n, cell in enumerate(cells):
        cell = cell.strip(_TRIM_CHARS)
        if not cell:
            if n in (0, len(cells) - 1):
                continue
            return 0
        if not _is_delimiter_cell(cell):
            return 0
        aligns += 1
    header = lines[i].strip(_TRIM_CHARS)
    if "|" not in header or _indent(lines[i]) >= 4:
        return 0
    return aligns if aligns and _header_cells(header) == aligns else 0


def _is_delimiter_cell(cell: str) -> bool:
    """True for a delimiter row cell: dashes with an optional colon at either end (---, :--, --:, :-:)."""
    core = cell[1:] if cell.startswith(":") else cell
    core = core[:-1] if core.endswith(":") else core
    return bool(core) and not core.strip("-")


def _header_cells(row: str) -> int:
    """How many cells a trimmed table row splits into at its unescaped pipes."""
    pipes = [n for n, ch in enumerate(row) if ch == "|" and (n == 0 or row[n - 1] != "\\")]
    cells = len(pipes) + 1
    if pipes and pipes[0] == 0:
        cells -= 1
    if pipes and pipes[-1] == len(row) - 1 and cells:
        cells -= 1
    return cells


# --- the view parser --------------------------------------------------------------------------------


def _parse_view(lines: list[str], first: int, out: list[BlockToken], depth: int) -> int:
    """Append the tokens of the blocks in ``lines`` (line numbers from ``first``) to ``out``.

    Returns what the view leaves open at its end (_OPEN_PARAGRAPH, _OPEN_OTHER or _CLOSED), which a
    following less-indented line could continue lazily.
    """
    if depth > _MAX_DEPTH:
        raise Unsupported("nested too deep")
    count = len(lines)
    i = 0
    open_end = _CLOSED
    while i < count:
        line = lines[i]
        if _is_blank(line):
            i += 1
            continue
        if line.startswith(_LAZY):
            raise Unsupported("a lazy line that opens a block")  # never expected: a safety net
        open_end = _CLOSED
        indent = _indent(line)
        if indent >= 4:
            i = _code_block(lines, i, first, out)
            continue
        body = line[indent:]
        columns = _table_columns(lines, i) if "|" in body else 0
        if columns:
            i = _table(lines, i, first, columns, out)
        elif _fence_opening(body):
            i = _fence(lines, i, first, body, out)
        elif body[0] == ">":
            i, open_end = _blockquote(lines, i, first, out, depth)
        elif _hr_count(body):
            out.append(BlockToken("hr", [first + i, first + i + 1], body[0] * (_hr_count(body) + 1)))
            i += 1
        elif _list_marker(body):
            i, open_end = _list(lines, i, first, out, depth)
        elif body[0] == "[" and _is_reference(lines, i, body):
            i += 1
            open_end = _OPEN_OTHER if i == count else _CLOSED  # its title could follow on the next line
        elif body[0] == "<" and _html_kind(body):
            i = _html_block(lines, i, first, body, out)
        elif _atx_level(body):
            level = _atx_level(body)
            span = [first + i, first + i + 1]
            out += (
                BlockToken("heading_open", span, "#" * level),
                BlockToken("inline", list(span)),
                BlockToken("heading_close", None, "#" * level),
            )
            i += 1
        else:
            i, open_end = _paragraph(lines, i, first, out)
    return open_end


def _code_block(lines: list[str], i: int, first: int, out: list[BlockToken]) -> int:
    last = i + 1
    for j in range(i + 1, len(lines)):
        if _is_blank(lines[j]):
            continue
        if _indent(lines[j]) < 4:
            break
        last = j + 1
    out.append(BlockToken("code_block", [first + i, first + last]))
    return last


def _fence(lines: list[str], i: int, first: int, body: str, out: list[BlockToken]) -> int:
    opening = _fence_opening(body)
    marker = opening[0]
    end = len(lines)
    for j in range(i + 1, len(lines)):
        candidate = lines[j].lstrip(" \t")
        if not candidate.startswith(marker):
            continue
        if _indent(lines[j]) >= 4:
            continue
        run = len(candidate) - len(candidate.lstrip(marker))
        if run >= len(opening) and not candidate[run:].strip(" \t"):
            end = j + 1
            break
    out.append(BlockToken("fence", [first + i, first + end], opening))
    return end


def _html_block(lines: list[str], i: int, first: int, body: str, out: list[BlockToken]) -> int:
    end_pattern, _ = _html_kind(body)
    end = len(lines)
    if end_pattern is None:
        for j in range(i + 1, len(lines)):
            if _is_blank(lines[j]):
                end = j
                break
    elif end_pattern.search(body):
        end = i + 1
    else:
        for j in range(i + 1, len(lines)):
            if end_pattern.search(lines[j]):
                end = j + 1
                break
    out.append(BlockToken("html_block", [first + i, first + end]))
    return end


def _is_reference(lines: list[str], i: int, body: str) -> bool:
    """True when line ``i`` is a one-line link reference definition (which makes no token)."""
    close = 0
    while True:
        close = body.find("]", close + 1)
        if close < 0 or body[close - 1] != "\\":
            break
    if close < 0:
        # a label may run on over lines: leave such a paragraph to markdown-it
        for line in lines[i + 1 :]:
            if _is_blank(line):
                break
            if "]:" in line:
                raise Unsupported("reference label over lines")
        return False
    if body[close + 1 : close + 2] != ":":
        return False
    if not _reference:
        _reference.append(re.compile(_REFERENCE_SOURCE))
        _reference.append(re.compile(_NOT_REFERENCE_SOURCE))
    if _reference[1].match(body):
        return False
    match = _reference[0].match(body)
    if not match or not body[1:close].strip():  # a blank label (Unicode spaces too) is no label
        raise Unsupported("link reference definition")
    destination = body[close + 2 :].lstrip(" \t<").lower()
    if destination.startswith(("javascript:", "vbscript:", "file:", "data:")):
        raise Unsupported("link destination markdown-it refuses")
    if i + 1 < len(lines) and lines[i + 1].lstrip(" \t")[:1] in ('"', "'", "("):
        raise Unsupported("reference title on the next line")
    return True


def _interrupts_paragraph(lines: list[str], j: int, body: str) -> bool:
    """True when line ``j`` (less than 4 spaces in) ends the paragraph above it by starting a block."""
    if "|" in body and _table_columns(lines, j):
        return True
    if _fence_opening(body) or body[0] == ">" or _hr_count(body) or _atx_level(body):
        return True
    marker = _list_marker(body)
    if marker:
        ordered, _, size, number = marker
        return (not ordered or number == 1) and not _is_blank(body[size:])
    return _html_interrupts(body)


def _paragraph(lines: list[str], i: int, first: int, out: list[BlockToken]) -> tuple[int, int]:
    """A paragraph or a setext heading from line ``i``; returns the next line and whether it is open."""
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if line.startswith(_LAZY):  # a lazy continuation line (see _list_item)
            j += 1
            continue
        if _is_blank(line):
            break
        indent = _indent(line)
        if indent < 4:
            body = line[indent:]
            marker = _setext_marker(body)
            if marker:
                out += (
                    BlockToken("heading_open", [first + i, first + j + 1], marker),
                    BlockToken("inline", [first + i, first + j]),
                    BlockToken("heading_close", None, marker),
                )
                return j + 1, _CLOSED
            if _interrupts_paragraph(lines, j, body):
                break
        j += 1
    out += (
        BlockToken("paragraph_open", [first + i, first + j]),
        BlockToken("inline", [first + i, first + j]),
        BlockToken("paragraph_close", None),
    )
    return j, _OPEN_PARAGRAPH if j == len(lines) else _CLOSED


def _table(lines: list[str], i: int, first: int, columns: int, out: list[BlockToken]) -> int:
    out.append(table := BlockToken("table_open", [first + i, 0]))
    head = [first + i, first + i + 1]
    out += (BlockToken("thead_open", head), BlockToken("tr_open", list(head)))
    for _ in range(columns):
        out += (BlockToken("th_open", None), BlockToken("inline", list(head)), BlockToken("th_close", None))
    out += (BlockToken("tr_close", None), BlockToken("thead_close", None))
    j = i + 2
    body = None
    while j < len(lines):
        line = lines[j]
        if _is_blank(line):
            break
        indent = _indent(line)
        if _starts_block(line[indent:]) or not line.strip(_TRIM_CHARS) or indent >= 4:
            break  # a block start, a line of Unicode spaces only, or indented code
        if body is None:
            out.append(body := BlockToken("tbody_open", [first + j, 0]))
        row = [first + j, first + j + 1]
        out.append(BlockToken("tr_open", row))
        for _ in range(columns):
            out += (BlockToken("td_open", None), BlockToken("inline", list(row)), BlockToken("td_close", None))
        out.append(BlockToken("tr_close", None))
        j += 1
    if body is not None:
        body.map[1] = first + j
        out.append(BlockToken("tbody_close", None))
    out.append(BlockToken("table_close", None))
    table.map[1] = first + j
    return j


def _starts_block(body: str) -> bool:
    """True when a line starts a block whatever precedes it (a fence, quote, rule, list item, HTML block
    of kinds 1 to 6, heading): such a line ends a table body, or a paragraph it would continue lazily."""
    return _is_clear_terminator(body) or _html_interrupts(body)


def _is_clear_terminator(body: str) -> bool:
    """True when a line that follows an open paragraph or quote at a smaller indent starts a block."""
    return bool(_fence_opening(body) or body[0] == ">" or _hr_count(body) or _list_marker(body) or _atx_level(body))


def _check_not_lazy(lines: list[str], stop: int) -> None:
    """Line ``stop`` follows an open quote or reference definition at a smaller indent: it must start a
    block (a lazy continuation of those is left to markdown-it)."""
    line = lines[stop]
    indent = _indent(line)
    if indent >= 4 or not _is_clear_terminator(line[indent:]):
        raise Unsupported("lazy continuation line")


def _blockquote(lines: list[str], i: int, first: int, out: list[BlockToken], depth: int) -> tuple[int, int]:
    inner: list[str] = []
    last_empty = False
    j = i
    while j < len(lines):
        line = lines[j]
        if _is_blank(line):
            break
        indent = _indent(line)
        body = line[indent:]
        if body[0] != ">":
            if last_empty:
                break
            raise Unsupported("lazy continuation line in a block quote")
        if indent >= 4 and j > i:
            raise Unsupported("indented block quote marker")
        rest = body[1:]
        if rest[:1] == "\t":
            raise Unsupported("tab after a block quote marker")
        if rest[:1] == " ":
            rest = rest[1:]
        inner.append(rest)
        last_empty = _is_blank(rest)
        j += 1
    trailing_blank = len(inner) - len("\n".join(inner).rstrip(" \t\n").split("\n"))
    if all(_is_blank(line) for line in inner) or trailing_blank >= 2:
        # markdown-it's line range then runs on past the quote's end
        raise Unsupported("block quote ending in blank lines")
    quote = BlockToken("blockquote_open", [first + i, first + j], ">")
    out.append(quote)
    _parse_view(inner, first + i, out, depth + 1)
    out.append(BlockToken("blockquote_close", None, ">"))
    return j, _OPEN_OTHER if j == len(lines) and not last_empty else _CLOSED


def _list(lines: list[str], i: int, first: int, out: list[BlockToken], depth: int) -> tuple[int, int]:
    indent = _indent(lines[i])
    ordered, char, _, _ = _list_marker(lines[i][indent:])
    kind = "ordered_list" if ordered else "bullet_list"
    out.append(start := BlockToken(kind + "_open", [first + i, 0], char))
    while True:
        item, stop = _list_item(lines, i, depth)
        out.append(BlockToken("list_item_open", [first + i, first + stop], char))
        item_open = _parse_view(item, first + i, out, depth + 1)
        out.append(BlockToken("list_item_close", None, char))
        if stop == len(lines):
            break
        if item_open == _OPEN_OTHER:
            _check_not_lazy(lines, stop)
        following = lines[stop]
        indent = _indent(following)
        if indent >= 4:
            break
        body = following[indent:]
        if _fence_opening(body) or body[0] == ">" or _hr_count(body):
            break
        marker = _list_marker(body)
        if not marker or marker[0] != ordered or marker[1] != char:
            break
        i = stop
    start.map[1] = first + stop
    out.append(BlockToken(kind + "_close", None, char))
    return stop, item_open if stop == len(lines) else _CLOSED


def _list_item(lines: list[str], i: int, depth: int) -> tuple[list[str], int]:
    """The view of the list item whose marker opens line ``i``, and the line after the item.

    The item holds the lines indented past its marker, the blank lines among them, and the lazy
    continuation lines of a paragraph it leaves open (marked with _LAZY).
    """
    line = lines[i]
    indent = _indent(line)
    size = _list_marker(line[indent:])[2]
    rest = line[indent + size :]
    content = rest.lstrip(" ")
    if _is_blank(rest) or content.startswith("\t"):
        raise Unsupported("list item opening with a blank line or a tab")
    spaces = len(rest) - len(content)
    if spaces > 4:
        raise Unsupported("list item opening with indented code")
    width = indent + size + spaces
    item = [content]
    stop = i + 1
    for _ in range(_MAX_LAZY_LINES + 1):
        while stop < len(lines):
            line = lines[stop]
            if _is_blank(line):
                item.append("")
            elif not line.startswith(_LAZY) and _indent(line) >= width:
                item.append(line[width:])
            else:
                break
            stop += 1
        if stop == len(lines) or not _continues_lazily(lines[stop], item, depth):
            return item, stop
        line = lines[stop]
        item.append(line if line.startswith(_LAZY) else _LAZY + line.lstrip(" "))
        stop += 1
    raise Unsupported("too many lazy continuation lines")


def _continues_lazily(line: str, item: list[str], depth: int) -> bool:
    """True when ``line``, less indented than the list item ``item`` above it, continues the paragraph
    the item leaves open (a lazy continuation line); False when it is outside the item."""
    if not line.startswith(_LAZY):
        indent = _indent(line)
        body = line[indent:]
        # (4 or more spaces in, no list marker ends the paragraph: markdown-it's list rule declines)
        if indent < 4 and _starts_block(body):
            return False
    # Right after a lazy line the paragraph is still open; else a trial parse (its tokens dropped) tells.
    if not item[-1].startswith(_LAZY) and _parse_view(item, 0, [], depth + 1) != _OPEN_PARAGRAPH:
        if line.startswith(_LAZY):
            raise Unsupported("a lazy line after a closed item")  # never expected: a safety net
        return False
    if not line.startswith(_LAZY) and (indent >= 4 or "|" in body):
        # as indented as code, or a possible table header: left to markdown-it
        raise Unsupported("lazy continuation line")
    return True
