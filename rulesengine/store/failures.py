"""Database failures that are the machine's or the user's doing, as messages that say how
to fix them.

A read-only store file, a store another process keeps locked, a full disk, a damaged file,
a file that is not a store, a database server that went away or a role without a
privilege are not bugs in rulesengine: :func:`store_failure` turns the driver's error into
a :class:`~rulesengine.errors.StoreError` (exit 1) without SQL text, parameters or
credentials. Anything else stays what it is (a bug, exit 3).
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from rulesengine.errors import StoreError
from rulesengine.store.connect import BUSY_TIMEOUT_SECONDS
from rulesengine.store.redact import display_url, redact

__all__ = ["first_line", "store_failure"]

#: PostgreSQL SQLSTATE classes and codes that are the server's or the setup's doing.
_PG_FIXES = {
    "08": "check that the database server is up and reachable, then run the command again",
    "53": "the database server is out of a resource (disk, memory or connections); ask its"
    " administrator, then run the command again",
    "57": "the database server is shutting down or starting; run the command again when it is up",
    "42501": "grant the database role what docs/deployment.md lists (SELECT, INSERT, UPDATE,"
    " DELETE on the store's tables; CREATE on its schema for the first start)",
    "25006": "the server is a read-only replica; give the URL of the primary",
    "3D000": "create the database first, or correct its name in the URL",
    "3F000": "the schema of the URL's search_path does not exist or this role may not use it;"
    " create it (CREATE SCHEMA name AUTHORIZATION role) or GRANT USAGE, CREATE ON SCHEMA name"
    " TO role",
    "28000": "check the user name and the password (PGPASSWORD or ~/.pgpass)",
    "28P01": "check the user name and the password (PGPASSWORD or ~/.pgpass)",
}


def first_line(error: BaseException | None, url: str | URL | None = None) -> str:
    """The first line of an error's message, with every credential masked."""
    text = str(error).strip() if error is not None else ""
    return redact(text.splitlines()[0], url) if text else "no message"


def store_failure(error: BaseException, url: str, *, opening: bool = False) -> StoreError | None:
    """A :class:`StoreError` saying what went wrong with the store at ``url`` and how to
    fix it, or None when ``error`` is not such a failure (then it is a bug). ``opening``:
    the store was being opened, so a connection that fails was never there to lose (None
    for it: the caller says it could not open the store)."""
    orig: Any = error.orig if isinstance(error, DBAPIError) else error
    where = display_url(url)
    if isinstance(orig, sqlite3.Error):
        return _sqlite_failure(orig, where, _sqlite_path(url))
    sqlstate = getattr(orig, "sqlstate", None)
    module = type(orig).__module__
    if not module.startswith("psycopg"):
        return None
    detail = first_line(orig, url)
    if sqlstate is None or sqlstate.startswith("08"):
        if opening or type(orig).__name__ != "OperationalError":
            return None
        return StoreError(
            f"lost the connection to the database {where} ({detail}); {_PG_FIXES['08']}"
        )
    fix = _PG_FIXES.get(sqlstate) or _PG_FIXES.get(sqlstate[:2])
    if fix is None:
        return None
    return StoreError(f"cannot use the database {where} ({detail}); {fix}")


def _sqlite_failure(orig: sqlite3.Error, where: str, path: str | None) -> StoreError | None:
    name = getattr(orig, "sqlite_errorname", "") or ""
    detail = first_line(orig)
    if name.startswith("SQLITE_READONLY"):
        return StoreError(f"cannot write to the store {where}: {_why_read_only(path)}")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreError(
            f"the store {where} is locked by another process (a statement run, an import, a"
            " worker, or an sqlite3 shell with a transaction open) and stayed locked for"
            f" {BUSY_TIMEOUT_SECONDS} s; run the command again when that process has finished"
        )
    if name.startswith("SQLITE_FULL"):
        return StoreError(
            f"the disk holding the store {where} is full; what this command had not"
            " committed was rolled back; free some space and run it again"
        )
    if name.startswith("SQLITE_IOERR"):
        return StoreError(
            f"cannot read or write the store {where} ({detail}); check the disk and its free"
            " space (a store must be on a local disk, never a network share), then run the"
            " command again"
        )
    if name.startswith("SQLITE_CORRUPT"):
        return StoreError(
            f"the store {where} is damaged ({detail}); restore it from a backup"
            " (docs/deployment.md, Backups and restores)"
        )
    if name.startswith("SQLITE_NOTADB"):
        return StoreError(
            f"{where} is not a rulesengine store (not an SQLite database); give the path of"
            " a store, or of a new file to create one"
        )
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return StoreError(f"cannot open the store {where}: {_why_read_only(path)}")
    return None


def _why_read_only(path: str | None) -> str:
    """Why SQLite cannot write the store file ``path``, and how to fix it."""
    if path is None:
        return "the database is read-only"
    folder = os.path.dirname(path) or "."
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return (
            "the file is read-only for this user; give the user running rulesengine write"
            f" access (chmod u+w {path}, or run as its owner)"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        return (
            f"its folder {folder} is read-only for this user, and SQLite writes its -wal"
            " and -shm files beside the store; give the user running rulesengine write"
            " access to the folder"
        )
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path + suffix
        if os.path.exists(companion) and not os.access(companion, os.W_OK):
            return (
                f"{companion} is read-only for this user; give the user running rulesengine"
                f" write access (chmod u+w {companion})"
            )
    return "SQLite cannot write it here; check the permissions of the file and its folder"


def _sqlite_path(url: str) -> str | None:
    """The file an SQLite store URL or path names, or None (in memory, not SQLite)."""
    if "://" not in url:
        return os.path.abspath(os.path.expanduser(url))
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return os.path.abspath(parsed.database)
