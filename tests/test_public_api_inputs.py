"""Bad input through the public API (``rulesengine.X``) is a :class:`RulesengineError` with a
message saying what was given, never a bare ``ValueError``, ``TypeError``, overflow or
driver error (``docs/embedding.md``). The failures that differed by database run on SQLite
and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import rulesengine
from tests.queue.helpers import chicago, draft, ledger, save

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules" / "standard.yaml"
DAY = dt.date(2026, 1, 3)


@pytest.fixture(params=("sqlite-file", "postgresql"))
def store(request: pytest.FixtureRequest, store_url_for: Any) -> Iterator[Any]:
    """A store with the queue tests' small ledger and one scheduled notification."""
    opened = rulesengine.open_store(store_url_for(request.param))
    opened.import_ledger(ledger())
    yield opened
    opened.close()


@pytest.fixture
def queue(store: Any) -> Iterator[Any]:
    with rulesengine.Queue(store, channels={}, worker_id="w1") as made:
        yield made


@pytest.fixture
def notification_id(store: Any) -> int:
    (nid,) = save(store, draft("G1", at=chicago(2026, 2, 2, 9)))
    return nid


# -- 1. limits and filters ------------------------------------------------------------------


@pytest.mark.parametrize("limit", [0, -1, True, "5"])
def test_deliver_refuses_a_limit_below_one(queue: Any, limit: Any) -> None:
    with pytest.raises(
        rulesengine.InvalidRequest, match="limit must be a whole number, at least 1"
    ):
        queue.deliver(chicago(2026, 2, 2, 10), limit=limit)


def test_find_refuses_a_negative_limit(queue: Any, notification_id: int) -> None:
    with pytest.raises(rulesengine.InvalidRequest, match=r"at least 0, got -1 \(int\)"):
        queue.find(limit=-1)
    assert [row.id for row in queue.find(limit=1)] == [notification_id]


def test_find_refuses_an_unknown_kind(queue: Any, notification_id: int) -> None:
    with pytest.raises(rulesengine.InvalidRequest, match="unknown kind 'bogus'; the kinds are"):
        queue.find(kind="bogus")
    assert [row.id for row in queue.find(kind="batch")] == [notification_id]
    assert queue.find(kind="proof") == []


# -- 2. ids ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("1", r"an int, got '1' \(str\)"),
        (True, r"an int, got True \(bool\)"),
        (1.0, r"an int, got 1.0 \(float\)"),
        (2**70, r"64-bit range, got 1180591620717411303424 \(int\)"),
    ],
)
def test_get_and_history_refuse_an_id_that_is_not_one(
    queue: Any, notification_id: int, given: Any, said: str
) -> None:
    with pytest.raises(rulesengine.InvalidRequest, match=said):
        queue.get(given)
    with pytest.raises(rulesengine.InvalidRequest, match=said):
        queue.history(given)


def test_history_of_an_unknown_id_is_not_found(queue: Any, notification_id: int) -> None:
    assert queue.history(notification_id)[0]["new_status"] == "scheduled"
    with pytest.raises(rulesengine.NotFound, match="no notification 999999"):
        queue.history(999999)


@pytest.mark.parametrize(
    ("ids", "said"),
    [
        (12, r"a sequence of notification ids \(such as \[12, 13\]\), got 12 \(int\)"),
        ("12", r"a sequence of notification ids .*got '12' \(str\)"),
        ([1, "2"], r"an int, got '2' \(str\)"),
        ([2**64], "64-bit range"),
    ],
)
def test_staff_actions_refuse_what_is_not_a_sequence_of_ids(
    queue: Any, notification_id: int, ids: Any, said: str
) -> None:
    for action in (queue.retry, queue.cancel, lambda ids: queue.resolve(ids, "sent")):
        with pytest.raises(rulesengine.InvalidRequest, match=said):
            action(ids)
    assert queue.get(notification_id).status == "scheduled"


