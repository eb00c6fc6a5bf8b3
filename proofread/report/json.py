"""A JSON list of findings with a stable schema (documented in README.md, "JSON output").

Each finding: path, line, column, end_line, end_column (1-based, in code points, end exclusive), start and
end (0-based code-point offsets into the file), rule, name, category, message, suggestions (replacements
for the span, best first) and fix (null, or applicability, title, replacement for the span, and edits).
"""

from __future__ import annotations

import json

from proofread.report.common import fix_replacement, positions


def findings(results) -> list[dict]:
    out = []
    for result in results:
        index = result.excerpt
        for d in result.diagnostics:
            line, column, end_line, end_column = positions(index, d)
            fix = None
            if d.fix is not None:
                edits = []
                for e in d.fix.edits:
                    el, ec = index.position(e.start)
                    eel, eec = index.position(e.end)
                    edits.append(
                        {
                            "start": e.start,
                            "end": e.end,
                            "content": e.content,
                            "line": el,
                            "column": ec,
                            "end_line": eel,
                            "end_column": eec,
                        }
                    )
                fix = {
                    "applicability": d.fix.applicability.label,
                    "title": d.fix.title,
                    "replacement": fix_replacement(d, index),
                    "edits": edits,
                }
            out.append(
                {
                    "path": result.path,
                    "line": line,
                    "column": column,
                    "end_line": end_line,
                    "end_column": end_column,
                    "start": d.span.start,
                    "end": d.span.end,
                    "rule": d.code,
                    "name": d.name,
                    "category": d.category,
                    "message": d.message,
                    "suggestions": list(d.suggestions),
                    "fix": fix,
                }
            )
    return out


def render(results, settings, out) -> None:
    json.dump(findings(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
