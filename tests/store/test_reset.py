"""Only an in-memory store can be emptied; emptying gives a fresh, working store."""

from __future__ import annotations

import datetime as dt

import pytest

from rulesengine.errors import StoreError
from rulesengine.model import Encounter, Guarantor
from rulesengine.store import open_store
from rulesengine.store.base import LedgerData


def _ledger() -> LedgerData:
    return LedgerData(
        guarantors=[Guarantor("G1")],
        encounters=[Encounter("E1", "G1", "P1", dt.date(2026, 1, 3), 100)],
    )


def test_an_in_memory_store_is_emptied_to_a_fresh_schema():
    store = open_store("sqlite://")
    try:
        store.import_ledger(_ledger())
        secret = store.secret()
        store.reset()
        assert store.get_encounter("E1") is None
        assert all(count == 0 for count in store.counts().values())
        store.import_ledger(_ledger())  # and it works as before
        assert store.get_encounter("E1") is not None
        assert store.secret() != secret  # nothing of the old store survives
    finally:
        store.close()


def test_a_file_store_is_never_emptied(tmp_path):
    store = open_store(str(tmp_path / "practice.db"))
    try:
        store.import_ledger(_ledger())
        with pytest.raises(StoreError, match="only an in-memory store can be reset"):
            store.reset()
        assert store.get_encounter("E1") is not None
    finally:
        store.close()


def test_two_in_memory_stores_are_separate():
    first, second = open_store("sqlite://"), open_store("sqlite://")
    try:
        first.import_ledger(_ledger())
        assert second.get_encounter("E1") is None
    finally:
        first.close()
        second.close()
