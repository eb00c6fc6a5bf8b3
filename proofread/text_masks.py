"""Find the stretches inside a line of prose that are not prose: URLs, e-mail, code, markup, handles.

Shared by the plain-text and the Markdown readers; each function returns ``(start, end)`` pairs relative
to the string it is given.
"""

from __future__ import annotations

import re

# A URL ends before trailing sentence punctuation and before a closing bracket it did not open.
_URL = (r"\b(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.|mailto:)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}]", 0)
_EMAIL = (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", 0)
# A code span may wrap onto the next line but never crosses a blank line.
_CODE_SPAN = (r"(`+)(?!`)(?:[^`\n]|\n(?![ \t]*\n)|`(?!\1))*?(?<!`)\1(?!`)", 0)
_HTML = (r"<!--.*?-->|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>", re.DOTALL)
_TEMPLATE = (r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_HANDLE_OR_TAG = (r"(?<![\w&/#@])[@#][A-Za-z_][\w-]*", 0)
_ENTITY = (r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);", 0)
# Markdown link and image targets: "](url "title")" and reference labels "][label]".
_LINK_TARGET = (r"\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\]", 0)
_IMAGE = (r"!\[[^\]]*\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)", 0)

# The patterns are (source, flags) pairs, compiled on first use: a run on a few clean files needs only
# some of them, and start-up time counts (a pre-commit hook).
_COMPILED: dict[tuple[str, int], re.Pattern[str]] = {}


def _compiled(pattern: tuple[str, int]) -> re.Pattern[str]:
    compiled = _COMPILED.get(pattern)
    if compiled is None:
        compiled = _COMPILED[pattern] = re.compile(*pattern)
    return compiled


# Each pattern with the strings one of which every match of it holds. A text that holds none of them
# cannot match, and the patterns that never cross a line break run only on the lines that hold one:
# scanning all of a text with _URL, _EMAIL or _HANDLE_OR_TAG costs about 0.1 s per 5 MB (they try a
# match at every word), while most texts hold no "@", "#" or "://" at all.
_ONE_LINE = "line"
_ANY = "text"
_COMMON = (
    (_CODE_SPAN, ("`",), _ANY),
    (_URL, ("://", "www.", "mailto:"), _ONE_LINE),
    (_EMAIL, ("@",), _ONE_LINE),
    (_HTML, ("<",), _ANY),
    (_TEMPLATE, ("{{", "{%"), _ANY),
    (_HANDLE_OR_TAG, ("@", "#"), _ONE_LINE),
    (_ENTITY, ("&",), _ANY),
)
_MARKDOWN_ONLY = (
    (_IMAGE, ("![",), _ANY),
    (_LINK_TARGET, ("](", "]["), _ANY),
)


def inline_masks(text: str, markdown: bool) -> list[tuple[int, int]]:
    """Spans of ``text`` that are not prose, merged and sorted."""
    spans: list[tuple[int, int]] = []
    patterns = _MARKDOWN_ONLY + _COMMON if markdown else _COMMON
    for source, needles, reach in patterns:
        if not any(needle in text for needle in needles):
            continue
        pattern = _compiled(source)
        if reach is _ANY:
            spans.extend(m.span() for m in pattern.finditer(text))
            continue
        for start, end in _lines_holding(text, needles):
            spans.extend(m.span() for m in pattern.finditer(text, start, end))
    return merge_spans(spans)


def _lines_holding(text: str, needles: tuple[str, ...]) -> list[tuple[int, int]]:
    """The (start, end) of every line (without its line break) that holds one of ``needles``, in order.

    A pattern that cannot match across a line break finds the same matches on these lines, one at a
    time, as on the whole text: each match lies inside one line and holds a needle.
    """
    found: set[tuple[int, int]] = set()
    for needle in needles:
        i = text.find(needle)
        while i >= 0:
            start = text.rfind("\n", 0, i) + 1
            end = text.find("\n", i)
            if end < 0:
                end = len(text)
            found.add((start, end))
            i = text.find(needle, end)
    return sorted(found)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and merge the ones that overlap or touch."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
