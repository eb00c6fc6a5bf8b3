"""The command line: exit codes, output formats, fixes, diff, stdin and bad input."""

import io
import json
import os
import shutil
import subprocess
import sys

import pytest

from proofread.runner import Settings, guided_batches, run

FAULTY = "They met in Mali,Burkina Faso and Niger.\n"
CLEAN = "They met in Mali, Burkina Faso and Niger.\n"


def run_cli(*args, stdin=None, cwd=None):
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "proofread", *args], capture_output=True, text=True, input=stdin, cwd=cwd, env=env
    )


def run_settings(**kw):
    out, err = io.StringIO(), io.StringIO()
    code = run(Settings(**kw), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path):
    (tmp_path / "faulty.txt").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_exit_codes(files):
    assert run_settings(paths=(str(files / "clean.md"),), select=("PU",))[0] == 0
    assert run_settings(paths=(str(files / "faulty.txt"),), select=("PU",))[0] == 1
    code, _, err = run_settings(paths=(str(files / "missing.txt"), str(files / "faulty.txt")), select=("PU",))
    assert code == 2
    assert "missing.txt: no such file or folder" in err


def test_folder_recursion_takes_text_files_only(files):
    (files / "sub").mkdir()
    (files / "sub" / "deep.markdown").write_text(FAULTY, encoding="utf-8")
    (files / "notes.rst").write_text(FAULTY, encoding="utf-8")
    code, out, _ = run_settings(paths=(str(files),), output_format="concise", select=("PU",))
    assert code == 1
    assert "deep.markdown" in out and "faulty.txt" in out and "notes.rst" not in out


def test_concise_format(files):
    _, out, _ = run_settings(paths=(str(files / "faulty.txt"),), output_format="concise", select=("PU001",))
    first = out.splitlines()[0]
    assert first.startswith(f"{files / 'faulty.txt'}:1:17: PU001 [*] ")


def test_json_format_schema(files):
    _, out, _ = run_settings(paths=(str(files / "faulty.txt"),), output_format="json", select=("PU001",))
    (finding,) = json.loads(out)
    assert set(finding) >= {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "rule",
        "name",
        "category",
        "message",
        "suggestions",
        "fix",
    }
    text = FAULTY
    assert text[finding["start"] : finding["end"]] == ","
    assert finding["line"] == 1 and finding["column"] == finding["start"] + 1
    assert finding["category"] == "punctuation"
    assert finding["fix"]["applicability"] == "safe"
    fixed = text[: finding["start"]] + finding["fix"]["replacement"] + text[finding["end"] :]
    assert fixed == CLEAN


def test_github_format(files):
    _, out, _ = run_settings(paths=(str(files / "faulty.txt"),), output_format="github", select=("PU001",))
    assert out.startswith("::error title=proofread (PU001),file=")
    assert ",line=1,col=17," in out


def test_fix_writes_the_file_and_is_idempotent(files):
    path = files / "faulty.txt"
    code, _, _ = run_settings(paths=(str(path),), fix=True, select=("PU",))
    assert code == 0
    assert path.read_text(encoding="utf-8") == CLEAN
    before = path.stat().st_mtime_ns
    assert run_settings(paths=(str(path),), fix=True, select=("PU",))[0] == 0
    assert path.stat().st_mtime_ns == before  # nothing to fix: nothing written


