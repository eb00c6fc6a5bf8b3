#!/usr/bin/env python3
"""Rebuild the word lists in this folder from their sources (see README.md).

Usage: python3 dictionaries/build.py [--wikipedia PATH]

- ``en_US-words.txt.gz``: every word of Debian's wamerican-large (SCOWL, size 70, American spelling,
  proper nouns capitalised) plus the stems of Debian's hunspell-en-us ``en_US.dic`` (SCOWL-derived, adds
  accent-less spellings such as "cafe"), numbers dropped, one word a line, sorted.
- ``en-frequencies.tsv.gz``: word frequencies from wordfreq's large English list (``pip install
  wordfreq``), one ``word<TAB>count`` line per alphabetic word (apostrophes allowed), where count is the
  word's occurrences per billion words, rounded (wordfreq's Zipf value z gives 10**z).
- ``wikipedia-misspellings.tsv``: Wikipedia's "Lists of common misspellings/For machines", one
  ``typo<TAB>fix[,fix...]`` line per misspelling; typos that are themselves words of the list above
  are dropped (they are real words in some context, so they cannot be flagged from spelling alone).
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCOWL = Path("/usr/share/dict/american-english-large")
HUNSPELL = Path("/usr/share/hunspell/en_US.dic")
WIKIPEDIA = Path("/work/shared/data/misspellings/wikipedia-common-misspellings.txt")


def build_words() -> set[str]:
    words = {w.strip() for w in SCOWL.read_text(encoding="utf-8").splitlines() if w.strip()}
    for line in HUNSPELL.read_text(encoding="utf-8").splitlines()[1:]:
        stem = line.split("/", 1)[0].strip()
        if stem and not any(ch.isdigit() for ch in stem):
            words.add(stem)
    words = {w for w in words if not any(ch.isdigit() for ch in w)}
    out = HERE / "en_US-words.txt.gz"
    data = ("\n".join(sorted(words)) + "\n").encode("utf-8")
    # a fixed mtime keeps the file byte-identical between rebuilds
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(data)
    return words


def build_frequencies() -> None:
    import re

    from wordfreq import get_frequency_dict

    shape = re.compile(r"[a-z]+(?:'[a-z]+)*")
    rows = []
    for word, share in get_frequency_dict("en", "large").items():
        if shape.fullmatch(word):
            rows.append((word, max(1, round(share * 1e9))))
    rows.sort()
    data = "".join(f"{w}\t{n}\n" for w, n in rows).encode("utf-8")
    with open(HERE / "en-frequencies.tsv.gz", "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
            f.write(data)


def build_misspellings(words: set[str], source: Path) -> None:
    lower = {w.lower() for w in words}
    fixes: dict[str, list[str]] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if ":" not in line:
            continue
        right, wrongs = line.split(":", 1)
        right = right.strip()
        for wrong in wrongs.split():
            if wrong.lower() in lower or wrong == right:
                continue
            fixes.setdefault(wrong, [])
            if right not in fixes[wrong]:
                fixes[wrong].append(right)
    lines = [f"{wrong}\t{','.join(rights)}" for wrong, rights in sorted(fixes.items())]
    (HERE / "wikipedia-misspellings.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--wikipedia", type=Path, default=WIKIPEDIA)
    args = ap.parse_args()
    words = build_words()
    build_frequencies()
    build_misspellings(words, args.wikipedia)


if __name__ == "__main__":
    main()
