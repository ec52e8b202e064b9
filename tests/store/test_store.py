"""The store conformance suite: every test runs unchanged on SQLite (file and in memory) and
PostgreSQL (the ``store`` fixture of ``tests/conftest.py``)."""

from __future__ import annotations

import datetime as dt
import threading
import time

import attrs
import pytest

from rulesengine.errors import LedgerError, NotFound, RunRefused
from rulesengine.model import Payment
from rulesengine.queue.notification_reads import (
    stored_batch,
    with_notifications,
)
from rulesengine.store import open_store
from rulesengine.store.base import LedgerData, Store
from tests.store.factories import D, batch, encounter, guarantor, save_live, small_ledger

EMPTY = {
    "guarantors": 0,
    "encounters": 0,
    "payments": 0,
    "adjustments": 0,
    "batches": 0,
    "statements": 0,
    "notifications": 0,
}


def save(store: Store, result, rules_text: str = "rulesengine: 1\n") -> None:  # type: ignore[no-untyped-def]
    """Save a live batch as the statement run does (its notifications queued with it)."""
    with store.run_transaction(result.profile_id, live=True) as run:
        save_live(run, result, rules_text)


def snapshot(store: Store) -> dict[str, object]:
    """Everything a failed write could have touched."""
    return {
        "counts": dict(store.counts()),
        "encounters": store.encounters_of("G1") + store.encounters_of("G2"),
        "payments": store.payments_of("E1"),
        "batches": store.list_batches(),
        "worklist": store.worklist(),
        "rules": store.rules_text("sha256:abc"),
    }


# -- ledger ------------------------------------------------------------------------------


def test_fresh_store_is_empty(store: Store) -> None:
    """A new store has no rows at all."""
    assert dict(store.counts()) == EMPTY


def test_import_reads_back_equal_values(store: Store) -> None:
    """Imported guarantors and encounters read back equal, postal address and flags included."""
    ledger = small_ledger()
    summary = store.import_ledger(ledger)
    assert (summary.guarantors, summary.encounters, summary.payments, summary.adjustments) == (
        2,
        3,
        1,
        1,
    )
    assert store.get_guarantor("G1") == ledger.guarantors[0]
    assert store.get_guarantor("G2") == ledger.guarantors[1]
    assert [store.get_encounter(e.id) for e in ledger.encounters] == list(ledger.encounters)
    assert store.get_guarantor("nobody") is None
    assert store.get_encounter("nothing") is None


def test_import_keeps_balances_as_given(store: Store) -> None:
    """Balances already include the imported payments and adjustments."""
    store.import_ledger(small_ledger())
    assert store.get_encounter("E1").balance_cents == 10_000
    assert store.get_encounter("E2").balance_cents == -500


def test_import_updates_existing_ids(store: Store) -> None:
    """A second import updates guarantors and encounters with the same id."""
    store.import_ledger(small_ledger())
    store.import_ledger(
        LedgerData(
            guarantors=[guarantor("G1", email="new@example.org")],
            encounters=[encounter("E1", "G1", balance=42, level=2)],
        )
    )
    assert store.get_guarantor("G1") == guarantor("G1", email="new@example.org")
    assert store.get_encounter("E1") == encounter("E1", "G1", balance=42, level=2)
    assert store.counts()["encounters"] == 3


def test_import_marks_payments_up_to_last_statement_reviewed(store: Store) -> None:
    """A payment dated on or before the encounter's last statement is already reviewed."""
    store.import_ledger(small_ledger())  # E1 last billed 2026-01-20
    store.import_ledger(
        LedgerData(
            payments=[
                Payment(None, "E1", 100, D(2026, 1, 20)),
                Payment(None, "E1", 200, D(2026, 1, 21)),
            ]
        )
    )
    reviewed = [(p.amount_cents, p.reviewed_batch) for p in store.payments_of("E1")]
    assert reviewed == [(2_500, "imported"), (100, "imported"), (200, None)]


