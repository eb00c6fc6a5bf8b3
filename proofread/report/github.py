"""GitHub Actions workflow commands: one ``::error`` annotation per finding."""

from __future__ import annotations

from proofread.report.common import positions


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(results, settings, out) -> None:
    for result in results:
        if not result.diagnostics:
            continue
        index = result.excerpt
        for d in result.diagnostics:
            line, column, end_line, end_column = positions(index, d)
            props = ",".join(
                [
                    f"title={_escape_property(f'proofread ({d.code})')}",
                    f"file={_escape_property(result.path)}",
                    f"line={line}",
                    f"col={column}",
                    f"endLine={end_line}",
                    f"endColumn={end_column}",
                ]
            )
            out.write(f"::error {props}::{_escape_data(f'{d.code} {d.message}')}\n")
