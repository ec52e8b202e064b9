"""The dashboard's reads of the store: worklist pages and totals, a guarantor's statements,
opt-outs and the batch to explain them by. Every test runs on each kind of store."""

from __future__ import annotations

import datetime as dt

import attrs

from rulesengine.queue.presend_sql import record_opt_out
from rulesengine.store.base import LedgerData, Store
from rulesengine.store.guarantor_reads import (
    GuarantorStatement,
    OptOutEntry,
    batch_with_guarantor_by,
    opt_outs_of,
    statements_of_guarantor,
)
from rulesengine.store.worklist_reads import (
    WorklistTotal,
    batch_profiles,
    worklist_page,
    worklist_totals,
)
from tests.store.factories import D, batch, encounter, guarantor, save_live, small_ledger


def _save(store: Store, result) -> None:  # type: ignore[no-untyped-def]
    with store.run_transaction(result.profile_id, live=True) as run:
        save_live(run, result, "rulesengine: 1\n")


def _worklist_ledger() -> LedgerData:
    """Five worklist encounters: two of profile north (one by its guarantor), one of south,
    two of no profile; and one open encounter."""
    return LedgerData(
        guarantors=[guarantor("G1"), guarantor("G2", profile="north")],
        encounters=[
            encounter("E5", "G1", 500, status="pre_collections", level=3),
            encounter("E1", "G1", 100, status="pre_collections", level=3),
            encounter("E3", "G2", 300, status="pre_collections", level=3),
            encounter("E2", "G1", 200, status="pre_collections", level=3, profile="north"),
            encounter("E4", "G1", 400, status="pre_collections", level=3, profile="south"),
            encounter("E6", "G1", 600),
        ],
    )


def test_worklist_pages_walk_the_worklist_in_encounter_order(store: Store) -> None:
    store.import_ledger(_worklist_ledger())
    first = worklist_page(store, None, limit=2)
    assert [e.encounter.id for e in first] == ["E1", "E2"]
    rest = worklist_page(store, None, after="E2", limit=10)
    assert [e.encounter.id for e in rest] == ["E3", "E4", "E5"]
    assert {e.encounter.id for e in first + rest} == {e.encounter.id for e in store.worklist()}
    assert rest[0] == next(e for e in store.worklist() if e.encounter.id == "E3")


def test_worklist_pages_and_totals_keep_to_what_a_profile_covers(store: Store) -> None:
    store.import_ledger(_worklist_ledger())
    north = worklist_page(store, "north", limit=10)
    assert [e.encounter.id for e in north] == ["E1", "E2", "E3", "E5"]
    assert north == sorted(store.worklist("north"), key=lambda e: e.encounter.id)
    assert worklist_totals(store, "north") == [
        WorklistTotal("north", 2, 500),
        WorklistTotal(None, 2, 600),
    ]


def test_worklist_totals_count_and_sum_per_profile(store: Store) -> None:
    store.import_ledger(_worklist_ledger())
    assert worklist_totals(store) == [
        WorklistTotal("north", 2, 500),
        WorklistTotal("south", 1, 400),
        WorklistTotal(None, 2, 600),
    ]


def test_an_empty_worklist_has_no_totals_and_no_page(store: Store) -> None:
    assert worklist_totals(store) == []
    assert worklist_page(store, None) == []
    assert batch_profiles(store) == []


def test_statements_of_a_guarantor_come_with_their_batch_newest_first(store: Store) -> None:
    store.import_ledger(small_ledger())
    _save(store, batch("B1"))
    _save(store, batch("B2", run_date=D(2026, 3, 1)))
    found = statements_of_guarantor(store, "G1")
    assert found == [
        GuarantorStatement(
            f"{bid}-S1",
            bid,
            "default",
            run_date,
            3,
            "final_notice",
            ("email", "text"),
            20_000,
            D(2026, 2, 22),
            ("E1", "E3"),
        )
        for bid, run_date in (("B2", D(2026, 3, 1)), ("B1", D(2026, 2, 1)))
    ]
    assert statements_of_guarantor(store, "G1", limit=1) == found[:1]
    assert statements_of_guarantor(store, "G2") == []
    assert batch_profiles(store) == ["default"]


def test_the_batch_to_explain_by_is_the_latest_run_on_or_before_the_date(store: Store) -> None:
    store.import_ledger(small_ledger())
    _save(store, batch("B1"))
    _save(store, batch("B2", run_date=D(2026, 3, 1)))
    assert batch_with_guarantor_by(store, "G1") == "B2"
    assert batch_with_guarantor_by(store, "G1", D(2026, 2, 28)) == "B1"
    assert batch_with_guarantor_by(store, "G1", D(2026, 3, 1)) == "B2"
    assert batch_with_guarantor_by(store, "G1", D(2026, 1, 31)) is None
    assert batch_with_guarantor_by(store, "G9") is None


def test_opt_outs_of_a_guarantor_are_the_ledger_entries_oldest_first(store: Store) -> None:
    store.import_ledger(small_ledger())
    first = dt.datetime(2026, 2, 3, 10, 0, tzinfo=dt.UTC)
    with store.writing() as conn:
        record_opt_out(conn, "G1", "text", first, "inbound STOP")
        record_opt_out(conn, "G1", "email", first + dt.timedelta(days=1), "staff: alice")
        record_opt_out(conn, "G2", "email", first, "staff: bob")
    assert opt_outs_of(store, "G1") == [
        OptOutEntry("text", first, "inbound STOP"),
        OptOutEntry("email", first + dt.timedelta(days=1), "staff: alice"),
    ]
    assert opt_outs_of(store, "G3") == []


def test_the_worklist_read_is_unchanged_for_the_command_line(store: Store) -> None:
    """``Store.worklist`` still lists by guarantor, then encounter."""
    store.import_ledger(_worklist_ledger())
    assert [(e.guarantor.id, e.encounter.id) for e in store.worklist()] == [
        ("G1", "E1"),
        ("G1", "E2"),
        ("G1", "E4"),
        ("G1", "E5"),
        ("G2", "E3"),
    ]
    assert attrs.asdict(store.worklist()[0].encounter)["balance_cents"] == 100
