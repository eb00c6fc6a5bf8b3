"""JUnit XML, for CI systems that show test reports: one test suite per file, one failed test case per
finding (named ``CODE at line:column``), and one passing case for a file with no finding."""

from __future__ import annotations

import re

from proofread.report._paths import relative
from proofread.report.common import positions

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _attr(value: str) -> str:
    from xml.sax.saxutils import quoteattr

    return quoteattr(_NOT_XML.sub("\ufffd", value))


def _text(value: str) -> str:
    from xml.sax.saxutils import escape

    return escape(_NOT_XML.sub("\ufffd", value))


def render(results, settings, out) -> None:
    total = sum(max(1, len(r.diagnostics)) for r in results)
    failures = sum(len(r.diagnostics) for r in results)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="proofread" tests="{total}" failures="{failures}" errors="0">\n')
    for result in results:
        path = relative(result.path)
        n = len(result.diagnostics)
        out.write(f'  <testsuite name={_attr(path)} tests="{max(1, n)}" failures="{n}" errors="0" skipped="0">\n')
        if not n:
            out.write(f'    <testcase name="proofread" classname={_attr(path)} file={_attr(path)}/>\n')
        index = result.excerpt
        for d in result.diagnostics:
            line, column, _, _ = positions(index, d)
            name = f"{d.code} at {line}:{column}"
            out.write(f'    <testcase name={_attr(name)} classname={_attr(path)} file={_attr(path)} line="{line}">\n')
            body = f"{path}:{line}:{column}: {d.code} {d.message}"
            out.write(f"      <failure message={_attr(d.message)} type={_attr(d.code)}>{_text(body)}</failure>\n")
            out.write("    </testcase>\n")
        out.write("  </testsuite>\n")
    out.write("</testsuites>\n")
