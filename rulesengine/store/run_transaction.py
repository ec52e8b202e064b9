"""A statement run's transaction: the run lock, the run's input, its batch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from operator import attrgetter
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, or_, select

from rulesengine.model import BatchResult, Encounter, Guarantor, Payment
from rulesengine.store.base import RunInput, RunTransaction
from rulesengine.store.batch_io import read_batch, write_batch
from rulesengine.store.connect import PAGE_CACHE_PRAGMA
from rulesengine.store.rows import ENCOUNTER_COLUMNS, GUARANTOR_COLUMNS, guarantor_from_row
from rulesengine.store.sqlutil import dialect_insert
from rulesengine.store.tables import (
    batches,
    encounters,
    guarantors,
    opt_outs,
    payments,
    profiles,
)

__all__ = [
    "Canonical",
    "SQLRunTransaction",
    "covered_by",
    "driver_rows",
    "open_run_transaction",
    "read_ledger",
]


def covered_by(profile_id: str) -> Any:
    """Encounters a run of the profile covers (needs ``guarantors`` joined): the encounter's
    profile, else its guarantor's, equals ``profile_id``, or neither is set."""
    e, g = encounters.c, guarantors.c
    return or_(
        e.profile == profile_id,
        and_(e.profile.is_(None), or_(g.profile == profile_id, g.profile.is_(None))),
    )


@contextmanager
def open_run_transaction(
    engine: Engine, profile_id: str, *, live: bool
) -> Iterator[SQLRunTransaction]:
    """A live transaction holds the profile's run lock and commits on success; a test
    transaction reads one consistent snapshot and is always rolled back."""
    with engine.connect() as conn:
        if live:
            conn.execution_options(sqlite_begin="IMMEDIATE")
        elif conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        trans = conn.begin()
        try:
            run = SQLRunTransaction(conn, profile_id, live=live)
            if live:
                run.lock()
            yield run
        except BaseException:
            trans.rollback()
            raise
        if live:
            trans.commit()
        else:
            trans.rollback()


class Canonical(dict[Any, Any]):
    """Equal values from many rows made one object (``make`` of the first seen).

    A ledger repeats a few statuses, locations, providers, profiles and dates across a
    million rows, and the driver returns a new object for each; sharing them saves
    hundreds of megabytes in a large run (and parsing each distinct date once).
    """

    def __init__(self, make: Any = None) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> Any:
        value = self[key] = key if self.make is None or key is None else self.make(key)
        return value


#: SQLite's own default page cache (2,000 KiB): what a run's reading of the ledger uses.
_READING_CACHE_PRAGMA = "PRAGMA cache_size=-2000"

#: Where a guarantor row (:data:`GUARANTOR_COLUMNS`) holds the guarantor's profile.
_GUARANTOR_PROFILE = GUARANTOR_COLUMNS.index(guarantors.c.profile)
_ID = attrgetter("id")


@contextmanager
def driver_rows(conn: Connection, query: Any) -> Iterator[Iterable[tuple[Any, ...]]]:
    """The rows of a SQLAlchemy Core ``query`` as the database driver returns them.

    For the reads a large run makes once per row of the ledger: the query is compiled by
    SQLAlchemy (parameters bound, converted by their types as usual) and run on the
    connection's own driver cursor, in the same transaction, so no per-row result object
    or value processing is made. Values come back as the driver holds them: on SQLite
    dates are ISO text and booleans 0 or 1.
    """
    dialect = conn.dialect
    compiled = query.compile(dialect=dialect)
    params = {}
    for name, value in compiled.params.items():
        convert = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
        params[name] = value if convert is None else convert(value)
    driver = conn.connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    try:
        if dialect.positional:
            cursor.execute(str(compiled), tuple(params[n] for n in compiled.positiontup or ()))
        else:
            cursor.execute(str(compiled), params)
        yield cursor
    finally:
        cursor.close()


def _days(conn: Connection) -> Canonical:
    """Dates as the driver returns them (ISO text on SQLite) -> one date object each."""
    return Canonical(dt.date.fromisoformat if conn.dialect.name == "sqlite" else None)


def read_ledger(
    conn: Connection, profile_id: str
) -> tuple[dict[str, Guarantor], tuple[Encounter, ...]]:
    """The guarantors and encounters a run of ``profile_id`` covers (:func:`covered_by`),
    encounters ordered by guarantor id then encounter id, guarantors in the order of their
    first encounter.

    The ledger is the bulk of a run's reading (a million encounters for a large practice),
    so it is read in two queries: the guarantors the profile may cover, each once, then
    the encounters, each checked against its guarantor's profile here (and in the
    database too, when another profile has guarantors). Rows come back through
    :func:`driver_rows` and are converted once per distinct value (:class:`Canonical`).
    """
    g, e = guarantors.c, encounters.c
    candidates = select(*GUARANTOR_COLUMNS).where(
        or_(
            g.profile == profile_id,
            g.profile.is_(None),
            g.id.in_(select(e.guarantor_id).where(e.profile == profile_id)),
        )
    )
    with driver_rows(conn, candidates) as rows:
        guarantor_rows = {row[0]: row for row in rows}
    # Written with coalesce, the condition keeps the planner on the guarantor_id index
    # (which gives the order) rather than on the profile index (sorted again after).
    query = select(*ENCOUNTER_COLUMNS).order_by(e.guarantor_id, e.id)
    other_profiles = select(g.id).where(g.profile.is_not(None), g.profile != profile_id)
    if conn.execute(other_profiles.limit(1)).first() is None:
        # No guarantor of another profile: an encounter's own profile decides alone.
        query = query.where(func.coalesce(e.profile, profile_id) == profile_id)
    else:  # leave other profiles' encounters in the database, not in Python
        query = query.join_from(encounters, guarantors, g.id == e.guarantor_id).where(
            func.coalesce(e.profile, g.profile, profile_id) == profile_id
        )
    days = _days(conn)
    same = Canonical()
    truth = Canonical(bool)
    found: dict[str, Guarantor] = {}
    covered: list[Encounter] = []
    add = covered.append
    last_gid: Any = None
    raw: Any = None  # the guarantor row of last_gid (None: not a guarantor the run covers)
    guarantor: Guarantor | None = None  # built at its first covered encounter
    unassigned_covered = False  # whether the guarantor covers encounters with no profile
    with driver_rows(conn, query) as rows:
        for (
            eid,
            gid,
            pid,
            service,
            balance,
            level,
            status,
            hold,
            location,
            provider,
            first,
            last,
            sent,
            profile,
        ) in rows:
            if gid != last_gid:
                last_gid = gid
                raw = guarantor_rows.get(gid)
                guarantor = None
                unassigned_covered = raw is not None and raw[_GUARANTOR_PROFILE] in (
                    None,
                    profile_id,
                )
            if raw is None or (profile is None and not unassigned_covered):
                continue
            if guarantor is None:
                guarantor = found[gid] = guarantor_from_row(raw)
            add(
                Encounter(
                    eid,
                    guarantor.id,
                    pid,
                    days[service],
                    balance,
                    level,
                    same[status],
                    truth[hold],
                    None if location is None else same[location],
                    None if provider is None else same[provider],
                    None if first is None else days[first],
                    None if last is None else days[last],
                    sent,
                    None if profile is None else same[profile],
                )
            )
    return found, tuple(covered)