def test_import_with_unknown_guarantor_writes_nothing(store: Store) -> None:
    """A ledger naming a guarantor neither it nor the store has is refused before anything
    is written, naming the item."""
    ledger = LedgerData(
        guarantors=[guarantor("G1")], encounters=[encounter("E1", "G1"), encounter("E2", "G9")]
    )
    with pytest.raises(
        LedgerError, match=r"encounters\[1\] \(E2\).guarantor_id: unknown guarantor"
    ):
        store.import_ledger(ledger)
    assert dict(store.counts()) == EMPTY


def test_known_ids(store: Store) -> None:
    """known_guarantors/known_encounters return the ids the store holds."""
    store.import_ledger(small_ledger())
    assert store.known_guarantors(["G1", "G9", "G2"]) == {"G1", "G2"}
    assert store.known_encounters(["E3", "E9"]) == {"E3"}


def test_encounter_levels_of_the_ids_the_store_holds(store: Store) -> None:
    """encounter_levels: the level now of each id that is an encounter; others are left out."""
    store.import_ledger(small_ledger())
    assert store.encounter_levels(["E1", "E3", "E9", "E1"]) == {"E1": 1, "E3": 3}
    assert store.encounter_levels([]) == {}


def test_post_payment_lowers_balance(store: Store) -> None:
    """A posted payment is recorded unreviewed, in posting order, and lowers the balance."""
    store.import_ledger(small_ledger())
    first = store.post_payment("E1", 1_000, D(2026, 2, 3))
    second = store.post_payment("E1", 500, D(2026, 2, 2))
    assert store.get_encounter("E1").balance_cents == 8_500
    assert store.payments_of("E1")[1:] == [first, second]
    assert first.id < second.id and first.reviewed_batch is None


def test_post_payment_to_unknown_encounter(store: Store) -> None:
    """Posting to an unknown encounter raises NotFound and records nothing."""
    store.import_ledger(small_ledger())
    with pytest.raises(NotFound, match="no encounter 'E9' in the store"):
        store.post_payment("E9", 1_000, D(2026, 2, 3))
    assert store.counts()["payments"] == 1


def test_post_adjustment_adds_to_balance(store: Store) -> None:
    """An adjustment adds its amount: a negative one writes off."""
    store.import_ledger(small_ledger())
    store.post_adjustment("E1", -2_000, D(2026, 2, 3))
    adjustment = store.post_adjustment("E2", 700, D(2026, 2, 4))
    assert store.get_encounter("E1").balance_cents == 8_000
    assert store.get_encounter("E2").balance_cents == 200
    assert (adjustment.encounter_id, adjustment.amount_cents) == ("E2", 700)
    assert store.counts()["adjustments"] == 3


def test_set_hold(store: Store) -> None:
    """Holds are set and released on guarantors and encounters."""
    store.import_ledger(small_ledger())
    store.set_hold(guarantor_id="G1", hold=True)
    store.set_hold(encounter_id="E3", hold=False)
    assert store.get_guarantor("G1").hold is True
    assert store.get_encounter("E3").hold is False
    with pytest.raises(NotFound, match="no encounter 'E9' in the store"):
        store.set_hold(encounter_id="E9", hold=True)


def test_encounters_of_orders_by_id(store: Store) -> None:
    """A guarantor's encounters come ordered by id, byte-wise."""
    store.import_ledger(
        LedgerData(
            guarantors=[guarantor("G")],
            encounters=[encounter(i, "G") for i in ("e2", "E10", "E9", "E1")],
        )
    )
    assert [e.id for e in store.encounters_of("G")] == ["E1", "E10", "E9", "e2"]


# -- run input ---------------------------------------------------------------------------


