"""Write bench/seed_gold.jsonl: the hand-made gold list of the seed article (examples/article.txt).

The faults below come from reading the article, not from any tool's output. Each is given as a piece of
context that occurs exactly once in the article, the wrong text inside it, the right text and its class;
the character offsets are computed here, never by hand. Run: python bench/make_seed_gold.py
"""

from __future__ import annotations

import json
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ARTICLE = BENCH.parent / "examples" / "article.txt"
GOLD = BENCH / "seed_gold.jsonl"

# (unique context, wrong text inside it, right text, class)
FAULTS = [
    # typing slips
    ("move, teh foreign", "teh", "the", "spelling"),
    ("As thes nations", "thes", "these", "spelling"),
    ("gold and othre minerals", "othre", "other", "spelling"),
    ("not onyl prioritizes", "onyl", "only", "spelling"),
    # a lowered word at the start of a sentence, list item or table cell
    ("issues. the ministers are expected", "the", "The", "casing-sentence"),
    ("| captain Ibrahim", "captain", "Captain", "casing-sentence"),
    ("- economic Partnerships", "economic", "Economic", "casing-sentence"),
    ("| country |", "country", "Country", "casing-sentence"),
    ("\nto maximize its foothold", "to", "To", "casing-sentence"),
    ("partnerships. economic frameworks", "economic", "Economic", "casing-sentence"),
    ("| strengthened defense", "strengthened", "Strengthened", "casing-sentence"),
    ("| cultural Exchange", "cultural", "Cultural", "casing-sentence"),
    ("The Conclusion\nthe upcoming visit", "the", "The", "casing-sentence"),
    # a lowered name inside a sentence
    ("Burkina Faso, and niger to Moscow", "niger", "Niger", "casing-proper"),
    ("allies in west Africa", "west", "West", "casing-proper"),
    ("Africa, russia is keen", "russia", "Russia", "casing-proper"),
    ("foothold in the sahel,", "sahel", "Sahel", "casing-proper"),
    ("Mali, Burkina faso, and", "faso", "Faso", "casing-proper"),
    ("engagement with moscow could", "moscow", "Moscow", "casing-proper"),
    # a missing space after a comma (span: the comma) or a sentence-final period (span: the period)
    ("from Mali,Burkina", ",", ", ", "spacing-comma"),
    ("Burkina Faso,and Niger", ",", ", ", "spacing-comma"),
    ("partnerships.The implications", ".", ". ", "spacing-period"),
    ("like Russia.Enhanced dialog", ".", ". ", "spacing-period"),
]


def build(text: str) -> list[dict]:
    gold = []
    for context, wrong, right, klass in FAULTS:
        at = text.find(context)
        assert at >= 0, f"not in the article: {context!r}"
        assert text.find(context, at + 1) < 0, f"not unique: {context!r}"
        inner = context.find(wrong, 1 if context.startswith("\n") else 0)
        start = at + inner
        end = start + len(wrong)
        assert text[start:end] == wrong
        gold.append({"file": ARTICLE.name, "start": start, "end": end, "wrong": wrong, "right": right, "class": klass})
    # the article ends with a run of blank lines: one newline is enough
    stripped = text.rstrip("\n")
    if len(text) - len(stripped) > 1:
        start = len(stripped) + 1
        gold.append(
            {
                "file": ARTICLE.name,
                "start": start,
                "end": len(text),
                "wrong": text[start:],
                "right": "",
                "class": "cleanup",
            }
        )
    gold.sort(key=lambda g: g["start"])
    return gold


def main() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    gold = build(text)
    with open(GOLD, "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    print(f"wrote {len(gold)} faults to {GOLD}")


if __name__ == "__main__":
    main()
