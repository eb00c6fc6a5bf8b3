"""Run by the harperpy venv's interpreter (Harper's Python binding lives there), never imported.

Reads {"markdown": bool, "files": [[path, name], ...]} on stdin and prints the findings as JSON,
normalised like the yardstick's tools.harper: {"file", "start", "end", "kind", "rule", "suggestions"}.
"""

import json
import sys
from pathlib import Path

import harper as H


def main() -> None:
    req = json.load(sys.stdin)
    linter = H.Linter()
    lang = H.Language.MARKDOWN if req["markdown"] else H.Language.PLAINTEXT
    out = []
    for path, name in req["files"]:
        text = Path(path).read_text(encoding="utf-8")
        for lint in linter.lint(text, language=lang):
            kind = str(lint.lint_kind)
            out.append(
                {
                    "file": name,
                    "start": lint.span.start,
                    "end": lint.span.end,
                    "kind": kind,
                    "rule": kind,
                    "suggestions": [s.replacement_text for s in lint.suggestions][:5],
                }
            )
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
