"""Dashboard users in the store (rulesengine.store.user_accounts) and their password hashes
(rulesengine.store.passwords), on SQLite and PostgreSQL."""

from __future__ import annotations

import base64

import attrs
import pytest
from sqlalchemy import select

from rulesengine.errors import InvalidRequest, NotFound, RefusedTransition
from rulesengine.store.passwords import hash_password, verify_password
from rulesengine.store.sql_store import SQLStore
from rulesengine.store.tables import users
from rulesengine.store.user_accounts import (
    UserAccount,
    add_user,
    get_user,
    list_users,
    login_user,
    remove_user,
    set_password,
    set_role,
)

PASSWORD = "correct horse battery"
OTHER = "another long password"


def rows(store: SQLStore) -> list[tuple[object, ...]]:
    with store.reading() as conn:
        return [tuple(r) for r in conn.execute(select(users).order_by(users.c.name))]


# -- hashing ------------------------------------------------------------------------------------


def test_hash_is_self_describing_and_salted() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first != second  # a fresh salt each time
    kind, n, r, p, salt, key = first.split("$")
    assert (kind, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(base64.b64decode(salt)) == 16
    assert len(base64.b64decode(key)) == 64
    assert PASSWORD not in first


def test_verify_password() -> None:
    stored = hash_password(PASSWORD)
    assert verify_password(stored, PASSWORD)
    assert not verify_password(stored, PASSWORD + " ")
    assert not verify_password(stored, "")
    assert not verify_password(stored, "x" * 5000)
    assert not verify_password(stored, None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "plain",
        "bcrypt$1$2$3$AAAA$AAAA",
        "scrypt$16384$8$1$not base64!$AAAA",
        "scrypt$16383$8$1$AAAA$AAAA",  # n not a power of two
        "scrypt$1073741824$8$1$AAAA$AAAA",  # n too large to try
        "scrypt$16384$8$1$AAAA$",
    ],
)
def test_verify_refuses_what_is_not_a_hash(stored: str) -> None:
    assert not verify_password(stored, PASSWORD)


@pytest.mark.parametrize("password", ["x" * 11, "y" * 1025, None])
def test_unusable_passwords_are_refused(password: object) -> None:
    with pytest.raises(InvalidRequest) as raised:
        hash_password(password)  # type: ignore[arg-type]
    if isinstance(password, str):
        assert password not in str(raised.value)


def test_edge_lengths_are_accepted() -> None:
    for password in ("x" * 12, "y" * 1024):
        assert verify_password(hash_password(password), password)


# -- the users table ----------------------------------------------------------------------------


def test_add_list_get_and_login(store: SQLStore) -> None:
    added = add_user(store, "alice@example.org", "admin", PASSWORD)
    add_user(store, "bob", "viewer", OTHER)
    assert isinstance(added, UserAccount)
    assert [(u.name, u.role) for u in list_users(store)] == [
        ("alice@example.org", "admin"),
        ("bob", "viewer"),
    ]
    found = get_user(store, "alice@example.org")
    assert found == added
    assert found.created_at == found.password_changed_at
    assert found.created_at.utcoffset() is not None
    assert "hash" not in repr(found) and PASSWORD not in repr(found)
    assert login_user(store, "alice@example.org", PASSWORD) == added
    assert login_user(store, "alice@example.org", OTHER) is None
    assert login_user(store, "carol", PASSWORD) is None
    assert login_user(store, "bad name", PASSWORD) is None
    stored = {r[0]: r[2] for r in rows(store)}
    assert verify_password(str(stored["bob"]), OTHER)
    assert PASSWORD not in str(rows(store))


def test_set_password(store: SQLStore) -> None:
    before = add_user(store, "alice", "staff", PASSWORD)
    after = set_password(store, "alice", OTHER)
    assert after.created_at == before.created_at
    assert after.password_changed_at >= before.password_changed_at
    assert login_user(store, "alice", OTHER) == after
    assert login_user(store, "alice", PASSWORD) is None


def test_remove(store: SQLStore) -> None:
    add_user(store, "alice", "admin", PASSWORD)
    add_user(store, "bob", "admin", PASSWORD)
    add_user(store, "carol", "staff", PASSWORD)
    assert remove_user(store, "carol").role == "staff"
    assert remove_user(store, "bob").name == "bob"
    assert [u.name for u in list_users(store)] == ["alice"]


def test_set_role(store: SQLStore) -> None:
    alice = add_user(store, "alice", "admin", PASSWORD)
    bob = add_user(store, "bob", "viewer", PASSWORD)
    assert set_role(store, "bob", "admin") == attrs.evolve(bob, role="admin")
    assert set_role(store, "alice", "staff") == attrs.evolve(alice, role="staff")
    assert set_role(store, "alice", "staff").role == "staff"  # no change is no error
    assert [(u.name, u.role) for u in list_users(store)] == [("alice", "staff"), ("bob", "admin")]
    assert set_role(store, "bob", "admin").role == "admin"  # the last admin stays admin
    assert login_user(store, "alice", PASSWORD) == attrs.evolve(alice, role="staff")


@pytest.mark.parametrize(
    "attempt, error, message",
    [
        (lambda s: add_user(s, "alice", "admin", OTHER), InvalidRequest, "exists already"),
        (lambda s: add_user(s, "bad name", "admin", OTHER), InvalidRequest, "invalid user name"),
        (lambda s: add_user(s, "x" * 65, "admin", OTHER), InvalidRequest, "invalid user name"),
        (lambda s: add_user(s, "", "admin", OTHER), InvalidRequest, "invalid user name"),
        (lambda s: add_user(s, "carol", "root", OTHER), InvalidRequest, "unknown role"),
        (lambda s: add_user(s, "carol", "staff", "short"), InvalidRequest, "too short"),
        (lambda s: add_user(s, "carol", "staff", "z" * 1025), InvalidRequest, "too long"),
        (lambda s: add_user(s, "carol", "staff", OTHER + "\0"), InvalidRequest, "NUL character"),
        (lambda s: set_password(s, "alice", "\0" + OTHER), InvalidRequest, "NUL character"),
        (lambda s: set_password(s, "carol", OTHER), NotFound, "no user 'carol'"),
        (lambda s: set_password(s, "alice", "short"), InvalidRequest, "too short"),
        (lambda s: remove_user(s, "carol"), NotFound, "no user 'carol'"),
        (lambda s: remove_user(s, "alice"), RefusedTransition, "last admin"),
        (lambda s: get_user(s, "carol"), NotFound, "no user 'carol'"),
        (lambda s: set_role(s, "carol", "staff"), NotFound, "no user 'carol'"),
        (lambda s: set_role(s, "bob", "root"), InvalidRequest, "unknown role 'root'"),
        (lambda s: set_role(s, "alice", "staff"), RefusedTransition, "last admin"),
        (lambda s: set_role(s, "alice", "viewer"), RefusedTransition, "cannot become viewer"),
    ],
)
def test_refusals_change_nothing(store: SQLStore, attempt, error, message) -> None:  # type: ignore[no-untyped-def]
    add_user(store, "alice", "admin", PASSWORD)
    add_user(store, "bob", "viewer", PASSWORD)
    before = rows(store)
    with pytest.raises(error, match=message) as raised:
        attempt(store)
    assert rows(store) == before
    assert PASSWORD not in str(raised.value) and OTHER not in str(raised.value)
    assert "scrypt" not in str(raised.value)
