"""Time a ledger import and a month-later sync of the seeded benchmark ledger.

What it measures, in one process, beside the plain-Python yardstick of
:func:`benchmarks.bench_run.yardstick` (taken before and after, since this machine's
speed varies):

- ``read_s``: reading the ledger as a folder of CSV files (``read_ledger_dir``, what
  ``rulesengine import LEDGER_DIR`` does first), with ``--csv``;
- ``import_s``: ``store.import_ledger`` of the generated ledger into a new store, after
  ``values_checked`` (as :func:`benchmarks.bench_run.prepare` does);
- ``first_sync_s``: ``store.sync_ledger`` of the same ledger into another new store
  (``rulesengine import`` into an empty store), with ``--first-sync``;
- ``resync_s``: the same ledger synced again (nothing changes);
- ``sync_s``: a month later: 3% of the balances changed, 2% new encounters, new payments
  for 2% of the encounters, synced with ``complete=True``.

Run: ``python -m benchmarks.bench_import --size 1000000 [--db URL] [--csv] [--first-sync]``.
``--db`` is an SQLite path (default: a temporary file) or a PostgreSQL URL; on PostgreSQL
the stores are schemas created for the run and dropped after it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import attrs

from benchmarks.bench_run import yardstick
from benchmarks.ledger import generate
from rulesengine.model import Encounter, Payment
from rulesengine.store import open_store
from rulesengine.store.base import LedgerData
from rulesengine.store.ledger_checks import values_checked


def month_later(ledger: LedgerData, seed: int = 11) -> LedgerData:
    """The export a month later: 3% of the balances lower, 2% new encounters of existing
    guarantors, new payments for 2% of the encounters; everything else repeated."""
    rng = random.Random(seed)
    rows = list(ledger.encounters)
    for i in rng.sample(range(len(rows)), len(rows) * 3 // 100):
        lower = max(0, rows[i].balance_cents - rng.randint(100, 5_000))
        rows[i] = attrs.evolve(rows[i], balance_cents=lower)
    size = len(rows)
    gids = [g.id for g in ledger.guarantors]
    for k in range(size * 2 // 100):
        rows.append(
            Encounter(
                id=f"F{k + 1:08d}",
                guarantor_id=rng.choice(gids),
                patient_id=f"P-F{k + 1}",
                service_date=dt.date(2026, 6, 20),
                balance_cents=rng.randint(1_000, 90_000),
            )
        )
    paid = list(ledger.payments)
    for i in rng.sample(range(size), size * 2 // 100):
        paid.append(Payment(None, rows[i].id, rng.randint(100, 5_000), dt.date(2026, 6, 25)))
    return LedgerData(ledger.guarantors, rows, paid, ledger.adjustments)


def amount(cents: int) -> str:
    """Cents as a ledger file's plain amount (``-12.50``)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def write_csv(ledger: LedgerData, folder: Path) -> None:
    """The ledger as a ledger folder (guarantors.csv, encounters.csv, payments.csv)."""

    def text(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    def write(name: str, header: list[str], rows: Iterator[list[Any]]) -> None:
        with open(folder / name, "w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(header)
            out.writerows([text(v) for v in row] for row in rows)

    g_header = ["id", "first_name", "last_name", "email", "mobile", "timezone", "paperless"]
    g_header += ["hold", "sms_opt_out", "email_opt_out", "profile", "postal_line1"]
    g_header += ["postal_line2", "postal_city", "postal_state", "postal_zip"]
    write(
        "guarantors.csv",
        g_header,
        (
            [g.id, g.first_name, g.last_name, g.email, g.mobile, g.timezone, g.paperless]
            + [g.hold, g.sms_opt_out, g.email_opt_out, g.profile]
            + (list(attrs.astuple(g.postal)) if g.postal else [None] * 5)
            for g in ledger.guarantors
        ),
    )
    e_header = ["id", "guarantor", "patient", "service_date", "balance", "level", "status"]
    e_header += ["hold", "location", "provider", "first_statement", "last_statement"]
    e_header += ["statements_sent", "profile"]
    write(
        "encounters.csv",
        e_header,
        (
            [e.id, e.guarantor_id, e.patient_id, e.service_date, amount(e.balance_cents)]
            + [e.level, e.status, e.hold, e.location, e.provider, e.first_statement]
            + [e.last_statement, e.statements_sent, e.profile]
            for e in ledger.encounters
        ),
    )
    write(
        "payments.csv",
        ["encounter", "amount", "date"],
        ([p.encounter_id, amount(p.amount_cents), p.date] for p in ledger.payments),
    )


@contextmanager
def new_store_url(db: str | None, work: Path, name: str) -> Iterator[str]:
    """A URL of a new, empty store: an SQLite file, or a PostgreSQL schema of its own."""
    if db is None or not db.startswith("postgresql"):
        path = work / f"{name}.db" if db is None else Path(f"{db}.{name}")
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        yield str(path)
        return
    import sqlalchemy

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = sqlalchemy.create_engine(db.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        separator = "&" if "?" in db else "?"
        yield f"{db}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def timed(results: dict[str, Any], name: str, step: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    value = step()
    results[name] = round(time.perf_counter() - started, 2)
    return value


def measure(size: int, db: str | None, with_csv: bool, first_sync: bool) -> dict[str, Any]:
    kind = "postgresql" if db and db.startswith("postgresql") else "sqlite"
    results: dict[str, Any] = {"size": size, "store": kind}
    results["yardstick_s"] = yardstick()
    ledger = values_checked(generate(size))
    later = values_checked(month_later(ledger))
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        work = Path(tmp)
        if with_csv:
            from rulesengine.ledger import read_ledger_dir

            (work / "ledger").mkdir()
            write_csv(ledger, work / "ledger")
            timed(results, "read_s", lambda: read_ledger_dir(work / "ledger"))
        with new_store_url(db, work, "imported") as url:
            store = open_store(url)
            try:
                timed(results, "import_s", lambda: store.import_ledger(ledger))
                timed(results, "resync_s", lambda: store.sync_ledger(ledger))
                summary = timed(results, "sync_s", lambda: store.sync_ledger(later, complete=True))
            finally:
                store.close()
            results["sync_summary"] = {k: attrs.asdict(v) for k, v in summary.files.items()}
        if first_sync:
            with new_store_url(db, work, "synced") as url:
                store = open_store(url)
                try:
                    timed(results, "first_sync_s", lambda: store.sync_ledger(ledger))
                finally:
                    store.close()
    results["yardstick_after_s"] = yardstick()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="encounters")
    parser.add_argument("--db", default=None, help="SQLite path or PostgreSQL URL")
    parser.add_argument("--csv", action="store_true", help="also time reading it as CSV")
    parser.add_argument("--first-sync", action="store_true", help="also sync into an empty store")
    args = parser.parse_args()
    print(json.dumps(measure(args.size, args.db, args.csv, args.first_sync), indent=2))


if __name__ == "__main__":
    main()
