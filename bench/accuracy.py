"""Accuracy of proofread beside codespell, typos and Harper, in one run.

1. Planted mistakes: the yardstick's corrupt.py plants typing slips, lowered sentence starts and names, and
   missing spaces after commas and periods into a deterministic subset of the clean prose corpus, for
   several seeds; every tool reads the same corrupted files; findings are scored with the yardstick's own
   score.py (its ``hits`` and ``fixed_ok``; its ``score`` is also run per seed as a cross-check).
2. The seed article (examples/article.txt) against the hand-made gold list bench/seed_gold.jsonl.
3. The clean Markdown corpus: nothing is planted, so every finding is a false alarm.
4. Real typo fixes mined from documentation histories (data/typos-real), scored by the yardstick's own
   real_typos.py: recall on the lines before each fix, findings per 10k words on the lines after it.

Run: python bench/accuracy.py [--seeds 1 2 3] [--files 150]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common as C  # noqa: E402
import score as S  # noqa: E402  (the yardstick's score.py, found through common's sys.path entry)
import tools as T  # noqa: E402

CLASSES = ["spelling", "casing-sentence", "casing-proper", "spacing-comma", "spacing-period"]
TOOLS = ["proofread", "codespell", "typos", "harper"]
SEED_GOLD = C.BENCH / "seed_gold.jsonl"
ARTICLE = C.REPO / "examples" / "article.txt"


# ---------------------------------------------------------------- running the tools


def run_tool(tool: str, folder: Path) -> list[dict]:
    """Findings of one tool on every .txt of a flat folder, normalised as the yardstick does."""
    files = T.files_of(folder)
    names = {p: p.name for p in files}
    if tool == "proofread":
        return C.run_proofread(files, names)
    if tool == "harper":
        return C.run_harper_py(files, names, markdown=False)
    return T.TOOLS[tool](folder)


def plant(seed: int, n_files: int, work: Path) -> Path:
    """Corrupt a deterministic subset of the prose corpus with the yardstick's corrupt.py."""
    names = sorted(p.name for p in C.PROSE.glob("*.txt"))
    if n_files and n_files < len(names):
        names = sorted(random.Random(f"proofread-bench-subset-{seed}").sample(names, n_files))
    src = work / f"src-{seed}"
    out = work / f"planted-{seed}"
    for d in (src, out):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    for n in names:
        shutil.copyfile(C.PROSE / n, src / n)
    # corrupt.py's lexicon comes from hunspell's en_US plus pyspellchecker: use the anchors venv, which has
    # a pinned pyspellchecker, so the planted set does not depend on what this interpreter has
    py = C.ANCHOR_ROOT / "anchors" / "bin" / "python"
    subprocess.run(
        [str(py), str(C.EVAL / "corrupt.py"), str(src), str(out), "--seed", str(seed)],
        check=True,
        capture_output=True,
    )
    return out


# ---------------------------------------------------------------- scoring


def split_cleanup(found: list[dict]) -> tuple[list[dict], list[dict]]:
    """proofread's "cleanup" findings (blank lines, trailing spaces) are no planted class: kept apart."""
    keep = [f for f in found if f["kind"] != "cleanup"]
    return keep, [f for f in found if f["kind"] == "cleanup"]


