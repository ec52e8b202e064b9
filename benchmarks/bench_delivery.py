"""Delivery: queued notifications drained to loopback sinks, at a provider's latency too.

A live run queues ``--count`` notifications (half email, half text) for a generated
ledger; they are then delivered to an SMTP server (aiosmtpd) and an HTTP endpoint in
Twilio's Messages API shape, both on 127.0.0.1 and counting what they receive by key.
``--latency-ms 50`` makes each sink take 50 ms per message, as a real provider's round
trip does (issue 18's measurements); ``--connections N`` (default 32; 0 leaves it out)
gives the email and text channels that many messages in flight at once. Three scenarios
(``--scenario``, default ``throughput``; ``all`` runs the three in turn):

- **throughput**: one worker in-process on an SQLite file store
  (``Queue.deliver(until_empty=True)``), then on PostgreSQL 1 and 4 ``rulesengine worker``
  processes, each on a fresh queue: notifications per second, the ratio of four workers to
  one, each worker process's peak RSS, and that every notification was received once;
- **crash**: four worker processes on PostgreSQL; once about a third is received, two of
  them are killed (SIGKILL) and two others started. Once nothing is ``scheduled`` or
  ``sending``: duplicates, lost notifications, ``unknown`` ones against the killed
  workers' notifications in flight at the kill (read from the store at that instant) and
  the text resends the provider dropped (rules: ``benchmarks/delivery_tally.py``);
- **rate**: four worker processes on PostgreSQL deliver texts only, the text channel set to
  ``max_per_second: --max-per-second`` (50): the rate the sink received over the steady
  part of the drain, against the setting.

Every scenario is measured beside floors taken in the same run: the yardstick (10 million
pure-Python additions, best of 3, before and after: :func:`bench_run.yardstick`) and the
plain-Python sender (the same sinks fed by plain ``smtplib`` and ``http.client`` from
``--connections`` threads per channel, no queue: what the sinks and loopback allow).

    .venv/bin/python benchmarks/bench_delivery.py --count 20000
    .venv/bin/python benchmarks/bench_delivery.py --latency-ms 50 --count 4000
    .venv/bin/python benchmarks/bench_delivery.py --scenario crash --latency-ms 50 --count 4000
    .venv/bin/python benchmarks/bench_delivery.py --scenario rate --latency-ms 50 --count 1500

``--serial`` delivers as ``rulesengine worker --serial`` does: one channel at a time, rounds
not overlapping. Each scenario prints plain lines and, last, one JSON line of its figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import http.server
import json
import os
import resource
import signal
import smtplib
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

from benchmarks.bench_run import yardstick  # noqa: E402
from benchmarks.delivery_tally import (  # noqa: E402
    QueuedMessage,
    busiest_second,
    steady_rate,
    tally,
)

RULESENGINE = str(Path(sys.executable).with_name("rulesengine"))

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
      channels: [{level_channels}]
messages:
  reminder:
    email:
      subject: "Statement from {{{{ practice }}}}"
      body: "Your balance of {{{{ statement.total | money }}}} is due. Pay: {{{{ pay_link }}}}"
    text: "{{{{ practice }}}}: {{{{ statement.total | money }}}} is due. {{{{ pay_link }}}}"
channels:
  email: {{smtp_host: 127.0.0.1, smtp_port: {smtp_port}, starttls: false,
          from: billing@example.org{email_extra}}}
  text: {{base_url: "http://127.0.0.1:{http_port}", account_sid: AC1,
         token_env: RULESENGINE_BENCH_SMS_TOKEN, from: "+15555550100"{text_extra}}}
delivery: {{max_attempts: 3, backoff: [1]}}
"""


def rules_for(
    sinks: Any,
    *,
    connections: int,
    channels: Sequence[str] = ("email", "text"),
    text_per_second: int = 0,
) -> str:
    """The benchmark's rules: the level's ``channels``, both channels pointing at the sinks,
    ``connections`` written into both (0: left out, for a release whose channels do not take
    it) and the text channel's ``max_per_second`` (0: none)."""
    common = f", connections: {connections}" if connections else ""
    rate = f", max_per_second: {text_per_second}" if text_per_second else ""
    return RULES.format(
        level_channels=", ".join(channels),
        smtp_port=sinks.smtp_port,
        http_port=sinks.http_port,
        email_extra=common,
        text_extra=common + rate,
    )


