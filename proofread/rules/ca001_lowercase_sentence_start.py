"""CA001 lowercase-sentence-start: a sentence, paragraph or heading that begins with a lowercase word.

What it flags: the first word of a sentence written lowercase: after a sentence-final ". ", "! " or
"? " (closing brackets may come before the mark, quotes after a period: "(as planned). the",
"“Share.” in"), after a sentence that ended with code or a handle ("`make`. then"), at the start of a
paragraph, a heading or a quote, and on the line after a bare heading line in plain text.

Why: English capitalises the first word of every sentence; a lowercase one is a slip, or the sign of a
sentence boundary the writer did not mean.

What it leaves alone: words whose sentence start is uncertain (after an abbreviation such as "e.g.",
"approx." or a mid-sentence "U.S.", after an ellipsis, spaced or not, or after a colon); a "?" or "!"
inside quotes or brackets ("“Why?” you ask", "(really!) for"); a paragraph that goes on with the
sentence before it (after a colon, a list, or code shown "like this"); a paragraph of eight words or
more that stops mid-sentence, a fragment cut out of a longer text ("returns `true`, the value will be
included in the"); lines of a list written without markers (ending with ";" or ","); words lowercase on
purpose: mixed-case names ("iPhone", "eBay", "macOS", "pH"), names from the known-casing list ("npm"),
words known only as acronyms ("uv"), words the document uses in its code and never capitalises ("pip"),
words that are not in the dictionary (command names such as "kubectl") unless the document writes them
capitalised elsewhere, quoted terms and words glued to code-like punctuation ("os.path"); code, URLs and
handles are masked. The first word of a list item or table cell is CA002's, which compares it with its
siblings.

Fix safety: SAFE; the fix capitalises the first letter and changes nothing else.
"""

from __future__ import annotations

import re
from itertools import compress, repeat
from operator import is_not, itemgetter

from proofread.casing import (
    capitalise,
    evidence,
    is_capitalised,
    is_lowercase_word,
    known_casings,
    prose_word,
    split_possessive,
    word_key,
)
from proofread.model import BlockKind, Edit, Fix, TokenKind
from proofread.rules.base import Rule

_ITEM_KINDS = (BlockKind.LIST_ITEM, BlockKind.TABLE_CELL)
# Words that often go on after a "!" that ends a name or an aside ("Jeopardy! and", "yelp! to") rather
# than a sentence.
_CONTINUATIONS = frozenset(
    "and or but nor to from with in on for of at by as is was are were has have had said says asked".split()
)
# The end of a sentence right before a word: closing brackets or quotes may come before the mark
# ("(as planned). the"), and quotes after a period ("it said “Share.” the"), but not after a question
# or exclamation mark ("“Why?” you ask" goes on with the same sentence).
_SENTENCE_END = re.compile(r"[)\]”’\"']*(?:([.!?]+)|(\.)[”’\"]+)\s+$")
# Words rarer than this (in the lexicon's counts) that a document keeps lowercase are its own terms.
_COMMON = 20000
# A paragraph of at least this many words that does not end a sentence is a fragment of a longer text (a
# line copied out of a wrapped paragraph, the rest of a sentence interrupted by code or a figure).
_FRAGMENT_WORDS = 8
_SENTENCE_START = itemgetter(5)


def _is_fragment(paragraph: str) -> bool:
    """Whether a paragraph stops mid-sentence: long, and without a sentence-final mark at its end."""
    last = paragraph.rstrip(" \t\r\n*_`)]}\"'”’")[-1:]
    return last not in ".!?:" and len(paragraph.split(None, _FRAGMENT_WORDS)) > _FRAGMENT_WORDS - 1


def _lowercase_openers(doc) -> list[int]:
    """The indices of the tokens whose text has lowercase letters and no capitals (``str.islower``) and
    that open a sentence (``sentence_start`` True) or, in a document with masks, may open one (None:
    after code that ends a sentence, "`make`. then").

    Speed: one pass over every token, in C (``compress`` over ``map``), instead of a Python loop; the
    text test runs, also in C, only on the sentence starts (about one token in twenty), and most of
    them start with a capital. None and False are both falsy, so ``compress`` over the flags alone keeps
    the True ones; with masks, the flags are compared with False (``is_not``), one step more per token.
    """
    tokens = doc.tokens
    flags = map(_SENTENCE_START, tokens)
    if doc.masks:
        flags = map(is_not, flags, repeat(False))
    opens = list(compress(range(len(tokens)), flags))
    return list(compress(opens, map(str.islower, map(doc.texts.__getitem__, opens))))


