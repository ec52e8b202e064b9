"""Importing a ledger splits its rows by whether their id is stored: new ids are inserted
plainly (rows built ready for SQLite's driver, COPY on PostgreSQL), stored ids upserted.
The result is the same as upserting every row, across chunk boundaries, on every store."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import pytest
from sqlalchemy import create_engine

from rulesengine.errors import LedgerError
from rulesengine.model import Encounter, Guarantor, Payment, PostalAddress
from rulesengine.store.base import LedgerData, Store
from rulesengine.store.db_rows import (
    driver_rows,
    model_rows,
    sqlite_encounter_rows,
    sqlite_guarantor_rows,
)
from rulesengine.store.ledger_checks import values_checked
from rulesengine.store.ledger_import import SCAN_FROM, stored_ids
from rulesengine.store.rows import (
    ENCOUNTER_COLUMNS,
    GUARANTOR_COLUMNS,
    encounter_row,
    guarantor_row,
)
from rulesengine.store.sql_store import SQLStore
from rulesengine.store.sqlutil import CHUNK
from rulesengine.store.tables import encounters, guarantors

from .factories import encounter, guarantor

D = dt.date


def varied_guarantors() -> list[Guarantor]:
    return [
        guarantor("G1"),
        guarantor(
            "G2",
            email="b@example.org",
            mobile="+15555550101",
            postal=PostalAddress("1 Main St", "", "Springfield", "IL", "62701"),
            timezone="America/Chicago",
            paperless=True,
            hold=True,
            sms_opt_out=True,
            email_opt_out=True,
            profile="north",
        ),
        guarantor("G3", postal=PostalAddress("2 Oak St", "Apt 4", "", "", "")),
    ]


def varied_encounters() -> list[Encounter]:
    return [
        encounter("E1", "G1"),
        encounter(
            "E2",
            "G2",
            balance=-500,
            level=3,
            status="pre_collections",
            hold=True,
            location="north_clinic",
            provider="Dr. Who",
            first_statement=D(2025, 11, 1),
            last_statement=D(2026, 1, 20),
            statements_sent=3,
            profile="north",
        ),
        Encounter("E3", "G3", "P-E3", D(1, 1, 1), 0, last_statement=D(9999, 12, 31)),
    ]


def bound(dialect: Any, columns: Sequence[Any], row: Sequence[Any]) -> tuple[Any, ...]:
    """``row`` with each column type's bind processor for ``dialect`` applied (what
    sqlutil.insert_rows binds)."""
    values = []
    for column, value in zip(columns, row, strict=True):
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        values.append(value if process is None else process(value))
    return tuple(values)


def test_sqlite_rows_are_what_insert_rows_binds() -> None:
    """The rows built for SQLite's driver equal the generic rows with the column types'
    bind processors applied (dates as text, flags as 0/1, the address spread out)."""
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        for table, columns, items, to_row in (
            (guarantors, GUARANTOR_COLUMNS, varied_guarantors(), guarantor_row),
            (encounters, ENCOUNTER_COLUMNS, varied_encounters(), encounter_row),
        ):
            expected = [bound(conn.dialect, columns, to_row(item)) for item in items]
            built = driver_rows(conn.dialect, table, items)  # type: ignore[arg-type]
            assert built == expected
            assert [list(map(type, row)) for row in built] == [
                list(map(type, row)) for row in expected
            ]
        assert sqlite_guarantor_rows(conn.dialect, varied_guarantors())[1][6:10] == (1, 1, 1, 1)
        assert sqlite_encounter_rows(conn.dialect, varied_encounters())[2][3:12:8] == (
            "0001-01-01",
            "9999-12-31",
        )
    engine.dispose()


def test_import_inserts_new_ids_and_updates_stored_ones(store: Store) -> None:
    """One import with stored and new ids: the stored ones take the ledger's values, the
    new ones are inserted, and everything reads back equal."""
    store.import_ledger(LedgerData(varied_guarantors()[:2], varied_encounters()[:2]))
    changed_g = guarantor("G2", email="new@example.org")
    changed_e = encounter("E2", "G2", balance=42, level=1, last_statement=D(2026, 2, 1))
    ledger = LedgerData(
        [changed_g, varied_guarantors()[2]],
        [changed_e, varied_encounters()[2], encounter("E4", "G1")],
        [Payment(None, "E2", 100, D(2026, 2, 1)), Payment(None, "E1", 100, D(2026, 2, 1))],
    )
    store.import_ledger(ledger)
    assert [store.get_guarantor(g) for g in ("G1", "G2", "G3")] == [
        guarantor("G1"),
        changed_g,
        varied_guarantors()[2],
    ]
    assert [store.get_encounter(e) for e in ("E1", "E2", "E3", "E4")] == [
        encounter("E1", "G1"),
        changed_e,
        varied_encounters()[2],
        encounter("E4", "G1"),
    ]
    # Reviewed on import: dated on or before the last statement (the ledger's for E2).
    assert [p.reviewed_batch for p in store.payments_of("E2")] == ["imported"]
    assert [p.reviewed_batch for p in store.payments_of("E1")] == [None]


def test_an_id_listed_twice_takes_its_last_values(store: Store) -> None:
    """A ledger (checked as read, so not again) listing an id twice ends with the later
    values, as when every row was upserted in order."""
    ledger = LedgerData(
        [guarantor("G1"), guarantor("G1", email="later@example.org")],
        [encounter("E1", "G1"), encounter("E1", "G1", balance=7)],
    )
    store.import_ledger(values_checked(ledger))
    assert store.get_guarantor("G1") == guarantor("G1", email="later@example.org")
    assert store.get_encounter("E1") == encounter("E1", "G1", balance=7)
    assert store.counts()["encounters"] == 1


def test_import_across_chunk_boundaries(store: Store) -> None:
    """More rows than one executemany chunk (and the scan of stored ids for as many):
    every row is written once, new and stored ones alike."""
    n = CHUNK + 3
    first = LedgerData(
        [guarantor("G1")],
        [encounter(f"E{i:06d}", "G1", balance=i) for i in range(n)],
    )
    store.import_ledger(first)
    again = LedgerData(
        [],
        [encounter(f"E{i:06d}", "G1", balance=i + 1) for i in range(2, n + 2)],
    )
    store.import_ledger(again)
    assert store.counts()["encounters"] == n + 2
    assert store.get_encounter("E000000").balance_cents == 0  # type: ignore[union-attr]
    assert store.get_encounter("E000001").balance_cents == 1  # type: ignore[union-attr]
    last = f"E{n + 1:06d}"
    assert store.get_encounter(last).balance_cents == n + 2  # type: ignore[union-attr]
    assert store.get_encounter(f"E{CHUNK:06d}").balance_cents == CHUNK + 1  # type: ignore[union-attr]


@pytest.mark.parametrize("wanted", [3, SCAN_FROM], ids=["in-lists", "scan"])
def test_stored_ids_by_lists_and_by_scan(store: Store, wanted: int) -> None:
    """stored_ids answers the same whether it asks with IN lists or scans the table."""
    store.import_ledger(LedgerData([guarantor("G1"), guarantor("G7")]))
    ids = {"G1", "G7", "G9"} | {f"X{i}" for i in range(wanted - 3)}
    assert isinstance(store, SQLStore)
    with store.reading() as conn:
        assert stored_ids(conn, guarantors, ids) == {"G1", "G7"}
        assert stored_ids(conn, guarantors, []) == set()


def test_driver_rows_read_back_as_stored(store: Store) -> None:
    """Rows in driver form equal the stored rows as the driver reads them, and convert
    back to the model's values (so a sync compares a million rows without converting)."""
    assert isinstance(store, SQLStore)
    store.import_ledger(LedgerData(varied_guarantors(), varied_encounters()))
    with store.reading() as conn:
        for table, columns, items, to_row in (
            (guarantors, GUARANTOR_COLUMNS, varied_guarantors(), guarantor_row),
            (encounters, ENCOUNTER_COLUMNS, varied_encounters(), encounter_row),
        ):
            names = ", ".join(c.name for c in columns)
            raw = conn.exec_driver_sql(f"SELECT {names} FROM {table.name} ORDER BY id")
            stored = [tuple(row) for row in raw]
            assert driver_rows(conn.dialect, table, items) == stored  # type: ignore[arg-type]
            assert model_rows(conn.dialect, table, stored) == [to_row(i) for i in items]  # type: ignore[arg-type]


