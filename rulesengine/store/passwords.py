"""Password hashing for dashboard users: stdlib scrypt, no dependency.

A stored hash describes itself: ``scrypt$16384$8$1$<salt base64>$<key base64>`` (n, r, p,
a 16-byte random salt, a 64-byte key), so its parameters can be raised later and hashes
made before still verify. Neither a password nor a hash is ever put in a message.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

from rulesengine.errors import InvalidRequest
from rulesengine.storable_text import text_problem

__all__ = [
    "MAX_PASSWORD_LENGTH",
    "MIN_PASSWORD_LENGTH",
    "check_password",
    "hash_password",
    "verify_password",
]

#: The shortest and the longest password accepted (in characters).
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024

_N, _R, _P = 2**14, 8, 1
_SALT_BYTES = 16
_KEY_BYTES = 64
_MAXMEM = 64 * 1024 * 1024  # enough for n up to 2**15 with r=8


def check_password(password: object) -> str:
    """``password`` if it is a string of an accepted length without a NUL character or a
    lone surrogate (text that is not valid UTF-8, such as an undecodable byte read from
    stdin), else :class:`InvalidRequest` (which says what it needs, never the password).
    Both are refused as the dashboard refuses them in any field (``rulesengine user add``
    reading stdin, the store's functions and the dashboard agree)."""
    if not isinstance(password, str):
        raise InvalidRequest("a password must be text")
    problem = text_problem(password)
    if problem is not None:
        raise InvalidRequest(f"the password {problem}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidRequest(
            f"the password is too short: it needs at least {MIN_PASSWORD_LENGTH} characters"
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidRequest(
            f"the password is too long: it may have at most {MAX_PASSWORD_LENGTH} characters"
        )
    return password


def _derive(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=length
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    """The self-describing scrypt hash of ``password`` (checked first: see
    :func:`check_password`), with a fresh random salt."""
    check_password(password)
    salt = secrets.token_bytes(_SALT_BYTES)
    key = _derive(password, salt, _N, _R, _P, _KEY_BYTES)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(key)}"


def verify_password(stored: str, given: str) -> bool:
    """Whether ``given`` is the password ``stored`` (a :func:`hash_password` string) was
    made from; False for a stored value that is not such a hash, or a given one that is
    not a string, empty or too long. Compared in constant time."""
    if not isinstance(stored, str) or not isinstance(given, str):
        return False
    if not given or len(given) > MAX_PASSWORD_LENGTH:
        return False
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return False
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return False
    if not (1 < n <= 2**15 and n & (n - 1) == 0 and 0 < r <= 16 and 0 < p <= 4 and key):
        return False
    try:
        found = _derive(given, salt, n, r, p, len(key))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(found, key)
