"""The dashboard's reads can use the indexes of schema version 4 (SQLite's plans).

A page of a batch's statements, of the worklist, and the counts the Batches screen shows
(statements by level, skips by reason, notifications by channel and status) read an index
in order, or only an index, instead of sorting or reading every row of a batch. On the
1,000,000-encounter benchmark store that is the difference between a tenth of a
millisecond and a tenth of a second or more (docs/performance.md, "Dashboard").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Connection, event, text

from rulesengine.store import open_store
from rulesengine.store.sql_store import SQLStore


@pytest.fixture
def file_store(tmp_path: Any) -> Any:
    store = open_store(str(tmp_path / "s.db"))
    assert isinstance(store, SQLStore)
    yield store
    store.close()


def plan(store: SQLStore, sql: str, params: Any = ()) -> list[str]:
    """SQLite's query plan for ``sql``, one line per step."""
    with store.reading() as conn:
        return [row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)]


def sent_by(store: SQLStore, call: Callable[[], object]) -> list[tuple[str, Any]]:
    """The SQL (and parameters) that ``call`` sends to the database."""
    sent: list[tuple[str, Any]] = []

    def note(conn: Connection, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    event.listen(store.engine, "after_cursor_execute", note)
    try:
        call()
    finally:
        event.remove(store.engine, "after_cursor_execute", note)
    return sent


# What the screens ask, as SQL: a page in order (with its keyset) and the grouped counts.
READS = {
    "a page of a batch's statements": (
        "SELECT * FROM statements WHERE batch_id = ? AND seq > ? ORDER BY seq LIMIT 51",
        ("B1", 100),
        "USING INDEX ix_statements_batch_seq",
    ),
    "a batch's statements by level": (
        "SELECT level, count(*) FROM statements WHERE batch_id = ? GROUP BY level",
        ("B1",),
        "USING COVERING INDEX ix_statements_batch_seq",
    ),
    "a batch's skips by reason": (
        "SELECT reason, count(*) FROM batch_skips WHERE batch_id = ? GROUP BY reason",
        ("B1",),
        "USING COVERING INDEX ix_batch_skips_batch_reason",
    ),
    "a batch's notifications by channel and status": (
        "SELECT channel, status, count(*) FROM notifications WHERE batch_id = ?"
        " GROUP BY channel, status",
        ("B1",),
        "USING COVERING INDEX ix_notifications_batch_channel_status",
    ),
    "a page of the worklist": (
        "SELECT * FROM encounters WHERE status = 'pre_collections' AND id > ? ORDER BY id LIMIT 51",
        ("E1",),
        "USING INDEX ix_encounters_worklist",
    ),
    "a page of the queue's proofs": (
        "SELECT * FROM notifications WHERE kind = 'proof' AND id > ? ORDER BY id LIMIT 51",
        (100,),
        "USING INDEX ix_notifications_other_kinds",
    ),
    "a page of a batch's notifications": (
        "SELECT * FROM notifications WHERE batch_id = ? AND id > ? ORDER BY id LIMIT 51",
        ("B1", 100),
        "USING INDEX ix_notifications_batch_id",
    ),
}


@pytest.mark.parametrize("read", sorted(READS))
def test_screen_reads_use_an_index_without_sorting(file_store: SQLStore, read: str) -> None:
    """Each read goes through its index, a page in the index's order (no sort of the
    batch's rows); a count reads the index alone (grouping a few levels may still use a
    small temporary B-tree, one entry per group)."""
    sql, params, index = READS[read]
    steps = plan(file_store, sql, params)
    assert any(index in step for step in steps), steps
    assert not any("TEMP B-TREE FOR ORDER BY" in step for step in steps), steps


def test_store_worklist_reads_the_index(file_store: SQLStore) -> None:
    """``store.worklist()`` (the whole list, as ``rulesengine worklist`` prints it in
    guarantor order) finds the worklist through ix_encounters_worklist, not a scan of
    every encounter; the dashboard pages it in the index's own order (above)."""
    [(sql, params)] = [
        (s, p) for s, p in sent_by(file_store, file_store.worklist) if "encounters" in s
    ]
    steps = plan(file_store, sql, params)
    assert any("USING INDEX ix_encounters_worklist" in step for step in steps), steps


def test_store_list_batches_counts_from_indexes(file_store: SQLStore) -> None:
    """The Batches screen's counts read only indexes (one entry per row of the batch)."""
    [(sql, params)] = [
        (s, p) for s, p in sent_by(file_store, file_store.list_batches) if "batches" in s
    ]
    steps = plan(file_store, sql, params)
    searches = [step for step in steps if step.startswith("SEARCH")]
    assert len(searches) == 4, steps
    assert all("COVERING INDEX" in step for step in searches), steps


@pytest.mark.parametrize("kind", ["proof", "on_demand"])
def test_queue_kind_filter_reads_the_partial_index(file_store: SQLStore, kind: str) -> None:
    """``Queue.find(kind=...)`` for proofs and on-demand notifications reads
    ix_notifications_other_kinds in id order; for ``batch`` it does not need it."""
    from rulesengine.queue import Queue

    queue = Queue(file_store)
    try:
        for wanted, used in ((kind, True), ("batch", False)):
            sent = sent_by(file_store, lambda w=wanted: queue.find(kind=w, limit=5))
            [(sql, params)] = [(s, p) for s, p in sent if "FROM notifications" in s]
            steps = plan(file_store, sql, params)
            reads_it = any("USING INDEX ix_notifications_other_kinds" in s for s in steps)
            assert reads_it is used, steps
            assert not any("TEMP B-TREE" in step for step in steps), steps
    finally:
        queue.close()


def test_replaced_indexes_are_gone(file_store: SQLStore) -> None:
    """ix_statements_batch_id and ix_encounters_status are prefixes of their successors:
    a fresh store does not keep them (each would only cost writes)."""
    with file_store.reading() as conn:
        names = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
    assert "ix_statements_batch_id" not in names and "ix_encounters_status" not in names


def test_explain_reads_a_guarantors_part_of_a_batch_through_their_indexes(
    file_store: SQLStore,
) -> None:
    """What explain and the Guarantor screen read of one batch for one guarantor (their
    statements and traces) is found through the guarantor's indexes (guarantor, batch),
    not by walking the whole batch in its order; the worklist additions are picked by the
    database (an ``IN`` of the guarantor's encounters), and the answer is the same."""
    from rulesengine.queue.notification_reads import stored_batch
    from tests.store.factories import batch, save_live, small_ledger

    file_store.import_ledger(small_ledger())
    with file_store.run_transaction("default", live=True) as run:
        save_live(run, batch(), "rulesengine: 1\n")
    whole = stored_batch(file_store, "B1")
    assert whole is not None
    sent = sent_by(file_store, lambda: stored_batch(file_store, "B1", "G1"))
    wanted = {
        "FROM statements": "ix_statements_guarantor_batch",
        "FROM batch_guarantor_traces": "ix_batch_guarantor_traces_guarantor_batch",
        # only the steps the guarantor's traces name, by the batch's step numbers
        "FROM batch_trace_steps": "sqlite_autoindex_batch_trace_steps_1",
    }
    for table, index in wanted.items():
        [(sql, params)] = [(s, p) for s, p in sent if table in s]
        steps = plan(file_store, sql, params)
        assert any(f"INDEX {index}" in step for step in steps), (table, steps)
    [(sql, _)] = [(s, p) for s, p in sent if "FROM batch_pre_collections" in s]
    assert " IN " in sql
    part = stored_batch(file_store, "B1", "G1")
    assert part is not None
    assert part.pre_collections == tuple(
        e for e in whole.pre_collections if whole.guarantor_of.get(e) == "G1"
    )
    assert part.statements == tuple(s for s in whole.statements if s.guarantor_id == "G1")
