"""Statement runs at several ledger sizes, side by side with what hand-written code costs.

For each size, a child process **prepares** the ledger once: it generates a seeded ledger
(``benchmarks/ledger.py``) and imports it into a SQLite file store in a temporary folder
(the import is timed). Then ``--repeat`` rounds, each in fresh child processes, each on a
fresh copy of that prepared file:

- **live**: only the live run of ``rules/standard.yaml`` (evaluate + commit + upload),
  with its phases (load / evaluate, of which decide and upload / save / other, the rest
  such as the commit) and the child's own peak RSS, so the peak is the live run's alone,
  not the generator's or the import's;
- **storage** (after each live child): the live batch's rows, read back already built
  from the store the live run wrote, inserted by the ``sqlite3`` module into another fresh
  copy, then ``write_batch``'s and ``upload_batch``'s set-based updates, the commit and the
  checkpoint: what SQLite alone costs to store what the run stores (:func:`storage_floor`);
  and what it alone costs to read what the run reads (:func:`reading_floor`): together, the
  floor of a live run with this schema;
- **test**: the test run (timed, with its phases and peak RSS); then, on the same
  in-memory data loaded in that process, the **plain-Python floor** (the same decisions
  written by hand for this rules file), cross-checked against the engine's decisions, and
  (up to 200,000 encounters) a **naive durable-rules** evaluation (one message per
  encounter, one action each). The engine's decision time is the test run's ``decide``
  phase; a fresh process pays durable-rules' one-off import and ruleset creation there,
  which is part of the engine's cost.

The parent prints the median of each figure over the repeats (the live run's min-max
too), the ratios (decisions against the floor, naive against the floor, live seconds per
1,000 encounters), the storage floor against the live run, and the targets: at 1,000,000
encounters a live run in at most 15 s and 1.5 GB peak RSS, a test run in 10 s, the import
in 15 s, decisions at most 3x the floor, a PostgreSQL live run (``--pg URL``: the same
ledger imported into a schema of its own, then the live run timed alone) within 2x of
SQLite's; at 10,000 a live run in 1 s. Each timed figure is also shown scaled to the day
the targets were set (times its yardstick, 0.24 s, over this run's). ``--json`` writes
every repeat's figures; ``--plot`` a PNG of run time against ledger size (needs
matplotlib, from ``benchmarks/requirements.txt``). A fixed pure-Python loop is timed
before and after (:func:`yardstick`): a virtual machine's speed varies, and
figures taken at different times compare only in proportion to it. Progress bars stay
off; the harness writes one line per finished child to stderr.

    .venv/bin/python benchmarks/bench_run.py --sizes 10000,100000,1000000 --repeat 3 \\
        --json bench-run.json --plot docs/run-time.png
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RUN_DATE = dt.date(2026, 6, 1)
RULES = ROOT / "rules" / "standard.yaml"
NAIVE_MAX_SIZE = 200_000  # the naive durable-rules evaluation is slow: smaller ledgers only
TARGET_SIZE = 1_000_000
TARGET_LIVE_S = 15.0
TARGET_PEAK_MB = 1536
TARGET_DECIDE_RATIO = 3.0
TARGET_TEST_S = 10.0
TARGET_IMPORT_S = 15.0
TARGET_PG_RATIO = 2.0  # a PostgreSQL live run against SQLite's
TYPICAL_SIZE = 10_000  # a typical practice
TYPICAL_LIVE_S = 1.0
#: The yardstick (:func:`yardstick`) of the day the targets were set (2026-12-02): a
#: figure times REFERENCE_YARDSTICK_S / that run's yardstick is what it would have been
#: on that day, so a slow day's figures still compare with the targets.
REFERENCE_YARDSTICK_S = 0.24
PHASES = ("load", "evaluate", "decide", "upload", "save", "other")


# --- the floor: standard.yaml's decisions, written by hand ----------------------------------


def floor_decisions(run_input: Any, run_date: dt.date) -> dict[str, tuple[str, str, str]]:
    """Per encounter: (payment outcome, eligibility, advance) as standard.yaml decides them.

    Payment rules: percent >= 25 or amount >= 100.00 -> reset_to_zero; amount > 0 -> hold.
    Eligibility: encounter hold, guarantor hold, balance < 1.00 (tiny_balance), fewer than
    28 days since the last statement. Advance: in the worklist or level >= 3 -> maxed;
    hold payment -> hold; else rise.
    """
    out: dict[str, tuple[str, str, str]] = {}
    guarantors = run_input.guarantors
    unreviewed = run_input.unreviewed_payments
    for enc in run_input.encounters:
        status, level, balance = enc.status, enc.level, enc.balance_cents
        payment, hold_payment = "none", False
        payments = unreviewed.get(enc.id)
        if payments and status in ("open", "pre_collections"):
            amount = sum(p.amount_cents for p in payments)
            percent = 100.0 if balance <= 0 else 100.0 * amount / (balance + amount)
            if percent >= 25 or amount >= 10_000:
                payment = "reset_to_zero"
                if status == "open":
                    level = 0
                else:
                    level, status = 0, "open"
            elif amount > 0:
                payment = "hold"
                hold_payment = status == "open"
        if status == "open" and balance <= 0:
            status = "closed"
        elif status == "pre_collections" and balance <= 0:
            status = "closed"
        elif status == "closed" and balance > 0:
            status = "open"
        if status not in ("open", "pre_collections") or balance <= 0:
            out[enc.id] = (payment, "-", "-")
            continue
        if enc.hold:
            eligibility = "encounter_hold"
        elif guarantors[enc.guarantor_id].hold:
            eligibility = "guarantor_hold"
        elif balance < 100:
            eligibility = "tiny_balance"
        elif enc.last_statement is not None and (run_date - enc.last_statement).days < 28:
            eligibility = "billed_recently"
        else:
            eligibility = "eligible"
        if eligibility != "eligible":
            out[enc.id] = (payment, eligibility, "-")
            continue
        if status == "pre_collections" or level >= 3:
            advance = "maxed"
        elif hold_payment:
            advance = "hold"
        else:
            advance = "rise"
        out[enc.id] = (payment, eligibility, advance)
    return out


def engine_decisions(batch: Any, rules: Any) -> dict[str, tuple[str, str, str]]:
    """The same three decisions, read from the engine's traces."""
    actions = {rule.name: rule.then for rule in rules.payment_rules}
    skips = {s.encounter_id: s.reason for s in batch.skips}
    out = {}
    for eid, steps in batch.traces.items():
        payment, eligibility, advance = "none", "-", "-"
        for step in steps:
            if step.step == "payments" and step.rule:
                payment = actions[step.rule]
            elif step.step == "eligibility":
                eligibility = "eligible" if step.outcome == "eligible" else skips[eid]
            elif step.step == "advance":
                advance = "maxed" if step.outcome in ("to_worklist", "maxed") else step.outcome
        out[eid] = (payment, eligibility, advance)
    return out