def test_fix_keeps_crlf_and_bom(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbfOne,two.\r\nThree,four.\r\n")
    run_settings(paths=(str(path),), fix=True, select=("PU001",))
    assert path.read_bytes() == b"\xef\xbb\xbfOne, two.\r\nThree, four.\r\n"


def test_diff_writes_nothing(files):
    path = files / "faulty.txt"
    code, out, _ = run_settings(paths=(str(path),), diff=True, select=("PU",))
    assert code == 1
    assert "-They met in Mali,Burkina" in out and "+They met in Mali, Burkina" in out
    assert path.read_text(encoding="utf-8") == FAULTY


def test_select_and_ignore(files):
    path = str(files / "faulty.txt")
    assert run_settings(paths=(path,), select=("PU",), ignore=("PU001",))[0] == 0


def test_bad_inputs_get_one_line_each_and_others_are_still_checked(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"abc\x00def")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes("hi".encode("utf-16"))
    (tmp_path / "good.txt").write_text(FAULTY, encoding="utf-8")
    code, out, err = run_settings(paths=(str(tmp_path),), output_format="concise", select=("PU",))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert any("binary.txt: binary file" in line for line in lines)
    assert any("latin1.txt: not valid UTF-8" in line for line in lines)
    assert any("utf16.txt: UTF-16" in line for line in lines)
    assert "good.txt:1:17" in out


def test_empty_folder(tmp_path):
    code, _, err = run_settings(paths=(str(tmp_path),))
    assert code == 2 and "no .txt, .md or .markdown files" in err


def test_cli_stdin_and_version():
    r = run_cli("check", "--select", "PU001", "--output-format", "concise", "-", stdin=FAULTY)
    assert r.returncode == 1 and r.stdout.startswith("-:1:17: PU001")
    r = run_cli("check", "--select", "PU001", "--fix", "-", stdin=FAULTY)
    assert r.returncode == 0 and r.stdout == CLEAN
    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.startswith("proofread ")


def test_cli_usage_errors_exit_2(files):
    r = run_cli("check", "--select", "ZZ999", str(files))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    r = run_cli("check", "--output-format", "xml", str(files))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    r = run_cli("check", str(files / "nope.md"))
    assert r.returncode == 2 and "nope.md: no such file or folder" in r.stderr and "Traceback" not in r.stderr


def test_no_colour_when_not_a_terminal(files):
    r = run_cli("check", "--select", "PU001", str(files / "faulty.txt"))
    assert "\x1b[" not in r.stdout
    assert "Found 1 issue (1 fixable with --fix)." in r.stdout


# --- the fast command-line path, --jobs, --diff-from, progress ---------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["a.md", "b.txt"],
        ["-o", "concise", "--fix", "a.md"],
        ["--output-format=json", "--select", "PU,SP001", "--select", "CA", "--ignore", "PU002", "-"],
        ["-oconcise", "-j4", "--unsafe-fixes", "--diff", "--extend-select", "PR", "x"],
        ["--config", "c.toml", "--dialect", "en-GB", "--baseline", "b.json", "--diff-from", "HEAD~1", "--", "-x.md"],
        ["--isolated", "--no-progress", "--jobs", "1", "--extend-exclude", "drafts", "."],
        ["-o", "sarif", "a.md"],
    ],
)
def test_fast_parser_agrees_with_typer(argv, monkeypatch):
    from typer.testing import CliRunner

    import proofread.cli as cli
    import proofread.runner

    fast = cli.fast_parse(argv)
    assert fast is not None
    seen = []
    monkeypatch.setattr(proofread.runner, "run", lambda settings: seen.append(settings) or 0)
    result = CliRunner().invoke(cli.app, ["check", *argv])
    assert result.exit_code == 0, result.output
    assert seen == [cli.make_settings(**fast)]


@pytest.mark.parametrize("argv", [["--help"], ["-h"], ["--bogus"], ["-o"], ["--jobs", "x"], ["--fix=1"], ["-q"]])
def test_fast_parser_hands_unusual_lines_to_typer(argv):
    from proofread.cli import fast_parse

    assert fast_parse(argv) is None


def test_bad_values_get_typer_errors_not_tracebacks(files):
    for args in (
        ["-o", "xml"],
        ["--dialect", "fr"],
        ["--jobs", "0"],
        ["--select", "ZZ9"],
        ["--config", "a", "--isolated"],
    ):
        r = run_cli("check", *args, str(files))
        assert r.returncode == 2 and "Traceback" not in r.stderr, (args, r.stderr)


