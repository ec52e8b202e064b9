"""Fixtures for the queue tests: a real store on SQLite (a file) and PostgreSQL with the
small queue ledger, recording channels, a plugin manager for observers, a queue factory."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.queue.helpers import QUEUE_STORES, RecordingChannel, ledger


@pytest.fixture(params=QUEUE_STORES)
def qstore(request: pytest.FixtureRequest, store_url_for: Any) -> Iterator[Any]:
    """A fresh store with the small queue ledger, on SQLite (a file) and PostgreSQL."""
    from rulesengine.store import open_store

    store = open_store(store_url_for(request.param))
    store.import_ledger(ledger())
    yield store
    store.close()


@pytest.fixture
def recorders() -> dict[str, RecordingChannel]:
    return {
        "email": RecordingChannel("email", "email"),
        "text": RecordingChannel("text", "mobile"),
        "print": RecordingChannel("print", "postal"),
    }


@pytest.fixture
def plugin_manager() -> Any:
    """A plugin manager with no installed plugins (observers are registered by tests)."""
    import pluggy

    from rulesengine.channels import hookspecs

    pm = pluggy.PluginManager("rulesengine")
    pm.add_hookspecs(hookspecs)
    return pm


@pytest.fixture
def make_queue(
    qstore: Any, recorders: dict[str, RecordingChannel], plugin_manager: Any
) -> Iterator[Any]:
    """``make_queue(**kw)``: a Queue on the test store with the recording channels (closed
    at the end of the test)."""
    from rulesengine.queue import Queue

    made: list[Queue] = []

    def make(**kw: Any) -> Queue:
        kw.setdefault("channels", recorders)
        kw.setdefault("pm", plugin_manager)
        kw.setdefault("worker_id", "w1")
        made.append(Queue(qstore, **kw))
        return made[-1]

    yield make
    for queue in made:
        queue.close()
