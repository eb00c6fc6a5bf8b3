"""The document model's output is pinned: speed work must not change a single block, mask or token.

Each case below is reduced to a canonical text (every block, mask and token with its sentence-start
verdict, plus ``is_masked`` answers on a grid of ranges) and compared by SHA-256 with the digest the
model produced before the optimisations of issue 7. A digest that changes means behaviour changed:
if that is intended (a real fix of the document model), recompute it with ``PROOFREAD_PRINT_DIGESTS=1
pytest -q tests/test_speed_invariants.py -s`` and say why in the commit.

Nothing here measures time.
"""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path

import pytest

from proofread.document import build_document
from proofread.model import Document

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PROOFREAD_SHARED", REPO.parent / "shared"))
if not (SHARED / "data").is_dir():
    SHARED = Path("/work/shared")
DATA = SHARED / "data"


def snapshot(doc: Document) -> str:
    """Everything the rules can see of a document, one item a line."""
    out = [f"path={doc.path!r} markdown={doc.markdown} len={len(doc.text)}"]
    for b in doc.blocks:
        out.append(f"B {b.kind.value} {b.start} {b.end} {b.group} {b.row} {b.column}")
    for m in doc.masks:
        out.append(f"M {m.start} {m.end}")
    for t in doc.tokens:
        out.append(f"T {t.kind.value} {t.start} {t.end} {t.text!r} {t.block} {t.sentence_start}")
    n = len(doc.text)
    step = max(1, n // 200)
    bits = []
    for start in range(0, n + 1, step):
        for width in (0, 1, 3, 17):
            bits.append("1" if doc.is_masked(start, min(n, start + width)) else "0")
    out.append("Q " + "".join(bits))
    return "\n".join(out) + "\n"


def digest(doc: Document) -> str:
    return hashlib.sha256(snapshot(doc).encode("utf-8")).hexdigest()[:20]


# --- synthetic documents ------------------------------------------------------------------------------

_PROSE = [
    "The quick brown fox jumps over the lazy dog.",
    "the next sentence starts lowercase. another one.Here it goes",
    "Sold in the U.S. and Europe. See e.g. Paris: the city.",
    "Mr. Smith met Dr. J. Watson at 10km from St. Louis... then left!",
    "It’s the socio-political “thing” (really) that matters; isn’t it?",
    "Visit https://example.com/a.b?x=1 or www.example.org, then mail me@example.org.",
    "Use `code.here` and ``double `tick` code`` in prose, then `unclosed tick.",
    'A <span class="x">tag</span> and <!-- a comment --> and {{ template }} and {% tag %} here.',
    "Ping @someone about #issue-12 and &amp; &#169; &#x1F600; entities.",
    "Words with snake_case, 3rd, 1990s and Ph.D. degrees.",
    "Wait… what?! “Yes.” he said. (Maybe.) [Sure.] ¿Qué? ¡Sí!",
    'An image ![alt text](img.png "title") and a [link](https://x.y/z_(w)) and [ref][label].',
    "Emoji 😀 and combining e\u0301 and Greek λόγος and Cyrillic слово.",
    "Colon: then lowercase; semicolon, comma , odd spacing .Here",
    "Tabs\tinside\tthe line and trailing spaces   ",
    "vs. etc. approx. fig. no. vol. pp. inc. ltd. jan. sept. i.e. viz. esp. done.",
    "A sentence with a code span that `wraps\nonto` the next line.",
    'Ends with closers." Next one.’ And another.) Again.] More.',
]

_MARKDOWN_BLOCKS = [
    "# Heading one",
    "## Heading two ##",
    "Setext heading\n==============",
    "Another setext\n--------------",
    "- item one\n- item two\n  - nested item\n- [ ] task item\n- [x] done item",
    "1. first\n2. second\n10) tenth",
    "* star item\n\n  second paragraph of the item\n* next",
    "> a quoted line\n> still quoted\n>\n> > nested quote",
    "| Name | Value |\n|------|-------|\n| a    | `b`   |\n| c \\| d | e |",
    "Name | Value\n--- | ---\nno leading | bars",
    "```python\ndef not_prose(): pass\n```",
    "~~~\ntilde fence\n~~~",
    "    indented code block\n    more code",
    "<div>\nhtml block content\n</div>",
    "---",
    "***",
    '!!! note "Admonition title"\n    Admonition body text.',
    '=== "Tab one"\n\n    Tab content.',
    "[label]: https://example.com/ref",
    "Line with trailing backslash\\\nand a hard break.",
    "Paragraph with *emphasis*, **strong**, _under_ and __double__.",
    "1. item with `code`\n\n   ```\n   fenced in item\n   ```\n\n2. after",
]


def synthetic(seed: int, markdown: bool, blocks: int = 60) -> str:
    rng = random.Random(seed)
    parts = []
    for _ in range(blocks):
        roll = rng.random()
        if markdown and roll < 0.45:
            parts.append(rng.choice(_MARKDOWN_BLOCKS))
        elif not markdown and roll < 0.3:
            parts.append(rng.choice(_MARKDOWN_BLOCKS))  # plain text read as lines: lists, tables, headings
        else:
            parts.append(" ".join(rng.choice(_PROSE) for _ in range(rng.randint(1, 4))))
    sep = "\r\n" if seed % 5 == 4 else "\n"
    text = ""
    for part in parts:
        text += part.replace("\n", sep) + sep * rng.choice((1, 2, 2, 3))
    if markdown and seed % 3 == 0:
        text = "---" + sep + "title: front matter" + sep + "tags: [a, b]" + sep + "---" + sep + text
    if markdown and seed % 7 == 1:
        text = "+++" + sep + 'title = "toml"' + sep + "+++" + sep + text
    if seed % 4 == 3:
        text = text.rstrip()  # no final line break
    return text


SYNTHETIC_DIGESTS = {
    "blank-lines.md": "702ea7e14b65c703bb41",
    "blank-lines.txt": "597efe8ca76abe7c754c",
    "empty.md": "5e193856c6d4ebc56e2a",
    "empty.txt": "cc4c456d6ef04f560da6",
    "synthetic-0.md": "0cdfef0a95bb5770f042",
    "synthetic-0.txt": "3aa48b81d0da7a5ec6de",
    "synthetic-1.md": "b85db8c4bbdb9db077c2",
    "synthetic-1.txt": "689330f7592dc9654842",
    "synthetic-2.md": "7e6c42344bca4c6edb96",
    "synthetic-2.txt": "77536d14535428c50690",
    "synthetic-3.md": "071eae00b736682b71ce",
    "synthetic-3.txt": "4386b1a947c086bd828b",
    "synthetic-4.md": "461feab19148902324f1",
    "synthetic-4.txt": "1c4ae6cbe5eca2d8d293",
    "synthetic-5.md": "84dda3f461e19267fc04",
    "synthetic-5.txt": "5d9b5ddd3a39ec0c5a53",
    "synthetic-6.md": "4f0d16bf6c9d7e34bb7e",
    "synthetic-6.txt": "c1dde0a7cc33e8face9c",
    "synthetic-7.md": "79723decb1b95053b6a2",
    "synthetic-7.txt": "5d3c1c1960a6169c3fe1",
    "synthetic-8.md": "8ddffc39b57252b72e52",
    "synthetic-8.txt": "341ee684926c782e04de",
    "synthetic-9.md": "fc6c6cac56a088df40ab",
    "synthetic-9.txt": "c3b0fded95b366d83350",
    "synthetic-10.md": "09399376a378087fe989",
    "synthetic-10.txt": "127b9b90ca6b0359a709",
    "synthetic-11.md": "8c9b00284e161a1e1f46",
    "synthetic-11.txt": "379688052a1d57a41c1c",
}


def synthetic_case(name: str) -> tuple[str, str]:
    stem, suffix = name.rsplit(".", 1)
    if stem == "empty":
        return "", name
    if stem == "blank-lines":
        return "\n\n \n\t\n", name
    seed = int(stem.split("-")[1])
    return synthetic(seed, suffix == "md"), name


# --- samples of the shared corpora ----------------------------------------------------------------------


def corpus_sample() -> list[Path]:
    """Every 20th prose file and every 4th Markdown file, in path order."""
    prose = sorted((DATA / "prose").glob("*.txt"))[::20]
    markdown = sorted((DATA / "markdown").rglob("*.md"))[::4]
    return prose + markdown


CORPUS_DIGEST = "288442f70a27d4840c94"


# --- tests --------------------------------------------------------------------------------------------


def _print_digests() -> bool:
    return os.environ.get("PROOFREAD_PRINT_DIGESTS") == "1"


@pytest.mark.parametrize("name", sorted(SYNTHETIC_DIGESTS))
def test_synthetic_documents_are_unchanged(name):
    text, path = synthetic_case(name)
    got = digest(build_document(text, path))
    if _print_digests():
        print(f'    "{name}": "{got}",')
    assert got == SYNTHETIC_DIGESTS[name]


def test_markdown_flag_overrides_the_suffix():
    text = synthetic(2, True)
    as_text = build_document(text, "x.md", markdown=False)
    as_markdown = build_document(text, "x.txt", markdown=True)
    assert snapshot(as_text).split("\n", 1)[1] == snapshot(build_document(text, "x.md" + ".txt")).split("\n", 1)[1]
    assert snapshot(as_markdown).split("\n", 1)[1] == snapshot(build_document(text, "x.md")).split("\n", 1)[1]


@pytest.mark.skipif(not DATA.is_dir(), reason="shared corpora not present")
def test_corpus_sample_is_unchanged():
    h = hashlib.sha256()
    files = corpus_sample()
    assert len(files) > 50
    for path in files:
        text = path.read_text(encoding="utf-8")
        h.update(path.name.encode())
        h.update(snapshot(build_document(text, str(path.relative_to(DATA)))).encode("utf-8"))
    got = h.hexdigest()[:20]
    if _print_digests():
        print(f'CORPUS_DIGEST = "{got}"')
    assert got == CORPUS_DIGEST


def test_tokenize_block_matches_the_document_tokens():
    from proofread.sentences import tokenize_block

    text = synthetic(5, True)
    doc = build_document(text, "x.md")
    masks = [(m.start, m.end) for m in doc.masks]
    again = [t for i, b in enumerate(doc.blocks) for t in tokenize_block(text, b, i, masks)]
    assert again == list(doc.tokens)


def test_is_masked_agrees_with_a_plain_scan():
    """``is_masked`` with its cached bisection answers as a scan of every mask would."""
    from proofread.model import Span

    rng = random.Random(7)
    for _ in range(200):
        cuts = sorted(rng.sample(range(200), rng.randrange(0, 12) * 2))
        masks = tuple(Span(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True))
        doc = Document("x", " " * 200, False, (), masks)
        for _ in range(50):
            start = rng.randrange(0, 201)
            end = min(200, start + rng.choice((0, 0, 1, 2, 5, 30)))
            stop = max(end, start + 1)
            expected = any(m.start < stop and start < m.end for m in masks)
            assert doc.is_masked(start, end) == expected, (masks, start, end)


def _run_python(code: str) -> str:
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout


def test_checking_markdown_does_not_import_markdown_it(tmp_path):
    """Start-up: a usual Markdown file is read by proofread.markdown_blocks, markdown-it stays unloaded."""
    page = tmp_path / "page.md"
    page.write_text("# Title\n\n- an item\n- another\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nA paragraph.\n")
    code = (
        f"import sys\nfrom proofread.cli import main\nsys.argv = ['proofread', 'check', {str(page)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\nprint('markdown_it' in sys.modules)"
    )
    assert _run_python(code).splitlines()[-1] == "False"


def test_the_first_check_freezes_the_loaded_data_once():
    """The lexicons the first check loads leave the collector's sight, once: later the frozen count may
    only shrink (as frozen objects die), never grow."""
    code = (
        "import gc\nfrom proofread.context import Context\nfrom proofread.lint import check_text\n"
        "from proofread.rules import all_rules\nrules = [r() for r in all_rules()]\n"
        "before = gc.get_freeze_count()\n"
        "check_text('Teh text of a docment.\\n', 'a.txt', rules, Context())\n"
        "first = gc.get_freeze_count()\n"
        "check_text('Another text.\\n', 'b.txt', rules, Context())\n"
        "print(before, first > 0, gc.get_freeze_count() <= first, gc.isenabled())"
    )
    assert _run_python(code).split() == ["0", "True", "True", "True"]
