"""PostgreSQL schemas for the tests: an empty one per test, or a fresh store recycled.

Creating a store's tables on PostgreSQL costs about half a second (and dropping them a tenth),
and some 400 tests want a fresh store there. :class:`RecycledStore` makes one schema per test
process, creates the store in it once with ``open_store`` (the schema built from scratch, as
for any new store), and before each test puts it back as it was then: every table a test
wrote emptied by TRUNCATE, every sequence back at its start, the rows the new store held put
back (its schema version) and a new pay-link key made, as ``open_store`` makes for a new
store. That costs about a tenth of what creating the tables does.

A test may change the schema itself (the migration tests turn the store into an older
version): the schema's definition in the catalogs (tables, columns, indexes, constraints,
sequences, functions, types, privileges) is compared with the one the new store had, and
when it differs, or when a lock left behind keeps the tables from being emptied, the schema is
dropped and a new one made from scratch.
"""

from __future__ import annotations

import secrets
import uuid
from urllib.parse import quote

import sqlalchemy

#: The schema as it stands, in one scan of the catalogs: first its definition, the version
#: (``xmin``) of every catalog row that describes it (any DDL or GRANT writes a new version of
#: some row, or adds or removes one) and how many columns ANALYZE left statistics for; then,
#: per table, its size on disk and the page and row estimates the planner reads (a TRUNCATE
#: gives a table new, empty files and the estimates of a new table).
_STATE = """
WITH ns AS (SELECT oid, xmin, nspacl FROM pg_namespace WHERE nspname = :schema),
rel AS (SELECT c.* FROM pg_class c JOIN ns ON c.relnamespace = ns.oid)
SELECT '', md5(coalesce(string_agg(line, ',' ORDER BY line), '')) FROM (
    SELECT 'n' || xmin::text || coalesce(nspacl::text, '') AS line FROM ns
    UNION ALL SELECT 'c' || concat_ws(':', oid, relname, relkind, relacl, relnatts, relchecks,
            relhasindex, relhastriggers, relrowsecurity, relpersistence, reloptions)
        FROM rel
    UNION ALL SELECT 'st' || count(*)::text FROM pg_stats WHERE schemaname = :schema
    UNION ALL SELECT 'a' || attrelid::text || ':' || attnum::text || ':' || xmin::text
        FROM pg_attribute WHERE attrelid IN (SELECT oid FROM rel)
    UNION ALL SELECT 'd' || oid::text || ':' || xmin::text
        FROM pg_attrdef WHERE adrelid IN (SELECT oid FROM rel)
    UNION ALL SELECT 'i' || indexrelid::text || ':' || xmin::text
        FROM pg_index WHERE indrelid IN (SELECT oid FROM rel)
    UNION ALL SELECT 'k' || oid::text || ':' || xmin::text
        FROM pg_constraint WHERE connamespace IN (SELECT oid FROM ns)
    UNION ALL SELECT 's' || seqrelid::text || ':' || xmin::text
        FROM pg_sequence WHERE seqrelid IN (SELECT oid FROM rel)
    UNION ALL SELECT 't' || oid::text || ':' || xmin::text
        FROM pg_trigger WHERE tgrelid IN (SELECT oid FROM rel)
    UNION ALL SELECT 'p' || oid::text || ':' || xmin::text
        FROM pg_proc WHERE pronamespace IN (SELECT oid FROM ns)
    UNION ALL SELECT 'y' || oid::text || ':' || xmin::text
        FROM pg_type WHERE typnamespace IN (SELECT oid FROM ns)
) lines
UNION ALL
SELECT relname, concat_ws(':', pg_relation_size(oid), relpages, reltuples, relallvisible)
    FROM rel WHERE relkind = 'r'
"""


def driver_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def schema_url(server: str, schema: str) -> str:
    """A store URL on ``server`` whose tables live in ``schema``."""
    separator = "&" if "?" in server else "?"
    return f"{server}{separator}options={quote(f'-csearch_path={schema}')}"


class _Changed(Exception):
    """The test changed the schema: it is made anew."""


