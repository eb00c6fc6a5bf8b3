"""One line per finding: ``path:line:col: CODE message``, with ``[*]`` where --fix would fix it."""

from __future__ import annotations

from proofread.model import Applicability
from proofread.report.common import summary


def render(results, settings, out) -> None:
    for result in results:
        if not result.diagnostics:
            continue
        index = result.excerpt
        for d in result.diagnostics:
            line, column = index.position(d.span.start)
            fixable = d.fix is not None and d.fix.applicability >= settings.required
            marker = " [*]" if fixable and d.fix.applicability > Applicability.DISPLAY_ONLY else ""
            out.write(f"{result.path}:{line}:{column}: {d.code}{marker} {d.message}\n")
    out.write(summary(results, settings) + "\n")
