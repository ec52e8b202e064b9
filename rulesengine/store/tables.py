"""Longer than 500 lines because the schema is kept whole, in one place: the store's
tables, as SQLAlchemy Core metadata shared by SQLite and PostgreSQL (the migrations and
the fresh store are built from it).

Types are portable: money is ``BigInteger`` cents, instants are ``DateTime(timezone=True)``
stored in UTC, structured values are JSON in ``Text`` columns. Text ids compare byte by byte
on both databases (PostgreSQL columns use the ``C`` collation), so "ordered by id" means the
same order everywhere, and the same order as Python's string comparison.

Children of a batch carry a ``seq`` column: a stored batch reads back in the order it was
written.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    literal_column,
    or_,
)

__all__ = [
    "IS_SCHEDULED",
    "IS_NOT_BATCH_KIND",
    "IS_SENDING",
    "IS_SET_ASIDE",
    "NEEDS_STAFF",
    "Id",
    "adjustments",
    "batch_changes",
    "batch_deletions",
    "batch_guarantor_traces",
    "batch_pre_collections",
    "batch_reviewed_payments",
    "batch_skips",
    "batch_trace_steps",
    "batches",
    "channel_rates",
    "encounters",
    "guarantors",
    "meta",
    "metadata",
    "notification_history",
    "notifications",
    "opt_outs",
    "payments",
    "profiles",
    "rules_versions",
    "statements",
    "users",
]

#: A text identifier that sorts byte by byte on every database.
Id = String().with_variant(String(collation="C"), "postgresql")
#: An autoincrementing key: BIGINT on PostgreSQL, the rowid alias ``INTEGER`` on SQLite.
_SerialKey = BigInteger().with_variant(Integer(), "sqlite")
_Instant = DateTime(timezone=True)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

profiles = Table(
    "profiles",
    metadata,
    Column("id", Id, primary_key=True),
    Column("latest_live_date", Date),
    Column("latest_batch_id", Id),
)

guarantors = Table(
    "guarantors",
    metadata,
    Column("id", Id, primary_key=True),
    Column("first_name", String, nullable=False, default=""),
    Column("last_name", String, nullable=False, default=""),
    Column("email", String),
    Column("mobile", String),
    Column("timezone", String),
    Column("paperless", Boolean, nullable=False, default=False),
    Column("hold", Boolean, nullable=False, default=False),
    Column("sms_opt_out", Boolean, nullable=False, default=False),
    Column("email_opt_out", Boolean, nullable=False, default=False),
    Column("profile", Id),
    # A postal address is present when postal_line1 is not NULL.
    Column("postal_line1", String),
    Column("postal_line2", String),
    Column("postal_city", String),
    Column("postal_state", String),
    Column("postal_zip", String),
)

encounters = Table(
    "encounters",
    metadata,
    Column("id", Id, primary_key=True),
    Column("guarantor_id", Id, ForeignKey("guarantors.id"), nullable=False),
    Column("patient_id", Id, nullable=False),
    Column("service_date", Date, nullable=False),
    Column("balance_cents", BigInteger, nullable=False),
    Column("level", Integer, nullable=False, default=0),
    Column("status", String, nullable=False, default="open"),
    Column("hold", Boolean, nullable=False, default=False),
    Column("location", String),
    Column("provider", String),
    Column("first_statement", Date),
    Column("last_statement", Date),
    Column("statements_sent", Integer, nullable=False, default=0),
    Column("profile", Id),
    # The live batch that sent it to the worklist and its run date (NULL: imported so).
    Column("worklist_batch_id", Id),
    Column("worklist_since", Date),
    Index("ix_encounters_guarantor_id", "guarantor_id"),
    Index("ix_encounters_profile", "profile"),
    # Schema version 4 (was ix_encounters_status, a prefix of it): the worklist (status
    # 'pre_collections') in encounter-id order, with what its totals add up, so a page of
    # it and its totals per profile read this index alone.
    Index("ix_encounters_worklist", "status", "id", "profile", "guarantor_id", "balance_cents"),
)

payments = Table(
    "payments",
    metadata,
    Column("id", _SerialKey, primary_key=True, autoincrement=True),  # = posting order
    Column("encounter_id", Id, ForeignKey("encounters.id"), nullable=False),
    Column("amount_cents", BigInteger, nullable=False),
    Column("date", Date, nullable=False),
    Column("reviewed_batch", Id),  # NULL: not yet reviewed; "imported": reviewed on import
    # The practice system's id of the payment (the ledger's optional ``id`` column).
    Column("external_id", Id),
    Index("ix_payments_encounter_id", "encounter_id"),
    Index("ix_payments_reviewed_batch", "reviewed_batch"),
    Index("ux_payments_external_id", "external_id", unique=True),
)

adjustments = Table(
    "adjustments",
    metadata,
    Column("id", _SerialKey, primary_key=True, autoincrement=True),
    Column("encounter_id", Id, ForeignKey("encounters.id"), nullable=False),
    Column("amount_cents", BigInteger, nullable=False),
    Column("date", Date, nullable=False),
    Column("external_id", Id),  # the practice system's id (the ledger's ``id`` column)
    Index("ix_adjustments_encounter_id", "encounter_id"),
    Index("ux_adjustments_external_id", "external_id", unique=True),
)

rules_versions = Table(
    "rules_versions",
    metadata,
    Column("content_hash", String, primary_key=True),
    Column("text", Text, nullable=False),
)

batches = Table(
    "batches",
    metadata,
    Column("id", Id, primary_key=True),
    Column("profile_id", Id, nullable=False),
    Column("run_date", Date, nullable=False),
    Column("mode", String, nullable=False),
    Column("rules_hash", String, ForeignKey("rules_versions.content_hash"), nullable=False),
    Column("rules_path", Text, nullable=False),
    Column("created_at", _Instant, nullable=False),
    UniqueConstraint("profile_id", "run_date", name="uq_batches_profile_run_date"),
)

statements = Table(
    "statements",
    metadata,
    Column("id", Id, primary_key=True),
    Column("batch_id", Id, ForeignKey("batches.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("guarantor_id", Id, nullable=False),
    Column("patient_id", Id),
    Column("group_json", Text, nullable=False),
    Column("level", Integer, nullable=False),
    Column("message_id", String, nullable=False),
    Column("channels_json", Text, nullable=False),
    Column("total_cents", BigInteger, nullable=False),
    Column("due_date", Date, nullable=False),
    # Schema version 6 (was the statement_lines table): the statement's lines as one JSON
    # array, in order, each ``[encounter_id, patient_id, service_date, balance_cents,
    # level, rider]`` (service_date ISO, rider 0 or 1).
    Column("lines_json", Text, nullable=False, default="[]"),
    # Schema version 6: what the statement's notifications are rendered from besides the
    # rules and the statement, as the run saw the guarantor: ``{"first_name", "last_name",
    # "postal_line1", ..., "postal_zip"}``. NULL for a statement stored before version 6,
    # whose notifications hold their rendered content.
    Column("recipient_json", Text),
    # Schema version 6: the statement's pay link as the run made it (with the key it ran
    # with: RULESENGINE_SECRET or the store's), so its notifications render with the same
    # link whatever key the process rendering them has. NULL before version 6.
    Column("pay_link", Text),
    # Schema version 4 (was ix_statements_batch_id): a batch's statements in order, a page
    # at a time, and counted by level from the index alone.
    Index("ix_statements_batch_seq", "batch_id", "seq", "level"),
    # Schema version 4 (was ix_statements_guarantor_id, a prefix of it): a guarantor's
    # statements, and their part of one batch (what explain and the Guarantor screen
    # read) without walking the batch's statements.
    Index("ix_statements_guarantor_batch", "guarantor_id", "batch_id", "seq"),
)

batch_pre_collections = Table(
    "batch_pre_collections",
    metadata,
    Column("batch_id", Id, ForeignKey("batches.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("encounter_id", Id, nullable=False),
    PrimaryKeyConstraint("batch_id", "seq"),
)

batch_skips = Table(
    "batch_skips",
    metadata,
    Column("batch_id", Id, ForeignKey("batches.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("encounter_id", Id, nullable=False),
    Column("guarantor_id", Id, nullable=False),
    Column("reason", String, nullable=False),
    PrimaryKeyConstraint("batch_id", "seq"),
    # Schema version 4: a batch's skips counted by reason from the index alone.
    Index("ix_batch_skips_batch_reason", "batch_id", "reason"),
)

# Schema version 6 (was batch_traces, a row per encounter): one row per guarantor the run
# looked at, with every encounter of theirs it looked at, in order: ``encounters_json`` is
# ``[[encounter_id, [step, ...] or null], ...]``, each step an index into the batch's
# batch_trace_steps, or ``[index, "digits"]`` for a template's (null: looked at, not
# traced). An encounter traced but not looked at (a hand-built batch) is in a row whose
# guarantor_id is NULL.
batch_guarantor_traces = Table(
    "batch_guarantor_traces",
    metadata,
    Column("batch_id", Id, ForeignKey("batches.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("guarantor_id", Id),
    Column("encounters_json", Text, nullable=False),
    PrimaryKeyConstraint("batch_id", "seq"),
    # A guarantor's traces in one batch (explain), and the live batches that looked at
    # them, without walking a batch's quarter of a million rows.
    Index("ix_batch_guarantor_traces_guarantor_batch", "guarantor_id", "batch_id"),
)

# Schema version 6: a batch's distinct trace steps, each stored once however many
# encounters share it: ``[step, outcome, detail, rule]`` as JSON. A step naming one of the
# batch's statements is a template, ``[step, outcome, [before, after], rule]``, which a
# trace refers to as ``[index, "digits"]``: the detail is before + digits + after.
batch_trace_steps = Table(
    "batch_trace_steps",
    metadata,
    Column("batch_id", Id, ForeignKey("batches.id"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("step_json", Text, nullable=False),
    PrimaryKeyConstraint("batch_id", "idx"),
)

# The encounter changes a batch committed (its EncounterChange list), one row per changed
# encounter (an unchanged one costs nothing), with what the encounter was before the batch
# in the ``before_`` columns (schema version 6; was the batch_encounters_before table), so
# `rulesengine batch delete` can put it back exactly. ``before_level`` NULL: a batch stored
# before schema version 3 kept no before-state.
batch_changes = Table(
    "batch_changes",
    metadata,
    Column("batch_id", Id, ForeignKey("batches.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("encounter_id", Id, nullable=False),
    Column("level", Integer, nullable=False),
    Column("status", String, nullable=False),
    Column("first_statement", Date),
    Column("last_statement", Date),
    Column("statements_sent", Integer, nullable=False),
    Column("before_level", Integer),
    Column("before_status", String),
    Column("before_first_statement", Date),
    Column("before_last_statement", Date),
    Column("before_statements_sent", Integer),
    Column("before_worklist_batch_id", Id),
    Column("before_worklist_since", Date),
    PrimaryKeyConstraint("batch_id", "seq"),
)

# The audit record of every deleted batch (schema version 3). A deleted batch leaves the
# batches table (and its UNIQUE (profile_id, run_date)), so a live run on its date may run
# again; a batch deleted, run again and deleted again has two records here.
batch_deletions = Table(
    "batch_deletions",
    metadata,
    Column("id", _SerialKey, primary_key=True, autoincrement=True),
    Column("batch_id", Id, nullable=False),
    Column("profile_id", Id, nullable=False),
    Column("run_date", Date, nullable=False),
    Column("mode", String, nullable=False),
    Column("rules_hash", String, ForeignKey("rules_versions.content_hash"), nullable=False),
    Column("rules_path", Text, nullable=False),
    Column("created_at", _Instant, nullable=False),  # when the batch was run
    Column("deleted_at", _Instant, nullable=False),
    Column("statements", Integer, nullable=False),
    Column("notifications_json", Text, nullable=False),  # status -> count when deleted
    Column("restored", Integer, nullable=False),  # notifications it had superseded
    Index("ix_batch_deletions_profile_id", "profile_id"),
)

# The payments a batch reviewed, in the order the batch listed them.
batch_reviewed_payments = Table(
    "batch_reviewed_payments",
    metadata,
    Column("batch_id", Id, ForeignKey("batches.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("payment_id", _SerialKey, nullable=False),
    PrimaryKeyConstraint("batch_id", "seq"),
)

notifications = Table(
    "notifications",
    metadata,
    Column("id", _SerialKey, primary_key=True, autoincrement=True),
    Column("batch_id", Id),
    Column("statement_id", Id, nullable=False),
    Column("guarantor_id", Id, nullable=False),
    Column("profile_id", Id),
    Column("channel", String, nullable=False),
    Column("message_id", String, nullable=False),
    Column("level", Integer, nullable=False),
    Column("status", String, nullable=False),
    Column("reason", Text),  # why it was queued so (suppressed): set once, never changed
    # Schema version 7: the status a live batch queued it with. Its first history entry
    # (at created_at, from no status to this one, its reason as the detail, attempt 0) is
    # then this row's and not a notification_history row: a large batch queues a million.
    # NULL: its first entry is a history row (every other kind, and those queued before).
    Column("first_status", String),
    Column("to_address", Text),
    Column("scheduled_at", _Instant, nullable=False),
    # The rendered content, and what a channel needs besides it (recipient, statement and
    # sender mappings), as JSON. Empty for a live batch's notification since schema
    # version 6: both are rendered when it is read (claimed, shown), from the stored rules
    # version and its statement (rulesengine.queue.batch_content).
    Column("content_json", Text, nullable=False),
    Column("context_json", Text, nullable=False, default="{}"),
    Column("timezone", String, nullable=False, default="UTC"),  # the send window's zone
    Column("send_window", String),  # "HH:MM-HH:MM" local, start included; NULL: any time
    Column("max_attempts", Integer, nullable=False, default=5),
    Column("backoff_json", Text, nullable=False, default="[60,300,1800,7200]"),
    Column("kind", String, nullable=False, default="batch"),  # batch | proof | on_demand
    Column("idempotency_key", String, nullable=False, unique=True),
    Column("attempt", Integer, nullable=False, default=0),
    Column("next_attempt_at", _Instant),  # when a scheduled notification is next due
    Column("rules_hash", String),
    Column("proof", Boolean, nullable=False, default=False),
    Column("lease_owner", String),
    Column("lease_expires_at", _Instant),
    # Set (and committed) right before the notification is handed to its channel: a lease
    # that expires after it means "it may have been sent" (status unknown), never a resend
    # (unless the channel deduplicates: then sent again with the same idempotency key).
    Column("handed_at", _Instant),
    Column("provider_ref", Text),
    # The live batch that superseded it (status superseded; schema version 3).
    Column("superseded_by", Id),
    Column("created_at", _Instant, nullable=False),
    Column("updated_at", _Instant, nullable=False),
    UniqueConstraint("statement_id", "channel", name="uq_notifications_statement_channel"),
    # (batch_id, id) since schema version 4: a batch's queue page, newest first, reads it
    # backwards from an id (on SQLite the row id ends every index anyway).
    Index("ix_notifications_batch_id", "batch_id", "id"),
    Index("ix_notifications_guarantor_id", "guarantor_id"),
    # Schema version 4: a batch's notifications counted by channel and status from the
    # index alone (ix_notifications_batch_id stays: on SQLite it is (batch_id, id), the
    # queue's order within a batch).
    Index("ix_notifications_batch_channel_status", "batch_id", "channel", "status"),
)

#: The partial indexes' predicates, for the queries that use them too: the status has to be
#: a literal in the SQL (``status = 'scheduled'``), not a bound parameter, or the planner
#: cannot tell that the query only wants rows the index holds.
IS_SCHEDULED = notifications.c.status == literal_column("'scheduled'")
IS_SENDING = notifications.c.status == literal_column("'sending'")
NEEDS_STAFF = or_(
    notifications.c.status == literal_column("'error'"),
    notifications.c.status == literal_column("'unknown'"),
)


def _partial_index(name: str, *columns: Column[Any], where: Any) -> Index:
    """An index, on both databases, of only the rows ``where`` holds for."""
    return Index(name, *columns, sqlite_where=where, postgresql_where=where)


# Partial indexes (schema version 2): the lease index holds only the notifications being
# sent, the staff views' index only those in error or unknown. They stay small however many
# notifications have been sent, and the updates that settle a notification in sent, canceled
# or suppressed add nothing to them. (NEEDS_STAFF is an OR, not an IN: SQLite matches a
# query's ``status = 'error'`` to the former only.)
_partial_index("ix_notifications_sending_lease", notifications.c.lease_expires_at, where=IS_SENDING)
_partial_index(
    "ix_notifications_needs_staff", notifications.c.status, notifications.c.id, where=NEEDS_STAFF
)

# Schema version 3: the notifications a batch superseded, found again when it is deleted.
_partial_index(
    "ix_notifications_superseded_by",
    notifications.c.superseded_by,
    where=notifications.c.superseded_by.is_not(None),
)

# Schema version 4: the dashboard's queue pages, newest first, a page at a time (keyset on
# id). The statuses a notification is set aside in (canceled, suppressed, superseded) read
# their page from a partial ``(status, id)`` index, as error and unknown do from
# ix_notifications_needs_staff; scheduled and sending ones from an index of only their ids
# each (not ``(status, id)``: SQLite, without statistics, then took it for the claim and
# the lease expiry instead of their own); proofs and on-demand notifications, few among a
# million batch ones, from a partial index of only them. (ORs, as NEEDS_STAFF, so that
# SQLite matches ``kind = 'proof'`` to them.) Sent ones from an index of only their ids
# too: most of a settled queue, but none of the newest right after a large batch (walking
# the ids from the newest read the whole batch's scheduled ones first). A batch's filter
# reads ``(batch_id, id)``; a guarantor's its index (a guarantor has few notifications).
IS_SET_ASIDE = or_(
    notifications.c.status == literal_column("'canceled'"),
    notifications.c.status == literal_column("'suppressed'"),
    notifications.c.status == literal_column("'superseded'"),
)
IS_NOT_BATCH_KIND = or_(
    notifications.c.kind == literal_column("'proof'"),
    notifications.c.kind == literal_column("'on_demand'"),
)
_partial_index(
    "ix_notifications_set_aside", notifications.c.status, notifications.c.id, where=IS_SET_ASIDE
)
_partial_index("ix_notifications_scheduled_id", notifications.c.id, where=IS_SCHEDULED)
_partial_index("ix_notifications_sending_id", notifications.c.id, where=IS_SENDING)
_partial_index(
    "ix_notifications_sent_id",
    notifications.c.id,
    where=notifications.c.status == literal_column("'sent'"),
)
_partial_index(
    "ix_notifications_other_kinds",
    notifications.c.kind,
    notifications.c.id,
    where=IS_NOT_BATCH_KIND,
)

# Schema version 5: the claim's index, of only the notifications waiting to be claimed, by
# channel. A round claims each channel's due ones, oldest first, from its own range of the
# index, so a backlog on one channel is never read through to find another's (it replaced
# version 2's ``ix_notifications_scheduled_due (next_attempt_at, id)``); the channels that
# have scheduled notifications are found by skipping from one to the next in it.
_partial_index(
    "ix_notifications_scheduled_channel_due",
    notifications.c.channel,
    notifications.c.next_attempt_at,
    notifications.c.id,
    where=IS_SCHEDULED,
)

notification_history = Table(
    "notification_history",
    metadata,
    Column("id", _SerialKey, primary_key=True, autoincrement=True),
    Column("notification_id", _SerialKey, ForeignKey("notifications.id"), nullable=False),
    Column("at", _Instant, nullable=False),
    Column("old_status", String),
    Column("new_status", String, nullable=False),
    Column("message_id", String),
    Column("level", Integer),
    Column("rules_hash", String),
    Column("attempt", Integer, nullable=False, default=0),
    Column("detail", Text),
    # Who asked for the change (schema version 4): ``dashboard:NAME`` for a dashboard user,
    # ``cli:NAME`` for the command line's (operating-system) user, or what a program
    # passed; NULL for the queue's own changes (uploads, deliveries, leases).
    Column("actor", String),
    Index("ix_notification_history_notification_id", "notification_id"),
)

# The opt-out ledger: every opt-out (an inbound STOP, a staff action) with its time and
# source; a guarantor is opted out of a channel when any row names them and it.
opt_outs = Table(
    "opt_outs",
    metadata,
    Column("id", _SerialKey, primary_key=True, autoincrement=True),
    Column("guarantor_id", Id, nullable=False),
    Column("channel", String, nullable=False),
    Column("at", _Instant, nullable=False),
    Column("source", String, nullable=False),
    Index("ix_opt_outs_guarantor_channel", "guarantor_id", "channel"),
)

# Dashboard users (schema version 4): a name, a role (viewer, staff or admin) and a scrypt
# hash of the password (rulesengine.store.passwords), never the password itself.
users = Table(
    "users",
    metadata,
    Column("name", Id, primary_key=True),
    Column("role", String, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", _Instant, nullable=False),
    Column("password_changed_at", _Instant, nullable=False),
    # When the user last logged out of the dashboard: every session begun before it ends.
    Column("sessions_ended_at", _Instant),
)

# A channel's shared send rate (schema version 5): per key (``PROFILE/CHANNEL``, chosen by
# the queue), the next free send slot as epoch seconds on the store's clock; every worker
# of the store takes its slots from here (rulesengine.queue.send_rates). Nothing about a
# patient or a notification.
channel_rates = Table(
    "channel_rates",
    metadata,
    Column("key", Id, primary_key=True),
    Column("next_free", Double, nullable=False),
)
