"""Open data: every published action plan as JSON and CSV, and an Atom feed of new
publications and action updates. The schema is stable and documented on the site's
"Open data" page (templates/open-data.md.j2); `SCHEMA` names its version.

JSON (`reviews/<slug>/action-plan.json`, and all plans in `data/action-plans.json`):
    {"schema": "reviewsite/action-plan/1", "review": {slug, title, type, partnership,
     published}, "as_of", "recommendations": [{id, level, agency, title, text,
     "actions": [{id, text, lead, agencies, target, status, overdue, stale, reason,
     completed, outcome, "updates": [{date, text}]}]}]}
CSV (`reviews/<slug>/action-plan.csv`, and `data/action-plans.csv`): one row per action with
the columns in CSV_COLUMNS; dates as YYYY-MM-DD or YYYY-MM; lists joined with "; ".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from xml.sax.saxutils import escape

from generator import tracking

SCHEMA = "reviewsite/action-plan/1"
CSV_COLUMNS = ["review", "review_title", "recommendation_id", "level", "recommendation_agency",
               "recommendation", "action_id", "action", "lead", "agencies", "target", "status", "overdue",
               "stale", "completed", "outcome", "latest_update_date", "latest_update", "updates"]


def _s(v):
    return None if v is None else str(v)


def plan_data(r, today: dt.date) -> dict:
    states = {id(s.action): s for s in tracking.progress(r.plan, today, r.published_on).states}
    return {
        "schema": SCHEMA,
        "review": {"slug": r.slug, "title": r.meta.title, "type": r.meta.type.value,
                   "partnership": r.meta.partnership, "published": r.published_on.isoformat()},
        "as_of": str(r.plan.as_of),
        "recommendations": [{
            "id": rec.id, "level": rec.level.value, "agency": rec.agency, "title": rec.title, "text": rec.text,
            "actions": [{
                "id": a.id, "text": a.text, "lead": a.lead, "agencies": list(a.agencies), "target": _s(a.target),
                "status": a.status.value, "overdue": states[id(a)].overdue, "stale": states[id(a)].stale,
                "reason": a.reason, "completed": _s(a.completed), "outcome": a.outcome,
                "updates": [{"date": str(u.date), "text": u.text} for u in sorted(a.updates, key=lambda u: u.date)],
            } for a in rec.actions],
        } for rec in r.plan.recommendations],
    }


def csv_rows(data: dict) -> list[dict]:
    rows = []
    for rec in data["recommendations"]:
        for a in rec["actions"]:
            latest = a["updates"][-1] if a["updates"] else {"date": None, "text": None}
            rows.append({
                "review": data["review"]["slug"], "review_title": data["review"]["title"],
                "recommendation_id": rec["id"], "level": rec["level"], "recommendation_agency": rec["agency"],
                "recommendation": rec["text"], "action_id": a["id"], "action": a["text"], "lead": a["lead"],
                "agencies": "; ".join(a["agencies"]), "target": a["target"], "status": a["status"],
                "overdue": "yes" if a["overdue"] else "no", "stale": "yes" if a["stale"] else "no",
                "completed": a["completed"], "outcome": a["outcome"], "latest_update_date": latest["date"],
                "latest_update": latest["text"], "updates": len(a["updates"]),
            })
    return rows


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return buf.getvalue()


def to_json(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def atom_feed(reviews, settings, today: dt.date, limit: int = 100) -> str:
    """New publications and action updates of published reviews, newest first. Links are
    relative to the feed (at the site root), so the site works from any sub-path."""
    entries = []
    for r in reviews:
        entries.append((r.published_on, f"{r.slug}/published", f"Published: {r.meta.title} ({r.meta.type.label})",
                        f"reviews/{r.slug}/", r.meta.summary or ""))
        for a in r.meta.amendments:
            entries.append((a.date.first_day, f"{r.slug}/amended/{a.date}", f"Updated: {r.meta.title}",
                            f"reviews/{r.slug}/", a.note))
        if r.plan is not None:
            for rec in r.plan.recommendations:
                for act in rec.actions:
                    for u in act.updates:
                        entries.append((u.date.first_day, f"{r.slug}/{act.id}/{u.date}",
                                        f"{r.meta.title}, action {act.id}: progress update",
                                        f"reviews/{r.slug}/action-plan/", u.text))
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)
    entries = entries[:limit]
    updated = max((e[0] for e in entries), default=today)
    tag = "tag:reviewsite," + str(updated.year)
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"  <title>{escape(settings.title)}: publications and action updates</title>",
           f"  <id>{tag}:{escape(settings.partnership.name.replace(' ', '-').lower())}</id>",
           f"  <updated>{updated.isoformat()}T00:00:00Z</updated>",
           f"  <author><name>{escape(settings.partnership.name)}</name></author>",
           '  <link rel="self" href="feed.xml"/>']
    for date, ident, title, link, text in entries:
        out += ["  <entry>",
                f"    <title>{escape(title)}</title>",
                f"    <id>{tag}:{escape(ident)}</id>",
                f"    <updated>{date.isoformat()}T00:00:00Z</updated>",
                f'    <link href="{escape(link)}"/>',
                f"    <summary>{escape(text.strip())}</summary>",
                "  </entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"
