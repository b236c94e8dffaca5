"""`reviewsite report --as-of DATE [--since DATE]`: a Markdown progress report for the
partnership's committee, covering every review's action plan (published or not: the report
is for the committee, not the public website).

Sections: counts by status per plan; what was completed since a date; what is overdue and by
how long; what is stale (no update for six months).
"""

from __future__ import annotations

import datetime as dt

from generator import tracking
from generator.dates import human_date


def _days(n: int) -> str:
    if n >= 60:
        return f"{n // 30} months"
    return f"{n} day{'s' if n != 1 else ''}"


def committee_report(reviews, as_of: dt.date, since: dt.date, partnership: str) -> str:
    lines = [f"# Action plan progress: {partnership}", "",
             f"Report as at {human_date(as_of)}; completions since {human_date(since)}.", ""]
    plans = [r for r in reviews if r.plan is not None]
    started = {r.slug: (r.meta.publication.date.first_day if r.meta.publication and r.meta.publication.date
                        else None) for r in plans}
    states = {r.slug: tracking.progress(r.plan, as_of, started[r.slug]) for r in plans}

    lines += ["## Summary", "", "| Plan | Actions | Complete | In progress | Not started | Ongoing | Overdue | Stale |",
              "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    totals = [0] * 7
    for r in plans:
        p = states[r.slug]
        row = [p.total, p.done, p.in_progress, p.count(tracking.Status.not_started),
               p.count(tracking.Status.ongoing), len(p.overdue), len(p.stale)]
        totals = [a + b for a, b in zip(totals, row)]
        lines.append(f"| {r.meta.title} ({r.slug}) | " + " | ".join(map(str, row)) + " |")
    lines.append("| **All plans** | " + " | ".join(f"**{n}**" for n in totals) + " |")
    lines.append("")

    done = [(r, s) for r in plans for s in states[r.slug].states
            if s.action.status is tracking.Status.complete and s.action.completed is not None
            and s.action.completed.last_day >= since and s.action.completed.first_day <= as_of]
    lines += [f"## Completed since {human_date(since)}", ""]
    lines += [f"- {r.meta.title}, {s.action.id}: {s.action.text} (completed {s.action.completed.human()})"
              + (f". Outcome: {s.action.outcome.strip()}" if s.action.outcome else "") for r, s in done] or ["None."]
    lines.append("")

    overdue = sorted(((r, s) for r in plans for s in states[r.slug].overdue), key=lambda rs: -rs[1].overdue_days)
    lines += ["## Overdue", "", "| Plan | Action | Lead | Target | Overdue by | Latest update |",
              "| --- | --- | --- | --- | --- | --- |"] if overdue else ["## Overdue", "", "None."]
    for r, s in overdue:
        latest = f"{s.latest.date.human()}: {s.latest.text.strip()}" if s.latest else "No updates"
        lines.append(f"| {r.meta.title} | {s.action.id}: {_cell(s.action.text)} | {_cell(s.action.lead or '')} | "
                     f"{s.action.target.human()} | {_days(s.overdue_days)} | {_cell(latest)} |")
    lines.append("")

    stale = [(r, s) for r in plans for s in states[r.slug].stale]
    lines += ["## Stale: no update for six months", ""]
    lines += [f"- {r.meta.title}, {s.action.id} ({s.action.lead or 'no lead'}): last update "
              f"{s.latest.date.human() if s.latest else 'never'}" for r, s in stale] or ["None."]
    lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")
