"""Many real ``rulesengine worker`` processes against one PostgreSQL schema.

The pieces a concurrency proof needs, all on this machine and all bounded in time:

- :func:`pg_schema`: a fresh schema and a store URL whose every connection (ours and the
  child processes') uses it and carries an ``application_name`` of its own, so a test can
  terminate its own connections and no one else's;
- :class:`SmtpSink` (aiosmtpd) and :class:`SmsSink` (a Twilio-shaped HTTP server): loopback
  providers that count every message they receive by its Message-ID or Idempotency-Key
  (a repeated key is counted again, not dropped), can hold the reply to the first ones
  (:class:`Stall`) or to every one for a moment (``hold``), keep the most messages they had
  open at once (:class:`OpenCount`) and, the SMS sink, each post's arrival time and a
  "429 Too Many Requests" for the first ``refuse`` posts;
- :func:`write_rules` and :func:`ledger`: a profile whose email and text channels point at
  the sinks, and ``n`` guarantors who each get one statement by email and by text;
- :class:`Workers`: ``rulesengine worker`` subprocesses with their output in files, stopped
  by SIGTERM (or killed);
- :func:`wait_until`: a bounded wait on a condition read from the database.

Every wait has a limit and every server and process is stopped by the fixture that made it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.parser
import email.policy
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import attrs
import sqlalchemy
from aiosmtpd.controller import Controller

from rulesengine.model import Encounter, Guarantor
from rulesengine.store.base import LedgerData

ROOT = Path(__file__).resolve().parents[2]
RULESENGINE = str(Path(sys.executable).with_name("rulesengine"))
LOOPBACK = "127.0.0.1"
FINAL = ("sent", "error", "canceled", "suppressed", "unknown")
SMS_TOKEN_ENV = "RULESENGINE_CONCURRENCY_SMS_TOKEN"
#: How long a stalled sink holds its reply at most (the test normally kills the sender first).
STALL_LIMIT = 60.0


# -- waiting ------------------------------------------------------------------------------------


def wait_until(
    condition: Callable[[], Any], *, timeout: float, what: str, every: float = 0.1
) -> Any:
    """Return ``condition()``'s first true value; fail saying ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout:g} s waiting for {what}")
        time.sleep(every)


# -- PostgreSQL -----------------------------------------------------------------------------------


