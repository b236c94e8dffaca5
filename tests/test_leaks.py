"""Adversarial: a partnership with one review in each unpublishable state beside a published
one. Every field and document of the unpublishable ones carries a unique marker; after the
build no output file may contain any marker, and the published review must be complete."""

import re
import shutil
from pathlib import Path

import pytest

from conftest import make_project

STATES = ["draft", "signed-off", "submitted", "cleared-future", "withheld", "withdrawn", "edited",
          "error-finding", "comment-name"]
AS_OF = "2021-07-01"


def marker(state: str, where: str) -> str:
    return f"Zq{re.sub('[^a-z]', '', state)}{re.sub('[^a-z]', '', where)}Xv"


def mark_review(folder: Path, state: str):
    """Put a unique marker into every string field and every document of a review."""
    yml = folder / "review.yml"
    text = yml.read_text()
    text = text.replace("title: Alpha", f"title: Alpha {marker(state, 'title')}")
    text = text.replace("A fictional review used by the tests.", f"Summary {marker(state, 'summary')}.")
    text = text.replace("role: victim", f"role: victim {marker(state, 'role')}")
    text = text.replace("reason: ", f"reason: {marker(state, 'reason')} ")
    yml.write_text(text)
    for doc in ("executive-summary.md", "overview-report.md"):
        path = folder / doc
        path.write_text(path.read_text().replace(
            "## Introduction\n", f"## Introduction {marker(state, doc)}\n\nThe panel noted {marker(state, 'body' + doc)} "
                                 f"in its discussion of the events considered by this review.\n", 1))
    plan = folder / "action-plan.yml"
    plan.write_text(plan.read_text().replace("Draft procedure written.", f"Draft {marker(state, 'update')}."))


