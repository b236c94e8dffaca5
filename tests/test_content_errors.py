"""Bad input: one clear message per problem (file:line, what, how to fix), all problems in
one run, exit status 2, no traceback, nothing changed."""

from pathlib import Path

import pytest

from generator.content import load_site

REVIEW = Path("content/reviews/alpha-2020")


def errors_for(project: Path):
    site, errors = load_site(project / "content")
    assert site is None
    return errors


def edit(project: Path, rel: str, old: str, new: str):
    path = project / rel
    text = path.read_text()
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1))


def test_the_fixture_itself_loads_cleanly(project):
    site, errors = load_site(project / "content")
    assert errors == []
    assert [r.slug for r in site.reviews] == ["alpha-2020"]


def test_malformed_yaml_points_at_the_line(project):
    edit(project, REVIEW / "review.yml", "summary: A fictional review used by the tests.",
         "summary: Note: this colon breaks YAML")
    (e,) = errors_for(project)
    assert e.path.endswith("review.yml") and e.line == 4
    assert "not valid YAML" in e.message
    assert "quotes" in e.hint


def test_unknown_key_suggests_the_right_one(project):
    edit(project, REVIEW / "action-plan.yml", "status: in-progress", "staus: in-progress")
    (e,) = errors_for(project)
    assert e.path.endswith("action-plan.yml") and e.line == 11
    assert e.message == "unknown key 'staus'"
    assert "did you mean 'status'" in e.hint
    assert e.field == "recommendations[0].actions[0].staus"


def test_wrong_type_is_explained(project):
    edit(project, REVIEW / "action-plan.yml", "agencies: [Testshire Police]", "agencies: Testshire Police")
    (e,) = errors_for(project)
    assert e.line == 9 and "should be a list" in e.message
    assert "'- '" in e.hint


def test_impossible_dates_are_named(project):
    edit(project, REVIEW / "review.yml", "signed_off: 2020-10-01", "signed_off: 2020-02-30")
    edit(project, REVIEW / "review.yml", "completed: 2020-09", "completed: 2020-13")
    errs = errors_for(project)
    messages = {e.line: e.message for e in errs}
    assert "February 2020 has 29 days" in messages[18]
    assert "month 13 does not exist" in messages[17]


def test_all_problems_are_reported_in_one_run(project):
    edit(project, REVIEW / "review.yml", "type: dhr", "type: homicide")
    edit(project, REVIEW / "action-plan.yml", "status: ongoing", "status: finished")
    edit(project, REVIEW / "review.yml", "relationship: Ex-boyfriend or ex-girlfriend",
         "relationship: ex-boyfriend")
    errs = errors_for(project)
    assert len(errs) == 3
    by_file = sorted((Path(e.path).name, e.line) for e in errs)
    assert by_file == [("action-plan.yml", 23), ("review.yml", 2), ("review.yml", 14)]
    vocab = next(e for e in errs if e.code == "vocabulary")
    assert "Ex-boyfriend or ex-girlfriend" in vocab.hint


def test_duplicate_ids_and_duplicate_keys(project):
    edit(project, REVIEW / "action-plan.yml", "id: R2.1", "id: R1.1")
    edit(project, REVIEW / "review.yml", "type: dhr", "type: dhr\ntype: dardr")
    errs = errors_for(project)
    dup_id = next(e for e in errs if e.code == "duplicate-id")
    assert "'R1.1' is used twice (first on line 6)" in dup_id.message and dup_id.line == 18
    dup_key = next(e for e in errs if e.code == "duplicate-key")
    assert dup_key.line == 3 and "appears twice" in dup_key.message


def test_missing_referenced_file(project):
    edit(project, REVIEW / "review.yml", "publication:",
         "clearance:\n  date: 2021-03-01\n  reference: HO-1\n  letter: qa-letter.md\npublication:")
    (e,) = errors_for(project)
    assert e.code == "missing-file" and e.field == "clearance.letter"
    assert "'qa-letter.md' is not in this folder" in e.message


def test_empty_and_non_utf8_files(project):
    (project / REVIEW / "executive-summary.md").write_text("   \n")
    (project / REVIEW / "overview-report.md").write_bytes("Caf\xe9 notes\n".encode("latin-1"))
    errs = errors_for(project)
    assert {e.code for e in errs} == {"empty-file", "encoding"}
    enc = next(e for e in errs if e.code == "encoding")
    assert "not UTF-8" in enc.message and "UTF-8" in enc.hint


def test_symlink_outside_content_is_refused(project, tmp_path):
    secret = tmp_path / "secret-notes.md"
    secret.write_text("Private notes that must never be published.\n")
    target = project / REVIEW / "overview-report.md"
    target.unlink()
    target.symlink_to(secret)
    (e,) = errors_for(project)
    assert e.code == "symlink" and "outside content/" in e.message


def test_unexpected_file_in_a_review_folder(project):
    (project / REVIEW / "overview_report.md").write_text("text\n")
    (e,) = errors_for(project)
    assert "did you mean 'overview-report.md'" in e.hint


def test_withhold_needs_a_reason(project):
    edit(project, REVIEW / "review.yml", "decision: publish", "decision: withhold")
    (e,) = errors_for(project)
    assert "needs a reason" in e.message and e.line == 20


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cli_reports_bad_input_with_exit_2_and_leaves_site_alone(project, run, fmt):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    edit(project, REVIEW / "action-plan.yml", "status: in-progress", "staus: in-progress")
    edit(project, REVIEW / "review.yml", "signed_off: 2020-10-01", "signed_off: 2020-02-30")
    code, out, err = run(project, "check", "--format", fmt)
    assert code == 2
    text = err if fmt == "text" else out
    assert "Traceback" not in out + err
    assert "action-plan.yml:11:9: error unknown-key" in text or '"line": 11' in text
    assert "2020-02-30 is not a real date" in text
    code, out, err = run(project, "build")
    assert code == 2 and "Traceback" not in err
    assert (site / "index.html").read_text() == "previous site"
