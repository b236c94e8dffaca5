"""`reviewsite check` as an editor uses it: text, JSON and SARIF; exit status 0, 1, 2."""

import json


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return p


def test_whole_content_tree_exit_status(project, run):
    code, out, err = run(project, "check")
    assert code == 0, out + err
    report = project / "content/reviews/alpha-2020/overview-report.md"
    report.write_text(report.read_text() + "\nHer sister can be reached on 07700 900982.\n")
    code, out, err = run(project, "check")
    assert code == 1
    assert "content/reviews/alpha-2020/overview-report.md:10:" in out and "PHONE_NUMBER" in out
    assert "| 07700 900982" in out
    code, out, err = run(project, "check", "--exit-zero")
    assert code == 0 and "PHONE_NUMBER" in out


def test_paths_json_fields_offsets(project, run, tmp_path):
    text = "# Notes\n\nThe neighbour, Mrs Agnieszka Wróblewska, called 0115 977 4331 on Monday.\n"
    path = write(tmp_path, "notes.md", text)
    code, out, err = run(project, "check", str(path), "--format", "json")
    assert code == 1, err
    findings = json.loads(out)["findings"]
    phone = next(f for f in findings if f["entity"] == "PHONE_NUMBER")
    assert text[phone["start"]:phone["end"]] == "0115 977 4331"
    assert (phone["line"], phone["column"]) == (3, text.splitlines()[2].index("0115") + 1)
    assert any(f["entity"] == "PERSON" and "Wróblewska" in f["text"] for f in findings)
    for key in ("path", "end_line", "end_column", "severity", "rule", "message"):
        assert key in phone


def test_allow_file_and_register_file(project, run, tmp_path):
    doc = write(tmp_path, "doc.md", "The Zephyrine Outreach Collective supported Hana. Later, kowalczyk's car was seen.\n")
    allow = write(tmp_path, "allow.txt", "# public services\nZephyrine Outreach Collective\nHana\n")
    register = write(tmp_path, "register.txt", "# real names\nJoanna Kowalczyk\n")
    code, out, err = run(project, "check", str(doc), "--allow-file", str(allow), "--register", str(register),
                         "--format", "json")
    findings = json.loads(out)["findings"]
    texts = [f["text"] for f in findings if f["severity"] == "error"]
    assert not any("Zephyrine" in t for t in texts)
    assert any("kowalczyk" in t.lower() for t in texts)
    assert code == 1


def test_sarif_output(project, run, tmp_path):
    doc = write(tmp_path, "doc.md", "OFFICIAL-SENSITIVE\n\nText.\n")
    code, out, err = run(project, "check", str(doc), "--format", "sarif")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0" and code == 1
    assert any(r["level"] == "error" for r in sarif["runs"][0]["results"])


def test_usage_errors_exit_2(project, run, tmp_path):
    code, out, err = run(project, "check", str(tmp_path / "missing.md"))
    assert code == 2 and "no such file" in err


def test_a_file_inside_a_review_is_checked_with_that_reviews_pseudonyms_and_panel(project, run):
    import json

    review = project / "content" / "reviews" / "alpha-2020"
    doc = review / "executive-summary.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nRowan Testwell chaired the panel. Alpha's GP saw her.\n",
                   encoding="utf-8")
    code, out, err = run(project, "check", str(doc), "--format", "json")
    assert code == 0, out + err
    # the same file outside any review is checked with the public terms only: the chair is a name
    loose = project / "loose.md"
    loose.write_text(doc.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(project, "check", str(loose), "--format", "json")
    assert code == 1
    assert "Rowan Testwell" in {f["text"] for f in json.loads(out)["findings"]}
