"""CL013 mixed-script-word: a Cyrillic or Greek look-alike letter inside a Latin word ("Mоscow").

What it flags: a word that mixes Latin letters with Cyrillic or Greek ones that look the same, such as
"Mоscow" with a Cyrillic "о", "Раris" with a Cyrillic "Р", or the other way round, a Latin "a" inside the
Cyrillic word "Москвa".

Why: look-alike letters come from pasting, from keyboard layouts left on the wrong language, and from
spam that dodges filters. The word looks right but is not: search, spell checking and sorting all miss
it.

What it leaves alone: words all in one script (Cyrillic words that are Cyrillic are fine); words whose
odd letters have no look-alike in the other script, which are written that way on purpose (the Greek
letters of "NFκB", "TNFα", "μm"); and anything that is not prose (code, URLs, front matter, Markdown link definitions).

Fix safety: SAFE; each odd letter is replaced by its look-alike in the word's main script (the script of
most of its letters; on a tie, the script of most of the letters around it), which changes nothing a
reader sees.
"""

from __future__ import annotations

from proofread.cleanup import lazy_regex, prose_spans
from proofread.model import Edit, Fix
from proofread.punctuation import has_greek_or_cyrillic
from proofread.rules.base import Rule

# Cyrillic and Greek letters that look like a Latin letter, with that letter.
_TO_LATIN = {
    **dict(zip("аеорсухіјѕԁһӏԛԝү", "aeopcyxijsdhlqwy", strict=True)),
    **dict(zip("АВЕКМНОРСТХІЈЅҮԚԜ", "ABEKMHOPCTXIJSYQW", strict=True)),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧο", "ABEZHIKMNOPTYXo", strict=True)),
}
# Latin letters that look like a Cyrillic letter, for the odd Latin letter in a Cyrillic word.
_TO_CYRILLIC = dict(zip("aeopcyxABEKMHOPCTX", "аеорсухАВЕКМНОРСТХ", strict=True))
_TO_GREEK = dict(zip("ABEZHIKMNOPTYXo", "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧο", strict=True))

_LATIN = lazy_regex("[A-Za-z\u00c0-\u024f]")
_CYRILLIC = lazy_regex("[\u0400-\u052f]")
_GREEK = lazy_regex("[\u0370-\u03ff]")
_FOREIGN_RUN = lazy_regex("[\u0370-\u03ff\u0400-\u052f]+")
_LETTERS_BEFORE = lazy_regex(r"[^\W\d_]*\Z")
_LETTERS_AFTER = lazy_regex(r"[^\W\d_]*")


def _mixed_words(text: str):
    """(start, end) of each word that has a Greek or Cyrillic letter next to a letter of another script.

    Runs of Greek and Cyrillic letters are found first; a run with no letter on either side is a whole
    word (a Cyrillic word that is Cyrillic) and costs nothing more.
    """
    done = -1
    for m in _FOREIGN_RUN.finditer(text):
        start, end = m.span()
        if start < done:
            continue
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalpha() or after.isalpha()):
            continue
        lo = _LETTERS_BEFORE.search(text, max(0, start - 100), start).start()
        hi = _LETTERS_AFTER.match(text, end, end + 100).end()
        done = hi
        yield lo, hi


def _script_counts(word: str) -> dict[str, int]:
    return {
        "Latin": len(_LATIN.findall(word)),
        "Cyrillic": len(_CYRILLIC.findall(word)),
        "Greek": len(_GREEK.findall(word)),
    }


class MixedScriptWord(Rule):
    code = "CL013"
    name = "mixed-script-word"
    category = "cleanup"
    examples = (
        ("The ministers flew to M\u043escow.\n", "The ministers flew to Moscow.\n"),
        ("They met in \u0420aris and \u0392erlin.\n", "They met in Paris and Berlin.\n"),
        ("Визит в \u041c\u043e\u0441\u043a\u0432a.\n", "Визит в Москва.\n"),
        ("Визит министров в Москву.\n", None),
        ("Levels of NF\u03baB and TNF\u03b1 rose; the cell is 5 \u03bcm wide.\n", None),
        ("md:Code: `M\u043escow`.\n", None),
    )

    def check(self, doc, ctx):
        text = doc.text
        if not has_greek_or_cyrillic(text):
            return
        for lo, hi in prose_spans(doc, _mixed_words(text), lambda span: span):
            word = text[lo:hi]
            counts = _script_counts(word)
            if sum(1 for n in counts.values() if n) != 2:
                continue  # one script, or a three-way mix we cannot judge
            main = self._main_script(text, lo, hi, counts)
            if main is None:
                continue
            table = {"Latin": _TO_LATIN, "Cyrillic": _TO_CYRILLIC, "Greek": _TO_GREEK}[main]
            pattern = {"Latin": _LATIN, "Cyrillic": _CYRILLIC, "Greek": _GREEK}[main]
            odd = [(i, ch) for i, ch in enumerate(word) if not pattern.match(ch)]
            if not all(ch in table for _, ch in odd):
                continue  # an odd letter with no look-alike: written that way on purpose
            other = "Cyrillic" if _CYRILLIC.search("".join(ch for _, ch in odd)) else "Greek"
            if main != "Latin":
                other = "Latin"
            fixed = "".join(table.get(ch, ch) if not pattern.match(ch) else ch for ch in word)
            first, last = odd[0][0], odd[-1][0] + 1
            start, end = lo + first, lo + last
            fix = Fix.safe(f"Use {main} letters", Edit(start, end, fixed[first:last]))
            letters = ", ".join(f"“{ch}”" for ch in dict.fromkeys(ch for _, ch in odd))
            message = f"{other} {letters} inside the {main} word “{word}”"
            yield self.diagnostic(message, start, end, fix, [fixed[first:last]])

    @staticmethod
    def _main_script(text: str, start: int, end: int, counts: dict[str, int]) -> str | None:
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked[0][1] > ranked[1][1]:
            return ranked[0][0]
        around = _script_counts(text[max(0, start - 200) : start] + text[end : end + 200])
        tied = [name for name, n in counts.items() if n == ranked[0][1]]
        best = max(tied, key=lambda name: around[name])
        if sum(1 for name in tied if around[name] == around[best]) > 1:
            return None
        return best
