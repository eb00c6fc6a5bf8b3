"""Run every benchmark (speed, accuracy, spelling) and write bench/RESULTS.md.

Run from the repository root:  python bench/run_all.py
(about 10-15 minutes on a 2-core machine; see bench/README.md for the options and what each table means)
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # noqa: E402
import common as C  # noqa: E402
import speed  # noqa: E402
import spelling  # noqa: E402


def corpus_line() -> str:
    prose = sorted(C.PROSE.glob("*.txt"))
    md = sorted(C.MARKDOWN.rglob("*.md"))
    pw = sum(C.words_in(p.read_text(encoding="utf-8")) for p in prose)
    mw = sum(C.words_in(p.read_text(encoding="utf-8")) for p in md)
    lists = sorted(C.MISSPELLINGS.glob("*.txt"))
    return (
        f"prose {len(prose)} files, {pw:,} words; Markdown {len(md)} files, {mw:,} words; "
        f"misspelling lists: {', '.join(p.stem for p in lists)} (words counted as whitespace-separated pieces, "
        "as the yardstick's score.py does)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--files", type=int, default=150, help="prose files per seed (0: all 754)")
    ap.add_argument("--per-list", type=int, default=80, help="misspellings per list (0: all)")
    ap.add_argument("--reps", type=int, default=3, help="runs per throughput and growth measurement")
    ap.add_argument("--startup-reps", type=int, default=10)
    ap.add_argument("--words", type=int, default=1_000_000, help="speed: throughput size in words")
    ap.add_argument("--max-10m-seconds", type=float, default=150)
    ap.add_argument(
        "--only", nargs="+", choices=["speed", "accuracy", "spelling"], default=["speed", "accuracy", "spelling"]
    )
    ap.add_argument("--output", default=str(C.BENCH / "RESULTS.md"))
    a = ap.parse_args()

    C.ensure_anchors()
    t_start = time.time()
    sections, took = {}, {}
    runners = {
        "speed": lambda: speed.run(a.reps, a.startup_reps, a.max_10m_seconds, a.words),
        "accuracy": lambda: accuracy.run(a.seeds, a.files),
        "spelling": lambda: spelling.run(a.per_list),
    }
    for name in ["speed", "accuracy", "spelling"]:
        if name not in a.only:
            continue
        t0 = time.time()
        try:
            sections[name], _ = runners[name]()
        except Exception:  # one broken section should not cost the others
            sections[name] = f"### {name}\n\nFailed:\n\n```\n{traceback.format_exc()}```\n"
        took[name] = time.time() - t0
        print(sections[name])
        C.WORK.mkdir(parents=True, exist_ok=True)
        (C.WORK / f"section-{name}.md").write_text(sections[name], encoding="utf-8")

    m = C.machine()
    v = C.tool_versions()
    cmd = "python " + " ".join(shlex.quote(x) for x in [str(Path(sys.argv[0])), *sys.argv[1:]])
    head = [
        "# proofread benchmarks\n",
        "Written by `bench/run_all.py`; do not edit by hand. How to read and rerun it: `bench/README.md`.\n",
        C.md_table(
            ["", ""],
            [
                ["date", m["date"]],
                ["command", f"`{cmd}` (from the repository root)"],
                ["machine", f"{m['nproc']} CPUs (nproc), {m['cpu']}, {m['memory']}; `{m['uname']}`"],
                ["python", m["python"]],
                ["corpora", corpus_line()],
                [
                    "run time",
                    ", ".join(f"{k} {v / 60:.1f} min" for k, v in took.items())
                    + f"; total {(time.time() - t_start) / 60:.1f} min",
                ],
            ],
        ),
        "\nTool versions:\n",
        C.md_table(["tool", "version"], [[k, val] for k, val in v.items()]),
        "\n",
    ]
    order = ["accuracy", "spelling", "speed"]
    body = [sections[k] for k in order if k in sections]
    if C.proofread_cmd() is None:
        head.append("**proofread was not available when this ran: its rows say 'not run'.**\n")
    Path(a.output).write_text("\n".join(head) + "\n" + "\n".join(body), encoding="utf-8")
    print(f"wrote {a.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