# --- naive durable-rules: one message and one action per encounter and decision -------------


def naive_durable(run_input: Any, rules: Any, run_date: dt.date) -> float:
    """The eligibility decision made the obvious way: durable-rules' own ``Host``, one
    ``post`` per encounter and one Python callback per fired rule (no batching, no
    classes), with the engine's compiled conditions. Returns the seconds it took."""
    from durable.engine import Host  # benchmark only; the product uses the adapter

    from rulesengine.statements.compile import fact_key
    from rulesengine.statements.decisions import decisions_for

    stage = decisions_for(rules).eligibility
    decided: dict[str, str] = {}

    def action(name: str) -> Any:
        def run(c: Any) -> None:
            decided[c.m.id] = name

        return run

    name = f"naive{time.monotonic_ns()}"
    definition = {
        rule: {"all": [{"m": {"$and": [{"k": "e"}, cond]}}], "pri": i, "run": action(rule)}
        for i, (rule, cond) in enumerate(stage._compiled)
    }
    definition["eligible"] = {"all": [{"m": {"k": "e"}}], "pri": 99, "run": action("eligible")}
    host = Host()
    host.register_rulesets({name: definition})
    guarantors = run_input.guarantors
    started = time.perf_counter()
    for i, enc in enumerate(run_input.encounters):
        if enc.status == "closed" or enc.balance_cents <= 0:
            continue
        message: dict[str, Any] = {
            "id": str(i),
            "k": "e",
            fact_key("x.encounter_hold"): enc.hold,
            fact_key("x.guarantor_hold"): guarantors[enc.guarantor_id].hold,
            fact_key("encounter.balance"): enc.balance_cents,
        }
        if enc.last_statement is not None:
            days = (run_date - enc.last_statement).days
            message[fact_key("encounter.days_since_last_statement")] = days
        host.post(name, message)
    return time.perf_counter() - started


