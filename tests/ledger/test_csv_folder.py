"""Reading ledger folders: golden error texts for bad ledgers, exact values for good ones.

Each folder of ``tests/data/ledgers/`` is a ledger; those with an ``expected.txt`` are
rejected with exactly that text (messages are part of the UI).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from rulesengine.errors import LedgerError, Problem
from rulesengine.ledger import read_ledger_dir, validate_against_store
from rulesengine.model import Adjustment, Encounter, Guarantor, Payment, PostalAddress
from rulesengine.store import open_store
from rulesengine.store.base import LedgerData

LEDGERS = Path(__file__).parent.parent / "data" / "ledgers"
BAD = sorted(p.name for p in LEDGERS.iterdir() if (p / "expected.txt").exists())
D = dt.date

GOOD = LedgerData(
    guarantors=[
        Guarantor(
            "G1",
            "Ada",
            "Lovelace",
            "ada@example.org",
            "+15555550101",
            PostalAddress("12 Analytical Way", "Apt 3", "Boston", "MA", "02110"),
            "America/New_York",
        ),
        Guarantor(
            "G2",
            "Charles",
            "Babbage",
            None,
            "+442071838750",
            None,
            "Europe/London",
            paperless=True,
            sms_opt_out=True,
            profile="north",
        ),
        Guarantor(
            "G3",
            "Grace",
            "Hopper",
            "grace@example.com",
            None,
            PostalAddress("1 Navy Rd", "", "Arlington", "VA", "22201"),
        ),
    ],
    encounters=[
        Encounter(
            "E1",
            "G1",
            "P1",
            D(2026, 1, 3),
            20_000,
            1,
            "open",
            False,
            "clinic",
            "dr-lee",
            D(2026, 1, 20),
            D(2026, 1, 20),
            1,
        ),
        Encounter("E2", "G1", "P2", D(2026, 1, 4), -1_550, status="closed"),
        Encounter(
            "E3",
            "G2",
            "P3",
            D(2025, 11, 30),
            123_456,
            3,
            "pre_collections",
            True,
            None,
            "dr-lee",
            D(2025, 12, 1),
            D(2026, 1, 20),
            3,
            "north",
        ),
        Encounter("E4", "G3", "P4", D(2026, 1, 10), 8_000, location="annex"),
    ],
    payments=[
        Payment(None, "E1", 2_500, D(2026, 1, 15)),
        Payment(None, "E1", 1_000, D(2026, 2, 1)),
    ],
    adjustments=[Adjustment(None, "E2", -3_000, D(2026, 1, 16))],
)


@pytest.fixture
def in_ledgers(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the ledgers folder, so messages name ``<case>/<file>``."""
    monkeypatch.chdir(LEDGERS)
    return LEDGERS


def test_there_are_enough_golden_cases() -> None:
    """The golden suite keeps at least a dozen bad ledgers."""
    assert len(BAD) >= 12


@pytest.mark.parametrize("case", BAD)
def test_bad_ledger_error_text(case: str, in_ledgers: Path) -> None:
    """A bad ledger is rejected with every problem, exactly as in its expected.txt."""
    with pytest.raises(LedgerError) as caught:
        read_ledger_dir(case)
    assert str(caught.value) + "\n" == (in_ledgers / case / "expected.txt").read_text("utf-8")


def test_problems_carry_file_row_and_column(in_ledgers: Path) -> None:
    """Each problem names the file as given, the spreadsheet row and the column."""
    with pytest.raises(LedgerError) as caught:
        read_ledger_dir("bad_date")
    assert caught.value.problems[0] == Problem(
        "bad_date/encounters.csv",
        3,
        "service_date",
        "expected a date as YYYY-MM-DD, got '2026-02-30'",
    )


def test_good_ledger_values(in_ledgers: Path) -> None:
    """A good ledger reads into exact values (cents, dates, booleans, defaults)."""
    assert read_ledger_dir("good") == GOOD


def test_bom_crlf_and_blank_trailing_rows(in_ledgers: Path) -> None:
    """A UTF-8 BOM, CRLF line ends and blank trailing rows change nothing."""
    assert read_ledger_dir("good_bom_crlf") == GOOD


def test_required_columns_only_in_any_order(in_ledgers: Path) -> None:
    """Only the required columns, in any order; payments and adjustments may be absent."""
    assert read_ledger_dir(LEDGERS / "good_required_columns_only") == LedgerData(
        guarantors=[Guarantor("G1")],
        encounters=[Encounter("E1", "G1", "P1", D(2026, 1, 3), 1_000)],
    )


