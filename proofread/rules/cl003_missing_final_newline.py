"""CL003 missing-final-newline: the last line of the file has no line break.

What it flags: a file whose text does not end with a line break.

Why: POSIX tools and most editors expect every line, the last one included, to end with a line break;
without one, appending or concatenating files glues lines together, and diffs show a "\\ No newline at
end of file" marker.

What it leaves alone: an empty file and a file of nothing but whitespace. The final line break belongs
to the whole file, so it is reported even when the file ends inside a code block.

Fix safety: SAFE; the file's own line break (its most used one: LF, CRLF or CR) is appended.
"""

from __future__ import annotations

from proofread.cleanup import majority_line_ending
from proofread.model import Edit, Fix
from proofread.rules.base import Rule


class MissingFinalNewline(Rule):
    code = "CL003"
    name = "missing-final-newline"
    category = "cleanup"
    examples = (
        ("The last line has no line break.", "The last line has no line break.\n"),
        ("Two lines\r\nin Windows style.", "Two lines\r\nin Windows style.\r\n"),
        ("md:Text.\n\n```\ncode\n```", "md:Text.\n\n```\ncode\n```\n"),
        ("The last line ends properly.\n", None),
        ("", None),
    )

    def check(self, doc, ctx):
        text = doc.text
        if not text or text.endswith(("\n", "\r")) or not text.strip():
            return
        end = len(text)
        fix = Fix.safe("Add a line break at the end of the file", Edit(end, end, majority_line_ending(text)))
        yield self.diagnostic("No line break at the end of the file", end - 1, end, fix)
