"""Paths as CI reports want them: relative to the current folder, with forward slashes."""

from __future__ import annotations

import os


def relative(path: str) -> str:
    """``path`` relative to the current folder when it lies inside it, else absolute; forward slashes."""
    if path == "-":
        return "-"
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute)
    except ValueError:  # another drive on Windows
        rel = absolute
    if rel.startswith(".."):
        rel = absolute
    return rel.replace(os.sep, "/")


def rule_catalogue() -> list[tuple[str, str, str, str]]:
    """(code, name, category, one-line description) of every rule and of proofread's own codes."""
    import sys

    from proofread.config import INTERNAL_CODES
    from proofread.rules import all_rules

    out = []
    for rule in all_rules():
        doc = (sys.modules[rule.__module__].__doc__ or "").strip().splitlines()
        out.append((rule.code, rule.name, rule.category, _sentence(doc[0] if doc else rule.name, rule.code, rule.name)))
    for code, (name, category, description) in INTERNAL_CODES.items():
        out.append((code, name, category, _sentence(description, code, name)))
    return out


def _sentence(line: str, code: str, name: str) -> str:
    """A docstring's first line without its "CODE name:" lead, starting with a capital."""
    lead = f"{code} {name}:"
    if line.startswith(lead):
        line = line[len(lead) :].strip()
    return line[:1].upper() + line[1:]
