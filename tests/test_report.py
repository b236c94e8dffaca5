import json

from generator.diagnostics import ContentError, Finding
from generator.report import print_text, to_json, to_sarif

F = Finding("content/reviews/x/overview-report.md", 12, 5, "PHONE_NUMBER", "error", "AN201",
            "a phone number", text="07700 900461", end_line=12, end_column=17, start=300, end=312,
            hint="remove it", review="x")
E = ContentError("content/reviews/x/review.yml", "unknown key 'staus'", 4, 3, "staus", "did you mean 'status'?",
                 "unknown-key")


def test_text_is_path_line_col_severity_entity_rule(capsys):
    print_text([E], [F])
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "content/reviews/x/review.yml:4:3: error unknown-key: staus: unknown key 'staus'"
    assert out[1] == "    = hint: did you mean 'status'?"
    assert out[2] == "content/reviews/x/overview-report.md:12:5: error PHONE_NUMBER AN201: a phone number"
    assert out[3] == "    | 07700 900461"
    assert out[-1] == "Found 1 content error(s), 1 error finding(s)."


def test_json_has_every_documented_field():
    data = json.loads(to_json([], [F]))
    (f,) = data["findings"]
    for key in ("path", "line", "column", "end_line", "end_column", "start", "end", "entity", "severity",
                "rule", "message", "text"):
        assert key in f
    assert (f["line"], f["column"], f["start"], f["end"]) == (12, 5, 300, 312)


def test_sarif_2_1_0():
    doc = json.loads(to_sarif([E], [F]))
    assert doc["version"] == "2.1.0"
    results = doc["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["unknown-key", "AN201"]
    region = results[1]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 12, "startColumn": 5, "endLine": 12, "endColumn": 17}
