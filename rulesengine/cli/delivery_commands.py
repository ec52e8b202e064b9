"""The delivery commands: ``deliver`` (hand due notifications to their channels, once or
until none is due) and ``worker`` (deliver continuously until SIGTERM or SIGINT)
(docs/queue.md).

The queue and the store are imported when a command runs, not when ``rulesengine`` starts:
start-up time.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from rulesengine.cli.options import LIMIT, db_option, json_option, now_option, parse_now
from rulesengine.cli.store_access import open_command_queue
from rulesengine.plurals import counted

__all__ = [
    "COMMANDS",
    "deliver",
    "deliver_summary_line",
    "worker",
]

# --- deliver ----------------------------------------------------------------------------------


#: How the one-line summary names the status a delivery left notifications in.
_ENDED_AS = {"scheduled": "to retry later (see rulesengine queue --status scheduled)"}


def deliver_summary_line(counts: dict[str, int], deferred: int, waiting: int) -> str:
    """The line ``rulesengine deliver`` prints: how many notifications ended in each status,
    were deferred to their send window, or wait for a channel that is not installed."""
    parts = [f"{n} {_ENDED_AS.get(status, status)}" for status, n in sorted(counts.items())]
    if deferred:
        parts.append(f"{deferred} deferred to {'its' if deferred == 1 else 'their'} send window")
    if waiting:
        parts.append(f"{waiting} waiting for a channel that is not installed")
    return "delivered: " + (", ".join(parts) if parts else "nothing was due")


_serial_option = click.option(
    "--serial",
    is_flag=True,
    help="Call the channels one after the other on one thread, each round finished before "
    "the next (for channel plugins that cannot run on a thread of their own).",
)


@click.command()
@click.option("--until-empty", is_flag=True, help="Repeat until no notification is due.")
@click.option(
    "--limit", default=100, show_default=True, type=LIMIT, help="Most notifications per round."
)
@_serial_option
@now_option
@db_option
@json_option
@click.pass_context
def deliver(
    ctx: click.Context,
    until_empty: bool,
    limit: int,
    serial: bool,
    now_text: str | None,
    db: str | None,
    as_json: bool,
) -> None:
    """Hand due notifications to their channels once (or until none is due).

    --now acts at an earlier instant (what was due then, in the send windows of then),
    never a later one than the real clock; leases are always on the real clock.
    """
    from rulesengine.queue.clock import check_not_later

    now = parse_now(now_text)
    if now is not None:
        check_not_later(now)
    with open_command_queue(ctx, db, concurrent_channels=not serial, leases_on_clock=True) as q:
        report = q.deliver(now, until_empty=until_empty, limit=limit)
    if as_json:
        click.echo(json.dumps(report.as_json(), indent=2))
    else:
        click.echo(
            deliver_summary_line(dict(report.counts), len(report.deferred), len(report.waiting))
        )


# --- worker -----------------------------------------------------------------------------------


@contextmanager
def _stop_on_signals(stop: threading.Event, caught: list[str]) -> Iterator[None]:
    """SIGTERM and SIGINT set ``stop`` (the current round finishes first)."""

    def handler(signum: int, _frame: Any) -> None:
        caught.append(signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


#: The longest ``--poll`` (an idle worker looks again at least hourly) and ``--lease``.
_MAX_POLL_SECONDS = 3600.0
_MAX_LEASE_SECONDS = 86400.0


def _check_seconds(value: float, option: str, most: float) -> None:
    if not 0 < value <= most:  # also refuses nan
        raise click.BadParameter(
            f"{value} is not a number of seconds above 0 and at most {most:g}", param_hint=option
        )


@click.command()
@click.option("--poll", "poll", default=1.0, show_default=True, help="Seconds to wait when idle.")
@click.option("--worker-id", default=None, help="This worker's name (default host:pid:random).")
@click.option(
    "--limit", default=100, show_default=True, type=LIMIT, help="Most notifications per round."
)
@click.option(
    "--lease", default=300.0, show_default=True, help="Seconds a claim is held (renewed)."
)
@_serial_option
@db_option
@click.pass_context
def worker(
    ctx: click.Context,
    poll: float,
    worker_id: str | None,
    limit: int,
    lease: float,
    serial: bool,
    db: str | None,
) -> None:
    """Deliver continuously; stop cleanly on SIGTERM or SIGINT.

    Many workers may run at once against PostgreSQL: each claims different notifications.
    """
    _check_seconds(poll, "--poll", _MAX_POLL_SECONDS)
    _check_seconds(lease, "--lease", _MAX_LEASE_SECONDS)
    stop = threading.Event()
    caught: list[str] = []
    with (
        _stop_on_signals(stop, caught),
        open_command_queue(
            ctx,
            db,
            create=True,
            worker_id=worker_id,
            lease_seconds=lease,
            concurrent_channels=not serial,
        ) as q,
    ):
        from rulesengine.store.redact import display_url

        where = display_url(q.store.url)
        click.echo(f"worker {q.worker_id} started on {where}; stop with SIGTERM or Ctrl-C")
        sys.stdout.flush()
        rounds = q.run_worker(stop, poll_seconds=poll, limit=limit)
    why = caught[0] if caught else "stop"
    click.echo(
        f"worker {q.worker_id} stopped on {why} after finishing its round"
        f" ({counted(rounds, 'round')})"
    )


#: Every command of this module, for ``main.add_command``.
COMMANDS: list[click.Command] = [deliver, worker]
