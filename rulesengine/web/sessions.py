"""Who is logged in: the session cookie's contents, its expiry, the CSRF token, and the slowing
of failed logins.

The session lives in a cookie signed with a key derived from the store's secret (so every
``serve`` process of one store accepts it): HttpOnly, SameSite=Strict, ``Secure`` when the
dashboard is served behind TLS. It holds the user's name, when they logged in, when they
were last seen (refreshed at most once a minute), when their password last changed (a new
password logs out every other session) and the CSRF token; never a password or any patient
data. It is signed, not encrypted. A session ends after :data:`IDLE` without a request
or :data:`LIFETIME` after the login, whichever is first. The user is read from the store on
every request, so removing a user or changing their role takes effect at once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import MutableMapping
from typing import Any

import attrs

__all__ = [
    "IDLE",
    "LIFETIME",
    "LoginThrottle",
    "Session",
    "session_key",
]

#: A session ends after this long without a request (seconds)...
IDLE = 60 * 60
#: ...and this long after its login, whatever happens.
LIFETIME = 12 * 60 * 60
#: A session in use is signed again at most this often (seconds), which restarts its idle
#: time: the cookie's signature, checked against IDLE, is as old as the last refresh.
_REFRESH = 60


def session_key(store_secret: bytes) -> str:
    """The cookie-signing key: derived from the store's secret, never the secret itself."""
    return hmac.new(store_secret, b"rulesengine dashboard sessions", hashlib.sha256).hexdigest()


@attrs.frozen
class Session:
    """The session's contents, read from (and written to) Starlette's session mapping."""

    data: MutableMapping[str, Any]

    def csrf_token(self) -> str:
        """This session's CSRF token, made on first use."""
        token = self.data.get("csrf")
        if not isinstance(token, str) or len(token) < 32:
            token = secrets.token_urlsafe(32)
            self.data["csrf"] = token
        return token

    def csrf_matches(self, given: object) -> bool:
        """Whether ``given`` is this session's CSRF token (compared in constant time)."""
        token = self.data.get("csrf")
        return (
            isinstance(given, str)
            and isinstance(token, str)
            and len(token) >= 32
            and hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))
        )

    def log_in(self, name: str, version: str, now: float | None = None) -> None:
        """Start a new session for ``name``: everything earlier, CSRF token included, is
        dropped (no session fixation)."""
        self.data.clear()
        self.data.update(
            {
                "user": name,
                "v": version,
                "login_at": int(now if now is not None else time.time()),
                "csrf": secrets.token_urlsafe(32),
            }
        )

    def log_out(self) -> None:
        """End the session."""
        self.data.clear()

    def user_name(self, version_of: Any, now: float | None = None) -> str | None:
        """The logged-in user's name, or None when nobody is or the session has ended.

        ``version_of`` is a callable giving the user's current session version (or None for
        an unknown user): a changed password ends the session.
        """
        name = self.data.get("user")
        login_at = self.data.get("login_at")
        if not isinstance(name, str) or not isinstance(login_at, int):
            return None
        now = now if now is not None else time.time()
        seen = self.data.get("seen", login_at)
        if now - login_at > LIFETIME or not isinstance(seen, int) or now - seen > IDLE:
            self.log_out()
            return None
        current = version_of(name)
        if current is None or current != self.data.get("v"):
            self.log_out()
            return None
        if now - seen >= _REFRESH:
            # A changed session is signed and sent again, so the cookie's own expiry
            # (IDLE after its signature) moves on while the user works.
            self.data["seen"] = int(now)
        return name

    def flash(self, message: str) -> None:
        """A message shown once, on the next page."""
        self.data.setdefault("flash", []).append(message[:500])

    def take_flashes(self) -> list[str]:
        """The messages to show now (and forget)."""
        flashes = self.data.pop("flash", [])
        return [str(message) for message in flashes][:5] if isinstance(flashes, list) else []


class LoginThrottle:
    """Slows failed logins. After a failure for a name or from an address, an attempt for
    it is refused (the caller answers 429 with Retry-After) until ``0.5 s *
    2**(failures-1)`` after that failure, at most :attr:`MAX_DELAY`; failures are forgotten
    :attr:`FORGET` seconds after the last one, and a success clears the name's. One attempt
    at a time is checked for a name, and for an address that has failed (a password check
    takes milliseconds; nothing waits while holding its place), so guessing in parallel is
    no faster than in turn. Kept in the process (a restart forgets it), bounded in size."""

    MAX_DELAY = 8.0
    FORGET = 15 * 60.0
    _MAX_KEYS = 10_000

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._failures: dict[str, tuple[int, float]] = {}
        self._busy: set[str] = set()
        self._lock = threading.Lock()
        self._clock = clock

    def _count(self, key: str, now: float) -> tuple[int, float]:
        count, last = self._failures.get(key, (0, 0.0))
        if count and now - last > self.FORGET:
            del self._failures[key]
            return 0, 0.0
        return count, last

    def begin(self, name_key: str, address_key: str) -> float:
        """0 when the attempt may be checked now (then call :meth:`end`), else the seconds
        until it may: another attempt for the name (or for an address that has failed) is
        being checked, or a failure for either is more recent than its delay."""
        with self._lock:
            now = self._clock()
            counts = {key: self._count(key, now) for key in (name_key, address_key)}
            serial = [name_key] + ([address_key] if counts[address_key][0] else [])
            if any(key in self._busy for key in serial):
                return 1.0
            wait = 0.0
            for count, last in counts.values():
                if count:
                    delay = min(0.5 * 2 ** (count - 1), self.MAX_DELAY)
                    wait = max(wait, delay - (now - last))
            if wait > 0:
                return wait
            self._busy.update(serial)
            return 0.0

    def end(self, name_key: str, address_key: str, *, succeeded: bool) -> None:
        """The attempt begun by :meth:`begin` is over."""
        with self._lock:
            self._busy.discard(name_key)
            self._busy.discard(address_key)
            if succeeded:
                self._failures.pop(name_key, None)
                return
            now = self._clock()
            if len(self._failures) >= self._MAX_KEYS:
                oldest = sorted(self._failures, key=lambda k: self._failures[k][1])
                for key in oldest[: self._MAX_KEYS // 10]:
                    del self._failures[key]
            for key in (name_key, address_key):
                count, _ = self._count(key, now)
                self._failures[key] = (min(count + 1, 32), now)

    def delay(self, key: str) -> float:
        """The delay a key's failures call for now (for tests and messages)."""
        with self._lock:
            count, _ = self._count(key, self._clock())
        return 0.0 if count == 0 else min(0.5 * 2 ** (count - 1), self.MAX_DELAY)
