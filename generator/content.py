"""Stage 1, load: read `content/` into a typed `Site`, or report every problem at once.

Nothing here knows about presidio or mkdocs. Every problem becomes a `ContentError` with
file, line, column, field, what is wrong and how to fix it; loading goes on after an error
so that one run reports all of them.

Layout:
    content/site.yml                         settings (partnership, helplines)
    content/allowlist.yml                    public terms for the check (optional)
    content/reviews/<slug>/review.yml        the review's facts
    content/reviews/<slug>/executive-summary.md, overview-report.md, qa-letter.md
    content/reviews/<slug>/action-plan.yml   optional
    content/reviews/<slug>/waivers.yml       optional: accepted check findings
    content/reviews/<slug>/images/           optional: images the documents show
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from pathlib import Path
from typing import get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from generator.diagnostics import ContentError
from generator.model import (
    DOCUMENT_KINDS,
    ActionPlan,
    Allowlist,
    Document,
    DocumentFront,
    Review,
    ReviewMeta,
    Site,
    SiteSettings,
)
from generator.yamlsrc import Located, dotted, load_yaml, split_front_matter

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REVIEW_FILES = {"review.yml", "action-plan.yml", "waivers.yml", *DOCUMENT_KINDS}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}
VOCAB_PATH = Path(__file__).parent / "data" / "vocab.yml"


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, list[str]]:
    return yaml.safe_load(VOCAB_PATH.read_text(encoding="utf-8"))


class Loader:
    """Collects errors while reading one content tree."""

    def __init__(self, root: Path):
        self.root = root
        self.real_root = root.resolve()
        self.errors: list[ContentError] = []

    # --- files ----------------------------------------------------------------------------

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def error(self, path: Path, message: str, line=None, column=None, field=None, hint=None, code="content"):
        self.errors.append(ContentError(self.rel(path), message, line, column, field, hint, code))

    def read_text(self, path: Path, required: bool = True, hint: str | None = None) -> str | None:
        """The file's text, or None (with an error) if it cannot be used."""
        if path.is_symlink() or not path.resolve().is_relative_to(self.real_root):
            target = path.resolve()
            if not target.is_relative_to(self.real_root):
                self.error(path, f"this is a link to {target}, which is outside content/",
                           hint="copy the file into content/ instead of linking to it: "
                                "only files inside content/ are read, so nothing private is published by accident",
                           code="symlink")
                return None
        if not path.exists():
            if required:
                self.error(path, "this file is missing", hint=hint or "create it", code="missing-file")
            return None
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self.error(path, f"cannot read this file: {exc.strerror}", code="unreadable")
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.error(path, f"this file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at line {line})", line=line,
                       hint="save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)", code="encoding")
            return None
        text = text.removeprefix("\ufeff").replace("\r\n", "\n")
        if not text.strip():
            self.error(path, "this file is empty", line=1, hint="write its content, or delete the file",
                       code="empty-file")
            return None
        return text

    # --- YAML + model ----------------------------------------------------------------------

    def parse(self, path: Path, text: str, model: type[BaseModel], line_offset: int = 0):
        located, errs = load_yaml(text, self.rel(path), line_offset)
        self.errors.extend(errs)
        if located is None:
            return None, None
        data = located.data
        if data is None:
            data = {}
        if not isinstance(data, dict):
            self.error(path, f"expected keys and values (like 'title: ...'), found {_kind(data)}",
                       line=1 + line_offset, column=1, code="type")
            return None, located
        if errs:
            return None, located
        try:
            return model.model_validate(data), located
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                self.errors.append(_explain(err, model, located, self.rel(path)))
            return None, located

    # --- the tree --------------------------------------------------------------------------

    def load(self) -> Site | None:
        root = self.root
        if not root.is_dir():
            self.error(root, "the content folder does not exist",
                       hint="run reviewsite in the project folder, or pass --content DIR", code="missing-file")
            return None
        settings = None
        text = self.read_text(root / "site.yml", hint="create content/site.yml with at least "
                                                     "'partnership: {name: ...}' (see README, Content format)")
        if text is not None:
            settings, _ = self.parse(root / "site.yml", text, SiteSettings)
        allowlist = Allowlist()
        if (root / "allowlist.yml").exists() or (root / "allowlist.yml").is_symlink():
            text = self.read_text(root / "allowlist.yml")
            if text is not None:
                allowlist, _ = self.parse(root / "allowlist.yml", text, Allowlist)
        reviews = []
        reviews_dir = root / "reviews"
        if reviews_dir.is_dir():
            for entry in sorted(reviews_dir.iterdir()):
                if entry.name.startswith("."):
                    continue
                if entry.is_symlink() and not entry.resolve().is_relative_to(self.real_root):
                    self.read_text(entry)  # reports the link
                    continue
                if not entry.is_dir():
                    self.error(entry, "only review folders belong in content/reviews/",
                               hint="move this file into a review's folder, or delete it", code="unexpected-file")
                    continue
                review = self.load_review(entry, settings)
                if review is not None:
                    reviews.append(review)
        if settings is None or allowlist is None:
            return None
        return Site(root=root, settings=settings, allowlist=allowlist, reviews=reviews)

    def load_review(self, folder: Path, settings: SiteSettings | None) -> Review | None:
        before = len(self.errors)
        if not SLUG.match(folder.name):
            self.error(folder, f"'{folder.name}' cannot be a review's folder name (it becomes the web address)",
                       hint="use lower-case letters, digits and hyphens only, e.g. 'hana-2021'", code="slug")
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith("."):
                continue
            if entry.is_dir() and entry.name == "images":
                for img in sorted(entry.rglob("*")):
                    if img.is_symlink() and not img.resolve().is_relative_to(self.real_root):
                        self.read_text(img)
                    elif img.is_file() and img.suffix.lower() not in IMAGE_SUFFIXES:
                        self.error(img, "only images belong in images/",
                                   hint=f"allowed: {', '.join(sorted(IMAGE_SUFFIXES))}", code="unexpected-file")
                continue
            if entry.name not in REVIEW_FILES:
                close = difflib.get_close_matches(entry.name, sorted(REVIEW_FILES), n=1)
                self.error(entry, "this file is not part of a review and would be ignored",
                           hint=(f"did you mean '{close[0]}'? " if close else "")
                           + "a review folder holds: " + ", ".join(sorted(REVIEW_FILES)) + " and images/",
                           code="unexpected-file")
        review_path = folder / "review.yml"
        text = self.read_text(review_path, hint=f"every review folder needs a review.yml; "
                                                f"'reviewsite new {folder.name}' writes a template")
        meta, located = (None, None)
        if text is not None:
            meta, located = self.parse(review_path, text, ReviewMeta)
        sources = {"review.yml": located} if located else {}
        if located is not None and isinstance(located.data, dict):
            self.check_vocabulary(review_path, located)
        if meta is not None:
            if meta.partnership is None and settings is not None:
                meta = meta.model_copy(update={"partnership": settings.partnership.name})
            if meta.clearance and meta.clearance.letter and not (folder / meta.clearance.letter).exists():
                line, col = located.where(("clearance", "letter"))
                self.error(review_path, f"the clearance letter '{meta.clearance.letter}' is not in this folder",
                           line, col, "clearance.letter", hint="add the file, or correct the name", code="missing-file")
        documents = {}
        for name in DOCUMENT_KINDS:
            doc = self.load_document(folder / name)
            if doc is not None:
                documents[name] = doc
        plan = None
        plan_path = folder / "action-plan.yml"
        if plan_path.exists() or plan_path.is_symlink():
            text = self.read_text(plan_path)
            if text is not None:
                plan, plan_located = self.parse(plan_path, text, ActionPlan)
                if plan_located is not None:
                    sources["action-plan.yml"] = plan_located
                if plan is not None:
                    self.check_plan_ids(plan_path, plan, plan_located)
        if len(self.errors) > before or meta is None:
            return None
        return Review(folder.name, folder, meta, documents, plan, plan_path if plan else None, sources)

    def load_document(self, path: Path) -> Document | None:
        if not (path.exists() or path.is_symlink()):
            return None
        text = self.read_text(path)
        if text is None:
            return None
        fm_text, body, offset = split_front_matter(text)
        front = DocumentFront()
        if fm_text is not None:
            front, _ = self.parse(path, fm_text, DocumentFront, line_offset=1)
            if front is None:
                return None
        if not body.strip():
            self.error(path, "this document has front matter but no text", line=offset + 1,
                       hint="write the document below the closing '---'", code="empty-file")
            return None
        return Document(path.name, path, text, body, offset + 1, front)

    def check_vocabulary(self, path: Path, located: Located):
        """Themes, categories and relationship must use the Home Office library's exact wording.
        Checked on the raw data, so these errors are reported even when other keys are wrong."""
        vocab, data = vocabulary(), located.data
        for key in ("themes", "categories"):
            values = data.get(key)
            for i, value in enumerate(values if isinstance(values, list) else []):
                if isinstance(value, str) and value not in vocab[key]:
                    self._vocab_error(path, located, (key, i), value, vocab[key], key)
        rel = data.get("relationship")
        if isinstance(rel, str) and rel not in vocab["relationships"]:
            self._vocab_error(path, located, ("relationship",), rel, vocab["relationships"], "relationship")

    def _vocab_error(self, path, located, loc, value, allowed, what):
        line, col = located.where(loc)
        lowered = {a.lower(): a for a in allowed}
        close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.5)
        hint = (f"did you mean '{lowered[close[0]]}'? " if close else "") + \
            "use the Home Office library's wording exactly (see generator/data/vocab.yml)"
        self.error(path, f"'{value}' is not one of the Home Office library's {what}", line, col, dotted(loc),
                   hint=hint, code="vocabulary")

    def check_plan_ids(self, path: Path, plan: ActionPlan, located: Located):
        seen: dict[str, tuple] = {}
        for i, rec in enumerate(plan.recommendations):
            self._unique(path, located, seen, rec.id, ("recommendations", i, "id"), "recommendation")
            for j, action in enumerate(rec.actions):
                self._unique(path, located, seen, action.id, ("recommendations", i, "actions", j, "id"), "action")

    def _unique(self, path, located, seen, ident, loc, what):
        line, col = located.where(loc)
        if ident in seen:
            first_line = seen[ident][0]
            self.error(path, f"the id '{ident}' is used twice (first on line {first_line})", line, col, dotted(loc),
                       hint=f"give this {what} its own id, e.g. '{ident}b'", code="duplicate-id")
        else:
            seen[ident] = (line, col)