def tally(gold: list[dict], found: list[dict], texts: dict[str, str]) -> dict:
    """Raw counts, matched exactly as score.py's score() does (its hits() and fixed_ok())."""
    gold_by_file, found_by_file = defaultdict(list), defaultdict(list)
    for g in gold:
        gold_by_file[g["file"]].append(g)
    for f in found:
        found_by_file[f["file"]].append(f)
    hit_gold, true_findings = set(), 0
    fixes, found_class, fp_kinds, fp_words = Counter(), Counter(), Counter(), Counter()
    for name, fs in found_by_file.items():
        gs = gold_by_file.get(name, [])
        for f in fs:
            ms = [i for i, g in enumerate(gs) if S.hits(f, g)]
            if ms:
                true_findings += 1
                for i in ms:
                    if (name, i) not in hit_gold:
                        hit_gold.add((name, i))
                        found_class[gs[i]["class"]] += 1
                        if S.fixed_ok(f, gs[i], texts[name]):
                            fixes[gs[i]["class"]] += 1
            else:
                fp_kinds[f["kind"]] += 1
                fp_words[texts[name][f["start"] : f["end"]]] += 1
    return {
        "findings": len(found),
        "true": true_findings,
        "gold": Counter(g["class"] for g in gold),
        "hit": found_class,
        "fixed": fixes,
        "fp_kinds": fp_kinds,
        "fp_words": fp_words,
        "words": sum(C.words_in(t) for t in texts.values()),
        "hit_keys": hit_gold,
    }


def add(a: dict | None, b: dict) -> dict:
    if a is None:
        return {k: (Counter(v) if isinstance(v, Counter) else v) for k, v in b.items() if k != "hit_keys"}
    out = {}
    for k, v in b.items():
        if k == "hit_keys":
            continue
        out[k] = a[k] + v
    return out


def metrics(t: dict) -> dict:
    n_gold = sum(t["gold"].values())
    n_hit = sum(t["hit"].values())
    p = t["true"] / t["findings"] if t["findings"] else 0.0
    r = n_hit / n_gold if n_gold else 0.0
    f = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0
    return {
        "precision": p,
        "recall": r,
        "f05": f,
        "fa10k": 10000 * (t["findings"] - t["true"]) / max(t["words"], 1),
        "fix_rate": sum(t["fixed"].values()) / n_gold if n_gold else 0.0,
        "fix_of_found": sum(t["fixed"].values()) / n_hit if n_hit else None,
        "recall_by_class": {k: (t["hit"][k] / t["gold"][k] if t["gold"][k] else None) for k in CLASSES},
    }


def cross_check(folder: Path, tool: str, found: list[dict], mine: dict) -> None:
    """Run the yardstick's own score() on the same findings and insist that it agrees with tally()."""
    saved = T.TOOLS.get(tool)
    T.TOOLS[tool] = lambda _folder: found
    try:
        r = S.score(folder, tool)
    finally:
        if saved is not None:
            T.TOOLS[tool] = saved
    m = metrics(mine)
    assert abs(r["precision"] - round(m["precision"], 3)) < 0.0015, (tool, r["precision"], m["precision"])
    assert abs(r["recall"] - round(m["recall"], 3)) < 0.0015, (tool, r["recall"], m["recall"])
    assert abs(r["fix_rate"] - round(m["fix_rate"], 3)) < 0.0015, (tool, r["fix_rate"], m["fix_rate"])


# ---------------------------------------------------------------- the three measurements


def planted(seeds: list[int], n_files: int, work: Path, tools: list[str]) -> dict:
    totals: dict[str, dict | None] = {t: None for t in tools}
    per_seed: dict[str, list[dict]] = {t: [] for t in tools}
    seconds: dict[str, list[float]] = {t: [] for t in tools}
    cleanup: Counter = Counter()
    corpus = {"files": 0, "words": 0, "planted": 0}
    for seed in seeds:
        folder = plant(seed, n_files, work)
        gold = [json.loads(line) for line in open(folder / "gold.jsonl", encoding="utf-8")]
        texts = {p.name: p.read_text(encoding="utf-8") for p in T.files_of(folder)}
        corpus["files"] += len(texts)
        corpus["words"] += sum(C.words_in(t) for t in texts.values())
        corpus["planted"] += len(gold)
        for tool in tools:
            t0 = time.perf_counter()
            try:
                found = run_tool(tool, folder)
            except Exception as e:  # a tool that cannot run gets a "not run" row, not a crash
                print(f"  {tool} failed on seed {seed}: {e}", file=sys.stderr)
                per_seed[tool] = None
                continue
            seconds[tool].append(time.perf_counter() - t0)
            found, clean = split_cleanup(found)
            cleanup[tool] += len(clean)
            t = tally(gold, found, texts)
            cross_check(folder, tool, found, t)
            if per_seed[tool] is not None:
                per_seed[tool].append(metrics(t))
                totals[tool] = add(totals[tool], t)
            print(f"  seed {seed} {tool}: F0.5 {metrics(t)['f05']:.3f} ({seconds[tool][-1]:.1f}s)", file=sys.stderr)
    return {"totals": totals, "per_seed": per_seed, "seconds": seconds, "cleanup": cleanup, "corpus": corpus}


