"""Waivers: an editor accepts a finding with a reason; it stops applying when the text changes."""

import os

import pytest

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from generator.check.anonymise import AllowedTerms, shared_analyser  # noqa: E402
from generator.check.waivers import apply_waivers, load_waivers, waiver_for  # noqa: E402

PATH = "content/reviews/hana/overview-report.md"


@pytest.fixture(scope="session")
def analyser():
    a = shared_analyser()
    a.use_cache = False
    return a


def findings(analyser, text):
    return analyser.check_text(text, path=PATH, kind="markdown", allowed=AllowedTerms(terms=[], pseudonyms=["Hana"]))


def waivers(tmp_path, body):
    p = tmp_path / "waivers.yml"
    p.write_text(body, encoding="utf-8")
    ws, errs = load_waivers(p)
    assert errs == []
    return ws


def test_term_waiver_accepts_every_occurrence_but_keeps_it_in_the_report(analyser, tmp_path):
    text = "Hana swam at Elmvale Leisure Centre. She worked at Elmvale Leisure Centre.\n\nPC Rhodri Price attended.\n"
    ws = waivers(tmp_path, "- text: PC Rhodri Price\n  reason: he is the panel's police member, agreed 2022-05-04\n")
    out = apply_waivers(findings(analyser, text), ws, {PATH: text})
    waived = [f for f in out if f.extra.get("waived")]
    assert [f.text for f in waived] == ["PC Rhodri Price"]
    assert waived[0].severity == "info" and waived[0].extra["original_severity"] == "error"
    assert "agreed" in waived[0].extra["waived"]
    assert not [f for f in out if f.severity == "error"]


def test_a_waiver_stops_applying_when_the_sentence_changes(analyser, tmp_path):
    before = "The officer, PC Rhodri Price, attended on the day.\n"
    ws = waivers(tmp_path, "- text: PC Rhodri Price\n  context: The officer, PC Rhodri Price, attended\n  reason: agreed\n")
    assert not [f for f in apply_waivers(findings(analyser, before), ws, {PATH: before}) if f.severity == "error"]
    after = "PC Rhodri Price shouted at her.\n"
    out = apply_waivers(findings(analyser, after), ws, {PATH: after})
    assert [f.text for f in out if f.severity == "error"] == ["PC Rhodri Price"]
    assert [f.rule for f in out if f.entity == "WAIVER"] == ["AN902 unused-waiver"]


def test_fingerprint_waiver_from_the_snippet(analyser, tmp_path):
    text = "The officer, PC Rhodri Price, attended.\n"
    f = [f for f in findings(analyser, text) if f.severity == "error"][0]
    ws = waivers(tmp_path, waiver_for(f, "agreed by the panel"))
    assert [x.severity for x in apply_waivers([f], ws, {PATH: text})] == ["info"]
    changed = "The officer, PC Rhodri Price, did not attend.\n"
    g = [f for f in findings(analyser, changed) if f.severity == "error"][0]
    assert apply_waivers([g], ws, {PATH: changed})[0].severity == "error"


def test_waiver_for_another_file_does_not_apply(analyser, tmp_path):
    text = "PC Rhodri Price attended.\n"
    ws = waivers(tmp_path, "- text: PC Rhodri Price\n  file: executive-summary.md\n  reason: agreed\n")
    out = apply_waivers(findings(analyser, text), ws, {PATH: text})
    assert [f.severity for f in out if f.entity == "PERSON"] == ["error"]


def test_waiver_without_a_reason_is_a_content_error_with_its_line(tmp_path):
    p = tmp_path / "waivers.yml"
    p.write_text("- text: Elmvale Leisure Centre\n  reason: public\n- text: PC Rhodri Price\n  colour: red\n", encoding="utf-8")
    ws, errs = load_waivers(p)
    assert len(ws) == 1
    assert sorted(e.line for e in errs) == [3, 4]
    assert any("reason" in e.message for e in errs) and any("colour" in e.message for e in errs)


def test_registered_identifiers_are_never_waived(analyser, tmp_path):
    from generator.check.registers import load_register

    reg_p = tmp_path / "r.yml"
    reg_p.write_text("people:\n  - name: Jan Nowak\n", encoding="utf-8")
    reg, _ = load_register(reg_p)
    text = "Jan Nowak attended.\n"
    fs = analyser.check_text(text, path=PATH, kind="markdown", allowed=AllowedTerms(terms=[]), registers=[reg])
    ws = waivers(tmp_path, "- text: Jan Nowak\n  reason: we think it is fine\n")
    out = apply_waivers(fs, ws, {PATH: text})
    assert "error" in {f.severity for f in out}
