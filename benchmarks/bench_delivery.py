"""Delivery throughput: queued notifications drained to loopback sinks.

A live run queues ``--count`` notifications (half email, half text) for a generated
ledger; they are then delivered to an SMTP server (aiosmtpd) and an HTTP endpoint in
Twilio's Messages API shape, both on 127.0.0.1 and counting what they receive:

- one worker in-process on an SQLite file store (``Queue.deliver(until_empty=True)``);
- on PostgreSQL, 1 and then 4 ``rulesengine worker`` processes, each run on a fresh queue.

Prints notifications per second for each, and checks every notification was received once.

    .venv/bin/python benchmarks/bench_delivery.py --count 20000
    .venv/bin/python benchmarks/bench_delivery.py --count 100000 --pg postgresql://postgres@127.0.0.1:5432/test

``--serial`` delivers as ``rulesengine worker --serial`` does: one channel at a time, rounds
not overlapping. ``--latency-ms 50`` makes each sink take 50 ms per message, as a real
provider's round trip does (issue 18's measurements).
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
from collections.abc import Sequence
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
  text: {{base_url: "http://127.0.0.1:{http_port}", account_sid: AC1,
         token_env: RULESENGINE_BENCH_SMS_TOKEN, from: "+15555550100"}}
delivery: {{max_attempts: 3, backoff: [1]}}
"""


# --- the sinks ------------------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sinks:
    """An SMTP server and a Twilio-shaped HTTP endpoint on loopback, counting by key; each
    takes ``latency`` seconds per message (a real provider's round trip is 50-300 ms)."""

    def __init__(self, latency: float = 0.0) -> None:
        import asyncio

        from aiosmtpd.controller import Controller

        self.lock = threading.Lock()
        self.emails: dict[str, int] = {}
        self.texts: dict[str, int] = {}
        sinks = self

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
                if latency:
                    await asyncio.sleep(latency)
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

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if latency:
                    time.sleep(latency)
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


def _serve_sinks(conn: Any, latency: float) -> None:
    """The sinks in a process of their own, driven over a pipe (``--sinks process``)."""
    sinks = Sinks(latency)
    conn.send((sinks.smtp_port, sinks.http_port))
    while True:
        command = conn.recv()
        if command == "reset":
            sinks.reset()
            conn.send(None)
        elif command == "received":
            conn.send(sinks.received())
        else:
            sinks.close()
            conn.send(None)
            return


class RemoteSinks:
    """:class:`Sinks` in a child process: they do not share this process's GIL (the
    in-process worker's), as real SMTP servers and SMS providers do not."""

    def __init__(self, latency: float = 0.0) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve_sinks, args=(child, latency), daemon=True)
        self._process.start()
        self.pid = self._process.pid
        self.smtp_port, self.http_port = self._conn.recv()

    def _ask(self, command: str) -> Any:
        self._conn.send(command)
        return self._conn.recv()

    def reset(self) -> None:
        self._ask("reset")

    def received(self) -> tuple[int, int]:
        return self._ask("received")

    def close(self) -> None:
        self._ask("close")
        self._process.join(timeout=10)


# --- a queue of N notifications ---------------------------------------------------------------


def fill(url: str, count: int, rules_text: str, zone: str, run_date: dt.date) -> Any:
    """A store at ``url`` with ``count`` queued notifications (count / 2 statements)."""
    from rulesengine.model import Encounter, Guarantor
    from rulesengine.rules import load_rules_text
    from rulesengine.statements.statement_run import run_statements
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
    run_statements(store, rules, run_date, live=True)
    return store


