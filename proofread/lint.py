"""Check one text: build its Document, run the chosen rules, return the diagnostics in order."""

from __future__ import annotations

import gc
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

    Python's cycle collector is paused while one text is checked. A check allocates a small object per
    word (tokens, tuples, candidates) that refer to nothing that refers back, and they all die together
    when the check ends; the collector would otherwise walk them over and over while they live (a
    tenth of the check time on the prose corpus) and find nothing. Whatever a check leaves in a cycle is
    collected as usual once the collector runs again.

    The first check of a process loads the lexicons and tables, which live as long as the process:
    when it leaves many new objects alive, they are moved out of the collector's sight (``gc.freeze``,
    once per process), where it would otherwise walk them all again at its next passes (6 ms, a
    twentieth of a run on one small file). Only once: a check also leaves some garbage cycles (about a
    thousand objects), which a freeze would keep for good.
    """
    if not gc.isenabled():
        return _check(text, path, rules, ctx, markdown)
    gc.disable()
    try:
        return _check(text, path, rules, ctx, markdown)
    finally:
        if gc.get_count()[0] > _LOADED_DATA and not gc.get_freeze_count():
            gc.freeze()
        gc.enable()


# New tracked objects a check may leave alive before they are taken for loaded data: the first check of
# a run leaves about 18 000, later ones from a few dozen to a few thousand (caches, garbage cycles).
_LOADED_DATA = 10_000


def _check(text: str, path: str, rules: Sequence[Rule], ctx: Context, markdown: bool | None) -> list[Diagnostic]:
    doc = build_document(text, path, markdown)
    is_masked = doc.is_masked if doc.masks else None
    seen: dict[tuple[int, int, str], Diagnostic] = {}
    for rule in rules:
        for diagnostic in rule.check(doc, ctx):
            span = diagnostic.span
            start, end = span.start, span.end
            if is_masked is not None and end > start and diagnostic.category != "cleanup" and is_masked(start, end):
                continue
            key = (start, end, diagnostic.code)
            if key not in seen:
                seen[key] = diagnostic
    # the key of each diagnostic is its sort key, and keys are unique
    return [seen[key] for key in sorted(seen)]
