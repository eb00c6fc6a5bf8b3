"""CL010 no-break-space: a no-break space between two ordinary words ("the\\u00a0ministers").

What it flags: a NO-BREAK SPACE (U+00A0) or NARROW NO-BREAK SPACE (U+202F) with a letter on each side,
in prose (inside a paragraph, heading, list item, quote or table cell, outside masked text).

Why: web pages are full of ``&nbsp;`` used for layout, and pasting keeps them. Between ordinary words
they look like spaces but are not: lines cannot break there, and search, spell checking and word counts
see one long word.

What it leaves alone: the no-break spaces that typography puts on purpose: after a number and before a
unit or a noun ("10\\u00a0km", "5\\u00a0%"), before French punctuation ("Bonjour\\u00a0!", "« oui »"),
after an abbreviation, an initial or a title ("M.\\u00a0Dupont", "Mme\\u00a0Durand"), before a Roman
numeral ("Louis\\u00a0XIV") or a unit symbol, and after a one-letter word ("v\\u00a0Praze", "a\\u00a0cat":
Czech, Polish and careful English typography keep one-letter words off the end of a line). Masked text
is never touched.

Fix safety: SAFE; the no-break space becomes an ordinary space, which looks the same.
"""

from __future__ import annotations

from proofread.cleanup import lazy_regex, prose_spans
from proofread.model import Edit, Fix
from proofread.rules.base import Rule

# A no-break space between a word of two or more letters and a letter; one pattern per character, each
# starting with its literal so that the scan is fast.
_NBSP = lazy_regex("\u00a0(?<=[^\\W\\d_][^\\W\\d_]\u00a0)(?=[^\\W\\d_])")
_NNBSP = lazy_regex("\u202f(?<=[^\\W\\d_][^\\W\\d_]\u202f)(?=[^\\W\\d_])")
_ROMAN_OR_UNIT = lazy_regex(
    r"(?:[IVXLCDM]+|km|kg|mg|cm|mm|ml|ms|mph|kph|kmh|kWh|kW|MW|GW|Hz|kHz|MHz|GHz|KB|MB|GB|TB|lbs?|oz|ft)"
    r"(?![^\W\d_])"
)


# Titles written without a period that typography binds to the name that follows ("Mme\u00a0Durand").
_TITLE_BEFORE = lazy_regex(
    r"(?<![^\W\d_])(?:Mmes?|Mlles?|Mgr|Mr|Mrs|Ms|Dr|Dra|Pr|Prof|Me|St|Ste|Sr|Sra|Jr|Hr|Fr|Sir)\Z"
)


class NoBreakSpace(Rule):
    code = "CL010"
    name = "no-break-space"
    category = "cleanup"
    examples = (
        ("The foreign\u00a0ministers met in Moscow.\n", "The foreign ministers met in Moscow.\n"),
        ("md:Talks\u202fcontinued on\u00a0Monday.\n", "md:Talks continued on Monday.\n"),
        ("The border is 10\u00a0km away.\n", None),
        ("Il a dit\u00a0: « bonjour\u00a0» et «\u00a0merci\u00a0»\u00a0!\n", None),
        ("M.\u00a0Dupont met Mme\u00a0Durand and Louis\u00a0XIV in Praha v\u00a0Praze.\n", None),
        ("md:Code: `a\u00a0b`.\n", None),
    )

    def check(self, doc, ctx):
        text = doc.text
        found = []
        for char, pattern in (("\u00a0", _NBSP), ("\u202f", _NNBSP)):
            if char in text:
                found.extend(pattern.finditer(text))
        found.sort(key=lambda m: m.start())
        for m in prose_spans(doc, found, lambda m: m.span()):
            start, end = m.span()
            if _ROMAN_OR_UNIT.match(text, end):
                continue
            if _TITLE_BEFORE.search(text, max(0, start - 6), start):
                continue
            label = "No-break space" if m.group() == "\u00a0" else "Narrow no-break space"
            fix = Fix.safe("Use an ordinary space", Edit(start, end, " "))
            yield self.diagnostic(f"{label} between two words", start, end, fix)