class CpuMeter:
    """CPU seconds spent from its creation to :meth:`report`, by whom (Linux ``/proc``):
    worker processes, this process (the sinks, and the in-process worker), PostgreSQL's
    server processes, everything else; and how busy the machine's cores were."""

    TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def __init__(self) -> None:
        self.available = Path("/proc/stat").exists()
        self.started = time.perf_counter()
        self.own = os.times()
        self.own_thread = time.thread_time()
        self.machine = self._machine()
        self.postgres = self._postgres()

    @staticmethod
    def _machine() -> tuple[float, float]:
        """(busy, total) seconds summed over all cores."""
        if not Path("/proc/stat").exists():
            return 0.0, 0.0
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        idle = fields[3] + fields[4]  # idle + iowait
        total = sum(fields[:8])  # guest time is already counted in user
        return (total - idle) / CpuMeter.TICK, total / CpuMeter.TICK

    @staticmethod
    def _pid_cpu(pid: int) -> float:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return 0.0
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CpuMeter.TICK  # utime + stime

    @classmethod
    def _postgres(cls) -> dict[int, float]:
        found = {}
        for entry in Path("/proc").iterdir() if Path("/proc").exists() else ():
            if entry.name.isdigit():
                try:
                    if (entry / "comm").read_text().strip() in ("postgres", "postmaster"):
                        found[int(entry.name)] = cls._pid_cpu(int(entry.name))
                except OSError:
                    continue
        return found

    def __call__(self, sinks: Any) -> CpuMeter:
        """Note the sinks' process (when they have their own) at the start."""
        self.sink_pid = getattr(sinks, "pid", None)
        self.sink_start = self._pid_cpu(self.sink_pid) if self.sink_pid else 0.0
        return self

    def report(self, count: int, worker_pids: Sequence[int] = ()) -> str:
        """One line; call it while the worker processes still run. Without worker processes
        the worker is this process's main thread."""
        if not self.available:
            return "cpu: not measured (no /proc)"
        wall = time.perf_counter() - self.started
        now = os.times()
        own = (now.user - self.own.user) + (now.system - self.own.system)
        main_thread = time.thread_time() - self.own_thread
        if worker_pids:
            workers = sum(self._pid_cpu(pid) for pid in worker_pids)
        else:
            workers, own = main_thread, own - main_thread
        sink_pid = getattr(self, "sink_pid", None)
        sinks = self._pid_cpu(sink_pid) - self.sink_start if sink_pid else own
        bench = own if sink_pid else 0.0  # this process when it only waits and polls
        postgres = sum(cpu - self.postgres.get(pid, 0.0) for pid, cpu in self._postgres().items())
        busy0, total0 = self.machine
        busy1, total1 = self._machine()
        busy = busy1 - busy0
        other = max(busy - workers - sinks - bench - postgres, 0.0)
        cores = os.cpu_count() or 1
        per = 1e6 / count
        return (
            f"cpu over {wall:.1f} s on {cores} cores ({busy / (total1 - total0) * 100:.0f}% busy):"
            f" worker(s) {workers:.1f} s ({workers * per:.0f} us/notification),"
            f" sinks {sinks:.1f} s ({sinks * per:.0f} us), postgres {postgres:.1f} s"
            f" ({postgres * per:.0f} us), this script {bench:.1f} s, other processes {other:.1f} s"
        )


def wait_until_done(
    store: Any,
    sinks: Any,
    total: int,
    limit_s: float,
    samples: list[tuple[float, int]] | None = None,
) -> float:
    """Seconds until ``total`` notifications are sent.

    The sinks' counts are polled every 0.2 s until they received ``total`` distinct
    notifications (each poll's (seconds, received) is appended to ``samples``); only then
    is the store asked, every 0.05 s, until it has them all ``sent``. Counting the table
    every 0.2 s all along would add a full scan to PostgreSQL's CPU per poll, which is the
    harness's cost and not the worker's.
    """
    from sqlalchemy import func, select

    from rulesengine.store.tables import notifications

    started = time.perf_counter()
    query = select(func.count()).where(notifications.c.status == "sent")
    while time.perf_counter() - started < limit_s:
        received = sinks.received()[1]
        if samples is not None:
            samples.append((time.perf_counter() - started, received))
        if received >= total:
            break
        time.sleep(0.2)
    while time.perf_counter() - started < limit_s:
        with store.reading() as conn:
            if conn.execute(query).scalar_one() >= total:
                return time.perf_counter() - started
        time.sleep(0.05)
    raise SystemExit(f"not all {total} notifications were sent within {limit_s:.0f} s")


