"""Reading the pre-collections worklist: all of it (``Store.worklist``, the command line),
a page of it in encounter-id order (keyset pagination: fast however long it is), and its
totals per profile, each counted in the database.

Each function opens its own reading transaction on the store.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, Protocol

import attrs
from sqlalchemy import Connection, Select, func, select

from rulesengine.model import Encounter
from rulesengine.store.base import WorklistEntry
from rulesengine.store.rows import ENCOUNTER_COLUMNS, GUARANTOR_COLUMNS, guarantor_from_row
from rulesengine.store.run_transaction import covered_by
from rulesengine.store.tables import batches, encounters, guarantors

__all__ = [
    "WorklistTotal",
    "batch_profiles",
    "worklist_entries",
    "worklist_page",
    "worklist_query",
    "worklist_totals",
]


class _Reading(Protocol):
    """A store that opens reading transactions (:class:`~rulesengine.store.sql_store.SQLStore`,
    which itself reads the whole worklist with :func:`worklist_query`)."""

    def reading(self) -> AbstractContextManager[Connection]: ...


@attrs.frozen
class WorklistTotal:
    """The worklist's encounters of one profile: ``profile`` is the encounter's profile,
    else its guarantor's; None when neither is set (every profile's runs cover those)."""

    profile: str | None
    count: int
    balance_cents: int


def worklist_query(profile_id: str | None = None) -> Select[Any]:
    """The worklist's encounters with their guarantors, the batch that sent each there and
    since when; only those a run of ``profile_id`` covers when it is given. Unordered."""
    query = (
        select(
            *ENCOUNTER_COLUMNS,
            *GUARANTOR_COLUMNS,
            encounters.c.worklist_batch_id,
            encounters.c.worklist_since,
        )
        .join_from(encounters, guarantors, guarantors.c.id == encounters.c.guarantor_id)
        .where(encounters.c.status == "pre_collections")
    )
    if profile_id is not None:
        query = query.where(covered_by(profile_id))
    return query


def worklist_entries(conn: Connection, query: Select[Any]) -> list[WorklistEntry]:
    """The entries a :func:`worklist_query` (ordered and limited as the caller likes) finds."""
    split = len(ENCOUNTER_COLUMNS)
    width = split + len(GUARANTOR_COLUMNS)
    return [
        WorklistEntry(
            Encounter(*row[:split]),
            guarantor_from_row(row[split:width]),
            row[width],
            row[width + 1],
        )
        for row in conn.execute(query)
    ]


def worklist_page(
    store: _Reading, profile_id: str | None, *, after: str | None = None, limit: int = 500
) -> list[WorklistEntry]:
    """At most ``limit`` worklist entries in encounter-id order, starting after encounter
    ``after`` (None: from the first)."""
    query = worklist_query(profile_id).order_by(encounters.c.id).limit(limit)
    if after is not None:
        query = query.where(encounters.c.id > after)
    with store.reading() as conn:
        return worklist_entries(conn, query)


def worklist_totals(store: _Reading, profile_id: str | None = None) -> list[WorklistTotal]:
    """How many encounters the worklist holds and what they owe, per profile (those with no
    profile last), counting only what a run of ``profile_id`` covers when it is given."""
    e, g = encounters.c, guarantors.c
    profile = func.coalesce(e.profile, g.profile)
    query = (
        select(profile, func.count(), func.coalesce(func.sum(e.balance_cents), 0))
        .join_from(encounters, guarantors, g.id == e.guarantor_id)
        .where(e.status == "pre_collections")
        .group_by(profile)
    )
    if profile_id is not None:
        query = query.where(covered_by(profile_id))
    with store.reading() as conn:
        totals = [WorklistTotal(p, int(n), int(cents)) for p, n, cents in conn.execute(query)]
    return sorted(totals, key=lambda t: (t.profile is None, t.profile or ""))


def batch_profiles(store: _Reading) -> list[str]:
    """The profiles that have a batch in the store, sorted."""
    query = select(batches.c.profile_id).distinct().order_by(batches.c.profile_id)
    with store.reading() as conn:
        return [str(p) for p in conn.execute(query).scalars()]
