"""The store over SQLAlchemy Core: one code path for SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, func, select, update
from sqlalchemy.exc import IntegrityError

from rulesengine.errors import InvalidRequest, LedgerError, NotFound, Problem, StoreError
from rulesengine.model import (
    Adjustment,
    BatchResult,
    Encounter,
    Guarantor,
    Payment,
)
from rulesengine.plurals import counted
from rulesengine.store.base import (
    BatchSummary,
    ImportSummary,
    LedgerData,
    RunTransaction,
    Store,
    SyncSummary,
    WorklistEntry,
    chunked,
)
from rulesengine.store.batch_delete import BatchRecord, batch_records
from rulesengine.store.batch_io import read_batch
from rulesengine.store.bulk_load import collector_paused
from rulesengine.store.connect import copy_schema_template, is_memory_url
from rulesengine.store.ledger_checks import (
    check_hold_request,
    check_ledger,
    check_lookup,
    check_posting,
)
from rulesengine.store.ledger_import import write_ledger
from rulesengine.store.ledger_sync import apply_sync, plan_sync
from rulesengine.store.redact import display_url
from rulesengine.store.rows import (
    ENCOUNTER_COLUMNS,
    GUARANTOR_COLUMNS,
    PAYMENT_COLUMNS,
    from_db_instant,
    guarantor_from_row,
    payment_from_row,
)
from rulesengine.store.run_transaction import open_run_transaction
from rulesengine.store.store_secret import secret_on
from rulesengine.store.tables import (
    adjustments,
    batch_deletions,
    batch_guarantor_traces,
    batch_pre_collections,
    batch_skips,
    batches,
    encounters,
    guarantors,
    notifications,
    payments,
    rules_versions,
    statements,
)
from rulesengine.store.worklist_reads import worklist_entries, worklist_query

__all__ = ["SQLStore"]

_IN_CHUNK = 500  # ids per IN (...) list


class SQLStore(Store):
    """The store on an SQLAlchemy engine (see :func:`rulesengine.store.open_store`).

    ``engine``, :meth:`reading` and :meth:`writing` are public for the other parts of
    rulesengine that keep their state in the store (the notification queue).
    """

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    def __repr__(self) -> str:
        return f"<SQLStore {display_url(self.url)}>"

    @property
    def in_memory(self) -> bool:
        """Whether this is an in-memory SQLite store (one connection, gone with the process)."""
        return is_memory_url(self.url)

    # -- transactions ----------------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection whose transaction (begun on first use) is rolled back at the end."""
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A connection in a write transaction (SQLite: ``BEGIN IMMEDIATE``), committed at
        the end unless an exception escapes."""
        with self.engine.connect() as conn:
            conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                yield conn

    def close(self) -> None:
        self.engine.dispose()

    def reset(self) -> None:
        """Empty an in-memory store back to a fresh schema (scenario runs reuse one store,
        and with it SQLAlchemy's cache of compiled statements). Refused for any other store:
        nothing ever empties a practice's database."""
        if not is_memory_url(self.url):
            raise StoreError(f"only an in-memory store can be reset, not {display_url(self.url)}")
        with self.engine.connect() as conn:
            driver = conn.connection.driver_connection
            assert driver is not None
            copy_schema_template(driver)

    # -- ledger ----------------------------------------------------------------------------

    def import_ledger(self, ledger: LedgerData) -> ImportSummary:
        try:
            with collector_paused():
                check_ledger(ledger, self)
                with self.writing() as conn:
                    write_ledger(conn, ledger)
        except IntegrityError as exc:
            raise LedgerError(
                [Problem("ledger", None, None, f"rejected by the store: {exc.orig}")]
            ) from None
        return ImportSummary(
            guarantors=len(ledger.guarantors),
            encounters=len(ledger.encounters),
            payments=len(ledger.payments),
            adjustments=len(ledger.adjustments),
        )

    def sync_ledger(
        self,
        ledger: LedgerData,
        *,
        folder: str = "",
        dunning_from_file: bool = False,
        complete: bool = False,
        dry_run: bool = False,
    ) -> SyncSummary:
        with collector_paused():
            return self._sync_ledger(
                ledger,
                folder=folder,
                dunning_from_file=dunning_from_file,
                complete=complete,
                dry_run=dry_run,
            )

    def _sync_ledger(
        self,
        ledger: LedgerData,
        *,
        folder: str,
        dunning_from_file: bool,
        complete: bool,
        dry_run: bool,
    ) -> SyncSummary:
        options = {
            "folder": folder,
            "dunning_from_file": dunning_from_file,
            "complete": complete,
            "dry_run": dry_run,
        }
        check_ledger(ledger, self)
        if dry_run:
            with self.reading() as conn:
                return plan_sync(conn, ledger, **options).summary  # type: ignore[arg-type]
        try:
            with self.writing() as conn:
                plan = plan_sync(conn, ledger, **options)  # type: ignore[arg-type]
                apply_sync(conn, plan)
        except IntegrityError as exc:
            raise LedgerError(
                [Problem("ledger", None, None, f"rejected by the store: {exc.orig}")]
            ) from None
        return plan.summary

    def post_payment(self, encounter_id: str, amount_cents: int, date: dt.date) -> Payment:
        check_posting("payment", encounter_id, amount_cents, date)
        if amount_cents <= 0:
            raise InvalidRequest(
                f"a payment is greater than 0, got {counted(amount_cents, 'cent')}"
            )
        with self.writing() as conn:
            self._add_to_balance(conn, encounter_id, -amount_cents)
            result = conn.execute(
                payments.insert().values(
                    encounter_id=encounter_id, amount_cents=amount_cents, date=date
                )
            )
            pid = result.inserted_primary_key[0]  # type: ignore[index]
        return Payment(pid, encounter_id, amount_cents, date)

    def post_adjustment(self, encounter_id: str, amount_cents: int, date: dt.date) -> Adjustment:
        check_posting("adjustment", encounter_id, amount_cents, date)
        if amount_cents == 0:
            raise InvalidRequest("an adjustment is not 0")
        with self.writing() as conn:
            self._add_to_balance(conn, encounter_id, amount_cents)
            result = conn.execute(
                adjustments.insert().values(
                    encounter_id=encounter_id, amount_cents=amount_cents, date=date
                )
            )
            aid = result.inserted_primary_key[0]  # type: ignore[index]
        return Adjustment(aid, encounter_id, amount_cents, date)

    @staticmethod
    def _add_to_balance(conn: Connection, encounter_id: str, cents: int) -> None:
        result = conn.execute(
            update(encounters)
            .where(encounters.c.id == encounter_id)
            .values(balance_cents=encounters.c.balance_cents + cents)
        )
        if result.rowcount == 0:
            raise NotFound(f"no encounter {encounter_id!r} in the store")

    def set_hold(
        self, *, guarantor_id: str | None = None, encounter_id: str | None = None, hold: bool
    ) -> None:
        if (guarantor_id is None) == (encounter_id is None):
            raise InvalidRequest("set_hold needs exactly one of guarantor_id and encounter_id")
        check_hold_request(guarantor_id if guarantor_id is not None else encounter_id, hold)
        table, key = (
            (guarantors, guarantor_id) if guarantor_id is not None else (encounters, encounter_id)
        )
        with self.writing() as conn:
            result = conn.execute(update(table).where(table.c.id == key).values(hold=hold))
            if result.rowcount == 0:
                raise NotFound(
                    f"no {'guarantor' if guarantor_id else 'encounter'} {key!r} in the store"
                )

    def get_guarantor(self, guarantor_id: str) -> Guarantor | None:
        check_lookup(guarantor_id=guarantor_id)
        with self.reading() as conn:
            row = conn.execute(
                select(*GUARANTOR_COLUMNS).where(guarantors.c.id == guarantor_id)
            ).first()
        return None if row is None else guarantor_from_row(row)

    def get_encounter(self, encounter_id: str) -> Encounter | None:
        check_lookup(encounter_id=encounter_id)
        with self.reading() as conn:
            row = conn.execute(
                select(*ENCOUNTER_COLUMNS).where(encounters.c.id == encounter_id)
            ).first()
        return None if row is None else Encounter(*row)

    def encounters_of(self, guarantor_id: str) -> list[Encounter]:
        check_lookup(guarantor_id=guarantor_id)
        with self.reading() as conn:
            rows = conn.execute(
                select(*ENCOUNTER_COLUMNS)
                .where(encounters.c.guarantor_id == guarantor_id)
                .order_by(encounters.c.id)
            )
            return [Encounter(*row) for row in rows]

    def payments_of(self, encounter_id: str) -> list[Payment]:
        check_lookup(encounter_id=encounter_id)
        with self.reading() as conn:
            rows = conn.execute(
                select(*PAYMENT_COLUMNS)
                .where(payments.c.encounter_id == encounter_id)
                .order_by(payments.c.id)
            )
            return [payment_from_row(row) for row in rows]

    def known_guarantors(self, ids: Iterable[str]) -> set[str]:
        return self._known(guarantors.c.id, ids, "a guarantor id")

    def known_encounters(self, ids: Iterable[str]) -> set[str]:
        return self._known(encounters.c.id, ids, "an encounter id")

    def encounter_levels(self, ids: Iterable[str]) -> dict[str, int]:
        levels: dict[str, int] = {}
        e = encounters.c
        wanted = set(ids)
        check_lookup(**{"an encounter id": "".join(i for i in wanted if isinstance(i, str))})
        with self.reading() as conn:
            for chunk in chunked(sorted(wanted), _IN_CHUNK):
                rows = conn.execute(select(e.id, e.level).where(e.id.in_(chunk)))
                levels.update((encounter_id, level) for encounter_id, level in rows)
        return levels

    def _known(self, column: Any, ids: Iterable[str], what: str) -> set[str]:
        found: set[str] = set()
        wanted = set(ids)
        check_lookup(**{what: "".join(i for i in wanted if isinstance(i, str))})
        with self.reading() as conn:
            for chunk in chunked(sorted(wanted), _IN_CHUNK):
                found.update(conn.execute(select(column).where(column.in_(chunk))).scalars())
        return found

    def counts(self) -> Mapping[str, int]:
        tables = {
            "guarantors": guarantors,
            "encounters": encounters,
            "payments": payments,
            "adjustments": adjustments,
            "batches": batches,
            "statements": statements,
            "notifications": notifications,
        }
        with self.reading() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in tables.items()
            }

    # -- statement runs --------------------------------------------------------------------

    def run_transaction(
        self, profile_id: str, *, live: bool
    ) -> AbstractContextManager[RunTransaction]:
        return open_run_transaction(self.engine, profile_id, live=live)

    def get_batch(self, batch_id: str) -> BatchResult | None:
        check_lookup(batch_id=batch_id)
        with self.reading() as conn:
            return read_batch(conn, batch_id)

    def list_batches(self, profile_id: str | None = None) -> list[BatchSummary]:
        check_lookup(profile_id=profile_id)

        def count_of(table: Any) -> Any:
            return (
                select(func.count())
                .select_from(table)
                .where(table.c.batch_id == batches.c.id)
                .scalar_subquery()
            )

        b = batches.c
        query = select(
            b.id,
            b.profile_id,
            b.run_date,
            b.mode,
            b.rules_hash,
            b.created_at,
            count_of(statements),
            count_of(batch_pre_collections),
            count_of(batch_skips),
            count_of(notifications),
        ).order_by(b.created_at, b.id)
        if profile_id is not None:
            query = query.where(b.profile_id == profile_id)
        with self.reading() as conn:
            return [
                BatchSummary(
                    bid,
                    pid,
                    run_date,
                    mode,
                    rules_hash,
                    from_db_instant(created),
                    n_statements,
                    n_pre,
                    n_skips,
                    n_notifications,
                )
                for (
                    bid,
                    pid,
                    run_date,
                    mode,
                    rules_hash,
                    created,
                    n_statements,
                    n_pre,
                    n_skips,
                    n_notifications,
                ) in conn.execute(query)
            ]

    def batch_records(self, profile_id: str | None = None) -> list[BatchRecord]:
        check_lookup(profile_id=profile_id)
        with self.reading() as conn:
            return batch_records(conn, profile_id)

    def batch_deleted_at(self, batch_id: str) -> dt.datetime | None:
        check_lookup(batch_id=batch_id)
        d = batch_deletions.c
        query = select(d.deleted_at).where(d.batch_id == batch_id).order_by(d.id.desc()).limit(1)
        with self.reading() as conn:
            return from_db_instant(conn.execute(query).scalar())

    def latest_batch_with_guarantor(self, guarantor_id: str) -> str | None:
        check_lookup(guarantor_id=guarantor_id)
        query = (
            select(batches.c.id)
            .join_from(
                batches,
                batch_guarantor_traces,
                batch_guarantor_traces.c.batch_id == batches.c.id,
            )
            .where(batch_guarantor_traces.c.guarantor_id == guarantor_id)
            .order_by(batches.c.created_at.desc(), batches.c.id.desc())
            .limit(1)
        )
        with self.reading() as conn:
            return conn.execute(query).scalar()

    def worklist(self, profile_id: str | None = None) -> list[WorklistEntry]:
        check_lookup(profile_id=profile_id)
        query = worklist_query(profile_id).order_by(encounters.c.guarantor_id, encounters.c.id)
        with self.reading() as conn:
            return worklist_entries(conn, query)

    def rules_text(self, content_hash: str) -> str | None:
        check_lookup(content_hash=content_hash)
        with self.reading() as conn:
            return conn.execute(
                select(rules_versions.c.text).where(rules_versions.c.content_hash == content_hash)
            ).scalar()

    def secret(self) -> bytes:
        # Every store gets its key when it is opened (migrations._ensure_secret), so reading
        # it never writes: a test run changes nothing, not even this.
        with self.reading() as conn:
            return secret_on(conn)
