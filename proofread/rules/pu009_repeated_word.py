"""PU009 repeated-word: the same word twice in a row ("the the", "to to").

What it flags: a word followed, after spaces or a line break, by the same word again (in any case:
"The the").

Why: a repeated word is one of the commonest slips that survive editing, because readers skip it.

What it leaves alone: doubles that are grammatical ("had had", "that that", "what it is is"), deliberate repetition and
reduplication ("very very", "bye bye", "ha ha", "no no"), names made of a doubled capitalised word
("Pago Pago", "Walla Walla", "Bora Bora"), single letters and digits ("x x", "1 1"), words joined by a
hyphen or apostrophe ("Baden-Baden"), a pair quoted as an example ('"the the"'), a lowercase word at the
end of a line and the capitalised word opening the next, and code, URLs and other masked text.

Fix safety: SAFE; the repair deletes the second word and the space before it.
"""

from __future__ import annotations

from itertools import compress, count, islice
from operator import eq

from proofread.model import Edit, Fix, TokenKind
from proofread.rules.base import Rule

# Doubles that are right: grammar ("had had", "that that"), emphasis and reduplication.
_ALLOWED = frozenset(
    """had that do very really many much more far long so too no yes bye ha haha blah bla yada tut
    chop knock hush pooh boo choo tom there night now well wait go come""".split()
)
# Capitalised words that may open a sentence; a doubled capitalised word that is not one of these
# is taken for a name ("Pago Pago").
_FUNCTION_WORDS = frozenset(
    """a an the and or but if of in on at to for from by with as is are was were be this that these
    those it its we you he she they i my our your their his her not no so do does did can will""".split()
)
_QUOTES = frozenset("\"'“”‘’`")


class RepeatedWord(Rule):
    code = "PU009"
    name = "repeated-word"
    category = "punctuation"
    examples = (
        ("Patents from the the United States.", "Patents from the United States."),
        ("The the ministers met.", "The ministers met."),
        ("md:They want to\nto meet.", "They want to meet."),
        ("That's right, this is is a valid component.", "That's right, this is a valid component."),
        ("He had had enough, and said that that was that. What it is is a test.", None),
        ("It was very very good, bye bye.", None),
        ("They flew to Pago Pago and Walla Walla.", None),
        ("Baden-Baden and x x and 1 1 and U.S. U.S. are fine.", None),
        ("Bitwise AND and assignment.", None),
        ("filename\tfilename if available", None),
        ('md:Words like "the the" are slips.', None),
        ("md:between you and i\nI did it", None),
        ("The end. The next one, the the-ory.", None),
        ("md:Run `the the` in code, or the `x` the thing.", None),
    )

    def check(self, doc, ctx):
        tokens = doc.tokens
        if len(tokens) < 2:
            return
        # Compare every word with the next one at C speed; only the (rare) equal pairs reach Python.
        lowered = list(map(str.lower, doc.texts))  # the texts column is shared with other rules
        text = doc.text
        for i in compress(count(), map(eq, lowered, islice(lowered, 1, None))):
            a, b = tokens[i], tokens[i + 1]
            if a.kind is not TokenKind.WORD or b.kind is not TokenKind.WORD or a.block != b.block:
                continue
            first, second = a.text, b.text
            lower = lowered[i]
            if lower in _ALLOWED or (len(first) == 1 and lower not in ("a", "i")):
                continue
            if lower == "is" and i > 0 and lowered[i - 1] == "it":
                continue  # "what it is is": the subject is a clause
            gap = text[a.end : b.start]
            if not gap.isspace() or "\t" in gap:
                continue  # punctuation, markup or code between them, or a column break
            if "\n" in gap and second[0].isupper() and not first[0].isupper():
                continue  # a line ends and the next begins: "between you and i" / "I did it"
            if text[a.start - 1 : a.start] in _QUOTES and text[b.end : b.end + 1] in _QUOTES and a.start:
                continue  # the pair is quoted as an example: '("the the")'

            if first[0].isupper() and second[0].isupper() and lower not in _FUNCTION_WORDS:
                continue  # a name: "Pago Pago"
            if first.isupper() != second.isupper() and len(first) > 1:
                continue  # an acronym or operator and a word: "Bitwise AND and assignment"
            fix = Fix.safe(f"Remove the second {second!r}", Edit(a.end, b.end, ""))
            yield self.diagnostic(f"Repeated word {second!r}", a.start, b.end, fix, [first])
