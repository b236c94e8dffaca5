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

from generator import charts, exports, tracking
from generator.dates import PartialDate, human_date
from generator.images import strip_copy
from generator.model import DOCUMENT_KINDS, Level, SiteSettings
from generator.publication import PublicContent, PublicReview

DOC_PAGES = {  # document file name -> page file name (titles: model.DOCUMENT_KINDS)
    "executive-summary.md": "executive-summary.md",
    "overview-report.md": "overview-report.md",
    "qa-letter.md": "home-office-letter.md",
}

# Pages every site has, from templates and content/site.yml: (page, template, nav title).
STATIC_PAGES = [
    ("help.md", "help.md.j2", "Getting help"),
    ("cover-your-tracks.md", "cover-your-tracks.md.j2", "Covering your tracks online"),
    ("accessibility.md", "accessibility.md.j2", "Accessibility statement"),
]

NAV_GROUP_AFTER = 15  # more published reviews than this: the nav groups them by year

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
        root = "../" * rel.count("/")  # relative links work from any sub-path
        path.write_text(env.get_template(template).render(**common, root=root, **ctx), encoding="utf-8")
        pages.append(rel)

    reviews = list(content.reviews)
    write("index.md", "home.md.j2", latest=reviews[:5], count=len(reviews))
    write("reviews/index.md", "reviews-index.md.j2", reviews=reviews, notices=content.notices)
    for page, template, _ in STATIC_PAGES:
        write(page, template)
    review_nav: list = ["reviews/index.md"]
    by_year: dict[int, list] = {}
    for pr in reviews:
        nav = _render_review(pr, content.as_of, docs_dir, write)
        by_year.setdefault(pr.published_on.year, []).append({pr.meta.title: nav})
    if len(reviews) > NAV_GROUP_AFTER:  # a long list is grouped by year of publication
        review_nav += [{f"Published in {year}": items} for year, items in by_year.items()]
    else:
        review_nav += [item for items in by_year.values() for item in items]
    tracking_nav = _render_tracking(content, settings, docs_dir, write)
    for notice in content.notices:
        write(f"reviews/{notice.slug}/index.md", "withdrawn.md.j2", notice=notice)
        review_nav.append({f"Withdrawn {notice.date.human()}": f"reviews/{notice.slug}/index.md"})
    nav = ([{"Home": "index.md"}, {"Reviews": review_nav}, {"Action tracking": tracking_nav}]
           + [{title: page} for page, _, title in STATIC_PAGES])
    return RenderResult(pages, nav)


