"""The command line: exit codes, output formats, fixes, diff, stdin and bad input."""

import io
import json
import os
import subprocess
import sys

import pytest

from proofread.runner import Settings, run

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
    assert set(finding) >= {"path", "line", "column", "end_line", "end_column", "start", "end", "rule", "name",
                            "category", "message", "suggestions", "fix"}
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
