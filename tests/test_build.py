"""End to end: check, decide, render, mkdocs, audit, swap; through the `reviewsite` command."""

import shutil
from pathlib import Path

REVIEW = "content/reviews/alpha-2020"


def all_text(site: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in site.rglob("*") if p.is_file()
                     and p.suffix in (".html", ".json", ".xml", ".js", ".txt"))


def uncleared_copy(project, slug: str, title: str) -> Path:
    """A second review, copied from the fixture's before it is cleared, under another title."""
    folder = project / "content/reviews" / slug
    shutil.copytree(project / REVIEW, folder)
    (folder / "review.yml").write_text((folder / "review.yml").read_text().replace("title: Alpha", f"title: {title}"))
    return folder


def clear(run, project):
    code, out, err = run(project, "clear", "alpha-2020", "--date", "2021-03-01", "--reference", "HO-QA-1")
    assert code == 0, err


def test_nothing_uncleared_is_built(project, run):
    code, out, err = run(project, "build", "--as-of", "2021-07-01")
    assert code == 0, err
    site = project / "site"
    assert not (site / "reviews/alpha-2020").exists()
    assert "Agencies did not share what they knew" not in all_text(site)
    assert "Nothing has been published yet" in (site / "index.html").read_text()


def test_cleared_review_is_built_with_every_page(project, run):
    clear(run, project)
    code, out, err = run(project, "build", "--as-of", "2021-07-01")
    assert code == 0, err
    assert "alpha-2020: published" in out
    site = project / "site"
    assert (site / "reviews/alpha-2020/index.html").exists()
    for page in ("executive-summary", "overview-report", "action-plan"):
        assert (site / f"reviews/alpha-2020/{page}/index.html").exists(), page
    index = (site / "reviews/index.html").read_text()
    assert "Alpha" in index and "January 2020" in index and "1 June 2021" in index
    plan = (site / "reviews/alpha-2020/action-plan/index.html").read_text()
    assert "Overdue (in progress)" in plan  # R1.1's target was March 2021
    assert "National Domestic Abuse Helpline" in (site / "index.html").read_text()


def test_leak_markers_of_an_unpublished_review_never_reach_the_site(project, run):
    draft = uncleared_copy(project, "beta-2024", "MARKERTITLE")
    clear(run, project)
    (draft / "review.yml").write_text((draft / "review.yml").read_text()
                                      .replace("A fictional review used by the tests.", "MARKERSUMMARY here."))
    body = "## Introduction\n\nMARKERBODY the panel considered what happened in this review at length.\n"
    (draft / "executive-summary.md").write_text(body)
    (draft / "overview-report.md").write_text(body + "\n<!-- MARKERCOMMENT -->\n\n## Recommendations\n\n1. One.\n2. Two.\n")
    code, out, err = run(project, "build", "--as-of", "2021-07-01")
    assert code == 0, err
    text = all_text(project / "site")
    for marker in ("MARKERTITLE", "MARKERSUMMARY", "MARKERBODY", "MARKERCOMMENT"):
        assert marker not in text
    assert not list((project / "build/docs").rglob("*beta*"))
    assert "beta-2024: not published" in out


def test_a_failed_build_leaves_the_previous_site_exactly_as_it_was(project, run):
    clear(run, project)
    assert run(project, "build", "--as-of", "2021-07-01")[0] == 0
    site = project / "site"
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    report = project / REVIEW / "overview-report.md"
    report.write_text(report.read_text() + "\nSee [the missing page](nowhere.md).\n")
    run(project, "amend", "alpha-2020", "--note", "Added a cross-reference.", "--date", "2021-06-15")
    code, out, err = run(project, "build", "--as-of", "2021-07-01")
    assert code == 1
    assert "nowhere.md" in err and "left as it was" in err
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_status_explains_each_review(project, run):
    code, out, err = run(project, "status", "--as-of", "2021-07-01")
    assert code == 0
    assert "stage: submitted" in out and "awaiting clearance" in out
    assert "overdue: R1.1 (target March 2021, 92 days late)" in out
    clear(run, project)
    code, out, err = run(project, "status", "--as-of", "2021-07-01")
    assert "stage: published" in out and "published: yes, since 2021-06-01" in out


def test_amendment_is_shown_in_the_change_history(project, run):
    clear(run, project)
    summary = project / REVIEW / "executive-summary.md"
    summary.write_text(summary.read_text().replace("met four times", "met five times"))
    code, out, err = run(project, "status", "--as-of", "2021-07-01")
    assert "executive-summary.md has changed since it was cleared" in out
    code, out, err = run(project, "amend", "alpha-2020", "--note", "Corrected the number of panel meetings.",
                         "--date", "2021-06-20")
    assert code == 0, err
    assert run(project, "build", "--as-of", "2021-07-01")[0] == 0
    page = (project / "site/reviews/alpha-2020/index.html").read_text()
    assert "Corrected the number of panel meetings." in page and "20 June 2021" in page


def test_new_scaffolds_a_review_that_loads(project, run):
    code, out, err = run(project, "new", "gamma-2026", "--title", "Gamma")
    assert code == 0, err
    assert (project / "content/reviews/gamma-2026/review.yml").exists()
    code, out, err = run(project, "status")
    assert code == 0, err
    assert "gamma-2026" in out and "stage: draft" in out
    code, out, err = run(project, "new", "gamma-2026")
    assert code == 2 and "already exists" in err


def test_a_link_to_an_unpublished_review_fails_the_build(project, run):
    uncleared_copy(project, "beta-2024", "Beta")
    clear(run, project)
    report = project / REVIEW / "overview-report.md"
    report.write_text(report.read_text() + "\nCompare [the other review](../beta-2024/index.md).\n")
    run(project, "amend", "alpha-2020", "--note", "Added a comparison.", "--date", "2021-06-15")
    code, out, err = run(project, "build", "--as-of", "2021-07-01")
    assert code == 1
    assert "overview-report.md:10:" in err and "'beta-2024', which is not published" in err
    assert not (project / "site").exists()


def test_tracking_pages_open_data_and_feed(project, run):
    import csv
    import json
    import xml.etree.ElementTree as ET

    clear(run, project)
    assert run(project, "build", "--as-of", "2021-07-01")[0] == 0
    site = project / "site"
    actions = (site / "actions/index.html").read_text()
    assert actions.index("R1.1") < actions.index("R2.1")  # overdue first
    assert "Overdue (in progress): 92 days" in actions
    agency = (site / "actions/agencies/testshire-police/index.html").read_text()
    assert "Revise the repeat report procedure." in agency
    theme = (site / "actions/themes/aggravating-factors-separation/index.html").read_text()
    assert "Alpha" in theme
    dashboard = (site / "dashboard/index.html").read_text()
    assert 'alt="Actions by status: Overdue: 1; Ongoing: 1"' in dashboard
    svg = (site / "charts/status.svg").read_text()
    assert "<title" in svg and "<desc" in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    data = json.loads((site / "reviews/alpha-2020/action-plan.json").read_text())
    assert data["schema"] == "reviewsite/action-plan/1"
    assert data["recommendations"][0]["actions"][0]["overdue"] is True
    rows = list(csv.DictReader((site / "data/action-plans.csv").open()))
    assert [r["action_id"] for r in rows] == ["R1.1", "R2.1"] and rows[0]["overdue"] == "yes"
    feed = ET.parse(site / "feed.xml").getroot()
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in feed.iter("{http://www.w3.org/2005/Atom}entry")]
    assert "Published: Alpha (Domestic Homicide Review)" in titles
    assert "Alpha, action R1.1: progress update" in titles
    assert (project / "site.zip").exists()
