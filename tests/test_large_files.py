"""Files too large to read whole are read, checked and fixed in chunks cut at paragraph boundaries.

The thresholds are lowered here (``files.WHOLE_FILE_BYTES``, ``chunks.CHUNK_CHARS``), so that a few
kilobytes take the path a 100 MB file takes.
"""

from __future__ import annotations

import io
import json
import os
import random

import pytest

from proofread import chunks as chunking
from proofread import files
from proofread.chunks import chunks, fenced_ranges
from proofread.runner import Settings, run

PARAGRAPH = "Mali,Burkina Faso and Niger met.It was long ago , and teh talks went on.\n"


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(files, "WHOLE_FILE_BYTES", 2000)
    monkeypatch.setattr(files, "BLOCK_BYTES", 700)
    monkeypatch.setattr(chunking, "CHUNK_CHARS", 1000)
    monkeypatch.setattr(chunking, "MAX_CHUNK_CHARS", 4000)


def _pieces(text: str, size: int):
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def _random_markdown(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 60)):
        kind = rng.random()
        if kind < 0.15:
            parts.append("```\ncode line\n\nmore code\n```\n")
        elif kind < 0.3:
            parts.append("- item one\n- item two\n")
        else:
            parts.append(PARAGRAPH * rng.randint(1, 4))
    return rng.choice(["\n", "\n\n", "\n\n\n", "\n  \n"]).join(parts)


@pytest.mark.parametrize("seed", range(40))
def test_chunks_cover_the_text_and_cut_only_at_boundaries(seed):
    rng = random.Random(seed)
    text = _random_markdown(rng)
    got = list(chunks(_pieces(text, rng.randint(1, 500)), markdown=True, size=300, limit=3000))
    assert "".join(c.text for c in got) == text
    assert got[-1].last and not any(c.last for c in got[:-1])
    fences = fenced_ranges(text)
    for c in got:
        assert c.start == sum(len(x.text) for x in got if x.start < c.start)
        assert c.line == text.count("\n", 0, c.start) + 1
        if not c.last:
            cut = c.start + len(c.text)
            assert text[:cut].endswith("\n")
            if len(c.text) <= 3000:  # before the limit: after a blank line, before a line of text
                assert text[:cut].rstrip(" \t\n").count("\n") < text[:cut].count("\n") - 1
                assert text[cut:cut + 1].strip()  # fmt: skip
            assert not any(a < cut < b for a, b in fences)


def test_a_text_without_blank_lines_is_cut_at_a_line_end_past_the_limit():
    text = "A line of prose.\n" * 1000
    got = list(chunks(_pieces(text, 100), markdown=True, size=300, limit=1000))
    assert len(got) > 5 and "".join(c.text for c in got) == text
    assert all(c.text.endswith("\n") for c in got)


