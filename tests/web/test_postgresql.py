"""The dashboard over a PostgreSQL store: the same app, the same code, another database
(a login, the batches, the API)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import rulesengine
from rulesengine.demo.demo_run import generate_ledger, write_ledger_csv
from rulesengine.store.user_accounts import add_user
from tests.web.conftest import PASSWORD, csrf_of

REPO = Path(__file__).resolve().parents[2]


def test_the_dashboard_serves_a_postgresql_store(pg_url: str, tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from rulesengine.web.app import create_app

    ledger = generate_ledger(20, dt.date(2025, 9, 1), random.Random(3))
    write_ledger_csv(ledger, tmp_path / "ledger")
    rules = rulesengine.load_rules(REPO / "rulesengine" / "data" / "demo-practice.yaml")
    store = rulesengine.open_store(pg_url)
    try:
        store.sync_ledger(rulesengine.read_ledger_dir(tmp_path / "ledger", store=store))
        batch = rulesengine.run_statements(store, rules, dt.date(2026, 1, 5), live=True)
        add_user(store, "alice", "staff", PASSWORD)
        app = create_app(store)
        with TestClient(app, follow_redirects=False) as client:
            page = client.get("/login?checked=1")
            client.post(
                "/login",
                data={"csrf_token": csrf_of(page.text), "name": "alice", "password": PASSWORD},
            )
            listed = client.get("/batches")
            assert listed.status_code == 200
            assert batch.id in listed.text
            answer: Any = client.get("/api/batches").json()
            assert [row["id"] for row in answer["batches"]] == [batch.id]
        app.state.queue.close()
    finally:
        store.close()
