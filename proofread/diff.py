"""Unified diff of a file before and after its fixes, for ``--diff``."""

from __future__ import annotations

import difflib


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff in the usual form; a last line without a newline is marked the way git marks it."""
    old = before.splitlines(keepends=True)
    new = after.splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(old, new, f"a/{path}", f"b/{path}"):
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        lines.append(line)
    return "".join(lines)