def _driver(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


@attrs.frozen
class PgSchema:
    """A schema of this test's own: ``url`` is what ``RULESENGINE_DB`` gets."""

    server: str
    schema: str
    url: str
    application_name: str

    def engine(self) -> sqlalchemy.Engine:
        """An engine on the schema (for the test's own reads)."""
        return sqlalchemy.create_engine(_driver(self.url))

    def terminate_connections(self) -> int:
        """Terminate every server connection of this schema's ``application_name`` (the
        workers', the runs', the test's own pooled ones); returns how many."""
        admin = sqlalchemy.create_engine(_driver(self.server))
        try:
            with admin.begin() as conn:
                return len(
                    conn.execute(
                        sqlalchemy.text(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE application_name = :name AND pid <> pg_backend_pid()"
                        ),
                        {"name": self.application_name},
                    ).all()
                )
        finally:
            admin.dispose()


@contextmanager
def pg_schema(server: str) -> Iterator[PgSchema]:
    """A fresh schema on ``server``, dropped afterwards (its connections terminated first)."""
    schema = f"c_{uuid.uuid4().hex[:16]}"
    app = f"rulesengine-test-{schema}"
    admin = sqlalchemy.create_engine(_driver(server))
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in server else "?"
    url = (
        f"{server}{separator}options={quote(f'-csearch_path={schema}')}"
        f"&application_name={quote(app)}"
    )
    made = PgSchema(server, schema, url, app)
    try:
        yield made
    finally:
        made.terminate_connections()
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


# -- sinks --------------------------------------------------------------------------------------


class Stall:
    """Hold the reply to the first ``holds`` messages a sink receives (after counting them;
    only messages to the sinks of ``channels``, default both; with ``skip``, the first after
    ``skip`` others) until :meth:`release`, at most :data:`STALL_LIMIT` seconds. ``caught``
    is set once it holds all of them; ``key`` is the first one's key, ``keys`` all of them."""

    def __init__(
        self, holds: int = 1, channels: tuple[str, ...] = ("email", "text"), skip: int = 0
    ) -> None:
        self.caught = threading.Event()
        self.released = threading.Event()
        self._lock = threading.Lock()
        self.holds = holds
        self.channels = channels
        self._skip = skip
        self.keys: list[str] = []
        self.key: str | None = None

    def take(self, key: str, channel: str) -> bool:
        """Whether this message is one to hold (the first ``holds`` ones only)."""
        if channel not in self.channels:
            return False
        with self._lock:
            if len(self.keys) >= self.holds:
                return False
            if self._skip:
                self._skip -= 1
                return False
            self.keys.append(key)
            self.key = self.keys[0]
            if len(self.keys) == self.holds:
                self.caught.set()
        return True

    def release(self) -> None:
        self.released.set()


class _Counts:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.by_key: Counter[str] = Counter()

    def add(self, key: str) -> None:
        with self._lock:
            self.by_key[key] += 1

    def snapshot(self) -> Counter[str]:
        with self._lock:
            return Counter(self.by_key)


class OpenCount:
    """How many messages a sink is answering right now, and the most it ever did at once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.now = 0
        self.most = 0

    def __enter__(self) -> OpenCount:
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self.now -= 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


class SmtpSink:
    """An aiosmtpd server on 127.0.0.1 counting messages by Message-ID. Each reply waits
    ``hold`` seconds (a provider's latency; set it before the first message); ``open``
    counts the messages whose reply is pending (from the end of DATA to the reply)."""

    def __init__(self, stall: Stall | None = None) -> None:
        self.counts = _Counts()
        self.stall = stall
        self.hold = 0.0
        self.open = OpenCount()
        self.port = _free_port()
        self._controller = Controller(self, hostname=LOOPBACK, port=self.port, ready_timeout=5)

    def start(self) -> SmtpSink:
        self._controller.start()
        return self

    def stop(self) -> None:
        if self.stall is not None:
            self.stall.release()
        self._controller.stop()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        headers = email.parser.BytesHeaderParser(policy=email.policy.default).parsebytes(raw)
        key = str(headers["Message-ID"])
        self.counts.add(key)
        with self.open:
            if self.stall is not None and self.stall.take(key, "email"):
                loop = asyncio.get_running_loop()
                await loop.run_in_executor(None, self.stall.released.wait, STALL_LIMIT)
            if self.hold:
                await asyncio.sleep(self.hold)
        return "250 2.0.0 queued"


class SmsSink(ThreadingHTTPServer):
    """A Twilio-shaped Messages API on 127.0.0.1 counting posts by Idempotency-Key.

    Set before the first post: ``hold``, seconds each reply waits (``open`` counts the posts
    being answered); ``refuse``, how many of the first posts are answered "429 Too Many
    Requests" with ``Retry-After: 1`` (counted in ``refused``, not in ``counts``: the
    provider did not take them). ``arrivals`` holds every post's arrival (monotonic clock).
    """

    daemon_threads = True
    #: Connections waiting to be accepted: four workers open eight each at once (the text
    #: channel's pool), and a provider's backlog is large (the default 5 resets them).
    request_queue_size = 128

    def __init__(self, stall: Stall | None = None) -> None:
        super().__init__((LOOPBACK, 0), _SmsHandler)
        self.counts = _Counts()
        self.refused = _Counts()
        self.stall = stall
        self.hold = 0.0
        self.open = OpenCount()
        self.refuse = 0
        self.arrivals: list[float] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.server_address[1]}"

    def start(self) -> SmsSink:
        self._thread.start()
        return self

    def arrived(self) -> bool:
        """Note a post's arrival; whether to refuse it (one of the first ``refuse``)."""
        with self._lock:
            self.arrivals.append(time.monotonic())
            if self.refuse:
                self.refuse -= 1
                return True
            return False

    def stop(self) -> None:
        if self.stall is not None:
            self.stall.release()
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=10)


class _SmsHandler(BaseHTTPRequestHandler):
    server: SmsSink

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        key = self.headers.get("Idempotency-Key") or "(none)"
        sink = self.server
        if sink.arrived():
            sink.refused.add(key)
            self._reply(429, {"code": 20429, "message": "Too Many Requests"}, retry_after="1")
            return
        sink.counts.add(key)
        with sink.open:
            stall = sink.stall
            if stall is not None and stall.take(key, "text"):
                stall.released.wait(STALL_LIMIT)
            if sink.hold:
                time.sleep(sink.hold)
        self._reply(201, {"sid": f"SM{uuid.uuid4().hex}", "status": "queued"})

    def _reply(self, status: int, answer: dict[str, Any], retry_after: str | None = None) -> None:
        body = json.dumps(answer).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            if retry_after is not None:
                self.send_header("Retry-After", retry_after)
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the sender is gone (killed while we held the reply)


