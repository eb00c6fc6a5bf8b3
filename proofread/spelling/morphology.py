"""Words no dictionary lists but English builds from words it does: "reengineering", "webform",
"findability", "lockfiles", "geekish".

Dictionaries lag behind usage: new compounds ("uptime", "workstream") and regular derivations
("growable", "sunsetting", "noncolonial") are real words that a spell checker should not flag. A typing
slip, on the other hand, almost never lands exactly on a prefix plus a word, or on two common words
joined. ``derivation(word, is_word, count)`` says how a word is built, or None:

- a prefix and a known word of four letters or more: "re" + "engineering", "non" + "colonial";
- a known word and a derivational suffix, with the usual spelling changes (a dropped final "e", a
  doubled consonant, "y" turned "i"): "grow" + "able", "sunset" + "ing", "geek" + "ish";
- two common words of three letters or more: "web" + "form", "lock" + "files";
- any of these with a plural or verb "s" on top: "lockfile" + "s";
- the British spelling of a known American word: "initialise", "colour", "centre", "travelled".

The parts of a compound must be common (``count`` per billion words at least ``COMPOUND_MIN``), so that a
slip of a long word into two rare fragments does not pass for a compound.
"""

from __future__ import annotations

from collections.abc import Callable

PREFIXES = (
    "anti",
    "auto",
    "back",
    "co",
    "counter",
    "cross",
    "cyber",
    "de",
    "dis",
    "down",
    "eco",
    "geo",
    "hyper",
    "inter",
    "intra",
    "macro",
    "meta",
    "micro",
    "mid",
    "mini",
    "mis",
    "multi",
    "neo",
    "non",
    "out",
    "over",
    "post",
    "pre",
    "pro",
    "pseudo",
    "re",
    "self",
    "semi",
    "sub",
    "super",
    "tele",
    "trans",
    "ultra",
    "un",
    "under",
    "up",
)

# Suffix -> what the stem may have ended with before it (besides nothing): "e" dropped before a vowel.
SUFFIXES = (
    "ability",
    "able",
    "ably",
    "ization",
    "izations",
    "ize",
    "ized",
    "izes",
    "izing",
    "ify",
    "ified",
    "ing",
    "ings",
    "ed",
    "er",
    "ers",
    "or",
    "ors",
    "ness",
    "less",
    "ly",
    "ish",
    "ism",
    "isms",
    "ist",
    "ists",
    "like",
    "ship",
    "wide",
    "ment",
    "ments",
    "ity",
    "al",
)

COMPOUND_MIN = 1000  # per billion words: zipf 3
COMPOUND_MIN_SHORT = 30000  # zipf 4.5, for parts of three letters
COMPOUND_PART = 3  # shortest part of a compound
PREFIX_STEM = 4  # shortest word after a prefix
SUFFIX_STEM = 4  # shortest word before a suffix


# British spellings of American words: "initialise" -> "initialize", "colour" -> "color".
_BRITISH = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("ourite", "orite"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("fence", "fense"),  # defence, offence
    ("cence", "cense"),  # licence
    ("tence", "tense"),  # pretence
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
)


def british(word: str, is_word: Callable[[str], bool]) -> str | None:
    """The American spelling of a British-spelt ``word`` ("organise" -> "organize"), or None."""
    for gb, us in _BRITISH:
        if word.endswith(gb) and len(word) > len(gb) + 2:
            american = word[: -len(gb)] + us
            if is_word(american):
                return american
    return None


def derivation(word: str, is_word: Callable[[str], bool], count: Callable[[str], int]) -> str | None:
    """How the lowercase ``word`` is built from known words ("re+engineering"), or None."""
    us = british(word, is_word)
    if us:
        return f"{us}(GB)"
    found = _derive(word, is_word, count)
    if found:
        return found
    # a plural or a verb's "s" on top of a derived word
    for ending in ("es", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 4:
            base = word[: -len(ending)]
            inner = _derive(base, is_word, count)
            if inner:
                return f"{inner}+{ending}"
    return None


def _derive(word: str, is_word, count) -> str | None:
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= PREFIX_STEM:
            rest = word[len(prefix) :]
            if is_word(rest) or (rest[0] == "-" and is_word(rest[1:])):
                return f"{prefix}+{rest}"
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= SUFFIX_STEM - 1:
            stem = word[: -len(suffix)]
            for candidate in _stems(stem, suffix):
                if len(candidate) >= SUFFIX_STEM and is_word(candidate):
                    return f"{candidate}+{suffix}"
    for i in range(COMPOUND_PART, len(word) - COMPOUND_PART + 1):
        a, b = word[:i], word[i:]
        if count(a) >= _part_min(a) and count(b) >= _part_min(b):
            return f"{a}+{b}"
    return None


def _part_min(part: str) -> int:
    # three-letter words are easy to stumble on by chance ("bis", "com"): only very common ones count
    return COMPOUND_MIN_SHORT if len(part) <= 3 else COMPOUND_MIN


def _stems(stem: str, suffix: str):
    vowel = suffix[0] in "aeiouy"
    # a silent "e" drops before a vowel ("voteing" is a misspelling), except after a vowel ("seeing",
    # "dyeing") and after a soft c or g before a or o ("changeable", "noticeable")
    if not (
        vowel
        and len(stem) > 2
        and stem[-1] == "e"
        and stem[-2] not in "aeiouy"
        and not (suffix[0] in "ao" and stem[-2] in "cg")
    ):
        yield stem
    if vowel:
        yield stem + "e"  # "deletable" <- "delete"
        if len(stem) > 2 and stem[-1] == stem[-2]:
            yield stem[:-1]  # "sunsetting" <- "sunset"
    if stem.endswith("i"):
        yield stem[:-1] + "y"  # "happiness" <- "happy"
