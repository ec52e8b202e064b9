"""The screens' batch reads: grouped counts over many batches, keyset pages of a batch's
statements, skips and worklist additions, a statement with its lines, and the rules
versions the batches used; on every kind of store."""

from __future__ import annotations

import datetime as dt

import attrs

from rulesengine.model import Skip, TraceStep
from rulesengine.queue.notification_counts import notification_counts, statement_notifications
from rulesengine.store import batch_reads
from rulesengine.store.sql_store import SQLStore
from tests.store.factories import D, batch, save_live, small_ledger


def _save(store: SQLStore, result, rules_text: str = "rulesengine: 1\n") -> None:  # type: ignore[no-untyped-def]
    with store.run_transaction(result.profile_id, live=True) as run:
        save_live(run, result, rules_text)


def _two_batches(store: SQLStore) -> None:
    """B1 (February) and B2 (March, other rules, skipping E1 with its trace's sentence)."""
    store.import_ledger(small_ledger())
    _save(store, batch("B1"))
    second = attrs.evolve(
        batch("B2", run_date=D(2026, 3, 1)),
        rules_hash="sha256:def",
        skips=[Skip("E1", "G1", "billed_recently"), Skip("E4", "G2", "guarantor_hold")],
        traces={"E1": (TraceStep("eligibility", "skipped", "skipped: billed 9 days ago"),)},
        created_at=dt.datetime(2026, 3, 1, 6, 0, tzinfo=dt.UTC),
    )
    _save(store, second, "rulesengine: 1\n# v2\n")


def test_counts_are_grouped_by_batch(store: SQLStore) -> None:
    _two_batches(store)
    with store.reading() as conn:
        ids = ["B1", "B2", "nope"]
        assert batch_reads.statement_levels(conn, ids) == {"B1": {3: 1}, "B2": {3: 1}}
        assert batch_reads.pre_collection_counts(conn, ids) == {"B1": 1, "B2": 1}
        assert batch_reads.skip_reasons(conn, ids) == {
            "B1": {"guarantor_hold": 1},
            "B2": {"billed_recently": 1, "guarantor_hold": 1},
        }
        counts = notification_counts(conn, ids)
        assert batch_reads.statement_levels(conn, []) == {}
    assert counts["B2"] == {"email": {"scheduled": 1}, "text": {"suppressed": 1}}
    # B2 superseded B1's scheduled email for the same guarantor's encounters.
    assert sum(sum(c.values()) for c in counts["B1"].values()) == 2


def test_heads_are_newest_first_and_page_by_keyset(store: SQLStore) -> None:
    _two_batches(store)
    with store.reading() as conn:
        heads = batch_reads.batch_heads(conn)
        assert [h.id for h in heads] == ["B2", "B1"]
        older = batch_reads.batch_heads(conn, before=(heads[0].created_at, "B2"))
        assert [h.id for h in older] == ["B1"]
        assert [h.id for h in batch_reads.batch_heads(conn, limit=1)] == ["B2"]
        assert [h.id for h in batch_reads.batch_heads(conn, rules_hash="sha256:abc")] == ["B1"]
        assert batch_reads.batch_heads(conn, profile_id="other") == []
        assert batch_reads.batch_head(conn, "nope") is None


def test_pages_of_a_batch_and_the_skip_sentences(store: SQLStore) -> None:
    _two_batches(store)
    with store.reading() as conn:
        [row] = batch_reads.batch_statements_page(conn, "B1")
        assert (row.seq, row.id, row.channels, row.total_cents) == (
            0,
            "B1-S1",
            ("email", "text"),
            20_000,
        )
        assert batch_reads.batch_statements_page(conn, "B1", after_seq=0) == []
        skips = batch_reads.batch_skips_page(conn, "B2")
        assert [(k.encounter_id, k.reason, k.detail) for k in skips] == [
            ("E1", "billed_recently", "skipped: billed 9 days ago"),
            ("E4", "guarantor_hold", None),
        ]
        assert [k.seq for k in batch_reads.batch_skips_page(conn, "B2", after_seq=0)] == [1]
        [added] = batch_reads.batch_pre_collections_page(conn, "B1", limit=5)
        assert (added.encounter_id, added.guarantor_id) == ("E3", "G2")


def test_a_stored_statement_has_its_lines_batch_and_notifications(store: SQLStore) -> None:
    _two_batches(store)
    with store.reading() as conn:
        found = batch_reads.stored_statement(conn, "B1-S1")
        assert found is not None
        assert found.batch.id == "B1" and found.batch.run_date == D(2026, 2, 1)
        assert [line.encounter_id for line in found.statement.lines] == ["E1", "E3"]
        assert found.statement.lines[1].rider is True
        notes = statement_notifications(conn, "B1-S1")
        assert [n.channel for n in notes] == ["email", "text"]
        assert batch_reads.stored_statement(conn, "nope") is None


def test_rules_usage_has_first_and_last_batch_per_profile_and_version(store: SQLStore) -> None:
    _two_batches(store)
    _save(store, batch("B3", run_date=D(2026, 4, 1)))
    with store.reading() as conn:
        usage = batch_reads.rules_usage(conn)
        assert batch_reads.rules_usage(conn, "other") == []
    assert [(u.content_hash, u.first_batch_id, u.last_batch_id, u.batches) for u in usage] == [
        ("sha256:abc", "B1", "B3", 2),
        ("sha256:def", "B2", "B2", 1),
    ]
