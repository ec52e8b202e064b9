"""The store a command uses: its ``--db``, else the nearest enclosing group's, else
``RULESENGINE_DB`` or ``./rulesengine.db``; opened for the command, or refused when an
SQLite store file is not there (the command is in the wrong folder or names the wrong store).

The store modules (and sqlalchemy under them) are imported when a command opens its store,
not when ``rulesengine`` starts: start-up time (``rulesengine --help`` stays fast).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from rulesengine.errors import NotFound

if TYPE_CHECKING:
    from rulesengine.queue import Queue
    from rulesengine.store.sql_store import SQLStore

__all__ = [
    "STORE_URL_KEY",
    "open_command_queue",
    "open_command_store",
    "store_exists",
    "store_shown",
    "store_url",
]

#: ``ctx.meta`` key of the store URL a command opened (for messages about its failures).
STORE_URL_KEY = "rulesengine.store_url"


def open_command_store(
    db: str | None, ctx: click.Context | None = None, *, create: bool = False
) -> SQLStore:
    """The store of ``--db`` (or the group's, or ``RULESENGINE_DB``). An SQLite store file
    that does not exist yet is created only when ``create`` (``import``, the worker): any
    other command there is in the wrong folder or names the wrong store, and says so
    instead of reporting on an empty store it just made."""
    from rulesengine.store import open_store  # start-up time: see the module docstring
    from rulesengine.store.redact import display_url

    ctx = ctx or click.get_current_context(silent=True)
    resolved = store_url(db, ctx)
    if ctx is not None:
        ctx.meta[STORE_URL_KEY] = resolved
    if not create and not store_exists(resolved):
        raise NotFound(
            f"no store at {display_url(resolved)}: import a ledger first"
            " (rulesengine import LEDGER_DIR), or name the store with --db or RULESENGINE_DB"
        )
    return open_store(resolved)


@contextmanager
def open_command_queue(
    ctx: click.Context, db: str | None, *, create: bool = False, **kwargs: Any
) -> Iterator[Queue]:
    """An open store and a queue over it, closed at the end (``create``: a missing SQLite
    store file is created, for a worker started before the first import)."""
    from rulesengine.queue import Queue  # start-up time: see the module docstring

    store = open_command_store(db, ctx, create=create)
    try:
        with Queue(store, **kwargs) as queue:
            yield queue
    finally:
        store.close()


def store_url(db: str | None, ctx: click.Context | None = None) -> str:
    """The store URL a command uses: its ``--db``, else the nearest enclosing group's
    (``rulesengine --db X queue show 5``), else ``RULESENGINE_DB`` or ``./rulesengine.db``."""
    from rulesengine.store.connect import resolve_url  # start-up time

    ctx = ctx or click.get_current_context(silent=True)
    parent = ctx.parent if ctx is not None else None
    while db is None and parent is not None:
        db = (parent.params or {}).get("db")
        parent = parent.parent
    return resolve_url(db)


def store_exists(url: str) -> bool:
    """Whether the store ``url`` names is there already (a database server's always is)."""
    from rulesengine.store.connect import sqlite_file  # start-up time

    path = sqlite_file(url)
    return path is None or os.path.lexists(path)


def store_shown(store: Any) -> str:
    """The store's URL as messages show it (every credential masked)."""
    from rulesengine.store.redact import display_url  # start-up time

    return display_url(store.url)