# --- the child processes -------------------------------------------------------------------


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, from the OS, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def prepare(size: int, db: Path) -> dict[str, Any]:
    """Generate the seeded ledger and import it into a new SQLite file at ``db``, leaving
    one self-contained file (no -wal or -shm) that the rounds copy."""
    from benchmarks.ledger import generate
    from rulesengine.store import open_store
    from rulesengine.store.ledger_checks import ledger_problems, values_checked

    started = time.perf_counter()
    ledger = generate(size)
    generate_seconds = time.perf_counter() - started
    store = open_store(str(db))
    # What a ledger built in Python costs on top: every value checked on import.
    started = time.perf_counter()
    ledger_problems(
        ledger, known_guarantors=store.known_guarantors, known_encounters=store.known_encounters
    )
    check_seconds = time.perf_counter() - started
    # The import itself, as `rulesengine import` does it: the CSV reader checked every
    # value as it read them, so the import looks up only the references.
    values_checked(ledger)
    started = time.perf_counter()
    store.import_ledger(ledger)
    import_seconds = time.perf_counter() - started
    store.close()
    with sqlite3.connect(db) as conn:  # fold the WAL into the file and drop it
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    return {
        "encounters": len(ledger.encounters),
        "guarantors": len(ledger.guarantors),
        "payments": len(ledger.payments),
        "generate_s": round(generate_seconds, 3),
        "import_s": round(import_seconds, 3),
        "python_ledger_check_s": round(check_seconds, 3),
        "db_mb": round(db.stat().st_size / 2**20, 1),
        "peak_rss_mb": round(peak_rss_mb()),
    }


def open_store_and_rules(db: Path) -> tuple[Any, Any]:
    """The store at ``db`` and ``rules/standard.yaml``, loaded."""
    from rulesengine.rules import load_rules
    from rulesengine.store import open_store

    return open_store(str(db)), load_rules(str(RULES))


def timed_run(store: Any, rules: Any, *, live: bool) -> tuple[Any, float, dict[str, float]]:
    """One statement run: the batch, its seconds and its phases."""
    from rulesengine.statements.statement_run import run_statements

    timings: dict[str, float] = {}
    started = time.perf_counter()
    batch = run_statements(store, rules, RUN_DATE, live=live, timings=timings)
    return batch, time.perf_counter() - started, timings


def live_run(db: Path) -> dict[str, Any]:
    """The live run alone: evaluate, commit and upload."""
    store, rules = open_store_and_rules(db)
    batch, seconds, timings = timed_run(store, rules, live=True)
    store.close()
    return {
        "live_s": round(seconds, 3),
        "live_phases_s": phases(timings, seconds),
        "live_peak_rss_mb": round(peak_rss_mb()),
        "statements": len(batch.statements),
        "notifications": len(batch.notifications),
    }


def test_run(db: Path, size: int) -> dict[str, Any]:
    """The test run, then the floor and the naive evaluation on the same in-memory data."""
    store, rules = open_store_and_rules(db)
    batch, seconds, timings = timed_run(store, rules, live=False)
    test_peak = peak_rss_mb()  # before the floor and the naive evaluation add to it
    with store.run_transaction(rules.profile.id, live=False) as tx:
        run_input = tx.load_input(RUN_DATE)
    store.close()

    started = time.perf_counter()
    floor = floor_decisions(run_input, RUN_DATE)
    floor_seconds = time.perf_counter() - started
    engine = engine_decisions(batch, rules)
    mismatches = sum(1 for eid, d in floor.items() if engine.get(eid) != d)
    naive = naive_durable(run_input, rules, RUN_DATE) if size <= NAIVE_MAX_SIZE else None
    decide = timings.get("decide", 0.0)
    return {
        "test_s": round(seconds, 3),
        "test_phases_s": phases(timings, seconds),
        "test_peak_rss_mb": round(test_peak),
        "decide_s": round(decide, 4),
        "floor_s": round(floor_seconds, 4),
        "decide_floor_ratio": round(decide / floor_seconds, 2),
        "naive_durable_s": None if naive is None else round(naive, 3),
        "naive_floor_ratio": None if naive is None else round(naive / floor_seconds, 1),
        "decisions_compared": len(floor),
        "decision_mismatches": mismatches,
        "child_peak_rss_mb": round(peak_rss_mb()),
    }


#: The tables a live batch writes, in an order their foreign keys allow.
BATCH_TABLES = (
    "rules_versions",
    "batches",
    "statements",
    "batch_pre_collections",
    "batch_skips",
    "batch_guarantor_traces",
    "batch_trace_steps",
    "batch_changes",
    "batch_reviewed_payments",
    "notifications",
)

