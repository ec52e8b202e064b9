"""``rulesengine import`` syncs a ledger export: importing the practice system's export every
month keeps the dunning state the runs decided, counts no payment twice, and says what it
did. Every test goes through the real command, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import text

from rulesengine.cli.main import main
from rulesengine.store import open_store
from rulesengine.store.sql_store import SQLStore

ROOT = Path(__file__).resolve().parents[2]
STANDARD = str(ROOT / "rules" / "standard.yaml")
D = dt.date

pytestmark = pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)

GUARANTORS = [
    "id,first_name,last_name,email,mobile,timezone,postal_line1,postal_city,postal_state,"
    "postal_zip",
    "G1,Ada,Lovelace,ada@example.org,+15555550101,America/New_York,1 Main St,Springfield,IL,62701",
    "G2,Alan,Turing,alan@example.org,,America/Chicago,2 Oak St,Salem,MA,01970",
    "G3,Grace,Hopper,grace@example.org,+15555550103,,3 Navy Rd,Arlington,VA,22201",
    "G4,Edsger,Dijkstra,,,,4 Elm St,Austin,TX,78701",
]
#: The practice system's encounter export: balances now; its level and status columns are
#: its own stale copy (always 0 and open), which a sync must not take over.
ENCOUNTER_HEADER = "id,guarantor,patient,service_date,balance,level,status,location"


def encounter(eid: str, gid: str, balance: str, service: str = "2026-01-05") -> str:
    return f"{eid},{gid},P-{eid},{service},{balance},0,open,clinic"


def write_ledger(
    folder: Path,
    encounters: Sequence[str],
    payments: Sequence[str] = (),
    adjustments: Sequence[str] = (),
    guarantors: Sequence[str] = GUARANTORS,
    encounter_header: str = ENCOUNTER_HEADER,
    posting_header: str = "encounter,amount,date",
) -> Path:
    folder.mkdir(parents=True)
    (folder / "guarantors.csv").write_text("\n".join(guarantors) + "\n", "utf-8")
    (folder / "encounters.csv").write_text(
        "\n".join([encounter_header, *encounters]) + "\n", "utf-8"
    )
    (folder / "payments.csv").write_text("\n".join([posting_header, *payments]) + "\n", "utf-8")
    (folder / "adjustments.csv").write_text(
        "\n".join([posting_header, *adjustments]) + "\n", "utf-8"
    )
    return folder


@pytest.fixture
def rulesengine(store_url: str) -> Callable[..., Result]:
    """Run ``rulesengine ... --db STORE`` and return click's result."""
    runner = CliRunner()

    def invoke(*args: str, db: str = store_url) -> Result:
        return runner.invoke(main, [*args, "--db", db], catch_exceptions=False)

    return invoke


