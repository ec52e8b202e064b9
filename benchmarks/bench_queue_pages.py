"""The dashboard's queue pages on a large queue: each filter's page (median of 20 requests,
through HTTP and the template, with the test client), a page deep in the queue, a
notification's page, and 20 users browsing the queue at once.

The store is the demo practice's (40 guarantors, six months) with its notifications copied
by SQL up to ``--rows`` (default 1,000,000): 100 batches, 250,000 guarantors, 0.1% error,
0.1% unknown, 0.2% canceled, 20% suppressed, 0.05% on demand, the rest sent. The copy is
SQLite only and made once per ``--store`` path (kept for the next run)::

    .venv/bin/python benchmarks/bench_queue_pages.py --store /tmp/queue-pages.db
"""

from __future__ import annotations

import argparse
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

_PASSWORD = "a long enough benchmark password"
#: The filters a user clicks, as query strings of /notifications.
QUERIES = [
    "",
    "status=errors",
    "status=error",
    "status=canceled",
    "status=suppressed",
    "status=sent",
    "status=scheduled",
    "status=sending",
    "kind=on_demand",
    "kind=proof",
    "channel=text",
    "profile=riverside",
    "batch=bench-7",
    "guarantor=BG123",
    "batch=bench-7&status=errors",
    "after=500000",
    "status=suppressed&after=500000",
]


def build(path: Path, rows: int) -> None:
    """The demo store, its notifications copied up to ``rows``, and a staff user."""
    from rulesengine.demo.demo_run import run_demo
    from rulesengine.store import open_store
    from rulesengine.store.user_accounts import add_user

    with tempfile.TemporaryDirectory() as folder:
        run_demo(Path(folder) / "p", guarantors=40, months=6, seed=2026, echo=lambda _l: None)
        shutil.copyfile(Path(folder) / "p" / "rulesengine.db", path)
    path.chmod(0o600)
    store = open_store(str(path))
    add_user(store, "bench", "staff", _PASSWORD)
    store.close()
    conn = sqlite3.connect(path)
    (count,) = conn.execute("SELECT count(*) FROM notifications").fetchone()
    columns = [r[1] for r in conn.execute("PRAGMA table_info(notifications)") if r[1] != "id"]
    chosen = {name: name for name in columns}
    chosen.update(
        batch_id="'bench-' || (i % 100)",
        statement_id="statement_id || '-x' || i",
        idempotency_key="idempotency_key || '-x' || i",
        guarantor_id="'BG' || (i % 250000)",
        status="CASE WHEN i % 1000 = 0 THEN 'error' WHEN i % 1000 = 1 THEN 'unknown'"
        " WHEN i % 500 = 2 THEN 'canceled' WHEN i % 5 = 3 THEN 'suppressed' ELSE 'sent' END",
        kind="CASE WHEN i % 2000 = 5 THEN 'on_demand' ELSE 'batch' END",
    )
    conn.execute(
        f"WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)"
        f" INSERT INTO notifications ({', '.join(columns)})"
        f" SELECT {', '.join(chosen[name] for name in columns)}"
        f" FROM seq JOIN notifications AS t ON t.id = 1 + (i % ?)",
        (rows - count, count),
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def logged_in(app: Any) -> Any:
    from starlette.testclient import TestClient

    client = TestClient(app)
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    form = {"csrf_token": token.group(1), "name": "bench", "password": _PASSWORD}
    answer = client.post("/login", data=form, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    return client


def timed(client: Any, url: str, times: int = 20) -> list[float]:
    seconds = []
    for _ in range(times):
        start = time.perf_counter()
        answer = client.get(url)
        seconds.append(time.perf_counter() - start)
        assert answer.status_code == 200, (url, answer.status_code)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, type=Path, help="the SQLite file (made once)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=20)
    arguments = parser.parse_args()
    if not arguments.store.exists():
        start = time.perf_counter()
        build(arguments.store, arguments.rows)
        print(f"built {arguments.rows:,} notifications in {time.perf_counter() - start:.1f} s")

    from rulesengine.store import open_store
    from rulesengine.web.app import create_app

    store = open_store(str(arguments.store))
    app = create_app(store)
    try:
        client = logged_in(app)
        for query in QUERIES:
            seconds = timed(client, "/notifications?" + query)
            print(
                f"/notifications?{query:32s} median {statistics.median(seconds) * 1000:7.1f} ms"
                f"  max {max(seconds) * 1000:7.1f} ms"
            )
        newest = client.get("/api/notifications?limit=1").json()["notifications"][0]["id"]
        seconds = timed(client, f"/notifications/{newest // 2}")
        print(f"/notifications/ID{'':31s} median {statistics.median(seconds) * 1000:7.1f} ms")
        browse(app, arguments.users)
    finally:
        app.state.queue.close()
        store.close()


def browse(app: Any, users: int) -> None:
    """``users`` clients at once, each through the filters and two pages of each."""
    seconds: list[float] = []
    lock = threading.Lock()

    def one_user() -> None:
        client = logged_in(app)
        for query in QUERIES:
            mine = timed(client, "/notifications?" + query, times=1)
            page = client.get("/api/notifications?" + query).json()
            if page["next_after"] is not None:
                mine += timed(client, f"/notifications?after={page['next_after']}", times=1)
            with lock:
                seconds.extend(mine)

    threads = [threading.Thread(target=one_user) for _ in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(
        f"{users} users browsing at once: {len(seconds)} pages, median"
        f" {statistics.median(seconds) * 1000:.1f} ms, max {max(seconds) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
