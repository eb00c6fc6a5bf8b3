"""Inline suppressions in Markdown and plain text, and PR001 for those that suppress nothing."""

import io

import pytest

from proofread.model import Diagnostic, Span
from proofread.runner import Settings, run
from proofread.suppress import apply, parse


def check(tmp_path, text, name="doc.md", select=("PU", "PR"), **kw):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = run(Settings(paths=(str(path),), output_format="concise", select=select, isolated=True, **kw), out, err)
    found = []
    for line in out.getvalue().splitlines():
        if line.startswith(str(path)):
            _, lineno, _, rest = line.split(":", 3)
            found.append((int(lineno), rest.split()[0]))
    return code, found, path


@pytest.mark.parametrize("name", ["doc.md", "doc.txt"])
def test_ignore_on_the_same_line(tmp_path, name):
    text = "One,two. <!-- proofread: ignore PU001 -->\nThree,four.\n"
    _, found, _ = check(tmp_path, text, name)
    assert found == [(2, "PU001")]


@pytest.mark.parametrize("name", ["doc.md", "doc.txt"])
def test_disable_next_line(tmp_path, name):
    text = "<!-- proofread: disable-next-line PU001 -->\nOne,two.\nThree,four.\n"
    _, found, _ = check(tmp_path, text, name)
    assert found == [(3, "PU001")]


def test_disable_enable_range_and_prefix(tmp_path):
    text = "One,two.\n<!-- proofread: disable PU -->\nThree,four.It rained.\n<!-- proofread: enable PU -->\nFive,six.\n"
    _, found, _ = check(tmp_path, text)
    assert found == [(1, "PU001"), (5, "PU001")]


def test_disable_without_enable_lasts_to_the_end(tmp_path):
    text = "One,two.\n<!-- proofread: disable -->\nThree,four.\nFive,six.\n"
    _, found, _ = check(tmp_path, text)
    assert found == [(1, "PU001")]


def test_enable_one_code_of_a_disable_all(tmp_path):
    text = "<!-- proofread: disable -->\nOne,two.It rained.\n<!-- proofread: enable PU001 -->\nThree,four.It rained.\n"
    _, found, _ = check(tmp_path, text)
    assert found == [(4, "PU001")]


def test_several_codes_commas_or_spaces(tmp_path):
    text = (
        "One,two.It rained. <!-- proofread: ignore PU001, PU002 -->\n"
        "Three,four.It rained. <!-- proofread: ignore PU001 PU002 -->\n"
    )
    code, found, _ = check(tmp_path, text)
    assert code == 0 and found == []


def test_examples_in_code_are_not_directives(tmp_path):
    text = (
        "```\n<!-- proofread: disable -->\n```\nWrite `<!-- proofread: disable-next-line -->` above a line.\nOne,two.\n"
    )
    _, found, _ = check(tmp_path, text)
    assert found == [(5, "PU001")]


def test_unused_suppressions_are_reported(tmp_path):
    text = (
        "Fine, good. <!-- proofread: ignore PU001 -->\n"
        "<!-- proofread: disable-next-line -->\n"
        "All fine.\n"
        "One,two. <!-- proofread: ignore PU001 PU002 -->\n"
    )
    code, found, _ = check(tmp_path, text)
    assert code == 1
    assert found == [(1, "PR001"), (2, "PR001"), (4, "PR001")]


def test_unused_codes_of_rules_that_did_not_run_are_not_reported(tmp_path):
    text = "Fine, good. <!-- proofread: ignore SP002 -->\n"
    code, found, _ = check(tmp_path, text, select=("PU", "PR"))
    assert code == 0 and found == []


def test_unknown_code_in_a_suppression(tmp_path):
    _, found, _ = check(tmp_path, "Fine, good. <!-- proofread: ignore ZZ123 -->\n")
    assert found == [(1, "PR001")]


def test_pr001_can_be_ignored_or_left_out(tmp_path):
    text = "Fine, good. <!-- proofread: ignore PU001 -->\n"
    assert check(tmp_path, text, select=("PU",))[:2] == (0, [])
    assert check(tmp_path, text, select=("PU", "PR"), ignore=("PR001",))[:2] == (0, [])


def test_fix_removes_unused_suppressions(tmp_path):
    text = (
        "Fine, good. <!-- proofread: ignore PU001 -->\n"
        "<!-- proofread: disable-next-line -->\n"
        "All fine.\n"
        "One,two.It rained. <!-- proofread: ignore PU001 PU002 SP -->\n"
    )
    code, _, path = check(tmp_path, text, name="doc.txt", select=("PU001", "PU002", "PR"), fix=True)
    assert code == 0
    assert path.read_text(encoding="utf-8") == (
        "Fine, good.\nAll fine.\nOne,two.It rained. <!-- proofread: ignore PU001 PU002 SP -->\n"
    )


def test_fix_keeps_a_suppression_line_whose_removal_would_join_markdown_paragraphs(tmp_path):
    # in Markdown the comment line splits the paragraph in two; deleting it would merge them
    text = "Fine, good.\n<!-- proofread: disable-next-line -->\nAll fine.\n"
    code, found, path = check(tmp_path, text, select=("PU001", "PR"), fix=True)
    assert code == 1 and found == [(2, "PR001")]
    assert path.read_text(encoding="utf-8") == text


def test_apply_unit():
    text = "abc <!-- proofread: ignore X -->\n"
    directives = parse(text)
    assert [(d.kind, d.codes) for d in directives] == [("ignore", ("X",))]
    diagnostic = Diagnostic("X001", "x", "spelling", "m", Span(0, 3))
    assert apply(text, [diagnostic], directives, ("X001",)) == []
    assert parse("no directives here") == []
    assert parse("<!-- PROOFREAD: Disable-Next-Line all -->")[0].codes == ()
