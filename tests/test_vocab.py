"""The project vocabulary: words files, casing, `vocab add` and `vocab collect`."""

import io
import os
import subprocess
import sys

from proofread.runner import Settings, run
from proofread.vocab import accepts, add_words, parse_words, project_context

TEXT = "We run kubectl and the zorbel daily.\n"


def run_cli(*args, cwd=None):
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "proofread", *args], capture_output=True, text=True, cwd=cwd, env=env)


def flagged(path):
    out, err = io.StringIO(), io.StringIO()
    run(Settings(paths=(str(path),), output_format="json", select=("SP",)), out, err)
    import json

    return [f["line"] for f in json.loads(out.getvalue())], [
        path.read_text(encoding="utf-8")[f["start"] : f["end"]] for f in json.loads(out.getvalue())
    ]


def test_parse_words_skips_comments_and_blanks():
    assert parse_words("# project words\n\nGoïta  # a name\nkubectl\n  \n") == ["Goïta", "kubectl"]


def test_casing_rule():
    entries = frozenset({"Goïta", "kubectl"})
    assert accepts(entries, "Goïta")
    assert not accepts(entries, "goïta") and not accepts(entries, "GOÏTA")
    assert accepts(entries, "kubectl") and accepts(entries, "Kubectl") and accepts(entries, "KUBECTL")
    ctx = project_context(entries, "en-GB")
    assert ctx.vocabulary == entries and ctx.vocabulary_lower == frozenset({"kubectl"}) and ctx.dialect == "en-GB"


def test_words_file_next_to_the_config_makes_words_known(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.proofread]\ndialect = 'en-US'\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    doc = tmp_path / "docs" / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    _, words = flagged(doc)
    assert "kubectl" in words and "zorbel" in words
    (tmp_path / ".proofread-words.txt").write_text("kubectl\nZorbel\n", encoding="utf-8")
    _, words = flagged(doc)
    assert "kubectl" not in words
    assert "zorbel" in words  # "Zorbel" accepts "Zorbel" only


def test_vocabulary_key_names_the_files(tmp_path):
    (tmp_path / "proofread.toml").write_text('vocabulary = ["words/a.txt", "words/b.txt"]\n', encoding="utf-8")
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "a.txt").write_text("kubectl\n", encoding="utf-8")
    (tmp_path / "words" / "b.txt").write_text("zorbel\n", encoding="utf-8")
    (tmp_path / ".proofread-words.txt").write_text("ignored-when-vocabulary-is-set\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    _, words = flagged(doc)
    assert "kubectl" not in words and "zorbel" not in words


def test_add_words_sorts_and_deduplicates(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("# Project words\n\nzeta\nAlpha\n", encoding="utf-8")
    assert add_words(str(path), ["beta", "Alpha", "Goïta", "beta"]) == ["beta", "Goïta"]
    assert path.read_text(encoding="utf-8") == "# Project words\nAlpha\nbeta\nGoïta\nzeta\n"
    assert add_words(str(path), ["zeta"]) == []


def test_vocab_add_command(tmp_path):
    (tmp_path / "proofread.toml").write_text("", encoding="utf-8")
    r = run_cli("vocab", "add", "Sahel", "kubectl", "Sahel", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Added 2 words" in r.stdout
    assert (tmp_path / ".proofread-words.txt").read_text(encoding="utf-8") == "kubectl\nSahel\n"
    r = run_cli("vocab", "add", "two words", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "one word" in r.stderr
    r = run_cli("vocab", "add", "--file", str(tmp_path / "other.txt"), "x", cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "other.txt").read_text(encoding="utf-8") == "x\n"


def test_vocab_collect_lists_unknown_capitalised_words(tmp_path):
    (tmp_path / "a.md").write_text("Zorbelia met Quuxton. Zorbelia left, and the zorbel stayed.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Later Zorbelia came back.\n", encoding="utf-8")
    r = run_cli("vocab", "collect", ".", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    rows = [line.split() for line in r.stdout.splitlines()]
    assert rows[0] == ["3", "Zorbelia"]
    assert ["1", "Quuxton"] in rows
    assert all(word != "zorbel" for _, word in rows)
    r = run_cli("vocab", "collect", "--all", ".", cwd=tmp_path)
    assert any(line.split()[1] == "zorbel" for line in r.stdout.splitlines())
    (tmp_path / ".proofread-words.txt").write_text("Zorbelia\n", encoding="utf-8")
    r = run_cli("vocab", "collect", ".", cwd=tmp_path)
    assert "Zorbelia" not in r.stdout and "Quuxton" in r.stdout


def test_words_files_are_not_checked_as_prose(tmp_path):
    (tmp_path / "proofread.toml").write_text('vocabulary = ["names.txt", ".proofread-words.txt"]\n', encoding="utf-8")
    (tmp_path / "names.txt").write_text("# names\nzorbel\n", encoding="utf-8")
    (tmp_path / ".proofread-words.txt").write_text("# more\nkubectl\n", encoding="utf-8")
    (tmp_path / "doc.txt").write_text("All fine here.\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = run(Settings(paths=(str(tmp_path),), output_format="concise"), out, err)
    assert code == 0, out.getvalue() + err.getvalue()