# -- 3. run dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("run_date", "said"),
    [
        ("2026-03-05", r"got '2026-03-05' \(str\)"),
        (dt.datetime(2026, 3, 5, 9), r"got datetime.datetime\(2026, 3, 5, 9, 0\) \(datetime\)"),
    ],
)
def test_run_statements_refuses_a_run_date_that_is_not_a_date(
    store: Any, run_date: Any, said: str
) -> None:
    rules = rulesengine.load_rules(RULES)
    for live in (True, False):
        with pytest.raises(rulesengine.InvalidRequest, match="run_date must be a datetime.date"):
            rulesengine.run_statements(store, rules, run_date, live=live)
    with pytest.raises(rulesengine.InvalidRequest, match=said):
        rulesengine.run_statements(store, rules, run_date, live=False)


# -- 4. postings and holds ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "date", "said"),
    [
        (100, "2026-01-03", r"date must be a datetime.date, got '2026-01-03' \(str\)"),
        (100, dt.datetime(2026, 1, 3), "date must be a datetime.date, got datetime"),
        (
            10**20,
            DAY,
            "amount_cents: out of range: an amount is at most 10,000,000.00 either side of zero",
        ),
        (10.5, DAY, r"amount_cents: expected whole cents \(an int\), got 10.5 \(float\)"),
        (True, DAY, r"amount_cents: expected whole cents \(an int\), got True \(bool\)"),
    ],
)
def test_postings_refuse_amounts_and_dates_that_are_not_ones(
    store: Any, amount: Any, date: Any, said: str
) -> None:
    balance = store.get_encounter("E1").balance_cents
    with pytest.raises(rulesengine.InvalidRequest, match="cannot post the payment: " + said):
        store.post_payment("E1", amount, date)
    with pytest.raises(rulesengine.InvalidRequest, match="cannot post the adjustment: " + said):
        store.post_adjustment("E1", amount, date)
    assert store.get_encounter("E1").balance_cents == balance
    assert store.payments_of("E1") == []


def test_postings_keep_their_existing_checks(store: Any) -> None:
    with pytest.raises(rulesengine.InvalidRequest, match="a payment is greater than 0"):
        store.post_payment("E1", 0, DAY)
    with pytest.raises(rulesengine.NotFound):
        store.post_payment("E404", 100, DAY)
    assert store.post_payment("E1", 100, DAY).amount_cents == 100


def test_set_hold_refuses_ids_and_flags_that_are_not_ones(store: Any) -> None:
    with pytest.raises(rulesengine.InvalidRequest, match=r"the id as text \(a str\), got 1"):
        store.set_hold(guarantor_id=1, hold=True)
    with pytest.raises(rulesengine.InvalidRequest, match=r"hold=True or False, got 'yes'"):
        store.set_hold(encounter_id="E1", hold="yes")
    assert store.get_encounter("E1").hold is False


# -- 5. a LedgerData built in Python --------------------------------------------------------


def _encounter(**changes: Any) -> Any:
    values: dict[str, Any] = {
        "id": "E9",
        "guarantor_id": "G1",
        "patient_id": "P9",
        "service_date": DAY,
        "balance_cents": 1_000,
    }
    return rulesengine.Encounter(**(values | changes))


