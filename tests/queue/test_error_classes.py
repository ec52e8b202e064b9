"""Which error class each refusal of the queue raises: :class:`NotFound` for a notification
or guarantor that does not exist, :class:`RefusedTransition` for an action a status does
not allow, :class:`InvalidRequest` for unusable argument values. Each is a
:class:`RulesengineError` (the CLI prints it and exits 1); the messages are unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from rulesengine.errors import InvalidRequest, NotFound, RefusedTransition, RulesengineError
from rulesengine.queue.clock import check_not_later, check_supported
from rulesengine.rules import load_rules
from rulesengine.statements.statement_run import run_statements
from tests.queue.helpers import STANDARD, chicago, draft, save

NINE = chicago(2026, 2, 1, 9)
TEN = chicago(2026, 2, 1, 10)
NOON = chicago(2026, 2, 3, 12)
RUN = dt.date(2026, 2, 1)


def _raised(call: Callable[[], Any]) -> RulesengineError:
    with pytest.raises(RulesengineError) as caught:
        call()
    return caught.value


def _assert_raises(error: type[RulesengineError], call: Callable[[], Any], message: str) -> None:
    """``call`` raises exactly ``error`` (not a sibling or the base) with ``message``."""
    raised = _raised(call)
    assert (type(raised), str(raised)) == (error, message)


# -- reads ---------------------------------------------------------------------------------------


def test_reads(qstore, make_queue) -> None:
    queue = make_queue()
    _assert_raises(NotFound, lambda: queue.get(999), "no notification 999")
    _assert_raises(
        InvalidRequest,
        lambda: queue.find(status="lost"),
        "unknown status 'lost'; the statuses are scheduled, sending, sent, error, canceled, "
        "suppressed, unknown, superseded",
    )


# -- staff actions -------------------------------------------------------------------------------


def test_staff_actions(qstore, make_queue) -> None:
    ids = save(qstore, draft("G1", at=NINE), draft("G2", at=TEN))
    queue = make_queue()
    queue.deliver(NINE)  # ids[0] sent, ids[1] still scheduled
    _assert_raises(
        InvalidRequest, lambda: queue.cancel([], TEN), "name at least one notification id"
    )
    _assert_raises(
        NotFound,
        lambda: queue.retry([998, 999], TEN),
        "nothing changed: no notification 998; no notification 999",
    )
    _assert_raises(
        RefusedTransition,
        lambda: queue.retry([ids[1]], TEN),
        f"nothing changed: notification {ids[1]} is scheduled: only error or unknown or "
        "canceled notifications can be retried",
    )
    # an unknown id and a refused status together: the status decides the class
    _assert_raises(
        RefusedTransition,
        lambda: queue.cancel([ids[0], 999], TEN),
        f"nothing changed: notification {ids[0]} is sent: only scheduled or error or unknown "
        "notifications can be canceled; no notification 999",
    )
    _assert_raises(
        RefusedTransition,
        lambda: queue.resolve([ids[1]], "sent", TEN),
        f"nothing changed: notification {ids[1]} is scheduled: only unknown notifications "
        "can be resolved",
    )
    _assert_raises(
        InvalidRequest,
        lambda: queue.resolve([ids[1]], "maybe", TEN),
        "resolve as 'sent' or 'resend', not 'maybe'",
    )


def test_opt_outs(qstore, make_queue) -> None:
    queue = make_queue()
    _assert_raises(
        NotFound,
        lambda: queue.opt_out("G404", "text", now=NINE),
        "no guarantor 'G404' in the store",
    )
    _assert_raises(
        InvalidRequest,
        lambda: queue.opt_out("G1", "sms", now=NINE),
        "unknown channel 'sms'; the channels are email, print, text",
    )
    _assert_raises(
        InvalidRequest,
        lambda: queue.opt_out("G1", "text", source=" ", now=NINE),
        "an opt-out needs a source, such as 'staff' or 'inbound STOP'",
    )


# -- on-demand notifications and proofs ----------------------------------------------------------


def test_on_demand_and_proofs(qstore, make_queue) -> None:
    rules = load_rules(STANDARD)
    queue = make_queue()
    _assert_raises(
        InvalidRequest,
        lambda: queue.notify("G1", "email", "reminder", rules, NOON),
        "guarantor 'G1' has had no live statement in profile 'standard' yet; on-demand "
        "notifications need one",
    )
    live = run_statements(qstore, rules, RUN, live=True)
    _assert_raises(
        NotFound,
        lambda: queue.notify("G404", "email", "reminder", rules, NOON),
        "no guarantor 'G404' in the store",
    )
    _assert_raises(
        InvalidRequest,
        lambda: queue.notify("G1", "email", "pay_now", rules, NOON),
        f"{rules.path} has no message 'pay_now'; its messages are final_notice, past_due, reminder",
    )
    _assert_raises(
        InvalidRequest,
        lambda: queue.notify("G1", "print", "reminder", rules, NOON),
        "message 'reminder' has no content for 'print' (it has email, text)",
    )
    _assert_raises(
        InvalidRequest,
        lambda: queue.add_proofs(live, rules, NOON),
        f"proofs are made from a test batch; {live.id} is a live batch",
    )


# -- instants ------------------------------------------------------------------------------------


def test_instants(tmp_path) -> None:
    from rulesengine.queue import Queue
    from rulesengine.store import open_store

    store = open_store(str(tmp_path / "q.db"))
    try:
        queue = Queue(store, channels={})
        naive = dt.datetime(2026, 2, 1, 15)
        _assert_raises(
            InvalidRequest,
            lambda: queue.deliver(naive),
            "a time needs its zone, such as 2026-02-01T15:00:00Z; got 2026-02-01T15:00:00",
        )
        late = dt.datetime(9999, 12, 31, 23, tzinfo=dt.UTC)
        assert type(_raised(lambda: queue.deliver(late))) is InvalidRequest
        assert type(_raised(lambda: queue.expire_leases(late))) is InvalidRequest
    finally:
        store.close()
    assert type(_raised(lambda: check_supported(dt.datetime(1899, 1, 1, tzinfo=dt.UTC)))) is (
        InvalidRequest
    )
    future = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    assert type(_raised(lambda: check_not_later(future))) is InvalidRequest
