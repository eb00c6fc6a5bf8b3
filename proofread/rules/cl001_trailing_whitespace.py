"""CL001 trailing-whitespace: spaces or tabs at the end of a line ("The end.   ").

What it flags: a run of spaces, tabs or no-break spaces right before a line break or the end of the file,
on a line of prose or on an otherwise blank line.

Why: trailing whitespace is invisible, is left behind by copying from web pages and word processors, and
makes noisy diffs; in Markdown it can even change the output (two spaces are a line break).

What it leaves alone: a Markdown hard line break, that is two spaces at the end of a line of a paragraph,
list item or quote whose next line belongs to the same block (three or more spaces there are cut down to
two, which keeps the break); trailing whitespace inside
masked text (fenced and indented code blocks, HTML blocks, front matter), where it may mean something;
and the blank lines at the very end of the file, which CL002 removes whole.

Fix safety: SAFE; the whitespace is deleted, nothing else changes.
"""

from __future__ import annotations

from proofread.cleanup import eof_blank_span, is_hard_break, lazy_regex, unmasked_spans
from proofread.model import Edit, Fix
from proofread.rules.base import Rule

_SPACE = " \t\u00a0\u202f\u3000"
# A line break right after whitespace; starting with a literal keeps the scan fast.
_AFTER_SPACE_LF = lazy_regex(f"\\n(?<=[{_SPACE}]\\n)")
_AFTER_SPACE_CR = lazy_regex(f"\\r(?<=[{_SPACE}]\\r)")
_RUN_BEFORE = lazy_regex(f"[{_SPACE}]+\\Z")


def _trailing_runs(text: str):
    """(start, end) of each run of whitespace before a line break or the end of the text, in order."""
    ends = [m.start() for m in _AFTER_SPACE_LF.finditer(text)]
    if "\r" in text:
        ends.extend(m.start() for m in _AFTER_SPACE_CR.finditer(text))
        ends.sort()
    if text and text[-1] in _SPACE:
        ends.append(len(text))
    for end in ends:
        run = _RUN_BEFORE.search(text, max(0, end - 200), end)
        start = run.start() if run else end - 1
        yield start, end


class TrailingWhitespace(Rule):
    code = "CL001"
    name = "trailing-whitespace"
    category = "cleanup"
    examples = (
        ("The meeting ended.   \nThe ministers left.\n", "The meeting ended.\nThe ministers left.\n"),
        ("A tab at the end\t\nof a line.\n", "A tab at the end\nof a line.\n"),
        ("First paragraph.\n  \nSecond paragraph.\n", "First paragraph.\n\nSecond paragraph.\n"),
        ("md:A paragraph ends here.  \n\nNext one.\n", "md:A paragraph ends here.\n\nNext one.\n"),
        ("md:# A heading  \n\nText.\n", "md:# A heading\n\nText.\n"),
        ("md:Roses are red,     \nviolets are blue.\n", "md:Roses are red,  \nviolets are blue.\n"),
        ("md:Roses are red,  \nviolets are blue.\n", None),
        ("md:- an item with a break  \n  and its second line\n", None),
        ("md:Code:\n\n```\nx = 1   \n```\n", None),
        ("md:Code:\n\n    x = 1   \n    y = 2\n", None),
        ("No trailing spaces here.\nNor here.\n", None),
    )

    def check(self, doc, ctx):
        eof = eof_blank_span(doc.text)
        limit = eof[0] if eof else len(doc.text) + 1
        for start, end in unmasked_spans(doc, _trailing_runs(doc.text), lambda span: span):
            if start >= limit:
                break
            if is_hard_break(doc, start, end):
                if end - start == 2:
                    continue
                # more spaces than a hard break needs: keep the break, drop the rest
                fix = Fix.safe("Keep two spaces (the hard line break)", Edit(start + 2, end, ""))
                yield self.diagnostic(f"{end - start} trailing spaces; a hard line break needs two", start, end, fix)
                continue
            fix = Fix.safe("Remove the trailing whitespace", Edit(start, end, ""))
            yield self.diagnostic("Trailing whitespace", start, end, fix)
