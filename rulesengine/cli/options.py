"""The options and values more than one command module takes: ``--db``, ``--json``,
``--limit``, ``--now`` and ``--date``, declared once and read the same way everywhere.

Kept free of heavy imports: the run-date and queue-clock checks are imported when a value is
read, not when ``rulesengine`` starts (start-up time).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import click

from rulesengine.errors import RunRefused

__all__ = [
    "LIMIT",
    "MAX_INT",
    "db_option",
    "json_option",
    "now_option",
    "parse_date",
    "parse_now",
]

_F = TypeVar("_F", bound=Callable[..., Any])

#: The largest id or limit a store can hold (a signed 64-bit integer).
MAX_INT = 2**63 - 1
#: ``--limit``: how many notifications at most, from 1 to :data:`MAX_INT`.
LIMIT = click.IntRange(1, MAX_INT)


def db_option(func: _F) -> _F:
    """``--db URL`` (or ``RULESENGINE_DB``): the store every command reads and writes."""
    return click.option(
        "--db",
        "db",
        envvar="RULESENGINE_DB",
        default=None,
        metavar="URL",
        help="Store: a path or sqlite:///path (default ./rulesengine.db), or postgresql://...",
    )(func)


def json_option(func: _F) -> _F:
    """``--json``: machine-readable output where a table is the default."""
    return click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")(func)


def now_option(func: _F) -> _F:
    """``--now T``: act at this instant instead of now (read with :func:`parse_now`)."""
    return click.option(
        "--now",
        "now_text",
        default=None,
        metavar="T",
        help="Act at this instant (ISO 8601 with its zone, e.g. 2026-02-01T15:00:00Z); "
        "default: now.",
    )(func)


def parse_now(text: str | None) -> dt.datetime | None:
    """The instant of ``--now`` (None: now), with its zone and within the supported ones."""
    from rulesengine.queue.clock import supported_instant  # start-up time

    if text is None:
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not a time; write it as ISO 8601 with its zone, "
            "such as 2026-02-01T15:00:00Z",
            param_hint="--now",
        ) from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise click.BadParameter(
            f"{text!r} has no zone; add one, such as Z or -06:00", param_hint="--now"
        )
    utc = supported_instant(value)
    if isinstance(utc, str):
        raise click.BadParameter(utc, param_hint="--now")
    return value


def parse_date(value: str, what: str = "--date") -> dt.date:
    """A run date: ``YYYY-MM-DD``, within the dates a run supports."""
    from rulesengine.statements.run_dates import check_run_date_supported  # start-up time

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; write it as YYYY-MM-DD", param_hint=what
        ) from None
    try:
        check_run_date_supported(day)
    except RunRefused as refused:
        raise click.BadParameter(str(refused), param_hint=what) from None
    return day
