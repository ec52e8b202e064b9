"""A statement run against the store: the transaction around :func:`evaluate`.

A live run reads its input and writes its batch inside one store transaction that holds the
profile's run lock, so it is atomic (all or nothing), idempotent per (profile, run date)
(a repeat reports the stored batch and changes nothing) and moves forward (a date before
the profile's latest live run is refused). A test run reads the same input and writes
nothing.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from rulesengine.drafting.notification_drafts import ChannelAddressing, pay_link
from rulesengine.errors import InvalidRequest, LiveRunBeforeLatest, RunRefused
from rulesengine.model import (
    LEVEL_MAX,
    MONEY_MAX_CENTS,
    STATEMENTS_SENT_MAX,
    BatchResult,
    format_money,
    given,
)
from rulesengine.queue.batch_upload import superseded_detail, upload_batch
from rulesengine.queue.notification_reads import uploaded_statuses, with_notifications
from rulesengine.rules.policy import Rules
from rulesengine.statements.evaluate import evaluate
from rulesengine.statements.phases import PhaseClock
from rulesengine.statements.run_dates import check_due_date_fits, check_run_date_supported
from rulesengine.store.base import RunInput, Store
from rulesengine.store.bulk_load import collector_paused
from rulesengine.store.rows import utcnow

if TYPE_CHECKING:
    import pluggy

    from rulesengine.store.sql_store import SQLStore

__all__ = ["run_statements"]


def run_statements(
    store: SQLStore,
    rules: Rules,
    run_date: dt.date,
    *,
    live: bool,
    addressing: ChannelAddressing | None = None,
    plugin_manager: pluggy.PluginManager | None = None,
    timings: dict[str, float] | None = None,
    progress: Callable[[str], None] | None = None,
) -> BatchResult:
    """Run ``rules`` on ``run_date``; commit and upload when ``live``.

    :param addressing: channel name -> the guarantor contact it needs (default: the
        built-in channels').
    :param plugin_manager: whose ``batch_uploaded`` observers hear of a new live batch once
        it is committed (default: the installed plugins).
    :param timings: when given, seconds spent per phase are added to it (``load``,
        ``evaluate`` with its ``decide`` and ``upload`` parts, ``save``): for benchmarks.
    :param progress: when given, called with the name of each of those phases as it
        starts: for a progress display (the command line shows one on a terminal).
    :raises InvalidRequest: ``run_date`` is not a :class:`datetime.date` (a ``str``, a
        ``datetime``), ``live`` not True or False, ``store`` or ``rules`` not what
        :func:`~rulesengine.open_store` and :func:`~rulesengine.load_rules` return.
    :raises LiveRunBeforeLatest: a live run dated before the profile's latest live run.
    :raises RunRefused: a run dated after
        :data:`~rulesengine.statements.run_dates.LAST_RUN_DATE`, or whose due date would be
        past the calendar's end.
    """
    _check_run_arguments(store, rules, live)
    check_run_date_supported(run_date)
    check_due_date_fits(run_date, rules.profile.due_days)
    clock = PhaseClock(timings, on_start=progress)
    secret = store.secret()
    # Python's cyclic collector is paused for the run: it builds millions of small objects
    # that all live until it ends, and each full collection would walk all of them again
    # (a million-encounter run's evaluation grew faster than the ledger). It stays paused
    # until the observers have heard of the batch: loading the plugins for them would
    # otherwise start full collections over the whole batch.
    with collector_paused():
        with store.run_transaction(rules.profile.id, live=live) as tx:
            if live:
                latest = tx.latest_live_batch()
                if latest is not None:
                    latest_id, latest_date = latest
                    if run_date == latest_date:
                        return with_notifications(tx.connection, tx.load_batch(latest_id))
                    if run_date < latest_date:
                        raise LiveRunBeforeLatest(
                            rules.profile.id, run_date, latest_date, latest_id
                        )
            with clock("load"):
                run_input = tx.load_input(run_date)
                _refuse_amounts_past_the_maximum(run_input)
                _refuse_counters_past_the_maximum(run_input)
            with clock("evaluate"):
                batch = evaluate(
                    rules,
                    run_input,
                    run_date,
                    mode="live" if live else "test",
                    secret=secret,
                    addressing=addressing,
                    timings=timings,
                )
            # The batch keeps what it needs of the input; the rest (a million encounters in a
            # large run) is freed before the commit needs memory of its own.
            del run_input
            if live:
                with clock("save"):  # the text the rules were loaded from, under their hash
                    at = utcnow()
                    links = {s.id: pay_link(rules, s.id, secret) for s in batch.statements}
                    tx.save_batch(batch, rules.source_text, at, pay_links=links)
                    superseded = upload_batch(tx.connection, batch, at)
                if superseded:
                    batch = attrs.evolve(batch, superseded=superseded)
        if live:
            _announce(store, batch, plugin_manager)
    return batch


def _check_run_arguments(store: object, rules: object, live: object) -> None:
    """A live run cannot be taken back: refuse a ``live`` that is not exactly True or False
    (``"no"`` is truthy), and a store or rules of the wrong kind, before anything runs."""
    if not isinstance(live, bool):
        raise InvalidRequest(f"live must be True or False, got {given(live)}")
    if not isinstance(store, Store):
        raise InvalidRequest(f"store must be an open store (open_store(url)), got {given(store)}")
    if not isinstance(rules, Rules):
        raise InvalidRequest(f"rules must be loaded rules (load_rules(path)), got {given(rules)}")


def _refuse_amounts_past_the_maximum(run_input: RunInput) -> None:
    """Refuse a run over amounts past the maximum (an older version imported any amount).

    Every amount is at most :data:`~rulesengine.model.MONEY_MAX_CENTS` either side of zero,
    which keeps every total the run stores inside 64 bits; a store written before that
    bound could hold more, and a total past 64 bits would fail the run's commit.
    """
    limit = MONEY_MAX_CENTS
    bad = [e.id for e in run_input.encounters if not -limit <= e.balance_cents <= limit]
    bad += [
        p.encounter_id
        for payments in run_input.unreviewed_payments.values()
        for p in payments
        if not -limit <= p.amount_cents <= limit
    ]
    if bad:
        ids = sorted(set(bad))
        shown = ", ".join(repr(i) for i in ids[:10]) + (
            f" and {len(ids) - 10} more" if len(ids) > 10 else ""
        )
        raise RunRefused(
            f"{'encounters' if len(ids) > 1 else 'encounter'} {shown}: a balance or payment"
            f" in the store is past the maximum amount of {format_money(limit)} either side"
            " of zero (an older version of rulesengine imported any amount, and adjustments"
            " add to a balance); correct the ledger and import it again"
        )


def _refuse_counters_past_the_maximum(run_input: RunInput) -> None:
    """Refuse a run over a level or statement count past its maximum (an older version
    imported any whole number, and one past 64 bits failed every run's commit)."""
    ids = sorted(
        {
            e.id
            for e in run_input.encounters
            if not 0 <= e.level <= LEVEL_MAX or not 0 <= e.statements_sent <= STATEMENTS_SENT_MAX
        }
    )
    if ids:
        shown = ", ".join(repr(i) for i in ids[:10]) + (
            f" and {len(ids) - 10} more" if len(ids) > 10 else ""
        )
        raise RunRefused(
            f"{'encounters' if len(ids) > 1 else 'encounter'} {shown}: a level or statement"
            f" count in the store is past its maximum (level at most {LEVEL_MAX:,},"
            f" statements_sent at most {STATEMENTS_SENT_MAX:,}; an older version of"
            " rulesengine imported any whole number); correct the ledger and import it again"
        )


def _announce(
    store: SQLStore, batch: BatchResult, plugin_manager: pluggy.PluginManager | None
) -> None:
    """After the commit (observers' errors are only logged): ``notification_status_changed``
    observers hear of every notification the batch queued (``None`` -> ``scheduled`` or
    ``suppressed``, with the reason), then of those it superseded; then ``batch_uploaded``
    observers. The notifications are read back in one query, and only when a plugin
    implements ``notification_status_changed``."""
    from rulesengine.channels.manager import (
        get_plugin_manager,
        has_observers,
        notify_each,
        notify_observers,
    )

    pm = plugin_manager or get_plugin_manager()
    if has_observers(pm, "notification_status_changed"):
        uploaded = uploaded_statuses(store, batch.id) if batch.notifications else []
        detail = superseded_detail(batch.id)
        changes: Iterable[Mapping[str, Any]] = itertools.chain(
            (
                {"notification_id": nid, "old_status": None, "new_status": status, "detail": why}
                for nid, status, why in uploaded
            ),
            (
                {
                    "notification_id": nid,
                    "old_status": "scheduled",
                    "new_status": "superseded",
                    "detail": detail,
                }
                for nid in batch.superseded
            ),
        )
        notify_each(pm, "notification_status_changed", changes)
    notify_observers(
        pm,
        "batch_uploaded",
        batch_id=batch.id,
        profile_id=batch.profile_id,
        notifications=len(batch.notifications),
    )