@pytest.mark.parametrize(
    ("ledger_data", "said"),
    [
        (
            {"encounters": [_encounter(level=5000)]},
            "encounters[0] (E9).level: must be at most 1,000, got 5000",
        ),
        (
            {"encounters": [_encounter(level=-1)]},
            "encounters[0] (E9).level: expected a whole number, 0 or more, got '-1'",
        ),
        (
            {"encounters": [_encounter(status="bogus")]},
            "encounters[0] (E9).status: expected open, pre_collections or closed, got 'bogus'",
        ),
        (
            {"guarantors": [rulesengine.Guarantor("G9", timezone="Mars/Base")]},
            "guarantors[0] (G9).timezone: unknown time zone 'Mars/Base'",
        ),
        (
            {"payments": [rulesengine.Payment(None, "E1", 0, DAY)]},
            "payments[0].amount_cents: a payment's amount must be greater than 0, got 0.00",
        ),
        (
            {"adjustments": [rulesengine.Adjustment(None, "E1", 0, DAY, external_id="A1")]},
            "adjustments[0] (A1).amount_cents: an adjustment's amount must not be 0",
        ),
        (
            {"guarantors": [rulesengine.Guarantor("G9"), rulesengine.Guarantor("G9")]},
            "guarantors[1] (G9).id: duplicate id 'G9' (first at guarantors[0])",
        ),
        (
            {"encounters": [_encounter(balance_cents=10.5)]},
            "encounters[0] (E9).balance_cents: expected whole cents (an int), got 10.5 (float)",
        ),
        (
            {"encounters": [_encounter(balance_cents=10**20)]},
            "encounters[0] (E9).balance_cents: out of range: an amount is at most",
        ),
        (
            {"encounters": [_encounter(service_date="2026-01-03")]},
            "encounters[0] (E9).service_date: expected a datetime.date, got '2026-01-03' (str)",
        ),
        (
            {"encounters": [_encounter(guarantor_id="G404")]},
            "encounters[0] (E9).guarantor_id: unknown guarantor 'G404'"
            " (not in the ledger or the store)",
        ),
        (
            {"payments": [rulesengine.Payment(None, "E404", 100, DAY)]},
            "payments[0].encounter_id: unknown encounter 'E404' (not in the ledger or the store)",
        ),
        (
            {"encounters": [_encounter(first_statement=DAY, last_statement=dt.date(2026, 1, 1))]},
            "encounters[0] (E9).first_statement: after last_statement (2026-01-01)",
        ),
    ],
)
def test_a_ledger_built_in_python_is_checked_as_csv_is(
    store: Any, ledger_data: dict[str, Any], said: str
) -> None:
    counts = dict(store.counts())
    data = rulesengine.LedgerData(**ledger_data)
    for write in (
        store.import_ledger,
        store.sync_ledger,
        lambda data: store.sync_ledger(data, dry_run=True),
    ):
        with pytest.raises(rulesengine.LedgerError) as caught:
            write(data)
        assert [str(p) for p in caught.value.problems][0].startswith(f"ledger: {said}")
        assert len(caught.value.problems) == 1
    assert dict(store.counts()) == counts


def test_a_ledger_naming_known_store_ids_imports(store: Any) -> None:
    data = rulesengine.LedgerData(
        encounters=[_encounter()], payments=[rulesengine.Payment(None, "E1", 100, DAY)]
    )
    assert store.import_ledger(data).encounters == 1


# -- 6. opening a store, loading rules ------------------------------------------------------


def test_open_store_refuses_a_url_that_is_not_text() -> None:
    with pytest.raises(rulesengine.InvalidRequest, match=r"a str or None, got 123 \(int\)"):
        rulesengine.open_store(123)


def test_load_rules_refuses_a_path_or_overrides_that_are_not_ones() -> None:
    with pytest.raises(rulesengine.InvalidRequest, match=r"a str or a Path, got None"):
        rulesengine.load_rules(None)
    with pytest.raises(rulesengine.InvalidRequest, match=r"overrides must be a mapping"):
        rulesengine.load_rules(RULES, overrides="x")
    assert rulesengine.load_rules(RULES, overrides={"profile": {"due_days": 30}})


@pytest.mark.parametrize("lease_seconds", [0, -5, float("nan"), float("inf"), "300", True])
def test_a_queue_refuses_a_lease_that_is_not_a_positive_number(
    store: Any, lease_seconds: Any
) -> None:
    with pytest.raises(rulesengine.InvalidRequest, match="lease_seconds must be"):
        rulesengine.Queue(store, channels={}, lease_seconds=lease_seconds)


def test_run_worker_refuses_a_limit_below_one(queue: Any) -> None:
    import threading

    with pytest.raises(rulesengine.InvalidRequest, match="limit must be a whole number"):
        queue.run_worker(threading.Event(), limit=0)


# -- found by a second try through the public API --------------------------------------


def test_a_live_run_needs_live_to_be_exactly_true_or_false(tmp_path) -> None:
    """``live="no"`` is truthy: it would have made a live run that cannot be taken back."""
    store = rulesengine.open_store(f"sqlite:///{tmp_path / 'p.db'}")
    rules = rulesengine.load_rules(RULES)
    for live in ("no", None, 1):
        with pytest.raises(rulesengine.InvalidRequest, match="live must be True or False"):
            rulesengine.run_statements(store, rules, dt.date(2026, 1, 5), live=live)
    with pytest.raises(rulesengine.InvalidRequest, match="open_store"):
        rulesengine.run_statements(None, rules, dt.date(2026, 1, 5), live=False)
    with pytest.raises(rulesengine.InvalidRequest, match="load_rules"):
        rulesengine.run_statements(store, "rules.yaml", dt.date(2026, 1, 5), live=False)
    store.close()


