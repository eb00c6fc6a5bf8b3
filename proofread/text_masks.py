"""Find the stretches inside a line of prose that are not prose: URLs, e-mail, code, markup, handles.

Shared by the plain-text and the Markdown readers; each function returns ``(start, end)`` pairs relative
to the string it is given.
"""

from __future__ import annotations

import re

# A URL ends before trailing sentence punctuation and before a closing bracket it did not open.
_URL = re.compile(r"\b(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.|mailto:)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A code span may wrap onto the next line but never crosses a blank line.
_CODE_SPAN = re.compile(r"(`+)(?!`)(?:[^`\n]|\n(?![ \t]*\n)|`(?!\1))*?(?<!`)\1(?!`)")
_HTML = re.compile(r"<!--.*?-->|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>", re.DOTALL)
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_HANDLE_OR_TAG = re.compile(r"(?<![\w&/#@])[@#][A-Za-z_][\w-]*")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);")
# Markdown link and image targets: "](url "title")" and reference labels "][label]".
_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\]")
_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")

_COMMON = (_CODE_SPAN, _URL, _EMAIL, _HTML, _TEMPLATE, _HANDLE_OR_TAG, _ENTITY)
_MARKDOWN_ONLY = (_IMAGE, _LINK_TARGET)


def inline_masks(text: str, markdown: bool) -> list[tuple[int, int]]:
    """Spans of ``text`` that are not prose, merged and sorted."""
    spans: list[tuple[int, int]] = []
    patterns = _MARKDOWN_ONLY + _COMMON if markdown else _COMMON
    for pattern in patterns:
        spans.extend(m.span() for m in pattern.finditer(text))
    return merge_spans(spans)


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
