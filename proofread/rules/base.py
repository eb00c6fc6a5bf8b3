"""What every rule is: a class with a code, a name, a category, examples, and a ``check`` method."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from proofread.context import Context
    from proofread.model import Diagnostic, Document


class Rule:
    """Base class of all rules.

    A rule module defines one subclass, sets the class attributes and implements ``check``.
    ``examples`` pairs a text with its fully fixed form (``None`` when the text must raise nothing from
    this rule); the test suite runs every example through the rule. Examples are plain text unless they
    begin with ``"md:"``, in which case the rest is read as Markdown.
    """

    code: ClassVar[str]  # "SP001": family prefix (SP, CA, PU, CL) and number
    name: ClassVar[str]  # "unknown-word": names the pattern flagged
    category: ClassVar[str]  # "spelling", "casing", "punctuation" or "cleanup"
    examples: ClassVar[tuple[tuple[str, str | None], ...]] = ()

    def check(self, doc: Document, ctx: Context) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def diagnostic(self, message: str, start: int, end: int, fix=None, suggestions=()) -> Diagnostic:
        """Build a Diagnostic carrying this rule's code, name and category."""
        from proofread.model import Diagnostic, Span

        return Diagnostic(self.code, self.name, self.category, message, Span(start, end), fix, tuple(suggestions))
