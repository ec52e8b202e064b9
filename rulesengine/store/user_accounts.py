"""Dashboard users in the store: add, list, remove, change a role or a password, and look
one up for a login (schema version 4, the ``users`` table).

A user has a name (``[A-Za-z0-9._@-]``, 1 to 64 characters), a role (``viewer``, ``staff``
or ``admin``) and a scrypt hash of their password (:mod:`rulesengine.store.passwords`).
Nothing here returns a hash or puts a password or a hash in a message. Every refusal
(:class:`NotFound`, :class:`InvalidRequest`, :class:`RefusedTransition` for removing or
demoting the last admin) leaves the store as it was.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import secrets

import attrs
from sqlalchemy import Connection, select

from rulesengine.errors import InvalidRequest, NotFound, RefusedTransition
from rulesengine.store.passwords import check_password, hash_password, verify_password
from rulesengine.store.rows import from_db_instant, utcnow
from rulesengine.store.sql_store import SQLStore
from rulesengine.store.tables import users

__all__ = [
    "ROLES",
    "UserAccount",
    "add_user",
    "check_role",
    "check_user_name",
    "end_sessions",
    "get_user",
    "list_users",
    "login_user",
    "remove_user",
    "set_password",
    "set_role",
]

#: The roles a dashboard user may have, least to most allowed.
ROLES = ("viewer", "staff", "admin")

_NAME = re.compile(r"[A-Za-z0-9._@-]{1,64}")


@functools.cache
def _unknown_hash() -> str:
    """Verified against for an unknown name, so a login takes as long either way."""
    return hash_password(secrets.token_urlsafe(24))


@attrs.frozen
class UserAccount:
    """A dashboard user as the store holds them, without the password hash."""

    name: str
    role: str
    created_at: dt.datetime
    password_changed_at: dt.datetime
    #: When they last logged out of the dashboard (every earlier session ended), or None.
    sessions_ended_at: dt.datetime | None = None

    def as_json(self) -> dict[str, str]:
        """The account as ``rulesengine user list --json`` and the dashboard's API give it
        (never a hash)."""
        return {
            "name": self.name,
            "role": self.role,
            "created_at": self.created_at.isoformat(),
            "password_changed_at": self.password_changed_at.isoformat(),
        }

    @property
    def session_version(self) -> str:
        """Changes when the password changes or the user logs out: a dashboard session
        begun under another version has ended."""
        ended = self.sessions_ended_at.isoformat() if self.sessions_ended_at else ""
        return f"{self.password_changed_at.isoformat()}|{ended}"


def check_user_name(name: object) -> str:
    """``name`` if it is a valid user name, else :class:`InvalidRequest`."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        shown = repr(name) if isinstance(name, str) and len(name) <= 80 else "the name given"
        raise InvalidRequest(
            f"invalid user name {shown}: use 1 to 64 letters, digits, '.', '_', '@' or '-'"
        )
    return name


def check_role(role: object) -> str:
    """``role`` if it is one of :data:`ROLES`, else :class:`InvalidRequest`."""
    if not isinstance(role, str) or role not in ROLES:
        shown = repr(role) if isinstance(role, str) and len(role) <= 80 else "the role given"
        raise InvalidRequest(f"unknown role {shown}: use one of {', '.join(ROLES)}")
    return role


def _account(row: object) -> UserAccount:
    return UserAccount(
        name=row.name,  # type: ignore[attr-defined]
        role=row.role,  # type: ignore[attr-defined]
        created_at=from_db_instant(row.created_at),  # type: ignore[attr-defined]
        password_changed_at=from_db_instant(row.password_changed_at),  # type: ignore[attr-defined]
        sessions_ended_at=(
            from_db_instant(row.sessions_ended_at)  # type: ignore[attr-defined]
            if row.sessions_ended_at is not None  # type: ignore[attr-defined]
            else None
        ),
    )


_COLUMNS = (
    users.c.name,
    users.c.role,
    users.c.created_at,
    users.c.password_changed_at,
    users.c.sessions_ended_at,
)


def _exists(conn: Connection, name: str) -> bool:
    return conn.execute(select(users.c.name).where(users.c.name == name)).first() is not None


def add_user(store: SQLStore, name: str, role: str, password: str) -> UserAccount:
    """Add the user ``name`` with ``role`` and ``password`` (stored hashed). Refused when
    the name, role or password is unusable or the name is taken."""
    check_user_name(name)
    check_role(role)
    password_hash = hash_password(password)
    now = utcnow()
    with store.writing() as conn:
        if _exists(conn, name):
            raise InvalidRequest(f"user {name!r} exists already; nothing changed")
        conn.execute(
            users.insert().values(
                name=name,
                role=role,
                password_hash=password_hash,
                created_at=now,
                password_changed_at=now,
            )
        )
    return UserAccount(name=name, role=role, created_at=now, password_changed_at=now)