@contextmanager
def _reading_once(conn: Connection) -> Iterator[None]:
    """SQLite's page cache kept at its default size (2 MiB) while the ledger is read.

    The ledger is read once, in order, so caching its pages gains nothing, and a full cache
    (:data:`~rulesengine.store.connect.PAGE_CACHE_KIB`) would be held through the run's
    evaluation, when its memory peaks. The cache regrows when the batch is written, which
    is what it is sized for.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    conn.exec_driver_sql(_READING_CACHE_PRAGMA)
    try:
        yield
    finally:
        conn.exec_driver_sql(PAGE_CACHE_PRAGMA)


class SQLRunTransaction(RunTransaction):
    """:class:`RunTransaction` over one open SQLAlchemy connection."""

    def __init__(self, conn: Connection, profile_id: str, *, live: bool) -> None:
        self.conn = conn
        self.profile_id = profile_id
        self.live = live

    def lock(self) -> None:
        """Take the profile's run lock: its row, created if missing, locked for update.
        (On SQLite ``BEGIN IMMEDIATE`` already holds the database's write lock.)"""
        self.conn.execute(
            dialect_insert(self.conn, profiles)
            .values(id=self.profile_id)
            .on_conflict_do_nothing(index_elements=["id"])
        )
        self.conn.execute(
            select(profiles.c.id).where(profiles.c.id == self.profile_id).with_for_update()
        ).one()

    def latest_live_batch(self) -> tuple[str, dt.date] | None:
        row = self.conn.execute(
            select(batches.c.id, batches.c.run_date)
            .where(batches.c.profile_id == self.profile_id, batches.c.mode == "live")
            .order_by(batches.c.run_date.desc())
            .limit(1)
        ).first()
        return None if row is None else (row[0], row[1])

    def load_batch(self, batch_id: str) -> BatchResult:
        batch = read_batch(self.conn, batch_id)
        if batch is None:
            raise KeyError(batch_id)
        return batch

    def load_input(self, run_date: dt.date) -> RunInput:
        with _reading_once(self.conn):
            found, covered = read_ledger(self.conn, self.profile_id)
            return RunInput(
                guarantors=found,
                encounters=covered,
                unreviewed_payments=self._unreviewed(run_date, set(map(_ID, covered))),
                opted_out=self._opted_out(set(found)),
            )

    def _opted_out(self, guarantor_ids: set[str]) -> dict[str, frozenset[str]]:
        """The opt-out ledger's channels per guarantor (only guarantors of this run)."""
        found: dict[str, set[str]] = {}
        query = select(opt_outs.c.guarantor_id, opt_outs.c.channel).distinct()
        for guarantor_id, channel in self.conn.execute(query):
            if guarantor_id in guarantor_ids:
                found.setdefault(guarantor_id, set()).add(channel)
        return {g: frozenset(channels) for g, channels in found.items()}

    def _unreviewed(self, run_date: dt.date, covered: set[str]) -> dict[str, tuple[Payment, ...]]:
        p = payments.c
        query = (
            select(p.id, p.encounter_id, p.amount_cents, p.date)
            .where(p.reviewed_batch.is_(None), p.date <= run_date)
            .order_by(p.id)
        )
        days = _days(self.conn)
        grouped: dict[str, list[Payment]] = {}
        with driver_rows(self.conn, query) as rows:
            for pid, eid, amount, date in rows:
                if eid in covered:
                    grouped.setdefault(eid, []).append(Payment(pid, eid, amount, days[date]))
        return {eid: tuple(found) for eid, found in grouped.items()}

    @property
    def connection(self) -> Connection:
        return self.conn

    def save_batch(
        self,
        batch: BatchResult,
        rules_text: str,
        at: dt.datetime | None = None,
        *,
        pay_links: Mapping[str, str] | None = None,
    ) -> None:
        if not self.live:
            raise RuntimeError("a test run transaction never writes")
        if batch.profile_id != self.profile_id:
            raise ValueError(
                f"batch of profile {batch.profile_id!r} in a run of profile {self.profile_id!r}"
            )
        write_batch(self.conn, batch, rules_text, at, pay_links=pay_links)
