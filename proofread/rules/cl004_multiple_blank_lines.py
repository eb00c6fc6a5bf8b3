"""CL004 multiple-blank-lines: two or more blank lines in a row between lines of text.

What it flags: a run of two or more blank (empty or whitespace-only) lines inside the file, such as the
gaps that pasting from web pages leaves between paragraphs.

Why: one blank line separates paragraphs; more add nothing in plain text or Markdown (Markdown renders
them the same) and only make the source uneven.

What it leaves alone: single blank lines; blank lines inside masked text (fenced and indented code
blocks, HTML blocks, front matter), where they may be part of the content; and the blank lines at the
end of the file (CL002).

Fix safety: SAFE; the run is cut down to one blank line (the first one, kept as it is).
"""

from __future__ import annotations

from proofread.cleanup import eof_blank_span, lazy_regex, unmasked_spans
from proofread.model import Edit, Fix
from proofread.rules.base import Rule

# The line break that ends a line, then two or more blank lines (each with its own line break). Starting
# with a literal keeps the scan fast; files with old Mac line breaks (a lone CR) need the general form.
_BLANK_RUN_LF = lazy_regex(r"\n((?:[ \t]*\r?\n){2,})")
_BLANK_RUN_ANY = lazy_regex(r"(?:\r\n|\r(?!\n)|\n)((?:[ \t]*(?:\r\n|\r(?!\n)|\n)){2,})")
_BLANK_START = lazy_regex(r"(?:[ \t]*(?:\r\n|\r(?!\n)|\n)){2,}")
_BREAK = lazy_regex(r"\r\n|\r|\n")


def _blank_runs(text: str):
    """(start, end) of each run of two or more blank lines, from the start of its first line."""
    start = _BLANK_START.match(text)
    if start:
        yield start.span()
    lone_cr = "\r" in text and text.count("\r") != text.count("\r\n")
    for m in (_BLANK_RUN_ANY if lone_cr else _BLANK_RUN_LF).finditer(text, start.end() if start else 0):
        yield m.span(1)


class MultipleBlankLines(Rule):
    code = "CL004"
    name = "multiple-blank-lines"
    category = "cleanup"
    examples = (
        ("First paragraph.\n\n\n\nSecond paragraph.\n", "First paragraph.\n\nSecond paragraph.\n"),
        ("First paragraph.\r\n\r\n\r\nSecond paragraph.\r\n", "First paragraph.\r\n\r\nSecond paragraph.\r\n"),
        ("md:# Title\n\n  \n\nText.\n", "md:# Title\n\nText.\n"),
        ("First paragraph.\n\nSecond paragraph.\n", None),
        ("md:Code:\n\n```\nx = 1\n\n\n\ny = 2\n```\n", None),
        ("The end.\n\n\n", None),
    )

    def check(self, doc, ctx):
        text = doc.text
        eof = eof_blank_span(text)
        limit = eof[0] - 1 if eof else len(text) + 1
        for start, end in unmasked_spans(doc, _blank_runs(text), lambda span: span):
            if end >= limit or end == len(text):
                break
            first = _BREAK.search(text, start, end)
            keep = first.end()
            lines = len(_BREAK.findall(text, start, end))
            fix = Fix.safe("Keep one blank line", Edit(keep, end, ""))
            yield self.diagnostic(f"{lines} blank lines in a row", start, end, fix)
