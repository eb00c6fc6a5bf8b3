"""Check that fixes leave a Markdown document's block structure alone.

A fix edits prose: a letter's case, a space, a word. It must never turn a paragraph into a heading, end
a list, open a code block or move a table cell. ``same_markdown_structure`` parses both texts with the
same parser the document model uses (CommonMark with tables) and compares the block tokens: their
types, tags, nesting and levels, and whether they are hidden (a tight list's paragraphs).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

BlockShape = tuple[str, str, int, int, bool]

_PARSER = None


def _parser():
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark").enable("table")
    return _PARSER


def block_structure(text: str, skip_invisible: bool = False) -> list[BlockShape]:
    """The block tokens of ``text`` as (type, tag, nesting, level, hidden), in document order.

    With ``skip_invisible``, a paragraph with nothing visible in it (only control or format characters,
    such as a stray zero-width space) is left out: deleting those characters removes the paragraph
    without changing what a reader sees, so it is not a change of structure.
    """
    return _shapes(_parser().parse(text), skip_invisible)


def _shapes(tokens, skip_invisible: bool) -> list[BlockShape]:
    shapes: list[BlockShape] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if (
            skip_invisible
            and t.type == "paragraph_open"
            and i + 2 < len(tokens)
            and tokens[i + 2].type == "paragraph_close"
            and _invisible(tokens[i + 1].content)
        ):
            i += 3
            continue
        shapes.append((t.type, t.tag, t.nesting, t.level, t.hidden))
        i += 1
    return shapes


def _invisible(content: str) -> bool:
    return all(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in content)


def structure_difference(before: str, after: str) -> str | None:
    """None when both texts have the same block structure, else a short description of the first change."""
    parse = _parser().parse
    before_tokens, after_tokens = parse(before), parse(after)
    old, new = _shapes(before_tokens, False), _shapes(after_tokens, False)
    if old == new or _shapes(before_tokens, True) == _shapes(after_tokens, True):
        return None
    for index, (a, b) in enumerate(zip(old, new, strict=False)):
        if a != b:
            return f"block token {index + 1} was {_describe(a)} and became {_describe(b)}"
    if len(old) > len(new):
        return f"block token {len(new) + 1} ({_describe(old[len(new)])}) disappeared"
    return f"a new block token {len(old) + 1} ({_describe(new[len(old)])}) appeared"


def _describe(shape: BlockShape) -> str:
    kind, tag, _, level, _ = shape
    return f"{kind}{f' <{tag}>' if tag else ''} at depth {level}"


def same_markdown_structure(before: str, after: str) -> bool:
    """True when ``after`` has the same Markdown block structure as ``before``.

    The structures are compared as they are, and again without paragraphs that hold nothing visible.
    """
    return structure_difference(before, after) is None


def verifier_for(path: str, markdown: bool | None = None) -> Callable[[str, str], bool] | None:
    """The check that a file's fixes must pass: Markdown structure for Markdown files, else none."""
    from proofread.document import is_markdown_path

    if markdown is None:
        markdown = is_markdown_path(path)
    return same_markdown_structure if markdown else None