def set_process(folder: Path, keep: list[str]):
    yml = folder / "review.yml"
    lines = [l for l in yml.read_text().splitlines()
             if not any(l.strip().startswith(k + ":") for k in ("notified", "completed", "signed_off", "submitted")
                        if k not in keep)]
    yml.write_text("\n".join(lines) + "\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from generator.cli import main

    project = make_project(tmp_path_factory.mktemp("leaks"))
    reviews = project / "content/reviews"
    base = reviews / "alpha-2020"
    # The published review carries an image whose EXIF names a person and gives a GPS position.
    from PIL import Image
    (base / "images").mkdir()
    img = Image.new("RGB", (8, 8), (200, 10, 10))
    exif = Image.Exif()
    exif[0x013B] = "Zqexifartist Xv"  # Artist
    exif[0x8298] = "Zqexifcopyright Xv"  # Copyright
    img.save(base / "images/diagram.jpg", exif=exif.tobytes())
    report = base / "overview-report.md"
    report.write_text(report.read_text() + "\n![A diagram of agency contacts](images/diagram.jpg)\n")

    for state in STATES:
        folder = reviews / f"{state}-2021"
        shutil.copytree(base, folder)
        shutil.rmtree(folder / "images")
        r = folder / "overview-report.md"
        r.write_text(r.read_text().replace("\n![A diagram of agency contacts](images/diagram.jpg)\n", ""))
        mark_review(folder, state)
    set_process(reviews / "draft-2021", ["notified"])
    set_process(reviews / "signed-off-2021", ["notified", "completed", "signed_off"])
    # Findings must exist before clearance for the error-finding and comment-name states.
    p = reviews / "error-finding-2021/executive-summary.md"
    p.write_text(p.read_text() + "\nHer mobile number was 07700 900461.\n")
    p = reviews / "comment-name-2021/overview-report.md"
    p.write_text(p.read_text() + "\n<!-- check with Mrs Bronwen Tregaskis-Oyelaran before publishing -->\n")
    p = reviews / "comment-name-2021/executive-summary.md"
    p.write_text(p.read_text() + "\n![Photo of Bronwen Tregaskis-Oyelaran at home](diagram.png)\n")

    def cli(*args):
        assert main(["--project", str(project), *args]) == 0, args

    for state in ["alpha", "cleared-future", "withheld", "withdrawn", "edited", "error-finding", "comment-name"]:
        slug = "alpha-2020" if state == "alpha" else f"{state}-2021"
        cli("clear", slug, "--date", "2021-03-01", "--reference", f"HO-{state}")
    y = reviews / "cleared-future-2021/review.yml"
    y.write_text(y.read_text().replace("date: 2021-06-01", "date: 2030-01-01"))
    y = reviews / "withheld-2021/review.yml"
    y.write_text(y.read_text().replace("decision: publish", f"decision: withhold\n  reason: {marker('withheld', 'reason')}"))
    cli("withdraw", "withdrawn-2021", "--reason", "Withdrawn at the family's request.", "--date", "2021-06-20")
    e = reviews / "edited-2021/overview-report.md"
    e.write_text(e.read_text() + f"\nA late addition {marker('edited', 'late')} made after clearance by the panel chair.\n")

    code = main(["--project", str(project), "build", "--as-of", AS_OF])
    assert code == 0
    return project


def site_files(project: Path):
    return [p for p in (project / "site").rglob("*") if p.is_file()]


def test_no_marker_of_any_unpublishable_review_is_in_any_output_file(built):
    pattern = re.compile(rb"Zq[a-z]+Xv|Zqexif", re.I)
    leaks = {}
    for path in site_files(built):
        data = path.read_bytes()
        found = pattern.findall(data)
        if found:
            leaks[str(path.relative_to(built))] = sorted(set(found))
    assert leaks == {}
    names = "\n".join(p.read_text(errors="replace") for p in site_files(built) if p.suffix in (".html", ".json"))
    assert "Tregaskis" not in names and "Bronwen" not in names


def test_nothing_unpublishable_entered_the_docs_dir(built):
    docs = built / "build/docs"
    slugs = {p.name for p in (docs / "reviews").iterdir() if p.is_dir()}
    assert slugs == {"alpha-2020", "withdrawn-2021"}
    for p in docs.rglob("*"):
        if p.is_file() and p.suffix == ".md":
            assert not re.search(r"Zq[a-z]+Xv", p.read_text()), p


def test_the_published_review_is_complete(built):
    site = built / "site/reviews/alpha-2020"
    assert (site / "index.html").exists()
    for page in ("executive-summary", "overview-report", "action-plan"):
        assert (site / page / "index.html").exists()
    report = (site / "overview-report/index.html").read_text()
    assert "Testshire Police should review its approach to repeat reports." in report
    assert 'alt="A diagram of agency contacts"' in report


def test_published_image_has_no_metadata(built):
    from generator.images import metadata_of

    image = built / "site/reviews/alpha-2020/images/diagram.jpg"
    assert image.exists() and metadata_of(image) == {}


def test_withdrawn_review_leaves_only_its_notice(built):
    notice = (built / "site/reviews/withdrawn-2021/index.html").read_text()
    assert "Withdrawn at the family's request." in notice
    assert not (built / "site/reviews/withdrawn-2021/overview-report").exists()
    index = (built / "site/search/search_index.json").read_text()
    assert "withdrawn-2021/overview-report" not in index


def test_status_gives_every_reason(built, run):
    code, out, err = run(built, "status", "--as-of", AS_OF)
    blocks = {b.split()[0]: b for b in out.split("\n\n") if b.strip() and not b.startswith("Status")}
    assert "stage: draft" in blocks["draft-2021"]
    assert "stage: signed off" in blocks["signed-off-2021"]
    assert "stage: submitted" in blocks["submitted-2021"]
    assert "has not come yet" in blocks["cleared-future-2021"]
    assert "stage: withheld" in blocks["withheld-2021"] and marker("withheld", "reason") not in out
    assert "stage: withdrawn" in blocks["withdrawn-2021"]
    assert "changed since it was cleared" in blocks["edited-2021"]
    assert "unresolved error finding" in blocks["error-finding-2021"]
    assert "unresolved error finding" in blocks["comment-name-2021"]
    assert "published: yes" in blocks["alpha-2020"]
