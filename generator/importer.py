"""`reviewsite import-plan FILE.csv|FILE.xlsx --review SLUG [--force]`: turn a spreadsheet action
plan, shaped like the Word and Excel tables partnerships keep, into `action-plan.yml`.

Columns are found by their headings (any case, any order): Recommendation · Action (required
by agency) · (Implementation) lead · Agency · Target (date for completion) · Progress /
Summary of action taken & date · Status. A row with an empty recommendation cell continues
the recommendation above (merged cells). Progress text that accumulates in one cell
("August 2013. All staff trained … Update Feb 2014: A unit is now in place …") is split into
dated updates where a date can be read; what cannot be read is kept and reported.
It writes a new file, and never overwrites one without --force.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH_RX = "|".join(sorted(MONTHS, key=len, reverse=True))
# A date at the start of an update: "Update Feb 2014:", "August 2013.", "12/03/2014 -", "March 2015:"
_UPDATE = re.compile(
    rf"(?:(?<=^)|(?<=[.\n;])\s*|(?<=\s))(?:update[d]?\s*(?:[-:,]\s*)?)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<m>{_MONTH_RX})\.?\s+(?P<y>\d{{4}})\s*[:.\-–]\s+"
    rf"|(?:update[d]?\s*(?:[-:,]\s*)?)?(?P<dd>\d{{1,2}})/(?P<mm>\d{{1,2}})/(?P<yy>\d{{4}})\s*[:.\-–]?\s+",
    re.I)

COLUMNS = {
    "recommendation": ("recommendation",),
    "action": ("action",),
    "lead": ("lead",),
    "agency": ("agency", "agencies", "organisation"),
    "target": ("target", "date for completion", "deadline", "timescale"),
    "progress": ("progress", "summary of action", "action taken", "update"),
    "status": ("status", "rag"),
}


@dataclass
class ImportResult:
    plan: dict
    notes: list[str] = field(default_factory=list)  # what could not be read, with row numbers


def read_rows(path: Path) -> list[list[str]]:
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        ws = wb.worksheets[0]
        rows = [["" if c is None else (c.date().isoformat() if isinstance(c, dt.datetime) else str(c))
                 for c in row] for row in ws.iter_rows(values_only=True)]
        wb.close()
        return rows
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return [row for row in csv.reader(fh)]


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        text = cell.strip().lower()
        for key, words in COLUMNS.items():
            if key not in found and any(w in text for w in words):
                # "Action required by agency" is the action, not the agency column
                if key == "agency" and "action" in text:
                    continue
                if key == "action" and ("taken" in text or "summary" in text):
                    continue
                found[key] = i
                break
    return found


def parse_target(text: str):
    t = text.strip()
    if not t:
        return None, None
    low = t.lower()
    if "ongoing" in low and not re.search(r"\d{4}", low):
        return "ongoing", None
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", t)
    if m:
        return t, None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", t)
    if m:
        d, mo, y = map(int, m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}", None
    m = re.search(rf"\b({_MONTH_RX})\.?\s+(\d{{4}})\b", low)
    if m:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1)]:02d}", (None if m.group(0) == low else
                                                                     f"target '{t}' read as {m.group(0)}")
    return None, f"target '{t}' is not a date; left out (add target: by hand)"


def parse_status(text: str):
    low = text.strip().lower()
    if not low:
        return "not-started", None
    if "complete" in low and "ongoing" in low:
        return "ongoing", f"status '{text.strip()}' read as ongoing"
    if re.search(r"\bcomplete[d]?\b", low) and "not" not in low and "will be" not in low and "outstanding" not in low:
        return "complete", None
    if "ongoing" in low or "implemented" in low:
        return "ongoing", None
    if "progress" in low or "started" in low and "not" not in low:
        return "in-progress", None
    if "not started" in low:
        return "not-started", None
    if "withdrawn" in low:
        return "withdrawn", None
    if "superseded" in low:
        return "superseded", None
    return "in-progress", f"status '{text.strip()}' is not a standard status; read as in-progress"


def split_updates(text: str) -> tuple[list[dict], str | None]:
    """Dated updates from one progress cell, and any leading text that carries no date."""
    text = text.strip()
    if not text:
        return [], None
    matches = list(_UPDATE.finditer(text))
    updates, undated = [], None
    if not matches:
        return [], text
    if matches[0].start() > 0 and text[: matches[0].start()].strip():
        undated = text[: matches[0].start()].strip()
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body = text[m.end():end].strip()
        if m.group("m"):
            y, mo = int(m.group("y")), MONTHS[m.group("m").lower()]
            date = f"{y:04d}-{mo:02d}" + (f"-{int(m.group('d1')):02d}" if m.group("d1") else "")
        else:
            date = f"{int(m.group('yy')):04d}-{int(m.group('mm')):02d}-{int(m.group('dd')):02d}"
        if body:
            updates.append({"date": date, "text": body})
    return updates, undated


def import_plan(path: Path, as_of: dt.date) -> ImportResult:
    rows = [r for r in read_rows(path) if any(c.strip() for c in r)]
    if not rows:
        raise ValueError(f"{path} has no rows")
    header_at = next((i for i, r in enumerate(rows[:10]) if "action" in " ".join(r).lower()), 0)
    cols = _columns(rows[header_at])
    if "action" not in cols and "recommendation" not in cols:
        raise ValueError(f"{path}: no 'Recommendation' or 'Action' column found in the heading row "
                         f"({', '.join(c for c in rows[header_at] if c)})")
    notes: list[str] = []
    recs: list[dict] = []

    def cell(row, key):
        i = cols.get(key)
        return row[i].strip() if i is not None and i < len(row) and row[i] else ""

    for n, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        rec_text, action_text = cell(row, "recommendation"), cell(row, "action")
        if rec_text or not recs:
            recs.append({"id": f"R{len(recs) + 1}", "level": "overview", "text": rec_text or action_text,
                         "actions": []})
        rec = recs[-1]
        if not action_text and not rec_text:
            continue
        action = {"id": f"{rec['id']}.{len(rec['actions']) + 1}", "text": action_text or rec_text}
        if cell(row, "lead"):
            action["lead"] = cell(row, "lead")
        if cell(row, "agency"):
            action["agencies"] = [a.strip() for a in re.split(r"[;,/\n]", cell(row, "agency")) if a.strip()]
        target, note = parse_target(cell(row, "target"))
        if target:
            action["target"] = target
        if note:
            notes.append(f"row {n}: {note}")
        status, note = parse_status(cell(row, "status"))
        action["status"] = status
        if note:
            notes.append(f"row {n}: {note}")
        updates, undated = split_updates(cell(row, "progress"))
        if undated:
            notes.append(f"row {n}: progress text without a date kept as the outcome: '{undated[:60]}…'"
                         if len(undated) > 60 else f"row {n}: progress text without a date kept as the outcome: "
                                                   f"'{undated}'")
            action["outcome"] = undated
        future = [u for u in updates if u["date"] > as_of.isoformat()]
        for u in future:
            notes.append(f"row {n}: an update dated {u['date']} is after {as_of}; check it")
        if updates:
            action["updates"] = updates
        if status == "complete":
            action["completed"] = updates[-1]["date"] if updates else None
            if not updates:
                notes.append(f"row {n}: complete, but no completion date could be read (add completed: by hand)")
                del action["completed"]
        rec["actions"].append(action)
    return ImportResult({"as_of": as_of.isoformat(), "recommendations": recs}, notes)


def to_yaml(result: ImportResult, source: Path) -> str:
    head = [f"# Imported from {source.name} by `reviewsite import-plan`. Check every line against the source,"]
    head.append("# then run `reviewsite check`.")
    if result.notes:
        head.append("# What could not be read exactly:")
        head += [f"#   {n}" for n in result.notes]
    return "\n".join(head) + "\n" + yaml.safe_dump(result.plan, sort_keys=False, allow_unicode=True, width=100)
