"""Explaining a stored batch: :func:`explain_stored_batch` (``rulesengine explain`` and the
dashboard's Guarantor screen)."""

from __future__ import annotations

from typing import Any

from rulesengine.statements.explain import explain_stored_batch, render_explanation
from tests.store.factories import batch, save_live, small_ledger


def test_a_stored_batch_is_explained_with_what_became_of_its_notifications(store: Any) -> None:
    store.import_ledger(small_ledger())
    with store.run_transaction("default", live=True) as run:
        save_live(run, batch("B1"), "rulesengine: 1\n")
    explanation = explain_stored_batch(store, "B1", "G1")
    assert explanation is not None
    assert (explanation["batch"], explanation["mode"], explanation["date"]) == (
        "B1",
        "live",
        "2026-02-01",
    )
    assert [e["id"] for e in explanation["encounters"]] == ["E1", "E3"]
    assert [s["id"] for s in explanation["statements"]] == ["B1-S1"]
    queued = {n["channel"]: n.get("queue_status") for n in explanation["notifications"]}
    assert queued == {"email": "scheduled", "text": "suppressed"}
    assert "still scheduled (rulesengine queue show" in render_explanation(explanation)


def test_no_such_batch_is_none(store: Any) -> None:
    assert explain_stored_batch(store, "B404", "G1") is None


def test_explaining_reads_only_the_guarantors_part_and_says_the_same(store: Any) -> None:
    """The guarantor's part of a stored batch explains them as the whole batch does."""
    from rulesengine.queue.notification_reads import list_notifications, stored_batch
    from rulesengine.statements.explain import explain_guarantor

    store.import_ledger(small_ledger())
    with store.run_transaction("default", live=True) as run:
        save_live(run, batch("B1"), "rulesengine: 1\n")
    whole = stored_batch(store, "B1")
    for gid in ("G1", "G2", "G9"):
        part = stored_batch(store, "B1", gid)
        assert part is not None and whole is not None
        assert {s.guarantor_id for s in part.statements} <= {gid}
        assert set(part.guarantor_of.values()) <= {gid}
        assert (part.changes, part.reviewed_payment_ids) == ((), ())
        queued = {
            (str(n["statement_id"]), str(n["channel"])): n
            for n in list_notifications(store, batch_id="B1", guarantor_id=gid)
        }
        assert explain_stored_batch(store, "B1", gid) == explain_guarantor(whole, gid, queued)
