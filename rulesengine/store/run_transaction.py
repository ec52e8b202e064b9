"""A statement run's transaction: the run lock, the run's input, its batch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, and_, or_, select, type_coerce
from sqlalchemy.types import NullType

from rulesengine.model import BatchResult, Encounter, Guarantor, Payment
from rulesengine.store.base import RunInput, RunTransaction
from rulesengine.store.batch_io import read_batch, write_batch
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
    "open_run_transaction",
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


#: Columns of a ledger row that are the encounter's (the guarantor's follow).
_ENCOUNTER_WIDTH = len(ENCOUNTER_COLUMNS)


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
        # The ledger is the bulk of a run's reading (a million encounters for a large
        # practice), so rows come back as the driver returns them, without SQLAlchemy's
        # per-value result processing, and are converted here once: SQLite returns dates as
        # ISO text and booleans as 0/1; PostgreSQL returns them as they are.
        query = (
            select(*(type_coerce(c, NullType) for c in (*ENCOUNTER_COLUMNS, *GUARANTOR_COLUMNS)))
            .join_from(encounters, guarantors, guarantors.c.id == encounters.c.guarantor_id)
            .where(covered_by(self.profile_id))
            .order_by(encounters.c.guarantor_id, encounters.c.id)
        )
        sqlite = self.conn.dialect.name == "sqlite"
        day = Canonical(dt.date.fromisoformat if sqlite else None).__getitem__
        same = Canonical().__getitem__
        found: dict[str, Guarantor] = {}
        found_encounters: list[Encounter] = []
        add = found_encounters.append
        last_gid: Any = None
        row: Any
        for row in self.conn.execute(query):
            (eid, gid, pid, service, balance, level, status, hold, location, provider) = row[:10]
            first, last, sent, profile = row[10:_ENCOUNTER_WIDTH]
            if gid != last_gid:
                guarantor = found[gid] = guarantor_from_row(row[_ENCOUNTER_WIDTH:])
                last_gid = guarantor.id
            add(
                Encounter(
                    eid,
                    last_gid,
                    pid,
                    day(service),
                    balance,
                    level,
                    same(status),
                    bool(hold),
                    same(location),
                    same(provider),
                    day(first),
                    day(last),
                    sent,
                    same(profile),
                )
            )
        return RunInput(
            guarantors=found,
            encounters=tuple(found_encounters),
            unreviewed_payments=self._unreviewed(run_date, {e.id for e in found_encounters}),
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
        grouped: dict[str, list[Payment]] = {}
        for pid, eid, amount, date in self.conn.execute(query):
            if eid in covered:
                grouped.setdefault(eid, []).append(Payment(pid, eid, amount, date))
        return {eid: tuple(found) for eid, found in grouped.items()}

    @property
    def connection(self) -> Connection:
        return self.conn

    def save_batch(
        self, batch: BatchResult, rules_text: str, at: dt.datetime | None = None
    ) -> None:
        if not self.live:
            raise RuntimeError("a test run transaction never writes")
        if batch.profile_id != self.profile_id:
            raise ValueError(
                f"batch of profile {batch.profile_id!r} in a run of profile {self.profile_id!r}"
            )
        write_batch(self.conn, batch, rules_text, at)
