"""CL006 mixed-line-endings: one file with more than one kind of line break (LF, CRLF, CR).

What it flags: every line break of a minority kind, in a file whose lines end in more than one way,
such as a few CRLF lines pasted into an LF file.

Why: mixed line breaks come from pasting between systems; they make diffs show lines as changed that are
not, and some tools split lines differently from others (a lone CR is a line break to some and not to
others).

What it leaves alone: a file that uses one kind of line break throughout, whichever it is. Line breaks
belong to the whole file, so code blocks are counted and fixed too: converting one of their line breaks
to the file's own changes no character of the code.

Fix safety: each minority line break becomes the file's majority one (LF on a tie): SAFE between LF
and CRLF; UNSAFE for a lone CR in a file of LF or CRLF lines, which may be a stray carriage return
(pasted terminal output, where it overwrote the line) rather than a line break.
"""

from __future__ import annotations

from proofread.cleanup import lazy_regex, line_endings, majority_line_ending
from proofread.model import Edit, Fix
from proofread.rules.base import Rule

_NAMES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}
_PATTERNS = {"\n": lazy_regex(r"\n(?<!\r\n)"), "\r\n": lazy_regex(r"\r\n"), "\r": lazy_regex(r"\r(?!\n)")}


class MixedLineEndings(Rule):
    code = "CL006"
    name = "mixed-line-endings"
    category = "cleanup"
    examples = (
        ("One line.\nTwo lines.\nThree lines.\r\nFour.\n", "One line.\nTwo lines.\nThree lines.\nFour.\n"),
        ("One.\r\nTwo.\r\nThree.\nFour.\r\n", "One.\r\nTwo.\r\nThree.\r\nFour.\r\n"),
        ("One.\nTwo.\rThree.\n", "One.\nTwo.\nThree.\n"),
        ("All LF.\nHere too.\n", None),
        ("All CRLF.\r\nHere too.\r\n", None),
    )

    def check(self, doc, ctx):
        text = doc.text
        if "\r" not in text:
            return
        counts = line_endings(text)
        if sum(1 for n in counts.values() if n) < 2:
            return
        major = majority_line_ending(text)
        summary = ", ".join(f"{n} {_NAMES[k]}" for k, n in counts.items() if n)
        for ending, pattern in _PATTERNS.items():
            if ending == major or not counts[ending]:
                continue
            title = f"Use {_NAMES[major]} like the rest of the file"
            message = f"{_NAMES[ending]} line break in a file of mostly {_NAMES[major]} ({summary})"
            # a lone CR among LF or CRLF lines may be a stray carriage return (pasted terminal output) rather
            # than an old Mac line break: turning it into a line break is then only a guess
            make = Fix.unsafe if ending == "\r" else Fix.safe
            for m in pattern.finditer(text):
                fix = make(title, Edit(m.start(), m.end(), major))
                yield self.diagnostic(message, m.start(), m.end(), fix)
