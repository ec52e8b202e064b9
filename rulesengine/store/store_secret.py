"""The store's pay-link key, read on a connection: what the statement run signs pay links
with and what a notification rendered on reading signs them with again."""

from __future__ import annotations

import os

from sqlalchemy import Connection, select

from rulesengine.store.tables import meta

__all__ = ["secret_on"]


def secret_on(conn: Connection) -> bytes:
    """``RULESENGINE_SECRET`` when set, else the key the store was given when it was first
    opened (``meta`` ``secret``, written by :mod:`rulesengine.store.migrations`)."""
    from_env = os.environ.get("RULESENGINE_SECRET")
    if from_env:
        return from_env.encode("utf-8")
    query = select(meta.c.value).where(meta.c.key == "secret")
    return bytes.fromhex(conn.execute(query).scalar_one())
