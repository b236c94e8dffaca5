import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
# The many small builds of the unit tests skip the PDFs (a Chromium run each); the browser
# tests and tests/browser/test_pdf_step.py turn them on for their own builds.
os.environ.setdefault("REVIEWSITE_PDF", "0")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_project(tmp_path: Path, fixture: str = "basic") -> Path:
    """A throw-away project: a fixture's content/ plus the real mkdocs.yml and theme/."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / fixture, project)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", project / "theme")
    (project / "private").mkdir(exist_ok=True)
    return project


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path)


@pytest.fixture
def run(capsys):
    """Run the reviewsite command in-process: returns (exit status, stdout, stderr)."""
    from generator.cli import main

    def _run(project: Path, *args: str):
        code = main(["--project", str(project), *args])
        out = capsys.readouterr()
        return code, out.out, out.err
    return _run
