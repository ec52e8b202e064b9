"""Bounds on what an input file may ask of the machine, each through the real command.

- alternatives: every alternative of a ``when:`` condition is a rule of its own in the rule
  engine; 2,750 exclude rules of 64 values each (a 1 MB file that passed ``validate``) took
  2.3 GB and crashed a run. A rules file has at most 5,000 alternatives and 50,000
  comparisons (counted once per alternative they are "and"-ed with) in all;
- digits: ``due_days``, ``cycle_days`` and a number in a condition of 5,000 digits were
  exit 3 (Python's int() refuses past 4,300 digits); now refused with file:line:col;
- counters: ``level`` and ``statements_sent`` of 9223372036854775807 were imported and then
  failed every live run (exit 3); now at most 1,000 and 1,000,000 in ledgers and scenarios,
  and a run over such values already in a store is refused naming the encounters;
- columns: a ledger header of 20,000 columns took over a minute to check; now at most 200
  columns, and the check of the header is linear.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import yaml
from sqlalchemy import update

from rulesengine.ledger.csv_columns import COLUMNS, ENCOUNTERS, MAX_COLUMNS
from rulesengine.ledger.csv_sheet import Sheet, check_header
from rulesengine.model import LEVEL_MAX, STATEMENTS_SENT_MAX, Encounter, Guarantor
from rulesengine.rules.expressions import MAX_FILE_ALTERNATIVES, MAX_FILE_COMPARISONS
from rulesengine.rules.yamlmarks import compose, to_plain
from rulesengine.store import open_store
from rulesengine.store.base import LedgerData
from rulesengine.store.tables import encounters as encounters_table

from ._zygote import Done
from ._zygote import rulesengine as run_forked
from .test_bad_input_cli import fingerprint

REPO = Path(__file__).resolve().parents[2]
STANDARD = REPO / "rules" / "standard.yaml"
GUARANTORS = "id,first_name,email\nG1,Ada,ada@example.org\n"
ENCOUNTER_HEADER = "id,guarantor,patient,service_date,balance,location\n"


def rulesengine(*argv: str, cwd: Path) -> Done:
    """``rulesengine *argv`` forked from the zygote (``_zygote.py``), with its peak resident
    memory (``peak_mb``): what the console script's process would hold, imports included."""
    return run_forked(*argv, cwd=cwd, timeout=600)


def rules_with(exclude: list[dict[str, str]]) -> str:
    data = yaml.safe_load(STANDARD.read_text("utf-8"))
    data["eligibility"] = {**data["eligibility"], "exclude": exclude}
    return yaml.safe_dump(data, sort_keys=False, width=10**6)


def in_lists(rule_count: int, *, short: bool = False) -> list[dict[str, str]]:
    """Exclude rules of 64 locations each (the attacker's shape: with ``short``, the same
    two-letter values in every rule, so that 2,750 rules fit in 1 MB)."""

    def value(r: int, k: int) -> str:
        return f"'{chr(97 + k // 26)}{chr(97 + k % 26)}'" if short else f"'l{r}x{k}'"

    return [
        {
            "name": f"r{r}",
            "when": "encounter.location in [" + ",".join(value(r, k) for k in range(64)) + "]",
        }
        for r in range(rule_count)
    ]


def products(rule_count: int, extra: int) -> list[dict[str, str]]:
    """Exclude rules of 64 alternatives (six "or" pairs "and"-ed) of 6 + ``extra`` tests."""
    pairs = " and ".join(
        f"(encounter.location == 'a{k}' or encounter.provider == 'b{k}')" for k in range(6)
    )
    more = "".join(f" and encounter.balance != {k + 1}" for k in range(extra))
    return [{"name": f"r{r}", "when": pairs + more} for r in range(rule_count)]


