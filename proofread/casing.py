"""What the casing rules (CA...) share: word shapes, the known-casing list, and what a document says
about how it capitalises each word.

The document's own usage is the best evidence of a name. ``CasingEvidence`` counts, for every word, the
places where the document writes it capitalised or lowercase *inside* a sentence (sentence starts say
nothing about a word, and neither do title-case headings or table cells, where every word is capitalised).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from proofread.model import Document, Token, TokenKind

_APOSTROPHES = "'’ʼ"

# Short words that title case leaves lowercase; a capitalised one of these says nothing about a name.
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet for of in on at to by from with into onto upon over under about
    as than then via per vs if when while is are was were be been am it its this that these those
    up out off down""".split()
)

# Particles inside personal names, written lowercase on purpose ("Ludwig van Beethoven", "bin Salman").
NAME_PARTICLES = frozenset(
    """al el de del della dei der des den di da das do dos du la le les lo van von ver ter ten zu zum
    bin ibn bint ben abu ould ag y e""".split()
)

# Nouns that end the names of institutions, laws, programmes and events ("Environmental Protection
# Agency", "Affordable Care Act"): a lowercase word between capitals before one of these is in a name.
NAME_HEADS = frozenset(
    """Act Agency Administration Alliance Association Authority Award Bank Board Bureau Campaign Center
    Centre Challenge Coalition College Commission Committee Conference Corps Council Court Day Department
    Director Directorate Division Fellow Forum Foundation Fund Game Group Guideline Index Initiative Institute
    Laboratory Law League Ministry Month Network Office Officer Organization Organisation Party Plan Policy Prize
    Program Programme Project Report Schedule School Secretary Service Societie Society Standard Summit Survey
    Syndrome System Team Treaty Union University Week""".split()
)

# Abbreviated titles that a name always follows ("Dr. Hasan", "Mr. Speaker").
TITLES = frozenset("mr mrs ms dr prof gen sen rep gov capt lt col sgt st rev hon pres".split())

# Characters that, right before a word, make it a quoted term or part of code rather than prose.
QUOTE_OPENERS = "\"'‘“`«"


def is_lowercase_word(text: str) -> bool:
    """All letters lowercase (hyphens and apostrophes allowed): "economic", "socio-political"."""
    return text[:1].islower() and text.islower()


def is_capitalised(text: str) -> bool:
    """A first capital followed by at least one lowercase letter: "Faso", "McDonald" (not "NATO", "I")."""
    return text[:1].isupper() and any(ch.islower() for ch in text[1:])


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def copy_case(form: str, word: str) -> str:
    """``word`` with the capitals of ``form`` (same letters, ignoring case and apostrophe style)."""
    if len(form) != len(word):
        return capitalise(word)
    return "".join(f if f.isalpha() and f.lower() == w.lower() else w for f, w in zip(form, word, strict=True))


def split_possessive(text: str) -> tuple[str, str]:
    """("Russia", "’s") for "Russia’s"; (text, "") when there is no possessive."""
    if len(text) > 2 and text[-2] in _APOSTROPHES and text[-1] in "sS":
        return text[:-2], text[-2:]
    if len(text) > 1 and text[-1] in _APOSTROPHES:
        return text[:-1], text[-1:]
    return text, ""


def word_key(text: str) -> str:
    """The key under which usage of a word is counted: lowercase, without a possessive."""
    if "'" not in text and "’" not in text and "ʼ" not in text:
        return text.lower()
    return split_possessive(text)[0].lower()


_PROPER: dict[str, str | None] = {}
_PROPER_LEXICON: list = [None]


def proper_form(lexicon, word: str) -> str | None:
    """The capitalised spelling of ``word`` when the lexicon knows it *only* as a name ("niger" ->
    "Niger", "america's" -> "America's"); None when it also knows a lowercase word, or nothing."""
    if _PROPER_LEXICON[0] is not lexicon:
        _PROPER.clear()
        _PROPER_LEXICON[0] = lexicon
    if word not in _PROPER:
        if len(_PROPER) > 200_000:
            _PROPER.clear()
        _PROPER[word] = _proper_form(lexicon, word)
    return _PROPER[word]


def _proper_form(lexicon, word: str) -> str | None:
    stem, suffix = split_possessive(word)
    for candidate in (word, "") if suffix == "" else (word, stem):
        forms = lexicon.cased_forms(candidate)
        if not forms:
            continue
        if any(not f[:1].isupper() for f in forms):
            return None
        names = [f for f in forms if is_capitalised(split_possessive(f)[0])]
        if len(names) != 1 or len(names) != len(forms):
            return None  # acronyms ("NASA") or several spellings: no sure fix
        if candidate == stem:
            return copy_case(names[0], stem) + suffix
        return copy_case(names[0], word)
    return None


# --- the known-casing list -----------------------------------------------------------------------------


