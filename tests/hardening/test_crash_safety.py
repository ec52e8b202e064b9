"""A killed process never leaves a half-written store.

Real ``rulesengine`` processes are killed with SIGKILL at points spread over a large live
run (20,000 encounters) and over a large import, against an SQLite file store. After each
kill the store must be exactly the store from before or exactly the store an uninterrupted
run leaves (every row of every table, wall-clock columns aside), pass ``PRAGMA
integrity_check``, and the next command must complete and leave exactly the reference.

The processes are forked from a zygote that has imported the console script's entry point
(``_zygote.py``), so the kills land in the work rather than in start-up.

Kill points: the uninterrupted command is timed first; its duration is cut into equal
slices and one kill lands at a random instant of each slice (seeded), so the kills cover
reading, deciding, writing and the commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import pytest

from ._zygote import Zygote

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "rules" / "standard.yaml"
ENCOUNTERS = 20_000
RUN_KILLS = 8
IMPORT_KILLS = 4
#: Columns holding the wall-clock time of a write: they differ between two identical runs.
WALL_CLOCK = frozenset({"created_at", "updated_at", "at", "deleted_at"})
DELETE_KILLS = 4


def write_ledger(folder: Path, encounters: int, seed: int = 7) -> None:
    """A ledger of ``encounters`` encounters, 1-4 per guarantor, with levels, worklist
    entries, zero and negative balances, and unreviewed payments."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    guarantors = [
        "id,first_name,last_name,email,mobile,timezone,"
        "postal_line1,postal_city,postal_state,postal_zip"
    ]
    rows = [
        "id,guarantor,patient,service_date,balance,level,status,"
        "first_statement,last_statement,statements_sent"
    ]
    payments = ["encounter,amount,date"]
    n = g = 0
    while n < encounters:
        g += 1
        guarantors.append(
            f"G{g},First{g},Last{g},g{g}@example.org,+1555{g:07d},America/Chicago,"
            f"{g} Main St,Springfield,IL,62701"
        )
        for _ in range(rng.randint(1, 4)):
            if n == encounters:
                break
            n += 1
            level = rng.choice([0, 0, 0, 1, 2, 3])
            status = "pre_collections" if level == 3 and rng.random() < 0.5 else "open"
            balance = rng.choice(["0", "-5.00", f"{rng.randint(1, 90000) / 100:.2f}"])
            billed = ("2025-10-01", "2025-12-15") if level else ("", "")
            rows.append(
                f"E{n},G{g},P{g}-{n % 3},2025-09-{rng.randint(1, 28):02d},{balance},{level},"
                f"{status},{billed[0]},{billed[1]},{level}"
            )
            if rng.random() < 0.3:
                payments.append(
                    f"E{n},{rng.randint(1, 20000) / 100:.2f},2026-01-{rng.randint(1, 28):02d}"
                )
    (folder / "guarantors.csv").write_text("\n".join(guarantors) + "\n", "utf-8")
    (folder / "encounters.csv").write_text("\n".join(rows) + "\n", "utf-8")
    (folder / "payments.csv").write_text("\n".join(payments) + "\n", "utf-8")


