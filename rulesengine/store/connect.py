"""From a store URL to a configured SQLAlchemy engine.

Accepted forms: ``None`` (``RULESENGINE_DB``, else ``./rulesengine.db``), a plain path or
``sqlite:///path`` (an SQLite file), ``sqlite://`` (an in-memory SQLite database shared by
every connection of the store), ``postgresql://...`` (PostgreSQL through psycopg 3).
Refused, each with how to write it instead: SQLite URI file names (``file:x.db?mode=ro``)
and SQLite URLs with options or a host part (every command may write the store, so it is
never opened read-only), and URLs that do not parse (a port that is not a number).

SQLite connections run in WAL mode with ``synchronous=NORMAL``, foreign keys on and a busy
timeout. Transactions are begun by us, not by the driver (SQLAlchemy's pysqlite recipe), so
a write can start with ``BEGIN IMMEDIATE``: connections whose execution option
``sqlite_begin`` is ``"IMMEDIATE"`` take the database's write lock at once.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
from typing import Any
from urllib.parse import unquote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from rulesengine.errors import StoreError
from rulesengine.store.file_access import check_store_path
from rulesengine.store.redact import display_url

__all__ = [
    "BUSY_TIMEOUT_SECONDS",
    "DEFAULT_URL",
    "PAGE_CACHE_KIB",
    "PAGE_CACHE_PRAGMA",
    "copy_schema_template",
    "create_store_engine",
    "is_memory_url",
    "resolve_url",
    "sqlite_file",
]

DEFAULT_URL = "./rulesengine.db"
#: How long an SQLite connection waits for another writer (a concurrent live run) to finish.
BUSY_TIMEOUT_SECONDS = 60
#: SQLite page cache per connection (SQLite's default is 2 MiB). A large batch's commit
#: inserts into several indexes at random positions; with a small cache each insert
#: rereads B-tree pages from the file. Only what is used is allocated.
PAGE_CACHE_KIB = 65536
#: The statement that sets it (a constant: a pragma's value cannot be a bound parameter).
PAGE_CACHE_PRAGMA = "PRAGMA cache_size=-65536"
_BEGIN_MODES = {"": "BEGIN", "DEFERRED": "BEGIN DEFERRED", "IMMEDIATE": "BEGIN IMMEDIATE"}


def resolve_url(url: str | None) -> str:
    """The URL to open: ``url``, else ``RULESENGINE_DB``, else ``./rulesengine.db``."""
    if url is None or not url.strip():
        url = os.environ.get("RULESENGINE_DB") or DEFAULT_URL
    return url.strip()


def is_memory_url(url: str) -> bool:
    """Whether ``url`` names an in-memory SQLite store (``sqlite://``)."""
    try:
        sa_url = make_url(url)
    except (ArgumentError, ValueError):
        return False
    return sa_url.get_backend_name() == "sqlite" and sa_url.database in (None, "", ":memory:")


def sqlite_file(url: str) -> str | None:
    """The absolute path of the SQLite store file ``url`` names (None: in memory, or
    not SQLite). Raises :class:`StoreError` for a URL rulesengine does not take."""
    sa_url = _sqlalchemy_url(url)
    if sa_url.get_backend_name() != "sqlite" or sa_url.database in (None, "", ":memory:"):
        return None
    return os.path.abspath(sa_url.database)


def create_store_engine(url: str) -> Engine:
    """An engine for a store URL (see the module docstring).

    A new SQLite store file is created mode 0600 first (:mod:`rulesengine.store.file_access`).
    """
    sa_url = _sqlalchemy_url(url)
    if sa_url.get_backend_name() == "sqlite":
        return _sqlite_engine(sa_url, url)
    return create_engine(sa_url, pool_pre_ping=True)


_FORMS = (
    "write a path, sqlite:///path, sqlite:// (in memory) or postgresql://USER@HOST:PORT/DATABASE"
)


def _sqlalchemy_url(url: str) -> URL:
    if url[:5].lower() == "file:":
        raise StoreError(
            f"{url!r} is an SQLite URI file name, which rulesengine does not take"
            " (every command may write the store); give the store's path"
            f" ({_uri_path(url)}) or sqlite:///path. To look at a store without risk,"
            ' work on a copy: sqlite3 STORE ".backup copy.db"'
        )
    if "://" not in url:
        path = os.path.expanduser(url)
        return URL.create("sqlite+pysqlite", database=os.path.abspath(path))
    try:
        sa_url = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a store URL: {display_url(url)!r}; {_FORMS}") from None
    except ValueError:
        raise StoreError(
            f"not a store URL: {display_url(url)!r}: {_bad_port(url)}; {_FORMS}"
        ) from None
    backend = sa_url.get_backend_name()
    if backend == "sqlite":
        if url.rstrip().endswith(":///"):
            # sqlite:/// names a file with no name; a store that vanishes with the process
            # (sqlite://, for tests) is never what that meant.
            raise StoreError(
                f"{url!r} names no file: write sqlite:///path/to/store.db (or just the path)"
            )
        if sa_url.host or sa_url.username or sa_url.port:
            # sqlite://x.db parses as host "x.db" and no file: an in-memory store.
            raise StoreError(
                f"{display_url(url)!r} has a host part, so it names no file: write"
                " sqlite:///path/to/store.db (three slashes; four for an absolute path)"
                " or just the path"
            )
        if sa_url.query:
            raise StoreError(
                f"{display_url(url)!r}: SQLite store URLs take no options"
                f" (?{'&'.join(sorted(sa_url.query))}); write sqlite:///path/to/store.db."
                " rulesengine sets the SQLite options itself, and does not open stores"
                " read-only (every command may write the store)"
            )
        return sa_url.set(drivername="sqlite+pysqlite")
    if backend in ("postgresql", "postgres"):
        return sa_url.set(drivername="postgresql+psycopg")
    raise StoreError(
        f"unsupported store URL {display_url(url)!r}: "
        "use a path, sqlite:///path, sqlite:// (in memory) or postgresql://..."
    )


def _uri_path(uri: str) -> str:
    """The path of an SQLite URI file name (``file:x.db?mode=ro`` -> ``x.db``)."""
    path = uri[5:].split("?", 1)[0].split("#", 1)[0]
    if path.startswith("//"):
        path = path[2:].partition("/")[2]
        path = "/" + path
    return unquote(path) or "PATH"


def _bad_port(url: str) -> str:
    """What is wrong with the port of a URL SQLAlchemy could not read."""
    netloc = url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0]
    hostport = netloc.rpartition("@")[2]
    if hostport.startswith("[") and "]" not in hostport:
        return "its IPv6 address has no closing ']'"
    port = hostport.rpartition("]")[2].partition(":")[2]
    return f"the port {port!r} is not a number from 1 to 65535"


