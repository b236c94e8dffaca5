"""Waivers: an editor accepts one finding, or one term for one review, with a reason.

They live in `content/reviews/<slug>/waivers.yml`, a list:

    # a term, for the whole review: every finding whose text is this term
    - text: Elmvale Leisure Centre
      reason: a public building, agreed by the panel on 2022-05-04

    # one finding: narrowed by file, entity and the sentence around it
    - text: "14 March 2021"
      entity: DATE                       # optional: only findings of this entity
      file: overview-report.md           # optional: only in this file (name or path ending)
      line: 42                           # optional: only on this line (drop it if lines move a lot)
      context: "The Review Panel first met on 14 March 2021"   # optional: the line must still say this
      fingerprint: 3fa2c1d9e0b4          # optional: Finding.extra["fingerprint"] of the line, from
                                         # `reviewsite check --format json`
      reason: the date of the first panel meeting, not a personal date

Keys: `text` and `reason` are required; `entity`, `file`, `line`, `context`, `fingerprint` narrow it.
Matching ignores letter case and runs of whitespace. A waiver with `context` or `fingerprint`
**stops applying when the text it covers changes**: the finding comes back as it was.

What a waiver does: the finding is still returned (so the report shows it), with severity
downgraded to "info" (it no longer blocks) and `extra["waived"]` = the reason,
`extra["waiver"]` = "waivers.yml:LINE", `extra["original_severity"]`. Findings of a REGISTERED
identifier (the review's private register says it is real) are never waived.
A waiver that matches no finding is reported as a warning (AN902 unused-waiver), so stale
waivers are noticed and removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from generator.diagnostics import ContentError, Finding

_KEYS = {"text", "reason", "entity", "file", "line", "context", "fingerprint"}
NEVER_WAIVED = {"REGISTERED"}


def _norm(s: str) -> str:
    return " ".join(str(s).split()).casefold()


@dataclass(frozen=True)
class Waiver:
    text: str
    reason: str
    source: str  # "content/reviews/x/waivers.yml:3"
    entity: str | None = None
    file: str | None = None
    line: int | None = None
    context: str | None = None
    fingerprint: str | None = None

    def matches(self, f: Finding, texts: dict[str, str]) -> bool:
        if f.entity in NEVER_WAIVED:
            return False
        if _norm(f.text) != _norm(self.text):
            return False
        if self.entity and self.entity.upper() != f.entity.upper():
            return False
        if self.file:
            p = f.path.replace("\\", "/")
            want = self.file.replace("\\", "/").lstrip("./")
            if not (p == want or p.endswith("/" + want)):
                return False
        if self.line is not None and f.line != self.line:
            return False
        if self.fingerprint and f.extra.get("fingerprint") != self.fingerprint:
            return False
        if self.context:
            text = texts.get(f.path)
            if text is None or f.start is None:
                return False
            ls = text.rfind("\n", 0, f.start) + 1
            le = text.find("\n", f.end if f.end is not None else f.start)
            line = text[ls : len(text) if le < 0 else le]
            if _norm(self.context) not in _norm(line):
                return False
        return True


def load_waivers(path: Path) -> tuple[list[Waiver], list[ContentError]]:
    path = Path(path)
    display = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], []
    except (OSError, UnicodeDecodeError) as e:
        return [], [ContentError(display, f"cannot read the waivers: {e}")]
    try:
        node = yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        return [], [ContentError(display, f"waivers.yml is not valid YAML: {getattr(e, 'problem', e)}",
                                 line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
                                 hint="fix the YAML syntax (indentation, quotes, colons)")]
    if node is None:
        return [], []
    if not isinstance(node, yaml.SequenceNode):
        return [], [ContentError(display, "waivers.yml is a list of waivers", line=node.start_mark.line + 1,
                                 hint="start each waiver with `- text: ...`")]
    waivers, errors = [], []
    for i, item in enumerate(node.value):
        line = item.start_mark.line + 1
        where = f"[{i}]"
        if not isinstance(item, yaml.MappingNode):
            errors.append(ContentError(display, "each waiver is a mapping with `text` and `reason`", line=line, field=where))
            continue
        data = {}
        bad = False
        for k, v in item.value:
            if k.value not in _KEYS:
                errors.append(ContentError(display, f"unknown key `{k.value}` in a waiver", line=k.start_mark.line + 1,
                                           field=f"{where}.{k.value}", hint="use text, reason, entity, file, line, context, fingerprint"))
                bad = True
                continue
            if not isinstance(v, yaml.ScalarNode):
                errors.append(ContentError(display, f"`{k.value}` must be plain text", line=v.start_mark.line + 1, field=f"{where}.{k.value}"))
                bad = True
                continue
            data[k.value] = v.value
        for req in ("text", "reason"):
            if not str(data.get(req, "")).strip():
                errors.append(ContentError(display, f"a waiver needs a `{req}`", line=line, field=f"{where}.{req}",
                                           hint="every waiver says what it accepts and why" if req == "reason" else "give the exact text of the finding"))
                bad = True
        ln = None
        if "line" in data:
            try:
                ln = int(data["line"])
            except ValueError:
                errors.append(ContentError(display, f"`line` must be a number, not {data['line']!r}", line=line, field=f"{where}.line"))
                bad = True
        if bad:
            continue
        waivers.append(Waiver(text=str(data["text"]), reason=str(data["reason"]).strip(), source=f"{display}:{line}",
                              entity=data.get("entity") or None, file=data.get("file") or None, line=ln,
                              context=data.get("context") or None, fingerprint=data.get("fingerprint") or None))
    return waivers, errors


def apply_waivers(findings: list[Finding], waivers: list[Waiver], texts: dict[str, str]) -> list[Finding]:
    """Mark waived findings (severity "info", extra["waived"]); add a warning per unused waiver."""
    used = set()
    out = []
    for f in findings:
        w = next((w for w in waivers if w.matches(f, texts)), None)
        if w is None:
            out.append(f)
            continue
        used.add(w.source)
        extra = dict(f.extra, waived=w.reason, waiver=w.source, original_severity=f.severity)
        out.append(replace(f, severity="info", extra=extra))
    for w in waivers:
        if w.source not in used:
            path, _, line = w.source.rpartition(":")
            out.append(Finding(
                path=path, line=int(line) if line.isdigit() else 1, column=1, entity="WAIVER", severity="warning",
                rule="AN902 unused-waiver", message=f"this waiver of {w.text!r} matches no finding: the text it covers has changed or gone",
                text=w.text, hint="check the text again, then update or remove the waiver",
            ))
    return out


def waiver_for(f: Finding, reason: str, texts: dict[str, str] | None = None) -> str:
    """A YAML snippet an editor can paste into waivers.yml to accept finding f."""
    file = Path(f.path).name
    lines = [f"- text: {_q(f.text)}", f"  entity: {f.entity}", f"  file: {file}"]
    if f.extra.get("fingerprint"):
        lines.append(f"  fingerprint: {f.extra['fingerprint']}")
    lines.append(f"  reason: {_q(reason)}")
    return "\n".join(lines) + "\n"


def _q(s: str) -> str:
    return '"' + re.sub(r'(["\\])', r"\\\1", s) + '"'
