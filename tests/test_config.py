"""Configuration files: discovery, every key, CLI overrides, and one-line errors for bad values."""

import io
import json
import os
import subprocess
import sys

import pytest

from proofread.config import ConfigError, Selection, glob_match, load_config, parse_config, resolve_codes
from proofread.runner import Plan, Session, Settings, run

FAULTY = "They met in Mali,Burkina Faso and Niger.It rained.\n"  # PU001 at 1:17, PU002 at 1:40


def run_settings(**kw):
    out, err = io.StringIO(), io.StringIO()
    code = run(Settings(**kw), out, err)
    return code, out.getvalue(), err.getvalue()


def run_cli(*args, cwd=None, stdin=None):
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "proofread", *args], capture_output=True, text=True, cwd=cwd, input=stdin, env=env
    )


def codes_of(out: str) -> list[str]:
    return [line.split(": ")[1].split()[0] for line in out.splitlines() if ": " in line and line[0] != " "]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(FAULTY, encoding="utf-8")
    return tmp_path


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table_is_found_walking_up(project):
    write(project / "pyproject.toml", '[tool.proofread]\nselect = ["PU001"]\n')
    code, out, _ = run_settings(paths=(str(project / "docs" / "a.md"),), output_format="concise")
    assert code == 1 and codes_of(out) == ["PU001"]


def test_pyproject_without_table_is_passed_over(project):
    write(project / "proofread.toml", 'select = ["PU002"]\n')
    write(project / "docs" / "pyproject.toml", '[project]\nname = "x"\n')
    _, out, _ = run_settings(paths=(str(project / "docs" / "a.md"),), output_format="concise")
    assert codes_of(out) == ["PU002"]


def test_precedence_in_one_folder(project):
    write(project / "pyproject.toml", '[tool.proofread]\nselect = ["PU001"]\n')
    write(project / "proofread.toml", 'select = ["PU002"]\n')
    _, out, _ = run_settings(paths=(str(project / "notes.txt"),), output_format="concise")
    assert codes_of(out) == ["PU002"]
    write(project / ".proofread.toml", 'select = ["PU001"]\n')
    _, out, _ = run_settings(paths=(str(project / "notes.txt"),), output_format="concise")
    assert codes_of(out) == ["PU001"]


def test_nearest_config_governs_each_file(project):
    write(project / "proofread.toml", 'select = ["PU001"]\n')
    write(project / "docs" / "proofread.toml", 'select = ["PU002"]\n')
    _, out, _ = run_settings(paths=(str(project),), output_format="concise")
    lines = out.splitlines()
    assert any("notes.txt" in line and "PU001" in line for line in lines)
    assert any("a.md" in line and "PU002" in line for line in lines)
    assert not any("a.md" in line and "PU001" in line for line in lines)


def test_select_ignore_extend_select_layers():
    every = resolve_codes([])
    assert "PU001" in every and "PR001" in every
    assert resolve_codes([Selection(("PU",), (), ("PU002",))]) == tuple(
        c for c in every if c.startswith("PU") and c != "PU002"
    )
    assert resolve_codes([Selection(("PU001",), ("SP001",), ())]) == ("PU001", "SP001")
    # the command line's select replaces the configuration's, its ignore applies after
    layers = [Selection(("PU001",)), Selection(("PU002",), (), ())]
    assert resolve_codes(layers) == ("PU002",)
    layers = [Selection(("PU",), (), ("PU002",)), Selection(None, (), ("PU001",))]
    assert "PU001" not in resolve_codes(layers) and "PU002" not in resolve_codes(layers)
    assert resolve_codes([Selection(("PU",))], extra_ignore=("PU",)) == ()


