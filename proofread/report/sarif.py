"""SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, and other SARIF viewers).

One run whose driver lists every rule (id, name, description, category); one result per finding, with
its rule, level ``error``, message, location (path relative to the current folder, lines and columns
1-based, columns in Unicode code points, end column exclusive) and, when it has one, its fix.
"""

from __future__ import annotations

import json

from proofread import __version__
from proofread.report._paths import relative, rule_catalogue
from proofread.report.common import positions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> dict:
    from urllib.parse import quote

    rel = relative(path)
    if rel == "-":
        return {"uri": "stdin"}
    if rel.startswith("/"):
        return {"uri": "file://" + quote(rel)}
    return {"uri": quote(rel), "uriBaseId": "%SRCROOT%"}


def _region(index, start: int, end: int) -> dict:
    line, column = index.position(start)
    end_line, end_column = index.position(end)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def document(results) -> dict:
    catalogue = rule_catalogue()
    rule_index = {code: i for i, (code, *_rest) in enumerate(catalogue)}
    rules = [
        {
            "id": code,
            "name": name,
            "shortDescription": {"text": description},
            "properties": {"category": category},
        }
        for code, name, category, description in catalogue
    ]
    sarif_results = []
    for result in results:
        if not result.diagnostics:
            continue
        index = result.excerpt
        location = _uri(result.path)
        for d in result.diagnostics:
            line, column, end_line, end_column = positions(index, d)
            item = {
                "ruleId": d.code,
                "level": "error",
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": location,
                            "region": {
                                "startLine": line,
                                "startColumn": column,
                                "endLine": end_line,
                                "endColumn": end_column,
                            },
                        }
                    }
                ],
            }
            if d.code in rule_index:
                item["ruleIndex"] = rule_index[d.code]
            if d.fix is not None:
                item["fixes"] = [
                    {
                        "description": {"text": f"{d.fix.title} ({d.fix.applicability.label})"},
                        "artifactChanges": [
                            {
                                "artifactLocation": location,
                                "replacements": [
                                    {
                                        "deletedRegion": _region(index, e.start, e.end),
                                        "insertedContent": {"text": e.content},
                                    }
                                    for e in d.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            sarif_results.append(item)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "proofread",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }


def render(results, settings, out) -> None:
    json.dump(document(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