def seed_article(work: Path, tools: list[str]) -> dict:
    folder = work / "seed"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copyfile(ARTICLE, folder / ARTICLE.name)
    all_gold = [json.loads(line) for line in open(SEED_GOLD, encoding="utf-8")]
    gold = [g for g in all_gold if g["class"] in CLASSES]
    cleanup_gold = [g for g in all_gold if g["class"] not in CLASSES]
    with open(folder / "gold.jsonl", "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    text = ARTICLE.read_text(encoding="utf-8")
    texts = {ARTICLE.name: text}
    res = {}
    for tool in tools:
        try:
            found = run_tool(tool, folder)
        except Exception as e:
            print(f"  {tool} failed on the seed article: {e}", file=sys.stderr)
            res[tool] = None
            continue
        found, clean = split_cleanup(found)
        t = tally(gold, found, texts)
        cross_check(folder, tool, found, t)
        per_fault = []
        for g in gold:
            fs = [f for f in found if S.hits(f, g)]
            per_fault.append("fixed" if any(S.fixed_ok(f, g, text) for f in fs[:1]) else ("found" if fs else ""))
        false = [
            (f["kind"], text[f["start"] : f["end"]], f["suggestions"][:1])
            for f in found
            if not any(S.hits(f, g) for g in gold)
        ]
        cleanup_found = [g for g in cleanup_gold if any(S.hits(f, g) for f in clean)]
        res[tool] = {
            "tally": t,
            "metrics": metrics(t),
            "per_fault": per_fault,
            "false": false,
            "cleanup_findings": len(clean),
            "cleanup_found": f"{len(cleanup_found)}/{len(cleanup_gold)}",
        }
    return {"gold": gold, "text": text, "tools": res}


def markdown_corpus(tools: list[str]) -> dict:
    files = sorted(C.MARKDOWN.rglob("*.md"))
    names = {p: str(p.relative_to(C.MARKDOWN)) for p in files}
    words = sum(C.words_in(p.read_text(encoding="utf-8")) for p in files)
    res = {}
    for tool in tools:
        t0 = time.perf_counter()
        try:
            if tool == "proofread":
                found = C.run_proofread(files, names)
            elif tool == "harper":
                found = C.run_harper_py(files, names, markdown=True)
            elif tool == "codespell":
                r = subprocess.run(
                    [str(C.ANCHOR_BIN / "codespell"), "--quiet-level", "2", *map(str, files)],
                    capture_output=True,
                    text=True,
                )
                found = [
                    {"kind": "spelling", "word": m.group(1)}
                    for m in re.finditer(r"^.+?:\d+: (.+?) ==> ", r.stdout, re.M)
                ]
            elif tool == "typos":
                r = subprocess.run(
                    [str(C.ANCHOR_BIN / "typos"), "--format", "json", *map(str, files)],
                    capture_output=True,
                    text=True,
                )
                found = []
                for line in r.stdout.splitlines():
                    try:
                        d = json.loads(line)
                    except ValueError:
                        continue
                    if d.get("type") == "typo":
                        found.append({"kind": "spelling", "word": d.get("typo", "")})
            else:
                continue
        except Exception as e:
            print(f"  {tool} failed on the Markdown corpus: {e}", file=sys.stderr)
            res[tool] = None
            continue
        dt = time.perf_counter() - t0
        texts: dict[str, str] = {}
        flagged: Counter = Counter()
        for f in found:
            if "word" in f:
                flagged[f["word"]] += 1
                continue
            if f["file"] not in texts:
                texts[f["file"]] = (C.MARKDOWN / f["file"]).read_text(encoding="utf-8")
            flagged[texts[f["file"]][f["start"] : f["end"]]] += 1
        kinds = Counter(f["kind"] for f in found)
        res[tool] = {"findings": len(found), "kinds": kinds, "flagged": flagged, "seconds": dt}
    return {"files": len(files), "words": words, "tools": res}


REAL_TYPOS = C.SHARED / "data" / "typos-real" / "doc-typo-fixes.jsonl"


def real_typo_fixes(tools: list[str]) -> dict:
    """The yardstick's real_typos.py, run once for all tools with the harperpy interpreter (which has
    Harper's binding); each tool's result is one JSON line."""
    if not REAL_TYPOS.is_file():
        return {}
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), str(C.ANCHOR_BIN), env.get("PATH", "")])
    python = str(C.HARPER_PY) if C.HARPER_PY.exists() else sys.executable
    script = C.SHARED / "eval" / "real_typos.py"
    res = {}
    for tool in tools:
        t0 = time.perf_counter()
        r = subprocess.run([python, str(script), str(REAL_TYPOS), tool], capture_output=True, text=True, env=env)
        lines = [line for line in r.stdout.splitlines() if line.startswith("{")]
        if r.returncode or not lines:
            print(f"  {tool} failed on the real typo fixes: {r.stderr.strip()[-300:]}", file=sys.stderr)
            continue
        res[tool] = json.loads(lines[-1]) | {"seconds": time.perf_counter() - t0}
    return res


