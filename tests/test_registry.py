"""The static rule registry (``proofread.rules.MODULES``) stays in step with the rule modules on disk,
and knowing the codes imports no rule."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys

import proofread.rules as registry
from proofread.rules.base import Rule

_MODULE_NAME = re.compile(r"^[a-z]{2}\d{3}_\w+$")


def test_every_rule_module_is_registered_under_its_code():
    on_disk = sorted(info.name for info in pkgutil.iter_modules(registry.__path__) if _MODULE_NAME.match(info.name))
    assert sorted(registry.MODULES.values()) == on_disk
    for code, module in registry.MODULES.items():
        assert module.startswith(code.lower() + "_")
        cls = registry.rule_class(code)
        assert issubclass(cls, Rule) and cls.code == code


def test_codes_are_sorted_and_all_rules_follow_them():
    assert list(registry.CODES) == sorted(registry.CODES)
    assert [r.code for r in registry.all_rules()] == list(registry.CODES)


def test_select_rules_imports_only_what_it_selects():
    code = (
        "import sys\n"
        "from proofread.rules import select_rules, known_prefixes\n"
        "assert 'SP002' in known_prefixes()\n"
        "rules = select_rules(['PU001'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('proofread.rules.') and m != 'proofread.rules.base')\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "proofread.rules.pu001_missing_space_after_comma"