def _sqlite_engine(sa_url: URL, shown: str) -> Engine:
    in_memory = sa_url.database in (None, "", ":memory:")
    kwargs: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT_SECONDS}}
    if in_memory:
        sa_url = sa_url.set(database=":memory:")
        kwargs["poolclass"] = StaticPool
        kwargs["connect_args"]["check_same_thread"] = False
        kwargs["creator"] = _memory_database
    elif sa_url.database:
        check_store_path(sa_url.database, shown)
    engine = create_engine(sa_url, **kwargs)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(PAGE_CACHE_PRAGMA)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(_BEGIN_MODES[mode])

    return engine


# --- in-memory stores start as a copy of a ready schema -----------------------------------

_template_lock = threading.Lock()
_template: sqlite3.Connection | None = None


def _memory_database() -> sqlite3.Connection:
    """A new in-memory database holding an empty, current schema.

    Scenario files open one in-memory store each; copying a schema built once per process
    (SQLite's backup API) costs a fraction of creating the tables every time.
    """
    connection = sqlite3.connect(":memory:", timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
    copy_schema_template(connection)
    return connection


def copy_schema_template(connection: sqlite3.Connection) -> None:
    """Make an in-memory database an empty store of the current schema (whatever it held),
    with a pay-link key of its own."""
    _schema_template().backup(connection)
    connection.execute("UPDATE meta SET value = ? WHERE key = 'secret'", (secrets.token_hex(32),))
    connection.commit()


def _schema_template() -> sqlite3.Connection:
    global _template
    with _template_lock:
        if _template is None:
            from rulesengine.store.migrations import ensure_schema

            template = sqlite3.connect(":memory:", check_same_thread=False)
            engine = create_engine("sqlite://", creator=lambda: template, poolclass=StaticPool)
            with engine.begin() as conn:
                ensure_schema(conn)
            _template = template
        return _template
