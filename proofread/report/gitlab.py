"""GitLab code quality report: a JSON list of issues for the merge-request widget.

Each issue has a description, a check name (the rule code), a fingerprint (stable across runs: a hash of
the rule, the path and the text around the finding, plus a counter for repeats), a severity (``major``),
and a location (path relative to the current folder, begin and end lines).
"""

from __future__ import annotations

import json

from proofread.report._paths import relative
from proofread.report.common import positions


def issues(results) -> list[dict]:
    import hashlib

    out = []
    for result in results:
        if not result.diagnostics:
            continue
        index = result.excerpt
        path = relative(result.path)
        seen: dict[str, int] = {}
        for d in result.diagnostics:
            line, _, end_line, _ = positions(index, d)
            around = " ".join(index.slice(max(0, d.span.start - 20), d.span.end + 20).split())
            key = f"{d.code}\0{path}\0{around}"
            seen[key] = seen.get(key, 0) + 1
            digest = hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()[:32]
            out.append(
                {
                    "type": "issue",
                    "description": f"{d.code} {d.message}",
                    "check_name": d.code,
                    "categories": ["Style"],
                    "fingerprint": digest,
                    "severity": "major",
                    "location": {"path": path, "lines": {"begin": line, "end": end_line}},
                }
            )
    return out


def render(results, settings, out) -> None:
    json.dump(issues(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
