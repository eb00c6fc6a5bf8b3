"""CL005 tab-in-prose: a tab between two words of prose ("the\\tministers").

What it flags: a tab (alone or mixed with spaces) between two non-blank characters of a line, outside
masked text.

Why: a tab inside a sentence is a leftover of pasting from spreadsheets, PDFs and word processors; it
renders as a wide, editor-dependent gap, and in Markdown it is just a space.

What it leaves alone: tabs that indent a line (structure, not prose) and tabs after a list marker; tabs
at the end of a line (CL001); tabs in code blocks, inline code and other masked text; and columns of
data, not prose: a line with two or more tab gaps, or one next to another line with a tab gap.

Fix safety: SAFE; the gap becomes one space, which is what the tab stands for between two words.
"""

from __future__ import annotations

from proofread.cleanup import lazy_regex, unmasked_spans
from proofread.model import Edit, Fix
from proofread.rules.base import Rule

_TAB_GAP = lazy_regex(r"(?<=[^\s])[ ]*\t[ \t]*(?=[^\s])")
_TAB = lazy_regex(r"\t")
_LINE_END = lazy_regex(r"[\r\n]")


class TabInProse(Rule):
    code = "CL005"
    name = "tab-in-prose"
    category = "cleanup"
    examples = (
        ("The foreign\tministers met in Moscow.\n", "The foreign ministers met in Moscow.\n"),
        ("They met on Monday. \tThen they left.\n", "They met on Monday. Then they left.\n"),
        ("md:The foreign\tministers met.\n", "md:The foreign ministers met.\n"),
        ("\tAn indented first line.\n", None),
        ("Name\tCountry\tRole\nTraoré\tBurkina Faso\tleader\n", None),
        ("md:Code:\n\n```\nif x:\treturn\n```\n", None),
        ("md:Use `a\tb` here.\n", None),
    )

    def check(self, doc, ctx):
        text = doc.text
        if "\t" not in text:
            return
        for start, end in unmasked_spans(doc, _tab_gaps(text), lambda span: span):
            line_start, line_end = _line_span(text, start)
            if len(_TAB_GAP.findall(text, line_start, line_end)) > 1:
                continue  # tab-separated columns
            if line_start > 0 and _has_tab_gap(text, *_line_span(text, _previous_line_end(text, line_start))):
                continue  # a column layout: the line above is split by a tab too
            if line_end < len(text) and _has_tab_gap(text, *_line_span(text, _next_line_start(text, line_end))):
                continue
            fix = Fix.safe("Replace the tab with a space", Edit(start, end, " "))
            yield self.diagnostic("Tab between words", start, end, fix)


def _tab_gaps(text: str):
    """(start, end) of each gap of spaces and tabs, holding a tab, between two non-blank characters.

    Tabs are found with a literal search; the gap around each is then matched where it starts.
    """
    done = 0
    for m in _TAB.finditer(text):
        if m.start() < done:
            continue
        start = m.start()
        while start > 0 and text[start - 1] == " ":
            start -= 1
        gap = _TAB_GAP.match(text, start)
        if gap:
            done = gap.end()
            yield gap.span()
        else:
            done = m.end()


def _line_span(text: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the line holding ``pos``, without its line break."""
    start = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
    end = _LINE_END.search(text, pos)
    return start, end.start() if end else len(text)


def _previous_line_end(text: str, line_start: int) -> int:
    pos = line_start - 1
    if pos > 0 and text[pos] == "\n" and text[pos - 1] == "\r":
        pos -= 1
    return pos


def _next_line_start(text: str, line_end: int) -> int:
    return line_end + (2 if text.startswith("\r\n", line_end) else 1)


def _has_tab_gap(text: str, start: int, end: int) -> bool:
    return _TAB_GAP.search(text, start, end) is not None
