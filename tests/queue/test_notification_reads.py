"""Reading notifications back (:mod:`rulesengine.queue.notification_reads`), on SQLite
(file and in memory) and PostgreSQL."""

from __future__ import annotations

from rulesengine.queue.notification_reads import list_notifications
from rulesengine.store.base import Store
from tests.queue.test_batch_upload import save
from tests.store.factories import batch, small_ledger


def test_notifications_filters(store: Store) -> None:
    """Queue reads filter by profile, batch, status, guarantor and channel."""
    store.import_ledger(small_ledger())
    save(store, batch())
    assert [n["channel"] for n in list_notifications(store)] == ["email", "text"]
    assert [n["channel"] for n in list_notifications(store, status="suppressed")] == ["text"]
    assert [
        n["channel"]
        for n in list_notifications(store, channel="email", guarantor_id="G1", profile_id="default")
    ] == ["email"]
    assert list_notifications(store, batch_id="B2") == []
    assert list_notifications(store, guarantor_id="G2") == []