def test_cli_flags_override_config(project):
    write(project / "proofread.toml", 'select = ["PU001"]\n')
    path = str(project / "notes.txt")
    _, out, _ = run_settings(paths=(path,), output_format="concise", select=("PU002",))
    assert codes_of(out) == ["PU002"]
    _, out, _ = run_settings(paths=(path,), output_format="concise", extend_select=("PU002",))
    assert codes_of(out) == ["PU001", "PU002"]
    code, out, _ = run_settings(paths=(path,), output_format="concise", ignore=("PU001",))
    assert code == 0 and codes_of(out) == []
    _, out, _ = run_settings(paths=(path,), output_format="concise", isolated=True, select=("PU",))
    assert codes_of(out) == ["PU001", "PU002"]


def test_config_option_forces_one_file(project, tmp_path_factory):
    other = tmp_path_factory.mktemp("elsewhere") / "my.toml"
    write(other, 'select = ["PU002"]\n')
    write(project / "proofread.toml", 'select = ["PU001"]\n')
    _, out, _ = run_settings(paths=(str(project / "notes.txt"),), output_format="concise", config=str(other))
    assert codes_of(out) == ["PU002"]
    code, _, err = run_settings(paths=(str(project / "notes.txt"),), config=str(project / "nope.toml"))
    assert code == 2 and "nope.toml: configuration file not found" in err


def test_per_file_ignores(project):
    write(project / "proofread.toml", 'select = ["PU"]\n[per-file-ignores]\n"docs/*.md" = ["PU001"]\n')
    _, out, _ = run_settings(paths=(str(project),), output_format="concise")
    lines = out.splitlines()
    assert any("notes.txt" in line and "PU001" in line for line in lines)
    assert not any("a.md" in line and "PU001" in line for line in lines)
    assert any("a.md" in line and "PU002" in line for line in lines)


def test_exclude_extend_exclude_and_include(project):
    (project / "docs" / "drafts").mkdir()
    write(project / "docs" / "drafts" / "d.md", FAULTY)
    write(project / "notes.rst", FAULTY)
    write(project / "proofread.toml", 'select = ["PU001"]\nextend-exclude = ["drafts", "notes.txt"]\n')
    _, out, _ = run_settings(paths=(str(project),), output_format="concise")
    assert "a.md" in out and "d.md" not in out and "notes.txt" not in out and "notes.rst" not in out
    # a file named on the command line is checked, unless --force-exclude (the hooks pass it)
    code, out, _ = run_settings(paths=(str(project / "notes.txt"),), output_format="concise")
    assert code == 1 and "notes.txt" in out
    code, out, _ = run_settings(paths=(str(project / "notes.txt"),), output_format="concise", force_exclude=True)
    assert code == 0 and "notes.txt" not in out
    write(project / "proofread.toml", 'select = ["PU001"]\ninclude = ["*.rst"]\nexclude = []\n')
    _, out, _ = run_settings(paths=(str(project),), output_format="concise")
    assert "notes.rst" in out and "a.md" not in out and "notes.txt" not in out
    # --extend-exclude on the command line, relative to the current folder
    _, out, _ = run_settings(paths=(str(project),), output_format="concise", exclude=(str(project / "notes.rst"),))
    assert "notes.rst" not in out


def test_folder_with_nothing_included_is_an_error(project):
    write(project / "proofread.toml", 'include = ["*.rst"]\n')
    code, _, err = run_settings(paths=(str(project / "docs"),))
    assert code == 2 and "no files matching *.rst" in err


def test_dialect_reaches_the_context(project):
    write(project / "proofread.toml", 'dialect = "en-GB"\n')
    session = Session(Settings(paths=(".",)))
    assert session.plan_for(str(project / "notes.txt")).ctx.dialect == "en-GB"
    session = Session(Settings(paths=(".",), dialect="en-US"))
    assert session.plan_for(str(project / "notes.txt")).ctx.dialect == "en-US"
    session = Session(Settings(paths=(".",), isolated=True))
    assert session.plan_for(str(project / "notes.txt")).ctx.dialect == "en-US"


