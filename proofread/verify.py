"""Check that fixes leave a Markdown document's block structure alone.

A fix edits prose: a letter's case, a space, a word. It must never turn a paragraph into a heading, end
a list, open a code block or move a table cell. ``same_markdown_structure`` parses both texts with the
same parser the document model uses (CommonMark with tables) and compares the block tokens: their
types, tags, nesting and levels, and whether they are hidden (a tight list's paragraphs).
"""

from __future__ import annotations

from collections.abc import Callable

BlockShape = tuple[str, str, int, int, bool]

_PARSER = None


def _parser():
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark").enable("table")
    return _PARSER


def block_structure(text: str) -> list[BlockShape]:
    """The block tokens of ``text`` as (type, tag, nesting, level, hidden), in document order."""
    return [(t.type, t.tag, t.nesting, t.level, t.hidden) for t in _parser().parse(text)]


def structure_difference(before: str, after: str) -> str | None:
    """None when both texts have the same block structure, else a short description of the first change."""
    old, new = block_structure(before), block_structure(after)
    if old == new:
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
    """True when ``after`` has the same Markdown block structure as ``before``."""
    return block_structure(before) == block_structure(after)


def verifier_for(path: str, markdown: bool | None = None) -> Callable[[str, str], bool] | None:
    """The check that a file's fixes must pass: Markdown structure for Markdown files, else none."""
    from proofread.document import is_markdown_path

    if markdown is None:
        markdown = is_markdown_path(path)
    return same_markdown_structure if markdown else None