class LowercaseSentenceStart(Rule):
    code = "CA001"
    name = "lowercase-sentence-start"
    category = "casing"
    examples = (
        (
            "The talks begin today. the ministers arrive tomorrow.",
            "The talks begin today. The ministers arrive tomorrow.",
        ),
        ("Is it over? yes, it is.", "Is it over? Yes, it is."),
        ("the report was late.", "The report was late."),
        ("The Conclusion\nthe visit ended well.", "The Conclusion\nThe visit ended well."),
        ("He left at noon, e.g. before lunch.", None),
        ("They met in the U.S. last year.", None),
        ("Wait... then it came.", None),
        ("Three things matter: speed, cost and scope.", None),
        ("He bought one. iPhone sales rose.", None),
        ("Run it. kubectl applies the file.", None),
        ("md:It ends here. `cargo` builds it.", None),
    )

    def check(self, doc, ctx):
        lexicon = ctx.lexicon
        casings = known_casings()
        vocabulary = ctx.vocabulary
        blocks = doc.blocks
        tokens = doc.tokens
        word_kind = TokenKind.WORD
        for i in _lowercase_openers(doc):
            tok = tokens[i]
            word = tok.text
            if tok.kind is not word_kind or not is_lowercase_word(word):
                continue
            if tok.sentence_start is not True and not self._after_masked_end(doc, i):
                continue
            block = blocks[tok.block]
            if block.kind in _ITEM_KINDS and (i == 0 or tokens[i - 1].block != tok.block):
                continue  # an item's first word: CA002 weighs it against its siblings
            if len(word) == 1 and word != "a":
                continue  # "x", or an enumerator such as "b)"
            if word in vocabulary or word.lower() in casings:
                continue
            if not prose_word(doc, tok) or not self._plain_start(doc, i, word):
                continue
            if not lexicon.is_known(word) and not self._written_as_name(doc, i):
                continue  # a command or code name, unless the document writes it as a name elsewhere
            forms = lexicon.cased_forms(split_possessive(word)[0])
            if forms and not any(f.islower() or is_capitalised(f) for f in forms):
                continue  # known only as an acronym ("uv" for "UV"): a name of its own, written lowercase
            if lexicon.count(word) < _COMMON and self._written_lowercase(doc, i):
                continue  # a rare word the document uses in its code: a tool or package ("pip")
            fixed = capitalise(word)
            yield self.diagnostic(
                f"Sentence starts with a lowercase word: “{word}”",
                tok.start,
                tok.end,
                Fix.safe(f"Capitalise to “{fixed}”", Edit(tok.start, tok.end, fixed)),
                (fixed,),
            )

    @staticmethod
    def _after_masked_end(doc, i):
        """Whether token ``i`` follows a sentence that ended with code, a handle or a URL ("`x`. the")."""
        tok = doc.tokens[i]
        if not i or doc.tokens[i - 1].block != tok.block:
            return False
        gap = doc.text[doc.tokens[i - 1].end : tok.start]
        # The pattern needs a period (or a period and quotes) right before the closing spaces; most gaps
        # here end with code ("`cargo` builds"), and this test turns them away without the pattern
        # trying every position of the gap.
        tail = gap.rstrip()
        if not tail or len(tail) == len(gap) or tail[-1] not in '.”’"':
            return False
        end = _SENTENCE_END.search(gap)
        if end is None or (end.group(1) or end.group(2)) != "." or end.start() == 0:
            return False
        at = tok.start - len(gap) + end.start()
        return doc.is_masked(at - 1, at)

    @staticmethod
    def _written_lowercase(doc, i):
        """Whether token ``i``'s word is one of the document's code terms: it appears in its code, and
        the document never writes it capitalised."""
        ev = evidence(doc)
        key = word_key(doc.tokens[i].text)
        if key not in ev.code_words:
            return False
        return not any(w[:1].isupper() and word_key(w) == key for w in ev.words)

    @staticmethod
    def _written_as_name(doc, i):
        """Whether the document writes token ``i``'s word capitalised inside sentences, and never
        lowercase anywhere else."""
        ev = evidence(doc)
        key = word_key(doc.tokens[i].text)
        return bool(ev.capital.get(key)) and ev.lower.get(key, []) == [i]

    @staticmethod
    def _plain_start(doc, i, word):
        """Whether the sentence start before token ``i`` is an ordinary one: a plain ". ", "? " or "! "
        (no quotes, brackets, dashes or spaced ellipsis around it), or the start of a block that does not
        continue the previous block's sentence."""
        text = doc.text
        tok = doc.tokens[i]
        prev = doc.tokens[i - 1] if i and doc.tokens[i - 1].block == tok.block else None
        if prev is None:
            block = doc.blocks[tok.block]
            if text[block.start : tok.start].strip("*_ "):
                return False  # opens with a quote, a bracket or a symbol
            if text[block.start : block.end].rstrip()[-1:] in ";,":
                return False  # an item of a list written without markers
            if block.kind is BlockKind.PARAGRAPH and _is_fragment(text[block.start : block.end]):
                return False  # a piece cut out of a longer text: its first word need not start a sentence
            if tok.block:
                before = doc.blocks[tok.block - 1]
                if before.kind in (BlockKind.HEADING, BlockKind.TABLE_CELL):
                    return True
                # a paragraph goes on with the sentence before it unless that one ended: "The rules
                # are:", a list, or code shown after "like this" lead into it
                last = text[before.start : before.end].rstrip(" \t\r\n*_)]”’\"'")[-1:]
                return last in ".!?"
            return True
        gap = text[prev.end : tok.start]
        end = _SENTENCE_END.search(gap)
        if end is None or gap[: end.start()].rstrip().endswith("."):
            return False  # no plain sentence end, or a spaced ellipsis (". . .")
        mark = end.group(1) or end.group(2)
        if mark == "!" and (word in _CONTINUATIONS or "¡" in text[doc.blocks[tok.block].start : prev.end]):
            return False  # "Jeopardy! and", or a Spanish "¡Nunca Más!" inside an English sentence
        return not (mark == "." and prev.text.lower() in ("ie", "eg", "cf", "viz", "etc"))
