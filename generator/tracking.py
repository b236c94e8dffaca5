"""Stage: track. Action statuses as of a date: what is overdue, what is stale, how far a plan has got.

Rules (each derived, never typed by hand):
- OVERDUE: the target has passed (a month-precision target falls due at the end of its month)
  and the action is not complete, withdrawn or superseded. `ongoing` targets are never overdue.
- STALE: an open action whose latest update is more than six months old on the day the site
  (or report) is made; an open action never updated is stale once the plan is six months old
  (counted from the review's publication date, when known).
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
    def history(self):
        """Every update, oldest first."""
        return sorted(self.action.updates, key=lambda u: u.date)

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

    @property
    def in_progress(self) -> int:
        return self.count(Status.in_progress)



def is_overdue(action: Action, today: dt.date) -> tuple[bool, int]:
    if action.status.closed or action.target is None or action.target == "ongoing":
        return False, 0
    due = action.target.last_day
    if due < today:
        return True, (today - due).days
    return False, 0


def latest_update(action: Action) -> PartialDate | None:
    return max((u.date for u in action.updates), default=None)


def is_stale(action: Action, today: dt.date, started: dt.date | None = None) -> bool:
    if action.status.closed:
        return False
    last = latest_update(action)
    since = last.last_day if last is not None else started
    if since is None:
        return False
    return (today - since).days > STALE_AFTER_DAYS


def progress(plan: ActionPlan | None, today: dt.date, started: dt.date | None = None) -> PlanProgress:
    out = PlanProgress()
    if plan is None:
        return out
    for rec in plan.recommendations:
        for action in rec.actions:
            overdue, days = is_overdue(action, today)
            out.states.append(ActionState(rec, action, overdue, days, is_stale(action, today, started),
                                          latest_update(action)))
    return out


# --- across reviews ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Tracked:
    """One action of one published review, with its state."""

    slug: str
    title: str
    themes: tuple
    state: ActionState

    @property
    def agencies(self) -> list[str]:
        a = self.state.action.agencies or ([self.state.recommendation.agency] if self.state.recommendation.agency
                                           else [])
        return list(a) or ["Agency not stated"]


def track_all(reviews, today: dt.date) -> list[Tracked]:
    """Every action of the given published reviews (objects with slug, meta, plan, published_on)."""
    out = []
    for r in reviews:
        if r.plan is None:
            continue
        for s in progress(r.plan, today, r.published_on).states:
            out.append(Tracked(r.slug, r.meta.title, tuple(r.meta.themes), s))
    return out


def open_actions(tracked: list[Tracked]) -> list[Tracked]:
    """Open actions, overdue first (most overdue first), then by target date."""
    def key(t: Tracked):
        target = t.state.action.target
        due = target.last_day if target not in (None, "ongoing") else dt.date.max
        return (not t.state.overdue, -t.state.overdue_days, due, t.slug, t.state.action.id)
    return sorted((t for t in tracked if t.state.open), key=key)


def by_agency(tracked: list[Tracked]) -> dict[str, list[Tracked]]:
    out: dict[str, list[Tracked]] = {}
    for t in tracked:
        for agency in t.agencies:
            out.setdefault(agency, []).append(t)
    return dict(sorted(out.items()))


def by_theme(tracked: list[Tracked]) -> dict[str, list[Tracked]]:
    out: dict[str, list[Tracked]] = {}
    for t in tracked:
        for theme in t.themes:
            out.setdefault(theme, []).append(t)
    return dict(sorted(out.items()))


def status_counts(tracked: list[Tracked]) -> dict[str, int]:
    order = ["Overdue", "Not started", "In progress", "Ongoing", "Complete", "Withdrawn", "Superseded"]
    counts = {k: 0 for k in order}
    for t in tracked:
        key = "Overdue" if t.state.overdue else t.state.action.status.label
        counts[key] = counts.get(key, 0) + 1
    return {k: v for k, v in counts.items() if v}


def completed_by_year(tracked: list[Tracked]) -> dict[int, int]:
    out: dict[int, int] = {}
    for t in tracked:
        done = t.state.action.completed
        if t.state.action.status is Status.complete and done is not None:
            out[done.year] = out.get(done.year, 0) + 1
    return dict(sorted(out.items()))


@dataclass(frozen=True)
class Timeliness:
    slug: str
    title: str
    months_to_complete: float | None  # Home Office notified -> review completed (expected: 6)
    months_to_clearance: float | None  # submitted -> cleared

    @property
    def late(self) -> bool:
        return self.months_to_complete is not None and self.months_to_complete > 6


def timeliness(reviews) -> list[Timeliness]:
    from generator.dates import months_between

    out = []
    for r in reviews:
        p, c = r.meta.process, r.meta.clearance
        if not r.meta.type.is_review_of_a_death:
            continue
        complete = months_between(p.notified.first_day, p.completed.last_day) if p.notified and p.completed else None
        cleared = months_between(p.submitted.first_day, c.date.first_day) if p.submitted and c else None
        out.append(Timeliness(r.slug, r.meta.title, complete, cleared))
    return out
