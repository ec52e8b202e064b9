"""The store: the system of record for the ledger, the batches and (table definitions
only: the queue package alone writes them) the notifications.

:func:`open_store` opens one from a URL; :class:`Store` is the interface every command uses.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from rulesengine.errors import InvalidRequest, StoreError
from rulesengine.model import given
from rulesengine.store.base import (
    SCHEMA_VERSION,
    BatchSummary,
    ImportSummary,
    LedgerData,
    RunInput,
    RunTransaction,
    Store,
    WorklistEntry,
)
from rulesengine.store.connect import create_store_engine, resolve_url
from rulesengine.store.failures import first_line, store_failure
from rulesengine.store.file_access import exposure, warn_once
from rulesengine.store.migrations import ensure_schema
from rulesengine.store.redact import display_url
from rulesengine.store.sql_store import SQLStore

__all__ = [
    "SCHEMA_VERSION",
    "BatchSummary",
    "ImportSummary",
    "LedgerData",
    "RunInput",
    "RunTransaction",
    "Store",
    "WorklistEntry",
    "open_store",
]


def open_store(url: str | None = None) -> SQLStore:
    """Open the store at ``url`` (None: ``RULESENGINE_DB``, else ``./rulesengine.db``).

    ``url`` is a path or ``sqlite:///path`` (SQLite), ``sqlite://`` (in-memory SQLite) or
    ``postgresql://...`` (PostgreSQL through psycopg 3). An empty database gets the schema;
    an older one is upgraded; one written by a newer rulesengine is refused with
    :class:`StoreError`, as is one that cannot be reached. A new SQLite file is created mode
    0600; an existing one other users can read gets a warning saying how to fix it.
    """
    if url is not None and not isinstance(url, str):
        raise InvalidRequest(f"the store's URL must be a str or None, got {given(url)}")
    resolved = resolve_url(url)
    engine = create_store_engine(resolved)
    file = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    exposed = exposure(file) if file and file != ":memory:" else None
    try:
        with engine.connect() as conn:
            conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                ensure_schema(conn)
    except StoreError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        failure = store_failure(exc, resolved, opening=True)
        if failure is not None:
            raise failure from None
        where = display_url(resolved)
        raise StoreError(
            f"cannot open the store {where}: {first_line(exc.orig, resolved)}"
        ) from None
    if file and exposed:
        warn_once(file, exposed)
    return SQLStore(engine, resolved)
