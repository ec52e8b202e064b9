"""A sync's guarantors or encounters: which of a file's rows are new, changed or unchanged
(:func:`plan_rows`, for :mod:`rulesengine.store.ledger_sync`).

The stored rows are compared with the file's as the driver gives them (driver form,
:mod:`rulesengine.store.db_rows`): a million stored rows are read as plain tuples and
none of their values is converted; only the rows written back are. Nothing is kept of an
unchanged row unless a later step needs a stored value the file does not give.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import Any

import attrs
from sqlalchemy import ColumnClause, Connection, Table, column, select

from rulesengine.model import Encounter, Guarantor
from rulesengine.store.base import FileSync, chunked
from rulesengine.store.db_rows import driver_batches, driver_rows, model_rows
from rulesengine.store.ledger_import import IN_CHUNK, SCAN_FROM
from rulesengine.store.rows import (
    ENCOUNTER_COLUMNS,
    GUARANTOR_COLUMNS,
    encounter_row,
    guarantor_row,
)
from rulesengine.store.tables import encounters, guarantors

__all__ = ["OPEN", "RowsPlan", "plan_rows"]

#: The statuses of an encounter still being billed (``--complete`` zeroes these).
OPEN = ("open", "pre_collections")

_Row = tuple[Any, ...]
#: A row as the driver reads it.
_Stored = Sequence[Any]
_STATUS = [c.name for c in ENCOUNTER_COLUMNS].index("status")


@attrs.frozen
class RowsPlan:
    """What a sync does with a file's guarantors or encounters."""

    new: list[_Stored]  # the file's rows whose id is not stored (driver form)
    changed: list[_Row]  # stored ids with other values: rows as they become (model values)
    counts: FileSync
    dunning_differs: int  # stored rows whose ``dunning`` values the file gives otherwise
    #: The whole table was scanned: the stored open or pre-collections encounters the
    #: file does not list (driver form); None: it was not.
    open_outside: list[_Stored] | None
    given: Sequence[_Stored]  # the file's rows (driver form)
    index: dict[str, int]  # id -> its place in ``given``
    taken: Collection[int]  # the columns the file gives
    stored: bytearray  # per place in ``given``: 1 if its id is stored
    kept: dict[str, _Stored]  # stored rows of the file's ids, when ``needed`` asked for them

    def after(self, at: int) -> list[Any]:
        """Column ``at`` of every row of the file (in its order) as after the sync."""
        if at in self.taken or not self.kept:
            return [row[at] for row in self.given]
        kept = self.kept
        return [kept.get(row[0], row)[at] for row in self.given]

    def value_after(self, key: str, at: int) -> Any:
        """Column ``at`` of the file's row ``key`` as after the sync."""
        place = self.index[key]
        if at in self.taken or not self.stored[place]:
            return self.given[place][at]
        return self.kept[key][at]


def plan_rows(
    conn: Connection,
    table: Table,
    items: Sequence[Guarantor] | Sequence[Encounter],
    taken: Collection[int],
    *,
    dunning: Collection[int] = (),
    needed: Collection[int] = (),
) -> RowsPlan:
    """Compare a file's rows with the stored ones: a stored row changes when a ``taken``
    value differs, and becomes the file's ``taken`` values over the stored row. Counts
    the stored rows whose ``dunning`` values differ; keeps the stored rows when a column
    ``needed`` later (:meth:`RowsPlan.after`) is not ``taken``."""
    dialect = conn.dialect
    given = driver_rows(dialect, table, items)
    index = {row[0]: i for i, row in enumerate(given)}
    width = len(given[0]) if given else 0
    compared = _values_at(sorted(taken))
    dunning_of = _values_at(sorted(dunning))
    keep = not set(needed) <= set(taken)
    kept: dict[str, _Stored] = {}
    changed: list[tuple[_Stored, int]] = []
    stored = bytearray(len(given))
    differs = 0
    scan = len(index) >= SCAN_FROM
    outside: list[_Stored] | None = [] if scan and table is encounters else None
    for batch in _stored_rows(conn, table, index, scan):
        for row in batch:
            at = index.get(row[0])
            if at is None:  # scanning: a stored row the file does not list
                if outside is not None and row[_STATUS] in OPEN:
                    outside.append(row)
                continue
            stored[at] = 1
            mine = given[at]
            if dunning and dunning_of(row) != dunning_of(mine):
                differs += 1
            if compared(row) != compared(mine):
                changed.append((row, at))
            if keep:
                kept[row[0]] = row
    new: list[_Stored] = [row for row, found in zip(given, stored, strict=True) if not found]
    if len(index) < len(given):  # an id listed twice: stored if its last place is
        new = [row for row in new if not stored[index[row[0]]]]
    counts = FileSync(inserted=len(new), updated=len(changed), unchanged=sum(stored) - len(changed))
    stored_model = model_rows(dialect, table, [row for row, _ in changed])
    to_row: Callable[[Any], _Row] = guarantor_row if table is guarantors else encounter_row
    changed_rows = [
        tuple(mine[i] if i in taken else theirs[i] for i in range(width))
        for theirs, mine in zip(stored_model, (to_row(items[at]) for _, at in changed), strict=True)
    ]
    return RowsPlan(new, changed_rows, counts, differs, outside, given, index, taken, stored, kept)


def _values_at(positions: Sequence[int]) -> Callable[[Sequence[Any]], Any]:
    """A row's values at ``positions`` (something equal for equal values)."""
    if not positions:
        return lambda row: ()
    return operator.itemgetter(*positions)


def _stored_rows(
    conn: Connection, table: Table, ids: Mapping[str, Any], scan: bool
) -> Iterator[Sequence[_Stored]]:
    """Batches of stored rows in driver form: every row of the table (``scan``, straight
    from the driver), else the rows whose id is in ``ids`` (typeless columns: no result
    processing)."""
    columns = GUARANTOR_COLUMNS if table is guarantors else ENCOUNTER_COLUMNS
    typeless: list[ColumnClause[Any]] = [column(c.name) for c in columns]
    query = select(*typeless).select_from(table)
    if scan:
        yield from driver_batches(conn, str(query.compile(dialect=conn.dialect)))
        return
    key: ColumnClause[Any] = column("id")
    for chunk in chunked(sorted(ids), IN_CHUNK):
        yield conn.execute(query.where(key.in_(chunk))).all()
