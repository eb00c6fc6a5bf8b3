"""An ``Excerpt`` answers every question a report asks exactly as the whole text does, and every report
printed from excerpts is byte-identical to one printed from whole texts."""

from __future__ import annotations

import io
import random

import pytest

from proofread.lines import MARGIN, Excerpt, LineIndex
from proofread.report import FORMATS, render
from proofread.runner import FileResult, Settings, run


def _random_text(rng: random.Random) -> str:
    words = ["Mali", "the", "end.", "a,b", "  ", "\t", "é", "\u2019", "x" * 60]
    lines = []
    for _ in range(rng.randint(0, 30)):
        lines.append(" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))))
    return rng.choice(["\n", "\r\n"]).join(lines) + rng.choice(["", "\n", "\n\n"])


@pytest.mark.parametrize("seed", range(60))
def test_excerpt_agrees_with_the_whole_text(seed):
    rng = random.Random(seed)
    text = _random_text(rng)
    ranges = []
    for _ in range(rng.randint(0, 6)):
        a = rng.randint(0, len(text))
        ranges.append((a, min(len(text), a + rng.randint(0, 8))))
    # pieces of one text, checked one by one, give the same answers joined (large files are read so)
    cut = text.find("\n", len(text) // 2) + 1 or len(text)
    first, second = text[:cut], text[cut:]
    ranges = [(a, b) for a, b in ranges if not a < cut < b]  # a finding never crosses a piece's end
    pieces = Excerpt.join(
        [
            Excerpt.around(first, [r for r in ranges if r[0] < cut]),
            Excerpt.around(second, [r for r in ranges if r[0] >= cut], cut, first.count("\n") + 1),
        ]
    )
    index = LineIndex(text)
    for excerpt in (Excerpt.around(text, ranges), pieces, Excerpt.whole(text)):
        for a, b in ranges:
            assert excerpt.position(a) == index.position(a)
            assert excerpt.position(b) == index.position(b)
            line = index.position(a)[0]
            assert excerpt.line_text(line) == index.line_text(line)
            lo, hi = max(0, a - 20), b + 20
            if excerpt is not pieces or (lo >= cut) == (a >= cut) and (hi <= cut) == (a < cut):
                assert excerpt.slice(lo, hi) == text[lo:hi]
            piece, base = excerpt.piece(a, b)
            assert piece[a - base : b - base] == text[a:b]


def test_an_excerpt_keeps_only_the_lines_near_findings():
    lines = [f"line {i:03} " + "word " * 20 for i in range(200)]
    text = "\n".join(lines) + "\n"
    at = text.index("line 100")
    excerpt = Excerpt.around(text, [(at + 5, at + 8)])
    kept = sum(len(s.text) for s in excerpt.segments)
    assert kept <= len(lines[100]) + 2 * (MARGIN + len(lines[0]) + 2)
    assert Excerpt.around(text, []).segments == ()


DOCS = {
    "a.md": "# title\n\nMali,Burkina Faso,and Niger signed.It holds. teh end\n\n- one\n- Two\n",
    "b.txt": "They met in  Moscow .\r\nthe ministers left.\r\n\r\n\r\nAn othre day\n",
    "c.md": "Clean text.\n",
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_reports_from_excerpts_equal_reports_from_whole_texts(fmt, tmp_path, monkeypatch):
    from proofread.runner import Session

    monkeypatch.chdir(tmp_path)
    for name, body in DOCS.items():
        (tmp_path / name).write_text(body, encoding="utf-8", newline="")
    settings = Settings(paths=tuple(DOCS), output_format=fmt, isolated=True)
    session = Session(settings)
    whole = [session.process(name, keep_text=True) for name in DOCS]
    assert any(r.diagnostics for r in whole)
    cut = [FileResult.of(r.path, r.text, r.diagnostics) for r in whole]
    assert all(r.text is None for r in cut)
    expected, got = io.StringIO(), io.StringIO()
    render(fmt, whole, settings, expected)
    render(fmt, cut, settings, got)
    assert got.getvalue() == expected.getvalue()


def test_a_run_reports_what_its_files_hold(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(DOCS["a.md"], encoding="utf-8")
    out = io.StringIO()
    assert run(Settings(paths=("a.md",), output_format="concise", isolated=True), out, io.StringIO()) == 1
    assert "a.md:3:5: PU001 [*]" in out.getvalue() and "a.md:3:46: SP001" in out.getvalue()


def test_a_result_keeps_no_text_without_findings():
    result = FileResult.of("a.md", "Fine.\n" * 1000, ())
    assert result.text is None and result.excerpt.segments == ()
