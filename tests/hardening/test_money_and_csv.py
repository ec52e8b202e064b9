"""Amounts are plain decimal money with a maximum; every CSV the product writes is inert.

- money: ``99999999999999999999`` and ``1e999999`` crashed the import (exit 3) after an
  empty store file was created; ``١٠٠``, ``1_000.00`` and ``1E+2`` were accepted. Now every
  amount (ledger cells, rules files, scenario files) is ASCII digits with an optional minus
  and at most two decimals, at most 10,000,000.00 either side of zero; a bad ledger is
  refused (exit 1, file, row, column) before any store is opened or created;
- sums: the largest allowed amounts on thousands of encounters of one guarantor import,
  run, explain and list exactly (a guarantor needs 900 million of them to leave 64 bits);
- CSV: the print manifest held ``=HYPERLINK(...)``, ``@SUM(...)``, ``-2+3``, CR/LF and NUL
  straight from the ledger. Every CSV the product writes goes through
  :mod:`rulesengine.csv_output`: formula-leading cells get a leading quote, control
  characters are gone, and plain numbers (``-2.00``, ``+15555550101``) stay as they are.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from rulesengine.csv_output import csv_text, safe_cell
from rulesengine.model import MONEY_MAX_CENTS, format_money, parse_money

from ._zygote import Done
from ._zygote import rulesengine as run_forked
from .test_bad_input_cli import LEDGER_CASES, Job, fingerprint, run_jobs

DATA = Path(__file__).resolve().parents[1] / "data"
MAXIMUM = "10000000.00"
GUARANTORS = "id,first_name,postal_line1,postal_city,postal_zip\nG1,Ada,1 Oak St,Salem,01970\n"


def rulesengine(*argv: str, cwd: Path) -> Done:
    """``rulesengine *argv`` forked from the zygote (``_zygote.py``)."""
    return run_forked(*argv, cwd=cwd, timeout=600)


def ledger(folder: Path, encounters: str, **extra: str) -> Path:
    """A ledger folder with one guarantor G1, the encounter rows, and any other files."""
    folder.mkdir(parents=True)
    (folder / "guarantors.csv").write_text(GUARANTORS, "utf-8")
    header = "id,guarantor,patient,service_date,balance\n"
    (folder / "encounters.csv").write_text(header + encounters, "utf-8")
    for name, text in extra.items():
        (folder / f"{name}.csv").write_text(text, "utf-8")
    return folder


# -- money: the parser ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("12.50", 1250),
        ("12.5", 1250),
        ("12", 1200),
        ("-20.00", -2000),
        ("0", 0),
        ("007.10", 710),
        (MAXIMUM, MONEY_MAX_CENTS),
        ("-" + MAXIMUM, -MONEY_MAX_CENTS),
    ],
)
def test_plain_decimal_amounts_are_whole_cents(text: str, cents: int) -> None:
    """ASCII digits, an optional minus, at most two decimals: exact cents."""
    assert parse_money(text) == cents


@pytest.mark.parametrize(
    "text",
    [
        "1e999999",
        "1E+2",
        "1e2",
        "١٠٠",
        "٣.٥٠",
        "１２",
        "1_000.00",
        "1,000.00",
        "$10",
        "+5",
        "5.",
        ".5",
        " 5",
        "NaN",
        "Infinity",
        "-Infinity",
        "0x10",
        "",
        "--5",
        "5-",
    ],
)
def test_anything_but_plain_decimal_money_is_refused(text: str) -> None:
    """Exponents, underscores, separators, signs and non-ASCII digits are not amounts."""
    with pytest.raises(ValueError, match="expected an amount such as 12.50"):
        parse_money(text)


@pytest.mark.parametrize(
    "text", ["10000000.01", "-10000000.01", "99999999999999999999", "9" * 100_000]
)
def test_amounts_past_the_maximum_are_refused_naming_it(text: str) -> None:
    """The message names the maximum, and a huge cell is shortened in it."""
    with pytest.raises(ValueError) as caught:
        parse_money(text)
    message = str(caught.value)
    assert message.startswith(
        "out of range: an amount is at most 10,000,000.00 either side of zero, got '"
    )
    assert len(message) < 200


def test_the_maximum_leaves_every_realistic_sum_inside_64_bits() -> None:
    """900 million encounters at the maximum still fit the store's and durable-rules' ints
    (and 9 million fit the 2**53 a float holds exactly)."""
    assert MONEY_MAX_CENTS == 10_000_000_00
    assert 900_000_000 * MONEY_MAX_CENTS < 2**63 - 1
    assert 9_000_000 * MONEY_MAX_CENTS < 2**53


# -- money: through the real command -------------------------------------------------------


@pytest.fixture(scope="module")
def fresh_imports(tmp_path_factory: pytest.TempPathFactory):
    """``import`` of every bad ledger of the corpus, each into a store that does not exist."""
    root = tmp_path_factory.mktemp("fresh-imports")
    ledgers = root / "ledgers"
    shutil.copytree(DATA / "ledgers", ledgers)
    jobs = {}
    for case in LEDGER_CASES:
        folder = root / "stores" / case
        folder.mkdir(parents=True)
        jobs[case] = Job(["import", case, "--db", str(folder / "store.db")], ledgers, None)
    return {case: (outcome, root / "stores" / case) for case, outcome in run_jobs(jobs).items()}


@pytest.mark.parametrize("case", LEDGER_CASES)
def test_a_bad_ledger_never_creates_a_store(fresh_imports, case: str) -> None:
    """Every bad ledger of the corpus: exit 1, its golden problems, and no store file."""
    outcome, folder = fresh_imports[case]
    assert outcome.code == 1, outcome.output
    assert "Traceback" not in outcome.output and "internal error" not in outcome.output
    expected = (DATA / "ledgers" / case / "expected.txt").read_text("utf-8")
    assert outcome.stderr in (expected, f"error: {expected}")
    assert list(folder.iterdir()) == [], "a store file was created"
    assert not outcome.stray_store


def test_the_corpus_holds_the_money_cases() -> None:
    """The amounts that crashed the import, and the ones it wrongly took, stay in the corpus."""
    assert {"money_too_large", "money_not_plain", "bad_money", "three_decimals"} <= set(
        LEDGER_CASES
    )
    cells = (DATA / "ledgers" / "money_too_large" / "encounters.csv").read_text("utf-8")
    assert "99999999999999999999" in cells
    cells = (DATA / "ledgers" / "money_not_plain" / "encounters.csv").read_text("utf-8")
    assert all(bad in cells for bad in ("1e999999", "١٠٠", "1_000.00", "1E+2"))


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("99999999999999999999", "out of range: an amount is at most 10,000,000.00"),
        ("1e999999", "expected an amount such as 12.50"),
        ("١٠٠", "expected an amount such as 12.50"),
        ("1_000.00", "expected an amount such as 12.50"),
        ("1E+2", "expected an amount such as 12.50"),
    ],
)
def test_a_bad_amount_is_exit_1_naming_file_row_and_column(
    tmp_path: Path, cell: str, message: str
) -> None:
    """Through the console script: the row and column of the cell, exit 1, no store."""
    ledger(tmp_path / "ledger", f"E1,G1,P1,2026-01-03,10.00\nE2,G1,P1,2026-01-03,{cell}\n")
    done = rulesengine("import", "ledger", "--db", "store.db", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stderr.removeprefix("error: ").startswith(
        f"ledger/encounters.csv:3:balance: {message}"
    )
    assert "internal error" not in done.stderr
    assert not (tmp_path / "store.db").exists()


def test_the_largest_amounts_on_many_encounters_of_one_guarantor_run_fine(tmp_path: Path) -> None:
    """3,000 encounters at the maximum (and a credit and adjustment at the maximum below
    zero) for one guarantor: import, a live run, explain and the worklist all succeed, and
    the statement total is exact, also where durable-rules compares guarantor.balance."""
    count = 3_000
    rows = "".join(f"E{i},G1,P1,2026-01-03,{MAXIMUM}\n" for i in range(count))
    rows += f"C1,G1,P1,2026-01-03,-{MAXIMUM}\n"
    ledger(
        tmp_path / "ledger",
        rows,
        payments=f"encounter,amount,date\nE0,{MAXIMUM},2026-01-02\n",
        adjustments=f"encounter,amount,date\nC1,-{MAXIMUM},2026-01-02\n",
    )
    total_cents = count * MONEY_MAX_CENTS
    imported = rulesengine("import", "ledger", "--db", "store.db", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    # guarantor.balance (30,000,000,000.00) compared exactly, to the cent, in durable-rules.
    rules = (DATA.parents[1] / "rules" / "standard.yaml").read_text("utf-8")
    exclude = "      when: encounter.balance < 1.00\n"
    assert exclude in rules
    above = rules.replace(
        exclude, exclude + "    - name: huge\n      when: guarantor.balance > 29999999999.99\n"
    )
    (tmp_path / "above.yaml").write_text(above, "utf-8")
    tested = rulesengine(
        "run",
        "--rules",
        "above.yaml",
        "--date",
        "2026-02-01",
        "--test",
        "--json",
        "--db",
        "store.db",
        cwd=tmp_path,
    )
    assert tested.returncode == 0, tested.stderr
    assert json.loads(tested.stdout)["skipped"] == {"huge": count}
    live = rulesengine(
        "run",
        "--rules",
        str(DATA.parents[1] / "rules" / "standard.yaml"),
        "--date",
        "2026-02-01",
        "--json",
        "--db",
        "store.db",
        cwd=tmp_path,
    )
    assert live.returncode == 0, live.stderr
    summary = json.loads(live.stdout)
    assert summary["statements"] == 1
    assert round(summary["total"] * 100) == total_cents
    explained = rulesengine("explain", "G1", "--db", "store.db", cwd=tmp_path)
    assert explained.returncode == 0, explained.stderr
    assert format_money(total_cents) in explained.stdout
    listed = rulesengine("worklist", "--db", "store.db", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr


# -- CSV: the shared writer ----------------------------------------------------------------

HOSTILE = [
    '=HYPERLINK("http://evil.example/pay","Pay here")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3",
    "+1+1",
    "=1+1",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "\uff1dHYPERLINK()",
    "\uff20SUM(A1)",
    "line one\r\nline two",
    "cr\ronly",
    "lf\nonly",
    "nul\x00byte",
    "bell\x07 esc\x1b[31m del\x7f c1\x85\x9b",
    "\u2028=line separator",
    "-",
    "@",
    "\ufeff=1+1",
    "\u200b=1+1",
    "\u202e=1+1",
    "\u00a0=1+1",
    "\u2212 2+3",
]


def read_back(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_cell_is_written_inert(value: str) -> None:
    """Read back: one record, no control character, and a formula start behind a quote."""
    rows = read_back(csv_text(["id", "name"], [{"id": "1", "name": value}]))
    assert len(rows) == 2
    cell = rows[1][1]
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in cell), repr(cell)
    assert "\u2028" not in cell
    visible = cell.lstrip(" \u00a0\ufeff\u200b\u202e")
    assert not visible.startswith(("=", "+", "-", "@", "\uff1d", "\uff20", "\u2212")), cell
    assert [c for c in cell if c.isalnum()] == [c for c in value if c.isalnum()]  # text kept


def test_the_quote_keeps_the_text_and_writing_again_changes_nothing() -> None:
    """A manifest is read and written again: neutralising twice is neutralising once."""
    for value in HOSTILE:
        once = safe_cell(value)
        assert safe_cell(once) == once
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("line one\r\nline two") == "line one line two"
    assert safe_cell("nul\x00byte") == "nulbyte"


@pytest.mark.parametrize("value", ["-2.00", "1,234.50", "-1,234.50", "+15555550101", "3", "0"])
def test_plain_numbers_stay_numbers(value: str) -> None:
    """A plain number is never a formula: credits and E.164 numbers are written as they are."""
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", ["Ada Lovelace", "O'Brien", "1 Oak St, Apt 2", 'say "hi"', ""])
def test_ordinary_text_is_unchanged(value: str) -> None:
    assert read_back(csv_text(["v"], [{"v": value}]))[1] == [value]


# -- CSV: the print manifest through the real command --------------------------------------

PRINT_RULES = """\
rulesengine: 1
profile:
  id: clinic
  practice: Riverside
  timezone: America/Chicago
  pay_link: "https://pay.example.org/q/{token}"
