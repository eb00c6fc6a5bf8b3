"""--baseline: record the findings once, then report only the new ones."""

import io
import json

from proofread.runner import Settings, run

DOC = "They met in Mali,Burkina Faso and Niger.\n\nThe talks went well.\n"


def check(tmp_path, **kw):
    out, err = io.StringIO(), io.StringIO()
    settings = Settings(paths=(str(tmp_path / "doc.txt"),), output_format="concise", select=("PU",), **kw)
    code = run(settings, out, err)
    return code, out.getvalue(), err.getvalue()


def test_first_run_records_and_exits_0(tmp_path):
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    code, out, err = check(tmp_path, baseline=str(baseline))
    assert code == 0 and out == "All clean! No issues found.\n"
    assert "recorded 1 finding in" in err
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["version"] == 1
    (entry,) = data["findings"]
    assert entry["rule"] == "PU001" and entry["path"] == "doc.txt" and "Mali,Burkina" in entry["context"]


def test_known_findings_are_hidden_even_after_edits_elsewhere(tmp_path):
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    baseline = str(tmp_path / "baseline.json")
    check(tmp_path, baseline=baseline)
    assert check(tmp_path, baseline=baseline)[0] == 0
    # lines added above move the finding; it still matches
    (tmp_path / "doc.txt").write_text("A new opening line.\n\n" + DOC, encoding="utf-8")
    code, out, _ = check(tmp_path, baseline=baseline)
    assert code == 0 and "All clean" in out
    # a new finding is reported, the old one is not
    (tmp_path / "doc.txt").write_text(DOC + "Then Chad,Sudan and Libya joined.\n", encoding="utf-8")
    code, out, _ = check(tmp_path, baseline=baseline)
    assert code == 1
    assert ":4:10: PU001" in out and ":1:" not in out


def test_a_repeated_finding_is_counted(tmp_path):
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    baseline = str(tmp_path / "baseline.json")
    check(tmp_path, baseline=baseline)
    (tmp_path / "doc.txt").write_text(DOC + "\n" + DOC, encoding="utf-8")
    code, out, _ = check(tmp_path, baseline=baseline)
    assert code == 1 and out.count("PU001") == 1


def test_bad_baseline_is_one_line_exit_2(tmp_path):
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = check(tmp_path, baseline=str(bad))
    assert code == 2 and err.count("\n") == 1 and "not a proofread baseline" in err
    bad.write_text('{"findings": 3}', encoding="utf-8")
    code, _, err = check(tmp_path, baseline=str(bad))
    assert code == 2 and "not a proofread baseline" in err
    code, _, err = check(tmp_path, baseline=str(tmp_path / "no" / "such" / "dir.json"))
    assert code == 2 and "cannot write the baseline" in err


def test_recording_still_prints_a_valid_machine_report(tmp_path):
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    settings = Settings(
        paths=(str(tmp_path / "doc.txt"),), output_format="sarif", select=("PU",), baseline=str(tmp_path / "b.json")
    )
    assert run(settings, out, err) == 0
    assert json.loads(out.getvalue())["runs"][0]["results"] == []
