"""CL012 replacement-character: U+FFFD "�", the mark of text that was already damaged.

What it flags: every run of REPLACEMENT CHARACTER (U+FFFD) outside masked text ("Traor� said").

Why: a decoder writes U+FFFD where it met bytes it could not read; the character that stood there is
lost. The writer has to put it back by hand.

What it leaves alone: masked text (code blocks and inline code, where documentation shows "�" on
purpose, URLs, front matter).

Fix safety: none; what the character was cannot be known from the text.
"""

from __future__ import annotations

from proofread.cleanup import lazy_regex, unmasked_matches
from proofread.rules.base import Rule

_REPLACEMENT = lazy_regex("\ufffd+")


class ReplacementCharacter(Rule):
    code = "CL012"
    name = "replacement-character"
    category = "cleanup"
    examples = (
        # reported, and left as it is: there is no fix
        ("Captain Ibrahim Traor\ufffd spoke.\n", "Captain Ibrahim Traor\ufffd spoke.\n"),
        ("Captain Ibrahim Traoré spoke.\n", None),
        ("md:Rust prints `\ufffd` for bytes that are not UTF-8.\n", None),
    )

    def check(self, doc, ctx):
        if "\ufffd" not in doc.text:
            return
        for m in unmasked_matches(doc, _REPLACEMENT):
            yield self.diagnostic(
                "Replacement character U+FFFD: a character was lost when this text was decoded",
                m.start(),
                m.end(),
            )