def test_fix_safety_overrides(project):
    path = project / "notes.txt"
    write(project / "proofread.toml", 'select = ["PU"]\nextend-unsafe-fixes = ["PU"]\nextend-safe-fixes = ["PU002"]\n')
    plan = Plan(load_config(str(project / "proofread.toml")), Settings(paths=(".",)))
    diagnostics = {d.code: d for d in plan.check(FAULTY, str(path))}
    assert diagnostics["PU001"].fix.applicability.label == "unsafe"  # demoted
    assert diagnostics["PU002"].fix.applicability.label == "safe"  # the more specific selector wins
    run_settings(paths=(str(path),), fix=True)
    assert path.read_text(encoding="utf-8") == "They met in Mali,Burkina Faso and Niger. It rained.\n"


def test_stdin_uses_the_config_of_the_current_folder(project):
    write(project / "proofread.toml", 'select = ["PU002"]\n')
    r = run_cli("check", "-o", "concise", "-", cwd=project, stdin=FAULTY)
    assert r.returncode == 1 and codes_of(r.stdout) == ["PU002"]


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ('selct = ["PU"]', "unknown key selct; allowed keys: select, ignore"),
        ('extend_select = ["PU"]', "did you mean 'extend-select'?"),
        ('dialect = "fr"', "dialect must be one of en-US, en-GB, not 'fr'"),
        ('select = "PU"', "select must be a list of strings (rule codes or prefixes)"),
        ('ignore = ["ZZ9"]', "ignore: unknown rule code or prefix 'ZZ9'"),
        ("exclude = [1]", "exclude must be a list of strings (globs)"),
        ('per-file-ignores = ["x"]', "per-file-ignores must be a table"),
        ('[per-file-ignores]\n"*.md" = "PU"', "per-file-ignores.'*.md' must be a list of rule codes"),
        ('vocabulary = ["missing.txt"]', "missing.txt: vocabulary file not found"),
        ("select = [", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_and_exit_2(project, body, needle):
    write(project / "proofread.toml", body + "\n")
    r = run_cli("check", str(project / "notes.txt"))
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "proofread.toml" in lines[0]


def test_bad_pyproject_names_the_table(project):
    write(project / "pyproject.toml", "[tool.proofread]\nfoo = 1\n")
    code, _, err = run_settings(paths=(str(project / "notes.txt"),))
    assert code == 2 and "pyproject.toml: unknown key tool.proofread.foo" in err


def test_parse_config_normalises_codes():
    config = parse_config({"select": ["pu001, sp"], "extend-safe-fixes": ["SP002"]}, "x.toml")
    assert config.select == ("PU001", "SP") and config.extend_safe_fixes == ("SP002",)
    with pytest.raises(ConfigError):
        parse_config({"dialect": "en-AU"}, "x.toml")


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.md", "a/b.md", True),
        ("drafts", "docs/drafts/x.md", True),
        ("drafts/", "drafts/x.md", True),
        ("docs/*.md", "docs/a.md", True),
        ("docs/*.md", "other/docs/a.md", False),
        ("**/old/*", "a/old/b.md", True),
        ("**/old/*", "old/b.md", True),
        ("notes.txt", "notes.txt", True),
        ("notes.txt", "notes.txt.bak", False),
        ("CHANGELOG.md", "sub/CHANGELOG.md", True),
    ],
)
def test_glob_match(pattern, path, expected):
    assert glob_match(pattern, path) is expected


def test_config_command(project):
    write(project / "pyproject.toml", '[tool.proofread]\nselect = ["PU"]\ndialect = "en-GB"\n')
    r = run_cli("config", str(project / "docs"))
    assert r.returncode == 0
    assert "pyproject.toml" in r.stdout and "en-GB" in r.stdout
    r = run_cli("config", "-o", "json", str(project))
    info = json.loads(r.stdout)
    assert info["select"] == ["PU"] and info["dialect"] == "en-GB"
    assert all(c.startswith("PU") for c in info["enabled-rules"])
    r = run_cli("config", str(project / "missing"))
    assert r.returncode == 2 and "no such file or folder" in r.stderr
    write(project / "pyproject.toml", "[tool.proofread]\nselect = 1\n")
    r = run_cli("config", str(project))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "select must be a list" in r.stderr