# --- the sinks ------------------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sinks:
    """An SMTP server and a Twilio-shaped HTTP endpoint on loopback, counting by key; each
    takes ``latency`` seconds per message (a real provider's round trip is 50-300 ms).

    Every post is counted, a repeated Idempotency-Key too; the endpoint answers a repeated
    key with the first post's sid, as Twilio does for the request it drops. Each message's
    arrival (``time.monotonic``, the same clock in every process) is kept for rates."""

    def __init__(self, latency: float = 0.0) -> None:
        import asyncio

        from aiosmtpd.controller import Controller

        self.lock = threading.Lock()
        self.emails: dict[str, int] = {}
        self.texts: dict[str, int] = {}
        self.sids: dict[str, str] = {}
        self.times: list[float] = []
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
                    sinks.times.append(time.monotonic())
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
                    sinks.times.append(time.monotonic())
                    sid = sinks.sids.setdefault(key, "SM" + uuid.uuid4().hex)
                body = json.dumps({"sid": sid}).encode()
                self.send_response(201)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 512  # four workers' connections arriving at once

            def handle_error(self, request: Any, client_address: Any) -> None:
                if not isinstance(sys.exc_info()[1], ConnectionError):
                    super().handle_error(request, client_address)  # a killed worker's is not

        self.http = Server(("127.0.0.1", 0), Http)
        self.http_port = self.http.server_address[1]
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def reset(self) -> None:
        with self.lock:
            self.emails.clear()
            self.texts.clear()
            self.sids.clear()
            self.times.clear()

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """The emails received by Message-ID and the texts by Idempotency-Key."""
        with self.lock:
            return dict(self.emails), dict(self.texts)

    def arrivals(self) -> list[float]:
        with self.lock:
            return list(self.times)

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
        elif command in ("received", "counts", "arrivals"):
            conn.send(getattr(sinks, command)())
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

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        return self._ask("counts")

    def arrivals(self) -> list[float]:
        return self._ask("arrivals")

    def close(self) -> None:
        self._ask("close")
        self._process.join(timeout=10)


# --- a queue of N notifications ---------------------------------------------------------------


def fill(
    url: str, count: int, rules_text: str, zone: str, run_date: dt.date, per_statement: int = 2
) -> Any:
    """A store at ``url`` with ``count`` queued notifications (``count / per_statement``
    statements: ``per_statement`` is how many channels the rules' level has)."""
    from rulesengine.model import Encounter, Guarantor
    from rulesengine.rules import load_rules_text
    from rulesengine.statements.statement_run import run_statements
    from rulesengine.store import open_store
    from rulesengine.store.base import LedgerData

    statements = count // per_statement
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

    def report(self, count: int, worker_pids: Sequence[int] = (), gone: float = 0.0) -> str:
        """One line; call it while the worker processes still run (``gone``: the CPU seconds
        of worker processes killed meanwhile). Without worker processes the worker is this
        process's main thread."""
        if not self.available:
            return "cpu: not measured (no /proc)"
        wall = time.perf_counter() - self.started
        now = os.times()
        own = (now.user - self.own.user) + (now.system - self.own.system)
        main_thread = time.thread_time() - self.own_thread
        if worker_pids:
            workers = sum(self._pid_cpu(pid) for pid in worker_pids) + gone
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


# --- floors: the plain-Python sender --------------------------------------------------------


