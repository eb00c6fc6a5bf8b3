"""CL002 trailing-blank-lines: blank lines piled up at the end of the file.

What it flags: more than one line break after the last line of text ("...in the Sahel.\\n\\n\\n\\n"),
whitespace-only lines included.

Why: pasting from web pages and editors leaves empty lines at the end; they are invisible, make noisy
diffs, and no tool expects them. A text file ends with exactly one line break.

What it leaves alone: a file ending with a single line break (or with none: that is CL003), and a file
that holds nothing but whitespace. The blank lines at the end belong to the whole file, so they are
reported even after a code block.

Fix safety: SAFE; everything after the first line break that follows the last text is deleted.
"""

from __future__ import annotations

from proofread.cleanup import eof_blank_span
from proofread.model import Edit, Fix
from proofread.rules.base import Rule


class TrailingBlankLines(Rule):
    code = "CL002"
    name = "trailing-blank-lines"
    category = "cleanup"
    examples = (
        ("The end of the article.\n\n\n\n", "The end of the article.\n"),
        ("The end of the article.\n  \n\t\n", "The end of the article.\n"),
        ("Windows line endings.\r\n\r\n\r\n", "Windows line endings.\r\n"),
        ("md:Text.\n\n```\ncode\n```\n\n\n", "md:Text.\n\n```\ncode\n```\n"),
        ("The end of the article.\n", None),
        ("First paragraph.\n\nSecond paragraph.\n", None),
    )

    def check(self, doc, ctx):
        span = eof_blank_span(doc.text)
        if span is None:
            return
        start, end = span
        lines = doc.text.count("\n", start, end) + doc.text.count("\r", start, end) - doc.text.count("\r\n", start, end)
        noun = "blank line" if lines <= 1 else "blank lines"
        fix = Fix.safe("Remove the blank lines at the end of the file", Edit(start, end, ""))
        yield self.diagnostic(f"{max(lines, 1)} {noun} at the end of the file", start, end, fix)
