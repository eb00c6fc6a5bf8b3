"""The rule registry.

Every module in this package named like ``sp001_unknown_word`` (family prefix, number, name) defines one
``Rule`` subclass. ``MODULES`` maps each code to its module, so that the codes are known without importing
any rule (the command line validates ``--select`` before anything else) and a run imports only the rules
it enables; tests/test_registry.py keeps the table in step with the modules on disk.

``all_rules()`` imports them all, ordered by code; ``rule_classes(codes)`` only those named;
``select_rules()`` filters by code or prefix the way ruff's ``--select``/``--ignore`` do.
"""

from __future__ import annotations

import importlib
from functools import cache

from proofread.rules.base import Rule

# code -> module in this package (sorted by code; one rule per module)
MODULES = {
    "CA001": "ca001_lowercase_sentence_start",
    "CA002": "ca002_lowercase_item_start",
    "CA003": "ca003_lowercase_proper_noun",
    "CA004": "ca004_miscased_term",
    "CL001": "cl001_trailing_whitespace",
    "CL002": "cl002_trailing_blank_lines",
    "CL003": "cl003_missing_final_newline",
    "CL004": "cl004_multiple_blank_lines",
    "CL005": "cl005_tab_in_prose",
    "CL006": "cl006_mixed_line_endings",
    "CL007": "cl007_zero_width_character",
    "CL008": "cl008_soft_hyphen",
    "CL009": "cl009_stray_byte_order_mark",
    "CL010": "cl010_no_break_space",
    "CL011": "cl011_control_character",
    "CL012": "cl012_replacement_character",
    "CL013": "cl013_mixed_script_word",
    "CL014": "cl014_mojibake",
    "CL015": "cl015_mixed_quotes",
    "CL016": "cl016_mixed_apostrophes",
    "CL017": "cl017_double_space_between_sentences",
    "PU001": "pu001_missing_space_after_comma",
    "PU002": "pu002_missing_space_after_period",
    "PU003": "pu003_missing_space_after_semicolon",
    "PU004": "pu004_missing_space_after_colon",
    "PU005": "pu005_missing_space_after_question_or_exclamation",
    "PU006": "pu006_space_before_punctuation",
    "PU007": "pu007_doubled_space",
    "PU008": "pu008_doubled_punctuation",
    "PU009": "pu009_repeated_word",
    "SP001": "sp001_known_misspelling",
    "SP002": "sp002_unknown_word",
}

CODES = tuple(MODULES)


@cache
def rule_class(code: str) -> type[Rule]:
    """The rule class of ``code``, its module imported on first use."""
    module = importlib.import_module(f"{__name__}.{MODULES[code]}")
    classes = [
        obj
        for obj in vars(module).values()
        if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__
    ]
    if len(classes) != 1 or classes[0].code != code:
        raise RuntimeError(f"rule module {module.__name__} must define exactly one Rule, {code}")
    return classes[0]


def rule_classes(codes) -> list[type[Rule]]:
    """The rule classes of ``codes`` that are rules (not proofread's own codes), in code order."""
    wanted = set(codes)
    return [rule_class(code) for code in CODES if code in wanted]


def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class in this package, sorted by code."""
    return tuple(rule_classes(CODES))


def matches(code: str, selectors: list[str] | tuple[str, ...]) -> bool:
    """True when ``code`` starts with one of ``selectors`` ("ALL" matches every code)."""
    return any(s == "ALL" or code.startswith(s.upper()) for s in selectors)


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[type[Rule]]:
    """The rules chosen by ``select`` (default: all) minus those chosen by ``ignore``."""
    chosen = [c for c in CODES if matches(c, select or ["ALL"])]
    return rule_classes(c for c in chosen if not (ignore and matches(c, ignore)))


def known_prefixes() -> set[str]:
    """Every code and every prefix of a code, for validating --select/--ignore values."""
    out = {"ALL"}
    for code in CODES:
        out.update(code[:i] for i in range(1, len(code) + 1))
    return out
