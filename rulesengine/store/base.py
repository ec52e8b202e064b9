"""The store interface: the system of record behind every command.

SQLite (embedded default) and PostgreSQL implement it with the same SQLAlchemy Core code in
:mod:`rulesengine.store.sql_store`. Nothing of a statement run or of the queue lives only in
memory: a live run reads its input and writes its result inside one transaction
(:meth:`Store.run_transaction`), so it is atomic and two live runs of one profile serialise.

Money is whole cents; dates are :class:`datetime.date`; instants are timezone-aware UTC.
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

import attrs

from rulesengine.errors import InvalidRequest
from rulesengine.model import (
    Adjustment,
    BatchResult,
    Encounter,
    Guarantor,
    Payment,
    given,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from rulesengine.store.batch_delete import BatchRecord

__all__ = [
    "SCHEMA_VERSION",
    "BatchSummary",
    "FileSync",
    "ImportSummary",
    "LedgerData",
    "RunInput",
    "RunTransaction",
    "Store",
    "SyncSummary",
    "WorklistEntry",
    "chunked",
]


def _tuple(items: Iterable[Any] | None) -> tuple[Any, ...]:
    """attrs converter: keep list fields immutable (typed, unlike a bare ``tuple``); None is
    none, and something that is not a collection is the caller's mistake, said plainly."""
    if items is None:
        return ()
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise InvalidRequest(f"expected a list of ledger items, got {given(items)}")
    return tuple(items)


#: Version of the store schema this release writes. Bump it with a migration step.
SCHEMA_VERSION = 7


@attrs.frozen
class LedgerData:
    """A whole ledger to import (already validated, in file order).

    ``columns``: per ledger file (``guarantors.csv`` ...), the columns its header named; a
    file missing from it (a ledger built in Python) counts as having every column.
    ``row_numbers``: per file, the file row of each item, in order (the header is row 1);
    a file missing from it is taken as one row per item from row 2. Neither takes part in
    equality.
    """

    guarantors: tuple[Guarantor, ...] = attrs.field(default=(), converter=_tuple)
    encounters: tuple[Encounter, ...] = attrs.field(default=(), converter=_tuple)
    payments: tuple[Payment, ...] = attrs.field(default=(), converter=_tuple)
    adjustments: tuple[Adjustment, ...] = attrs.field(default=(), converter=_tuple)
    columns: Mapping[str, frozenset[str]] = attrs.field(factory=dict, eq=False)
    row_numbers: Mapping[str, tuple[int, ...]] = attrs.field(factory=dict, eq=False)

    def row_of(self, name: str, index: int) -> int:
        """The file row of item ``index`` (0-based) of ledger file ``name``."""
        rows = self.row_numbers.get(name)
        return rows[index] if rows is not None else index + 2


@attrs.frozen
class ImportSummary:
    guarantors: int
    encounters: int
    payments: int
    adjustments: int


@attrs.frozen
class FileSync:
    """What a sync import did (or, in a dry run, would do) with the rows of one file.

    ``inserted``: new ids (new postings); ``updated``: stored ids whose values changed;
    ``unchanged``: stored ids the file repeats as they are; ``skipped``: postings already
    stored.
    """

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0


@attrs.frozen
class SyncSummary:
    """What :meth:`Store.sync_ledger` did (``dry_run``: would do, having written nothing).

    ``files``: per ledger file name, its :class:`FileSync`. ``dunning_differs``: stored
    encounters whose dunning fields in the file differ from the store's (kept unless
    ``dunning_from_file``). ``covered_profiles``: the profiles the encounters file covers
    (``None`` for "no profile"). ``not_in_file``: stored open or pre-collections encounters
    of those profiles the file does not list; with ``complete`` the store's balance of each
    is set to 0 (``zeroed`` of them had a balance other than 0).
    """

    files: Mapping[str, FileSync]
    dunning_differs: int = 0
    dunning_from_file: bool = False
    covered_profiles: tuple[str | None, ...] = attrs.field(default=(), converter=_tuple)
    not_in_file: int = 0
    zeroed: int = 0
    complete: bool = False
    dry_run: bool = False


@attrs.frozen
class RunInput:
    """What a statement run of one profile on one date reads from the ledger.

    ``encounters``: every encounter covered by the profile (its own ``profile``, else its
    guarantor's, equals the profile id, or both are unset), whatever its status, ordered by
    guarantor id then encounter id. ``guarantors``: every guarantor of those encounters.
    ``unreviewed_payments``: per encounter, its payments not yet reviewed whose date is on
    or before the run date, in posting order. ``opted_out``: per guarantor, the channels
    the opt-out ledger says they opted out of.
    """

    guarantors: Mapping[str, Guarantor]
    encounters: tuple[Encounter, ...] = attrs.field(converter=_tuple)
    unreviewed_payments: Mapping[str, tuple[Payment, ...]] = attrs.field(factory=dict)
    opted_out: Mapping[str, frozenset[str]] = attrs.field(factory=dict)


