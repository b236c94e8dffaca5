"""The PDF step's behaviour when Chromium is missing, and reading a PDF's title (no browser)."""

from __future__ import annotations

import pytest

from generator import build, pdf


def _site(tmp_path):
    page = tmp_path / "reviews" / "alpha-2020" / "overview-report" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<html><title>Alpha</title><h1>Alpha</h1><p>x</p><!--rs-pdf--></html>")
    return tmp_path, page


def test_missing_chromium_skips_with_a_reason(tmp_path, monkeypatch, capsys):
    site, page = _site(tmp_path)
    monkeypatch.setenv("REVIEWSITE_PDF", "1")
    monkeypatch.setenv("REVIEWSITE_CHROMIUM", str(tmp_path / "no-such-chromium"))
    monkeypatch.delenv("CI", raising=False)
    pdf.pdf_step(site, None)
    err = capsys.readouterr().err
    assert "PDFs: skipped" in err and "Chromium was not found" in err
    assert not list(site.rglob("*.pdf"))
    assert "rs-download" not in page.read_text()  # no link to a PDF that does not exist


def test_missing_chromium_fails_in_ci(tmp_path, monkeypatch):
    site, _ = _site(tmp_path)
    monkeypatch.setenv("REVIEWSITE_PDF", "1")
    monkeypatch.setenv("REVIEWSITE_CHROMIUM", str(tmp_path / "no-such-chromium"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(build.BuildFailed, match="Chromium was not found"):
        pdf.pdf_step(site, None)


def test_switched_off(tmp_path, monkeypatch, capsys):
    site, _ = _site(tmp_path)
    monkeypatch.setenv("REVIEWSITE_PDF", "0")
    monkeypatch.setenv("CI", "true")
    pdf.pdf_step(site, None)
    assert "REVIEWSITE_PDF is off" in capsys.readouterr().err


def test_registered_once(monkeypatch):
    monkeypatch.setattr(build, "POST_BUILD_STEPS", list(build.POST_BUILD_STEPS))
    pdf.register()
    pdf.register()
    assert build.POST_BUILD_STEPS.count(pdf.pdf_step) == 1


@pytest.mark.parametrize("raw, title", [
    (b"<< /Title (Hana: Overview report \\(draft\\)) >>", "Hana: Overview report (draft)"),
    (b"<< /Title <FEFF00480061006E0061> >>", "Hana"),
    (b"<< /Producer (Skia) >>", None),
])
def test_pdf_title(raw, title):
    assert pdf.pdf_title(b"%PDF-1.4\n" + raw) == title
