"""Print ContentErrors and Findings as text (like a linter), JSON or SARIF 2.1.0.

Text:  path:line:col: severity CODE message
           | matched text
           = hint: how to fix it
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Iterable, TextIO

from generator import __version__
from generator.diagnostics import ContentError, Finding

FORMATS = ("text", "json", "sarif")


def _loc(path, line, column) -> str:
    out = path
    if line:
        out += f":{line}"
        if column:
            out += f":{column}"
    return out


def format_error(e: ContentError) -> str:
    head = f"{_loc(e.path, e.line, e.column)}: error {e.code}: "
    head += (f"{e.field}: " if e.field else "") + e.message
    return head + (f"\n    = hint: {e.hint}" if e.hint else "")


def format_finding(f: Finding) -> str:
    head = f"{_loc(f.path, f.line, f.column)}: {f.severity} {f.entity} {f.rule}: {f.message}"
    if f.text:
        head += f"\n    | {f.text}"
    if f.extra.get("waived"):
        head += f"\n    = waived: {f.extra['waived']}"
    elif f.hint:
        head += f"\n    = hint: {f.hint}"
    return head


def print_text(errors: Iterable[ContentError] = (), findings: Iterable[Finding] = (), out: TextIO | None = None):
    out = out or sys.stdout
    errors, findings = list(errors), list(findings)
    for e in errors:
        print(format_error(e), file=out)
    for f in findings:
        print(format_finding(f), file=out)
    counts = summary_counts(errors, findings)
    parts = [f"{n} {label}" for label, n in counts.items() if n]
    print(("Found " + ", ".join(parts) + ".") if parts else "No problems found.", file=out)


def summary_counts(errors, findings) -> dict[str, int]:
    active = [f for f in findings if not f.extra.get("waived")]
    return {
        "content error(s)": len(errors),
        "error finding(s)": sum(f.severity == "error" for f in active),
        "warning(s)": sum(f.severity == "warning" for f in active),
        "waived": sum(bool(f.extra.get("waived")) for f in findings),
    }


def finding_dict(f: Finding) -> dict:
    d = asdict(f)
    extra = d.pop("extra") or {}
    d.update({k: v for k, v in extra.items() if k not in d})
    return d


def to_json(errors: Iterable[ContentError] = (), findings: Iterable[Finding] = ()) -> str:
    errors, findings = list(errors), list(findings)
    return json.dumps({
        "version": __version__,
        "errors": [asdict(e) for e in errors],
        "findings": [finding_dict(f) for f in findings],
        "summary": summary_counts(errors, findings),
    }, indent=2, ensure_ascii=False)


def to_sarif(errors: Iterable[ContentError] = (), findings: Iterable[Finding] = ()) -> str:
    rules: dict[str, dict] = {}
    results = []

    def region(line, col, end_line=None, end_col=None):
        r = {"startLine": line or 1}
        if col:
            r["startColumn"] = col
        if end_line:
            r["endLine"] = end_line
        if end_col:
            r["endColumn"] = end_col
        return r

    for e in errors:
        rules.setdefault(e.code, {"id": e.code, "shortDescription": {"text": f"content error: {e.code}"}})
        results.append({
            "ruleId": e.code, "level": "error",
            "message": {"text": e.message + (f" (hint: {e.hint})" if e.hint else "")},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": e.path},
                                                "region": region(e.line, e.column)}}],
        })
    for f in findings:
        rules.setdefault(f.rule, {"id": f.rule, "shortDescription": {"text": f"{f.entity}: {f.rule}"}})
        result = {
            "ruleId": f.rule,
            "level": "error" if f.severity == "error" else ("warning" if f.severity == "warning" else "note"),
            "message": {"text": f.message + (f" (hint: {f.hint})" if f.hint else "")},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.path},
                                                "region": region(f.line, f.column, f.end_line, f.end_column)}}],
            "properties": {"entity": f.entity},
        }
        if f.extra.get("waived"):
            result["suppressions"] = [{"kind": "inSource", "justification": f.extra["waived"]}]
        results.append(result)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "reviewsite", "version": __version__, "rules": list(rules.values())}},
            "results": results,
        }],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)


def emit(fmt: str, errors=(), findings=(), out: TextIO | None = None):
    out = out or sys.stdout
    if fmt == "json":
        print(to_json(errors, findings), file=out)
    elif fmt == "sarif":
        print(to_sarif(errors, findings), file=out)
    else:
        print_text(errors, findings, out)