def real_typos_report(rt: dict, tools: list[str]) -> str:
    if not rt:
        return ""
    classes = sorted({k for r in rt.values() for k in r["recall_by_class"]})
    first = next(iter(rt.values()))
    out = ["\n### Real typo fixes (data/typos-real)\n"]
    out.append(
        f"{first['records']:,} one-line fixes mined from the histories of documentation repositories, scored by "
        "the yardstick's `real_typos.py`: each line before its fix goes into one file and each line after it "
        "into another, one paragraph per line. A finding on a 'before' line that overlaps the changed words is "
        "a hit (recall per class of edit; many are grammar or real-word swaps no spell checker sees). Findings "
        "on the 'after' lines are counted per 10k words: an upper bound on false alarms, since the fixed "
        "lines may hold other slips, and since each line is a fragment of a wrapped paragraph, a line that "
        "starts lowercase after one that ended a sentence reads as a paragraph that starts lowercase.\n"
    )
    rows = []
    for tool in tools:
        r = rt.get(tool)
        if not r:
            rows.append([tool, "not run", "", *([""] * len(classes))])
            continue
        rows.append(
            [
                tool,
                f"**{r['recall']:.3f}**",
                f"{r['findings_on_fixed_lines_per_10k_words']:.1f}",
                *(r["recall_by_class"].get(k, "") for k in classes),
            ]
        )
    out.append(C.md_table(["tool", "recall", "findings on fixed lines /10k words", *classes], rows))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- report


def _show(w: str, width: int = 40) -> str:
    """Flagged text for a table cell: one line, short, blanks made visible."""
    w = w.replace("\n", "⏎").replace("\t", "⇥").replace(" ", "␠") if not w.strip() else w.replace("\n", "⏎")
    return w if len(w) <= width else w[: width - 1] + "…"


def _pc(x) -> str:
    return "—" if x is None else f"{100 * x:.1f}"


