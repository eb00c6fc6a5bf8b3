"""What rules share while checking: the lexicon (loaded on first use) and the project's own vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass
class Context:
    """Shared, read-only resources for the rules of one run.

    ``vocabulary`` holds the project's own words exactly as written ("Goïta", "kubectl"); rules treat them
    as known words and known spellings of names.
    """

    vocabulary: frozenset[str] = field(default_factory=frozenset)
    dialect: str = "en-US"  # "en-US" or "en-GB", from the configuration or --dialect

    @cached_property
    def vocabulary_lower(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.vocabulary)

    @cached_property
    def lexicon(self):
        """The word lexicon with case and frequency (``proofread.lexicon.Lexicon``), loaded on first use."""
        from proofread.lexicon import load_lexicon

        return load_lexicon()
