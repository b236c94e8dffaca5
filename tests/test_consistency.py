"""Consistency checks: contradictions in a review's facts, each reported at its file and line."""

import datetime as dt

from generator.check.consistency import check_review, count_report_recommendations
from generator.content import load_site

TODAY = dt.date(2021, 7, 1)


def findings(project):
    site, errors = load_site(project / "content")
    assert errors == []
    review = site.review("alpha-2020")
    return {(f.rule, f.line): f for f in check_review(review, lambda p: p.name, TODAY)}


def edit(project, name, old, new):
    p = project / "content/reviews/alpha-2020" / name
    p.write_text(p.read_text().replace(old, new, 1))


def test_the_fixture_is_consistent(project):
    assert findings(project) == {}


def test_recommendation_count_disagreeing_with_the_report(project):
    edit(project, "overview-report.md", "2. Testvale Borough Council",
         "2. Testvale Borough Council should do one thing.\n3. Testvale Borough Council")
    (f,) = findings(project).values()
    assert f.rule == "CN101" and f.severity == "error" and f.line == 5
    assert "makes 3 recommendation(s) but the action plan lists 2" in f.message


def test_counting_recommendation_headings_and_numbered_lists():
    assert count_report_recommendations("## Recommendations\n\n1. A\n2. B\n\n## Appendix\n\n1. C\n") == (2, 1)
    text = "# R\n\n## Recommendations\n\n### Recommendation 1\n\nText.\n\n### Recommendation 2\n\n1. sub\n"
    assert count_report_recommendations(text)[0] == 2
    assert count_report_recommendations("## Introduction\n\nNo recommendations section.\n") is None


def test_action_checks(project):
    edit(project, "action-plan.yml", "        lead: Head of Housing\n", "")
    edit(project, "action-plan.yml", "        target: ongoing\n", "")
    edit(project, "action-plan.yml", "status: in-progress", "status: complete")
    edit(project, "action-plan.yml", "date: 2021-02-10", "date: 2021-06-10")
    got = {rule: f for (rule, line), f in findings(project).items()}
    assert got["CN104"].message == "action R2.1 has no lead" and got["CN104"].severity == "warning"
    assert got["CN105"].message == "action R2.1 has no target"
    assert got["CN106"].message == "action R1.1 is complete but has no completion date"
    assert got["CN103"].severity == "error" and "after the plan's as_of date" in got["CN103"].message
    assert got["CN103"].line == 13


def test_dropped_action_needs_a_reason_and_recommendation_needs_an_action(project):
    edit(project, "action-plan.yml", "status: ongoing", "status: withdrawn")
    edit(project, "action-plan.yml", "  - id: R2\n", "  - id: R3\n    text: An empty one.\n    actions: []\n  - id: R2\n")
    edit(project, "overview-report.md", "2. Testvale", "2. Empty.\n3. Testvale")
    got = {rule: f for (rule, line), f in findings(project).items()}
    assert "without a reason" in got["CN107"].message
    assert got["CN102"].message == "recommendation R3 has no action"


def test_process_dates_out_of_order_or_in_the_future(project):
    edit(project, "review.yml", "submitted: 2020-10-15", "submitted: 2020-09-15")
    got = {rule: f for (rule, line), f in findings(project).items()}
    assert "submitted (15 September 2020) is before signed off (1 October 2020)" in got["CN108"].message
    edit(project, "review.yml", "submitted: 2020-09-15", "submitted: 2022-01-15")
    got = {rule: f for (rule, line), f in findings(project).items()}
    assert "in the future" in got["CN109"].message and got["CN109"].line == 19
