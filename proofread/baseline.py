"""A baseline of known findings: record them once, then report only the new ones.

A finding is matched by its rule, its file (relative to the baseline file's folder) and its text in
context: the flagged text with up to ``CONTEXT`` characters on each side (not beyond its line),
whitespace runs folded to one space. Line numbers play no part, so edits elsewhere in the file keep the
match; the same finding twice in a file is matched twice (the baseline counts them).
"""

from __future__ import annotations

import os
from collections import Counter

VERSION = 1
CONTEXT = 20


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message is one line."""


def _relpath(path: str, base: str) -> str:
    if path == "-":
        return "-"
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def _context(text: str, start: int, end: int) -> str:
    """The flagged text with up to CONTEXT characters each side, within its own lines."""
    lo = max(text.rfind("\n", 0, start) + 1, start - CONTEXT)
    nl = text.find("\n", end)
    hi = min(len(text) if nl < 0 else nl, end + CONTEXT)
    return " ".join(text[lo:hi].split())


def fingerprints(baseline_path: str, result) -> list[tuple[str, str, str]]:
    base = os.path.dirname(os.path.abspath(baseline_path))
    rel = _relpath(result.path, base)
    out = []
    for d in result.diagnostics:
        text, base = result.excerpt.piece(d.span.start, d.span.end)
        out.append((d.code, rel, _context(text, d.span.start - base, d.span.end - base)))
    return out


def write_baseline(path: str, results) -> int:
    """Record every finding of ``results`` in ``path`` (JSON); return how many."""
    import json

    entries = []
    for result in results:
        for (rule, file, context), d in zip(fingerprints(path, result), result.diagnostics, strict=True):
            entries.append({"rule": rule, "path": file, "context": context, "message": d.message})
    entries.sort(key=lambda e: (e["path"], e["rule"], e["context"]))
    data = {"version": VERSION, "tool": "proofread", "findings": entries}
    try:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline: {(exc.strerror or str(exc)).lower()}") from None
    return len(entries)


def read_baseline(path: str) -> Counter:
    import json

    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {(exc.strerror or str(exc)).lower()}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: not a proofread baseline (invalid JSON: {exc})") from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list) or data.get("version") != VERSION:
        raise BaselineError(f"{path}: not a proofread baseline (expected {{'version': 1, 'findings': [...]}})")
    known: Counter = Counter()
    for entry in findings:
        try:
            known[(entry["rule"], entry["path"], entry["context"])] += 1
        except (KeyError, TypeError):
            raise BaselineError(f"{path}: a finding lacks rule, path or context") from None
    return known


def filter_results(path: str, results) -> list:
    """``results`` without the findings recorded in the baseline at ``path``."""
    from dataclasses import replace

    known = read_baseline(path)
    out = []
    for result in results:
        keep = []
        for key, d in zip(fingerprints(path, result), result.diagnostics, strict=True):
            if known[key] > 0:
                known[key] -= 1
            else:
                keep.append(d)
        out.append(replace(result, diagnostics=tuple(keep)) if len(keep) != len(result.diagnostics) else result)
    return out
