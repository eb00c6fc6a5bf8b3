"""The fast Markdown block reader against markdown-it-py, differentially.

Whenever proofread.markdown_blocks reads a document (returns a token stream rather than None), the
stream of (type, line range, markup) must equal markdown-it-py's for the same text. The cases come from
hand-written snippets, a seeded generator of Markdown-like snippets, the repository's own Markdown files
and, when present on the machine, the Markdown corpora the benchmarks use.
"""

import random
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from proofread.document import build_document
from proofread.markdown_blocks import parse

REFERENCE = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"], ignoreInvalid=True)
REPO = Path(__file__).resolve().parent.parent
CORPORA = (Path("/work/shared/data/markdown"), Path("/tmp/mdw"))


def stream(tokens):
    return [(t.type, list(t.map) if t.map else None, t.markup) for t in tokens]


def agrees(text: str) -> bool:
    """True when our reader declines ``text`` or reads it exactly as markdown-it does."""
    ours = parse(text)
    return ours is None or stream(ours) == stream(REFERENCE.parse(text))


HANDLED = [
    "# Title\n\nSome text\nover two lines.\n",
    "Title\n=====\n\nSub\n---\n\ntext\n",
    "- one\n- two\n  continued\n\n  second paragraph\n- three\n\nafter\n",
    "1. one\n2. two\n3) other list\n",
    "- outer\n  - inner\n  - inner two\n- outer two\n",
    "> quoted\n> text\n>\n> - item\n\nplain\n",
    "```python\ncode\n\n```\n\n~~~\nunclosed\n",
    "    indented code\n\n    more\n\ntext\n",
    "| a | b |\n|---|:-:|\n| 1 | 2 |\nlazy row\n\n|x|\n|-|\n",
    "text\n| a | b |\n| - | - |\n",
    "<div>\nhtml\n</div>\n\n<!-- comment\n\nstill -->\ntext\n",
    "<img src='x'>\n\n<a href=\"x\">y</a> text\n",
    "[ref]: https://example.com 'Title'\n[other]: <a b>\n\n[^1]: A footnote, not a definition.\n",
    "***\n- - -\n___\ntext\n***\n",
    "- item\n---\n",
    "text\n- item\n2. not a list\n1. a list\n",
    "## Closed ##\n#not a heading\n####### seven\n",
    "- ```\n  code\n  ```\n- > quote\n\nend",
    "",
    "\n\n",
    "a\r\nb\r\n\r\nc\r\n",
    "| a |\n|---|\n| 1 |\n\u3000\n",  # a line of Unicode spaces ends a table, and is a paragraph
    "\u00a0indented by a no-break space\n\ufeff# not a heading\n",
    "- item\nlazy line\n===\n  back in the item\n- next\n",  # lazy lines of a list item's paragraph
    "- a\n  - b\nc\n  d\n\n  e\nf\n",
    "1. item\n<div>\n\n- x\n> q\n",
]

DECLINED = [
    "> quote\nlazy line\n",  # lazy continuation of a block quote
    "- item\nlazy | line\n",  # a lazy line that could be a table header
    "10.  item\n    lazy line as indented as code\n",
    "  1. item\n  lazy\n    * a list marker 4 spaces in continues the paragraph\n",
    "-\tafter a tab\n",
    "\tindented with a tab\n",
    "-\n  item opening with a blank line\n",
    "-      indented code in an item\n",
    "[label]:\n/destination/on/the/next/line\n",
    "[ref]: /url\n'title on the next line'\n",
    "a\rb\n",
    "> ```\n> ",  # the last line, with no line break, is blank inside its quote
    "[\u3000]: /url\n",  # a label of Unicode spaces only
]


@pytest.mark.parametrize("text", HANDLED)
def test_handled_snippets_match_markdown_it(text):
    ours = parse(text)
    assert ours is not None
    assert stream(ours) == stream(REFERENCE.parse(text))


@pytest.mark.parametrize("text", DECLINED)
def test_subtle_constructs_are_left_to_markdown_it(text):
    assert parse(text) is None


# A seeded generator: random lines built from container prefixes and block openers, so that the pieces
# meet in combinations no hand-written case covers.
PREFIXES = ["", "", "", " ", "  ", "   ", "    ", "      ", "- ", "* ", "+ ", "1. ", "2. ", "1) ", "10. "]
PREFIXES += ["-   ", "-     ", "> ", ">", "> > ", "  - ", "    - ", "  > ", "-", "1.", "\t", " \t"]
BODIES = ["text", "more text here", "", "", "# Head", "## Head ##", "#no", "######## x", "```", "```py", "~~~"]
BODIES += ["````", "``` a`b", "---", "***", "- - -", "___", "===", "--", "-", "= =", "| a | b |", "a | b"]
BODIES += ["|---|---|", "--|--", "| :-: | --: |", "|---|", "| x |", "<div>", "</div>", "<!-- c", "-->"]
BODIES += ["<!-- c -->", "<script>", "</script>", "<img src='x'>", '<a href="x">y</a>', "<b>", "<?php", "?>"]
BODIES += ["[x]: /url", "[x]: /url 'title'", '[x]: <a b> "t"', "[^1]: note text", "[y]:", '"title"']
BODIES += ["[link](u) text", "[a\\]b]: /c", "[]: /x", "text | pipe", "\\| esc", "    code", "> quoted"]
BODIES += ["1. item", "- item", "* item"]