# -- the practice -------------------------------------------------------------------------------


def daytime_zone(now: dt.datetime | None = None) -> str:
    """A fixed-offset zone where it is now around noon, so the text window (08:00-21:00)
    is open for the whole test whatever the hour of the machine."""
    hour = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).hour
    offset = 12 - hour  # -11 .. +12
    if offset == 0:
        return "Etc/GMT"
    return f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"  # POSIX signs are inverted


def local_today(zone: str) -> dt.date:
    return dt.datetime.now(ZoneInfo(zone)).date()


RULES = """\
rulesengine: 1
profile:
  id: {profile}
  name: Concurrency proof
  practice: Riverside Family Medicine
  phone: "+1 555 555 0199"
  timezone: {zone}
  pay_link: "https://pay.example.org/q/{{token}}"
  due_days: 21
eligibility:
  min_statement_balance: 5.00
  cycle_days: 28
dunning:
  no_limit: false
  levels:
    - message: reminder
      channels: [{level_channels}]
payments:
  rules:
    - name: adequate
      when: payment.amount > 0
      then: reset_to_zero
grouping:
  one_statement_per: guarantor
  also_by: []
  include_maxed_encounters: true
pre_collections:
  return_on_reset: true
  clear_on_zero_balance: true
messages:
  reminder:
    email:
      subject: "{subject}"
      body: |
        Hello {{{{ guarantor.first_name }}}}, your balance of {{{{ statement.total | money }}}}
        is due by {{{{ statement.due_date }}}}. Pay online: {{{{ pay_link }}}}
    text: "{{{{ practice }}}}: a new statement is ready. Pay: {{{{ pay_link }}}}"
channels:
  email:
    smtp_host: {host}
    smtp_port: {smtp_port}
    starttls: false
    from: billing@riverside.example.org
{email_extra}  text:
    base_url: {sms_url}
    account_sid: AC0123456789
    token_env: {token_env}
    from: "+15555550100"
{text_extra}delivery:
  max_attempts: {max_attempts}
  backoff: [1]
"""


def write_rules(
    path: Path,
    *,
    zone: str,
    smtp_port: int,
    sms_url: str,
    profile: str = "concurrency",
    subject: str = "Your statement",
    channels: Sequence[str] = ("email", "text"),
    email: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    max_attempts: int = 5,
) -> Path:
    """A rules file: one level, email and text (``channels``) to the loopback sinks, no
    email window; ``email`` and ``text`` are more settings of those channels (such as
    ``{"connections": 3}`` or ``{"max_per_second": 20}``)."""
    path.write_text(
        RULES.format(
            profile=profile,
            level_channels=", ".join(channels),
            email_extra=_settings_lines(email),
            text_extra=_settings_lines(text),
            max_attempts=max_attempts,
            zone=zone,
            host=LOOPBACK,
            smtp_port=smtp_port,
            sms_url=sms_url,
            token_env=SMS_TOKEN_ENV,
            subject=subject,
        ),
        encoding="utf-8",
    )
    return path


def _settings_lines(settings: Mapping[str, object] | None) -> str:
    """``settings`` as lines of a channel's block in :data:`RULES` (numbers and words only)."""
    return "".join(f"    {key}: {value}\n" for key, value in (settings or {}).items())


def ledger(n: int, zone: str) -> LedgerData:
    """``n`` guarantors with one visit each, an email address and a mobile number."""
    service = local_today(zone) - dt.timedelta(days=10)
    return LedgerData(
        guarantors=[
            Guarantor(
                id=f"G{i:04d}",
                first_name="Ada",
                last_name=f"G{i:04d}",
                email=f"g{i:04d}@example.org",
                mobile=f"+1555555{i:04d}",
                timezone=zone,
            )
            for i in range(n)
        ],
        encounters=[
            Encounter(f"E{i:04d}", f"G{i:04d}", f"P{i:04d}", service, 10_000 + i) for i in range(n)
        ],
    )


# -- worker processes ---------------------------------------------------------------------------