class RecycledStore:
    """One schema holding a fresh store, put back before each test (see the module)."""

    def __init__(self, server: str) -> None:
        self.server = server
        # Without JIT: compiling the catalog queries costs more than running them.
        self.admin = sqlalchemy.create_engine(
            driver_url(server), connect_args={"options": "-c jit=off"}
        )
        self.schema = ""
        self._abandoned: list[str] = []
        self._new_store()

    @property
    def url(self) -> str:
        return schema_url(self.server, self.schema)

    def _new_store(self) -> None:
        """A new schema, and a new store created in it by ``open_store``."""
        from rulesengine.store import open_store

        self.schema = f"s_{uuid.uuid4().hex[:16]}"
        with self.admin.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{self.schema}"')
        open_store(self.url).close()
        with self.admin.begin() as conn:
            self._definition, sizes = self._state(conn)
            # What a new table holds: no page on disk, no estimates (meta's rows aside).
            self._sizes = {name: f"0:{size.partition(':')[2]}" for name, size in sizes.items()}
            reflected = sqlalchemy.MetaData(schema=self.schema)
            reflected.reflect(conn)
            self._tables = reflected.sorted_tables  # parents before the rows that refer to them
            self._sequences = conn.execute(
                sqlalchemy.text(
                    "SELECT c.relname, s.seqstart FROM pg_sequence s"
                    " JOIN pg_class c ON c.oid = s.seqrelid"
                    " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = :s"
                ),
                {"s": self.schema},
            ).all()
            self._rows = [
                (table, [dict(row._mapping) for row in conn.execute(table.select())])
                for table in self._tables
            ]

    def _state(self, conn: sqlalchemy.Connection) -> tuple[str, dict[str, str]]:
        """The schema's definition, and each table's size and estimates (see ``_STATE``)."""
        rows = dict(conn.execute(sqlalchemy.text(_STATE), {"schema": self.schema}).all())
        return rows.pop(""), rows

    def fresh(self) -> str:
        """The store put back as new (or made anew); its URL."""
        try:
            with self.admin.begin() as conn:
                conn.exec_driver_sql("SET LOCAL lock_timeout = '5s'")
                self._empty(conn)
        except _Changed:
            self._drop(self.schema)
            self._new_store()
        except sqlalchemy.exc.OperationalError:  # a lock left behind: leave it to close()
            self._abandoned.append(self.schema)
            self._new_store()
        return self.url

    def _empty(self, conn: sqlalchemy.Connection) -> None:
        """Every table written since emptied by TRUNCATE (new files, as a new table has: a
        DELETE would leave the rows' pages, and with them another physical order of the next
        rows and other estimates), the sequences back at their start, the first rows back.
        Raises ``_Changed`` when the definition differs, or a table nothing was written to
        has other estimates (VACUUM or ANALYZE ran)."""
        definition, tables = self._state(conn)
        if definition != self._definition or tables.keys() != self._sizes.keys():
            raise _Changed
        written = []
        for name, state in tables.items():
            if not state.startswith("0:"):
                written.append(f'"{self.schema}"."{name}"')
            elif state != self._sizes[name]:
                raise _Changed
        if written:
            conn.exec_driver_sql(f"TRUNCATE {', '.join(written)} CASCADE")
        for sequence, start in self._sequences:
            conn.execute(
                sqlalchemy.text("SELECT setval(CAST(:name AS regclass), :start, false)"),
                {"name": f'"{self.schema}"."{sequence}"', "start": start},
            )
        for table, rows in self._rows:
            if table.name == "meta":  # a new store's pay-link key is its own (migrations.py)
                rows = [row for row in rows if row["key"] != "secret"]
                rows.append({"key": "secret", "value": secrets.token_hex(32)})
            if rows:
                conn.execute(table.insert(), rows)

    def _drop(self, schema: str) -> None:
        with self.admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')

    def close(self) -> None:
        for schema in [*self._abandoned, self.schema]:
            self._drop(schema)
        self.admin.dispose()
