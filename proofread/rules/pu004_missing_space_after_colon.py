"""PU004 missing-space-after-colon: a colon glued to the next word ("Note:this").

What it flags: "word:word" where the run of text between spaces is just two words joined by a colon
(brackets, quotes and trailing punctuation allowed) and one of them is capitalised: "Note:this",
"Americans:First,", "Re:Your".

Why: in prose a colon that introduces what follows is followed by a space.

What it leaves alone, from the shape of the text: times, ratios and references with digits ("10:30",
"3:1", "John 3:16"), URLs, e-mail, code and other masked text, and anything that reads as an identifier
or a tag rather than two words: more than one colon or a double colon ("arn:aws:iam", "std::vec",
":smile:"), paths and options ("ghcr.io/uv:latest", "--from=x:y"), digits, underscores or dots on either
side ("python:3.12", "example_app:main", "pyproject.toml:foo"), camelCase on the right
("sts:AssumeRole"), two lowercase words ("key:value", "ubuntu:latest", "host:port" are notations and
tags far more often than a lost space), words in capitals on both sides ("MK:NY"), a short acronym
before a lowercase word ("IP:port"), wiki page titles ("Wikipedia:Lists", "Help:Contents"), single
letters ("C:Users", "a:b") and emoticons (":)", ":P").

Fix safety: SAFE; the repair of "a:b" in prose is "a: b".
"""

from __future__ import annotations

from proofread.model import Edit, Fix
from proofread.punctuation import lazy_regex, prose_matches, word_pair
from proofread.rules.base import Rule

_WIKI_NAMESPACES = frozenset(
    "wikipedia wiktionary wikt help category template file user talk special portal module draft".split()
)
# (the lookahead first: it turns away the usual colon, followed by a space, at once)
_CANDIDATE = lazy_regex(r":(?=[“‘\"(]?[^\W\d_])(?<=[^\W\d_]:)", prefix=":")


class MissingSpaceAfterColon(Rule):
    code = "PU004"
    name = "missing-space-after-colon"
    category = "punctuation"
    examples = (
        ("Note:this setting is global.", "Note: this setting is global."),
        ("We owe it to all Americans:First, jobs.", "We owe it to all Americans: First, jobs."),
        ("The talk starts at 10:30 with a 3:1 ratio, see John 3:16.", None),
        ("Pull ghcr.io/astral-sh/uv:latest or run example_app:main.", None),
        ("Use arn:aws:iam or std::vec and sts:AssumeRole here.", None),
        ("Open C:Users and smile :) or :P now.", None),
        ("Write key:value pairs or pull ubuntu:latest here.", None),
        ("Bind to IP:port and read Wikipedia:Lists of common misspellings.", None),
        ("md:Set `uv:workspace` or see [docs](https://example.com/a:b).", None),
    )

    def check(self, doc, ctx):
        for m in prose_matches(doc, _CANDIDATE):
            pair = word_pair(doc, m.start(), m.end())
            if pair is None:
                continue
            left, right = pair
            if len(left) < 2 or len(right) < 2 or (left.isupper() and right.isupper()):
                continue
            if any(ch.isupper() for ch in right[1:]) and not right.isupper():
                continue  # camelCase: an identifier ("sts:AssumeRole")
            if left.islower() and right.islower():
                continue  # a notation or a tag: "key:value", "ubuntu:latest", "host:port"
            if left.isupper() and len(left) <= 3 and right.islower():
                continue  # an acronym in a notation: "IP:port", "URL:path"
            if left.lower() in _WIKI_NAMESPACES:
                continue  # a wiki page title: "Wikipedia:Lists of common misspellings"
            colon = m.start()
            fix = Fix.safe("Add a space after the colon", Edit(colon + 1, colon + 1, " "))
            yield self.diagnostic("Missing space after a colon", colon, colon + 1, fix, [": "])
