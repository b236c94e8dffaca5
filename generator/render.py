"""Stage: render. Write the Markdown pages and the navigation of the public site into the
build directory that mkdocs reads (`build/docs/`, git-ignored).

It receives a `PublicContent` (publication.public_content): only what may be published.
It never sees an unpublished review, a withheld reason or a private register.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator import tracking
from generator.dates import PartialDate, human_date
from generator.images import strip_copy
from generator.model import DOCUMENT_KINDS, Level, SiteSettings
from generator.publication import PublicContent, PublicReview

DOC_PAGES = {  # file name -> (page file, nav title)
    "executive-summary.md": ("executive-summary.md", "Executive summary"),
    "overview-report.md": ("overview-report.md", "Overview report"),
    "qa-letter.md": ("home-office-letter.md", "Home Office letter and response"),
}

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,5})(\s)")


def _env() -> Environment:
    env = Environment(loader=PackageLoader("generator", "templates"), undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, autoescape=False)
    env.filters["cell"] = cell
    env.filters["date"] = show_date
    env.filters["yaml_str"] = lambda s: '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'
    return env


def cell(value) -> str:
    """Text safe inside a Markdown table cell."""
    if value is None:
        return ""
    text = str(value).strip().replace("\r", "")
    text = re.sub(r"\s*\n\s*", " ", text)
    return text.replace("|", "\\|")


def show_date(value) -> str:
    if value is None:
        return ""
    if isinstance(value, PartialDate):
        return value.human()
    if isinstance(value, str):
        return value
    return human_date(value)


def prepare_body(body: str) -> str:
    """An editor's Markdown, ready to sit under the page's own title: HTML comments removed
    (they would survive into page source), and headings moved down a level if it has its own H1."""
    body = _COMMENT.sub("", body)
    lines = body.split("\n")
    in_fence = False
    has_h1 = False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and line.startswith("# "):
            has_h1 = True
            break
    if not has_h1:
        return body.strip() + "\n"
    out, in_fence = [], False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
        if not in_fence and _HEADING.match(line):
            line = "#" + line
        out.append(line)
    return "\n".join(out).strip() + "\n"


@dataclass
class RenderResult:
    pages: list[str]  # paths relative to the docs dir
    nav: list  # mkdocs nav structure


def render(content: PublicContent, settings: SiteSettings, docs_dir: Path) -> RenderResult:
    """Write the whole public site's Markdown into docs_dir (which must be empty or absent)."""
    env = _env()
    docs_dir.mkdir(parents=True, exist_ok=True)
    pages: list[str] = []
    common = {"settings": settings, "as_of": content.as_of}

    def write(rel: str, template: str, **ctx):
        path = docs_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(env.get_template(template).render(**common, **ctx), encoding="utf-8")
        pages.append(rel)

    reviews = list(content.reviews)
    write("index.md", "home.md.j2", latest=reviews[:5], count=len(reviews))
    write("reviews/index.md", "reviews-index.md.j2", reviews=reviews, notices=content.notices)
    write("help.md", "help.md.j2")
    review_nav = [{"All reviews": "reviews/index.md"}]
    for pr in reviews:
        nav = _render_review(pr, content.as_of, docs_dir, write)
        review_nav.append({pr.meta.title: nav})
    for notice in content.notices:
        write(f"reviews/{notice.slug}/index.md", "withdrawn.md.j2", notice=notice)
        review_nav.append({f"Withdrawn {notice.date.human()}": f"reviews/{notice.slug}/index.md"})
    nav = [{"Home": "index.md"}, {"Reviews": review_nav}, {"Getting help": "help.md"}]
    return RenderResult(pages, nav)


def _render_review(pr: PublicReview, as_of, docs_dir: Path, write) -> list:
    base = f"reviews/{pr.slug}"
    docs = [(name, *DOC_PAGES[name]) for name in DOCUMENT_KINDS if name in pr.documents]
    progress = tracking.progress(pr.plan, as_of) if pr.plan else None
    write(f"{base}/index.md", "review.md.j2", r=pr, docs=docs, progress=progress)
    nav = [{"About this review": f"{base}/index.md"}]
    for name, page, title in docs:
        doc = pr.documents[name]
        write(f"{base}/{page}", "document.md.j2", r=pr, title=doc.front.title or title, kind=title,
              body=prepare_body(doc.body))
        nav.append({title: f"{base}/{page}"})
    if pr.plan is not None:
        write(f"{base}/action-plan.md", "action-plan.md.j2", r=pr, plan=pr.plan,
              groups=_plan_groups(pr.plan, progress), progress=progress,
              report_page="overview-report.md" if "overview-report.md" in pr.documents else None)
        nav.append({"Action plan": f"{base}/action-plan.md"})
    for rel, source in pr.images:
        strip_copy(source, docs_dir / base / rel)
    return nav


def _plan_groups(plan, progress) -> list[tuple[str, list]]:
    """Recommendations grouped by level (the overview report's, then each agency's own, then
    areas), each paired with its actions' states."""
    states: dict[int, list] = {}
    for s in progress.states:
        states.setdefault(id(s.recommendation), []).append(s)
    groups: list[tuple[str, list]] = []
    overview = [r for r in plan.recommendations if r.level is Level.overview]
    if overview:
        groups.append(("Overview report recommendations", overview))
    agencies: dict[str, list] = {}
    for r in plan.recommendations:
        if r.level is Level.agency:
            agencies.setdefault(r.agency or "Agency", []).append(r)
    for agency, recs in agencies.items():
        groups.append((f"{agency}: single-agency recommendations", recs))
    areas = [r for r in plan.recommendations if r.level is Level.area]
    if areas:
        groups.append(("Areas of the plan", areas))
    return [(heading, [(r, states.get(id(r), [])) for r in recs]) for heading, recs in groups]