def small_ledger(tmp_path: Path) -> str:
    """A store of 40 encounters, one at an excluded location (l0x5)."""
    folder = tmp_path / "ledger"
    folder.mkdir()
    (folder / "guarantors.csv").write_text(GUARANTORS, "utf-8")
    rows = [
        f"E{i},G1,P{i},2026-01-03,{20 + i}.00,{'l0x5' if i == 0 else 'main'}\n" for i in range(40)
    ]
    (folder / "encounters.csv").write_text(ENCOUNTER_HEADER + "".join(rows), "utf-8")
    imported = rulesengine("import", "ledger", "--db", "store.db", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    return "store.db"


def test_the_attackers_rules_file_is_refused_at_load_naming_the_condition_and_the_limit(
    tmp_path: Path,
) -> None:
    """2,750 rules of 64 values (1 MB) passed validate and took 2.3 GB to run."""
    (tmp_path / "many.yaml").write_text(rules_with(in_lists(2750, short=True)), "utf-8")
    assert (tmp_path / "many.yaml").stat().st_size < 1024 * 1024
    db = small_ledger(tmp_path)
    before = fingerprint(tmp_path / db)
    for argv in (
        ["validate", "many.yaml"],
        ["run", "--rules", "many.yaml", "--date", "2026-03-01", "--test", "--db", db],
        ["run", "--rules", "many.yaml", "--date", "2026-03-01", "--db", db],
    ):
        done = rulesengine(*argv, cwd=tmp_path)
        assert done.returncode == 1, done
        stderr = done.stderr
        assert "Traceback" not in stderr
        assert (
            "eligibility.exclude[78].when: the rules file is too large for the rule engine: its"
            f" conditions have more than {MAX_FILE_ALTERNATIVES:,} alternatives in all"
        ) in stderr
        assert stderr.count("too large for the rule engine") == 1  # once, where it is crossed
        assert "many.yaml:" in stderr
        assert done.peak_mb < 300
    assert fingerprint(tmp_path / db) == before


def test_files_at_the_limits_run_in_well_under_300_mb(tmp_path: Path) -> None:
    """The largest files the limits accept, in both shapes, run a test batch in bounded
    memory (measured on this machine: 128 MB and 141 MB; 2.3 GB before the limit)."""
    db = small_ledger(tmp_path)
    standard = 5  # the alternatives of the standard rules' own conditions
    shapes = {
        "wide.yaml": in_lists((MAX_FILE_ALTERNATIVES - standard) // 64),
        "deep.yaml": products((MAX_FILE_ALTERNATIVES - standard) // 64, 3),
    }
    for name, exclude in shapes.items():
        (tmp_path / name).write_text(rules_with(exclude), "utf-8")
        valid = rulesengine("validate", name, cwd=tmp_path)
        assert valid.returncode == 0, valid.stderr
        argv = ["run", "--rules", name, "--date", "2026-02-01", "--test", "--json", "--db", db]
        done = rulesengine(*argv, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.peak_mb < 300, (name, done.peak_mb)
        if name == "wide.yaml":
            assert json.loads(done.stdout)["skips"] == {"E0": "r0"}


def test_too_many_comparisons_are_refused_even_within_the_alternatives(tmp_path: Path) -> None:
    """64 alternatives of 100 tests each, 77 times (248 KB), took 292 MB; a 1 MB file of
    that shape would take about 1 GB. The comparisons in all are bounded too."""
    (tmp_path / "deep.yaml").write_text(rules_with(products(77, 100)), "utf-8")
    done = rulesengine("validate", "deep.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert (
        f"the rules file is too large for the rule engine: its conditions have more than"
        f" {MAX_FILE_COMPARISONS:,} comparisons in all"
    ) in done.stderr
    assert done.stderr.count("too large for the rule engine") == 1


def test_numbers_of_thousands_of_digits_are_refused_not_a_crash(tmp_path: Path) -> None:
    nines = "9" * 5000
    text = STANDARD.read_text("utf-8").replace("due_days: 21", f"due_days: {nines}")
    assert nines in text
    (tmp_path / "rules.yaml").write_text(text, "utf-8")
    done = rulesengine("validate", "rules.yaml", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert (
        "profile.due_days: the number '99999999999999999999… (5,000 characters)' is too long"
    ) in done.stderr
    assert len(done.stderr) < 1000  # the number is not echoed whole
    data = yaml.safe_load(STANDARD.read_text("utf-8"))
    data["eligibility"]["exclude"] = [{"name": "huge", "when": f"encounter.balance < {nines}"}]
    (tmp_path / "rules.yaml").write_text(yaml.safe_dump(data, width=10**6), "utf-8")
    done = rulesengine("validate", "rules.yaml", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "is too large: numbers in a condition are at most 1,000,000,000,000" in done.stderr


def test_a_free_form_plugin_value_of_thousands_of_digits_stays_text() -> None:
    nines = "9" * 5000
    tree, problems = compose(f"a: {nines}\nb: 12\n", "x.yaml")
    assert not problems
    assert to_plain(tree) == {"a": nines, "b": 12}


def test_counters_at_their_maximum_import_and_one_past_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ledger"
    folder.mkdir()
    (folder / "guarantors.csv").write_text(GUARANTORS, "utf-8")
    header = "id,guarantor,patient,service_date,balance,level,statements_sent\n"
    row = f"E1,G1,P1,2026-01-03,10.00,{LEVEL_MAX},{STATEMENTS_SENT_MAX}\n"
    (folder / "encounters.csv").write_text(header + row, "utf-8")
    done = rulesengine("import", "ledger", "--db", "store.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    before = fingerprint(tmp_path / "store.db")
    row = "E1,G1,P1,2026-01-03,10.00,9223372036854775807,9223372036854775807\n"
    (folder / "encounters.csv").write_text(header + row, "utf-8")
    done = rulesengine("import", "ledger", "--db", "store.db", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "ledger/encounters.csv:2:level: must be at most 1,000, got 9223372036854775807",
        "ledger/encounters.csv:2:statements_sent: must be at most 1,000,000,"
        " got 9223372036854775807",
    ]
    assert fingerprint(tmp_path / "store.db") == before


def test_a_store_holding_counters_past_the_maximum_refuses_the_run_naming_them(
    tmp_path: Path,
) -> None:
    """An older import took ``statements_sent`` of 2**63-1: every live run was exit 3."""
    store = open_store(str(tmp_path / "store.db"))  # setup: what an older import wrote
    try:
        encounters = [
            Encounter("E1", "G1", "P1", dt.date(2026, 1, 3), 2000),
            Encounter("E2", "G1", "P1", dt.date(2026, 1, 3), 2000),
            Encounter("E3", "G1", "P1", dt.date(2026, 1, 3), 2000),
        ]
        data = LedgerData([Guarantor("G1", email="ada@example.org")], encounters, [], [])
        store.import_ledger(data)  # an import now refuses such counters: written directly
        with store.writing() as conn:
            for eid, values in (
                ("E1", {"statements_sent": 2**63 - 1}),
                ("E2", {"level": 2**63 - 1}),
            ):
                conn.execute(
                    update(encounters_table).where(encounters_table.c.id == eid).values(**values)
                )
    finally:
        store.close()
    before = fingerprint(tmp_path / "store.db")
    argv = ["run", "--rules", str(STANDARD), "--date", "2026-02-01", "--db", "store.db"]
    refused = rulesengine(*argv, cwd=tmp_path)
    assert refused.returncode == 1, refused.stderr
    assert refused.stderr == (
        "error: encounters 'E1', 'E2': a level or statement count in the store is past its"
        " maximum (level at most 1,000, statements_sent at most 1,000,000; an older version"
        " of rulesengine imported any whole number); correct the ledger and import it again\n"
    )
    assert fingerprint(tmp_path / "store.db") == before


def test_a_header_of_20000_columns_is_refused_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "ledger"
    folder.mkdir()
    (folder / "guarantors.csv").write_text(GUARANTORS, "utf-8")
    header = "id,guarantor,patient,service_date,balance," + ",".join(f"x{i}" for i in range(20_000))
    (folder / "encounters.csv").write_text(header + "\n", "utf-8")
    started = time.monotonic()
    done = rulesengine("import", "ledger", "--db", "store.db", cwd=tmp_path)
    assert time.monotonic() - started < 20  # over 60 s before
    assert done.returncode == 1
    assert done.stderr.startswith(
        "error: ledger/encounters.csv:1: the header has 20005 columns; a ledger file has at"
        f" most {MAX_COLUMNS} (the columns are id, guarantor,"
    )
    assert not (tmp_path / "store.db").exists()


def test_the_header_check_is_linear_in_the_columns() -> None:
    """5,000 unknown columns took 7 s and 20,000 over 60 s (each looked for the known
    columns in the whole header, and each problem found its column's place in it)."""
    names = ["id", "guarantor", "patient", "service_date", "balance"]
    names += [f"unknown{i}" for i in range(20_000)]
    sheet = Sheet(ENCOUNTERS, ENCOUNTERS, COLUMNS[ENCOUNTERS])
    started = time.monotonic()
    check_header(sheet, names)
    assert time.monotonic() - started < 5
    assert not sheet.readable
    assert len(sheet.problems) == 20_000
