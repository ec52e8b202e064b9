"""Writes the version-5 store fixtures of tests/store/test_migration_version_6.py.

Run it with the rulesengine that wrote schema version 5 (commit e216942) first on the
path, from a checkout of that commit, with PostgreSQL at ``RULESENGINE_TEST_PG`` (default
``postgresql://postgres@127.0.0.1:5432/test``)::

    git worktree add --detach /tmp/v5 e216942
    cd /tmp && PYTHONPATH=/tmp/v5 REPO/.venv/bin/python REPO/tests/data/stores/make_version_5.py \
        REPO/tests/data/stores

It builds one store on each database the same way: the seeded benchmark ledger of 120
encounters imported, a live run of rules/standard.yaml on 2026-06-01, a month's payments
imported, a live run on 2026-07-01 (which supersedes some of the first batch's
notifications), then dumps each as SQL (``version-5.sqlite.sql``,
``version-5.postgresql.sql``, its schema named ``__schema__``) and writes what that
release read back from the store (``version-5-reads.json``): each batch whole, each
notification's stored bodies and each change's before-state.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

REPOSITORY = Path(__file__).resolve().parents[3]  # rules/standard.yaml is read from here
PG = os.environ.get("RULESENGINE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def build(url: str) -> None:
    from benchmarks.ledger import generate
    from rulesengine.model import Payment
    from rulesengine.rules import load_rules
    from rulesengine.statements.statement_run import run_statements
    from rulesengine.store import open_store
    from rulesengine.store.base import LedgerData

    store = open_store(url)
    ledger = generate(120, run_date=dt.date(2026, 6, 1))
    store.import_ledger(ledger)
    rules = load_rules(str(REPOSITORY / "rules" / "standard.yaml"))
    run_statements(store, rules, dt.date(2026, 6, 1), live=True)
    paid = [Payment(None, e.id, 2_500, dt.date(2026, 6, 20)) for e in ledger.encounters[::7]]
    store.import_ledger(LedgerData(payments=paid))
    run_statements(store, rules, dt.date(2026, 7, 1), live=True)
    store.close()


def batch_shape(batch: Any) -> dict[str, Any]:
    """A stored batch (``read_batch``'s) as plain JSON values: what the version-6 test
    compares the upgraded store's batches with."""
    return {
        "statements": [
            [
                s.id,
                s.guarantor_id,
                s.level,
                s.total_cents,
                [
                    [
                        ln.encounter_id,
                        ln.patient_id,
                        ln.service_date.isoformat(),
                        ln.balance_cents,
                        ln.level,
                        ln.rider,
                    ]
                    for ln in s.lines
                ],
            ]
            for s in batch.statements
        ],
        "traces": {
            eid: [[t.step, t.outcome, t.detail, t.rule] for t in steps]
            for eid, steps in batch.traces.items()
        },
        "guarantor_of": dict(batch.guarantor_of),
        "changes": [
            [
                c.encounter_id,
                c.level,
                c.status,
                str(c.first_statement),
                str(c.last_statement),
                c.statements_sent,
            ]
            for c in batch.changes
        ],
        "skips": [[s.encounter_id, s.guarantor_id, s.reason] for s in batch.skips],
        "pre_collections": list(batch.pre_collections),
    }


def reads(url: str) -> dict[str, Any]:
    from rulesengine.store import open_store
    from rulesengine.store.batch_io import read_batch

    store = open_store(url)
    found: dict[str, Any] = {"batches": {}, "notifications": {}, "before": []}
    with store.reading() as conn:
        ids = conn.execute(text("SELECT id FROM batches ORDER BY id")).scalars().all()
        for bid in ids:
            batch = read_batch(conn, bid)
            assert batch is not None
            found["batches"][bid] = batch_shape(batch)
        for nid, status, content, context in conn.execute(
            text("SELECT id, status, content_json, context_json FROM notifications ORDER BY id")
        ):
            found["notifications"][str(nid)] = [status, _digest(content), _digest(context)]
        found["before"] = [
            [bid, seq, eid, level, status, str(first), str(last), sent, wb, str(since)]
            for bid, seq, eid, level, status, first, last, sent, wb, since in conn.execute(
                text(
                    "SELECT batch_id, seq, encounter_id, level, status, first_statement,"
                    " last_statement, statements_sent, worklist_batch_id, worklist_since"
                    " FROM batch_encounters_before ORDER BY batch_id, seq"
                )
            )
        ]
    store.close()
    return found


def _digest(body: str) -> str:
    """A stored body's SHA-256: as strict as the bytes, a fraction of their size."""
    return hashlib.sha256(body.encode()).hexdigest()


def main() -> None:
    out = Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "store.db"
        build(str(db))
        sqlite_reads = reads(str(db))
        with sqlite3.connect(db) as conn:
            dump = "\n".join(conn.iterdump())
        (out / "version-5.sqlite.sql").write_text(dump + "\n")

    schema = f"v5_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = f"{PG}?options=-csearch_path%3D{schema}"
        build(url)
        pg_reads = reads(url)
        dump = subprocess.run(
            ["pg_dump", "--no-owner", "--no-privileges", "--inserts", "--schema", schema, PG],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        # Without psql's own commands (``\restrict``): the test runs it as plain SQL.
        kept = [line for line in dump.splitlines() if not line.startswith("\\")]
        (out / "version-5.postgresql.sql").write_text(
            "\n".join(kept).replace(schema, "__schema__") + "\n"
        )
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    # The notifications' stored bodies hold nothing of the database (pay links are keyed
    # by each store's own secret, so they differ): the reads are kept per database.
    (out / "version-5-reads.json").write_text(
        json.dumps({"sqlite": sqlite_reads, "postgresql": pg_reads}, sort_keys=True) + "\n"
    )


if __name__ == "__main__":
    main()