dunning:
  levels:
    - message: letter
      channels: [print]
messages:
  letter:
    print:
      body: "You owe {{ statement.total | money }}."
channels:
  print:
    outbox: out/print
"""


def test_the_print_manifest_neutralises_every_hostile_ledger_cell(tmp_path: Path) -> None:
    """Hostile names, ids and addresses from the ledger reach the mail house's manifest as
    text: import, a live run and delivery through the console script, then read it back."""
    folder = tmp_path / "ledger"
    folder.mkdir()
    guarantors = [
        {
            "id": "@G1",
            "first_name": '=HYPERLINK("http://evil.example/x","Pay")',
            "last_name": "@SUM(1+1)*cmd|' /C calc'!A0",
            "postal_line1": "-2+3 Main St",
            "postal_line2": "+1+1",
            "postal_city": "Spring\r\nfield",
            "postal_state": "=IL",
            "postal_zip": "627\x0101\x7f",  # (a NUL is refused at import: test_nul_characters)
        },
        {
            "id": "-2+3",
            "first_name": "\uff1dcmd()",
            "last_name": "Doe\x1b[31m",
            "postal_line1": "1 Oak St\rSuite 2",
            "postal_line2": "",
            "postal_city": "Salem",
            "postal_state": "MA",
            "postal_zip": "01970",
        },
    ]
    with (folder / "guarantors.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(guarantors[0]))
        writer.writeheader()
        writer.writerows(guarantors)
    (folder / "encounters.csv").write_text(
        "id,guarantor,patient,service_date,balance\n"
        "E1,@G1,P1,2026-01-03,120.00\nE2,-2+3,P2,2026-01-03,50.00\n",
        "utf-8",
    )
    (tmp_path / "rules.yaml").write_text(PRINT_RULES, "utf-8")
    for argv in (
        ["import", "ledger"],
        ["run", "--rules", "rules.yaml", "--date", "2026-02-01"],
        ["deliver", "--until-empty"],
    ):
        done = rulesengine(*argv, "--db", "store.db", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    manifest = tmp_path / "out" / "print" / "clinic-2026-02-01" / "manifest.csv"
    text = manifest.read_text("utf-8")
    records = read_back(text)
    assert len(records) == 3 and text.count("\n") == 3  # header and two letters, one line each
    for record in records:
        for cell in record:
            assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in cell), repr(cell)
            assert not cell.startswith(("=", "+", "-", "@", "\uff1d")), cell
    by_guarantor = {row["guarantor_id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert set(by_guarantor) == {"'@G1", "'-2+3"}
    ada = by_guarantor["'@G1"]
    assert (
        ada["name"] == '\'=HYPERLINK("http://evil.example/x","Pay") @SUM(1+1)*cmd|\' /C calc\'!A0'
    )
    assert ada["address_line1"] == "'-2+3 Main St"
    assert ada["address_line2"] == "'+1+1"
    assert ada["address_line3"] == "Spring field, =IL 62701"
    assert ada["total"] == "120.00"
    other = by_guarantor["'-2+3"]
    assert other["name"] == "'\uff1dcmd() Doe[31m"
    assert other["address_line1"] == "1 Oak St Suite 2"


def test_a_store_holding_amounts_past_the_maximum_refuses_the_run_instead_of_crashing(
    tmp_path: Path,
) -> None:
    """Two stored balances of 50,000,000,000,000,000.00 (an import of an older version took
    them) summed past 64 bits: every live run was exit 3. Now exit 1 names them, the store
    is unchanged, and importing the corrected ledger lets the run go ahead."""
    import datetime as dt

    from sqlalchemy import update

    from rulesengine.model import Encounter, Guarantor
    from rulesengine.store import open_store
    from rulesengine.store.base import LedgerData
    from rulesengine.store.tables import encounters

    store = open_store(str(tmp_path / "store.db"))  # setup: what an older import wrote
    try:
        two = [Encounter(f"E{i}", "G1", "P1", dt.date(2026, 1, 3), 100) for i in range(2)]
        store.import_ledger(LedgerData([Guarantor("G1", email="ada@example.org")], two, [], []))
        with store.writing() as conn:  # an import now refuses such amounts: written directly
            conn.execute(update(encounters).values(balance_cents=5 * 10**18))
    finally:
        store.close()
    before = fingerprint(tmp_path / "store.db")
    rules = str(DATA.parents[1] / "rules" / "standard.yaml")
    refused = rulesengine(
        "run", "--rules", rules, "--date", "2026-02-01", "--db", "store.db", cwd=tmp_path
    )
    assert refused.returncode == 1, refused.stderr
    assert refused.stderr == (
        "error: encounters 'E0', 'E1': a balance or payment in the store is past the maximum"
        " amount of 10,000,000.00 either side of zero (an older version of rulesengine"
        " imported any amount, and adjustments add to a balance); correct the ledger and"
        " import it again\n"
    )
    assert fingerprint(tmp_path / "store.db") == before
    ledger(
        tmp_path / "ledger",
        "E0,G1,P1,2026-01-03,10.00\nE1,G1,P1,2026-01-03,20.00\n",
    )
    imported = rulesengine("import", "ledger", "--db", "store.db", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    ran = rulesengine(
        "run", "--rules", rules, "--date", "2026-02-01", "--json", "--db", "store.db", cwd=tmp_path
    )
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["total"] == 30.0
