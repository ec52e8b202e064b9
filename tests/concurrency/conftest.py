"""Fixtures for the concurrency proofs: a practice on a fresh PostgreSQL schema whose email
and text channels point at loopback sinks, and the worker processes that deliver it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs
import pytest
import sqlalchemy

from tests.concurrency.harness import (
    PgSchema,
    QueueState,
    SmsSink,
    SmtpSink,
    Stall,
    Workers,
    daytime_zone,
    ledger,
    local_today,
    pg_schema,
    read_queue,
    wait_until,
    write_rules,
)

# The queue tests' fixtures (qstore, recorders, plugin_manager, make_queue), for the
# in-process recovery tests.
from tests.queue.conftest import make_queue, plugin_manager, qstore, recorders  # noqa: F401


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "concurrency: real worker processes against PostgreSQL (deselect with "
        '-m "not concurrency")',
    )
    config.addinivalue_line(
        "markers",
        "stall_first_message(holds=1, channels=('email', 'text')): the practice's sinks hold"
        " their reply to the first message (the first ``holds``, to those channels' sinks)",
    )
    config.addinivalue_line(
        "markers",
        "stall_email(n): the SMTP sink holds its reply to the message after the first n",
    )


@attrs.define
class Practice:
    """One practice's store and sinks, and the workers started on it."""

    pg: PgSchema | SqliteFile
    folder: Path
    rules: Path
    zone: str
    smtp: SmtpSink
    sms: SmsSink
    stall: Stall
    workers: Workers
    engine: sqlalchemy.Engine

    @property
    def url(self) -> str:
        return self.pg.url

    @property
    def run_date(self) -> str:
        return local_today(self.zone).isoformat()

    def configure(
        self,
        *,
        channels: tuple[str, ...] = ("email", "text"),
        email: dict[str, object] | None = None,
        text: dict[str, object] | None = None,
        max_attempts: int = 5,
    ) -> None:
        """Write the rules again (before :meth:`upload`): the level sends on ``channels``,
        ``email`` and ``text`` are more channel settings (``{"connections": 3}``)."""
        write_rules(
            self.rules,
            zone=self.zone,
            smtp_port=self.smtp.port,
            sms_url=self.sms.base_url,
            channels=channels,
            email=email,
            text=text,
            max_attempts=max_attempts,
        )

    def import_ledger(self, guarantors: int) -> None:
        from rulesengine.store import open_store

        store = open_store(self.url)
        try:
            store.import_ledger(ledger(guarantors, self.zone))
        finally:
            store.close()

    def upload(self, guarantors: int) -> int:
        """Import ``guarantors`` and run the live statement run (in this process); returns
        how many notifications it queued."""
        from rulesengine.channels.registry import installed_channel_specs
        from rulesengine.rules import load_rules
        from rulesengine.statements.statement_run import run_statements
        from rulesengine.store import open_store

        self.import_ledger(guarantors)
        rules = load_rules(self.rules, channel_specs=installed_channel_specs())
        store = open_store(self.url)
        try:
            batch = run_statements(store, rules, local_today(self.zone), live=True)
        finally:
            store.close()
        return len(batch.notifications)

    def queue(self) -> QueueState:
        return read_queue(self.engine)

    def wait_until_final(self, timeout: float = 60) -> QueueState:
        """Wait (bounded) until no notification is scheduled or sending."""

        def final() -> QueueState | None:
            state = self.queue()
            return None if state.unfinished() else state

        try:
            return wait_until(final, timeout=timeout, what="every notification to be final")
        except AssertionError as exc:
            raise AssertionError(
                f"{exc}: {dict(self.queue().counts())}\n{self.workers.output()}"
            ) from None


@attrs.frozen
class SqliteFile:
    """A SQLite store file standing in for :class:`PgSchema` (one machine's workers)."""

    url: str

    def engine(self) -> sqlalchemy.Engine:
        return sqlalchemy.create_engine(f"sqlite:///{self.url}")


@contextmanager
def _practice(
    store: PgSchema | SqliteFile, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Practice]:
    """Running sinks and a practice on ``store``; its workers are killed at the end."""
    marker = request.node.get_closest_marker("stall_first_message")
    stall_email = request.node.get_closest_marker("stall_email")
    if stall_email is not None:
        stall = Stall(channels=("email",), skip=stall_email.args[0])
    else:
        stall = Stall(**marker.kwargs) if marker is not None else Stall()
    use_stall = marker is not None or stall_email is not None
    smtp = SmtpSink(stall if use_stall else None).start()
    sms = SmsSink(stall if use_stall else None).start()
    zone = daytime_zone()
    try:
        rules = write_rules(
            tmp_path / "rules.yaml", zone=zone, smtp_port=smtp.port, sms_url=sms.base_url
        )
        if isinstance(store, PgSchema):
            engine = sqlalchemy.create_engine(
                store.url.replace("postgresql://", "postgresql+psycopg://", 1), pool_pre_ping=True
            )
        else:
            engine = store.engine()
        workers = Workers(store.url, tmp_path)
        made = Practice(store, tmp_path, rules, zone, smtp, sms, stall, workers, engine)
        try:
            yield made
        finally:
            stall.release()
            workers.kill_all()
            engine.dispose()
    finally:
        stall.release()
        smtp.stop()
        sms.stop()


@pytest.fixture
def practice(pg_server: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Practice]:
    """A fresh schema and running sinks; its workers are stopped (or killed) at the end."""
    with pg_schema(pg_server) as pg, _practice(pg, tmp_path, request) as made:
        yield made


@pytest.fixture(params=["sqlite-file", "postgresql"])
def any_practice(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Practice]:
    """:func:`practice` on PostgreSQL, and on a SQLite file (the workers of one machine)."""
    if request.param == "postgresql":
        with (
            pg_schema(request.getfixturevalue("pg_server")) as pg,
            _practice(pg, tmp_path, request) as made,
        ):
            yield made
    else:
        store = SqliteFile(str(tmp_path / "store.db"))
        with _practice(store, tmp_path, request) as made:
            yield made