def child_env(url: str, **extra: str) -> dict[str, str]:
    """The environment of a ``rulesengine`` child: the store, the SMS token, no CI noise."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RULESENGINE_")}
    env.update({"RULESENGINE_DB": url, SMS_TOKEN_ENV: "sink-token", "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return env


@attrs.define
class Worker:
    """One ``rulesengine worker`` process; its stdout and stderr go to files."""

    name: str
    proc: subprocess.Popen[bytes]
    out: Path
    err: Path

    def ready(self, timeout: float = 30) -> Worker:
        """Wait (bounded) for the worker's "started" line: its signal handlers are set."""

        def started() -> bool:
            if self.proc.poll() is not None:
                raise AssertionError(f"{self.name} exited early\n{self.output()}")
            return self.out.read_text(errors="replace").startswith(f"worker {self.name} started")

        wait_until(started, timeout=timeout, what=f"{self.name} to start", every=0.05)
        return self

    def output(self) -> str:
        return (
            f"--- {self.name} stdout\n{self.out.read_text(errors='replace')}"
            f"--- {self.name} stderr\n{self.err.read_text(errors='replace')}"
        )


@attrs.define
class Workers:
    """Starts ``rulesengine worker`` processes in ``folder``; :meth:`stop_all` ends them."""

    url: str
    folder: Path
    started: list[Worker] = attrs.field(factory=list)

    def start(
        self,
        name: str,
        *args: str,
        env: Mapping[str, str] | None = None,
        poll: float = 0.2,
    ) -> Worker:
        out, err = self.folder / f"{name}.out", self.folder / f"{name}.err"
        command = [RULESENGINE, "worker", "--poll", str(poll), "--worker-id", name, *args]
        with out.open("wb") as stdout, err.open("wb") as stderr:
            proc = subprocess.Popen(
                command,
                cwd=self.folder,
                env=child_env(self.url, **(env or {})),
                stdout=stdout,
                stderr=stderr,
            )
        worker = Worker(name, proc, out, err)
        self.started.append(worker)
        return worker

    def start_many(self, count: int, *args: str, prefix: str = "w") -> list[Worker]:
        """Start ``count`` workers at once and wait until each one is ready."""
        started = [self.start(f"{prefix}{i}", *args) for i in range(1, count + 1)]
        return [worker.ready() for worker in started]

    def kill(self, worker: Worker) -> None:
        """SIGKILL: no round finishes, nothing is cleaned up."""
        worker.proc.kill()
        worker.proc.wait(timeout=10)

    def stop(self, worker: Worker, timeout: float = 30, *, signalled: bool = False) -> int:
        """SIGTERM (once), then wait (bounded) for the worker to finish its round and exit."""
        if not signalled and worker.proc.poll() is None:
            worker.proc.send_signal(signal.SIGTERM)
        try:
            return worker.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            worker.proc.kill()
            worker.proc.wait(timeout=10)
            raise AssertionError(
                f"{worker.name} did not stop within {timeout:g} s of SIGTERM\n{worker.output()}"
            ) from None

    def stop_all(self) -> dict[str, int]:
        """Stop every running worker with SIGTERM; their exit codes by name."""
        for worker in self.started:
            if worker.proc.poll() is None:
                worker.proc.send_signal(signal.SIGTERM)
        return {w.name: self.stop(w, signalled=True) for w in self.started}

    def kill_all(self) -> None:
        for worker in self.started:
            if worker.proc.poll() is None:
                worker.proc.kill()
                worker.proc.wait(timeout=10)

    def output(self) -> str:
        return "\n".join(w.output() for w in self.started)


