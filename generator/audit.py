"""Stage: audit. After mkdocs has built the site (in a temporary folder) and before it replaces
site/, read every file produced and fail the build if any holds:

    AU101  a registered identifier of any review (private/<slug>.yml)
    AU102  a protective marking (OFFICIAL-SENSITIVE, RESTRICTED, "not to be circulated", ...)
    AU103  text from a review that is not published (a sentence of its documents)
    AU104  an image that still carries metadata (EXIF author or GPS, text chunks, XMP, comments)

It knows nothing about how the files were made: it reads HTML, JSON (the search index), XML
(the sitemap) and any other text file as text, after undoing HTML and JSON escaping.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from generator.diagnostics import Finding
from generator.images import RASTER, metadata_of

# Protective markings: the words in capitals as markings are written, and the phrases in any case.
# Deliberately simpler than the check's recognizer (generator/check/recognizers/protective_marking.py),
# whose rules look at the line a marking stands on: here the text is built HTML with tags removed and
# whitespace collapsed, so only markings that cannot be ordinary prose are matched.
MARKINGS = re.compile(
    r"(?i:official[\s\-–]+sensitive)|\bRESTRICTED\b|\bTOP SECRET\b|\bSECRET\b|\bIN CONFIDENCE\b|"
    r"(?i:not\s+to\s+be\s+(?:photocopied|circulated|shared|copied|disclosed))")
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
    return _WS.sub(" ", html.unescape(_TAG.sub(" ", text)) + "\n" + html.unescape(raw))


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


def make_audit(site, plan, project: Path, registers: list | None = None):
    """Build the audit for one build: what must not appear, computed once. `registers` are
    generator.check.registers.Register objects (default: every review's private register)."""
    registers = registers if registers is not None else _registers(site, project)
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
            rel = str(path.relative_to(site_dir))
            if path.suffix.lower() in RASTER:
                meta = metadata_of(path)
                if meta:
                    findings.append(Finding(rel, 1, 1, "IMAGE_METADATA", "error", "AU104",
                                            f"an image still carries metadata ({', '.join(sorted(meta))})",
                                            hint="images must be published through reviewsite build, which strips it"))
                continue
            original = file_text(path)
            if original is None:
                continue
            text = original.lower()
            for m in MARKINGS.finditer(original):
                findings.append(Finding(rel, 1, 1, "PROTECTIVE_MARKING", "error", "AU102",
                                        f"a protective marking is in the built site: '{m.group(0)}'",
                                        text=m.group(0), hint="remove the marking from the source document"))
                break
            for register in registers:
                hits = register.find(original)
                if hits:
                    # The matched text itself is not printed: build logs may be shared.
                    findings.append(Finding(rel, 1, 1, "REGISTERED", "error", "AU101",
                                            f"{len(hits)} registered identifier(s) from a private register "
                                            f"are in the built site",
                                            hint="run reviewsite check and fix every finding"))
            for s, slug in secret:
                if s in text:
                    findings.append(Finding(rel, 1, 1, "UNPUBLISHED", "error", "AU103",
                                            f"text of '{slug}', which is not published, is in the built site",
                                            text=s[:80], review=slug))
                    break
        return findings

    return audit


def _registers(site, project: Path) -> list:
    from generator.check.registers import load_register

    out = []
    for review in site.reviews:
        path = project / "private" / f"{review.slug}.yml"
        if path.exists():
            reg, _ = load_register(path)
            if reg is not None:
                out.append(reg)
    return out
