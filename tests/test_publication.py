"""The publication gate: a review is published only when cleared, due, checked and unchanged."""

import datetime as dt

from generator.content import load_site
from generator.diagnostics import Finding
from generator.publication import decide, fingerprints, public_content
from generator.records import set_block, write_review_yml

DAY = dt.date(2021, 7, 1)  # after the fixture's publication date


def load(project):
    site, errors = load_site(project / "content")
    assert errors == []
    return site


def clear(project, **extra):
    """Record clearance the way `reviewsite clear` does, with fingerprints of the documents."""
    site = load(project)
    review = site.review("alpha-2020")
    value = {"date": "2021-03-01", "reference": "HO-QA-1", "documents": fingerprints(review), **extra}
    path = review.dir / "review.yml"
    assert write_review_yml(path, set_block(path.read_text(), "clearance", value)) == []


def decision(project, findings=(), as_of=DAY):
    site = load(project)
    return decide(site.reviews, list(findings), as_of).get("alpha-2020")


def test_submitted_review_is_not_published_and_says_why(project):
    d = decision(project)
    assert d.stage == "submitted" and not d.published
    assert any("awaiting clearance" in r and "reviewsite clear alpha-2020" in r for r in d.reasons)


def test_cleared_and_due_review_is_published_with_its_documents(project):
    clear(project)
    d = decision(project)
    assert d.published and d.stage == "published"
    assert d.documents == ["executive-summary.md", "overview-report.md"]
    assert d.with_plan


def test_future_publication_date_holds_it_back(project):
    clear(project)
    d = decision(project, as_of=dt.date(2021, 5, 31))
    assert d.stage == "cleared" and not d.published
    assert d.reasons == ["its publication date, 1 June 2021, has not come yet"]


def test_an_error_finding_blocks_publication_and_a_warning_does_not(project):
    clear(project)
    err = Finding("content/reviews/alpha-2020/overview-report.md", 3, 1, "PERSON", "error", "AN101",
                  "a name", review="alpha-2020")
    warn = Finding("content/reviews/alpha-2020/overview-report.md", 4, 1, "DATE", "warning", "AN301",
                   "a date", review="alpha-2020")
    assert decision(project, [warn]).published
    d = decision(project, [err, warn])
    assert not d.published
    assert "1 unresolved error finding(s) in overview-report.md" in d.reasons[0]


def test_a_document_edited_after_clearance_blocks_until_amended(project):
    clear(project)
    report = project / "content/reviews/alpha-2020/overview-report.md"
    report.write_text(report.read_text() + "\nA sentence added after clearance.\n")
    d = decision(project)
    assert not d.published
    assert "overview-report.md has changed since it was cleared" in d.reasons[0]
    # Record the amendment as `reviewsite amend` does.
    site = load(project)
    review = site.review("alpha-2020")
    path = review.dir / "review.yml"
    amendments = [{"date": "2021-08-02", "note": "Corrected a date in the chronology.",
                   "documents": fingerprints(review)}]
    assert write_review_yml(path, set_block(path.read_text(), "amendments", amendments)) == []
    d = decision(project, as_of=dt.date(2021, 9, 1))
    assert d.published and d.last_updated == dt.date(2021, 8, 2)


def test_summary_only_publishes_only_the_summary_and_no_plan(project):
    clear(project)
    path = project / "content/reviews/alpha-2020/review.yml"
    path.write_text(path.read_text().replace("decision: publish", "decision: summary-only"))
    d = decision(project)
    assert d.published and d.documents == ["executive-summary.md"] and not d.with_plan
    content = public_content(decide(load(project).reviews, [], DAY))
    (pr,) = content.reviews
    assert list(pr.documents) == ["executive-summary.md"] and pr.plan is None


def test_withheld_and_withdrawn_reviews_publish_nothing_of_their_text(project):
    clear(project)
    path = project / "content/reviews/alpha-2020/review.yml"
    original = path.read_text()
    path.write_text(original.replace("decision: publish", "decision: withhold\n  reason: MARKER-WITHHELD"))
    d = decision(project)
    assert d.stage == "withheld" and not d.published
    assert "MARKER-WITHHELD" not in " ".join(d.reasons)
    content = public_content(decide(load(project).reviews, [], DAY))
    assert content.reviews == () and content.notices == ()

    path.write_text(original + "withdrawal:\n  date: 2021-06-20\n  reason: Withdrawn at the family's request.\n")
    content = public_content(decide(load(project).reviews, [], DAY))
    assert content.reviews == ()
    (notice,) = content.notices
    assert notice.reason == "Withdrawn at the family's request." and not hasattr(notice, "title")


def test_clearance_recorded_by_hand_without_fingerprints_is_not_enough(project):
    path = project / "content/reviews/alpha-2020/review.yml"
    path.write_text(path.read_text().replace("publication:", "clearance:\n  date: 2021-03-01\n  reference: X\npublication:"))
    d = decision(project)
    assert not d.published and "no document fingerprints" in d.reasons[0]
