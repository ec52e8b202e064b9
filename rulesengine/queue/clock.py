"""The queue's clock: the instant a delivery acts at, and the instants leases are measured on.

- **Simulated time**: an explicit ``now`` (scenario ``deliver:`` steps, tests) or a clock
  given to the :class:`~rulesengine.queue.Queue` is used as it is, whatever its date, up to
  :data:`LAST_INSTANT`.
- **Real time** (no ``now``, no clock given): on SQLite the machine's clock; on PostgreSQL
  the database server's (``clock_timestamp()``), read in the transaction that uses it. So
  workers on machines whose clocks disagree claim, renew and expire leases, and read due
  times and send windows, on one clock: a worker whose clock runs an hour ahead can no
  longer expire another worker's live claims or send before a window opens.
- ``rulesengine deliver --now T`` acts at an earlier instant only: :func:`check_not_later`
  refuses a ``T`` later than the real clock. Its claims' leases are still taken from the
  real clock (``Queue(leases_on_clock=True)``), so the workers running meanwhile neither
  expire them nor lose their own to it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, func, select

from rulesengine.errors import InvalidRequest
from rulesengine.store.rows import as_utc, utcnow

__all__ = [
    "FIRST_INSTANT",
    "LAST_INSTANT",
    "check_not_later",
    "check_supported",
    "database_now",
    "supported_instant",
]

#: The first instant the queue acts at (the calendar's first years leave no room for the
#: send windows and time zones before an instant).
FIRST_INSTANT = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)

#: The last instant the queue acts at: a month after the last run date
#: (:data:`rulesengine.statements.run_dates.LAST_RUN_DATE`), with room for send windows and
#: retries before the calendar ends.
LAST_INSTANT = dt.datetime(9999, 1, 31, tzinfo=dt.UTC)


def database_now(conn: Connection) -> dt.datetime:
    """The database server's clock (PostgreSQL ``clock_timestamp()``), aware UTC."""
    return as_utc(conn.execute(select(func.clock_timestamp())).scalar_one())


def supported_instant(instant: dt.datetime) -> dt.datetime | str:
    """``instant`` (aware) in UTC, or why the queue cannot act at it: outside
    :data:`FIRST_INSTANT` .. :data:`LAST_INSTANT` (send windows, time zones and retries must
    fit the calendar)."""
    try:
        utc = instant.astimezone(dt.UTC)
    except OverflowError:
        utc = None
    if utc is None or not FIRST_INSTANT <= utc <= LAST_INSTANT:
        return (
            f"{instant.isoformat()} is outside {FIRST_INSTANT:%Y-%m-%d} .."
            f" {LAST_INSTANT:%Y-%m-%d}, the instants the queue supports (send windows and"
            " retries must fit the calendar)"
        )
    return utc


def check_supported(instant: dt.datetime) -> dt.datetime:
    """``instant`` in UTC; :class:`~rulesengine.errors.InvalidRequest` when
    :func:`supported_instant` refuses it."""
    utc = supported_instant(instant)
    if isinstance(utc, str):
        raise InvalidRequest(utc)
    return utc


def check_not_later(instant: dt.datetime, what: str = "--now") -> None:
    """Refuse an instant later than the real clock: acting then would send outside the
    send windows that hold now and expire live workers' leases."""
    real = utcnow()
    if as_utc(instant) > real:
        raise InvalidRequest(
            f"{what} {instant.isoformat()} is later than the real clock"
            f" ({real.isoformat(timespec='seconds')}); {what} acts at an earlier instant,"
            " never a later one (a later one would hand over notifications before they are"
            " due and outside their send windows). Leave it out to deliver now."
        )