def run_cli(
    url: str, *args: str, cwd: Path, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``rulesengine ARGS`` on the store, to completion (bounded)."""
    return subprocess.run(
        [RULESENGINE, *args],
        cwd=cwd,
        env=child_env(url),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start_cli(url: str, *args: str, cwd: Path) -> subprocess.Popen[str]:
    """``rulesengine ARGS`` on the store, started and not waited for."""
    return subprocess.Popen(
        [RULESENGINE, *args],
        cwd=cwd,
        env=child_env(url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# -- reading the queue --------------------------------------------------------------------------


@attrs.frozen
class QueueState:
    """The queue as the test sees it: every notification's status, key and hand-offs."""

    status: Mapping[int, str]
    key: Mapping[int, str]
    channel: Mapping[int, str]
    claims: Mapping[int, int]  # scheduled -> sending entries in the history, per notification
    handed: Mapping[int, bool]

    def counts(self) -> Counter[str]:
        return Counter(self.status.values())

    def unfinished(self) -> list[int]:
        return [nid for nid, status in self.status.items() if status not in FINAL]


def read_queue(engine: sqlalchemy.Engine) -> QueueState:
    with engine.connect() as conn:
        rows = conn.execute(
            sqlalchemy.text(
                "SELECT id, status, idempotency_key, channel, handed_at IS NOT NULL "
                "FROM notifications ORDER BY id"
            )
        ).all()
        claims = dict(
            conn.execute(
                sqlalchemy.text(
                    "SELECT notification_id, count(*) FROM notification_history "
                    "WHERE old_status = 'scheduled' AND new_status = 'sending' "
                    "GROUP BY notification_id"
                )
            ).all()
        )
    return QueueState(
        status={r[0]: r[1] for r in rows},
        key={r[0]: r[2] for r in rows},
        channel={r[0]: r[3] for r in rows},
        claims={r[0]: claims.get(r[0], 0) for r in rows},
        handed={r[0]: bool(r[4]) for r in rows},
    )


def details(engine: sqlalchemy.Engine, notification_id: int) -> list[str]:
    """A notification's history as ``old -> new: detail`` lines, oldest first (for a failing
    test's message)."""
    with engine.connect() as conn:
        return [
            f"{r[0]} -> {r[1]}: {r[2]}"
            for r in conn.execute(
                sqlalchemy.text(
                    "SELECT old_status, new_status, detail FROM notification_history "
                    "WHERE notification_id = :id ORDER BY id"
                ),
                {"id": notification_id},
            )
        ]


def history(engine: sqlalchemy.Engine, notification_id: int) -> list[tuple[str | None, str]]:
    """A notification's (old, new) status pairs, oldest first: a live batch's notification
    holds its first entry itself (``first_status``), the later ones are history rows."""
    with engine.connect() as conn:
        first = conn.execute(
            sqlalchemy.text(
                "SELECT first_status FROM notifications WHERE id = :id AND first_status IS NOT NULL"
            ),
            {"id": notification_id},
        ).scalar()
        later = conn.execute(
            sqlalchemy.text(
                "SELECT old_status, new_status FROM notification_history "
                "WHERE notification_id = :id ORDER BY id"
            ),
            {"id": notification_id},
        )
        return [*([] if first is None else [(None, first)]), *((r[0], r[1]) for r in later)]


def sink_key(channel: str, idempotency_key: str) -> str:
    """The key a sink counts a notification's message under."""
    if channel == "email":
        from rulesengine_email import message_id

        return message_id(idempotency_key)
    return idempotency_key


def received(state: QueueState, smtp: SmtpSink, sms: SmsSink) -> dict[int, int]:
    """How many times the sinks received each notification's message."""
    email_counts, sms_counts = smtp.counts.snapshot(), sms.counts.snapshot()
    out = {}
    for nid, channel in state.channel.items():
        counts = email_counts if channel == "email" else sms_counts
        out[nid] = counts.get(sink_key(channel, state.key[nid]), 0)
    return out


def strangers(state: QueueState, smtp: SmtpSink, sms: SmsSink) -> list[str]:
    """Keys the sinks received that belong to no notification."""
    known = {sink_key(state.channel[n], state.key[n]) for n in state.status}
    seen = set(smtp.counts.snapshot()) | set(sms.counts.snapshot())
    return sorted(seen - known)


def ids_of(items: Sequence[int]) -> str:
    return ", ".join(str(i) for i in items[:20]) + (" ..." if len(items) > 20 else "")


def claimed_by(practice: Any) -> Counter[str]:
    """How many claims each worker made (from the history's "attempt N of M by W")."""
    with practice.engine.connect() as conn:
        details = conn.execute(
            sqlalchemy.text(
                "SELECT detail FROM notification_history "
                "WHERE old_status = 'scheduled' AND new_status = 'sending'"
            )
        ).scalars()
        return Counter(str(d).rsplit(" by ", 1)[-1] for d in details)


@contextmanager
def run_lock_held(engine: sqlalchemy.Engine, profile: str) -> Iterator[None]:
    """Hold a profile's run lock (its ``profiles`` row, FOR UPDATE) until the block ends, so
    runs started meanwhile all queue up on it and race the moment it is released."""
    with engine.connect() as conn:
        with conn.begin():
            conn.execute(
                sqlalchemy.text("INSERT INTO profiles (id) VALUES (:p) ON CONFLICT DO NOTHING"),
                {"p": profile},
            )
        trans = conn.begin()
        try:
            conn.execute(
                sqlalchemy.text("SELECT id FROM profiles WHERE id = :p FOR UPDATE"), {"p": profile}
            ).one()
            yield
        finally:
            trans.rollback()


def waiting_on_locks(pg: PgSchema, engine: sqlalchemy.Engine) -> int:
    """How many of the schema's connections are waiting for a row lock."""
    with engine.connect() as conn:
        return int(
            conn.execute(
                sqlalchemy.text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE application_name = :name AND wait_event_type = 'Lock'"
                ),
                {"name": pg.application_name},
            ).scalar_one()
        )
