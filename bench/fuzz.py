"""Fuzz the checker and the fix engine for a while (not part of CI).

    python bench/fuzz.py --minutes 5                 # generated + mutated inputs, all properties
    python bench/fuzz.py --minutes 5 --mode atheris  # coverage-guided, if atheris is installed

Three sources of input, each checked against the properties of ``tests/test_properties.py``: checking
never raises; every span and edit lies inside the text; fixes change nothing outside their spans;
fixing twice gives what fixing once gave; and a fixed Markdown file keeps its block structure.

* ``generated``: the hypothesis strategies of the property tests (prose, every Markdown block, emoji,
  combining marks, right-to-left text, CRLF and lone CR), run for as many examples as time allows.
* ``mutated``: real prose and Markdown files (``$PROOFREAD_SHARED/data``) cut into pieces and mutated:
  bytes flipped, odd characters inserted, lines duplicated, swapped or truncated, line endings changed.
  Mutated bytes go through ``proofread.files.decode`` first, as a file read from disk would.
* ``atheris``: libFuzzer-driven bytes through decode and the same properties.

Failures are grouped by where they happen; the smallest input of each group is printed (and saved under
``bench/.work/fuzz``), with its traceback, so that it can be turned into a test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import traceback
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

OUT = BENCH / ".work" / "fuzz"
props = None  # tests/test_properties.py, imported by load() (after atheris instruments imports, if asked)


def load(instrument: bool = False) -> None:
    global props
    if instrument:
        import atheris

        with atheris.instrument_imports(include=["proofread"]):
            import proofread.fix  # noqa: F401
            import proofread.lint  # noqa: F401
            import proofread.rules

            for rule in proofread.rules.all_rules():  # the rule modules, imported here to be instrumented
                del rule
    import test_properties

    props = test_properties


def decode(path: str, data: bytes):
    from proofread.files import decode as decode_file

    return decode_file(path, data)


def _file_error():
    from proofread.files import FileError

    return FileError


class Failures:
    """Distinct failures, keyed by exception type and the innermost frame of proofread code."""

    def __init__(self) -> None:
        self.by_key: dict[str, dict] = {}
        self.cases = 0
        self.refused = 0

    def run(self, text: str, path: str, source: str) -> None:
        self.cases += 1
        try:
            from proofread.model import Applicability

            required = Applicability.SAFE if self.cases % 2 else Applicability.UNSAFE
            props.assert_all_properties(text, path, required)
            if path.endswith(".md"):
                self.rule_breaks(text, path)
        except Exception as exc:  # every failure is recorded; the run goes on
            self.record(_signature(exc), text, path, source, traceback.format_exc(), exc)

    def rule_breaks(self, text: str, path: str) -> None:
        """Fixes that break the Markdown structure on their own (the verifier leaves them out; the rule
        should not propose them): one group per rule."""
        from proofread.fix import apply_fixes
        from proofread.verify import structure_difference

        for d in props.check(text, path):
            if d.fix is None:
                continue
            new, applied = apply_fixes(text, [d.fix])
            difference = applied and structure_difference(text, new)
            if difference:
                edits = [(e.start, e.end, e.content) for e in d.fix.edits]
                detail = f"{d.code} fix {edits} ({d.fix.applicability.label}): {difference}"
                self.record(f"rule {d.code} fix breaks Markdown", text, path, "rule check", detail, None)

    def record(self, key: str, text: str, path: str, source: str, detail: str, exc: BaseException | None):
        known = self.by_key.get(key)
        if known is None or len(text) < len(known["text"]):
            self.by_key[key] = {
                "key": key,
                "source": source,
                "path": path,
                "text": text,
                "error": f"{type(exc).__name__}: {str(exc)[:2000]}" if exc is not None else detail,
                "traceback": detail,
                "count": (known or {}).get("count", 0) + 1,
            }
        else:
            known["count"] += 1

    def report(self) -> int:
        OUT.mkdir(parents=True, exist_ok=True)
        for n, failure in enumerate(sorted(self.by_key.values(), key=lambda f: -f["count"])):
            print(f"\n=== failure {n + 1}: {failure['key']} ({failure['count']} cases, from {failure['source']})")
            print(f"path={failure['path']!r} text={failure['text']!r}")
            print(failure["traceback"][-3000:])
            (OUT / f"failure-{n + 1}.json").write_text(json.dumps(failure, ensure_ascii=False, indent=1))
        return len(self.by_key)


def _signature(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/proofread/" in f.filename or "test_properties" in f.filename]
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    first = str(exc).split(",")[0][:80] if isinstance(exc, AssertionError) else ""
    return f"{type(exc).__name__} at {where} {first}".strip()


# --- generated inputs --------------------------------------------------------------------------------


def fuzz_generated(failures: Failures, deadline: float, seed: int) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    cases = st.one_of(
        props.markdown_text().map(lambda t: (t, "doc.md")),
        props.plain_text().map(lambda t: (t, "doc.txt")),
        props.any_text,
    )

    class OutOfTime(Exception):
        pass

    @settings(
        max_examples=10**9,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(cases)
    def one(case):
        if time.monotonic() > deadline:
            raise OutOfTime
        failures.run(case[0], case[1], "generated")

    random.seed(seed)
    try:
        one()
    except OutOfTime:
        pass


# --- mutated real files ------------------------------------------------------------------------------


def corpus() -> list[tuple[str, bytes]]:
    shared = Path(os.environ.get("PROOFREAD_SHARED", REPO.parent / "shared"))
    if not shared.is_dir():
        shared = Path("/work/shared")
    found = []
    for folder, suffixes in ((shared / "data" / "prose", (".txt",)), (shared / "data" / "markdown", (".md",))):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix in suffixes and path.is_file():
                    found.append((path.suffix, path.read_bytes()))
    if not found:  # no corpus here: mutate the generated examples' building blocks instead
        found = [(".md", b"# Title\n\n- teh item,one\n\n| a | b |\n|---|---|\n| x | y |\n")]
    return found


ODD_BYTES = [
    s.encode()
    for s in ("😀", "👍🏽", "e\u0301", "مرحبا", "שלום", "\u200b", "\u00ad", "\u00a0", "\ufeff", "cafÃ©", "раris")
] + [
    b"\r",
    b"\n",
    b"\r\n",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xe2\x80",
    b"```",
    b"\n```\n",
    b"|",
    b"\n| a | b |\n|---|---|\n",
    b"\n- ",
    b"\n# ",
    b"> ",
    b"    ",
    b"\t",
    b"<!--",
    b"-->",
    b"[",
    b"](",
    b"`",
    b"*",
    b"_",
    b"\\",
    b"\xef\xbb\xbf",
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    if len(data) > 2000:
        start = rng.randrange(0, len(data) - 1000)
        data = data[start : start + rng.randrange(100, 2000)]
    buf = bytearray(data)
    for _ in range(rng.randrange(1, 12)):
        op = rng.randrange(8)
        pos = rng.randrange(0, len(buf) + 1)
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            buf[pos:pos] = rng.choice(ODD_BYTES)
        elif op == 2 and buf:
            end = min(len(buf), pos + rng.randrange(1, 50))
            del buf[pos:end]
        elif op == 3:
            lines = bytes(buf).split(b"\n")
            i = rng.randrange(len(lines))
            lines.insert(i, lines[rng.randrange(len(lines))])
            buf = bytearray(b"\n".join(lines))
        elif op == 4:
            ending = rng.choice([b"\r\n", b"\r", b"\n"])
            buf = bytearray(bytes(buf).replace(b"\n", ending, rng.randrange(1, 20)))
        elif op == 5:
            lines = bytes(buf).split(b"\n")
            rng.shuffle(lines)
            buf = bytearray(b"\n".join(lines))
        elif op == 6 and buf:
            end = min(len(buf), pos + rng.randrange(1, 30))
            buf[pos:pos] = buf[pos:end] * rng.randrange(1, 5)
        else:
            buf = buf[: rng.randrange(0, len(buf) + 1)]
    return bytes(buf)


def fuzz_mutated(failures: Failures, deadline: float, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    files = corpus()
    refused = 0
    while time.monotonic() < deadline:
        suffix, data = rng.choice(files)
        mutated = mutate(data, rng)
        try:
            text, _ = decode("fuzz" + suffix, mutated)
        except _file_error():
            refused += 1  # refused with a message, as a file on disk would be
            continue
        except Exception:
            failures.run("<decode crashed>", "doc" + suffix, "mutated")
            continue
        failures.run(text, "doc" + suffix, "mutated")
    return {"refused by decode": refused, "corpus files": len(files)}


# --- atheris -----------------------------------------------------------------------------------------


def fuzz_atheris(failures: Failures, seconds: float, finish) -> None:
    """Coverage-guided bytes from libFuzzer; ``finish`` reports and ends the process when time is up."""
    import atheris

    deadline = time.monotonic() + seconds

    def one(data: bytes) -> None:
        if time.monotonic() > deadline:
            finish()  # libFuzzer never returns: report from here
        path = "doc.md" if len(data) % 2 else "doc.txt"
        try:
            text, _ = decode(path, data)
        except _file_error():
            failures.refused += 1
            return
        failures.run(text, path, "atheris")

    seeds = OUT / "atheris-corpus"
    seeds.mkdir(parents=True, exist_ok=True)
    rng = random.Random(0)
    for n, (_, data) in enumerate(corpus()[:200]):
        start = rng.randrange(0, max(1, len(data) - 1000))
        (seeds / f"seed-{n}").write_bytes(data[start : start + 1000])
    atheris.Setup([sys.argv[0], "-max_len=2048", "-rss_limit_mb=4096", str(seeds)], one)
    atheris.Fuzz()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=3.0, help="how long to run (default 3)")
    parser.add_argument("--mode", choices=["both", "generated", "mutated", "atheris"], default="both")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    failures = Failures()
    seconds = args.minutes * 60
    start = time.monotonic()
    load(instrument=args.mode == "atheris")
    props.check("warm up", "doc.md")  # load the lexicon before the clock matters
    counts: dict[str, object] = {}
    if args.mode in ("both", "generated"):
        share = seconds / 2 if args.mode == "both" else seconds
        before = failures.cases
        fuzz_generated(failures, time.monotonic() + share, args.seed)
        counts["generated cases"] = failures.cases - before
    if args.mode in ("both", "mutated"):
        before = failures.cases
        extra = fuzz_mutated(failures, start + seconds, args.seed)
        counts["mutated cases"] = failures.cases - before
        counts.update(extra)

    def finish() -> int:
        found = failures.report()
        elapsed = time.monotonic() - start
        if args.mode == "atheris":
            counts["atheris cases"] = failures.cases
            counts["refused by decode"] = failures.refused
        summary = ", ".join(f"{k}: {v}" for k, v in counts.items())
        print(f"\n{failures.cases} cases in {elapsed:.0f} s ({summary}); {found} distinct failures", flush=True)
        if args.mode == "atheris":
            sys.stdout.flush()
            os._exit(1 if found else 0)
        return 1 if found else 0

    if args.mode == "atheris":
        fuzz_atheris(failures, seconds - (time.monotonic() - start), finish)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