def _dictionaries_dir() -> Path:
    here = Path(__file__).resolve().parent
    inside = here / "dictionaries"
    return inside if inside.is_dir() else here.parent / "dictionaries"


@lru_cache(maxsize=1)
def known_casings() -> dict[str, str]:
    """``dictionaries/casing.txt`` as {lowercase: canonical spelling}: "github" -> "GitHub"."""
    path = _dictionaries_dir() / "casing.txt"
    table: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return table
    for line in lines:
        entry = line.split("#", 1)[0].strip()
        if entry:
            table[entry.lower()] = entry
    return table


# --- what the document says ---------------------------------------------------------------------------


@dataclass
class CasingEvidence:
    """How one document capitalises its words inside sentences.

    ``capital`` and ``lower`` map a word key to the indices (into ``doc.tokens``) of its mid-sentence
    capitalised and lowercase occurrences; capitals in title-case blocks are left out. ``prev`` and
    ``next`` give, for each token, the index of the word right beside it in the same phrase (only spaces
    between them), or -1.
    """

    doc: Document
    capital: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    lower: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    title_blocks: set[int] = field(default_factory=set)
    prev: list[int] = field(default_factory=list)
    next: list[int] = field(default_factory=list)
    block_first: dict[int, int] = field(default_factory=dict)  # block index -> its first token's index
    # lowercase words inside a capitalised name that an acronym spells out: "General Services
    # administration (GSA)" -> the index of "administration"
    in_acronym_name: set[int] = field(default_factory=set)
    code_words: set[str] = field(default_factory=set)  # lowercase words that appear in masked text (code)
    # tokens whose word right beside them in the phrase (``prev`` or ``next``) is capitalised
    beside_capital: set[int] = field(default_factory=set)
    memo: dict = field(default_factory=dict)  # for rules to keep per-document results in

    def standalone(self, index: int) -> bool:
        """Whether token ``index`` stands apart from other capitalised words ("visit Moscow this week",
        not "Burkina Faso")."""
        for j in (self.prev[index], self.next[index]):
            if j >= 0 and self.doc.tokens[j].text[:1].isupper():
                return False
        return True

    def context(self, index: int, side: int, n: int) -> list[int]:
        """Up to ``n`` tokens of the same phrase beside token ``index``, nearest first (side -1: before)."""
        out = []
        links = self.prev if side < 0 else self.next
        j = links[index]
        while j >= 0 and len(out) < n:
            out.append(j)
            j = links[j]
        return out

    def neighbour_text(self, index: int, side: int) -> str | None:
        j = self.prev[index] if side < 0 else self.next[index]
        return self.doc.tokens[j].text if j >= 0 else None


_LAST: list[CasingEvidence] = []
_CODE_WORD = re.compile(r"[^\W\d_]+")


def evidence(doc: Document) -> CasingEvidence:
    """The casing evidence of ``doc``, computed once and shared by the casing rules."""
    if _LAST and _LAST[0].doc is doc:
        return _LAST[0]
    ev = _build_evidence(doc)
    _LAST[:] = [ev]
    return ev


# word text -> (is a function word, 1 lowercase / 2 capitalised / 0 neither, word key, 1 when its first
# letter is a capital else 0): the same for every occurrence of a word, so worked out once per run
_WORD_INFO: dict[str, tuple[bool, int, str, int]] = {}


def _word_info(word: str) -> tuple[bool, int, str, int]:
    if len(_WORD_INFO) > 200_000:
        _WORD_INFO.clear()
    if word.islower():
        shape = 1 if word[0].islower() else 0
    else:
        shape = 2 if is_capitalised(word) else 0
    info = _WORD_INFO[word] = (word.lower() in FUNCTION_WORDS, shape, word_key(word), 1 if word[:1].isupper() else 0)
    return info


