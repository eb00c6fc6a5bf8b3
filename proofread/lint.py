"""Check one text: build its Document, run the chosen rules, return the diagnostics in order."""

from __future__ import annotations

from collections.abc import Sequence

from proofread.context import Context
from proofread.document import build_document
from proofread.model import Diagnostic
from proofread.rules.base import Rule


def check_text(
    text: str, path: str, rules: Sequence[Rule], ctx: Context, markdown: bool | None = None
) -> list[Diagnostic]:
    """Every diagnostic the rules raise on ``text``, sorted by position, one per (span, code).

    A rule never reports on masked text (code, URLs, markup): diagnostics that touch a mask are dropped
    here, so that each rule need not repeat the check.
    """
    doc = build_document(text, path, markdown)
    seen: dict[tuple[int, int, str], Diagnostic] = {}
    for rule in rules:
        for diagnostic in rule.check(doc, ctx):
            span = diagnostic.span
            if span.end > span.start and doc.is_masked(span.start, span.end) and diagnostic.category != "cleanup":
                continue
            seen.setdefault((span.start, span.end, diagnostic.code), diagnostic)
    return sorted(seen.values(), key=lambda d: d.sort_key)