def test_check_does_not_import_typer_or_rich():
    code = (
        "import sys\n"
        "sys.argv = ['proofread', 'check', '--isolated', '--select', 'PU', '-o', 'concise', '-']\n"
        "from proofread.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'typer', 'rich', 'pydantic', 'click', 'tomllib'}\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in heavy)\n"
        "print('HEAVY', heavy)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, input=CLEAN)
    assert "HEAVY []" in r.stdout, r.stdout + r.stderr


def many_files(tmp_path, n=24):
    for i in range(n):
        (tmp_path / f"f{i:02}.md").write_text(f"Item {i},here.It is.\n\nAll fine {i}.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["concise", "full", "json"])
def test_jobs_output_is_byte_identical(tmp_path, fmt):
    many_files(tmp_path)
    one = run_settings(paths=(str(tmp_path),), output_format=fmt, select=("PU",), jobs=1)
    two = run_settings(paths=(str(tmp_path),), output_format=fmt, select=("PU",), jobs=3)
    assert one == two and one[0] == 1 and one[1].count("PU001") == 24


def test_jobs_with_fix_and_diff(tmp_path):
    many_files(tmp_path)
    one = run_settings(paths=(str(tmp_path),), diff=True, select=("PU",), jobs=1)
    two = run_settings(paths=(str(tmp_path),), diff=True, select=("PU",), jobs=2)
    assert one == two and one[1].count("+++ b/") == 24
    code, _, _ = run_settings(paths=(str(tmp_path),), fix=True, select=("PU",), jobs=2)
    assert code == 0
    assert (tmp_path / "f07.md").read_text(encoding="utf-8") == "Item 7, here. It is.\n\nAll fine 7.\n"


@pytest.mark.parametrize(("count", "jobs"), [(0, 2), (1, 2), (7, 2), (149, 2), (1481, 2), (1000, 3), (50, 8)])
def test_guided_batches_cover_every_path_once_in_order(count, jobs):
    paths = [f"f{i}" for i in range(count)]
    batches = guided_batches(paths, jobs)
    assert [p for batch in batches for p in batch] == paths
    sizes = [len(batch) for batch in batches]
    assert sizes == sorted(sizes, reverse=True)  # largest first, shrinking towards the end
    assert all(size >= 4 for size in sizes[:-1])
    if count >= 40 * jobs:
        assert sizes[0] <= count // (2 * jobs) + 1  # no worker is handed more than half its fair share at once
        assert sizes[-1] <= 4  # and the last batches are small, so no worker waits long at the end


def test_cli_jobs_with_errors_keep_order(tmp_path):
    many_files(tmp_path)
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe")
    one = run_cli("check", "--isolated", "--select", "PU", "-o", "concise", "-j", "1", str(tmp_path))
    two = run_cli("check", "--isolated", "--select", "PU", "-o", "concise", "-j", "2", str(tmp_path))
    assert one.returncode == two.returncode == 2
    assert (one.stdout, one.stderr) == (two.stdout, two.stderr)


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_from_reports_changed_lines_only(tmp_path, monkeypatch):
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "t@example.com")
    git(tmp_path, "config", "user.name", "t")
    doc = tmp_path / "doc.md"
    doc.write_text("Old,line one.\n\nOld,line two.\n", encoding="utf-8")
    (tmp_path / "same.md").write_text("Untouched,file.\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "start")
    doc.write_text("Old,line one.\n\nNew,line two.\n\nAdded,line.\n", encoding="utf-8")
    (tmp_path / "new.md").write_text("Brand,new.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_settings(paths=(".",), output_format="concise", select=("PU001",), diff_from="HEAD")
    assert code == 1, err
    found = sorted(line.split(": ")[0] for line in out.splitlines() if "PU001" in line)
    assert found == ["./doc.md:3:4", "./doc.md:5:6", "./new.md:1:6"]
    code, out, _ = run_settings(paths=(".",), output_format="concise", select=("PU001",), diff_from="no-such-ref")
    assert code == 2


def test_diff_from_outside_a_repository(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(FAULTY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, _, err = run_settings(paths=(".",), diff_from="HEAD")
    assert code == 2 and err.count("\n") == 1 and "git" in err


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal_and_never_on_stdout(tmp_path, monkeypatch):
    import proofread.runner as runner

    many_files(tmp_path, 6)
    monkeypatch.setattr(runner, "PROGRESS_MIN_FILES", 5)
    plain_out, plain_err = io.StringIO(), io.StringIO()
    run(Settings(paths=(str(tmp_path),), output_format="json", select=("PU",)), plain_out, plain_err)
    out, err = io.StringIO(), FakeTerminal()
    run(Settings(paths=(str(tmp_path),), output_format="json", select=("PU",)), out, err)
    assert out.getvalue() == plain_out.getvalue()
    assert plain_err.getvalue() == "" and err.getvalue() != ""
    out, err = io.StringIO(), FakeTerminal()
    run(Settings(paths=(str(tmp_path),), output_format="json", select=("PU",), progress=False), out, err)
    assert err.getvalue() == ""
