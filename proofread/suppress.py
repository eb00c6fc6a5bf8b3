"""Inline suppressions, in Markdown and plain text alike, and the report of those that suppress nothing.

    <!-- proofread: ignore [CODES] -->             on a line: that line's findings
    <!-- proofread: disable-next-line [CODES] -->  the next line's findings
    <!-- proofread: disable [CODES] -->            everything up to the matching enable (or the end)
    <!-- proofread: enable [CODES] -->

CODES are rule codes or prefixes, separated by spaces or commas; none means every rule. A directive in a
fenced code block, or quoted in backticks, is an example, not a directive.

The runner calls ``apply`` after ``check_text``: the suppressed findings go, and each directive (or code
in one) that suppressed nothing becomes a PR001 ``unused-suppression`` finding, when PR001 is enabled and
the code names a rule that ran.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from proofread.model import Diagnostic, Edit, Fix, Span

UNUSED_CODE = "PR001"
UNUSED_NAME = "unused-suppression"

_DIRECTIVE = re.compile(
    r"<!--[ \t]*proofread[ \t]*:[ \t]*(disable-next-line|disable|enable|ignore)\b([^>]*?)[ \t]*-->", re.IGNORECASE
)


@dataclass
class Directive:
    kind: str  # "ignore", "disable-next-line", "disable" or "enable"
    codes: tuple[str, ...]  # upper-case selectors; () means every rule
    start: int  # the comment's span in the text
    end: int
    used: set[str] = field(default_factory=set)  # selectors that suppressed something ("" for a bare directive)


@dataclass
class _Scope:
    start: int
    end: int
    codes: tuple[str, ...] | None  # None: every rule
    directive: Directive
    exceptions: tuple[str, ...] = ()


def parse(text: str, markdown: bool = False) -> list[Directive]:
    """Every directive in ``text``, in order."""
    if "proofread" not in text and "PROOFREAD" not in text.upper():
        return []
    from proofread.chunks import fenced_ranges

    fences = fenced_ranges(text) if markdown else []
    out = []
    for m in _DIRECTIVE.finditer(text):
        start = m.start()
        if start > 0 and text[start - 1] == "`":
            continue
        if any(a <= start < b for a, b in fences):
            continue
        codes = tuple(c.upper() for c in re.split(r"[\s,]+", m.group(2).strip()) if c)
        if "ALL" in codes:
            codes = ()
        out.append(Directive(m.group(1).lower(), codes, start, m.end()))
    return out


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start of the line holding ``offset`` and the start of the next line."""
    start = text.rfind("\n", 0, offset) + 1
    nl = text.find("\n", offset)
    return start, (len(text) if nl < 0 else nl + 1)


def _scopes(text: str, directives: list[Directive]) -> list[_Scope]:
    scopes: list[_Scope] = []
    open_: list[_Scope] = []
    for d in directives:
        codes = d.codes or None
        if d.kind == "ignore":
            a, b = _line_bounds(text, d.start)
            scopes.append(_Scope(a, b, codes, d))
        elif d.kind == "disable-next-line":
            _, b = _line_bounds(text, d.end)
            if b < len(text):
                scopes.append(_Scope(b, _line_bounds(text, b)[1], codes, d))
        elif d.kind == "disable":
            open_.append(_Scope(d.end, len(text), codes, d))
        else:  # enable
            still = []
            for s in open_:
                s_end = d.start
                if codes is None:
                    scopes.append(_Scope(s.start, s_end, s.codes, s.directive, s.exceptions))
                elif s.codes is None:
                    scopes.append(_Scope(s.start, s_end, None, s.directive, s.exceptions))
                    still.append(_Scope(d.end, len(text), None, s.directive, s.exceptions + codes))
                else:
                    left = tuple(c for c in s.codes if c not in codes)
                    if len(left) == len(s.codes):
                        still.append(s)
                        continue
                    scopes.append(_Scope(s.start, s_end, s.codes, s.directive, s.exceptions))
                    if left:
                        still.append(_Scope(d.end, len(text), left, s.directive, s.exceptions))
            open_ = still
    scopes.extend(open_)
    return scopes


def apply(
    text: str, diagnostics: list[Diagnostic], directives: list[Directive], enabled: tuple[str, ...] = ()
) -> list[Diagnostic]:
    """The diagnostics no directive suppresses, plus PR001 findings for unused directives when PR001 is enabled.

    ``enabled`` lists the codes that ran; a directive naming only rules that did not run is not reported.
    """
    if not directives:
        return diagnostics
    scopes = _scopes(text, directives)
    kept = []
    for diag in diagnostics:
        at = diag.span.start
        suppressed = False
        for s in scopes:
            if not (s.start <= at < s.end) or any(diag.code.startswith(e) for e in s.exceptions):
                continue
            if s.codes is None:
                s.directive.used.add("")
                suppressed = True
            else:
                for c in s.codes:
                    if diag.code.startswith(c):
                        s.directive.used.add(c)
                        suppressed = True
        if not suppressed:
            kept.append(diag)
    if UNUSED_CODE in enabled:
        kept.extend(unused(text, directives, enabled))
        kept.sort(key=lambda d: d.sort_key)
    return kept


def unused(text: str, directives: list[Directive], enabled: tuple[str, ...]) -> list[Diagnostic]:
    """PR001 findings: directives, or codes in them, that suppressed nothing this run."""
    from proofread.config import known_selectors

    known = None
    out = []
    for d in directives:
        if d.kind == "enable":
            continue
        if not d.codes:
            if "" not in d.used:
                out.append(_unused_diag(text, d, (), "Unused suppression: no finding to suppress"))
            continue
        if known is None:
            known = known_selectors()
        unknown = [c for c in d.codes if c not in known]
        idle = [
            c
            for c in d.codes
            if c in known and c not in d.used and any(e.startswith(c) for e in enabled if e != UNUSED_CODE)
        ]
        if unknown:
            out.append(_unused_diag(text, d, tuple(unknown), f"Unknown rule code in suppression: {', '.join(unknown)}"))
        if idle:
            out.append(
                _unused_diag(text, d, tuple(idle), f"Unused suppression of {', '.join(idle)}: nothing to suppress")
            )
    return out


def _unused_diag(text: str, d: Directive, codes: tuple[str, ...], message: str) -> Diagnostic:
    return Diagnostic(UNUSED_CODE, UNUSED_NAME, "cleanup", message, Span(d.start, d.end), _removal(text, d, codes))


def _removal(text: str, d: Directive, codes: tuple[str, ...]) -> Fix:
    """Remove the unused codes from the directive, or the whole directive when nothing is left of it."""
    left = [c for c in d.codes if c not in codes] if codes else []
    if left:
        comment = f"<!-- proofread: {d.kind} {' '.join(left)} -->"
        return Fix.safe("Remove the unused codes", Edit(d.start, d.end, comment))
    a, b = _line_bounds(text, d.start)
    if text[a : d.start].strip() == "" and text[d.end : b].strip() == "":
        return Fix.safe("Remove the unused suppression", Edit(a, b, ""))
    start, end = d.start, d.end
    if start > a and text[start - 1] == " ":
        start -= 1
    return Fix.safe("Remove the unused suppression", Edit(start, end, ""))
