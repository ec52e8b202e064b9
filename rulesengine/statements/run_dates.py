"""Which run dates a statement run accepts.

Two limits, because a live run's date is forever (live runs move forward: once a profile
has a live batch on a date, every earlier date is refused):

- every run (live, test, ``diff``, ``explain``, scenario steps) is dated at most
  :data:`LAST_RUN_DATE`, so its due date, send windows and retry times still fit the
  calendar, which ends on 9999-12-31;
- the command line refuses a *live* run dated more than :data:`FUTURE_DAYS` days after
  today (the real clock's date in the profile's time zone) unless ``--allow-future`` is
  given: a typo such as ``2062-02-01`` for ``2026-02-01`` would otherwise lock the profile
  out of every real date. Test runs persist nothing and scenario steps are simulations:
  they keep any date up to :data:`LAST_RUN_DATE`.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rulesengine.errors import InvalidRequest, RunRefused
from rulesengine.model import given, is_date

__all__ = [
    "FUTURE_DAYS",
    "FIRST_RUN_DATE",
    "LAST_RUN_DATE",
    "check_due_date_fits",
    "check_live_date_is_near",
    "check_run_date_supported",
    "today_in",
]

#: The last date a run may have: a year before the calendar ends, so a run's due date,
#: its notifications' send windows and their retries all have room.
LAST_RUN_DATE = dt.date(9998, 12, 31)
#: The first date a run may have (the queue's first instant: the calendar's first years
#: leave no room for time zones and send windows).
FIRST_RUN_DATE = dt.date(1900, 1, 2)
#: How many days after today a live run may be dated without ``--allow-future``.
FUTURE_DAYS = 31


def today_in(zone_name: str | None) -> dt.date:
    """Today's date on the real clock in the time zone ``zone_name`` (UTC when it is
    empty or unknown)."""
    try:
        zone: dt.tzinfo = ZoneInfo(zone_name) if zone_name else dt.UTC
    except (ZoneInfoNotFoundError, ValueError):
        zone = dt.UTC
    return dt.datetime.now(zone).date()


def check_run_date_supported(run_date: dt.date) -> None:
    """Refuse a run date that is not a :class:`datetime.date` (a ``str`` or a
    ``datetime``: :class:`~rulesengine.errors.InvalidRequest`), or one before
    :data:`FIRST_RUN_DATE` or after :data:`LAST_RUN_DATE`."""
    if not is_date(run_date):
        raise InvalidRequest(f"run_date must be a datetime.date, got {given(run_date)}")
    if run_date < FIRST_RUN_DATE:
        raise RunRefused(
            f"the run date {run_date.isoformat()} is before {FIRST_RUN_DATE.isoformat()}, the"
            " first run date rulesengine supports; check the date"
        )
    if run_date > LAST_RUN_DATE:
        raise RunRefused(
            f"the run date {run_date.isoformat()} is after {LAST_RUN_DATE.isoformat()}, the"
            " last run date rulesengine supports (a run's due date and send times must fit"
            " the calendar); check the date"
        )


def check_due_date_fits(run_date: dt.date, due_days: int) -> None:
    """Refuse a run whose due date (``run_date + due_days``) would be past the calendar."""
    if due_days > (dt.date.max - run_date).days:
        raise RunRefused(
            f"profile.due_days ({due_days}) puts the due date of a run on"
            f" {run_date.isoformat()} past {dt.date.max.isoformat()}; give the number of"
            " days a patient has to pay, such as 21"
        )


def check_live_date_is_near(
    run_date: dt.date, zone_name: str | None, *, today: dt.date | None = None
) -> None:
    """Refuse a live run dated more than :data:`FUTURE_DAYS` days after today (in the
    profile's time zone ``zone_name``)."""
    today = today_in(zone_name) if today is None else today
    ahead = (run_date - today).days
    if ahead > FUTURE_DAYS:
        where = zone_name or "UTC"
        raise RunRefused(
            f"--date {run_date.isoformat()} is {ahead} days after today"
            f" ({today.isoformat()} in {where}); a live run dated more than {FUTURE_DAYS}"
            " days ahead is refused, because live runs move forward and every earlier date"
            " would be refused after it. Check the date, use --test to see what a run on"
            " that date would do, or add --allow-future if you mean it."
        )