def list_users(store: SQLStore) -> list[UserAccount]:
    """Every user, by name."""
    with store.reading() as conn:
        rows = conn.execute(select(*_COLUMNS).order_by(users.c.name)).all()
    return [_account(row) for row in rows]


def get_user(store: SQLStore, name: str) -> UserAccount:
    """The user ``name``, else :class:`NotFound`."""
    check_user_name(name)
    with store.reading() as conn:
        row = conn.execute(select(*_COLUMNS).where(users.c.name == name)).first()
    if row is None:
        raise NotFound(f"no user {name!r}")
    return _account(row)


def login_user(store: SQLStore, name: str, password: str) -> UserAccount | None:
    """The user ``name`` when ``password`` is theirs, else None (an unknown or invalid
    name, or a wrong password: the caller cannot tell which, and neither takes less
    time)."""
    found = None
    if isinstance(name, str) and _NAME.fullmatch(name):
        with store.reading() as conn:
            found = conn.execute(
                select(*_COLUMNS, users.c.password_hash).where(users.c.name == name)
            ).first()
    stored = found.password_hash if found is not None else _unknown_hash()
    matches = verify_password(stored, password)
    return _account(found) if found is not None and matches else None


def set_password(store: SQLStore, name: str, password: str) -> UserAccount:
    """Give the user ``name`` a new ``password``; :class:`NotFound` for an unknown user."""
    check_user_name(name)
    check_password(password)
    with store.reading() as conn:
        if not _exists(conn, name):
            raise NotFound(f"no user {name!r}; nothing changed")
    password_hash = hash_password(password)
    now = utcnow()
    with store.writing() as conn:
        done = conn.execute(
            users.update()
            .where(users.c.name == name)
            .values(password_hash=password_hash, password_changed_at=now)
        )
        if done.rowcount != 1:
            raise NotFound(f"no user {name!r}; nothing changed")
        row = conn.execute(select(*_COLUMNS).where(users.c.name == name)).one()
    return _account(row)


def remove_user(store: SQLStore, name: str) -> UserAccount:
    """Remove the user ``name``: :class:`NotFound` for an unknown user,
    :class:`RefusedTransition` when they are the last admin."""
    check_user_name(name)
    with store.writing() as conn:
        admins = conn.execute(
            select(users.c.name).where(users.c.role == "admin").with_for_update()
        ).all()
        row = conn.execute(select(*_COLUMNS).where(users.c.name == name)).first()
        if row is None:
            raise NotFound(f"no user {name!r}; nothing changed")
        if row.role == "admin" and len(admins) <= 1:
            raise RefusedTransition(
                f"user {name!r} is the last admin and cannot be removed; add another admin"
                " first (rulesengine user add NAME --role admin). Nothing changed."
            )
        conn.execute(users.delete().where(users.c.name == name))
    return _account(row)


def set_role(store: SQLStore, name: str, role: str) -> UserAccount:
    """Give the user ``name`` the role ``role``: :class:`NotFound` for an unknown user,
    :class:`RefusedTransition` when they are the last admin and ``role`` is not admin.
    Their password, and so their sessions, stay as they were."""
    check_user_name(name)
    check_role(role)
    with store.writing() as conn:
        admins = conn.execute(
            select(users.c.name).where(users.c.role == "admin").with_for_update()
        ).all()
        row = conn.execute(select(*_COLUMNS).where(users.c.name == name)).first()
        if row is None:
            raise NotFound(f"no user {name!r}; nothing changed")
        if row.role == "admin" and role != "admin" and len(admins) <= 1:
            raise RefusedTransition(
                f"user {name!r} is the last admin and cannot become {role}; add another admin"
                " first (rulesengine user add NAME --role admin). Nothing changed."
            )
        if row.role != role:
            conn.execute(users.update().where(users.c.name == name).values(role=role))
        row = conn.execute(select(*_COLUMNS).where(users.c.name == name)).one()
    return _account(row)


def end_sessions(store: SQLStore, name: str) -> UserAccount:
    """End every dashboard session of the user ``name`` (a logout): a session cookie
    issued before now is refused from now on, wherever it was copied to."""
    check_user_name(name)
    with store.writing() as conn:
        done = conn.execute(
            users.update().where(users.c.name == name).values(sessions_ended_at=utcnow())
        )
        if done.rowcount != 1:
            raise NotFound(f"no user {name!r}; nothing changed")
        row = conn.execute(select(*_COLUMNS).where(users.c.name == name)).one()
    return _account(row)
