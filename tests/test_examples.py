"""The example site in content/: each review at its right stage, and `make site`'s build."""

import shutil

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    project = tmp_path_factory.mktemp("example")
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "private").mkdir()
    return project


def test_status_shows_each_example_review_at_its_stage(example, run):
    code, out, err = run(example, "status", "--as-of", "2026-11-23")
    assert code == 0, err
    blocks = {b.split()[0]: b for b in out.split("\n\n") if b.strip() and not b.startswith("Status")}
    assert "stage: published" in blocks["hana-2021"] and "published: yes" in blocks["hana-2021"]
    assert "overdue: R1.2" in blocks["hana-2021"]
    assert "stage: submitted" in blocks["adult-d-2023"] and "awaiting clearance" in blocks["adult-d-2023"]
    carys = blocks["carys-2025"]
    assert "stage: draft" in carys and "not yet signed off" in carys
    assert "unresolved error finding(s)" in carys  # the draft still holds identifying details
    assert "stage: published" in blocks["elmshire-police-da-plan"]


def test_example_site_builds_and_holds_only_published_reviews(example, run):
    code, out, err = run(example, "build", "--as-of", "2026-11-23")
    assert code == 0, err
    site = example / "site"
    assert (site / "reviews/hana-2021/overview-report/index.html").exists()
    assert (site / "reviews/hana-2021/action-plan/index.html").exists()
    assert (site / "reviews/elmshire-police-da-plan/action-plan/index.html").exists()
    assert not (site / "reviews/carys-2025").exists() and not (site / "reviews/adult-d-2023").exists()
    text = "\n".join(p.read_text(errors="replace") for p in site.rglob("*") if p.suffix in (".html", ".json", ".xml"))
    for leak in ("Pritchard-Evans", "Wiśniewska", "EL4 7QT", "07700 900461", "OFFICIAL-SENSITIVE"):
        assert leak not in text
