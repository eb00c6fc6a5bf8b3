"""Golden reports for each output format on a small document with known faults."""

import io
import subprocess
import sys

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


def _modules_after_check(tmp_path, *args):
    """The top-level packages imported by ``proofread check ARGS`` on one clean Markdown file."""
    page = tmp_path / "page.md"
    page.write_text("# Title\n\nA clean paragraph of prose.\n", encoding="utf-8")
    code = (
        "import sys\n"
        f"sys.argv = ['proofread', 'check', '--isolated', *{list(args)!r}, {str(page)!r}]\n"
        "from proofread.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('MODULES', sorted({m.split('.')[0] for m in sys.modules}))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "All clean" in r.stdout or r.stdout.startswith("[]"), r.stdout + r.stderr
    return r.stdout.split("MODULES", 1)[1]


@pytest.mark.parametrize("args", [(), ("-o", "concise"), ("-o", "json")])
def test_a_clean_run_imports_neither_rich_nor_typer(tmp_path, args):
    modules = _modules_after_check(tmp_path, *args)
    assert "'rich'" not in modules and "'typer'" not in modules and "'click'" not in modules


def test_all_clean_is_bold_only_on_a_terminal(monkeypatch):
    from proofread.report.full import render
    from proofread.runner import FileResult, Settings

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    results = [FileResult.of("a.md", "Fine.\n", ())]
    for out, expected in ((io.StringIO(), "All clean! No issues found.\n"),
                          (Terminal(), "\x1b[1mAll clean! No issues found.\x1b[0m\n")):  # fmt: skip
        render(results, Settings(paths=("a.md",)), out)
        assert out.getvalue() == expected
    monkeypatch.setenv("NO_COLOR", "1")
    out = Terminal()
    render(results, Settings(paths=("a.md",)), out)
    assert out.getvalue() == "All clean! No issues found.\n"