def test_missing_folder(in_ledgers: Path) -> None:
    """A folder that does not exist is one clear problem."""
    with pytest.raises(LedgerError) as caught:
        read_ledger_dir("no_such_ledger")
    assert str(caught.value) == "no_such_ledger: no such folder"


def test_references_may_be_satisfied_by_the_store(tmp_path: Path) -> None:
    """With a store, encounters may name guarantors (and payments encounters) it holds."""
    store = open_store("sqlite://")
    store.import_ledger(read_ledger_dir(LEDGERS / "good"))
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "guarantors.csv").write_text("id\n")
    (folder / "encounters.csv").write_text(
        "id,guarantor,patient,service_date,balance\nE9,G1,P1,2026-02-01,5\nE10,G8,P1,2026-02-01,5\n"
    )
    (folder / "payments.csv").write_text(
        "encounter,amount,date\nE4,1,2026-02-02\nE11,1,2026-02-02\n"
    )
    with pytest.raises(LedgerError) as caught:
        read_ledger_dir(folder, store=store)
    assert [str(p).removeprefix(str(folder) + "/") for p in caught.value.problems] == [
        "encounters.csv:3:guarantor: unknown guarantor 'G8' (not in guarantors.csv or the store)",
        "payments.csv:3:encounter: unknown encounter 'E11' (not in encounters.csv or the store)",
    ]


def test_validate_against_store() -> None:
    """validate_against_store reports references neither the ledger nor the store satisfies."""
    store = open_store("sqlite://")
    store.import_ledger(GOOD)
    ledger = LedgerData(
        guarantors=[Guarantor("G7")],
        encounters=[
            Encounter("E7", "G7", "P", D(2026, 1, 1), 1),
            Encounter("E8", "G9", "P", D(2026, 1, 1), 1),
        ],
        payments=[Payment(None, "E1", 1, D(2026, 1, 2)), Payment(None, "E0", 1, D(2026, 1, 2))],
        adjustments=[Adjustment(None, "E8", 1, D(2026, 1, 2))],
    )
    assert [str(p) for p in validate_against_store(ledger, store, "in")] == [
        "in/encounters.csv:3:guarantor: unknown guarantor 'G9' (not in the ledger or the store)",
        "in/payments.csv:3:encounter: unknown encounter 'E0' (not in the ledger or the store)",
    ]
    assert validate_against_store(GOOD, store) == []


def test_rejected_ledger_writes_nothing(tmp_path: Path) -> None:
    """Reading fails before the import transaction: the store is untouched."""
    store = open_store(str(tmp_path / "s.db"))
    with pytest.raises(LedgerError):
        store.import_ledger(read_ledger_dir(LEDGERS / "several_problems"))
    assert set(store.counts().values()) == {0}


def test_import_of_good_ledger(tmp_path: Path) -> None:
    """A good ledger imports whole; its early payment counts as reviewed."""
    store = open_store(str(tmp_path / "s.db"))
    summary = store.import_ledger(read_ledger_dir(LEDGERS / "good"))
    assert (summary.guarantors, summary.encounters, summary.payments, summary.adjustments) == (
        3,
        4,
        2,
        1,
    )
    assert [p.reviewed_batch for p in store.payments_of("E1")] == ["imported", None]


def test_copy_of_a_case_reports_its_own_path(tmp_path: Path) -> None:
    """The file in messages is the folder as given joined with the file name."""
    shutil.copytree(LEDGERS / "unknown_guarantor", tmp_path / "x")
    with pytest.raises(LedgerError, match=rf"^{tmp_path}/x/encounters.csv:3:guarantor: "):
        read_ledger_dir(str(tmp_path / "x"))


def test_reading_pauses_the_cycle_collector_only_while_it_reads(
    in_ledgers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ledger folder is read with the cycle collector off, and it is on again after,
    even when the folder is refused."""
    import gc

    from rulesengine.ledger import csv_folder

    seen: list[bool] = []
    real = csv_folder.read_sheet

    def read(folder: str, name: str) -> object:
        seen.append(gc.isenabled())
        return real(folder, name)

    monkeypatch.setattr(csv_folder, "read_sheet", read)
    read_ledger_dir(in_ledgers / "good")
    assert seen == [False] * 4 and gc.isenabled()
    with pytest.raises(LedgerError):
        read_ledger_dir(in_ledgers / BAD[0])
    assert gc.isenabled()