@attrs.frozen
class BatchSummary:
    id: str
    profile_id: str
    run_date: dt.date
    mode: str
    rules_hash: str
    created_at: dt.datetime
    statements: int
    pre_collections: int
    skips: int
    notifications: int


@attrs.frozen
class WorklistEntry:
    encounter: Encounter
    guarantor: Guarantor
    batch_id: str | None  # the live batch that sent it to the worklist (None: imported so)
    since: dt.date | None


class RunTransaction(abc.ABC):
    """One statement run's view of the store, inside one database transaction.

    A live transaction holds the profile's run lock from start to end (SQLite:
    ``BEGIN IMMEDIATE``; PostgreSQL: a row lock on the profile), so a concurrent live run of
    the same profile waits and then sees the first one's batch. Leaving the ``with`` block
    normally commits what :meth:`save_batch` wrote; an exception rolls everything back.
    A test transaction never writes.
    """

    @abc.abstractmethod
    def latest_live_batch(self) -> tuple[str, dt.date] | None:
        """The id and run date of the profile's latest live batch, or None."""

    @abc.abstractmethod
    def load_batch(self, batch_id: str) -> BatchResult:
        """A stored batch (statements, lines, skips, worklist, traces), with
        ``replayed=True``; its notifications are the queue's
        (:func:`rulesengine.queue.notification_reads.with_notifications`)."""

    @abc.abstractmethod
    def load_input(self, run_date: dt.date) -> RunInput:
        """The ledger as the run on ``run_date`` sees it (see :class:`RunInput`)."""

    @abc.abstractmethod
    def save_batch(
        self,
        batch: BatchResult,
        rules_text: str,
        at: dt.datetime | None = None,
        *,
        pay_links: Mapping[str, str] | None = None,
    ) -> None:
        """Write a live batch and everything it decided in the ledger, in this transaction
        (``at``: when, default now; the batch's ``created_at`` unless it has its own;
        ``pay_links``: statement id -> its pay link as the run made it, kept with the
        statement so its notifications are rendered with it later).

        Records the batch (unique per profile and run date), its statements and lines, its
        ``pre_collections`` list, its skips, its traces, the encounter changes, the reviewed
        payment marks (``reviewed_batch``) and the rules file text under its content hash
        (kept once per hash). It also keeps each changed encounter's fields from before (so
        the batch can be deleted exactly). Its notifications are the queue's to write, in
        the same transaction (:attr:`connection`;
        :func:`rulesengine.queue.batch_upload.upload_batch`).
        """

    @property
    @abc.abstractmethod
    def connection(self) -> Connection:
        """The transaction's connection: the queue writes a live batch's notifications in
        it, so they commit (or roll back) with the batch."""