def report(pl: dict, sd: dict, md: dict, seeds: list[int], n_files: int, tools: list[str]) -> str:
    out = []
    c = pl["corpus"]
    out.append("### Planted mistakes (prose corpus)\n")
    subset = f"a deterministic subset of {n_files} of the 754 files per seed" if n_files else "all 754 files"
    out.append(
        f"`corrupt.py` seeds {', '.join(map(str, seeds))}, {subset} (a different subset per seed); "
        f"{c['files']} files, {c['words']:,} words and {c['planted']:,} planted mistakes in all. "
        "Counts are summed over the seeds (micro-average); F0.5 range is the spread of the per-seed F0.5. "
        "A finding counts as a hit only where its span overlaps a planted mistake (score.py's `hits`); "
        "'fix' is the share of planted mistakes whose first suggestion restores the original "
        "(score.py's `fixed_ok`), 'fix/found' the same among the mistakes found. Recall columns in %.\n"
    )
    header = [
        "tool",
        "findings",
        "precision",
        "recall",
        *CLASSES,
        "F0.5",
        "F0.5 range",
        "false /10k words",
        "fix",
        "fix/found",
        "s/seed",
    ]
    rows = []
    for tool in tools:
        t = pl["totals"].get(tool)
        if t is None or pl["per_seed"].get(tool) is None:
            rows.append([tool, "not run", *[""] * (len(header) - 2)])
            continue
        m = metrics(t)
        f05s = [x["f05"] for x in pl["per_seed"][tool]]
        secs = pl["seconds"][tool]
        rows.append(
            [
                tool,
                t["findings"],
                f"{m['precision']:.3f}",
                f"{m['recall']:.3f}",
                *[_pc(m["recall_by_class"][k]) for k in CLASSES],
                f"**{m['f05']:.3f}**",
                f"{min(f05s):.3f}–{max(f05s):.3f}",
                f"{m['fa10k']:.1f}",
                _pc(m["fix_rate"]),
                _pc(m["fix_of_found"]),
                f"{sorted(secs)[len(secs) // 2]:.1f}",
            ]
        )
    out.append(C.md_table(header, rows))
    counts = []
    for tool in tools:
        t = pl["totals"].get(tool)
        if t is None or pl["per_seed"].get(tool) is None:
            continue
        counts.append(
            [
                tool,
                *[f"{t['hit'][k]}/{t['gold'][k]} (fixed {t['fixed'][k]})" for k in CLASSES],
                ", ".join(f"{k} {v}" for k, v in t["fp_kinds"].most_common(5)) or "—",
                pl["cleanup"][tool],
            ]
        )
    out.append(
        "\nFound/planted per class, false alarms by kind, and proofread's `cleanup` findings "
        "(not a planted class: left out of the figures above):\n"
    )
    out.append(C.md_table(["tool", *CLASSES, "false alarms by kind", "cleanup findings"], counts))
    pr = pl["totals"].get("proofread")
    if pr and pr["fp_words"]:
        top = ", ".join(f"`{_show(w)}` {n}" for w, n in pr["fp_words"].most_common(15))
        out.append(f"\nproofread's most frequent false alarms (flagged text and count): {top}\n")

    out.append("\n### Seed article (examples/article.txt, hand-made gold list)\n")
    gold = sd["gold"]
    ncls = Counter(g["class"] for g in gold)
    out.append(
        f"{len(gold)} faults in `bench/seed_gold.jsonl` ("
        + ", ".join(f"{k} {ncls[k]}" for k in CLASSES)
        + "), found by reading the article, not from any tool's output; plus one `cleanup` fault "
        "(the trailing blank lines), scored apart.\n"
    )
    rows = []
    for tool in tools:
        r = sd["tools"].get(tool)
        if not r:
            rows.append([tool, "not run", *[""] * 9])
            continue
        m, t = r["metrics"], r["tally"]
        rows.append(
            [
                tool,
                t["findings"],
                f"{m['precision']:.3f}",
                f"{m['recall']:.3f}",
                *[f"{t['hit'][k]}/{t['gold'][k]}" for k in CLASSES],
                f"**{m['f05']:.3f}**",
                f"{sum(t['fixed'].values())}/{len(gold)}",
                f"{r['cleanup_found']} ({r['cleanup_findings']} findings)" if tool == "proofread" else "—",
            ]
        )
    out.append(C.md_table(["tool", "findings", "precision", "recall", *CLASSES, "F0.5", "fixed", "cleanup"], rows))
    text = sd["text"]
    out.append("\nFault by fault (`fixed`: the first suggestion restores the right text; `found`: flagged only):\n")
    rows = []
    avail = [t for t in tools if sd["tools"].get(t)]
    for i, g in enumerate(gold):
        ctx = text[max(0, g["start"] - 12) : g["end"] + 12].replace("\n", "⏎")
        rows.append(
            [i + 1, g["class"], f"`{ctx}`", f"`{g['right']}`", *[sd["tools"][t]["per_fault"][i] or "·" for t in avail]]
        )
    out.append(C.md_table(["#", "class", "context", "right", *avail], rows))
    for tool in avail:
        fa = sd["tools"][tool]["false"]
        if fa:
            shown = "; ".join(f"{k} `{_show(w)}`→{_show(s[0]) if s else '∅'}" for k, w, s in fa[:20])
            out.append(f"\n{tool}'s false alarms on the seed article ({len(fa)}): {shown}\n")

    out.append("\n### Clean Markdown corpus (no mistakes: every finding is a false alarm)\n")
    out.append(
        f"{md['files']} `.md` files of `data/markdown` (rust-book, uv-docs), {md['words']:,} words "
        "(whitespace-separated, code included). proofread reads them as Markdown, Harper with its Markdown "
        "parser; codespell and typos read the same files.\n"
    )
    rows = []
    for tool in tools:
        r = md["tools"].get(tool)
        if not r:
            rows.append([tool, "not run", "", "", "", ""])
            continue
        rows.append(
            [
                tool,
                r["findings"],
                f"{10000 * r['findings'] / md['words']:.1f}",
                ", ".join(f"{k} {v}" for k, v in r["kinds"].most_common()) or "—",
                ", ".join(f"`{_show(w)}` {n}" for w, n in r["flagged"].most_common(8)) or "—",
                f"{r['seconds']:.1f}",
            ]
        )
    out.append(C.md_table(["tool", "findings", "per 10k words", "by category", "most flagged", "seconds"], rows))
    return "\n".join(out) + "\n"


