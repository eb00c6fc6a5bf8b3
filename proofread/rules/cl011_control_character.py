"""CL011 control-character: a control character in the text ("\\x1b[1mBold\\x1b[0m", "don\\x92t").

What it flags: C0 control characters other than tab, line feed and carriage return (U+0000 to U+001F),
DELETE (U+007F), C1 control characters (U+0080 to U+009F), and terminal colour codes ("\\x1b[31m").

Why: control characters are invisible or print as boxes; they come from terminal output pasted with its
colour codes, from old word-processor files, and from Windows-1252 text decoded as Latin-1, where the
curly quotes and dashes of bytes 0x91 to 0x97 turn into C1 controls.

What it leaves alone: a form feed alone on its line (the page break of plain-text documents), a C1
control inside a mojibake sequence (CL014 repairs the whole sequence), and masked text (code blocks,
inline code, URLs, front matter).

Fix safety: a terminal escape sequence or a C0 control is deleted (SAFE: it shows as nothing). A C1
control that Windows-1252 maps to a character is replaced by that character ("\\x92" becomes "’"), as an
UNSAFE fix since the text may have had other damage; other C1 controls are deleted (UNSAFE).
"""

from __future__ import annotations

from proofread.cleanup import (
    MOJIBAKE,
    char_label,
    invisible_deletion,
    lazy_regex,
    quoted,
    unmasked_matches,
    utf8,
)
from proofread.model import Edit, Fix
from proofread.punctuation import has_control_character
from proofread.rules.base import Rule

_CONTROL = lazy_regex(
    r"\x1b\[[0-9;?]*[ -/]*[@-~]"  # a terminal (ANSI) escape sequence
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)


_C1_BYTES = lazy_regex(rb"\xc2[\x80-\x9f]")


def _windows_1252(ch: str) -> str | None:
    try:
        decoded = bytes([ord(ch)]).decode("cp1252")
    except UnicodeDecodeError:
        return None
    return decoded if decoded != ch else None


class ControlCharacter(Rule):
    code = "CL011"
    name = "control-character"
    category = "cleanup"
    examples = (
        ("The \x1b[1mministers\x1b[0m met.\n", "The ministers met.\n"),
        ("A bell\x07 and a backspace\x08 in the text.\n", "A bell and a backspace in the text.\n"),
        ("The minister\x92s visit \x96 a \x93turning point\x94.\n", "The minister’s visit – a “turning point”.\n"),
        ("Page one.\n\x0c\nPage two.\n", None),
        ("md:Code: `\x1b[0m` and\n\n```\n\x07\n```\n", None),
    )

    def check(self, doc, ctx):
        text = doc.text
        if not has_control_character(text) and not _C1_BYTES.search(utf8(text)):
            return
        for m in unmasked_matches(doc, _CONTROL):
            start, end = m.span()
            found = m.group()
            if (
                found == "\x0c"
                and (start == 0 or text[start - 1] in "\r\n")
                and (end == len(text) or text[end] in "\r\n")
            ):
                continue
            if len(found) > 1:
                fix = Fix.safe("Delete the terminal escape sequence", invisible_deletion(text, start, end))
                yield self.diagnostic("Terminal escape sequence", start, end, fix)
                continue
            code = ord(found)
            if 0x80 <= code <= 0x9F:
                if any(j.start() <= start < j.end() for j in MOJIBAKE.finditer(text, max(0, start - 3), start + 4)):
                    continue  # part of a mojibake sequence: CL014 repairs the whole of it
                meant = _windows_1252(found)
                if meant:
                    fix = Fix.unsafe(f"Replace with {quoted(meant)} (Windows-1252)", Edit(start, end, meant))
                    message = f"Control character {char_label(found)}, probably Windows-1252 for {quoted(meant)}"
                    yield self.diagnostic(message, start, end, fix, [meant])
                else:
                    fix = Fix.unsafe("Delete the control character", invisible_deletion(text, start, end))
                    yield self.diagnostic(f"Control character {char_label(found)}", start, end, fix)
                continue
            fix = Fix.safe("Delete the control character", invisible_deletion(text, start, end))
            yield self.diagnostic(f"Control character {char_label(found)}", start, end, fix)