def plain_sender(sinks: Any, count: int, connections: int) -> tuple[int, float]:
    """Send ``count`` messages (half email, half text) straight to the sinks, no queue:
    ``connections`` threads per channel (at least one), each with a connection of its own
    (``smtplib``, ``http.client``). What the sinks and loopback allow at their latency with
    that many messages in flight: the floor a worker's rate is set beside. Returns
    (messages, seconds)."""
    per_channel = max(count // 2, 1)
    left = {"email": per_channel, "text": per_channel}
    lock = threading.Lock()

    def take(channel: str) -> bool:
        with lock:
            if left[channel] <= 0:
                return False
            left[channel] -= 1
            return True

    def emails() -> None:
        with smtplib.SMTP("127.0.0.1", sinks.smtp_port, timeout=60) as smtp:
            while take("email"):
                message = f"Message-ID: <{uuid.uuid4().hex}@floor>\r\n\r\nfloor\r\n"
                smtp.sendmail("billing@example.org", ["pat@example.org"], message)

    def texts() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", sinks.http_port, timeout=60)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        try:
            while take("text"):
                conn.request(
                    "POST",
                    "/2010-04-01/Accounts/AC1/Messages.json",
                    body="To=%2B15555550001&From=%2B15555550100&Body=floor",
                    headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
                )
                conn.getresponse().read()
        finally:
            conn.close()

    threads = [
        threading.Thread(target=send)
        for send in (emails, texts)
        for _ in range(max(connections, 1))
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return 2 * per_channel, time.perf_counter() - started


def measure_floor(args: Any, sinks: Any) -> dict[str, float]:
    """The plain-Python sender on at most ``200 x connections`` messages (a few seconds at
    50 ms), printed; the sinks are reset afterwards."""
    connections = max(args.connections, 1)
    sent, seconds = plain_sender(sinks, min(args.count, 200 * connections), connections)
    sinks.reset()
    ideal = 2 * connections / args.latency_ms * 1000 if args.latency_ms else 0.0
    print(
        f"floor: plain-Python sender, {connections} connection(s) per channel: {sent} in"
        f" {seconds:.1f} s = {sent / seconds:,.0f}/s"
        + (f" (at {args.latency_ms:g} ms the most possible is {ideal:,.0f}/s)" if ideal else "")
    )
    return {"plain_sender_per_s": round(sent / seconds), "connections": connections}


# --- worker processes --------------------------------------------------------------------------


def peak_rss_mb(pid: int) -> float | None:
    """A live process's peak resident memory (``VmHWM`` in ``/proc/PID/status``), in MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


class WorkerProcesses:
    """``rulesengine worker`` processes on the store at ``url`` (stderr in ``folder``),
    each started with ``options``; notes when each printed "worker ... started"
    (``ready``, seconds since ``started``: when this object was made unless given) and
    each one's peak RSS before it stops or is killed."""

    def __init__(
        self, url: str, folder: Path, options: Sequence[str], started: float | None = None
    ) -> None:
        self.env = {**os.environ, "RULESENGINE_DB": url, "PYTHONUNBUFFERED": "1"}
        self.folder = folder
        self.options = list(options)
        self.procs: dict[str, subprocess.Popen[str]] = {}
        self.ready: dict[str, float] = {}
        self.peaks: dict[str, float | None] = {}
        self.cpu_of_killed = 0.0
        self.started = time.perf_counter() if started is None else started

    def start(self, *names: str) -> None:
        for name in names:
            with (self.folder / f"{name}.err").open("w") as err:
                proc = subprocess.Popen(
                    [RULESENGINE, "worker", *self.options, "--worker-id", name],
                    env=self.env,
                    stdout=subprocess.PIPE,
                    stderr=err,
                    text=True,
                )
            self.procs[name] = proc
            threading.Thread(target=self._note_ready, args=(name, proc), daemon=True).start()

    def _note_ready(self, name: str, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        if proc.stdout.readline():
            self.ready[name] = time.perf_counter() - self.started
        proc.stdout.read()

    def wait_ready(self, *names: str, limit_s: float = 60) -> None:
        """Wait until each of ``names`` has started; stop when one exited instead."""
        deadline = time.monotonic() + limit_s
        while any(name not in self.ready for name in names):
            for name in names:
                if self.procs[name].poll() is not None:
                    raise SystemExit(f"worker {name} exited early: {self.stderr(name)}")
            if time.monotonic() > deadline:
                raise SystemExit(f"workers not started within {limit_s:g} s")
            time.sleep(0.05)

    def stderr(self, name: str) -> str:
        return (self.folder / f"{name}.err").read_text(errors="replace")[-2000:]

    def pids(self) -> list[int]:
        return [proc.pid for proc in self.procs.values() if proc.poll() is None]

    def _note_peak(self, name: str) -> None:
        self.peaks[name] = peak_rss_mb(self.procs[name].pid)

    def freeze(self, *names: str) -> None:
        """SIGSTOP: the workers change nothing more, their connections stay open."""
        for name in names:
            self.procs[name].send_signal(signal.SIGSTOP)

    def kill(self, *names: str) -> None:
        """SIGKILL: no round finishes, nothing is recorded or cleaned up."""
        for name in names:
            self._note_peak(name)
            self.cpu_of_killed += CpuMeter._pid_cpu(self.procs[name].pid)
            self.procs[name].kill()
            self.procs[name].wait(timeout=30)

    def stop_all(self) -> None:
        """SIGTERM every running worker (its peak RSS noted first) and wait for it."""
        running = [name for name, proc in self.procs.items() if proc.poll() is None]
        for name in running:
            self._note_peak(name)
            self.procs[name].send_signal(signal.SIGTERM)
        for name in running:
            try:
                self.procs[name].wait(timeout=120)
            except subprocess.TimeoutExpired:
                self.procs[name].kill()
                self.procs[name].wait(timeout=30)
                print(f"  worker {name} did not stop within 120 s of SIGTERM: killed")

    def peak_line(self) -> str:
        return "peak RSS per worker: " + ", ".join(
            f"{name} {mb:.0f} MB" if mb is not None else f"{name} (not read)"
            for name, mb in self.peaks.items()
        )

    def peak_json(self) -> dict[str, float | None]:
        return {name: None if mb is None else round(mb) for name, mb in self.peaks.items()}


def worker_options(args: Any, *extra: str) -> list[str]:
    serial = ["--serial"] if args.serial else []
    return ["--poll", "0.2", "--limit", str(args.limit), *serial, *extra]


# --- scenario: throughput -----------------------------------------------------------------------


def throughput(args: Any, sinks: Any, zone: str, run_date: dt.date) -> dict[str, Any]:
    """One worker in-process on SQLite, then 1 and 4 (``--workers``) worker processes on
    PostgreSQL."""
    from rulesengine.queue import Queue

    rules_text = rules_for(sinks, connections=args.connections)
    figures: dict[str, Any] = {"scenario": "throughput", "count": args.count}
    if not args.no_sqlite:
        sinks.reset()
        with tempfile.TemporaryDirectory() as folder:
            store = fill(str(Path(folder) / "bench.db"), args.count, rules_text, zone, run_date)
            meter = CpuMeter()(sinks)
            started = time.perf_counter()
            Queue(store, worker_id="bench", concurrent_channels=not args.serial).deliver(
                until_empty=True, limit=args.limit
            )
            seconds = time.perf_counter() - started
            cpu = meter.report(args.count)
            store.close()
        total, distinct = sinks.received()
        figures["sqlite_1_in_process_per_s"] = round(args.count / seconds)
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
            with tempfile.TemporaryDirectory() as folder:
                meter = CpuMeter()(sinks)
                procs = WorkerProcesses(url, Path(folder), worker_options(args), meter.started)
                procs.start(*(f"w{i}" for i in range(1, workers + 1)))
                samples: list[tuple[float, int]] = []
                seconds = wait_until_done(store, sinks, args.count, limit_s=1800, samples=samples)
                cpu = meter.report(args.count, procs.pids())
                procs.stop_all()
            store.close()
        finally:
            drop_schema(args.pg, schema)
        total, distinct = sinks.received()
        figures[f"pg_{workers}_workers_per_s"] = round(args.count / seconds)
        figures[f"pg_{workers}_workers_peak_rss_mb"] = procs.peak_json()
        print(
            f"PostgreSQL, {workers} worker process(es): {args.count} in {seconds:.1f} s ="
            f" {args.count / seconds:,.0f}/s (received {total}, distinct {distinct})"
        )
        ready = list(procs.ready.values())
        print(
            f"  start-up: workers ready after {', '.join(f'{r:.2f}' for r in sorted(ready))} s;"
            f" from then on: {_steady_rate(samples, max(ready, default=0.0))}"
        )
        print(f"  {procs.peak_line()}")
        print(f"  {cpu}")
    one, four = figures.get("pg_1_workers_per_s"), figures.get("pg_4_workers_per_s")
    if one and four:
        figures["pg_4_over_1"] = round(four / one, 2)
        print(f"four workers / one worker on PostgreSQL: {four / one:.2f}x (target >= 3x)")
    peaks = [
        mb
        for key, value in figures.items()
        if key.endswith("_peak_rss_mb")
        for mb in value.values()
        if mb is not None
    ]
    if peaks:
        print(f"largest worker process peak RSS: {max(peaks):.0f} MB (target < 200 MB)")
    return figures


# --- scenario: crash -----------------------------------------------------------------------------


def in_flight(store: Any, owners: Sequence[str]) -> dict[str, dict[str, int]]:
    """The notifications ``owners`` hold (``sending`` under their lease), by channel:
    ``handed`` (handed to the channel: each may have gone out) and ``claimed`` (not yet)."""
    from sqlalchemy import func, select

    from rulesengine.store.tables import notifications as n

    query = (
        select(n.c.channel, n.c.handed_at.is_not(None), func.count())
        .where(n.c.status == "sending", n.c.lease_owner.in_(list(owners)))
        .group_by(n.c.channel, n.c.handed_at.is_not(None))
    )
    found: dict[str, dict[str, int]] = {"handed": {}, "claimed": {}}
    with store.reading() as conn:
        for channel, handed, count in conn.execute(query):
            found["handed" if handed else "claimed"][channel] = count
    return found


def wait_until_settled(store: Any, limit_s: float) -> float:
    """Seconds until no notification is ``scheduled`` or ``sending`` (polled every 0.5 s)."""
    from sqlalchemy import func, select

    from rulesengine.store.tables import notifications as n

    started = time.perf_counter()
    query = select(func.count()).where(n.c.status.in_(("scheduled", "sending")))
    while time.perf_counter() - started < limit_s:
        with store.reading() as conn:
            if conn.execute(query).scalar_one() == 0:
                return time.perf_counter() - started
        time.sleep(0.5)
    raise SystemExit(f"notifications still scheduled or sending after {limit_s:.0f} s")


def queued_messages(store: Any) -> tuple[list[QueuedMessage], int]:
    """Every notification with the key its sink counts it by (an email's Message-ID, a
    text's idempotency key), and how many texts the lease expiry sent again."""
    from rulesengine_email import message_id
    from sqlalchemy import func, select

    from rulesengine.store.tables import notification_history as h
    from rulesengine.store.tables import notifications as n

    with store.reading() as conn:
        rows = conn.execute(
            select(n.c.id, n.c.channel, n.c.idempotency_key, n.c.status, n.c.reason)
        ).all()
        resends = conn.execute(
            select(func.count()).where(h.c.detail.like("%sent again with the same key%"))
        ).scalar_one()
    return [
        QueuedMessage(
            row.id,
            row.channel,
            message_id(row.idempotency_key) if row.channel == "email" else row.idempotency_key,
            row.status,
            row.reason,
        )
        for row in rows
    ], resends


def crash(args: Any, sinks: Any, zone: str, run_date: dt.date) -> dict[str, Any]:
    """Four workers; two killed once ``--kill-at`` of the notifications were received, two
    others started; the outcome once nothing is scheduled or sending."""
    rules_text = rules_for(sinks, connections=args.connections)
    sinks.reset()
    url, schema = pg_schema_url(args.pg)
    victims = ("w1", "w2")
    try:
        store = fill(url, args.count, rules_text, zone, run_date)
        with tempfile.TemporaryDirectory() as folder:
            meter = CpuMeter()(sinks)
            procs = WorkerProcesses(
                url, Path(folder), worker_options(args, "--lease", f"{args.lease:g}")
            )
            procs.start("w1", "w2", "w3", "w4")
            procs.wait_ready("w1", "w2", "w3", "w4")
            kill_when = int(args.count * args.kill_at)
            deadline = time.monotonic() + 1800
            while sinks.received()[1] < kill_when:
                if time.monotonic() > deadline:
                    raise SystemExit(f"fewer than {kill_when} received within 1800 s")
                time.sleep(0.05)
            # Frozen first, so that what the store says they hold is what they hold when
            # they die.
            procs.freeze(*victims)
            held = in_flight(store, victims)
            received_at_kill = sinks.received()[1]
            procs.kill(*victims)
            killed_after = time.perf_counter() - procs.started
            procs.start("w5", "w6")
            procs.wait_ready("w5", "w6")
            wait_until_settled(store, limit_s=1800)
            seconds = time.perf_counter() - procs.started
            cpu = meter.report(args.count, procs.pids(), procs.cpu_of_killed)
            procs.stop_all()
        queued, resends = queued_messages(store)
        store.close()
    finally:
        drop_schema(args.pg, schema)
    emails, texts = sinks.counts()
    outcome = tally(queued, emails, texts)
    bound = sum(held["handed"].values())
    handed = ", ".join(f"{c} {ch}" for ch, c in sorted(held["handed"].items())) or "none"
    claimed = ", ".join(f"{c} {ch}" for ch, c in sorted(held["claimed"].items())) or "none"
    print(
        f"crash: {args.count} notifications, 4 workers; w1 and w2 killed (SIGKILL) at"
        f" {killed_after:.1f} s with {received_at_kill} received, w5 and w6 started;"
        f" settled after {seconds:.1f} s (lease {args.lease:g} s)"
    )
    print(f"  in flight under w1 and w2 at the kill: handed over {handed}; claimed only {claimed}")
    print(
        f"  end: {', '.join(f'{c} {s}' for s, c in sorted(outcome.by_status.items()))};"
        f" received {outcome.delivered} distinct"
    )
    print(
        f"  duplicates {outcome.duplicates} (target 0), lost {len(outcome.lost)} (target 0),"
        f" unknown {outcome.unknown()} (target <= {bound}, the handed-over ones;"
        f" {outcome.unknown_received} of them did reach the sink),"
        f" texts sent again with the same key {resends}"
        f" ({outcome.provider_dedupes} repeated keys the provider dropped),"
        f" strangers {outcome.strangers}"
    )
    if outcome.lost:
        print(f"  lost ids: {', '.join(str(i) for i in outcome.lost[:20])}")
    print(f"  {procs.peak_line()}")
    print(f"  {cpu}")
    met = not outcome.duplicates and not outcome.lost and outcome.unknown() <= bound
    print(f"  {'met' if met else 'MISSED'}")
    return {
        "scenario": "crash",
        "count": args.count,
        "lease_s": args.lease,
        "killed_after_s": round(killed_after, 1),
        "received_at_kill": received_at_kill,
        "in_flight_at_kill": held,
        "unknown_bound": bound,
        **outcome.as_json(),
        "text_resends": resends,
        "settled_after_s": round(seconds, 1),
        "peak_rss_mb": procs.peak_json(),
        "met": met,
    }


# --- scenario: rate -----------------------------------------------------------------------------


def rate(args: Any, sinks: Any, zone: str, run_date: dt.date) -> dict[str, Any]:
    """Four workers deliver texts only, the text channel at ``max_per_second``."""
    limit = args.max_per_second
    rules_text = rules_for(
        sinks, connections=args.connections, channels=("text",), text_per_second=limit
    )
    sinks.reset()
    url, schema = pg_schema_url(args.pg)
    try:
        store = fill(url, args.count, rules_text, zone, run_date, per_statement=1)
        with tempfile.TemporaryDirectory() as folder:
            meter = CpuMeter()(sinks)
            procs = WorkerProcesses(url, Path(folder), worker_options(args))
            procs.start("w1", "w2", "w3", "w4")
            procs.wait_ready("w1", "w2", "w3", "w4")
            seconds = wait_until_done(store, sinks, args.count, limit_s=1800)
            cpu = meter.report(args.count, procs.pids())
            procs.stop_all()
        store.close()
    finally:
        drop_schema(args.pg, schema)
    arrivals = sinks.arrivals()
    messages, steady_s, per_s = steady_rate(arrivals)
    burst = busiest_second(arrivals)
    ratio = per_s / limit
    print(
        f"rate: {args.count} texts, 4 workers, text channel max_per_second: {limit}:"
        f" all in {seconds:.1f} s; steady part (the middle 80% of arrivals) {messages} in"
        f" {steady_s:.1f} s = {per_s:.1f}/s, {ratio:.2f}x the setting (target 0.90-1.10x);"
        f" busiest second {burst}"
    )
    print(f"  {procs.peak_line()}")
    print(f"  {cpu}")
    return {
        "scenario": "rate",
        "count": args.count,
        "max_per_second": limit,
        "steady_per_s": round(per_s, 1),
        "ratio": round(ratio, 2),
        "busiest_second": burst,
        "seconds": round(seconds, 1),
        "peak_rss_mb": procs.peak_json(),
        "met": abs(ratio - 1) <= 0.1,
    }


# --- the rules this release accepts -----------------------------------------------------------


def check_rules(args: Any, sinks: Any) -> None:
    """Stop before measuring anything when this release's rules loader refuses the
    benchmark's rules (a release whose channels do not take ``connections`` yet)."""
    from rulesengine.errors import RulesError
    from rulesengine.rules import load_rules_text

    text = rules_for(sinks, connections=args.connections, text_per_second=args.max_per_second)
    try:
        load_rules_text(text, filename="bench.yaml")
    except RulesError as error:
        raise SystemExit(
            f"{error}\n--connections 0 leaves `connections` out of the rules"
            " (for a release whose email and text channels do not take it)"
        ) from None


# --- the command ----------------------------------------------------------------------------------

SCENARIOS = {"throughput": throughput, "crash": crash, "rate": rate}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scenario",
        choices=(*SCENARIOS, "all"),
        default="throughput",
        help="what to measure (all: the three in turn)",
    )
    parser.add_argument("--count", type=int, default=20_000, help="notifications to deliver")
    parser.add_argument(
        "--limit", type=int, default=100, help="notifications a worker claims per round (--limit)"
    )
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument(
        "--workers",
        default="1,4",
        help="throughput: PostgreSQL worker counts to run (empty: none)",
    )
    parser.add_argument(
        "--no-sqlite", action="store_true", help="throughput: skip the in-process SQLite worker"
    )
    parser.add_argument(
        "--connections",
        type=int,
        default=32,
        help="the email and text channels' `connections` (messages in flight at once);"
        " 0 leaves the setting out of the rules",
    )
    parser.add_argument(
        "--lease", type=float, default=10.0, help="crash: the workers' --lease, in seconds"
    )
    parser.add_argument(
        "--kill-at",
        type=float,
        default=1 / 3,
        help="crash: the share of notifications received when two workers are killed",
    )
    parser.add_argument(
        "--max-per-second", type=int, default=50, help="rate: the text channel's max_per_second"
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
    print(
        f"sinks: {where}, {args.latency_ms:g} ms per message; channels' connections:"
        f" {args.connections or 'left out'}"
    )
    zone, run_date = midday_zone()
    try:
        check_rules(args, sinks)
        floor = measure_floor(args, sinks)
        for name in SCENARIOS if args.scenario == "all" else (args.scenario,):
            speed = {"before_s": yardstick()}
            figures = SCENARIOS[name](args, sinks, zone, run_date)
            speed["after_s"] = yardstick()
            own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"yardstick (10 million pure-Python additions, best of 3):"
                f" {speed['before_s']:.2f} s before, {speed['after_s']:.2f} s after;"
                f" this process's peak RSS (the sinks"
                f"{' and the in-process worker' if args.sinks == 'thread' else ''})"
                f" {own_peak:.0f} MB"
            )
            print(
                json.dumps(
                    {
                        **figures,
                        "latency_ms": args.latency_ms,
                        "connections": args.connections,
                        "floor": floor,
                        "yardstick_s": speed,
                    }
                )
            )
    finally:
        sinks.close()


if __name__ == "__main__":
    main()
