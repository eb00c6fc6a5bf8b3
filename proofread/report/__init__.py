"""Output formats: each module renders the run's results one way; ``render`` picks by name."""

from __future__ import annotations

import importlib
from typing import TextIO

FORMATS = ("full", "concise", "json", "github", "sarif", "junit", "gitlab")


def render(name: str, results, settings, out: TextIO) -> None:
    """Write the report of ``results`` in format ``name`` to ``out``."""
    if name not in FORMATS:
        raise ValueError(f"unknown output format {name!r}; choose from {', '.join(FORMATS)}")
    importlib.import_module(f"proofread.report.{name}").render(results, settings, out)
