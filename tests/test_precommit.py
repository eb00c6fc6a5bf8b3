"""The hooks of .pre-commit-hooks.yaml, run by pre-commit itself in a temporary git repository.

``test_try_repo`` installs the hooks the way users get them (``language: python``, pre-commit builds a
virtual environment and pip-installs a copy of this working tree into it); it needs pip to find the
dependencies (a local wheel index is enough) and skips when the installation fails, e.g. offline; as it
takes minutes, it runs only when PROOFREAD_TRY_REPO=1 or CI is set.
``test_hooks_as_system_commands`` runs the same entries and file filters from a test-local configuration
with ``language: system`` (this interpreter), so the hook definitions are tested even without a network.
Both skip when git or pre-commit is missing.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FAULTY = "They met in Mali,Burkina Faso and Niger.\n"
CLEAN = "They met in Mali, Burkina Faso and Niger.\n"

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is not installed"),
]


def sh(args, cwd, env=None, check=True):
    r = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)
    if check and r.returncode != 0:
        raise AssertionError(f"{args} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return r


def git_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    sh(["git", "init", "-q"], path)
    sh(["git", "config", "user.email", "test@example.com"], path)
    sh(["git", "config", "user.name", "test"], path)
    sh(["git", "config", "commit.gpgsign", "false"], path)
    return path


def project(tmp_path: Path) -> Path:
    repo = git_repo(tmp_path / "project")
    (repo / "faulty.md").write_text(FAULTY, encoding="utf-8")
    (repo / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (repo / "script.py").write_text("x = 'a,b'\n", encoding="utf-8")
    (repo / "proofread.toml").write_text('select = ["PU"]\n', encoding="utf-8")
    sh(["git", "add", "."], repo)
    return repo


def env_for(tmp_path: Path) -> dict:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


def hooks_copy(tmp_path: Path) -> Path:
    """A git repository holding this working tree as it is now (uncommitted and new files included)."""
    copy = tmp_path / "hooks-repo"
    ignore = shutil.ignore_patterns(".git", "__pycache__", "*.pyc", ".pytest_cache", ".ruff_cache", "bench", "tests")
    shutil.copytree(ROOT, copy, ignore=ignore)
    git_repo(copy)
    sh(["git", "add", "."], copy)
    sh(["git", "commit", "-q", "-m", "snapshot"], copy)
    return copy


@pytest.mark.skipif(
    not (os.environ.get("PROOFREAD_TRY_REPO") == "1" or os.environ.get("CI")),
    reason="slow (pre-commit builds a virtualenv, 1-3 minutes): set PROOFREAD_TRY_REPO=1 (or CI) to run it",
)
def test_try_repo(tmp_path):
    repo = project(tmp_path)
    hooks = hooks_copy(tmp_path)
    env = env_for(tmp_path)
    r = sh(["pre-commit", "try-repo", str(hooks), "proofread", "--all-files"], repo, env, check=False)
    if "An unexpected error has occurred" in r.stdout + r.stderr or r.returncode == 3:
        pytest.skip(f"pre-commit could not install the hook environment (offline?): {r.stdout[-300:]}")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "faulty.md:1:17: PU001" in r.stdout
    assert "clean.txt" not in r.stdout and "script.py" not in r.stdout
    r = sh(["pre-commit", "try-repo", str(hooks), "proofread-fix", "--all-files"], repo, env, check=False)
    assert r.returncode == 1 and "files were modified by this hook" in r.stdout, r.stdout
    assert (repo / "faulty.md").read_text(encoding="utf-8") == CLEAN
    sh(["git", "add", "."], repo)
    r = sh(["pre-commit", "try-repo", str(hooks), "proofread", "--all-files"], repo, env, check=False)
    assert r.returncode == 0, r.stdout


def test_hooks_as_system_commands(tmp_path):
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"proofread", "proofread-fix"}
    local = []
    for hook in hooks:
        assert hook["entry"].startswith("proofread ")
        entry = f"{sys.executable} -m proofread {hook['entry'].split(' ', 1)[1]}"
        copy = {k: v for k, v in hook.items() if k in ("id", "name", "files", "types_or", "require_serial")}
        local.append({**copy, "entry": entry, "language": "system"})
    repo = project(tmp_path)
    config = tmp_path / "local-hooks.yaml"
    config.write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]}), encoding="utf-8")
    env = env_for(tmp_path)
    r = sh(["pre-commit", "run", "-c", str(config), "proofread", "--all-files"], repo, env, check=False)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "faulty.md:1:17: PU001" in r.stdout and "script.py" not in r.stdout
    r = sh(["pre-commit", "run", "-c", str(config), "proofread-fix", "--all-files"], repo, env, check=False)
    assert r.returncode == 1 and "files were modified by this hook" in r.stdout, r.stdout
    assert (repo / "faulty.md").read_text(encoding="utf-8") == CLEAN
    sh(["git", "add", "."], repo)
    r = sh(["pre-commit", "run", "-c", str(config), "proofread", "--all-files"], repo, env, check=False)
    assert r.returncode == 0, r.stdout
