"""Fixtures for the concurrency proofs: a practice on a fresh PostgreSQL schema whose email
and text channels point at loopback sinks, and the worker processes that deliver it."""

from __future__ import annotations

from collections.abc import Iterator
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
        "stall_first_message: the practice's sinks hold their reply to the first message",
    )
    config.addinivalue_line(
        "markers",
        "stall_email(n): the SMTP sink holds its reply to the message after the first n",
    )


@attrs.define
class Practice:
    """One practice's store and sinks, and the workers started on it."""

    pg: PgSchema
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


@pytest.fixture
def practice(pg_server: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Practice]:
    """A fresh schema and running sinks; its workers are stopped (or killed) at the end."""
    use_stall = request.node.get_closest_marker("stall_first_message") is not None
    stall_email = request.node.get_closest_marker("stall_email")
    stall = Stall(skip=stall_email.args[0] if stall_email else 0)
    smtp = SmtpSink(stall if use_stall or stall_email else None).start()
    sms = SmsSink(stall if use_stall else None).start()
    zone = daytime_zone()
    try:
        with pg_schema(pg_server) as pg:
            rules = write_rules(
                tmp_path / "rules.yaml", zone=zone, smtp_port=smtp.port, sms_url=sms.base_url
            )
            engine = sqlalchemy.create_engine(
                pg.url.replace("postgresql://", "postgresql+psycopg://", 1), pool_pre_ping=True
            )
            workers = Workers(pg.url, tmp_path)
            made = Practice(pg, tmp_path, rules, zone, smtp, sms, stall, workers, engine)
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
