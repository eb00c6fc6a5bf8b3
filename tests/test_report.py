"""Golden reports for each output format on a small document with known faults."""

import io

import pytest

from proofread.runner import Settings, run

DOC = """Mali,Burkina Faso,and Niger signed the pact.It holds.
- one item
"""


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "github"])
def test_golden_report(fmt, tmp_path, golden, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    out = io.StringIO()
    run(Settings(paths=("doc.txt",), output_format=fmt, select=("PU001", "PU002")), out, io.StringIO())
    golden(f"report.{fmt}.txt", out.getvalue())