class Store(abc.ABC):
    """The system of record. Open one with :func:`rulesengine.store.open_store`."""

    url: str

    # -- lifecycle -------------------------------------------------------------------------

    @abc.abstractmethod
    def close(self) -> None:
        """Release connections."""

    # -- ledger ----------------------------------------------------------------------------

    @abc.abstractmethod
    def import_ledger(self, ledger: LedgerData) -> ImportSummary:
        """Load a ledger in one transaction.

        Guarantors and encounters are inserted, or updated when their id exists. Payments and
        adjustments are appended; a payment dated on or before its encounter's
        ``last_statement`` is stored as already reviewed (``reviewed_batch="imported"``).
        Balances are taken as given (they already include the payments and adjustments).
        Every given value replaces the stored one, dunning fields included: this loads a
        ledger built in Python (scenario presets, tests); ``rulesengine import`` syncs with
        :meth:`sync_ledger` instead.
        """

    @abc.abstractmethod
    def sync_ledger(
        self,
        ledger: LedgerData,
        *,
        folder: str = "",
        dunning_from_file: bool = False,
        complete: bool = False,
        dry_run: bool = False,
    ) -> SyncSummary:
        """Sync a ledger export into the store in one transaction (``rulesengine import``).

        Guarantors and encounters are matched by id. New ids are inserted with every value.
        For stored ids the columns the file has (``ledger.columns``) replace the stored
        values, except the encounter's dunning fields (``level``, ``status``,
        ``first_statement``, ``last_statement``, ``statements_sent``), which stay the
        store's unless ``dunning_from_file``. Rows the file lacks are untouched.

        Payments and adjustments with an ``external_id`` that is stored are skipped (stored
        with another encounter, amount or date: a :class:`LedgerError` at that row and
        column). Without one, the k-th row with a given (encounter, amount, date) is the
        k-th stored posting with those values: only rows past the stored count are inserted.
        New payments dated on or before their encounter's ``last_statement`` (as stored
        after the sync) count as reviewed (``reviewed_batch="imported"``); stored payments
        keep their marks.

        ``complete``: stored open or pre-collections encounters of the profiles the file
        covers (see :class:`SyncSummary`) that it does not list get balance 0.
        ``dry_run``: compute the same summary and write nothing. ``folder`` names the
        files in error messages.
        """

    @abc.abstractmethod
    def post_payment(self, encounter_id: str, amount_cents: int, date: dt.date) -> Payment:
        """Record a payment and lower the encounter's balance by it (one transaction).
        Raises :class:`~rulesengine.errors.NotFound` for an unknown encounter and
        :class:`~rulesengine.errors.InvalidRequest` for an amount not above 0."""

    @abc.abstractmethod
    def post_adjustment(self, encounter_id: str, amount_cents: int, date: dt.date) -> Adjustment:
        """Record an adjustment and add it (negative: a write-off) to the balance.
        Raises :class:`~rulesengine.errors.NotFound` for an unknown encounter and
        :class:`~rulesengine.errors.InvalidRequest` for an amount of 0."""

    @abc.abstractmethod
    def set_hold(
        self, *, guarantor_id: str | None = None, encounter_id: str | None = None, hold: bool
    ) -> None:
        """Put a guarantor or an encounter on hold (``hold=True``) or release it.
        Raises :class:`~rulesengine.errors.NotFound` for an unknown one."""

    def known_guarantors(self, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` that are guarantors in the store (for import checks)."""
        return {i for i in set(ids) if self.get_guarantor(i) is not None}

    def known_encounters(self, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` that are encounters in the store (for import checks)."""
        return {i for i in set(ids) if self.get_encounter(i) is not None}

    def encounter_levels(self, ids: Iterable[str]) -> dict[str, int]:
        """The dunning level now of those of ``ids`` that are encounters in the store."""
        found = {i: self.get_encounter(i) for i in set(ids)}
        return {i: e.level for i, e in found.items() if e is not None}

    @abc.abstractmethod
    def get_guarantor(self, guarantor_id: str) -> Guarantor | None: ...

    @abc.abstractmethod
    def get_encounter(self, encounter_id: str) -> Encounter | None: ...

    @abc.abstractmethod
    def encounters_of(self, guarantor_id: str) -> list[Encounter]:
        """A guarantor's encounters, ordered by id."""

    @abc.abstractmethod
    def payments_of(self, encounter_id: str) -> list[Payment]:
        """An encounter's payments in posting order."""

    @abc.abstractmethod
    def counts(self) -> Mapping[str, int]:
        """Row counts: guarantors, encounters, payments, adjustments, batches, statements,
        notifications (for summaries and tests)."""

    # -- statement runs --------------------------------------------------------------------

    @abc.abstractmethod
    def run_transaction(
        self, profile_id: str, *, live: bool
    ) -> AbstractContextManager[RunTransaction]:
        """Open a run transaction for one profile (see :class:`RunTransaction`)."""

    @abc.abstractmethod
    def get_batch(self, batch_id: str) -> BatchResult | None:
        """A stored live batch, or None; without its notifications, which are the queue's
        (:func:`rulesengine.queue.notification_reads.stored_batch` reads it whole)."""

    @abc.abstractmethod
    def list_batches(self, profile_id: str | None = None) -> list[BatchSummary]:
        """Live batches, oldest first."""

    @abc.abstractmethod
    def batch_records(self, profile_id: str | None = None) -> list[BatchRecord]:
        """Live batches and the audit records of deleted ones (``rulesengine batches``),
        by profile, run date and time."""

    @abc.abstractmethod
    def batch_deleted_at(self, batch_id: str) -> dt.datetime | None:
        """When a batch with this id was last deleted, or None."""

    @abc.abstractmethod
    def latest_batch_with_guarantor(self, guarantor_id: str) -> str | None:
        """Id of the newest live batch whose traces mention the guarantor, or None."""

    @abc.abstractmethod
    def worklist(self, profile_id: str | None = None) -> list[WorklistEntry]:
        """Encounters in status ``pre_collections``, ordered by guarantor then encounter."""

    @abc.abstractmethod
    def rules_text(self, content_hash: str) -> str | None:
        """The rules file text a batch was run with."""

    @abc.abstractmethod
    def secret(self) -> bytes:
        """The installation's pay-link key: ``RULESENGINE_SECRET`` from the environment when
        set, else a random 32-byte key created once and kept in the store."""


def chunked(items: Sequence, size: int) -> Iterator[Sequence]:
    """Yield successive slices of ``items`` (bulk inserts stay under parameter limits)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
