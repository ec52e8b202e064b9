"""The bulk half of :func:`~rulesengine.queue.notification_sql.change_statuses`: the guarded
``UPDATE`` of a kind of status change, and PostgreSQL's one-statement writes over ``unnest``
of one array parameter per column (an executemany costs the server a statement per row).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import BigInteger, Connection, Integer, bindparam, func, select, update
from sqlalchemy.dialects.postgresql import ARRAY

from rulesengine.plurals import counted
from rulesengine.store.tables import notification_history, notifications

__all__ = ["expect_rows", "guarded_update", "unnest_rows", "write_changes_postgresql"]


def guarded_update(
    id_: Any, status: Any, attempt: Any, expect_lease: str | None, values: Mapping[str, Any]
) -> Any:
    """``UPDATE notifications SET values`` where the row still has the id, status and
    attempt it was read with (and, with ``expect_lease``, that lease owner)."""
    n = notifications.c
    conditions = [n.id == id_, n.status == status, n.attempt == attempt]
    if expect_lease is not None:
        conditions.append(n.lease_owner == expect_lease)
    return update(notifications).where(*conditions).values(**values)


def expect_rows(updated: int, expected: int) -> None:
    """Raise when an update guarded by rows read locked matched fewer (a bug, not a race)."""
    if updated != expected:  # the rows were read locked and matched: cannot happen
        raise RuntimeError(
            f"change_statuses: {updated} of {counted(expected, 'locked row')} updated"
        )


def write_changes_postgresql(
    conn: Connection,
    groups: Mapping[tuple[str, str, tuple[str, ...]], list[dict[str, Any]]],
    history: list[dict[str, Any]],
    expect_lease: str | None,
) -> None:
    """PostgreSQL: each kind of change is one ``UPDATE ... FROM unnest(<arrays>)`` and the
    history one ``INSERT ... SELECT FROM unnest(<arrays>)``, one array parameter per column
    (an executemany costs the server a statement per row)."""
    n = notifications.c
    for (old_status, new_status, columns), params_list in groups.items():
        names = ("b_id", "b_attempt", *(f"v_{key}" for key in columns))
        arrays = [
            [params["b_id"] for params in params_list],
            [params["b_attempt"] for params in params_list],
            *([params[f"v_{key}"] for params in params_list] for key in columns),
        ]
        types = [BigInteger(), Integer(), *(n[key].type for key in columns)]
        rows = unnest_rows(arrays, types, names)
        statement = guarded_update(
            rows.c.b_id,
            old_status,
            rows.c.b_attempt,
            expect_lease,
            {
                "status": new_status,
                "updated_at": params_list[0]["v_updated_at"],
                **{key: rows.c[f"v_{key}"] for key in columns},
            },
        )
        expect_rows(conn.execute(statement).rowcount, len(params_list))
    if history:
        h = notification_history.c
        names = tuple(history[0])
        rows = unnest_rows(
            [[entry[name] for entry in history] for name in names],
            [h[name].type for name in names],
            names,
        )
        conn.execute(
            notification_history.insert().from_select(
                list(names), select(*(rows.c[name] for name in names))
            )
        )


def unnest_rows(arrays: Sequence[list[Any]], types: Sequence[Any], names: Sequence[str]) -> Any:
    """``unnest(:a, :b, ...) AS rows(names...)``: parallel arrays as rows (PostgreSQL)."""
    return (
        func.unnest(
            *(
                bindparam(None, values, type_=ARRAY(kind))
                for values, kind in zip(arrays, types, strict=True)
            )
        )
        .table_valued(*names)
        .render_derived(name="rows")
    )