def _build_evidence(doc: Document) -> CasingEvidence:
    ev = CasingEvidence(doc)
    tokens = doc.tokens
    text = doc.text
    n = len(tokens)
    prev = ev.prev = [-1] * n
    nxt = ev.next = [-1] * n
    lower, capital, title_blocks, block_first = ev.lower, ev.capital, ev.title_blocks, ev.block_first
    word_kind = TokenKind.WORD
    infos = _WORD_INFO
    # per block: how many content words (not function words) it has, and how many are capitalised
    content: dict[int, int] = {}
    content_capitals: dict[int, int] = {}
    # capitalised words inside sentences, counted once the title-case blocks are known
    capitals: list[tuple[int, str, int]] = []
    beside_capital = ev.beside_capital
    last_block, last_end, last_capitalised = None, 0, False
    for i, (kind, start, end, word, block, sentence_start) in enumerate(tokens):  # Token's fields, in order
        if kind is word_kind:
            info = infos.get(word)
            if info is None:
                info = _word_info(word)
            capitalised = info[1] == 2
        else:
            info = None
            capitalised = is_capitalised(word)
        if last_block == block:
            if not sentence_start:
                width = start - last_end
                # only spaces between
                if (text[last_end] == " ") if width == 1 else (width > 0 and text.count(" ", last_end, start) == width):
                    prev[i] = i - 1
                    nxt[i - 1] = i
                    if capitalised:
                        beside_capital.add(i - 1)
                    if last_capitalised:
                        beside_capital.add(i)
        elif block not in block_first:
            block_first[block] = i
        last_block, last_end, last_capitalised = block, end, capitalised
        if info is None:
            continue
        function_word, shape, key, upper = info
        if not function_word:
            if block in content:
                content[block] += 1
                content_capitals[block] += upper
            else:
                content[block] = 1
                content_capitals[block] = upper
        if shape == 1:
            lower[key].append(i)
        elif shape == 2 and sentence_start is False:
            capitals.append((i, key, block))
    # a title-case block: (nearly) every content word capitalised, as headings and table labels do
    for block, count in content.items():
        if content_capitals[block] >= 0.7 * count:
            title_blocks.add(block)
    _find_acronym_names(ev)
    for span in doc.masks:
        ev.code_words.update(w.lower() for w in _CODE_WORD.findall(text, span.start, span.end))
    for i, key, block in capitals:
        if block not in title_blocks:
            capital[key].append(i)
    return ev


# Short words an acronym usually skips: "Department of Health and Human Services (HHS)".
_ACRONYM_SKIPS = frozenset("of for and the on in to at by with de".split())


def _find_acronym_names(ev: CasingEvidence) -> None:
    """Mark the lowercase words of names spelt out beside an acronym in brackets, when the other words
    of the name are capitalised: "the Somali transitional Federal Government (TFG)", "SOAP (Simple
    Object Access protocol)"."""
    tokens, text = ev.doc.tokens, ev.doc.text
    for a, tok in enumerate(tokens):
        word = tok.text
        if not (word.isupper() and 2 <= len(word) <= 8 and word.replace("-", "").isalpha()):
            continue
        letters = [ch.lower() for ch in word if ch.isalpha()]
        if text[tok.start - 2 : tok.start] == " (" and text[tok.end : tok.end + 1] == ")":
            words = _spelt_out(tokens, text, a, letters, -1)  # "General Services Administration (GSA)"
        elif text[tok.end : tok.end + 2] == " (" and a + 1 < len(tokens):
            words = _spelt_out(tokens, text, a, letters, +1)  # "SOAP (Simple Object Access Protocol)"
            if words and text[tokens[words[-1]].end : tokens[words[-1]].end + 1] != ")":
                words = None
        else:
            continue
        if not words or len(words) < 2:
            continue
        lower = [k for k in words if is_lowercase_word(tokens[k].text)]
        upper = [
            k
            for k in words
            if (is_capitalised(tokens[k].text) and tokens[k].sentence_start is False)
            or tokens[k].kind is TokenKind.INITIALISM
        ]
        if len(lower) == 1 and len(upper) >= max(1, len(words) - 1):
            ev.in_acronym_name.add(lower[0])


def _spelt_out(tokens, text, a, letters, step):
    """The tokens beside token ``a`` whose initials spell ``letters`` (skipping short joining words), or
    None. ``step`` -1 reads backwards from the word before ``a``, +1 forwards from the word after it."""
    want = list(reversed(letters)) if step < 0 else list(letters)
    block = tokens[a].block
    matched: list[int] = []
    j = a + step
    while want and 0 <= j < len(tokens) and tokens[j].block == block:
        near, far = (j, j + 1) if step < 0 else (j - 1, j)
        if far != a and near != a:
            gap = text[tokens[near].end : tokens[far].start]
            if gap.strip(" -&") != "":
                return None
        w = tokens[j].text
        if tokens[j].kind is TokenKind.INITIALISM:
            initials = [ch.lower() for ch in w if ch.isalpha()]
            if step < 0:
                initials.reverse()
            if want[: len(initials)] != initials:
                return None
            del want[: len(initials)]
            matched.append(j)
        elif w[:1].lower() == want[0]:
            matched.append(j)
            want.pop(0)
        elif w.lower() not in _ACRONYM_SKIPS:
            return None
        j += step
    return None if want else sorted(matched)


def prose_word(doc: Document, tok: Token) -> bool:
    """A word written as plain prose: not quoted, not glued to code-like punctuation ("os.path", "foo()",
    "~/bin", "user@host") and not inside a mask."""
    text = doc.text
    before = text[tok.start - 1] if tok.start > 0 else " "
    after = text[tok.end] if tok.end < len(text) else " "
    after2 = text[tok.end + 1] if tok.end + 1 < len(text) else " "
    if before in QUOTE_OPENERS or before in "/\\_@#$%&=<>~.{" or after in "_@/\\(<=`[{":
        return False
    if after in ".:" and after2.isalnum():
        return False  # "github.com", "os.path", "std::io"
    return not doc.is_masked(tok.start, tok.end)
