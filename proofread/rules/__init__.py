"""The rule registry.

Every module in this package named like ``sp001_unknown_word`` (family prefix, number, name) defines one
``Rule`` subclass. ``all_rules()`` finds them, ordered by code; ``select_rules()`` filters by code or prefix
the way ruff's ``--select``/``--ignore`` do.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache

from proofread.rules.base import Rule

_MODULE_NAME = re.compile(r"^[a-z]{2}\d{3}_\w+$")


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class in this package, sorted by code."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if not _MODULE_NAME.match(info.name):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        classes = [
            obj
            for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__
        ]
        if len(classes) != 1:
            raise RuntimeError(f"rule module {module.__name__} must define exactly one Rule, found {len(classes)}")
        found.append(classes[0])
    return tuple(sorted(found, key=lambda r: r.code))


def matches(code: str, selectors: list[str] | tuple[str, ...]) -> bool:
    """True when ``code`` starts with one of ``selectors`` ("ALL" matches every code)."""
    return any(s == "ALL" or code.startswith(s.upper()) for s in selectors)


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[type[Rule]]:
    """The rules chosen by ``select`` (default: all) minus those chosen by ``ignore``."""
    chosen = [r for r in all_rules() if matches(r.code, select or ["ALL"])]
    return [r for r in chosen if not (ignore and matches(r.code, ignore))]


def known_prefixes() -> set[str]:
    """Every code and every prefix of a code, for validating --select/--ignore values."""
    out = {"ALL"}
    for rule in all_rules():
        out.update(rule.code[:i] for i in range(1, len(rule.code) + 1))
    return out