def dump(db: Path) -> dict[str, str]:
    """Per table, a hash of all its rows in a fixed order (wall-clock columns left out)."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        out = {}
        for table in sorted(tables):
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            kept = [f'"{c}"' for c in columns if c not in WALL_CLOCK]
            order = ", ".join(str(i) for i in range(1, len(kept) + 1))
            rows = conn.execute(f'SELECT {", ".join(kept)} FROM "{table}" ORDER BY {order}')
            digest, count = hashlib.sha256(), 0
            for row in rows:
                digest.update(repr(row).encode())
                count += 1
            out[table] = f"{digest.hexdigest()}:{count}"
        return out
    finally:
        conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@attrs.frozen
class Kill:
    """What one killed command left behind."""

    delay: float
    finished: bool  # the command ended before the kill
    state: str  # "before", "after" or "other"
    integrity: str
    rerun_code: int
    rerun_matches_reference: bool


def spread(duration: float, count: int, seed: int) -> list[float]:
    """One random instant in each of ``count`` equal slices of (0, 1.05 * duration)."""
    rng = random.Random(seed)
    width = 1.05 * duration / count
    return [width * (i + rng.random()) for i in range(count)]


@pytest.fixture(scope="module")
def zygotes() -> Iterator[list[Zygote]]:
    """Two zygotes: kill experiments run two at a time."""
    made = [Zygote(), Zygote()]
    yield made
    for zygote in made:
        zygote.close()


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory, zygotes: list[Zygote]) -> dict[str, object]:
    """A ledger folder, an empty store, a store holding the ledger, and reference results."""
    from rulesengine.ledger import read_ledger_dir
    from rulesengine.store import open_store

    root = tmp_path_factory.mktemp("crash")
    ledger = root / "ledger"
    write_ledger(ledger, ENCOUNTERS)

    empty = root / "empty.db"
    store = open_store(str(empty))
    store.secret()  # the pay-link key is made once, before any run (see docs/security.md)
    store.close()
    loaded = root / "loaded.db"
    shutil.copy(empty, loaded)
    store = open_store(str(loaded))
    store.import_ledger(read_ledger_dir(ledger))
    store.close()

    imported = root / "reference-import.db"
    shutil.copy(empty, imported)
    started = time.monotonic()
    assert zygotes[0].run(["import", str(ledger), "--db", str(imported)]).returncode == 0
    import_seconds = time.monotonic() - started

    after_run = root / "reference-run.db"
    shutil.copy(loaded, after_run)
    started = time.monotonic()
    argv = ["run", "--rules", str(RULES), "--date", "2026-02-01", "--db", str(after_run)]
    assert zygotes[0].run(argv).returncode == 0
    run_seconds = time.monotonic() - started
    # The next month's export, synced into the store the run left: other balances, levels
    # and guarantors in the file, more payments (and the month before's again).
    month_2 = root / "ledger-month-2"
    write_ledger(month_2, ENCOUNTERS, seed=8)
    with (month_2 / "payments.csv").open("a", encoding="utf-8") as extra:
        extra.write((ledger / "payments.csv").read_text("utf-8").split("\n", 1)[1])
    synced = root / "reference-sync.db"
    shutil.copy(after_run, synced)
    started = time.monotonic()
    assert zygotes[0].run(["import", str(month_2), "--db", str(synced)]).returncode == 0
    sync_seconds = time.monotonic() - started
    return {
        "root": root,
        "ledger": ledger,
        "month_2": month_2,
        "empty": empty,
        "loaded": loaded,
        "after_run": after_run,
        "import": (dump(empty), dump(imported), import_seconds),
        "run": (dump(loaded), dump(after_run), run_seconds),
        "sync": (dump(after_run), dump(synced), sync_seconds),
    }


def _classify(db: Path, before: dict[str, str], after: dict[str, str]) -> str:
    state = dump(db)
    return "before" if state == before else "after" if state == after else "other"


def test_the_reference_run_and_import_change_the_store(prepared) -> None:
    """Sanity: 'before' and 'after' differ, so a kill test can tell them apart."""
    for key in ("import", "run", "sync"):
        before, after, _ = prepared[key]
        assert before != after
    _, after_run, _ = prepared["run"]
    assert int(after_run["statements"].split(":")[1]) > 1000


def _kill_in_turns(attempt: Callable[[int, float], Kill], delays: list[float]) -> list[Kill]:
    """``attempt(n, delays[n])`` for every n, evens and odds side by side on two threads
    (worker n % 2 owns zygote n % 2)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        evens = pool.submit(lambda: [attempt(n, delays[n]) for n in range(0, len(delays), 2)])
        odds = pool.submit(lambda: [attempt(n, delays[n]) for n in range(1, len(delays), 2)])
        return evens.result() + odds.result()


def _assert_before_or_after(kills: list[Kill]) -> None:
    """Every kill left the store before or after, sound; the command run again gave the
    exit code the state calls for and the reference store; at least half the kills hit the
    command before it finished."""
    for kill in kills:
        assert kill.state in ("before", "after"), kill
        assert kill.integrity == "ok", kill
        assert kill.rerun_code == 0, kill
        assert kill.rerun_matches_reference, kill
    assert sum(not k.finished for k in kills) >= len(kills) // 2, kills


def test_a_live_run_killed_anywhere_leaves_the_store_before_or_after(prepared, zygotes) -> None:
    """SIGKILL at 8 points of a 20,000-encounter live run: before or after, never between;
    the store is sound; the next run completes and equals the uninterrupted run."""
    before, after, seconds = prepared["run"]
    root: Path = prepared["root"]
    argv = ["run", "--rules", str(RULES), "--date", "2026-02-01", "--db"]

    def attempt(n: int, delay: float) -> Kill:
        zygote = zygotes[n % 2]
        db = root / f"killed-run-{n}.db"
        shutil.copy(prepared["loaded"], db)
        finished = zygote.kill_after([*argv, str(db)], delay)
        state = _classify(db, before, after)
        checked = integrity(db)
        code = zygote.run([*argv, str(db)]).returncode
        return Kill(delay, finished, state, checked, code, dump(db) == after)

    delays = spread(seconds, RUN_KILLS, seed=2026)
    _assert_before_or_after(_kill_in_turns(attempt, delays))