def _render_review(pr: PublicReview, as_of, docs_dir: Path, write) -> list:
    base = f"reviews/{pr.slug}"
    docs = [(name, DOC_PAGES[name], kind) for name, kind in DOCUMENT_KINDS.items() if name in pr.documents]
    progress = tracking.progress(pr.plan, as_of, pr.published_on) if pr.plan else None
    write(f"{base}/index.md", "review.md.j2", r=pr, docs=docs, progress=progress)
    nav = [{"About this review": f"{base}/index.md"}]
    for name, page, title in docs:
        doc = pr.documents[name]
        write(f"{base}/{page}", "document.md.j2", r=pr, title=doc.front.title or title, kind=title,
              body=prepare_body(doc.body))
        nav.append({title: f"{base}/{page}"})
    if pr.plan is not None:
        data = exports.plan_data(pr, as_of)
        (docs_dir / base / "action-plan.json").write_text(exports.to_json(data), encoding="utf-8")
        (docs_dir / base / "action-plan.csv").write_text(exports.to_csv(exports.csv_rows(data)), encoding="utf-8")
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


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _render_tracking(content: PublicContent, settings: SiteSettings, docs_dir: Path, write) -> list:
    """Pages across reviews: open actions, per agency, per theme, the dashboard, open data."""
    reviews = list(content.reviews)
    tracked = tracking.track_all(reviews, content.as_of)
    agencies = tracking.by_agency(tracked)
    themes = tracking.by_theme(tracked)
    agency_pages = {a: f"actions/agencies/{slugify(a)}.md" for a in agencies}
    theme_pages = {t: f"actions/themes/{slugify(t)}.md" for t in themes}
    common = {"agency_pages": agency_pages, "theme_pages": theme_pages}

    write("actions/index.md", "actions.md.j2", open_actions=tracking.open_actions(tracked), tracked=tracked,
          **common)
    write("actions/agencies/index.md", "agencies.md.j2", groups=agencies, **common)
    for agency, items in agencies.items():
        write(agency_pages[agency], "agency.md.j2", agency=agency, items=items,
              counts=tracking.status_counts(items), **common)
    write("actions/themes/index.md", "themes.md.j2", groups=themes, **common)
    for theme, items in themes.items():
        write(theme_pages[theme], "theme.md.j2", theme=theme, items=items, counts=tracking.status_counts(items),
              reviews=sorted({t.slug: t.title for t in items}.items()), **common)

    # Dashboard: each chart an SVG file with a text alternative; the page also has the data as tables.
    by_status = tracking.status_counts(tracked)
    by_agency_open = {a: sum(1 for t in items if t.state.open) for a, items in agencies.items()}
    by_agency_open = dict(sorted(((a, n) for a, n in by_agency_open.items() if n), key=lambda kv: -kv[1]))
    by_year = {str(y): n for y, n in tracking.completed_by_year(tracked).items()}
    times = tracking.timeliness(reviews)
    to_complete = {t.title: round(t.months_to_complete, 1) for t in times if t.months_to_complete is not None}
    chart_specs = {
        "status": ("Actions by status", by_status, "", None, ""),
        "agency": ("Open actions by agency", by_agency_open, "", None, ""),
        "completed": ("Actions completed each year", by_year, "", None, ""),
        "timeliness": ("Months from Home Office notification to completion", to_complete, " months", 6,
                       "6-month expectation"),
    }
    charts_out = {}
    (docs_dir / "charts").mkdir(parents=True, exist_ok=True)
    for key, (title, data, unit, mark, mark_label) in chart_specs.items():
        svg = charts.bar_chart(title, data, unit=unit, mark=mark, mark_label=mark_label)
        (docs_dir / "charts" / f"{key}.svg").write_text(svg, encoding="utf-8")
        charts_out[key] = {"title": title, "file": f"charts/{key}.svg", "alt": f"{title}: {charts.describe(data, unit)}",
                           "data": data}
    write("dashboard.md", "dashboard.md.j2", charts=charts_out, times=times, total=len(tracked),
          by_status=by_status, agencies=agencies, **common)

    # Open data and the feed.
    all_plans = [exports.plan_data(r, content.as_of) for r in reviews if r.plan is not None]
    (docs_dir / "data").mkdir(parents=True, exist_ok=True)
    (docs_dir / "data/action-plans.json").write_text(
        exports.to_json({"schema": exports.SCHEMA, "plans": all_plans}), encoding="utf-8")
    (docs_dir / "data/action-plans.csv").write_text(
        exports.to_csv([row for d in all_plans for row in exports.csv_rows(d)]), encoding="utf-8")
    (docs_dir / "feed.xml").write_text(exports.atom_feed(reviews, settings, content.as_of), encoding="utf-8")
    write("data/index.md", "open-data.md.j2", plans=all_plans, columns=exports.CSV_COLUMNS, schema=exports.SCHEMA)

    return [
        {"Open actions": "actions/index.md"},
        {"Dashboard": "dashboard.md"},
        {"By agency": ["actions/agencies/index.md"] + [{a: p} for a, p in agency_pages.items()]},
        {"By theme": ["actions/themes/index.md"] + [{t: p} for t, p in theme_pages.items()]},
        {"Open data": "data/index.md"},
    ]
