"""CL008 soft-hyphen: a soft hyphen (U+00AD) hidden inside a word ("ministe\\u00adrial").

What it flags: every soft hyphen outside masked text.

Why: soft hyphens are hyphenation hints that web pages and word processors put inside long words; they
are invisible until a line breaks there, survive copy and paste, and then split the word for search and
spell checking (and show up as stray hyphens in some tools).

What it leaves alone: code, URLs and other masked text. The HTML entity ``&shy;`` is markup, masked, and
left as written.

Fix safety: SAFE; the soft hyphen is deleted, which changes nothing a reader sees except where a line
might have been hyphenated.
"""

from __future__ import annotations

from proofread.cleanup import lazy_regex, unmasked_matches
from proofread.model import Edit, Fix
from proofread.rules.base import Rule

_SOFT_HYPHEN = lazy_regex("\u00ad+")


class SoftHyphen(Rule):
    code = "CL008"
    name = "soft-hyphen"
    category = "cleanup"
    examples = (
        ("A ministe\u00adrial meeting.\n", "A ministerial meeting.\n"),
        ("md:Inter\u00adgovern\u00admental talks.\n", "md:Intergovernmental talks.\n"),
        ("A ministerial meeting, with a hard hyphen: socio-political.\n", None),
        ("md:Markup: `soft\u00adhyphen` and &shy; stay.\n", None),
    )

    def check(self, doc, ctx):
        if "\u00ad" not in doc.text:
            return
        for m in unmasked_matches(doc, _SOFT_HYPHEN):
            fix = Fix.safe("Delete the soft hyphen", Edit(m.start(), m.end(), ""))
            yield self.diagnostic("Soft hyphen (U+00AD) inside a word", m.start(), m.end(), fix)