def test_sync_of_many_rows_scans_the_stored_ones(store: Store) -> None:
    """A sync listing more ids than IN lists are used for (the stored rows are scanned):
    changed, unchanged, new and dunning-differing rows are told apart as for a few."""
    n = SCAN_FROM + 5
    first = LedgerData(
        [guarantor("G1")], [encounter(f"E{i:06d}", "G1", balance=i, level=1) for i in range(n)]
    )
    store.sync_ledger(first)
    month = LedgerData(
        [guarantor("G1")],
        [
            encounter(f"E{i:06d}", "G1", balance=i + (i % 10 == 0), level=int(i % 1000 == 0))
            for i in range(n + 3)
        ],
        [Payment(None, "E000007", 100, D(2026, 2, 1))],
    )
    planned = store.sync_ledger(month, dry_run=True)  # reads only, in one transaction
    assert store.get_encounter("E000010") == encounter("E000010", "G1", balance=10, level=1)
    summary = store.sync_ledger(month)
    assert attrs.evolve(planned, dry_run=False) == summary
    e_sync = summary.files["encounters.csv"]
    changed = len(range(0, n, 10))
    assert (e_sync.inserted, e_sync.updated, e_sync.unchanged) == (3, changed, n - changed)
    assert summary.dunning_differs == n - len(range(0, n, 1000))
    assert store.get_encounter("E000010") == encounter("E000010", "G1", balance=11, level=1)
    assert store.get_encounter("E000011") == encounter("E000011", "G1", balance=11, level=1)
    assert store.get_encounter(f"E{n + 2:06d}") == encounter(f"E{n + 2:06d}", "G1", balance=n + 2)
    assert store.sync_ledger(month).files["encounters.csv"].unchanged == n + 3