def test_load_input_covers_profile_and_unassigned(store: Store) -> None:
    """A run covers encounters of its profile (own, else the guarantor's) and unassigned ones."""
    store.import_ledger(
        LedgerData(
            guarantors=[
                guarantor("GA", profile="a"),
                guarantor("GB", profile="b"),
                guarantor("GN"),
            ],
            encounters=[
                encounter("A1", "GA"),  # guarantor's profile a
                encounter("A2", "GB", profile="a"),  # own profile wins
                encounter("B1", "GB"),
                encounter("B2", "GA", profile="b"),
                encounter("N1", "GN"),  # no profile at all
                encounter("A3", "GN", profile="a"),
            ],
        )
    )
    with store.run_transaction("a", live=False) as run:
        found = run.load_input(D(2026, 2, 1))
    assert [e.id for e in found.encounters] == ["A1", "A2", "A3", "N1"]
    assert sorted(found.guarantors) == ["GA", "GB", "GN"]
    assert found.guarantors["GB"] == guarantor("GB", profile="b")


def test_load_input_orders_by_guarantor_then_encounter(store: Store) -> None:
    """Encounters come ordered by guarantor id, then encounter id, byte-wise."""
    store.import_ledger(
        LedgerData(
            guarantors=[guarantor(g) for g in ("g1", "G2", "G10")],
            encounters=[
                encounter("E2", "g1"),
                encounter("E1", "g1"),
                encounter("Z", "G2"),
                encounter("A", "G10"),
            ],
        )
    )
    with store.run_transaction("any", live=False) as run:
        found = run.load_input(D(2026, 2, 1))
    assert [(e.guarantor_id, e.id) for e in found.encounters] == [
        ("G10", "A"),
        ("G2", "Z"),
        ("g1", "E1"),
        ("g1", "E2"),
    ]


def test_load_input_unreviewed_payments(store: Store) -> None:
    """Unreviewed payments dated on or before the run date, per encounter, in posting order."""
    store.import_ledger(small_ledger())  # E1's imported payment is already reviewed
    late = store.post_payment("E1", 300, D(2026, 2, 2))
    on_day = store.post_payment("E1", 200, D(2026, 2, 1))
    earlier = store.post_payment("E1", 100, D(2026, 1, 25))
    store.post_payment("E3", 100, D(2026, 1, 25))  # G2 belongs to profile "north"
    with store.run_transaction("default", live=False) as run:
        found = run.load_input(D(2026, 2, 1))
    assert found.unreviewed_payments == {"E1": (on_day, earlier)}
    assert late.id not in {p.id for p in found.unreviewed_payments["E1"]}


# -- batches -----------------------------------------------------------------------------


def test_batch_round_trip(store: Store) -> None:
    """A saved batch reads back equal, as a replay, inside a run and outside one."""
    store.import_ledger(small_ledger())
    original = batch()
    save(store, original)
    expected = attrs.evolve(original, replayed=True)
    assert stored_batch(store, "B1") == expected
    assert store.get_batch("B1") == attrs.evolve(expected, notifications=())  # the store's part
    with store.run_transaction("default", live=True) as run:
        assert with_notifications(run.connection, run.load_batch("B1")) == expected
        assert run.latest_live_batch() == ("B1", D(2026, 2, 1))
    assert stored_batch(store, "B404") is None


def test_batch_without_created_at_gets_one(store: Store) -> None:
    """A batch saved without created_at is stamped with the current time (UTC)."""
    store.import_ledger(small_ledger())
    before = dt.datetime.now(dt.UTC)
    save(store, attrs.evolve(batch(), created_at=None))
    created = stored_batch(store, "B1").created_at
    assert created.tzinfo is not None and before - dt.timedelta(seconds=1) <= created


