"""Delivery throughput: queued notifications drained to loopback sinks.

A live run queues ``--count`` notifications (half email, half text) for a generated
ledger; they are then delivered to an SMTP server (aiosmtpd) and an HTTP endpoint in
Twilio's Messages API shape, both on 127.0.0.1 and counting what they receive:

- one worker in-process on an SQLite file store (``Queue.deliver(until_empty=True)``);
- on PostgreSQL, 1 and then 4 ``rulesengine worker`` processes, each run on a fresh queue.

Prints notifications per second for each, and checks every notification was received once.

    .venv/bin/python benchmarks/bench_delivery.py --count 20000
    .venv/bin/python benchmarks/bench_delivery.py --count 100000 --pg postgresql://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.server
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: Workers use the wall clock, and text may only go out 08:00-21:00 local time: the
#: guarantors live in whichever of these zones it is mid-day in now.
ZONES = (
    "Pacific/Honolulu",
    "America/Los_Angeles",
    "America/Chicago",
    "America/New_York",
    "Atlantic/Azores",
    "Europe/London",
    "Europe/Berlin",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
)


def midday_zone() -> tuple[str, dt.date]:
    """A zone where it is between 09:00 and 19:00 now, and today's date there."""
    from zoneinfo import ZoneInfo

    now = dt.datetime.now(dt.UTC)
    for name in ZONES:
        local = now.astimezone(ZoneInfo(name))
        if 9 <= local.hour < 19:
            return name, local.date()
    raise SystemExit("no zone in the list is at mid-day now")


RULES = """
rulesengine: 1
profile: {{id: bench, timezone: America/Chicago, practice: Bench Clinic,
          pay_link: "https://pay.example.org/q/{{token}}"}}
dunning:
  levels:
    - message: reminder
      channels: [email, text]
messages:
  reminder:
    email:
      subject: "Statement from {{{{ practice }}}}"
      body: "Your balance of {{{{ statement.total | money }}}} is due. Pay: {{{{ pay_link }}}}"
    text: "{{{{ practice }}}}: {{{{ statement.total | money }}}} is due. {{{{ pay_link }}}}"
channels:
  email: {{smtp_host: 127.0.0.1, smtp_port: {smtp_port}, starttls: false,
          from: billing@example.org}}
  text: {{base_url: "http://127.0.0.1:{http_port}", account_sid: AC1, token_env: BENCH_SMS_TOKEN,
         from: "+15555550100"}}
delivery: {{max_attempts: 3, backoff: [1]}}
"""