def test_complete_sync_of_many_rows_zeroes_the_unlisted_of_covered_profiles(
    store: Store,
) -> None:
    """--complete over a scanned table: the open encounters of the covered profiles the
    file does not list get balance 0 (a guarantor's profile as the file gives it); closed
    ones and other profiles' are left alone."""
    listed = [encounter(f"E{i:06d}", "G1") for i in range(SCAN_FROM)]
    others = [
        encounter("X-open", "G1", balance=500),
        encounter("X-closed", "G1", balance=500, status="closed"),
        encounter("X-north", "G2", balance=500),
        encounter("X-own-north", "G1", balance=500, profile="north"),
        encounter("X-south-before", "G3", balance=500, status="pre_collections"),
    ]
    people = [guarantor("G1"), guarantor("G2", profile="north"), guarantor("G3", profile="south")]
    store.sync_ledger(LedgerData(people, listed + others))
    summary = store.sync_ledger(
        LedgerData([guarantor("G1"), guarantor("G3")], listed), complete=True
    )
    assert (summary.covered_profiles, summary.not_in_file, summary.zeroed) == ((None,), 2, 2)
    balances = {e.id: store.get_encounter(e.id).balance_cents for e in others}  # type: ignore[union-attr]
    assert balances == {
        "X-open": 0,
        "X-closed": 500,
        "X-north": 500,
        "X-own-north": 500,
        "X-south-before": 0,
    }


def test_the_cycle_collector_is_paused_only_during_an_import(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The collector is off while a ledger is imported or synced, on again afterwards,
    even when the ledger is refused; one that was off stays off."""
    seen: list[bool] = []
    real = store.known_guarantors

    def known(ids: Iterable[str]) -> set[str]:
        seen.append(gc.isenabled())
        return real(ids)

    monkeypatch.setattr(store, "known_guarantors", known)
    assert gc.isenabled()
    store.import_ledger(LedgerData([guarantor("G1")]))
    with pytest.raises(LedgerError):
        store.sync_ledger(LedgerData([], [encounter("E1", "G9")]))
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        store.import_ledger(LedgerData([guarantor("G2")]))
        assert not gc.isenabled()
    finally:
        gc.enable()