def _note_ready(proc: Any, ready: list[float], started: float) -> None:
    """Note when a worker printed "worker ... started" (its start-up is over)."""
    proc.stdout.readline()
    ready.append(time.perf_counter() - started)
    proc.stdout.read()


def _steady_rate(samples: list[tuple[float, int]], ready: float) -> str:
    """The rate (received by the sinks) between the first poll after every worker was ready
    and the end."""
    after = [(t, sent) for t, sent in samples if t >= ready]
    if len(after) < 2 or after[-1][0] - after[0][0] < 1.0:
        return "too short to tell"
    (t0, n0), (t1, n1) = after[0], after[-1]
    return f"{n1 - n0} in {t1 - t0:.1f} s = {(n1 - n0) / (t1 - t0):,.0f}/s"


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
    parser.add_argument(
        "--sinks",
        choices=("thread", "process"),
        default="thread",
        help="run the SMTP and HTTP sinks as threads of this process (sharing the GIL with "
        "the in-process worker; the figures of docs/performance.md) or in a process of "
        "their own",
    )
    parser.add_argument(
        "--latency-ms",
        type=float,
        default=0.0,
        help="milliseconds each sink takes per message (a real provider: 50-300)",
    )
    parser.add_argument(
        "--serial",
        action="store_true",
        help="deliver with --serial (channels called one after the other, rounds not overlapping)",
    )
    args = parser.parse_args()
    os.environ["RULESENGINE_BENCH_SMS_TOKEN"] = "secret-token"
    latency = args.latency_ms / 1000
    sinks: Sinks | RemoteSinks = RemoteSinks(latency) if args.sinks == "process" else Sinks(latency)
    where = "a process of their own" if args.sinks == "process" else "threads of this process"
    print(f"sinks: {where}, {args.latency_ms:g} ms per message")
    rules_text = RULES.format(smtp_port=sinks.smtp_port, http_port=sinks.http_port)
    rows: dict[str, float] = {}
    zone, run_date = midday_zone()
    try:
        from rulesengine.queue import Queue

        with tempfile.TemporaryDirectory() as folder:
            store = fill(str(Path(folder) / "bench.db"), args.count, rules_text, zone, run_date)
            meter = CpuMeter()(sinks)
            started = time.perf_counter()
            Queue(store, worker_id="bench", concurrent_channels=not args.serial).deliver(
                until_empty=True
            )
            seconds = time.perf_counter() - started
            cpu = meter.report(args.count)
            store.close()
        total, distinct = sinks.received()
        rows["SQLite, 1 worker in-process"] = args.count / seconds
        print(
            f"SQLite, one worker in-process: {args.count} in {seconds:.1f} s ="
            f" {args.count / seconds:,.0f}/s (received {total}, distinct {distinct})"
        )
        print(f"  {cpu}")

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
                    *(["--serial"] if args.serial else []),
                ]
                meter = CpuMeter()(sinks)
                procs = [
                    subprocess.Popen(
                        [*command, "--worker-id", f"w{i}"],
                        env=env,
                        stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL,
                        text=True,
                    )
                    for i in range(workers)
                ]
                ready: list[float] = []
                for proc in procs:
                    threading.Thread(
                        target=_note_ready, args=(proc, ready, meter.started), daemon=True
                    ).start()
                samples: list[tuple[float, int]] = []
                seconds = wait_until_done(store, sinks, args.count, limit_s=1800, samples=samples)
                cpu = meter.report(args.count, [proc.pid for proc in procs])
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
            print(
                f"  start-up: workers ready after {', '.join(f'{r:.2f}' for r in sorted(ready))} s;"
                f" from then on: {_steady_rate(samples, max(ready, default=0.0))}"
            )
            print(f"  {cpu}")
    finally:
        sinks.close()
    print(json.dumps({k: round(v) for k, v in rows.items()}))


if __name__ == "__main__":
    main()