@pytest.fixture
def other_store_url(
    store_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[str]:
    """A second fresh store of the same kind as ``store_url``."""
    if not store_url.startswith("postgresql"):
        yield str(tmp_path / "other.db")
        return
    import sqlalchemy

    server = request.getfixturevalue("pg_server")
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = sqlalchemy.create_engine(server.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in server else "?"
    try:
        yield f"{server}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.output
    return result


def synced(rulesengine: Callable[..., Result], folder: Path, *flags: str) -> dict[str, Any]:
    """``import FOLDER --json`` (with flags): its report."""
    return json.loads(ok(rulesengine("import", str(folder), "--json", *flags)).output)


def counts(report: dict[str, Any], name: str) -> tuple[int, int, int, int]:
    c = report["files"][name]
    return c["inserted"], c["updated"], c["unchanged"], c["skipped"]


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every ledger and batch row that a sync or a run writes (wall-clock columns aside)."""
    store = open_store(url)
    assert isinstance(store, SQLStore)
    queries = {
        "guarantors": "SELECT * FROM guarantors ORDER BY id",
        "encounters": "SELECT * FROM encounters ORDER BY id",
        "payments": "SELECT encounter_id, amount_cents, date, reviewed_batch, external_id"
        " FROM payments ORDER BY id",
        "adjustments": "SELECT encounter_id, amount_cents, date, external_id FROM adjustments"
        " ORDER BY id",
        "statements": "SELECT id, guarantor_id, level, total_cents FROM statements ORDER BY id",
        "notifications": "SELECT statement_id, channel, status FROM notifications ORDER BY id",
    }
    try:
        with store.reading() as conn:
            return {name: [tuple(r) for r in conn.execute(text(q))] for name, q in queries.items()}
    finally:
        store.close()


def levels(url: str) -> dict[str, tuple[int, str, int]]:
    """Encounter id -> (level, status, statements_sent)."""
    return {row[0]: (row[5], row[6], row[12]) for row in snapshot(url)["encounters"]}


def run(rulesengine: Callable[..., Result], date: str) -> dict[str, Any]:
    return json.loads(ok(rulesengine("run", "--rules", STANDARD, "--date", date, "--json")).output)


# -- the month after month sync -----------------------------------------------------------

MONTH_1 = [
    encounter("E1", "G1", "200.00"),
    encounter("E2", "G2", "80.00"),
    encounter("E3", "G3", "50.00"),
    encounter("E4", "G3", "300.00"),
    encounter("E6", "G4", "120.00"),
]
PAYMENTS_1 = ["E1,20.00,2026-01-10", "E3,5.00,2026-01-12"]


def test_a_reimported_export_keeps_the_dunning_level(tmp_path, rulesengine, store_url) -> None:
    """The issue's case: the export says level 0, the store says 1 after a run; importing
    the export again keeps 1, and the next run moves the encounter to 2, not to 1."""
    export = write_ledger(tmp_path / "m1", MONTH_1, PAYMENTS_1)
    ok(rulesengine("import", str(export)))
    run(rulesengine, "2026-02-01")
    assert levels(store_url)["E1"] == (1, "open", 1)
    report = synced(rulesengine, export)
    assert report["dunning_differs"] == 5 and report["dunning_kept"] is True
    assert levels(store_url)["E1"] == (1, "open", 1)
    second = run(rulesengine, "2026-03-02")
    assert second["encounters"]["E1"] == {"level": 2, "status": "open"}


def test_month_by_month_sync_equals_the_same_months_without_reimport(
    tmp_path, rulesengine, store_url, other_store_url
) -> None:
    """Export, run, export again (new payments, an adjustment, changed balances, a new
    encounter), run, and again: the store and every batch equal those of a store that got
    the same changes posted directly, with no re-import."""
    months = {
        1: write_ledger(tmp_path / "m1", MONTH_1, PAYMENTS_1),
        2: write_ledger(
            tmp_path / "m2",
            [
                encounter("E1", "G1", "170.00"),  # paid 30.00
                encounter("E2", "G2", "0"),  # paid in full
                encounter("E3", "G3", "50.00"),
                encounter("E4", "G3", "0"),  # written off
                encounter("E6", "G4", "120.00"),
                encounter("E7", "G1", "90.00", "2026-02-05"),  # a new visit
            ],
            [*PAYMENTS_1, "E1,30.00,2026-02-10", "E2,80.00,2026-02-20"],
            ["E4,-300.00,2026-02-15"],
        ),
        3: write_ledger(
            tmp_path / "m3",
            [
                encounter("E1", "G1", "170.00"),
                encounter("E2", "G2", "0"),
                encounter("E3", "G3", "30.00"),  # paid 20.00
                encounter("E4", "G3", "0"),
                encounter("E6", "G4", "100.00"),  # two equal payments on one day
                encounter("E7", "G1", "90.00", "2026-02-05"),
            ],
            [
                *PAYMENTS_1,
                "E1,30.00,2026-02-10",
                "E2,80.00,2026-02-20",
                "E3,20.00,2026-03-10",
                "E6,10.00,2026-03-05",
                "E6,10.00,2026-03-05",
            ],
            ["E4,-300.00,2026-02-15"],
        ),
    }
    dates = {1: "2026-02-01", 2: "2026-03-02", 3: "2026-04-01"}
    synced_batches = []
    for month in (1, 2, 3):
        synced(rulesengine, months[month])
        synced_batches.append(run(rulesengine, dates[month]))

    direct = other_store_url
    direct_batches = [None, None, None]
    ok(rulesengine("import", str(months[1]), db=direct))
    direct_batches[0] = run_on(rulesengine, direct, dates[1])
    store = open_store(direct)
    store.post_payment("E1", 3_000, D(2026, 2, 10))
    store.post_payment("E2", 8_000, D(2026, 2, 20))
    store.post_adjustment("E4", -30_000, D(2026, 2, 15))
    store.close()
    new_visit = write_ledger(
        tmp_path / "m2-new-visit",
        [encounter("E7", "G1", "90.00", "2026-02-05")],
        guarantors=GUARANTORS[:2],
    )
    ok(rulesengine("import", str(new_visit), db=direct))
    direct_batches[1] = run_on(rulesengine, direct, dates[2])
    store = open_store(direct)
    store.post_payment("E3", 2_000, D(2026, 3, 10))
    store.post_payment("E6", 1_000, D(2026, 3, 5))
    store.post_payment("E6", 1_000, D(2026, 3, 5))
    store.close()
    direct_batches[2] = run_on(rulesengine, direct, dates[3])

    assert synced_batches == direct_batches
    assert snapshot(store_url) == snapshot(direct)
    final = levels(store_url)
    assert final["E1"][0] >= 2, "dunning went on from the stored level"
    assert [row[3] for row in snapshot(store_url)["payments"]].count(None) == 0


def run_on(rulesengine: Callable[..., Result], db: str, date: str) -> dict[str, Any]:
    result = ok(rulesengine("run", "--rules", STANDARD, "--date", date, "--json", db=db))
    return json.loads(result.output)


# -- importing twice ----------------------------------------------------------------------


def test_importing_a_file_twice_changes_nothing(tmp_path, rulesengine, store_url) -> None:
    """The second import of the same export inserts and updates nothing: every row is
    unchanged or skipped, and the store is the same row for row; two equal payments on one
    day stay two."""
    export = write_ledger(
        tmp_path / "m1",
        MONTH_1,
        [*PAYMENTS_1, "E6,10.00,2026-01-20", "E6,10.00,2026-01-20"],
        ["E4,-5.00,2026-01-15"],
    )
    first = synced(rulesengine, export)
    assert counts(first, "payments.csv") == (4, 0, 0, 0)
    before = snapshot(store_url)
    second = synced(rulesengine, export)
    assert counts(second, "guarantors.csv") == (0, 0, 4, 0)
    assert counts(second, "encounters.csv") == (0, 0, 5, 0)
    assert counts(second, "payments.csv") == (0, 0, 0, 4)
    assert counts(second, "adjustments.csv") == (0, 0, 0, 1)
    assert snapshot(store_url) == before
    equal = [
        p for p in before["payments"] if (p[0], p[1], str(p[2])) == ("E6", 1_000, "2026-01-20")
    ]
    assert len(equal) == 2


def test_a_third_equal_payment_in_the_file_is_one_new_payment(
    tmp_path, rulesengine, store_url
) -> None:
    """Without ids the k-th row with a given (encounter, amount, date) is the k-th stored
    one: a file with one more such row adds exactly one payment."""
    ok(rulesengine("import", str(write_ledger(tmp_path / "a", MONTH_1, ["E6,10.00,2026-01-20"]))))
    again = write_ledger(tmp_path / "b", MONTH_1, ["E6,10.00,2026-01-20"] * 3)
    assert counts(synced(rulesengine, again), "payments.csv") == (2, 0, 0, 1)
    assert [p[0] for p in snapshot(store_url)["payments"]] == ["E6"] * 3


def test_payments_with_ids_are_matched_by_id(tmp_path, rulesengine, store_url) -> None:
    """A stored id is skipped (even when another payment has the same values); a new id
    is inserted; the id is kept in the store."""
    header = "id,encounter,amount,date"
    first = write_ledger(
        tmp_path / "a", MONTH_1, ["PAY-1,E1,20.00,2026-01-10"], posting_header=header
    )
    ok(rulesengine("import", str(first)))
    both = write_ledger(
        tmp_path / "b",
        MONTH_1,
        ["PAY-1,E1,20.00,2026-01-10", "PAY-2,E1,20.00,2026-01-10"],
        posting_header=header,
    )
    assert counts(synced(rulesengine, both), "payments.csv") == (1, 0, 0, 1)
    assert counts(synced(rulesengine, both), "payments.csv") == (0, 0, 0, 2)
    assert [p[4] for p in snapshot(store_url)["payments"]] == ["PAY-1", "PAY-2"]


def test_a_payment_id_stored_with_another_amount_is_refused(
    tmp_path, rulesengine, store_url
) -> None:
    """The same id with another amount is an error at that row and column; nothing is
    written."""
    header = "id,encounter,amount,date"
    ok(
        rulesengine(
            "import",
            str(
                write_ledger(
                    tmp_path / "a", MONTH_1, ["PAY-1,E1,20.00,2026-01-10"], posting_header=header
                )
            ),
        )
    )
    before = snapshot(store_url)
    changed = write_ledger(
        tmp_path / "b",
        [encounter("E1", "G1", "150.00"), *MONTH_1[1:]],
        ["PAY-2,E3,1.00,2026-01-11", "PAY-1,E1,25.00,2026-01-10"],
        posting_header=header,
    )
    result = rulesengine("import", str(changed))
    assert result.exit_code == 1
    assert (
        f"{changed / 'payments.csv'}:3:amount: id 'PAY-1' is stored with amount 20.00,"
        " not 25.00; a posting's id names one posting: give this one an id of its own,"
        " or correct the amount"
    ) in result.output
    assert "Traceback" not in result.output
    assert snapshot(store_url) == before


def test_a_reviewed_payment_keeps_its_mark(tmp_path, rulesengine, store_url) -> None:
    """A payment a run reviewed keeps that run's mark when the export lists it again."""
    export = write_ledger(tmp_path / "m1", MONTH_1, ["E1,20.00,2026-01-25"])
    ok(rulesengine("import", str(export)))
    run(rulesengine, "2026-02-01")
    assert [p[3] for p in snapshot(store_url)["payments"]] == ["standard-2026-02-01"]
    synced(rulesengine, export)
    assert [p[3] for p in snapshot(store_url)["payments"]] == ["standard-2026-02-01"]


# -- columns and rows the file lacks, --dunning-from-file, --dry-run -------------------------


def test_columns_the_file_lacks_keep_their_stored_values(tmp_path, rulesengine, store_url) -> None:
    """A stored encounter keeps its location when the export has no location column, and
    takes the new balance; encounters the file lacks are untouched."""
    ok(rulesengine("import", str(write_ledger(tmp_path / "a", MONTH_1))))
    narrow = write_ledger(
        tmp_path / "b",
        ["E1,G1,P-E1,2026-01-05,150.00"],
        encounter_header="id,guarantor,patient,service_date,balance",
        guarantors=["id,email", "G1,ada@new.example.org"],
    )
    report = synced(rulesengine, narrow)
    assert counts(report, "encounters.csv") == (0, 1, 0, 0)
    assert counts(report, "guarantors.csv") == (0, 1, 0, 0)
    rows = {row[0]: row for row in snapshot(store_url)["encounters"]}
    assert (rows["E1"][4], rows["E1"][8]) == (15_000, "clinic")
    assert rows["E2"][4] == 8_000
    g1 = snapshot(store_url)["guarantors"][0]
    assert g1[:4] == ("G1", "Ada", "Lovelace", "ada@new.example.org")
    assert report["not_in_file"] == 4  # E2, E3, E4, E6: open, of the same (no) profile


def test_dunning_from_file_takes_the_files_dunning_fields(tmp_path, rulesengine, store_url) -> None:
    """--dunning-from-file: the file's level and status replace the store's (a correction)."""
    ok(rulesengine("import", str(write_ledger(tmp_path / "a", MONTH_1))))
    run(rulesengine, "2026-02-01")
    assert levels(store_url)["E1"] == (1, "open", 1)
    fixed = write_ledger(
        tmp_path / "b",
        ["E1,G1,P-E1,2026-01-05,200.00,2,open,clinic,3"],
        encounter_header=ENCOUNTER_HEADER + ",statements_sent",
    )
    report = synced(rulesengine, fixed, "--dunning-from-file")
    assert (report["dunning_differs"], report["dunning_kept"]) == (1, False)
    assert levels(store_url)["E1"] == (2, "open", 3)
    plain = synced(rulesengine, write_ledger(tmp_path / "c", MONTH_1[:1]))
    assert plain["dunning_differs"] == 1
    assert levels(store_url)["E1"] == (2, "open", 3)


def test_dry_run_reports_the_same_and_writes_nothing(tmp_path, rulesengine, store_url) -> None:
    """--dry-run prints the summary the import would print, and the store is unchanged."""
    ok(rulesengine("import", str(write_ledger(tmp_path / "a", MONTH_1, PAYMENTS_1))))
    run(rulesengine, "2026-02-01")
    month_2 = write_ledger(
        tmp_path / "b",
        [encounter("E1", "G1", "150.00"), *MONTH_1[1:], encounter("E9", "G2", "40.00")],
        [*PAYMENTS_1, "E1,50.00,2026-02-10"],
    )
    before = snapshot(store_url)
    file_bytes = Path(store_url).read_bytes() if "postgresql" not in store_url else None
    dry = synced(rulesengine, month_2, "--dry-run")
    assert snapshot(store_url) == before
    if file_bytes is not None:
        assert Path(store_url).read_bytes() == file_bytes
    assert dry["dry_run"] is True
    real = synced(rulesengine, month_2)
    assert {**dry, "dry_run": False} == real
    assert counts(real, "encounters.csv") == (1, 1, 4, 0)
    assert counts(real, "payments.csv") == (1, 0, 0, 2)
    assert real["dunning_differs"] == 5
    table = ok(rulesengine("import", str(month_2), "--dry-run")).output
    assert "dry run: nothing written to" in table
    assert "payments.csv" in table


# -- --complete ---------------------------------------------------------------------------


def test_complete_sets_the_balance_of_unlisted_open_encounters_of_its_profiles_to_0(
    tmp_path, rulesengine, store_url
) -> None:
    """--complete: stored open or pre-collections encounters of the profiles the file
    covers that it does not list get balance 0, and close at the next run; encounters of
    other profiles are untouched. Without it the summary counts them and nothing changes."""
    header = ENCOUNTER_HEADER + ",profile"
    ok(
        rulesengine(
            "import",
            str(
                write_ledger(
                    tmp_path / "a",
                    [
                        encounter("E1", "G1", "200.00") + ",",
                        encounter("E2", "G2", "80.00") + ",",
                        encounter("E3", "G3", "50.00") + ",north",
                    ],
                    encounter_header=header,
                )
            ),
        )
    )
    only_e1 = write_ledger(
        tmp_path / "b", [encounter("E1", "G1", "200.00") + ","], encounter_header=header
    )
    report = synced(rulesengine, only_e1)
    assert (report["not_in_file"], report["zeroed"], report["covered_profiles"]) == (1, 0, [None])
    assert {row[0]: row[4] for row in snapshot(store_url)["encounters"]}["E2"] == 8_000
    assert "1 stored open encounter not in encounters.csv (profiles covered: no profile)" in (
        ok(rulesengine("import", str(only_e1), "--dry-run")).output
    )

    report = synced(rulesengine, only_e1, "--complete")
    assert (report["not_in_file"], report["zeroed"]) == (1, 1)
    balances = {row[0]: row[4] for row in snapshot(store_url)["encounters"]}
    assert balances == {"E1": 20_000, "E2": 0, "E3": 5_000}
    batch = run(rulesengine, "2026-02-01")
    assert batch["encounters"]["E2"]["status"] == "closed"
    assert levels(store_url)["E3"] == (0, "open", 0)  # profile north: not covered


def test_a_first_import_takes_the_files_dunning_fields(tmp_path, rulesengine, store_url) -> None:
    """New ids take every column, dunning fields included: a first import carries levels
    over from another billing system."""
    migrated = write_ledger(
        tmp_path / "a",
        ["E1,G1,P-E1,2025-10-05,200.00,2,open,clinic,2025-11-01,2025-12-01,2"],
        encounter_header=ENCOUNTER_HEADER + ",first_statement,last_statement,statements_sent",
    )
    report = synced(rulesengine, migrated)
    assert (counts(report, "encounters.csv"), report["dunning_differs"]) == ((1, 0, 0, 0), 0)
    assert levels(store_url)["E1"] == (2, "open", 2)
    assert run(rulesengine, "2026-02-01")["encounters"]["E1"] == {"level": 3, "status": "open"}


def test_the_worklist_survives_a_sync(tmp_path, rulesengine, store_url) -> None:
    """An encounter a run sent to the pre-collections worklist stays there, with the batch
    that sent it, when the export (status open, a new balance) is imported again."""
    header = ENCOUNTER_HEADER + ",first_statement,last_statement,statements_sent"
    first = write_ledger(
        tmp_path / "a",
        ["E1,G1,P-E1,2025-10-05,200.00,3,open,clinic,2025-11-01,2026-01-01,3"],
        encounter_header=header,
    )
    ok(rulesengine("import", str(first)))
    run(rulesengine, "2026-02-01")
    listed = json.loads(ok(rulesengine("worklist", "--json")).output)
    assert levels(store_url)["E1"][1] == "pre_collections"
    export = write_ledger(
        tmp_path / "b", ["E1,G1,P-E1,2025-10-05,150.00,0,open,clinic,,,0"], encounter_header=header
    )
    report = synced(rulesengine, export)
    assert counts(report, "encounters.csv") == (0, 1, 0, 0)
    assert levels(store_url)["E1"][1] == "pre_collections"
    again = json.loads(ok(rulesengine("worklist", "--json")).output)
    assert [{**row, "balance": None} for row in again] == [
        {**row, "balance": None} for row in listed
    ]


def test_an_export_may_pay_off_an_encounter_it_no_longer_lists(
    tmp_path, rulesengine, store_url
) -> None:
    """A paid-off encounter leaves the practice system's open-encounter export while its
    payment is still in payments.csv: the payment names an encounter the store holds, so
    it is imported (the encounter is neither in the file nor in the store: an error)."""
    ok(rulesengine("import", str(write_ledger(tmp_path / "m1", MONTH_1))))
    paid_off = [e for e in MONTH_1 if not e.startswith("E2,")]
    report = synced(rulesengine, write_ledger(tmp_path / "m2", paid_off, ["E2,80.00,2026-02-03"]))
    assert counts(report, "payments.csv") == (1, 0, 0, 0)
    assert [p[:2] for p in snapshot(store_url)["payments"]] == [("E2", 8_000)]


def test_an_export_of_changes_may_name_stored_guarantors_only(
    tmp_path, rulesengine, store_url
) -> None:
    """An export of the month's changes: no guarantor rows, a new encounter of a stored
    guarantor, a payment of a stored encounter."""
    ok(rulesengine("import", str(write_ledger(tmp_path / "m1", MONTH_1))))
    changes = write_ledger(
        tmp_path / "changes",
        [encounter("E20", "G1", "40.00", "2026-02-02")],
        ["E3,5.00,2026-02-04"],
        guarantors=GUARANTORS[:1],
    )
    report = synced(rulesengine, changes)
    assert counts(report, "encounters.csv") == (1, 0, 0, 0)
    assert counts(report, "payments.csv") == (1, 0, 0, 0)


def test_a_payment_of_an_encounter_nowhere_is_refused_naming_the_store(
    tmp_path, rulesengine, store_url
) -> None:
    ok(rulesengine("import", str(write_ledger(tmp_path / "m1", MONTH_1))))
    before = snapshot(store_url)
    result = rulesengine(
        "import", str(write_ledger(tmp_path / "m2", MONTH_1, ["E99,5.00,2026-02-04"]))
    )
    assert result.exit_code == 1
    assert (
        "payments.csv:2:encounter: unknown encounter 'E99' (not in encounters.csv or the store)"
        in result.output
    )
    assert snapshot(store_url) == before