def test_an_import_killed_anywhere_leaves_the_store_before_or_after(prepared, zygotes) -> None:
    """SIGKILL at 4 points of a 20,000-encounter import: before or after, never between; the
    store is sound; importing again (when nothing was kept) equals the uninterrupted import."""
    before, after, seconds = prepared["import"]
    root: Path = prepared["root"]
    ledger: Path = prepared["ledger"]

    def attempt(n: int, delay: float) -> Kill:
        zygote = zygotes[n % 2]
        db = root / f"killed-import-{n}.db"
        shutil.copy(prepared["empty"], db)
        argv = ["import", str(ledger), "--db", str(db)]
        finished = zygote.kill_after(argv, delay)
        state = _classify(db, before, after)
        checked = integrity(db)
        code = 0
        if state == "before":  # payments are appended: import again only what was lost
            code = zygote.run(argv).returncode
        return Kill(delay, finished, state, checked, code, dump(db) == after)

    delays = spread(seconds, IMPORT_KILLS, seed=7)
    _assert_before_or_after(_kill_in_turns(attempt, delays))


def test_a_sync_import_killed_anywhere_leaves_the_store_before_or_after(prepared, zygotes) -> None:
    """SIGKILL at 4 points of a sync import (the next month's export of 20,000 encounters
    into a store with a batch): before or after, never between; the store is sound; the
    import run again, whatever the kill left, equals the uninterrupted one (a sync of the
    same file twice changes nothing)."""
    before, after, seconds = prepared["sync"]
    root: Path = prepared["root"]
    argv = ["import", str(prepared["month_2"]), "--db"]

    def attempt(n: int, delay: float) -> Kill:
        zygote = zygotes[n % 2]
        db = root / f"killed-sync-{n}.db"
        shutil.copy(prepared["after_run"], db)
        finished = zygote.kill_after([*argv, str(db)], delay)
        state = _classify(db, before, after)
        checked = integrity(db)
        code = zygote.run([*argv, str(db)]).returncode
        return Kill(delay, finished, state, checked, code, dump(db) == after)

    delays = spread(seconds, IMPORT_KILLS, seed=15)
    _assert_before_or_after(_kill_in_turns(attempt, delays))


@pytest.fixture(scope="module")
def deleted(prepared, zygotes: list[Zygote]) -> tuple[dict[str, str], float]:
    """The reference run's batch deleted by an uninterrupted ``batch delete``: its dump and
    how long the command took."""
    root: Path = prepared["root"]
    db = root / "reference-delete.db"
    shutil.copy(root / "reference-run.db", db)
    started = time.monotonic()
    argv = ["batch", "delete", "standard-2026-02-01", "--yes", "--db", str(db)]
    assert zygotes[0].run(argv).returncode == 0
    return dump(db), time.monotonic() - started


def test_the_reference_delete_gives_back_the_store_before_the_run(prepared, deleted) -> None:
    """Deleting the 20,000-encounter batch leaves every table as before the run, but for
    the audit record, the rules text it names and the profile's run-lock row."""
    before_run, _, _ = prepared["run"]
    after_delete, _ = deleted
    changed = {t for t in after_delete if after_delete[t] != before_run.get(t)}
    assert changed == {"batch_deletions", "profiles", "rules_versions"}
    assert after_delete["batch_deletions"].endswith(":1")


def test_a_batch_delete_killed_anywhere_leaves_the_store_before_or_after(
    prepared, deleted, zygotes
) -> None:
    """SIGKILL at 4 points of ``batch delete`` of a 20,000-encounter batch: before or after,
    never between; the store is sound; deleting again (when nothing was deleted) equals the
    uninterrupted deletion, and once deleted, a second delete is refused and changes nothing."""
    _, after_run, _ = prepared["run"]
    after, seconds = deleted
    root: Path = prepared["root"]
    argv = ["batch", "delete", "standard-2026-02-01", "--yes", "--db"]

    def attempt(n: int, delay: float) -> Kill:
        zygote = zygotes[n % 2]
        db = root / f"killed-delete-{n}.db"
        shutil.copy(root / "reference-run.db", db)
        finished = zygote.kill_after([*argv, str(db)], delay)
        state = _classify(db, after_run, after)
        checked = integrity(db)
        code = zygote.run([*argv, str(db)]).returncode
        expected = 0 if state == "before" else 1  # refused: already deleted
        return Kill(delay, finished, state, checked, code - expected, dump(db) == after)

    delays = spread(seconds, DELETE_KILLS, seed=15)
    _assert_before_or_after(_kill_in_turns(attempt, delays))


def test_dates_of_the_reference_run_are_the_run_date(prepared) -> None:
    """The reference batch is the one asked for (guards the comparison above)."""
    conn = sqlite3.connect(prepared["root"] / "reference-run.db")
    try:
        assert conn.execute("SELECT id, run_date FROM batches").fetchall() == [
            ("standard-2026-02-01", dt.date(2026, 2, 1).isoformat())
        ]
    finally:
        conn.close()
