"""Dates as editors write them: a day (`2021-03-14`), a month (`2021-03`) or, for targets,
`ongoing`. Month precision is first-class: a month-precision target falls due at the end
of its month, and a month is shown as "March 2021", never as a made-up day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class DateFormatError(ValueError):
    pass


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A calendar day, or a whole month when `day` is None."""

    year: int
    month: int
    day: int | None = None

    @classmethod
    def parse(cls, value) -> "PartialDate":
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if not isinstance(value, str):
            raise DateFormatError(f"expected a date such as 2021-03-14 or a month such as 2021-03, got {value!r}")
        text = value.strip()
        m = _DAY.match(text)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            _valid_month(y, mo, text)
            last = calendar.monthrange(y, mo)[1]
            if not 1 <= d <= last:
                raise DateFormatError(
                    f"{text} is not a real date: {calendar.month_name[mo]} {y} has {last} days"
                )
            return cls(y, mo, d)
        m = _MONTH.match(text)
        if m:
            y, mo = (int(g) for g in m.groups())
            _valid_month(y, mo, text)
            return cls(y, mo, None)
        raise DateFormatError(
            f"{text!r} is not a date: write a day as YYYY-MM-DD (2021-03-14) or a month as YYYY-MM (2021-03)"
        )

    @property
    def is_month(self) -> bool:
        return self.day is None

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The day this date is over: for a month, its last day."""
        return dt.date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])

    def __lt__(self, other):
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month, self.day or 0) < (other.year, other.month, other.day or 0)

    def __str__(self) -> str:  # the YAML form
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    def human(self) -> str:
        """'14 March 2021' or 'March 2021' (GOV.UK style)."""
        month = calendar.month_name[self.month]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"


def _valid_month(y: int, mo: int, text: str) -> None:
    if not 1 <= mo <= 12:
        raise DateFormatError(f"{text} is not a real date: month {mo:02d} does not exist")
    if not 1900 <= y <= 2200:
        raise DateFormatError(f"{text}: the year {y} is out of range")


def human_date(d: dt.date) -> str:
    return f"{d.day} {calendar.month_name[d.month]} {d.year}"


def months_between(a: dt.date, b: dt.date) -> float:
    """Whole and fractional months from a to b (b later), for timeliness figures."""
    return (b - a).days / (365.2425 / 12)