def load_site(root: Path) -> tuple[Site | None, list[ContentError]]:
    loader = Loader(Path(root))
    site = loader.load()
    errors = sorted(loader.errors, key=ContentError.sort_key)
    return (None if errors else site), errors


# --- pydantic errors as editors' messages --------------------------------------------------


def _kind(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"yes/no ({value})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of keys"
    return type(value).__name__


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation):
    while True:
        origin = get_origin(annotation)
        if origin is None:
            return annotation
        args = [a for a in get_args(annotation) if a is not type(None)]
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        if models:
            annotation = models[0]
        elif origin in (list, tuple, set) and args:
            annotation = args[0]
        elif args:
            annotation = args[0]
        else:
            return annotation


def _explain(err: dict, model: type[BaseModel], located: Located, path: str) -> ContentError:
    loc = tuple(p for p in err["loc"] if isinstance(p, int) or not _is_branch_label(p))
    kind = err["type"]
    value = err.get("input")
    line, col = located.where(loc)
    field = dotted(loc) or None
    if kind == "extra_forbidden":
        key = loc[-1]
        parent = _model_at(model, loc[:-1])
        allowed = list(parent.model_fields) if parent else []
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = (f"did you mean '{close[0]}'? " if close else "") + (
            f"keys allowed here: {', '.join(allowed)}" if allowed else "remove it")
        return ContentError(path, f"unknown key '{key}'", line, col, field, hint, "unknown-key")
    if kind == "missing":
        key = loc[-1]
        where = "" if len(loc) == 1 else f" in {dotted(loc[:-1])}"
        return ContentError(path, f"the required key '{key}' is missing{where}", line, col, field,
                            f"add '{key}: ...'", "missing-key")
    message = err["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind in ("string_type", "int_type", "list_type", "dict_type", "model_type", "bool_type"):
        expected = {"string_type": "text", "int_type": "a whole number", "list_type": "a list",
                    "dict_type": "a group of keys", "model_type": "a group of keys", "bool_type": "yes or no"}[kind]
        hint = {"list_type": "write each item on its own line, starting with '- '",
                "string_type": "put the value in quotes if it looks like a number or a date"}.get(kind)
        return ContentError(path, f"'{loc[-1] if loc else 'this'}' should be {expected}, not {_kind(value)}",
                            line, col, field, hint, "type")
    if kind == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        return ContentError(path, f"{_kind(value)} is not allowed for '{loc[-1]}'", line, col, field,
                            f"use one of: {expected}", "value")
    if kind == "string_too_short":
        return ContentError(path, f"'{loc[-1]}' is empty", line, col, field, "write a value or remove the key", "value")
    hint = None
    if "date" in message or "month" in message:
        hint = "write a day as YYYY-MM-DD (2021-03-14) or a month as YYYY-MM (2021-03)"
    return ContentError(path, message, line, col, field, hint, "value")


def _is_branch_label(part) -> bool:
    """pydantic adds union branch names (e.g. 'function-before[...]') to error locations."""
    return isinstance(part, str) and ("[" in part or part in ("PartialDate",))
