"""Schema versions: create a fresh store, refuse a newer one, upgrade an older one.

The ``meta`` table holds ``schema_version``. A fresh database gets the current schema
(:data:`rulesengine.store.tables.metadata`) and is stamped :data:`SCHEMA_VERSION`. An older
one is upgraded by the steps of :data:`MIGRATIONS`: the step keyed ``n`` takes a store from
version ``n - 1`` to ``n``. Every step runs in the same transaction as the new stamp, so an
upgrade either completes or changes nothing.

To change the schema: edit :mod:`rulesengine.store.tables`, bump ``SCHEMA_VERSION`` in
:mod:`rulesengine.store.base`, and add the step that brings a version ``n - 1`` store to it.
Step 1 builds today's tables (it only ever runs on an empty database), so a later step
must also leave a store that step 1 just built as it is: ``IF EXISTS``, ``IF NOT EXISTS``.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping

from sqlalchemy import Connection, inspect, select, text, update
from sqlalchemy.schema import CreateIndex

from rulesengine.errors import StoreError
from rulesengine.store.base import SCHEMA_VERSION
from rulesengine.store.legacy_tables import batch_encounters_before, batch_traces
from rulesengine.store.migration_v6 import version_6
from rulesengine.store.redact import display_url
from rulesengine.store.tables import (
    adjustments,
    batch_deletions,
    batch_skips,
    channel_rates,
    encounters,
    meta,
    metadata,
    notifications,
    payments,
    statements,
    users,
)

__all__ = [
    "MIGRATIONS",
    "VERSION_2_INDEXES",
    "VERSION_3_INDEXES",
    "VERSION_4_INDEXES",
    "VERSION_4_REPLACED_INDEXES",
    "VERSION_5_INDEXES",
    "VERSION_5_REPLACED_INDEXES",
    "Migration",
    "ensure_schema",
    "stored_version",
    "upgrade",
]

Migration = Callable[[Connection], None]


def _create_version_1(conn: Connection) -> None:
    """Version 1: the first schema (only reached from an empty database)."""
    metadata.create_all(conn)


def _partial_claim_indexes(conn: Connection) -> None:
    """Version 2: the claim's indexes hold only the rows it looks for.

    ``ix_notifications_due (status, next_attempt_at)`` and ``ix_notifications_lease (status,
    lease_expires_at)`` had an entry for every notification ever queued. They give way to
    partial indexes, built from their definitions in :mod:`rulesengine.store.tables`:
    ``ix_notifications_scheduled_due (next_attempt_at, id) WHERE status = 'scheduled'``
    (version 5 replaced it; it is built from constant SQL),
    ``ix_notifications_sending_lease (lease_expires_at) WHERE status = 'sending'`` and, for
    the staff views the old indexes served, ``ix_notifications_needs_staff (status, id)
    WHERE status = 'error' OR status = 'unknown'``.
    """
    conn.execute(text("DROP INDEX IF EXISTS ix_notifications_due"))
    conn.execute(text("DROP INDEX IF EXISTS ix_notifications_lease"))
    for index in sorted(notifications.indexes, key=lambda index: str(index.name)):
        if index.name in VERSION_2_INDEXES:
            conn.execute(CreateIndex(index, if_not_exists=True))
    # Replaced in version 5 (so not in tables.py), and not built where its successor is.
    present = {index["name"] for index in inspect(conn).get_indexes("notifications")}
    if not present & set(VERSION_5_INDEXES):
        conn.execute(text(_CREATE_SCHEDULED_DUE))


#: Version 2's claim index, as constant SQL (the same on both databases).
_CREATE_SCHEDULED_DUE = (
    "CREATE INDEX IF NOT EXISTS ix_notifications_scheduled_due"
    " ON notifications (next_attempt_at, id) WHERE status = 'scheduled'"
)


#: The indexes schema version 2 added (all on ``notifications``).
VERSION_2_INDEXES = (
    "ix_notifications_needs_staff",
    "ix_notifications_scheduled_due",
    "ix_notifications_sending_lease",
)


def _posting_external_ids(conn: Connection) -> None:
    """Version 3: payments and adjustments keep the practice system's id.

    Adds the nullable ``external_id`` column to ``payments`` and ``adjustments`` (the ledger
    files' optional ``id`` column; existing rows keep NULL: they have none) and the unique
    indexes ``ux_payments_external_id`` and ``ux_adjustments_external_id`` on it, from their
    definitions in :mod:`rulesengine.store.tables`. A store that already has them is left
    as it is.
    """
    for table in (payments, adjustments):
        present = {c["name"] for c in inspect(conn).get_columns(table.name)}
        if "external_id" not in present:
            conn.execute(text(_ADD_EXTERNAL_ID[table.name, conn.dialect.name == "postgresql"]))
        for index in sorted(table.indexes, key=lambda index: str(index.name)):
            if index.name in _POSTING_ID_INDEXES:
                conn.execute(CreateIndex(index, if_not_exists=True))


#: (table, on PostgreSQL) -> the statement adding ``external_id`` as tables.py defines it
#: (an :data:`~rulesengine.store.tables.Id`: byte-order collation on PostgreSQL).
_ADD_EXTERNAL_ID = {
    ("payments", False): "ALTER TABLE payments ADD COLUMN external_id VARCHAR",
    ("payments", True): 'ALTER TABLE payments ADD COLUMN external_id VARCHAR COLLATE "C"',
    ("adjustments", False): "ALTER TABLE adjustments ADD COLUMN external_id VARCHAR",
    ("adjustments", True): 'ALTER TABLE adjustments ADD COLUMN external_id VARCHAR COLLATE "C"',
}

#: The indexes :func:`_posting_external_ids` adds.
_POSTING_ID_INDEXES = ("ux_adjustments_external_id", "ux_payments_external_id")


def _batch_deletion(conn: Connection) -> None:
    """Version 3 (batch deletion and superseded notifications): what a live batch changed
    can be put back, and a later batch can supersede an earlier one's notifications.

    Adds the tables ``batch_encounters_before`` (each changed encounter's fields before the
    batch) and ``batch_deletions`` (the audit record of a deleted batch), the column
    ``notifications.superseded_by`` and its partial index ``ix_notifications_superseded_by``.
    Existing rows are kept as they are: a batch written before version 3 has no
    before-state, so ``rulesengine batch delete`` refuses it when it changed an encounter.
    """
    changes = {c["name"] for c in inspect(conn).get_columns("batch_changes")}
    if "before_level" not in changes:  # (version 6 keeps the before-state there)
        batch_encounters_before.create(conn, checkfirst=True)
    batch_deletions.create(conn, checkfirst=True)
    columns = {c["name"] for c in inspect(conn).get_columns("notifications")}
    if "superseded_by" not in columns:  # an id: byte-ordered text, as in schema.Id
        if conn.dialect.name == "postgresql":
            add = 'ALTER TABLE notifications ADD COLUMN superseded_by VARCHAR COLLATE "C"'
        else:
            add = "ALTER TABLE notifications ADD COLUMN superseded_by VARCHAR"
        conn.execute(text(add))
    for index in sorted(notifications.indexes, key=lambda index: str(index.name)):
        if index.name in _SUPERSEDED_INDEXES:
            conn.execute(CreateIndex(index, if_not_exists=True))


#: The index :func:`_batch_deletion` adds (on ``notifications``).
_SUPERSEDED_INDEXES = ("ix_notifications_superseded_by",)

#: The indexes schema version 3 added.
VERSION_3_INDEXES = _POSTING_ID_INDEXES + _SUPERSEDED_INDEXES


def _version_3(conn: Connection) -> None:
    """Version 3: the two steps of the month-after-month release, each idempotent."""
    _posting_external_ids(conn)
    _batch_deletion(conn)


def _dashboard_users(conn: Connection) -> None:
    """Version 4: dashboard users.

    Adds the ``users`` table (name, role, scrypt password hash, when created, when the
    password last changed), empty: the first admin is added with ``rulesengine user add``.
    Every other table and row is left as it is; a store that has the table already is too.
    """
    users.create(conn, checkfirst=True)


def _dashboard_indexes(conn: Connection) -> None:
    """Version 4: the indexes the dashboard's screens read a page or a count through.

    ``ix_statements_batch_seq (batch_id, seq, level)`` replaces ``ix_statements_batch_id``
    (a batch's statements a page at a time in their order, and by level, without sorting
    or reading a quarter of a million rows), ``ix_encounters_worklist (status, id,
    profile, guarantor_id, balance_cents)`` replaces ``ix_encounters_status`` (a page of the
    worklist in encounter-id order, and its totals per profile, from the index alone);
    ``ix_batch_skips_batch_reason (batch_id, reason)`` and
    ``ix_notifications_batch_channel_status (batch_id, channel, status)`` count a batch's
    skips by reason and its notifications by channel and status from the index alone;
    ``ix_statements_guarantor_batch (guarantor_id, batch_id, seq)`` and
    ``ix_batch_traces_guarantor_batch (guarantor_id, batch_id, seq)`` replace the guarantor's
    ``ix_statements_guarantor_id`` and ``ix_batch_traces_guarantor_id`` (a guarantor's part
    of one batch, as explain reads it, without walking the whole batch).
    Each replaced index is a prefix of its successor, so no query loses its index. All
    are built from their definitions in :mod:`rulesengine.store.tables`; a store that
    has them already is left as it is.
    """
    # VERSION_4_REPLACED_INDEXES, each as constant SQL
    conn.execute(text("DROP INDEX IF EXISTS ix_batch_traces_guarantor_id"))
    conn.execute(text("DROP INDEX IF EXISTS ix_encounters_status"))
    conn.execute(text("DROP INDEX IF EXISTS ix_statements_batch_id"))
    conn.execute(text("DROP INDEX IF EXISTS ix_statements_guarantor_id"))
    for table in (encounters, statements, batch_skips, notifications):
        for index in sorted(table.indexes, key=lambda index: str(index.name)):
            if index.name in _DASHBOARD_INDEXES:
                conn.execute(CreateIndex(index, if_not_exists=True))
    if "batch_traces" in inspect(conn).get_table_names():  # version 6 replaced it
        for index in sorted(batch_traces.indexes, key=lambda index: str(index.name)):
            if index.name in _DASHBOARD_INDEXES:
                conn.execute(CreateIndex(index, if_not_exists=True))


#: The indexes :func:`_dashboard_indexes` adds.
_DASHBOARD_INDEXES = (
    "ix_batch_skips_batch_reason",
    "ix_batch_traces_guarantor_batch",
    "ix_encounters_worklist",
    "ix_notifications_batch_channel_status",
    "ix_statements_batch_seq",
    "ix_statements_guarantor_batch",
)

#: The indexes schema version 4 dropped: each is a prefix of one it added.
VERSION_4_REPLACED_INDEXES = (
    "ix_batch_traces_guarantor_id",
    "ix_encounters_status",
    "ix_statements_batch_id",
    "ix_statements_guarantor_id",
)


def _queue_pages(conn: Connection) -> None:
    """Version 4 (the dashboard's queue): who did what, and a page at a time.

    Adds the nullable column ``notification_history.actor`` (who asked for a change; the
    existing entries keep NULL: nobody was recorded) and the partial indexes
    ``ix_notifications_set_aside (status, id) WHERE status = 'canceled' OR status =
    'suppressed' OR status = 'superseded'``, ``ix_notifications_scheduled_id (id) WHERE
    status = 'scheduled'``, ``ix_notifications_sending_id (id) WHERE status = 'sending'``,
    ``ix_notifications_sent_id (id) WHERE status = 'sent'`` and
    ``ix_notifications_other_kinds (kind, id) WHERE kind = 'proof' OR kind = 'on_demand'``,
    and rebuilds ``ix_notifications_batch_id`` on ``(batch_id, id)`` (it was
    on ``batch_id``: PostgreSQL then walked the whole table backwards for an old batch's
    page), from their definitions in :mod:`rulesengine.store.tables`. A store that has them
    already is left as it is.
    """
    columns = {c["name"] for c in inspect(conn).get_columns("notification_history")}
    if "actor" not in columns:
        conn.execute(text("ALTER TABLE notification_history ADD COLUMN actor VARCHAR"))
    batch_index = {
        index["name"]: index["column_names"] for index in inspect(conn).get_indexes("notifications")
    }.get("ix_notifications_batch_id")
    if batch_index != ["batch_id", "id"]:
        conn.execute(text("DROP INDEX IF EXISTS ix_notifications_batch_id"))
    for index in sorted(notifications.indexes, key=lambda index: str(index.name)):
        if index.name in _QUEUE_PAGE_INDEXES or index.name == "ix_notifications_batch_id":
            conn.execute(CreateIndex(index, if_not_exists=True))


#: The indexes :func:`_queue_pages` adds (on ``notifications``).
_QUEUE_PAGE_INDEXES = (
    "ix_notifications_other_kinds",
    "ix_notifications_scheduled_id",
    "ix_notifications_sending_id",
    "ix_notifications_sent_id",
    "ix_notifications_set_aside",
)

#: The indexes schema version 4 added (``ix_notifications_batch_id`` it rebuilt).
VERSION_4_INDEXES = tuple(sorted(_DASHBOARD_INDEXES + _QUEUE_PAGE_INDEXES))


def _version_4(conn: Connection) -> None:
    """Version 4: the dashboard's steps, each idempotent."""
    _dashboard_users(conn)
    _dashboard_indexes(conn)
    _queue_pages(conn)


def _channel_rates(conn: Connection) -> None:
    """Version 5: a channel's ``max_per_second`` is kept across every worker of the store.

    Adds the ``channel_rates`` table (per key, the next free send slot; see
    :mod:`rulesengine.queue.send_rates`), empty: a row is added the first time a worker
    sends on a rate-limited channel. Every other table and row is left as it is; a store
    that has the table already is too.
    """
    channel_rates.create(conn, checkfirst=True)


def _claims_by_channel(conn: Connection) -> None:
    """Version 5: a round claims each channel's due notifications from its own index range.

    ``ix_notifications_scheduled_channel_due (channel, next_attempt_at, id) WHERE status =
    'scheduled'``, built from its definition in :mod:`rulesengine.store.tables`, replaces
    ``ix_notifications_scheduled_due (next_attempt_at, id)`` (nothing else read it). A
    store that has it already is left as it is.
    """
    conn.execute(text("DROP INDEX IF EXISTS ix_notifications_scheduled_due"))
    for index in sorted(notifications.indexes, key=lambda index: str(index.name)):
        if index.name in VERSION_5_INDEXES:
            conn.execute(CreateIndex(index, if_not_exists=True))


#: The index schema version 5 added (on ``notifications``).
VERSION_5_INDEXES = ("ix_notifications_scheduled_channel_due",)

#: The index schema version 5 dropped (version 2 added it).
VERSION_5_REPLACED_INDEXES = ("ix_notifications_scheduled_due",)


def _version_5(conn: Connection) -> None:
    """Version 5: shared rate limits and claims by channel, each step idempotent."""
    _channel_rates(conn)
    _claims_by_channel(conn)


def _version_7(conn: Connection) -> None:
    """Version 7: a live batch's notification holds its first history entry in its own row
    (the nullable ``notifications.first_status``); the notifications already queued keep
    theirs in ``notification_history`` (their ``first_status`` stays NULL). Idempotent."""
    present = {c["name"] for c in inspect(conn).get_columns("notifications")}
    if "first_status" not in present:
        conn.execute(text("ALTER TABLE notifications ADD COLUMN first_status VARCHAR"))


#: Upgrade steps keyed by the version they produce.
MIGRATIONS: Mapping[int, Migration] = {
    1: _create_version_1,
    2: _partial_claim_indexes,
    3: _version_3,
    4: _version_4,
    5: _version_5,
    6: version_6,
    7: _version_7,
}

_PG_LOCK_KEY = 7_301_955_101  # serialises schema creation between processes on PostgreSQL


def stored_version(conn: Connection) -> int | None:
    """The schema version recorded in the store, or None for an empty database."""
    names = set(inspect(conn).get_table_names())
    if "meta" not in names:
        if names & set(metadata.tables):
            raise StoreError(
                f"{_where(conn)} has rulesengine tables but no schema version; "
                "it was not created by rulesengine"
            )
        return None
    value = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    if value is None:
        raise StoreError(f"{_where(conn)} has no schema version recorded")
    try:
        return int(value)
    except ValueError:
        raise StoreError(
            f"{_where(conn)} records schema version {value!r}, which is not a number;"
            " it was not written by rulesengine, or it is damaged: restore it from a backup"
        ) from None


def upgrade(
    conn: Connection,
    current: int,
    target: int = SCHEMA_VERSION,
    steps: Mapping[int, Migration] = MIGRATIONS,
) -> None:
    """Apply the steps from ``current + 1`` to ``target`` and record ``target``."""
    for version in range(current + 1, target + 1):
        if version not in steps:
            raise StoreError(f"no migration to schema version {version}; cannot upgrade")
        steps[version](conn)
    conn.execute(update(meta).where(meta.c.key == "schema_version").values(value=str(target)))


def ensure_schema(
    conn: Connection,
    target: int = SCHEMA_VERSION,
    steps: Mapping[int, Migration] = MIGRATIONS,
) -> int:
    """Create, check or upgrade the schema inside the caller's transaction.

    Returns the version the store had before (0 for an empty database). Raises
    :class:`StoreError` when the store was written by a newer rulesengine.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
    current = stored_version(conn)
    if current is None:
        metadata.create_all(conn)
        conn.execute(meta.insert(), [{"key": "schema_version", "value": str(target)}])
        _ensure_secret(conn)
        return 0
    if current > target:
        raise StoreError(
            f"{_where(conn)} was written by a newer rulesengine (schema {current}); "
            "upgrade rulesengine"
        )
    if current < target:
        upgrade(conn, current, target, steps)
    _ensure_secret(conn)
    return current


def _ensure_secret(conn: Connection) -> None:
    """Give the store its pay-link key (32 random bytes) if it has none yet.

    Done when the store is opened, inside that transaction, so nothing else ever writes
    it: reading the key (a test run renders pay links too) changes nothing.
    """
    found = conn.execute(select(meta.c.value).where(meta.c.key == "secret")).first()
    if found is None:
        conn.execute(meta.insert(), [{"key": "secret", "value": secrets.token_hex(32)}])


def _where(conn: Connection) -> str:
    """The database, named for a message (without a password)."""
    url = conn.engine.url
    if url.get_backend_name() == "sqlite":
        return f"the store {url.database}" if url.database else "the in-memory store"
    return f"the store {display_url(url)}"