def test_a_queue_is_built_on_an_open_store_and_acts_at_datetimes(tmp_path) -> None:
    """A path where a store belongs, a date where an instant belongs, a limit past any
    count: each is an rulesengine.InvalidRequest saying what was given."""
    with pytest.raises(rulesengine.InvalidRequest, match=r"Queue\(open_store\(url\)\)"):
        rulesengine.Queue("practice.db")
    store = rulesengine.open_store(f"sqlite:///{tmp_path / 'p.db'}")
    with rulesengine.Queue(store) as queue:
        with pytest.raises(rulesengine.InvalidRequest, match="datetime with its zone"):
            queue.deliver(now=dt.date(2026, 3, 10))
        with pytest.raises(rulesengine.InvalidRequest, match="limit"):
            queue.find(limit=2**70)
    store.close()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"channels": {"email": {"outbox": Path("/tmp/x")}}}, "PosixPath"),
        ({"profile": {"name": b"x"}}, "binary"),
    ],
)
def test_overrides_hold_only_what_yaml_can_say(overrides, message) -> None:
    """Overrides given as Python data hold mappings, lists, text, numbers, true/false,
    dates and None; anything else is named."""
    with pytest.raises(rulesengine.InvalidRequest, match=message):
        rulesengine.load_rules(RULES, overrides=overrides)


def test_queue_requests_take_text_ids_loaded_rules_and_a_real_event(tmp_path) -> None:
    """notify, opt_out, add_proofs, find and run_worker say what was given when it is not
    what they take, before anything is written."""
    import threading

    store = rulesengine.open_store(f"sqlite:///{tmp_path / 'p.db'}")
    with rulesengine.Queue(store) as queue:
        with pytest.raises(rulesengine.InvalidRequest, match="load_rules"):
            queue.notify("G1", "email", "reminder", "practice.yaml")
        with pytest.raises(rulesengine.InvalidRequest, match=r"guarantor_id must be text"):
            queue.opt_out(5, "text")
        with pytest.raises(rulesengine.InvalidRequest, match="source must be text"):
            queue.opt_out("G1", "text", source=None)
        with pytest.raises(rulesengine.InvalidRequest, match="at most 200 characters"):
            queue.opt_out("G1", "text", source="x" * 201)
        with pytest.raises(rulesengine.InvalidRequest, match="BatchResult"):
            queue.add_proofs(None, rulesengine.load_rules(RULES))
        with pytest.raises(rulesengine.InvalidRequest, match="channel must be text"):
            queue.find(channel=5)
        with pytest.raises(rulesengine.InvalidRequest, match="threading.Event"):
            queue.run_worker(None)
        with pytest.raises(rulesengine.InvalidRequest, match="poll_seconds"):
            queue.run_worker(threading.Event(), poll_seconds=-1)
    store.close()


def test_ledger_entry_points_say_what_was_given(tmp_path) -> None:
    """A ledger folder is a path, an import takes a LedgerData, its lists are lists."""
    store = rulesengine.open_store(f"sqlite:///{tmp_path / 'p.db'}")
    with pytest.raises(rulesengine.InvalidRequest, match="a ledger folder is a path"):
        rulesengine.read_ledger_dir(None)
    with pytest.raises(rulesengine.InvalidRequest, match="open_store"):
        rulesengine.read_ledger_dir(tmp_path, store="x")
    with pytest.raises(rulesengine.InvalidRequest, match="expected a LedgerData"):
        store.sync_ledger({"guarantors": []})
    with pytest.raises(rulesengine.InvalidRequest, match="a list of ledger items"):
        rulesengine.LedgerData(guarantors="G1")
    assert rulesengine.LedgerData(guarantors=None).guarantors == ()
    store.close()
