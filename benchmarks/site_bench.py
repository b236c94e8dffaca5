"""Benchmark: building a site of about a thousand pages.

Generates a throw-away project of fictional reviews (copies of the example review
`content/reviews/hana-2021` under other slugs, titles, references and publication dates spread
over several years), then, in the same run:

1. `reviewsite build` (check, decide, render, mkdocs, audit, archive), twice: the first run
   has an empty check cache (cold), the second reuses it (warm, the usual case when one
   review changes);
2. a plain mkdocs-material build of the very same generated Markdown pages (`build/docs`): a
   minimal mkdocs.yml with `theme: material`, no nav (mkdocs lists every page), no overrides.

It prints the times and the ratio reviewsite / plain mkdocs-material. PDFs are left out
(REVIEWSITE_PDF=0): the plain build makes none; their cost is printed separately for a few
reports when Chromium is installed.

    python -m benchmarks.site_bench [--reviews N] [--seed DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "reviews" / "hana-2021"


def make_project(target: Path, reviews: int, seed: Path = SEED) -> Path:
    """A project with `reviews` published fictional reviews copied from `seed`."""
    content_src = seed.parent.parent
    target.mkdir(parents=True)
    (target / "content" / "reviews").mkdir(parents=True)
    for name in ("site.yml", "allowlist.yml"):
        if (content_src / name).exists():
            shutil.copy(content_src / name, target / "content" / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", target / "theme")
    (target / "private").mkdir()
    meta = (seed / "review.yml").read_text(encoding="utf-8")
    for i in range(reviews):
        year = 2022 + i % 5
        slug = f"review-{year}-{i + 1:03d}"
        dest = target / "content" / "reviews" / slug
        shutil.copytree(seed, dest)
        # The documents stay exactly as cleared (their fingerprints hold); the record varies. The
        # title keeps the seed's pseudonym: another name would be (rightly) flagged by the check.
        text = re.sub(r"(?m)^title: .*$", f"title: Hana (review {i + 1:03d})", meta, count=1)
        text = re.sub(r"(?m)^reference: .*$", f"reference: ECSP-DHR-{year}-{i + 1:03d}", text, count=1)
        text = re.sub(r"(?m)^(\s+date: )2022-11-15\b", rf"\g<1>{year}-{11 if year == 2022 else 1 + i % 11:02d}-15", text, count=1)
        (dest / "review.yml").write_text(text, encoding="utf-8")
    return target


def reviewsite_build(project: Path, out: Path) -> tuple[float, int, str]:
    from generator.cli import main

    buf_out, buf_err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(buf_out), contextlib.redirect_stderr(buf_err):
        code = main(["--project", str(project), "build", "--out", str(out)])
    elapsed = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"reviewsite build failed ({code}):\n{buf_out.getvalue()[-3000:]}\n{buf_err.getvalue()[-3000:]}")
    pages = sum(1 for _ in out.rglob("index.html"))
    return elapsed, pages, buf_out.getvalue()


def plain_mkdocs_build(docs: Path, out: Path, work: Path) -> tuple[float, int]:
    """mkdocs-material with nothing of ours: same pages, no nav given, default features."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = work / "plain-mkdocs.yml"
    config_file.write_text(f"site_name: Plain\ndocs_dir: {docs}\nsite_dir: {out}\n"
                           "theme:\n  name: material\n  font: false\nplugins:\n  - search\n", encoding="utf-8")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    started = time.perf_counter()
    build(load_config(config_file=str(config_file)))
    elapsed = time.perf_counter() - started
    return elapsed, sum(1 for _ in out.rglob("index.html"))


def pdf_cost(site: Path, limit: int = 6) -> str:
    from generator import pdf

    chromium = pdf.find_chromium()
    if chromium is None:
        return "PDFs: not timed (Chromium is not installed)"
    pages = pdf.report_pages(site)[:limit]
    if not pages:
        return "PDFs: not timed (no report pages)"
    started = time.perf_counter()
    pdf.make_pdfs(site, pages, chromium)
    elapsed = time.perf_counter() - started
    return f"PDFs: {len(pages)} reports in {elapsed:.1f} s ({elapsed / len(pages):.2f} s each, one Chromium for all)"


def run(reviews: int, seed: Path = SEED) -> dict:
    os.environ["REVIEWSITE_PDF"] = "0"
    work = Path(tempfile.mkdtemp(prefix="rs-site-bench-"))
    try:
        project = make_project(work / "project", reviews, seed)
        cold, pages, log = reviewsite_build(project, work / "site-cold")
        published = log.count(": published")
        warm, pages, _ = reviewsite_build(project, work / "site")
        # The same Markdown pages reviewsite rendered, copied so the next build cannot touch them.
        docs = work / "docs"
        shutil.copytree(project / "build" / "docs", docs)
        plain, plain_pages = plain_mkdocs_build(docs, work / "plain-site", work)
        pdfs = pdf_cost(work / "site")
        return {"reviews": reviews, "published": published, "pages": pages, "plain_pages": plain_pages,
                "cold": cold, "warm": warm, "plain": plain, "pdfs": pdfs}
    finally:
        os.environ.pop("REVIEWSITE_PDF", None)
        shutil.rmtree(work, ignore_errors=True)


def report(r: dict) -> None:
    print(f"site build, {r['reviews']} generated reviews ({r['published']} published), "
          f"{r['pages']:,} pages (plain build: {r['plain_pages']:,} pages):")
    print(f"  plain mkdocs-material build  {r['plain']:>8.1f} s")
    print(f"  reviewsite build, cold check {r['cold']:>8.1f} s   ratio {r['cold'] / r['plain']:.2f}")
    print(f"  reviewsite build, warm check {r['warm']:>8.1f} s   ratio {r['warm'] / r['plain']:.2f}"
          "   (ratio = reviewsite / plain mkdocs-material; lower is faster)")
    print(f"  {r['pdfs']}\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reviews", type=int, default=200, help="generated reviews (5 pages each; default 200)")
    ap.add_argument("--seed", type=Path, default=SEED, help="the review folder to copy")
    args = ap.parse_args(argv)
    report(run(args.reviews, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
