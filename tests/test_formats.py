"""The CI output formats: SARIF 2.1.0 (validated against a schema), JUnit XML and GitLab code quality."""

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from proofread.runner import Settings, run

DOC = "Mali,Burkina Faso,and Niger signed the pact.It holds.\n- one item\n"
SCHEMA = Path(__file__).parent / "sarif-2.1.0-compact.schema.json"


def render(tmp_path, monkeypatch, fmt, text=DOC, name="doc.txt"):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "clean.txt").write_text("All is well.\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = run(Settings(paths=(name, "clean.txt"), output_format=fmt, select=("PU",), isolated=True), out, err)
    assert err.getvalue() == ""
    return code, out.getvalue()


def test_sarif_is_valid_against_the_schema(tmp_path, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    code, out = render(tmp_path, monkeypatch, "sarif")
    assert code == 1
    log = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    (run_,) = log["runs"]
    assert run_["tool"]["driver"]["name"] == "proofread"
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert "PU001" in ids and "PR001" in ids
    results = run_["results"]
    assert [r["ruleId"] for r in results] == ["PU001", "PU001", "PU002"]
    first = results[0]
    assert ids[first["ruleIndex"]] == "PU001"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "doc.txt"
    assert location["region"] == {"startLine": 1, "startColumn": 5, "endLine": 1, "endColumn": 6}
    assert first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": " "}


def test_sarif_with_no_findings_and_odd_names(tmp_path, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    code, out = render(tmp_path, monkeypatch, "sarif", text="Fine.\n", name="my notes #1.txt")
    assert code == 0
    log = json.loads(out)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert log["runs"][0]["results"] == []
    code, out = render(tmp_path, monkeypatch, "sarif", text="One,two.\n", name="my notes #1.txt")
    uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20notes%20%231.txt"


def test_junit(tmp_path, monkeypatch):
    code, out = render(tmp_path, monkeypatch, "junit", text=DOC + "Control\x01char,here.\n")
    assert code == 1
    root = ET.fromstring(out)
    assert root.tag == "testsuites" and root.get("failures") == "4" and root.get("tests") == "5"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"doc.txt", "clean.txt"}
    cases = suites["doc.txt"].findall("testcase")
    assert [c.get("name") for c in cases][:3] == ["PU001 at 1:5", "PU001 at 1:18", "PU002 at 1:44"]
    failure = cases[0].find("failure")
    assert failure.get("type") == "PU001" and failure.text.startswith("doc.txt:1:5: PU001 ")
    (ok,) = suites["clean.txt"].findall("testcase")
    assert ok.find("failure") is None


def test_gitlab(tmp_path, monkeypatch):
    code, out = render(tmp_path, monkeypatch, "gitlab", text=DOC + DOC)
    assert code == 1
    issues = json.loads(out)
    assert len(issues) == 6
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == "doc.txt" and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == 6  # repeats of the same finding stay distinct
    _, again = render(tmp_path, monkeypatch, "gitlab", text=DOC + DOC)
    assert [i["fingerprint"] for i in json.loads(again)] == [i["fingerprint"] for i in issues]


@pytest.mark.parametrize("fmt", ["sarif", "junit", "gitlab"])
def test_cli_accepts_the_new_formats(tmp_path, monkeypatch, fmt):
    import subprocess
    import sys

    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "proofread", "check", "--isolated", "--select", "PU", "-o", fmt, "doc.txt"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert r.returncode == 1 and r.stderr == ""
    assert r.stdout.lstrip().startswith("<?xml" if fmt == "junit" else ("{" if fmt == "sarif" else "["))
