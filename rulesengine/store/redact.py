"""Store URLs and database messages made fit to print: every credential masked.

A store URL can carry a password in two places: its userinfo
(``postgresql://user:secret@host/db``) and its query string (``?password=secret``, or
libpq's ``sslpassword``). :func:`display_url` is the one way a store URL reaches a message
or a log line; :func:`redact` cleans any other text (a driver's error message) of the
secrets of a URL and of anything shaped like one.

``passfile``, ``sslkey`` and ``sslcert`` name files, not secrets, and stay visible: a wrong
path is what the reader needs to see to fix it.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

__all__ = ["MASK", "display_url", "redact"]

MASK = "***"
#: Query parameters whose value is a credential (libpq: ``password``, ``sslpassword``).
_SECRET_KEY = re.compile(r"password|passwd|pwd|secret|token", re.IGNORECASE)
#: ``scheme://user:secret@`` anywhere in a text.
_USERINFO = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@?#]*:)[^\s@/?#]*@")
#: ``password=secret`` in a query string or a libpq connection string (quoted or not).
_KEY_VALUE = re.compile(
    r"(?P<key>\b[A-Za-z_]*(?:password|passwd|pwd|secret|token)[A-Za-z_]*\s*=\s*)"
    r"(?P<value>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^\s&;,'\"]+)",
    re.IGNORECASE,
)
#: Secrets shorter than this are masked only where they stand alone (not inside a word).
_SHORT = 6


def display_url(url: str | URL) -> str:
    """``url`` as a message shows it: a path as given, a URL with every credential masked.

    >>> display_url("postgresql://billing:s3cret@db/ledger?password=x&sslmode=require")
    'postgresql://billing:***@db/ledger?password=***&sslmode=require'
    """
    if isinstance(url, str):
        if "://" not in url:
            return url  # a path: nothing secret in it
        raw = _userinfo_password(url)
        if raw is not None and "@" in raw:  # an unencoded '@': parsers split the password
            return redact(url.replace(f":{raw}@", f":{MASK}@", 1))
        try:
            parsed = make_url(url)
        except (ArgumentError, ValueError):
            return redact(url)
    else:
        parsed = url
    if parsed.password is not None:
        parsed = parsed.set(password=MASK)
    if parsed.query:
        parsed = parsed.set(
            query={key: _masked_value(key, value) for key, value in parsed.query.items()}
        )
    shown = parsed.render_as_string(hide_password=False)
    # render_as_string percent-encodes the mask; show it as written.
    return shown.replace(quote(MASK, safe=""), MASK)


def redact(text: str, url: str | URL | None = None) -> str:
    """``text`` with the secrets of ``url`` and every URL password or ``password=`` value
    in it replaced by ``***``."""
    for secret in sorted(_secrets_of(url), key=len, reverse=True):
        text = _mask_literal(text, secret)
    text = _USERINFO.sub(lambda m: f"{m['head']}{MASK}@", text)
    return _KEY_VALUE.sub(lambda m: f"{m['key']}{MASK}", text)


def _masked_value(key: str, value: str | tuple[str, ...]) -> str | tuple[str, ...]:
    if isinstance(value, tuple):
        return tuple(str(_masked_value(key, v)) for v in value)
    return MASK if _SECRET_KEY.search(key) else redact(value)


def _userinfo_password(url: str) -> str | None:
    """The password of ``scheme://user:password@host`` as written: everything between the
    user's ``:`` and the authority's last ``@`` (a password may hold an unencoded ``@``)."""
    authority = re.split(r"[/?#]", url.split("://", 1)[1], maxsplit=1)[0]
    if "@" not in authority:
        return None
    userinfo = authority[: authority.rfind("@")]
    return userinfo.split(":", 1)[1] if ":" in userinfo else None


def _secrets_of(url: str | URL | None) -> set[str]:
    if url is None:
        return set()
    found: set[str] = set()
    if isinstance(url, str):
        if "://" not in url:
            return set()
        raw = _userinfo_password(url)
        if raw:  # and each piece a parser may show apart (host 'ETPW@127.0.0.1')
            found |= {raw, *raw.split("@")}
        try:
            url = make_url(url)
        except (ArgumentError, ValueError):
            return {s for s in found if s and s != MASK}
    if url.password:
        found.add(str(url.password))
    for key, value in url.query.items():
        if _SECRET_KEY.search(key):
            found.update([value] if isinstance(value, str) else value)
    found |= {quote(s, safe="") for s in found} | {unquote(s) for s in found}
    return {s for s in found if s and s != MASK}


def _mask_literal(text: str, secret: str) -> str:
    if len(secret) >= _SHORT:
        return text.replace(secret, MASK)
    return re.sub(rf"(?<![A-Za-z0-9]){re.escape(secret)}(?![A-Za-z0-9])", MASK, text)