def run(seeds: list[int], n_files: int, tools: list[str] = TOOLS) -> tuple[str, dict]:
    C.ensure_anchors()
    if C.proofread_cmd() is None:
        print("proofread CLI not available: its rows are marked 'not run'", file=sys.stderr)
        tools = [t for t in tools if t != "proofread"]
    work = C.WORK / "accuracy"
    work.mkdir(parents=True, exist_ok=True)
    print("planted mistakes…", file=sys.stderr)
    pl = planted(seeds, n_files, work, tools)
    print("seed article…", file=sys.stderr)
    sd = seed_article(work, tools)
    print("Markdown corpus…", file=sys.stderr)
    md = markdown_corpus(tools)
    print("real typo fixes…", file=sys.stderr)
    rt = real_typo_fixes(tools)
    text = report(pl, sd, md, seeds, n_files, TOOLS) + real_typos_report(rt, TOOLS)
    return text, {"planted": pl, "seed": sd, "markdown": md, "real_typos": rt}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--files", type=int, default=150, help="files per seed (0: all 754)")
    ap.add_argument("--tools", nargs="+", default=TOOLS, choices=TOOLS)
    a = ap.parse_args()
    text, _ = run(a.seeds, a.files, a.tools)
    print(text)


if __name__ == "__main__":
    main()
