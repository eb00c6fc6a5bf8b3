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

Fix safety: SAFE; the whitespace is deleted, nothing else changes. In Markdown a line made only of
whitespace with a no-break space in it is a line of text, not a blank line: inside a paragraph the whole
line is deleted (emptying it would split the paragraph); elsewhere the fix is UNSAFE.
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


def _is_blank_line(line: str) -> bool:
    """Blank as CommonMark sees it: nothing but spaces and tabs (a no-break space is content)."""
    return not line.strip(" \t\r\n")


def _markdown_whitespace_line_fix(text: str, start: int, end: int) -> Fix | None:
    """The fix for a Markdown line made only of whitespace that CommonMark does not count as blank.

    A line holding a no-break space is a line of text to CommonMark: emptying it would end the paragraph
    there (or drop a paragraph). Inside a paragraph the whole line goes, with its line break, so the
    paragraph keeps together; elsewhere emptying it changes the structure, so the fix is unsafe. None for
    any other trailing whitespace.
    """
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    if line_start != start or _is_blank_line(text[start:end]):
        return None
    after = end + (2 if text.startswith("\r\n", end) else 1)
    previous_line = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1 : line_start]
    next_end = text.find("\n", after)
    next_line = text[after : len(text) if next_end < 0 else next_end]
    if line_start > 0 and after < len(text) and not _is_blank_line(previous_line) and not _is_blank_line(next_line):
        return Fix.safe("Remove the line of invisible whitespace", Edit(start, after, ""))
    return Fix.unsafe("Remove the trailing whitespace (the line becomes blank)", Edit(start, end, ""))


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
        ("md:Some text.\n\u00a0\nMore text.\n", "md:Some text.\nMore text.\n"),
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
            fix = _markdown_whitespace_line_fix(doc.text, start, end) if doc.markdown else None
            if fix is None:
                fix = Fix.safe("Remove the trailing whitespace", Edit(start, end, ""))
            yield self.diagnostic("Trailing whitespace", start, end, fix)
