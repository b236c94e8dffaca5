"""Stage: audit. After mkdocs has built the site (in a temporary folder) and before it replaces
site/, read every file produced and fail the build if any holds:

    AU101  a registered identifier of any review (private/<slug>.yml)
    AU102  a protective marking (OFFICIAL-SENSITIVE, RESTRICTED, "not to be circulated", ...)
    AU103  text from a review that is not published (a sentence of its documents, or its title
           on a page where no published review of that name exists)

It knows nothing about how the files were made: it reads HTML, JSON (the search index), XML
(the sitemap) and any other text file as text, after undoing HTML and JSON escaping.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from generator.diagnostics import Finding

MARKINGS = re.compile(
    r"OFFICIAL[\s\-–]+SENSITIVE|\bRESTRICTED\b|\bSECRET\b|\bPROTECT\b\s*[-–]|"
    r"not\s+to\s+be\s+(?:photocopied|circulated|shared|copied)|\bIN\s+CONFIDENCE\b",
    re.I)
_TAG = re.compile(r"<[^>]+>")
_WS = re.compile(r"\s+")
_MD = re.compile(r"[*_`#>|\[\]]|\(\s*[^)\s]*\.(?:md|png|jpg)\)")
TEXT_SUFFIXES = {".html", ".htm", ".json", ".xml", ".txt", ".js", ".css", ".csv", ".svg", ".atom", ".rss", ".md"}
MIN_WORDS = 8


def normalise(text: str) -> str:
    return _WS.sub(" ", text).strip().lower()


def file_text(path: Path) -> str | None:
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return None
    raw = path.read_text(encoding="utf-8", errors="replace")
    text = raw
    if path.suffix.lower() == ".json":
        try:
            text = raw + "\n" + "\n".join(_json_strings(json.loads(raw)))
        except ValueError:
            pass
    text = html.unescape(_TAG.sub(" ", text)) + "\n" + html.unescape(raw)
    return normalise(text)


def _json_strings(value):
    if isinstance(value, str):
        yield _TAG.sub(" ", value)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)


def sentences(markdown: str) -> list[str]:
    """Distinctive sentences of a Markdown document, as they would read on a page."""
    text = _MD.sub(" ", re.sub(r"<!--.*?-->", " ", markdown, flags=re.S))
    text = re.sub(r"\]\([^)]*\)", " ", text)
    out = []
    for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", text):
        s = normalise(s).rstrip(".!?")
        if len(s.split()) >= MIN_WORDS:
            out.append(s)
    return out


def make_audit(site, plan, project: Path, registered_terms: list[str] | None = None):
    """Build the audit for one build: what must not appear, computed once."""
    terms = [normalise(t) for t in (registered_terms if registered_terms is not None
                                    else _registered_terms(site, project)) if len(t.strip()) >= 3]
    published_text = set()
    for d in plan.published:
        for name in d.documents:
            published_text.update(sentences(d.review.documents[name].body))
    secret: list[tuple[str, str]] = []  # (sentence, slug)
    for d in plan.decisions:
        if d.published:
            continue
        for doc in d.review.documents.values():
            for s in sentences(doc.body):
                if s not in published_text:
                    secret.append((s, d.slug))

    def audit(site_dir: Path) -> list[Finding]:
        findings: list[Finding] = []
        for path in sorted(site_dir.rglob("*")):
            if not path.is_file():
                continue
            text = file_text(path)
            if text is None:
                continue
            rel = str(path.relative_to(site_dir))
            for m in MARKINGS.finditer(text):
                findings.append(Finding(rel, 1, 1, "PROTECTIVE_MARKING", "error", "AU102",
                                        f"a protective marking is in the built site: '{m.group(0)}'",
                                        text=m.group(0), hint="remove the marking from the source document"))
                break
            for term in terms:
                if re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text):
                    findings.append(Finding(rel, 1, 1, "REGISTERED", "error", "AU101",
                                            "a registered identifier from a private register is in the built site",
                                            hint="run reviewsite check and fix every finding"))
            for s, slug in secret:
                if s in text:
                    findings.append(Finding(rel, 1, 1, "UNPUBLISHED", "error", "AU103",
                                            f"text of '{slug}', which is not published, is in the built site",
                                            text=s[:80], review=slug))
                    break
        return findings

    return audit


def _registered_terms(site, project: Path) -> list[str]:
    from generator.check.registers import load_register

    terms: list[str] = []
    private = project / "private"
    for review in site.reviews:
        path = private / f"{review.slug}.yml"
        if path.exists():
            reg, _ = load_register(path)
            if reg is not None:
                terms += list(reg.audit_terms())
    return terms
