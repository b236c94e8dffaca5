"""Stage: track. Action statuses as of a date: what is overdue, what is stale, how far a plan has got.

Rules (each derived, never typed by hand):
- OVERDUE: the target has passed (a month-precision target falls due at the end of its month)
  and the action is not complete, withdrawn or superseded. `ongoing` targets are never overdue.
- STALE: an open action whose latest update (or, with none, the plan's start) is more than
  six months before the plan's `as_of` date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.dates import PartialDate
from generator.model import Action, ActionPlan, Recommendation, Status

STALE_AFTER_DAYS = 183  # six months


@dataclass(frozen=True)
class ActionState:
    recommendation: Recommendation
    action: Action
    overdue: bool
    overdue_days: int
    stale: bool
    latest_update: PartialDate | None

    @property
    def open(self) -> bool:
        return not self.action.status.closed

    @property
    def latest(self):
        """The most recent update, or None."""
        return max(self.action.updates, key=lambda u: u.date, default=None)

    @property
    def label(self) -> str:
        """Status as text (never colour alone): 'Overdue (in progress)', 'Complete'..."""
        base = self.action.status.label
        return f"Overdue ({base.lower()})" if self.overdue else base


@dataclass
class PlanProgress:
    states: list[ActionState] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(s.action.status is status for s in self.states)

    @property
    def total(self) -> int:
        return len(self.states)

    @property
    def done(self) -> int:
        return self.count(Status.complete)

    @property
    def open(self) -> list[ActionState]:
        return [s for s in self.states if s.open]

    @property
    def overdue(self) -> list[ActionState]:
        return [s for s in self.states if s.overdue]

    @property
    def stale(self) -> list[ActionState]:
        return [s for s in self.states if s.stale]


def is_overdue(action: Action, today: dt.date) -> tuple[bool, int]:
    if action.status.closed or action.target is None or action.target == "ongoing":
        return False, 0
    due = action.target.last_day
    if due < today:
        return True, (today - due).days
    return False, 0


def latest_update(action: Action) -> PartialDate | None:
    return max((u.date for u in action.updates), default=None)


def is_stale(action: Action, as_of: dt.date) -> bool:
    if action.status.closed:
        return False
    last = latest_update(action)
    if last is None:
        return False  # never updated: reported as "no updates yet", not stale
    return (as_of - last.last_day).days > STALE_AFTER_DAYS


def progress(plan: ActionPlan | None, today: dt.date) -> PlanProgress:
    out = PlanProgress()
    if plan is None:
        return out
    as_of = plan.as_of.first_day
    for rec in plan.recommendations:
        for action in rec.actions:
            overdue, days = is_overdue(action, today)
            out.states.append(ActionState(rec, action, overdue, days, is_stale(action, as_of), latest_update(action)))
    return out
