"""Stage: check. Everything that reaches the site, checked: each review's documents, YAML
files and file names by the anonymisation engine (with that review's allowed terms and
private register), plus the consistency checks. Produces Findings; decides nothing.

Allowed terms come in layers: the project's public terms (content/allowlist.yml), each
review's pseudonyms and panel names (review.yml), and terms given on the command line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.check import consistency
from generator.diagnostics import ContentError, Finding
from generator.model import Review, Site


_ANALYSERS: dict = {}


def analyser_for(cache_dir: Path | None):
    """One Analyser (and so one spaCy model load) per process, whatever the project."""
    from generator.check.anonymise import Analyser

    if "default" not in _ANALYSERS:
        _ANALYSERS["default"] = Analyser.from_config()
    analyser = _ANALYSERS["default"]
    if cache_dir is not None:
        analyser.cache_dir = Path(cache_dir)
    return analyser


@dataclass
class CheckOptions:
    private_dir: Path | None = None  # where private/<slug>.yml registers live
    cache_dir: Path | None = None  # where the check caches its results (.cache/check)
    extra_terms: list[str] = field(default_factory=list)  # --allow-file terms
    extra_registers: list = field(default_factory=list)  # --register files, already loaded
    today: dt.date = field(default_factory=dt.date.today)
    progress: object = None  # callable(done, total) for a progress bar


def review_files(review: Review) -> list[tuple[Path, str]]:
    """(path, kind) of every file of a review whose text can reach the site."""
    files = [(review.dir / "review.yml", "yaml")]
    files += [(doc.path, "markdown") for doc in review.documents.values()]
    if review.plan_path is not None:
        files.append((review.plan_path, "yaml"))
    return files


def allowed_for(site: Site, review: Review | None, extra: list[str]):
    from generator.check.anonymise import AllowedTerms

    terms = [*site.allowlist.all_terms(), *extra]
    terms += [h.name for h in site.settings.helplines]
    terms += [h.phone for h in site.settings.helplines if h.phone]  # national helplines are public
    terms += [site.settings.partnership.email] if site.settings.partnership.email else []
    terms += [site.settings.partnership.name] + ([site.settings.partnership.short_name]
                                                 if site.settings.partnership.short_name else [])
    pseudonyms: list[str] = []
    if review is not None:
        pseudonyms = [p.name for p in review.meta.pseudonyms]
        if review.meta.panel:
            terms += [m.name for m in review.meta.panel.everyone()]
        if review.meta.partnership:
            terms.append(review.meta.partnership)
    return AllowedTerms(terms=terms, pseudonyms=pseudonyms)


def load_registers(site: Site, opts: CheckOptions) -> tuple[dict[str, list], list[ContentError]]:
    """Each review's private register (private/<slug>.yml), if it has one."""
    from generator.check.registers import load_register

    out: dict[str, list] = {}
    errors: list[ContentError] = []
    for review in site.reviews:
        regs = list(opts.extra_registers)
        if opts.private_dir is not None:
            path = opts.private_dir / f"{review.slug}.yml"
            if path.exists():
                reg, errs = load_register(path)
                errors.extend(errs)
                if reg is not None:
                    regs.append(reg)
        out[review.slug] = regs
    return out, errors


def check_site(site: Site, opts: CheckOptions, rel) -> tuple[list[Finding], list[ContentError]]:
    """All findings for a loaded site. `rel(path)` gives the display path of a file."""
    registers, errors = load_registers(site, opts)
    if errors:
        return [], errors
    analyser = analyser_for(opts.cache_dir)
    items = []
    owner: dict[str, Review | None] = {}
    texts: dict[str, str] = {}
    site_allowed = allowed_for(site, None, opts.extra_terms)
    site_yml = site.root / "site.yml"
    items.append((rel(site_yml), site_yml.read_text(encoding="utf-8"), "yaml", site_allowed, list(opts.extra_registers)))
    owner[rel(site_yml)] = None
    name_findings: list[Finding] = []
    for review in site.reviews:
        allowed = allowed_for(site, review, opts.extra_terms)
        regs = registers.get(review.slug, [])
        for path, kind in review_files(review):
            text = path.read_text(encoding="utf-8")
            items.append((rel(path), text, kind, allowed, regs))
            owner[rel(path)] = review
            texts[rel(path)] = text
        for path in [review.dir, *sorted(review.dir.rglob("*"))]:  # every file and folder name
            name_findings += analyser.check_path_name(rel(path), allowed=allowed, registers=regs)
    findings = []
    step = 4 if opts.progress else len(items)  # smaller batches only to show progress on a terminal
    for i in range(0, len(items), max(step, 1)):
        findings += analyser.check_many(items[i:i + step])
        if opts.progress:
            opts.progress(min(i + step, len(items)), len(items))
    findings = [_with_review(f, owner.get(f.path)) for f in findings]
    findings += [_with_review(f, _owner_of(f.path, site, rel)) for f in name_findings]
    for review in site.reviews:
        findings += consistency.check_review(review, rel, opts.today)
    out, errs = apply_review_waivers(findings, lambda f: site.review(f.review) if f.review else None, texts)
    errors.extend(errs)
    out.sort(key=Finding.sort_key)
    return out, errors


def apply_review_waivers(findings: list[Finding], review_of, texts: dict[str, str]):
    """Each review's waivers (its waivers.yml) applied to that review's findings.
    `review_of(finding)` gives the finding's Review or None. Returns (findings, errors)."""
    from generator.check.waivers import apply_waivers, load_waivers

    groups: dict[str | None, tuple] = {}
    for f in findings:
        review = review_of(f)
        groups.setdefault(review.slug if review else None, (review, []))[1].append(f)
    out: list[Finding] = []
    errors: list[ContentError] = []
    for review, group in groups.values():
        wpath = review.dir / "waivers.yml" if review is not None else None
        if wpath is not None and wpath.exists():
            waivers, errs = load_waivers(wpath)
            errors.extend(errs)
            group = apply_waivers(group, waivers, texts)
        out.extend(group)
    return out, errors


def _with_review(f: Finding, review: Review | None) -> Finding:
    if review is None or f.review == review.slug:
        return f
    from dataclasses import replace
    return replace(f, review=review.slug)


def _owner_of(path: str, site: Site, rel) -> Review | None:
    for review in site.reviews:
        if path == rel(review.dir) or path.startswith(rel(review.dir) + "/"):
            return review
    return None
