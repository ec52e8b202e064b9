"""A live run tells the ``notification_status_changed`` observers of every notification it
queued, after its commit and before ``batch_uploaded``; without an observer it reads nothing
back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import rulesengine
from rulesengine.channels.manager import get_plugin_manager
from rulesengine.model import Encounter, Guarantor
from rulesengine.queue.notification_reads import list_notifications
from rulesengine.rules import load_rules
from rulesengine.statements import statement_run
from rulesengine.statements.statement_run import run_statements
from rulesengine.store import open_store
from rulesengine.store.base import LedgerData

STANDARD = Path(__file__).resolve().parents[2] / "rules" / "standard.yaml"
LEDGER = LedgerData(
    guarantors=[
        Guarantor("G1", "Ada", "Lovelace", email="ada@example.org"),
        Guarantor("G2", "Alan", "Turing"),
    ],
    encounters=[
        Encounter("E1", "G1", "P1", dt.date(2026, 1, 3), 20_000),
        Encounter("E2", "G2", "P2", dt.date(2026, 1, 4), 9_000),
    ],
)


@pytest.fixture
def store(tmp_path):
    opened = open_store(str(tmp_path / "s.db"))
    opened.import_ledger(LEDGER)
    yield opened
    opened.close()


def test_every_uploaded_notification_is_reported_after_the_commit(no_entry_points, store):
    heard = []

    class Observer:
        @rulesengine.hookimpl
        def notification_status_changed(self, notification_id, old_status, new_status, detail):
            committed = {n["id"]: n["status"] for n in list_notifications(store)}
            heard.append((notification_id, old_status, new_status, detail, committed))

        @rulesengine.hookimpl
        def batch_uploaded(self, batch_id, notifications):
            heard.append(("batch_uploaded", batch_id, notifications))

    pm = get_plugin_manager()
    pm.register(Observer())
    batch = run_statements(
        store, load_rules(str(STANDARD)), dt.date(2026, 2, 1), live=True, plugin_manager=pm
    )
    rows = list_notifications(store)
    statuses = {n["id"]: n["status"] for n in rows}
    assert heard == [(n["id"], None, n["status"], n["reason"], statuses) for n in rows] + [
        ("batch_uploaded", batch.id, len(rows))
    ]
    assert {(n["guarantor_id"], n["status"], n["reason"]) for n in rows} >= {
        ("G1", "scheduled", None)
    }
    assert any(n["status"] == "suppressed" and n["reason"] for n in rows)


def test_a_repeated_live_run_reports_nothing_again(no_entry_points, store):
    heard = []

    class Observer:
        @rulesengine.hookimpl
        def notification_status_changed(self, notification_id):
            heard.append(notification_id)

    pm = get_plugin_manager()
    pm.register(Observer())
    rules = load_rules(str(STANDARD))
    run_statements(store, rules, dt.date(2026, 2, 1), live=True, plugin_manager=pm)
    heard.clear()
    run_statements(store, rules, dt.date(2026, 2, 1), live=True, plugin_manager=pm)
    assert heard == []


def test_without_an_observer_the_upload_is_not_read_back(no_entry_points, store, monkeypatch):
    """A million-notification run costs nothing more when no plugin listens."""

    def refuse(store, batch_id):
        raise AssertionError("read back with no observer")

    monkeypatch.setattr(statement_run, "uploaded_statuses", refuse)
    batch = run_statements(
        store,
        load_rules(str(STANDARD)),
        dt.date(2026, 2, 1),
        live=True,
        plugin_manager=get_plugin_manager(),
    )
    assert batch.notifications


def test_an_observer_that_raises_is_told_of_every_notification(no_entry_points, store, caplog):
    heard = []

    class Broken:
        @rulesengine.hookimpl
        def notification_status_changed(self, notification_id):
            heard.append(notification_id)
            raise RuntimeError("dashboard is down")

    pm = get_plugin_manager()
    pm.register(Broken(), name="dashboard")
    run_statements(
        store, load_rules(str(STANDARD)), dt.date(2026, 2, 1), live=True, plugin_manager=pm
    )
    assert heard == [n["id"] for n in list_notifications(store)]
    assert caplog.messages[-1] == (
        "plugin dashboard raised in hook notification_status_changed (ignored):"
        " RuntimeError: dashboard is down"
    )
