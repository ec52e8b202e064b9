"""Tables of earlier schema versions that the current one no longer has, for the upgrade
steps that create, index or read them (:mod:`rulesengine.store.migrations`).

They are defined as their versions left them, apart from foreign keys (these tables are
in a metadata of their own, and only ever exist on the way to version 6, which moves
their rows into the current tables and drops them).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

from rulesengine.store.tables import Id

__all__ = ["batch_encounters_before", "batch_traces", "legacy_metadata", "statement_lines"]

legacy_metadata = MetaData()

# Versions 1 to 5: one row per line of a statement (version 6: statements.lines_json).
statement_lines = Table(
    "statement_lines",
    legacy_metadata,
    Column("statement_id", Id, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("encounter_id", Id, nullable=False),
    Column("patient_id", Id, nullable=False),
    Column("service_date", Date, nullable=False),
    Column("balance_cents", BigInteger, nullable=False),
    Column("level", Integer, nullable=False),
    Column("rider", Boolean, nullable=False, default=False),
    PrimaryKeyConstraint("statement_id", "seq"),
    Index("ix_statement_lines_encounter_id", "encounter_id"),
)

# Versions 1 to 5: one row per encounter a batch looked at (guarantor_id) or traced
# (steps_json) (version 6: batch_guarantor_traces and batch_trace_steps).
batch_traces = Table(
    "batch_traces",
    legacy_metadata,
    Column("batch_id", Id, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("encounter_id", Id, nullable=False),
    Column("guarantor_id", Id),
    Column("steps_json", Text),
    PrimaryKeyConstraint("batch_id", "seq"),
    Index("ix_batch_traces_guarantor_batch", "guarantor_id", "batch_id", "seq"),
)

# Versions 3 to 5: each changed encounter's fields before its batch (version 6: the
# ``before_`` columns of batch_changes).
batch_encounters_before = Table(
    "batch_encounters_before",
    legacy_metadata,
    Column("batch_id", Id, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("encounter_id", Id, nullable=False),
    Column("level", Integer, nullable=False),
    Column("status", String, nullable=False),
    Column("first_statement", Date),
    Column("last_statement", Date),
    Column("statements_sent", Integer, nullable=False),
    Column("worklist_batch_id", Id),
    Column("worklist_since", Date),
    PrimaryKeyConstraint("batch_id", "seq"),
)
