"""CA002 lowercase-item-start: a list item or table cell that starts lowercase among capitalised siblings.

What it flags: the first word of a list item, or of a table cell, written lowercase where its siblings
(the other items of the same list; the other cells of the same table column, or of the header row for
a header cell) start with a capital: "- economic Partnerships" among "- Security Cooperation" and
"- Political Alliances"; "| country |" in a header row of capitalised labels.

Why: items of one list and cells of one column are written alike; one lowercase start among capitals is
a slip.

What it leaves alone: lists and columns lowercase by design (items that continue an introducing
sentence, columns of values): the capitals must be at least two and outnumber the lowercase starts two
to one. Items that start with code, a number, a link target, a mixed-case or non-dictionary word are
neutral; a lowercase label ("- windows: update the icon", as changelogs write them) is never flagged but
counts as a lowercase start; a list item without siblings is left alone.

Fix safety: SAFE; the fix capitalises the first letter and changes nothing else.
"""

from __future__ import annotations

from collections import defaultdict

from proofread.casing import capitalise, is_lowercase_word, known_casings, prose_word
from proofread.model import BlockKind, Edit, Fix, TokenKind
from proofread.rules.base import Rule

_UPPER, _LOWER, _NEUTRAL = 1, -1, 0
_LABEL = -2  # a lowercase label ("windows: ..."): counts as a lowercase start, is never flagged


class LowercaseItemStart(Rule):
    code = "CA002"
    name = "lowercase-item-start"
    category = "casing"
    examples = (
        (
            "Areas:\n- Security cooperation\n- economic partnerships\n- Political alliances\n",
            "Areas:\n- Security cooperation\n- Economic partnerships\n- Political alliances\n",
        ),
        (
            "| country | Leader | Status |\n|---|---|---|\n| Mali | Goïta | open |\n",
            "| Country | Leader | Status |\n|---|---|---|\n| Mali | Goïta | open |\n",
        ),
        (
            "| Area | Outcome |\n|---|---|\n| Aid | More capacity |\n| Trade | Growth |\n| Energy | lower costs |\n",
            "| Area | Outcome |\n|---|---|\n| Aid | More capacity |\n| Trade | Growth |\n| Energy | Lower costs |\n",
        ),
        ("The plan covers:\n- roads and bridges\n- schools\n- Water supply\n", None),
        ("md:| Option | Default |\n|---|---|\n| Cache | enabled |\n| Index | none |\n| Mode | Fast |\n", None),
        ("- Run the tests\n- Build it\n- `cargo` builds it\n- kubectl applies it\n", None),
        ("- Fix a leak in the parser\n- Speed up start-up\n- windows: update the icon\n", None),
    )

    def check(self, doc, ctx):
        lexicon = ctx.lexicon
        casings = known_casings()
        siblings: dict[tuple, list[int]] = defaultdict(list)
        for b, block in enumerate(doc.blocks):
            if block.kind is BlockKind.LIST_ITEM and block.group >= 0:
                siblings[("list", block.group)].append(b)
            elif block.kind is BlockKind.TABLE_CELL and block.group >= 0:
                key = ("head", block.group) if block.row == 0 else ("column", block.group, block.column)
                siblings[key].append(b)
        for members in siblings.values():
            if len(members) < 3:
                continue
            verdicts = [self._start(doc, b, lexicon, casings, ctx.vocabulary) for b in members]
            upper = sum(1 for v, _ in verdicts if v == _UPPER)
            lower = sum(1 for v, _ in verdicts if v in (_LOWER, _LABEL))
            if not lower or upper < 2 or upper < 2 * lower:
                continue
            for verdict, tok in verdicts:
                if verdict != _LOWER:
                    continue
                fixed = capitalise(tok.text)
                kind = "List item" if doc.blocks[tok.block].kind is BlockKind.LIST_ITEM else "Table cell"
                yield self.diagnostic(
                    f"{kind} starts lowercase where its siblings start with a capital: “{tok.text}”",
                    tok.start,
                    tok.end,
                    Fix.safe(f"Capitalise to “{fixed}”", Edit(tok.start, tok.end, fixed)),
                    (fixed,),
                )

    @staticmethod
    def _start(doc, b, lexicon, casings, vocabulary):
        """Whether block ``b`` starts with a capital, a lowercase dictionary word, or neither."""
        i = doc.first_token(b)
        if i is None:
            return _NEUTRAL, None
        tok = doc.tokens[i]
        block = doc.blocks[b]
        lead = doc.text[block.start : tok.start]
        if lead.strip("*_\"'“‘([ ") or tok.kind is not TokenKind.WORD:
            return _NEUTRAL, tok  # starts with code, a number, a link target or a symbol
        word = tok.text
        if word[:1].isupper():
            return (_UPPER if word[1:] == word[1:].lower() or len(word) == 1 else _NEUTRAL), tok
        if not is_lowercase_word(word) or (len(word) == 1 and word != "a"):
            return _NEUTRAL, tok
        if word in vocabulary or word.lower() in casings or not lexicon.is_known(word):
            return _NEUTRAL, tok
        if doc.text[tok.end : tok.end + 1] == ":":
            return _LABEL, tok  # as changelogs and commit lists write them: "- http: fix a leak"
        if not prose_word(doc, tok):
            return _NEUTRAL, tok
        return _LOWER, tok