def test_fenced_code_that_never_closes_keeps_the_rest_in_one_chunk():
    text = PARAGRAPH * 10 + "\n```\n" + "code\n\n" * 500
    got = list(chunks(_pieces(text, 100), markdown=True, size=300, limit=1000))
    assert "".join(c.text for c in got) == text
    assert got[-1].text.startswith("```") or "```" in got[-1].text


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _report(path, **kw) -> tuple[int, list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    kw.setdefault("select", ("PU001", "PU002", "PU006", "SP001", "CL002"))
    code = run(Settings(paths=(str(path),), output_format="json", isolated=True, **kw), out, err)
    return code, json.loads(out.getvalue() or "[]"), err.getvalue()


def test_findings_of_a_chunked_file_are_those_of_the_whole_file(tmp_path, monkeypatch, small_chunks):
    text = "\n".join(PARAGRAPH * (1 + i % 3) for i in range(60)) + "\n\n\n"
    path = _write(tmp_path, "big.md", text)
    code, chunked, err = _report(path)
    monkeypatch.setattr(files, "WHOLE_FILE_BYTES", 10**9)
    code_whole, whole, _ = _report(path)
    assert err == "" and code == code_whole == 1
    assert len(chunked) > 200 and chunked == whole  # offsets, lines, columns, fixes: all mapped back
    assert [f["rule"] for f in chunked].count("CL002") == 1  # the end of the file is at the end only


def test_fix_of_a_chunked_file_equals_the_fix_of_the_whole_file(tmp_path, monkeypatch, small_chunks):
    text = "\ufeff" + "\r\n".join(PARAGRAPH.replace("\n", "\r\n") * 2 for _ in range(40))
    big = _write(tmp_path, "big.txt", text)
    copy = _write(tmp_path, "copy.txt", text)
    mode = 0o640
    os.chmod(big, mode)
    code, remaining, err = _report(big, fix=True)
    assert err == "" and code == 0 and remaining == []
    monkeypatch.setattr(files, "WHOLE_FILE_BYTES", 10**9)
    _report(copy, fix=True)
    assert big.read_bytes() == copy.read_bytes() and big.read_bytes().startswith(b"\xef\xbb\xbf")
    assert os.stat(big).st_mode & 0o777 == mode
    assert sorted(os.listdir(tmp_path)) == ["big.txt", "copy.txt"]  # no temporary file left


def test_a_chunked_file_with_nothing_to_fix_is_not_rewritten(tmp_path, small_chunks):
    path = _write(tmp_path, "big.md", "A fine paragraph of prose.\n\n" * 200 + "The end.\n")
    before = os.stat(path)
    code, found, err = _report(path, fix=True)
    assert code == 0 and found == [] and err == ""
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_an_error_deep_in_a_chunked_file_leaves_it_unchanged(tmp_path, small_chunks):
    body = (PARAGRAPH + "\n") * 100
    data = body.encode() + b"caf\xe9\n" + body.encode()
    path = tmp_path / "big.md"
    path.write_bytes(data)
    code, _, err = _report(path, fix=True)
    line = body.count("\n") + 1
    offset = len(body.encode()) + 3
    assert code == 2
    assert f"not valid UTF-8 (byte 0xe9 at offset {offset}, line {line})" in err
    assert path.read_bytes() == data and os.listdir(tmp_path) == ["big.md"]


def test_a_character_cut_by_a_block_boundary_is_decoded(tmp_path, small_chunks):
    text = ("Café Zürich naïve élan — “quoted”.\n\n" * 200)[:5000]
    path = _write(tmp_path, "big.md", text)
    code, found, err = _report(path, select=("PU001",))
    assert (code, found, err) == (0, [], "")


def test_a_long_line_in_a_chunked_file_is_refused(tmp_path, monkeypatch, small_chunks):
    monkeypatch.setattr(files, "MAX_LINE_CHARS", 1500)
    path = _write(tmp_path, "big.md", PARAGRAPH * 20 + "x" * 1600 + "\n" + PARAGRAPH * 20)
    code, _, err = _report(path)
    assert code == 2 and "line 21 is too long to be prose" in err and "Traceback" not in err


def test_diff_is_refused_for_a_chunked_file(tmp_path, small_chunks):
    path = _write(tmp_path, "big.md", PARAGRAPH * 100)
    out, err = io.StringIO(), io.StringIO()
    code = run(Settings(paths=(str(path),), diff=True, isolated=True), out, err)
    assert code == 2 and "--diff is not available for a file over" in err.getvalue()


@pytest.mark.parametrize("fix", [False, True])
def test_chunks_checked_by_a_pool_give_what_one_process_gives(tmp_path, small_chunks, fix):
    text = "\n".join(PARAGRAPH * (1 + i % 3) for i in range(80))
    one = _write(tmp_path, "one.md", text)
    two = _write(tmp_path, "two.md", text)
    code1, found1, err1 = _report(one, fix=fix, jobs=1)
    code2, found2, err2 = _report(two, fix=fix, jobs=2)
    assert (code1, err1) == (code2, err2.replace("two.md", "one.md"))
    assert [dict(f, path="") for f in found1] == [dict(f, path="") for f in found2]
    assert one.read_bytes() == two.read_bytes()
    assert fix or found1


def test_a_chunked_file_changed_while_checked_is_not_fixed(tmp_path, monkeypatch, small_chunks):
    from proofread import large_files

    text = "\n".join(PARAGRAPH for _ in range(60))
    path = _write(tmp_path, "big.md", text)
    real_check = large_files.check_chunk
    calls = []

    def edit_midway(*args):
        calls.append(1)
        if len(calls) == 2:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write("Added meanwhile.\n")
        return real_check(*args)

    monkeypatch.setattr(large_files, "check_chunk", edit_midway)
    code, _, err = _report(path, fix=True, jobs=1)
    assert code == 2 and "changed while being read" in err  # noticed before anything is written
    assert path.read_text(encoding="utf-8") == text + "Added meanwhile.\n"
    assert os.listdir(tmp_path) == ["big.md"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write a read-only file")
def test_a_read_only_chunked_file_is_not_fixed(tmp_path, small_chunks):
    text = "\n".join(PARAGRAPH for _ in range(60))
    path = _write(tmp_path, "big.md", text)
    path.chmod(0o444)
    code, _, err = _report(path, fix=True, jobs=1)
    assert code == 2 and "read-only" in err
    assert path.read_text(encoding="utf-8") == text and os.listdir(tmp_path) == ["big.md"]