def test_save_batch_commits_ledger_changes(store: Store) -> None:
    """A live batch's encounter changes, review marks and worklist entries are committed."""
    store.import_ledger(small_ledger())
    payment = store.post_payment("E1", 100, D(2026, 1, 30))
    save(store, batch(reviewed=(payment.id,)))
    assert store.get_encounter("E1") == attrs.evolve(
        small_ledger().encounters[0],
        balance_cents=9_900,
        level=2,
        last_statement=D(2026, 2, 1),
        statements_sent=2,
    )
    assert store.payments_of("E1")[-1].reviewed_batch == "B1"
    entries = store.worklist()
    assert [(w.encounter.id, w.guarantor.id, w.batch_id, w.since) for w in entries] == [
        ("E3", "G2", "B1", D(2026, 2, 1))
    ]
    with store.run_transaction("default", live=False) as run:
        assert run.load_input(D(2026, 3, 1)).unreviewed_payments == {}


def test_worklist_lists_imported_entries_without_batch(store: Store) -> None:
    """An encounter imported in pre_collections is on the worklist with no batch."""
    store.import_ledger(small_ledger())
    [entry] = store.worklist()
    assert (entry.encounter, entry.guarantor) == (
        small_ledger().encounters[2],
        small_ledger().guarantors[1],
    )
    assert (entry.batch_id, entry.since) == (None, None)
    assert store.worklist("north") == [entry]
    assert store.worklist("south") == []


def test_leaving_the_worklist_clears_its_mark(store: Store) -> None:
    """A batch that takes an encounter out of pre_collections removes it from the worklist."""
    store.import_ledger(small_ledger())
    save(store, batch())
    later = attrs.evolve(
        batch("B2", run_date=D(2026, 3, 1)),
        statements=[],
        notifications=[],
        pre_collections=[],
        changes=[attrs.evolve(batch().changes[1], status="open", level=0)],
    )
    save(store, later)
    assert store.worklist() == []


