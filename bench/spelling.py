"""Isolated-word correction: proofread's lexicon beside pyspellchecker, SymSpell, hunspell and Harper.

For each misspelling list of data/misspellings (Norvig's format, read by the yardstick's
spell_accuracy.pairs), a deterministic sample of misspellings is given to every tool; a tool's first
suggestion is its answer (top-1) and its first three its top-3, compared without regard to case, as
spell_accuracy.py does. Each tool runs once in a process of its own; its set-up (loading its dictionary)
is timed apart from the look-ups.

Run: python bench/spelling.py [--per-list 80]   (0: whole lists; birkbeck alone has 35,406)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common as C  # noqa: E402
import spell_accuracy as SA  # noqa: E402  (the yardstick's)

TOOLS = ["proofread", "pyspellchecker", "symspellpy", "hunspell", "harper"]
# Lists that a tool's own data was built from: its figures there are not a fair test.
SEEN = {
    "wikipedia-common-misspellings": {"proofread", "codespell", "typos"},
}


def sample(path: Path, per_list: int) -> list[tuple[str, str]]:
    data = SA.pairs(path)
    if per_list and per_list < len(data):
        data = random.Random(f"proofread-bench-{path.stem}").sample(data, per_list)
    return data


def run_tool(tool: str, words: list[str]) -> dict:
    if tool == "proofread":
        python = sys.executable
        r = subprocess.run(
            [python, "-c", "import proofread.lexicon as L; L.load_lexicon().suggest"], capture_output=True, text=True
        )
        if r.returncode != 0:
            raise RuntimeError("proofread.lexicon.load_lexicon().suggest is not available")
    else:
        python = str(C.HARPER_PY)
    r = subprocess.run(
        [python, str(C.BENCH / "_spell_worker.py")],
        input=json.dumps({"tool": tool, "words": words, "eval": str(C.EVAL)}),
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{C.ANCHOR_BIN}:{os.environ.get('PATH', '')}"},
    )
    if r.returncode != 0:
        raise RuntimeError(r.stderr[-800:])
    return json.loads(r.stdout)


def grade(res: list, data: list[tuple[str, str]]) -> dict:
    n = len(data)
    det = sum(1 for r in res if r is not None)
    top1 = sum(1 for r, (_, right) in zip(res, data, strict=True) if r and r[0].lower() == right.lower())
    top3 = sum(1 for r, (_, right) in zip(res, data, strict=True) if r and right.lower() in [x.lower() for x in r[:3]])
    return {"n": n, "detected": det, "top1": top1, "top3": top3}


def run(per_list: int, tools: list[str] = TOOLS) -> tuple[str, dict]:
    C.ensure_anchors()
    lists = sorted(C.MISSPELLINGS.glob("*.txt"))
    samples = {p.stem: sample(p, per_list) for p in lists}
    full = {p.stem: len(SA.pairs(p)) for p in lists}
    results: dict[str, dict] = {}
    words = [w for data in samples.values() for w, _ in data]
    for tool in tools:
        try:
            r = run_tool(tool, words)
        except Exception as e:
            msg = str(e).strip().splitlines()
            print(f"  {tool}: not available ({msg[-1] if msg else e})", file=sys.stderr)
            results[tool] = None
            continue
        results[tool] = {"lists": {}, "seconds": r["seconds"], "load": r["load_seconds"], "n": len(words)}
        i = 0
        for name, data in samples.items():
            results[tool]["lists"][name] = grade(r["results"][i : i + len(data)], data)
            i += len(data)
        print(f"  {tool}: {r['seconds']:.1f}s", file=sys.stderr)
    return report(samples, full, results, per_list, tools), {"results": results}


def report(samples, full, results, per_list, tools) -> str:
    out = ["### Isolated-word correction (data/misspellings)\n"]
    sizes = ", ".join(f"{k} {len(v)} of {full[k]:,}" for k, v in samples.items())
    out.append(
        f"Misspellings per list: {sizes}"
        + (f" (a deterministic sample of at most {per_list} per list)" if per_list else "")
        + ". top-1: the first suggestion is the right word; top-3: it is among the first three; "
        "detected: the tool did not take the misspelling for a word. Each tool runs once, in a process of its "
        "own, over all the lists; words/s counts the look-ups only, 'load s' is its set-up (loading its "
        "dictionary; hunspell's is inside its words/s). "
        "`*`: the tool's data was built with that list (proofread ships the Wikipedia list of common "
        "misspellings as a dictionary), so its figure there is not a fair test.\n"
    )
    header = [
        "tool",
        *[f"{k} top-1 / top-3" for k in samples],
        "all: detected",
        "all: top-1",
        "all: top-3",
        "words/s",
        "load s",
    ]
    rows = []
    for tool in tools:
        r = results.get(tool)
        if not r:
            rows.append([tool, *["not available"] * len(samples), "", "", "", "", ""])
            continue
        lists = r["lists"]
        cells = []
        for k in samples:
            g = lists[k]
            mark = "*" if tool in SEEN.get(k, ()) else ""
            cells.append(f"{100 * g['top1'] / g['n']:.1f} / {100 * g['top3'] / g['n']:.1f}{mark}")
        n = sum(g["n"] for g in lists.values())
        rows.append(
            [
                tool,
                *cells,
                f"{100 * sum(g['detected'] for g in lists.values()) / n:.1f}%",
                f"**{100 * sum(g['top1'] for g in lists.values()) / n:.1f}%**",
                f"{100 * sum(g['top3'] for g in lists.values()) / n:.1f}%",
                f"{n / (r['seconds'] - (r['load'] or 0.0)):,.0f}",
                f"{r['load']:.2f}" if r["load"] else "in words/s",
            ]
        )
    out.append(C.md_table(header, rows))
    fair = [k for k in samples if not SEEN.get(k)]
    rows = []
    for tool in tools:
        r = results.get(tool)
        if not r:
            continue
        lists = r["lists"]
        n = sum(lists[k]["n"] for k in fair)
        rows.append(
            [
                tool,
                f"{100 * sum(lists[k]['top1'] for k in fair) / n:.1f}%",
                f"{100 * sum(lists[k]['top3'] for k in fair) / n:.1f}%",
            ]
        )
    out.append(f"\nWithout the Wikipedia list ({', '.join(fair)}):\n")
    out.append(C.md_table(["tool", "top-1", "top-3"], rows))
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-list", type=int, default=80, help="misspellings per list (0: all)")
    ap.add_argument("--tools", nargs="+", default=TOOLS)
    a = ap.parse_args()
    text, _ = run(a.per_list, a.tools)
    print(text)


if __name__ == "__main__":
    main()
