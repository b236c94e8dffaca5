import datetime as dt

from generator.model import ActionPlan
from generator.tracking import progress


def plan(*actions, as_of="2024-06-30"):
    return ActionPlan.model_validate({"as_of": as_of, "recommendations": [
        {"id": "R1", "text": "A recommendation.", "actions": list(actions)}]})


def action(id, **kw):
    return {"id": id, "text": "Do something.", "lead": "Head of Service", **kw}


def test_month_target_falls_due_at_the_end_of_its_month():
    p = plan(action("A", target="2024-06", status="in-progress"))
    assert not progress(p, dt.date(2024, 6, 30)).overdue
    (s,) = progress(p, dt.date(2024, 7, 1)).overdue
    assert s.overdue_days == 1 and s.label == "Overdue (in progress)"


def test_complete_withdrawn_superseded_and_ongoing_are_never_overdue():
    p = plan(action("A", target="2020-01", status="complete", completed="2020-02"),
             action("B", target="2020-01", status="withdrawn", reason="Service decommissioned."),
             action("C", target="2020-01", status="superseded", reason="Replaced by R2."),
             action("D", target="ongoing", status="ongoing"),
             action("E", target="2020-01-15", status="not-started"))
    overdue = progress(p, dt.date(2024, 1, 1)).overdue
    assert [s.action.id for s in overdue] == ["E"]


def test_stale_means_no_update_for_six_months():
    p = plan(action("A", target="2025-01", status="in-progress", updates=[{"date": "2023-11", "text": "Started."}]),
             action("B", target="2025-01", status="in-progress", updates=[{"date": "2024-03-01", "text": "Going."}]),
             action("C", target="2025-01", status="not-started"),
             action("D", target="2020-01", status="complete", completed="2019-12"),
             as_of="2024-06-30")
    assert [s.action.id for s in progress(p, dt.date(2024, 6, 30)).stale] == ["A"]
    # Never updated: stale once the plan is six months old.
    assert [s.action.id for s in progress(p, dt.date(2024, 6, 30), started=dt.date(2023, 12, 1)).stale] == ["A", "C"]
