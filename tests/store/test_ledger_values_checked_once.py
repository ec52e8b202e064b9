"""A ledger read from CSV has its values checked once, as it is read; importing it checks
its references again, not each value. A ledger built in Python is checked whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from rulesengine.errors import LedgerError
from rulesengine.ledger import read_ledger_dir
from rulesengine.model import Encounter, Guarantor
from rulesengine.store import LedgerData, ledger_checks, open_store

LEDGER = Path(__file__).resolve().parents[1] / "data" / "ledgers"


def _count_value_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    checked: list[str] = []
    real = ledger_checks._check_items

    def counting(kind, *args, **kwargs):  # type: ignore[no-untyped-def]
        checked.append(kind)
        return real(kind, *args, **kwargs)

    monkeypatch.setattr(ledger_checks, "_check_items", counting)
    return checked


def test_a_ledger_read_from_csv_is_not_checked_value_by_value_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The CSV reader checked every cell; the import looks up the references only."""
    checked = _count_value_checks(monkeypatch)
    store = open_store("sqlite://")
    ledger = read_ledger_dir(LEDGER / "good", store=store)
    store.import_ledger(ledger)
    assert checked == []
    assert store.counts()["encounters"] == len(ledger.encounters)


def test_a_ledger_built_in_python_is_checked_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A LedgerData made in Python, or changed after it was read, is checked value by
    value: a copy of a read ledger is not vouched for by the reading."""
    checked = _count_value_checks(monkeypatch)
    store = open_store("sqlite://")
    read = read_ledger_dir(LEDGER / "good", store=store)
    copy = attrs.evolve(
        read, encounters=(*read.encounters[:-1], attrs.evolve(read.encounters[-1], level=5000))
    )
    with pytest.raises(LedgerError, match="level"):
        store.import_ledger(copy)
    assert "encounters" in checked


def test_references_of_a_read_ledger_are_still_looked_up() -> None:
    """A ledger read without the store, naming an encounter neither it nor the store has,
    is refused by the import, naming the item."""
    store = open_store("sqlite://")
    guarantor = Guarantor(id="G1", first_name="Pat", last_name="Doe")
    encounter = Encounter(
        id="E1",
        guarantor_id="G9",
        patient_id="P1",
        service_date=dt.date(2026, 1, 2),
        balance_cents=100,
    )
    ledger = ledger_checks.values_checked(LedgerData([guarantor], [encounter]))
    with pytest.raises(LedgerError, match="G9"):
        store.import_ledger(ledger)
