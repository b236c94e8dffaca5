"""Consistency checks: facts that contradict each other. Each is a Finding with file:line.

Rule codes:
    CN101 error    the overview report and the action plan count different numbers of recommendations
    CN102 error    a recommendation has no action
    CN103 error    an update is dated after the plan's as_of date, or in the future
    CN104 warning  an action has no lead
    CN105 warning  an action has no target
    CN106 warning  an action is complete but has no completion date
    CN107 error    an action is withdrawn or superseded without a reason
    CN108 error    process dates out of order (e.g. submitted before signed off)
    CN109 error    a date in the future that records something as done (clearance, sign-off...)
"""

from __future__ import annotations

import datetime as dt
import re

from generator.diagnostics import Finding
from generator.model import Level, Review, Status
from generator.yamlsrc import Located

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(\d+)[.)]\s+\S")
_REC_HEADING = re.compile(r"^recommendation\s+(\d+)\b", re.I)


def _finding(path, located: Located | None, loc, rule, entity, severity, message, hint=None, review=None, line=None):
    if line is None:
        line, col = located.where(loc) if located else (1, 1)
    else:
        col = 1
    return Finding(path=path, line=line, column=col, entity=entity, severity=severity, rule=rule,
                   message=message, hint=hint, review=review)


def count_report_recommendations(body: str) -> tuple[int, int] | None:
    """(count, line) of recommendations the overview report makes, or None if it has no
    Recommendations section. Counts `Recommendation N` headings if there are any, otherwise the
    top-level numbered list items in the section."""
    lines = body.split("\n")
    start = level = None
    for i, line in enumerate(lines):
        m = _HEADING.match(line)
        if m and "recommendation" in m.group(2).lower() and not _REC_HEADING.match(m.group(2)):
            start, level = i, len(m.group(1))
    if start is None:
        return None
    headings, items = set(), 0
    for line in lines[start + 1:]:
        m = _HEADING.match(line)
        if m and len(m.group(1)) <= level:
            break
        if m and _REC_HEADING.match(m.group(2)):
            headings.add(int(_REC_HEADING.match(m.group(2)).group(1)))
        elif _ITEM.match(line):
            items += 1
    return (len(headings) if headings else items), start + 1


def check_review(review: Review, rel, today: dt.date) -> list[Finding]:
    """`rel(path)` turns a file path into the display path."""
    out: list[Finding] = []
    meta = review.meta
    ry = rel(review.dir / "review.yml")
    src = review.sources.get("review.yml")
    p = meta.process
    steps = [("notified", p.notified), ("completed", p.completed), ("signed_off", p.signed_off),
             ("submitted", p.submitted)]
    if meta.clearance:
        steps.append(("clearance.date", meta.clearance.date))
    previous = ("death", meta.death) if meta.death else None
    for key, value in steps:
        if value is None:
            continue
        loc = tuple(key.split(".")) if "." in key else ("process", key)
        if previous and value.last_day < previous[1].first_day:
            out.append(_finding(ry, src, loc, "CN108", "PROCESS_DATE", "error",
                                f"{key.replace('_', ' ')} ({value.human()}) is before "
                                f"{previous[0].replace('_', ' ')} ({previous[1].human()})",
                                "correct whichever date is wrong", review.slug))
        if value.first_day > today:
            out.append(_finding(ry, src, loc, "CN109", "PROCESS_DATE", "error",
                                f"{key.replace('_', ' ')} is dated {value.human()}, which is in the future",
                                "record a step once it has happened", review.slug))
        previous = (key, value)

    plan = review.plan
    if plan is None:
        return out
    py = rel(review.plan_path)
    psrc = review.sources.get("action-plan.yml")
    as_of = plan.as_of.first_day
    for i, rec in enumerate(plan.recommendations):
        if not rec.actions:
            out.append(_finding(py, psrc, ("recommendations", i, "id"), "CN102", "ACTION_PLAN", "error",
                                f"recommendation {rec.id} has no action",
                                "add at least one action saying who will do what, by when", review.slug))
        for j, a in enumerate(rec.actions):
            base = ("recommendations", i, "actions", j)
            if not a.lead:
                out.append(_finding(py, psrc, base + ("id",), "CN104", "ACTION_PLAN", "warning",
                                    f"action {a.id} has no lead", "add 'lead:' with a role (not a name)",
                                    review.slug))
            if a.target is None:
                out.append(_finding(py, psrc, base + ("id",), "CN105", "ACTION_PLAN", "warning",
                                    f"action {a.id} has no target",
                                    "add 'target:' with a date, a month (2024-06) or 'ongoing'", review.slug))
            if a.status is Status.complete and a.completed is None:
                out.append(_finding(py, psrc, base + ("status",), "CN106", "ACTION_PLAN", "warning",
                                    f"action {a.id} is complete but has no completion date",
                                    "add 'completed:' with the date or month it was done", review.slug))
            if a.status in (Status.withdrawn, Status.superseded) and not a.reason:
                out.append(_finding(py, psrc, base + ("status",), "CN107", "ACTION_PLAN", "error",
                                    f"action {a.id} is {a.status.value} without a reason",
                                    "add 'reason:' saying why it was dropped or what replaced it", review.slug))
            for k, u in enumerate(a.updates):
                if u.date.first_day > as_of or u.date.first_day > today:
                    limit = "the plan's as_of date" if u.date.first_day > as_of else "today"
                    out.append(_finding(py, psrc, base + ("updates", k, "date"), "CN103", "ACTION_PLAN", "error",
                                        f"update to {a.id} is dated {u.date.human()}, after {limit}",
                                        "correct the date, or move the plan's as_of forward", review.slug))

    report = review.documents.get("overview-report.md")
    overview = [r for r in plan.recommendations if r.level is Level.overview]
    if report is not None and overview:
        counted = count_report_recommendations(report.body)
        if counted is not None and counted[0] != len(overview):
            n, line = counted
            out.append(_finding(rel(report.path), None, (), "CN101", "RECOMMENDATION_COUNT", "error",
                                f"the overview report makes {n} recommendation(s) but the action plan lists "
                                f"{len(overview)} overview recommendation(s)",
                                "make the report and action-plan.yml agree (was one recommendation split in two?)",
                                review.slug, line=line + report.body_line - 1))
    return out
