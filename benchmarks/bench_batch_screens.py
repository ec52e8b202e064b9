"""The Batches, Statement and Rules screens on a large store: each page's answer time.

Serves the dashboard over ``--db`` through Starlette's test client (the whole app: session,
CSRF-free GETs, templates; no network) logged in as a viewer, and times each page
``--repeat`` times (default 20), printing the median and the slowest in milliseconds:

- ``/batches`` and ``/api/batches`` (the grouped counts of a page of batches);
- the newest batch's page, and its page 2,000 statements further (a keyset page);
- that batch's first statement (with print, if any), its letter PDF, ``/rules``.

The first request of each page is in its figures: a cold start (the Batches screen keeps
what each batch produced once read) shows in the slowest.

It adds the user ``bench-viewer`` to the store when it is missing (so run it on a copy).
Build a store with ``benchmarks/ledger.py`` and a live run, as ``bench_run.py`` does::

    .venv/bin/python benchmarks/bench_batch_screens.py --db /tmp/big.db
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PASSWORD = "bench password, not a secret"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the store (a copy: a user is added)")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    from starlette.testclient import TestClient

    from rulesengine.store import open_store
    from rulesengine.store.user_accounts import add_user, get_user
    from rulesengine.web.app import create_app

    store = open_store(args.db)
    try:
        get_user(store, "bench-viewer")
    except Exception:
        add_user(store, "bench-viewer", "viewer", PASSWORD)
    app = create_app(store)
    with TestClient(app, follow_redirects=False) as client:
        page = client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token is not None
        client.post(
            "/login",
            data={"csrf_token": token.group(1), "name": "bench-viewer", "password": PASSWORD},
        )
        latest = client.get("/api/batches").json()["batches"][0]["id"]
        statements = client.get(f"/api/batches/{latest}").json()["statements"]
        first = next((s for s in statements if "print" in s["channels"]), statements[0])["id"]
        paths = [
            "/batches",
            "/api/batches",
            f"/batches/{latest}",
            f"/batches/{latest}?statements_after=2000",
            f"/api/batches/{latest}",
            f"/statements/{first}",
            f"/statements/{first}/letter.pdf",
            "/rules",
        ]
        print(f"{'page':<52} {'median ms':>10} {'max ms':>8}")
        for path in paths:
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                answer = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                # 404: the letter of a statement without print content (said so)
                assert answer.status_code in (200, 404), (path, answer.status_code)
            print(f"{path[:52]:<52} {statistics.median(times):>10.1f} {max(times):>8.1f}")
    app.state.queue.close()
    store.close()


if __name__ == "__main__":
    main()