def test_failed_save_leaves_store_unchanged(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception midway through save_batch rolls back everything it wrote."""
    from rulesengine.store import batch_io

    store.import_ledger(small_ledger())
    store.post_payment("E1", 100, D(2026, 1, 30))
    before = snapshot(store)
    real_insert_rows = batch_io.insert_rows

    def failing_insert_rows(conn, table, *args, **kwargs):  # type: ignore[no-untyped-def]
        if table.name == "batch_changes":
            raise RuntimeError("disk on fire")
        return real_insert_rows(conn, table, *args, **kwargs)

    monkeypatch.setattr(batch_io, "insert_rows", failing_insert_rows)
    with pytest.raises(RuntimeError, match="disk on fire"):
        save(store, batch(reviewed=(2,)))
    monkeypatch.undo()
    assert snapshot(store) == before
    assert stored_batch(store, "B1") is None
    with store.run_transaction("default", live=True) as run:
        assert run.latest_live_batch() is None


def test_exception_in_run_block_rolls_back(store: Store) -> None:
    """An exception after save_batch, inside the with block, discards the batch."""
    store.import_ledger(small_ledger())
    before = snapshot(store)
    with pytest.raises(ValueError, match="late"):
        with store.run_transaction("default", live=True) as run:
            run.save_batch(batch(), "rules")
            raise ValueError("late")
    assert snapshot(store) == before


def test_test_transaction_never_writes(store: Store) -> None:
    """A test run transaction refuses save_batch and reads the ledger."""
    store.import_ledger(small_ledger())
    with store.run_transaction("default", live=False) as run:
        assert run.latest_live_batch() is None
        with pytest.raises(RuntimeError, match="never writes"):
            run.save_batch(batch(), "rules")
    assert store.counts()["batches"] == 0


def test_second_batch_on_same_date_is_refused(store: Store) -> None:
    """Batches are unique per profile and run date."""
    store.import_ledger(small_ledger())
    save(store, batch())
    other = attrs.evolve(batch("B2"), statements=[], notifications=[])
    with pytest.raises(RunRefused, match="profile 'default' on 2026-02-01"):
        save(store, other)
    assert [b.id for b in store.list_batches()] == ["B1"]


def test_list_batches_summarises(store: Store) -> None:
    """Batch summaries carry counts of statements, worklist entries, skips, notifications."""
    store.import_ledger(small_ledger())
    save(store, batch())
    save(
        store,
        attrs.evolve(
            batch("B2", profile="north"),
            statements=[],
            notifications=[],
            created_at=dt.datetime(2026, 2, 2, tzinfo=dt.UTC),
        ),
    )
    first, second = store.list_batches()
    assert (first.id, first.profile_id, first.run_date, first.mode, first.rules_hash) == (
        "B1",
        "default",
        D(2026, 2, 1),
        "live",
        "sha256:abc",
    )
    assert (first.statements, first.pre_collections, first.skips, first.notifications) == (
        1,
        1,
        1,
        2,
    )
    assert first.created_at == batch().created_at
    assert (second.id, second.statements) == ("B2", 0)
    assert [b.id for b in store.list_batches("north")] == ["B2"]


def test_rules_text_kept_once_per_hash(store: Store) -> None:
    """The rules file text is stored under its content hash."""
    store.import_ledger(small_ledger())
    save(store, batch(), "text v1")
    save(
        store,
        attrs.evolve(batch("B2", run_date=D(2026, 3, 1)), statements=[], notifications=[]),
        "text v1",
    )
    assert store.rules_text("sha256:abc") == "text v1"
    assert store.rules_text("sha256:none") is None


def test_latest_batch_with_guarantor(store: Store) -> None:
    """The newest batch whose traces mention the guarantor."""
    store.import_ledger(small_ledger())
    save(store, batch())
    save(
        store,
        attrs.evolve(
            batch("B2", run_date=D(2026, 3, 1)),
            statements=[],
            notifications=[],
            guarantor_of={"E9": "G7"},
            created_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        ),
    )
    assert store.latest_batch_with_guarantor("G1") == "B1"
    assert store.latest_batch_with_guarantor("G7") == "B2"
    assert store.latest_batch_with_guarantor("G2") is None


def test_counts(store: Store) -> None:
    """counts() reports every kind of row."""
    store.import_ledger(small_ledger())
    save(store, batch())
    assert dict(store.counts()) == {
        "guarantors": 2,
        "encounters": 3,
        "payments": 1,
        "adjustments": 1,
        "batches": 1,
        "statements": 1,
        "notifications": 2,
    }


# -- secret and concurrency --------------------------------------------------------------


def test_secret_from_environment(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """RULESENGINE_SECRET, when set, is the key."""
    monkeypatch.setenv("RULESENGINE_SECRET", "s3cret-é")
    assert store.secret() == "s3cret-é".encode()


def test_secret_created_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without RULESENGINE_SECRET a random 32-byte key is created once and kept."""
    monkeypatch.delenv("RULESENGINE_SECRET", raising=False)
    key = store.secret()
    assert len(key) == 32
    assert store.secret() == key


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_secret_survives_reopening(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stored key is the same after the store is reopened."""
    monkeypatch.delenv("RULESENGINE_SECRET", raising=False)
    first = open_store(store_url)
    key = first.secret()
    first.close()
    again = open_store(store_url)
    assert again.secret() == key
    again.close()


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_live_runs_of_a_profile_serialise(store_url: str) -> None:
    """A second live run waits for the first and then sees its batch."""
    stores = [open_store(store_url), open_store(store_url)]
    stores[0].import_ledger(small_ledger())
    first_inside = threading.Event()
    seen: list[object] = []

    def first() -> None:
        with stores[0].run_transaction("default", live=True) as run:
            first_inside.set()
            time.sleep(0.5)
            run.save_batch(batch(), "rules")

    def second() -> None:
        first_inside.wait(5)
        with stores[1].run_transaction("default", live=True) as run:
            seen.append(run.latest_live_batch())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    for opened in stores:
        opened.close()
    assert seen == [("B1", D(2026, 2, 1))]