# The set-based statements write_batch (rulesengine/store/batch_io.py) and the queue's
# upload (rulesengine/queue/batch_upload.py) run after the inserts, in SQLite's words: the
# ledger's changes (those that keep the encounter's status apart) and worklist marks, and
# the reviewed payments. (A notification's first history entry is its own row.)
STORE_UPDATES = (
    """UPDATE encounters SET level = c.level, first_statement = c.first_statement,
           last_statement = c.last_statement, statements_sent = c.statements_sent
       FROM batch_changes AS c WHERE encounters.id = c.encounter_id AND c.batch_id = :b
       AND encounters.status = c.status AND (c.status = 'pre_collections'
           OR (encounters.worklist_batch_id IS NULL AND encounters.worklist_since IS NULL))""",
    """UPDATE encounters SET level = c.level, status = c.status,
           first_statement = c.first_statement, last_statement = c.last_statement,
           statements_sent = c.statements_sent,
           worklist_batch_id = CASE WHEN c.status = 'pre_collections'
               THEN encounters.worklist_batch_id END,
           worklist_since = CASE WHEN c.status = 'pre_collections'
               THEN encounters.worklist_since END
       FROM batch_changes AS c WHERE encounters.id = c.encounter_id AND c.batch_id = :b
       AND NOT (encounters.status = c.status AND (c.status = 'pre_collections'
           OR (encounters.worklist_batch_id IS NULL AND encounters.worklist_since IS NULL)))""",
    """UPDATE encounters SET worklist_batch_id = :b, worklist_since = :d
       WHERE id IN (SELECT encounter_id FROM batch_pre_collections WHERE batch_id = :b)""",
    """UPDATE payments SET reviewed_batch = :b FROM batch_reviewed_payments AS r
       WHERE payments.id = r.payment_id AND r.batch_id = :b""",
)


def reading_floor(prepared: Path) -> float:
    """What SQLite alone costs to read what a run of the profile reads: the covered
    guarantors and encounters (in the run's order) and the unreviewed payments, fetched
    by the ``sqlite3`` module and dropped, no object built. With :func:`storage_floor`,
    the floor of a live run with this schema, whatever the code between the two."""
    from rulesengine.store.rows import ENCOUNTER_COLUMNS, GUARANTOR_COLUMNS

    guarantor_columns = ", ".join(c.name for c in GUARANTOR_COLUMNS)
    encounter_columns = ", ".join(c.name for c in ENCOUNTER_COLUMNS)
    queries = (
        f"SELECT {guarantor_columns} FROM guarantors WHERE profile = :p OR profile IS NULL"
        " OR id IN (SELECT guarantor_id FROM encounters WHERE profile = :p)",
        f"SELECT {encounter_columns} FROM encounters WHERE coalesce(profile, :p) = :p"
        " ORDER BY guarantor_id, id",
        "SELECT id, encounter_id, amount_cents, date FROM payments"
        " WHERE reviewed_batch IS NULL AND date <= :d ORDER BY id",
    )
    conn = sqlite3.connect(prepared)
    started = time.perf_counter()
    for sql in queries:
        for _ in conn.execute(sql, {"p": "standard", "d": RUN_DATE.isoformat()}):
            pass
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def storage_floor(live_db: Path, prepared: Path) -> dict[str, Any]:
    """What SQLite alone costs to store the live run's batch.

    The batch's rows are read back, already built, from the store the live run wrote, and
    inserted with the sqlite3 module (one ``executemany`` per table) into a fresh copy of
    the prepared store, under the store's own pragmas; then the set-based updates
    ``write_batch`` and ``upload_batch`` make, the commit (with the write-ahead log's
    checkpoint that follows it) and the close. No Python builds a row, renders a message
    or encodes JSON here, so this is a floor for the live run's save and commit with this
    schema: what storing what it stores costs, however fast the code that produces it.
    """
    from rulesengine.store.connect import PAGE_CACHE_KIB

    source = sqlite3.connect(live_db)
    rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    for table in BATCH_TABLES:
        columns = [r[1] for r in source.execute(f"PRAGMA table_info({table})")]
        rows[table] = (columns, source.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall())
    source.close()
    (batch_id, run_date), *_ = [(r[0], r[2]) for r in rows["batches"][1]]

    target = live_db.with_name("storage-floor.db")
    fresh_copy(prepared, target)
    size_before = target.stat().st_size
    conn = sqlite3.connect(target, isolation_level=None)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for table, (columns, values) in rows.items():
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        clock = time.perf_counter()
        conn.executemany(sql, values)
        seconds[table] = time.perf_counter() - clock
    clock = time.perf_counter()
    for sql in STORE_UPDATES:
        conn.execute(sql, {"b": batch_id, "d": run_date})
    seconds["updates"] = time.perf_counter() - clock
    clock = time.perf_counter()
    conn.execute("COMMIT")
    conn.close()
    seconds["commit and close"] = time.perf_counter() - clock
    total = time.perf_counter() - started
    size_after = target.stat().st_size
    remove(target)
    return {
        "storage_floor_s": round(total, 3),
        "storage_floor_parts_s": {k: round(v, 3) for k, v in seconds.items()},
        "rows_written": {table: len(values) for table, (_, values) in rows.items()},
        "bytes_written_mb": round((size_after - size_before) / 2**20, 1),
    }


