"""Shared fixtures: store URLs for every supported database.

PostgreSQL tests use ``RULESENGINE_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/test``).
A test that asks for ``pg_url`` gets an empty schema of its own, dropped afterwards; one that
asks for a store (``store_url_for("postgresql")``, ``store_url``, ``store``) gets the test
process's store schema put back as a fresh, empty store (``tests/pg_schemas.py``: creating the
tables anew costs half a second a test). When the server cannot be reached the tests are
skipped with one line saying how to run them, unless ``CI=true``, where they fail: CI must not
pass without having run them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.pg_schemas import RecycledStore, driver_url, schema_url

# Property tests: locally hypothesis explores new examples on every run; under CI=true it
# replays a fixed set (derandomized) with no per-example deadline, so CI's verdict depends
# on the code, not on the draw nor on how busy the machine is (the suite runs in parallel
# with other work: a 200 ms deadline would fail a correct example the scheduler delayed).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "alone: the test asserts a bound on wall-clock time that the suite's other parallel"
        " workers could break by taking the CPU; `make test` runs these after the rest, one"
        " at a time, in a process of their own",
    )


PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
STORE_KINDS = ("sqlite-file", "sqlite-memory", "postgresql")


def _pg_base_url() -> str:
    return os.environ.get("RULESENGINE_TEST_PG") or PG_DEFAULT


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The PostgreSQL server URL, once it answered (skip or fail when it does not)."""
    import sqlalchemy

    url = _pg_base_url()
    try:
        engine = sqlalchemy.create_engine(driver_url(url), connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        engine.dispose()
    except Exception as exc:  # any failure to connect means "not reachable"
        message = (
            f"PostgreSQL not reachable at {url} ({type(exc).__name__}); start it or set "
            "RULESENGINE_TEST_PG=postgresql://... to run the PostgreSQL store tests"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return url


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A store URL on a fresh PostgreSQL schema of this test's own (dropped afterwards)."""
    import sqlalchemy

    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = sqlalchemy.create_engine(driver_url(pg_server))
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield schema_url(pg_server, schema)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(scope="session")
def pg_recycled_store(pg_server: str) -> Iterator[RecycledStore]:
    """This test process's PostgreSQL store schema (see ``tests/pg_schemas.py``)."""
    recycled = RecycledStore(pg_server)
    yield recycled
    recycled.close()


@pytest.fixture
def pg_store_url(pg_recycled_store: RecycledStore) -> str:
    """A store URL on PostgreSQL holding a fresh, empty store: exactly what ``open_store``
    makes of an empty schema (schema version, a new pay-link key, no other row)."""
    return pg_recycled_store.fresh()


@pytest.fixture
def store_url_for(tmp_path: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """``store_url_for(kind)``: a fresh store URL of that kind (see ``STORE_KINDS``): an empty
    database, or for PostgreSQL a fresh, empty store (``pg_store_url``); ``open_store`` and
    every command see the same new store in either."""

    def make(kind: str) -> str:
        if kind == "sqlite-file":
            return str(tmp_path / "store.db")
        if kind == "sqlite-memory":
            return "sqlite://"
        if kind == "postgresql":
            return request.getfixturevalue("pg_store_url")
        raise ValueError(kind)

    return make


@pytest.fixture(params=STORE_KINDS)
def store_url(request: pytest.FixtureRequest, store_url_for) -> str:  # type: ignore[no-untyped-def]
    """A fresh store URL, once per supported kind of store."""
    return store_url_for(request.param)


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    """A fresh, open store, once per supported kind of store."""
    from rulesengine.store import open_store

    opened = open_store(store_url)
    yield opened
    opened.close()