# --- the sinks ------------------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sinks:
    """An SMTP server and a Twilio-shaped HTTP endpoint on loopback, counting by key."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.lock = threading.Lock()
        self.emails: dict[str, int] = {}
        self.texts: dict[str, int] = {}
        sinks = self

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
                text = envelope.content.decode("utf-8", "replace")
                key = next(
                    (
                        line.split(":", 1)[1].strip()
                        for line in text.splitlines()
                        if line.lower().startswith("message-id:")
                    ),
                    str(uuid.uuid4()),
                )
                with sinks.lock:
                    sinks.emails[key] = sinks.emails.get(key, 0) + 1
                return "250 OK"

        self.smtp_port = _free_port()
        self.smtp = Controller(Handler(), hostname="127.0.0.1", port=self.smtp_port)
        self.smtp.start()

        class Http(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # The headers and the body are two writes: with Nagle's algorithm the body waits
            # for the client's delayed ACK (40 ms) on a kept-alive connection.
            disable_nagle_algorithm = True

            def do_POST(self) -> None:  # noqa: N802
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                key = self.headers.get("Idempotency-Key") or str(uuid.uuid4())
                with sinks.lock:
                    sinks.texts[key] = sinks.texts.get(key, 0) + 1
                body = json.dumps({"sid": "SM" + uuid.uuid4().hex}).encode()
                self.send_response(201)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Http)
        self.http_port = self.http.server_address[1]
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def reset(self) -> None:
        with self.lock:
            self.emails.clear()
            self.texts.clear()

    def received(self) -> tuple[int, int]:
        with self.lock:
            return sum(self.emails.values()) + sum(self.texts.values()), len(self.emails) + len(
                self.texts
            )

    def close(self) -> None:
        self.smtp.stop()
        self.http.shutdown()


# --- a queue of N notifications ---------------------------------------------------------------


def fill(url: str, count: int, rules_text: str, zone: str, run_date: dt.date) -> Any:
    """A store at ``url`` with ``count`` queued notifications (count / 2 statements)."""
    from rulesengine.engine.run import run_statements
    from rulesengine.model import Encounter, Guarantor
    from rulesengine.rules import load_rules_text
    from rulesengine.store import open_store
    from rulesengine.store.base import LedgerData

    statements = count // 2
    store = open_store(url)
    store.import_ledger(
        LedgerData(
            guarantors=[
                Guarantor(
                    f"G{i:07d}",
                    first_name="Pat",
                    email=f"p{i}@example.org",
                    mobile=f"+1555{i:07d}",
                    timezone=zone,
                )
                for i in range(statements)
            ],
            encounters=[
                Encounter(f"E{i:07d}", f"G{i:07d}", "P1", dt.date(2026, 1, 3), 10_000 + i)
                for i in range(statements)
            ],
        )
    )
    rules = load_rules_text(rules_text, filename="bench.yaml")
    run_statements(store, rules, run_date, live=True, rules_text=rules_text)
    return store


def wait_until_done(store: Any, total: int, limit_s: float) -> float:
    from sqlalchemy import func, select

    from rulesengine.store.schema import notifications

    started = time.perf_counter()
    query = select(func.count()).where(notifications.c.status == "sent")
    while time.perf_counter() - started < limit_s:
        with store.reading() as conn:
            if conn.execute(query).scalar_one() >= total:
                return time.perf_counter() - started
        time.sleep(0.2)
    raise SystemExit(f"not all {total} notifications were sent within {limit_s:.0f} s")


def pg_schema_url(base: str) -> tuple[str, str]:
    import sqlalchemy

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    engine = sqlalchemy.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    engine.dispose()
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options={quote(f'-csearch_path={schema}')}", schema


def drop_schema(base: str, schema: str) -> None:
    import sqlalchemy

    engine = sqlalchemy.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000, help="notifications to deliver")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument(
        "--workers", default="1,4", help="PostgreSQL worker counts to run (empty: none)"
    )
    args = parser.parse_args()
    os.environ["BENCH_SMS_TOKEN"] = "secret-token"
    sinks = Sinks()
    rules_text = RULES.format(smtp_port=sinks.smtp_port, http_port=sinks.http_port)
    rows: dict[str, float] = {}
    zone, run_date = midday_zone()
    try:
        from rulesengine.queue import Queue

        with tempfile.TemporaryDirectory() as folder:
            store = fill(str(Path(folder) / "bench.db"), args.count, rules_text, zone, run_date)
            started = time.perf_counter()
            Queue(store, worker_id="bench").deliver(until_empty=True)
            seconds = time.perf_counter() - started
            store.close()
        total, distinct = sinks.received()
        rows["SQLite, 1 worker in-process"] = args.count / seconds
        print(
            f"SQLite, one worker in-process: {args.count} in {seconds:.1f} s ="
            f" {args.count / seconds:,.0f}/s (received {total}, distinct {distinct})"
        )

        for workers in (int(w) for w in args.workers.split(",") if w.strip()):
            sinks.reset()
            url, schema = pg_schema_url(args.pg)
            try:
                store = fill(url, args.count, rules_text, zone, run_date)
                env = {**os.environ, "RULESENGINE_DB": url}
                command = [
                    str(Path(sys.executable).with_name("rulesengine")),
                    "worker",
                    "--poll",
                    "0.2",
                ]
                procs = [
                    subprocess.Popen(
                        [*command, "--worker-id", f"w{i}"],
                        env=env,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.PIPE,
                    )
                    for i in range(workers)
                ]
                seconds = wait_until_done(store, args.count, limit_s=1800)
                for proc in procs:
                    proc.send_signal(signal.SIGTERM)
                for proc in procs:
                    proc.wait(timeout=60)
                store.close()
            finally:
                drop_schema(args.pg, schema)
            total, distinct = sinks.received()
            rows[f"PostgreSQL, {workers} worker process(es)"] = args.count / seconds
            print(
                f"PostgreSQL, {workers} worker process(es): {args.count} in {seconds:.1f} s ="
                f" {args.count / seconds:,.0f}/s (received {total}, distinct {distinct})"
            )
    finally:
        sinks.close()
    print(json.dumps({k: round(v) for k, v in rows.items()}))


if __name__ == "__main__":
    main()