def phases(timings: dict[str, float], seconds: float) -> dict[str, float]:
    """The run's phases, and as ``other`` what lies outside them (getting the secret,
    the commit, telling observers, the garbage collection after the run)."""
    timed = sum(timings.get(k, 0.0) for k in ("load", "evaluate", "save"))
    return {k: round(v, 3) for k, v in {**timings, "other": seconds - timed}.items()}


def pg_live_run(size: int, pg: str) -> dict[str, Any]:
    """The same ledger imported into a fresh PostgreSQL schema, then the live run alone
    (timed as :func:`live_run` times it); the schema is dropped afterwards."""
    import uuid

    import sqlalchemy

    from benchmarks.ledger import generate
    from rulesengine.rules import load_rules
    from rulesengine.store import open_store
    from rulesengine.store.ledger_checks import values_checked

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = sqlalchemy.create_engine(pg.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        separator = "&" if "?" in pg else "?"
        store = open_store(f"{pg}{separator}options=-csearch_path%3D{schema}")
        ledger = generate(size)
        values_checked(ledger)
        started = time.perf_counter()
        store.import_ledger(ledger)
        import_seconds = time.perf_counter() - started
        del ledger
        batch, seconds, timings = timed_run(store, load_rules(str(RULES)), live=True)
        store.close()
        return {
            "pg_import_s": round(import_seconds, 3),
            "pg_live_s": round(seconds, 3),
            "pg_live_phases_s": phases(timings, seconds),
            "pg_statements": len(batch.statements),
        }
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def child_main(
    kind: str, size: int, db: Path, prepared: Path | None, pg: str | None = None
) -> dict[str, Any]:
    if kind == "prepare":
        return prepare(size, db)
    if kind == "pg-live":
        assert pg is not None
        return pg_live_run(size, pg)
    if kind == "live":
        return live_run(db)
    if kind == "storage":
        assert prepared is not None
        return {**storage_floor(db, prepared), "reading_floor_s": round(reading_floor(prepared), 3)}
    return test_run(db, size)


# --- the parent: children, copies, medians ----------------------------------------------------


def run_child(
    kind: str, size: int, db: Path, prepared: Path | None = None, pg: str | None = None
) -> dict[str, Any]:
    """One fresh ``python bench_run.py --child KIND`` process; its last stdout line is JSON."""
    command = [sys.executable, __file__, "--child", kind, "--size", str(size), "--db", str(db)]
    if prepared is not None:
        command += ["--prepared", str(prepared)]
    if pg is not None:
        command += ["--pg", pg]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run(command, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        raise SystemExit(f"the {kind} child for {size:,} encounters failed ({out.returncode})")
    return json.loads(out.stdout.strip().splitlines()[-1])


def sqlite_files(db: Path) -> list[Path]:
    return [db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")]


def fresh_copy(prepared: Path, db: Path) -> None:
    """A copy of the prepared file, with no -wal or -shm left from an earlier round."""
    leftovers = [p for p in sqlite_files(prepared)[1:] if p.exists() and p.stat().st_size]
    if leftovers:
        raise SystemExit(f"the prepared store is not self-contained: {leftovers}")
    remove(db)
    shutil.copyfile(prepared, db)


def remove(db: Path) -> None:
    for path in sqlite_files(db):
        path.unlink(missing_ok=True)


def measure_size(size: int, repeat: int, pg: str | None = None) -> dict[str, Any]:
    """Prepare once, then ``repeat`` rounds of a live child and a test child (and, with
    ``pg``, a live child on PostgreSQL)."""
    work = Path(tempfile.mkdtemp(prefix="rulesengine-bench-"))
    try:
        prepared = work / "prepared.db"
        prep = run_child("prepare", size, prepared)
        note(
            f"{size:,}: prepared {prep['encounters']:,} encounters, {prep['guarantors']:,}"
            f" guarantors (import {prep['import_s']:.2f} s, checking it as a ledger built in"
            f" Python {prep['python_ledger_check_s']:.2f} s more, {prep['db_mb']} MB file,"
            f" peak {prep['peak_rss_mb']} MB)"
        )
        repeats = []
        for i in range(1, repeat + 1):
            db = work / "round.db"
            fresh_copy(prepared, db)
            live = run_child("live", size, db)
            live.update(run_child("storage", size, db, prepared))
            note(
                f"{size:,}: round {i}/{repeat} live {live['live_s']:.2f} s,"
                f" peak {live['live_peak_rss_mb']} MB; storing its batch alone"
                f" {live['storage_floor_s']:.2f} s"
            )
            fresh_copy(prepared, db)
            test = run_child("test", size, db)
            note(
                f"{size:,}: round {i}/{repeat} test {test['test_s']:.2f} s,"
                f" decide {test['decide_s']:.3f} s, floor {test['floor_s']:.3f} s,"
                f" {test['decision_mismatches']} mismatches"
            )
            remove(db)
            if pg is not None:
                live.update(run_child("pg-live", size, db, pg=pg))
                note(
                    f"{size:,}: round {i}/{repeat} PostgreSQL live {live['pg_live_s']:.2f} s"
                    f" (its import {live['pg_import_s']:.2f} s)"
                )
            repeats.append({"live": live, "test": test})
        return {"size": size, "prepare": prep, "median": medians(prep, repeats), "repeats": repeats}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def median_of(values: list[Any]) -> Any:
    present = [v for v in values if v is not None]
    return round(statistics.median(present), 4) if present else None


def medians(prep: dict[str, Any], repeats: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of each figure over the repeats (and the live run's min and max)."""
    lives = [r["live"] for r in repeats]
    tests = [r["test"] for r in repeats]
    live_s = [r["live_s"] for r in lives]
    row: dict[str, Any] = {
        "encounters": prep["encounters"],
        "guarantors": prep["guarantors"],
        "import_s": prep["import_s"],
        "python_ledger_check_s": prep["python_ledger_check_s"],
        "statements": lives[0]["statements"],
        "notifications": lives[0]["notifications"],
        "live_s": median_of(live_s),
        "live_s_min": min(live_s),
        "live_s_max": max(live_s),
        "live_phases_s": phase_medians([r["live_phases_s"] for r in lives]),
        "live_peak_rss_mb": median_of([r["live_peak_rss_mb"] for r in lives]),
        "storage_floor_s": median_of([r["storage_floor_s"] for r in lives]),
        "storage_floor_parts_s": phase_medians([r["storage_floor_parts_s"] for r in lives]),
        "reading_floor_s": median_of([r["reading_floor_s"] for r in lives]),
        "rows_written": lives[0]["rows_written"],
        "bytes_written_mb": median_of([r["bytes_written_mb"] for r in lives]),
        "test_s": median_of([r["test_s"] for r in tests]),
        "test_phases_s": phase_medians([r["test_phases_s"] for r in tests]),
        "test_peak_rss_mb": median_of([r["test_peak_rss_mb"] for r in tests]),
        "decision_mismatches": max(r["decision_mismatches"] for r in tests),
    }
    for key in ("decide_s", "floor_s", "decide_floor_ratio", "naive_durable_s"):
        row[key] = median_of([r[key] for r in tests])
    row["naive_floor_ratio"] = median_of([r["naive_floor_ratio"] for r in tests])
    row["live_s_per_1k"] = round(row["live_s"] * 1000 / prep["encounters"], 4)
    if all("pg_live_s" in r for r in lives):
        row["pg_live_s"] = median_of([r["pg_live_s"] for r in lives])
        row["pg_import_s"] = median_of([r["pg_import_s"] for r in lives])
        row["pg_live_phases_s"] = phase_medians([r["pg_live_phases_s"] for r in lives])
    return row


def phase_medians(runs: list[dict[str, float]]) -> dict[str, float]:
    keys = [k for k in PHASES if any(k in r for r in runs)]
    keys += sorted({k for r in runs for k in r} - set(keys))
    return {k: round(statistics.median(r.get(k, 0.0) for r in runs), 3) for k in keys}


def note(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


# --- the report -----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = None
    try:
        memory_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def yardstick() -> float:
    """Seconds a fixed pure-Python loop takes (10 million additions), best of three: how
    fast this machine ran at the time, since a virtual machine's speed varies. Figures
    taken at different times compare only in proportion to it."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(10_000_000):
            total += i
        best = min(best, time.perf_counter() - started)
    return round(best, 3)


def report(results: list[dict[str, Any]], repeat: int, yardstick_s: float) -> None:
    rows = [r["median"] for r in results]
    print(f"\nStatement runs, median of {repeat} (fresh processes, fresh copy of the store each)")
    print(
        f"{'encounters':>10} {'guarantors':>10} {'import':>8} {'live run':>9}"
        f" {'(min-max)':>15}  {'load / evaluate (decide, upload) / save / other':<48}"
        f" {'live peak':>9} {'test run':>9} {'test peak':>9} {'live s/1k':>9}"
    )
    for row in rows:
        p = row["live_phases_s"]
        split = (
            f"{p.get('load', 0):.2f} / {p.get('evaluate', 0):.2f}"
            f" ({p.get('decide', 0):.2f}, {p.get('upload', 0):.2f}) / {p.get('save', 0):.2f}"
            f" / {p.get('other', 0):.2f}"
        )
        spread = f"{row['live_s_min']:.2f}-{row['live_s_max']:.2f}"
        print(
            f"{row['encounters']:>10,} {row['guarantors']:>10,} {row['import_s']:>7.2f}s"
            f" {row['live_s']:>8.2f}s {spread:>15}  {split:<48}"
            f" {row['live_peak_rss_mb']:>6.0f} MB {row['test_s']:>8.2f}s"
            f" {row['test_peak_rss_mb']:>6.0f} MB {row['live_s_per_1k']:>9.4f}"
        )
    print("\nRule decisions on the same in-memory data (test child), median")
    print(
        f"{'encounters':>10} {'engine decide':>13} {'floor':>8} {'ratio':>6}"
        f" {'naive (eligibility)':>19} {'ratio':>6} {'mismatches':>10}"
    )
    for row in rows:
        naive, naive_ratio = row["naive_durable_s"], row["naive_floor_ratio"]
        print(
            f"{row['encounters']:>10,} {row['decide_s']:>12.3f}s {row['floor_s']:>7.3f}s"
            f" {row['decide_floor_ratio']:>5.1f}x"
            + (
                f" {naive:>18.2f}s {naive_ratio:>5.0f}x"
                if naive is not None
                else f" {'-':>19} {'':>6}"
            )
            + f" {row['decision_mismatches']:>10}"
        )
    storage(rows)
    growth(rows)
    targets(rows, yardstick_s)


def storage(rows: list[dict[str, Any]]) -> None:
    """The storage and reading floors against the live run: the part no faster Python
    could remove."""
    print(
        "\nStoring the live batch alone (its rows pre-built, inserted by sqlite3) and reading"
        " what the run reads alone (fetched by sqlite3, no object built), median"
    )
    print(
        f"{'encounters':>10} {'rows':>10} {'MB':>7} {'storage':>8} {'reading':>8}"
        f" {'both':>8} {'of live':>8}  {'largest parts of storing':<60}"
    )
    for row in rows:
        parts = sorted(row["storage_floor_parts_s"].items(), key=lambda kv: -kv[1])[:4]
        largest = ", ".join(f"{name} {s:.2f}" for name, s in parts)
        both = row["storage_floor_s"] + row["reading_floor_s"]
        print(
            f"{row['encounters']:>10,} {sum(row['rows_written'].values()):>10,}"
            f" {row['bytes_written_mb']:>7.0f} {row['storage_floor_s']:>7.2f}s"
            f" {row['reading_floor_s']:>7.2f}s {both:>7.2f}s"
            f" {both / row['live_s']:>7.0%}  {largest:<60}"
        )


def growth(rows: list[dict[str, Any]]) -> None:
    """Live time against size between successive sizes: 1.0x per 1.0x is linear."""
    ordered = sorted(rows, key=lambda r: r["encounters"])
    for small, big in zip(ordered, ordered[1:], strict=False):
        size_x = big["encounters"] / small["encounters"]
        live_x = big["live_s"] / small["live_s"]
        test_x = big["test_s"] / small["test_s"]
        print(
            f"growth {small['encounters']:,} -> {big['encounters']:,}: {size_x:.1f}x encounters,"
            f" live run {live_x:.1f}x, test run {test_x:.1f}x"
        )


def targets(rows: list[dict[str, Any]], yardstick_s: float) -> None:
    """Each target against its figure, as measured and as on the day the targets were
    set (the figure scaled by that day's yardstick over this run's)."""
    scale = REFERENCE_YARDSTICK_S / yardstick_s
    checks: list[tuple[str, float, float, str, bool]] = []  # name, value, limit, unit, timed
    typical = [r for r in rows if r["encounters"] == TYPICAL_SIZE]
    if typical:
        checks.append(
            (f"live at {TYPICAL_SIZE:,}", typical[0]["live_s"], TYPICAL_LIVE_S, "s", True)
        )
    at = [r for r in rows if r["encounters"] == TARGET_SIZE]
    if at:
        row = at[0]
        checks += [
            ("live run", row["live_s"], TARGET_LIVE_S, "s", True),
            ("storing alone", row["storage_floor_s"], TARGET_LIVE_S, "s", True),
            (
                "reading and storing",
                row["storage_floor_s"] + row["reading_floor_s"],
                TARGET_LIVE_S,
                "s",
                True,
            ),
            ("live peak RSS", row["live_peak_rss_mb"], TARGET_PEAK_MB, "MB", False),
            ("test run", row["test_s"], TARGET_TEST_S, "s", True),
            ("import", row["import_s"], TARGET_IMPORT_S, "s", True),
            ("decide / floor", row["decide_floor_ratio"], TARGET_DECIDE_RATIO, "x", False),
        ]
        if "pg_live_s" in row:
            ratio = row["pg_live_s"] / row["live_s"]
            checks.append(("PostgreSQL / SQLite", ratio, TARGET_PG_RATIO, "x", False))
    if not checks:
        print(f"\ntargets (at {TARGET_SIZE:,} and {TYPICAL_SIZE:,} encounters): not measured")
        return
    print(
        f"\ntargets (timed figures also scaled to the targets' day: x {scale:.2f},"
        f" its yardstick {REFERENCE_YARDSTICK_S:.2f} s over this run's {yardstick_s:.2f} s):"
    )
    for name, value, limit, unit, timed in checks:
        scaled = value * scale if timed else value
        verdict = "met" if scaled <= limit else f"MISSED by {scaled / limit:.1f}x"
        shown = f" ({scaled:>7.2f} {unit} scaled)" if timed else " " * 18
        print(f"  {name:<20} {value:>9.2f} {unit:<2}{shown} <= {limit:g} {unit}: {verdict}")


def plot(rows: list[dict[str, Any]], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no plot (pip install -r benchmarks/requirements.txt)")
        return
    rows = sorted(rows, key=lambda r: r["encounters"])
    sizes = [r["encounters"] for r in rows]
    live = [r["live_s"] for r in rows]
    spread = [
        [r["live_s"] - r["live_s_min"] for r in rows],
        [r["live_s_max"] - r["live_s"] for r in rows],
    ]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.errorbar(sizes, live, yerr=spread, fmt="o-", capsize=3, label="live run (median, min-max)")
    ax.plot(
        sizes,
        [r["storage_floor_s"] for r in rows],
        "D-.",
        label="storing the live batch alone (SQLite, rows pre-built)",
    )
    ax.plot(sizes, [r["test_s"] for r in rows], "s--", label="test run")
    ax.plot(sizes, [r["decide_s"] for r in rows], "^-", label="rule decisions (durable-rules)")
    ax.plot(sizes, [r["floor_s"] for r in rows], "v:", label="plain-Python floor")
    ax.axhline(TARGET_LIVE_S, color="grey", linewidth=0.8, linestyle="-.")
    ax.annotate(
        f"target: live run in {TARGET_LIVE_S:g} s at {TARGET_SIZE:,}",
        (sizes[-1], TARGET_LIVE_S),
        fontsize=7,
        ha="right",
        va="bottom",
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("encounters")
    ax.set_ylabel("seconds")
    ax.set_title("Statement run time against ledger size")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    print(f"plot written to {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="10000,100000", help="encounters per ledger, comma-separated"
    )
    parser.add_argument("--repeat", type=int, default=3, help="rounds per size (default 3)")
    parser.add_argument("--json", dest="json_path", default=None, help="write the figures here")
    parser.add_argument("--plot", default=None, help="write a PNG plot of run time against size")
    parser.add_argument(
        "--child",
        choices=("prepare", "live", "storage", "test", "pg-live"),
        default=None,
        help=argparse.SUPPRESS,
    )
    parser.add_argument(
        "--pg",
        default=None,
        help="also time the live run on PostgreSQL at this URL (a schema of its own per run)",
    )
    parser.add_argument("--prepared", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child_main(args.child, args.size, args.db, args.prepared, args.pg)))
        return
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    about = machine()
    print(
        f"machine: {about['cpu']}, {about['cores']} cores, {about['memory_gb']} GB;"
        f" {about['os']}; Python {about['python']}, SQLite {about['sqlite']}"
    )
    speed = {"before_s": yardstick()}
    results = [measure_size(int(s), args.repeat, args.pg) for s in args.sizes.split(",")]
    speed["after_s"] = yardstick()
    # Scaled by the faster of the two readings: a figure is never flattered by a slow moment.
    report(results, args.repeat, min(speed["before_s"], speed["after_s"]))
    print(
        f"\nyardstick (10 million pure-Python additions, best of 3): {speed['before_s']:.2f} s"
        f" before, {speed['after_s']:.2f} s after"
    )
    if args.json_path:
        document = {
            "command": " ".join([os.path.relpath(sys.executable), *sys.argv]),
            "machine": about,
            "yardstick_s": speed,
            "run_date": RUN_DATE.isoformat(),
            "rules": str(RULES.relative_to(ROOT)),
            "repeat": args.repeat,
            "targets": {
                "size": TARGET_SIZE,
                "live_s": TARGET_LIVE_S,
                "live_peak_rss_mb": TARGET_PEAK_MB,
                "decide_floor_ratio": TARGET_DECIDE_RATIO,
                "test_s": TARGET_TEST_S,
                "import_s": TARGET_IMPORT_S,
                "pg_live_ratio": TARGET_PG_RATIO,
                "typical_size": TYPICAL_SIZE,
                "typical_live_s": TYPICAL_LIVE_S,
                "reference_yardstick_s": REFERENCE_YARDSTICK_S,
            },
            "sizes": results,
        }
        Path(args.json_path).write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
        print(f"figures written to {args.json_path}")
    if args.plot:
        plot([r["median"] for r in results], Path(args.plot))


if __name__ == "__main__":
    main()