def generated_snippets(count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        lines = [rng.choice(PREFIXES) + rng.choice(BODIES) for _ in range(rng.randint(1, 12))]
        yield "\n".join(lines) + rng.choice(["\n", "", "\n\n", "\r\n"])


def test_generated_snippets_match_markdown_it():
    handled = 0
    for text in generated_snippets(4000, seed=7):
        assert agrees(text), repr(text)
        handled += parse(text) is not None
    assert handled > 500  # the comparison is not vacuous


# A second generator builds nested documents (lists and quotes holding blocks, indented to fit), where
# the first one mostly meets constructs side by side.
WORDS = ["text", "more words", "a | b", "[x]: /u", "[^1]: note", "<span>x</span>", "<div>", "<!-- c -->"]
WORDS += ["`code`", "x\\", "1986. year", "- not", "# not", "> not", "===", "---", "***", "| c |", '"t"']


def nested_document(rng: random.Random, depth: int, blocks: int) -> list[str]:
    lines: list[str] = []
    for _ in range(blocks):
        lines += nested_block(rng, depth)
        if rng.random() < 0.7:
            lines.append("")
    return lines


def nested_block(rng: random.Random, depth: int) -> list[str]:
    kind = rng.randint(0, 11 if depth < 3 else 6)
    if kind <= 2:
        return [rng.choice(WORDS) + " " + rng.choice(WORDS) for _ in range(rng.randint(1, 3))]
    if kind == 3:
        return ["#" * rng.randint(1, 7) + " " + rng.choice(WORDS)]
    if kind == 4:
        fence = rng.choice(["```", "~~~", "````"])
        body = [rng.choice(["code", "", "  x", "\tx", "```", "~~~~", "    ```"]) for _ in range(rng.randint(0, 3))]
        closing = [rng.choice([fence, fence + "`", "   " + fence])] if rng.random() < 0.8 else []
        return [fence + rng.choice(["", "py", " a b"]), *body, *closing]
    if kind == 5:
        return ["    code " + rng.choice(WORDS) for _ in range(rng.randint(1, 3))]
    if kind == 6:
        columns = rng.randint(1, 3)
        header = "| " + " | ".join(rng.choice(WORDS) for _ in range(columns)) + " |"
        delimiter = "|" + "|".join(rng.choice(["---", ":-:", "--:", ":--"]) for _ in range(columns)) + "|"
        rows = ["| " + " | ".join("v" * rng.randint(1, 4)) + " |" for _ in range(rng.randint(0, 3))]
        return [header, delimiter, *rows]
    if kind == 7:
        return [rng.choice(["---", "***", "___", "- - -"])]
    if kind == 8:
        opening = rng.choice(["<div>", "<!--", "<details>", "<img src=x>", "<pre>"])
        return [opening, rng.choice(WORDS), rng.choice(["</div>", "-->", "</pre>", ""])]
    if kind in (9, 10):
        marker = rng.choice(["-", "*", "+", "1.", "2)", "10."])
        lines = []
        for _ in range(rng.randint(1, 3)):
            inner = nested_document(rng, depth + 1, rng.randint(1, 2))
            pad = " " * (len(marker) + rng.choice([1, 1, 1, 2, 4]))
            lines.append(marker + pad[len(marker) :] + inner[0])
            lines += [pad + line if line.strip() else rng.choice(["", "  "]) for line in inner[1:]]
        return lines
    inner = nested_document(rng, depth + 1, rng.randint(1, 2))
    return [rng.choice(["> ", ">"]) + line if line.strip() or rng.random() < 0.7 else "" for line in inner]


def test_generated_nested_documents_match_markdown_it():
    rng = random.Random(11)
    handled = 0
    for _ in range(1500):
        text = "\n".join(nested_document(rng, 0, rng.randint(1, 5))) + rng.choice(["\n", ""])
        assert agrees(text), repr(text)
        handled += parse(text) is not None
    assert handled > 500


def test_repository_markdown_files_match_markdown_it():
    files = [p for p in REPO.rglob("*.md") if ".git" not in p.parts and "node_modules" not in p.parts]
    assert files
    for path in files:
        assert agrees(path.read_text(encoding="utf-8")), path


@pytest.mark.skipif(not any(c.is_dir() for c in CORPORA), reason="the Markdown corpora are not on this machine")
def test_corpus_files_match_markdown_it():
    files = [p for corpus in CORPORA if corpus.is_dir() for p in sorted(corpus.rglob("*.md"))]
    handled = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert agrees(text), path
        handled += parse(text) is not None
    assert handled >= 0.9 * len(files)  # the fast path reads the large majority of real documents


def test_document_reads_the_same_blocks_either_way(monkeypatch):
    """build_document gives the same blocks and masks whether the fast reader or markdown-it reads."""
    import proofread.document as document

    text = HANDLED[2] + HANDLED[8] + HANDLED[12]
    fast = build_document(text, "a.md")
    monkeypatch.setattr(document, "parse_blocks", lambda source: None)
    slow = build_document(text, "a.md")
    assert fast.blocks == slow.blocks and fast.masks == slow.masks
