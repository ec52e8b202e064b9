"""Posting messages to an SMS provider in the shape of Twilio's Messages API.

A 2xx reply with a ``sid`` is ``sent``; 429 and 5xx replies, timeouts and connection
errors are ``retry`` (a 429, or a 503 with ``Retry-After``, asks the queue to pause the
channel: :func:`retry_after_seconds`); any other reply is ``failed`` with the provider's
own message.

Messages go over a pool of keep-alive connections shared by every thread calling the
channel (:class:`ProviderPool`, urllib3: at most ``connections`` open, a caller waits for a
free one). When the server has closed a connection that was already used (an idle
keep-alive timeout), the message is posted once more on a new connection; the
``Idempotency-Key`` header makes that safe, as it makes the queue's own retries safe. When
a proxy applies to an ``https`` provider address (``https_proxy`` and ``no_proxy``), each
message goes through :mod:`urllib.request` instead, which honours it (through a
``CONNECT`` tunnel: the proxy never sees the token).

The token goes only over TLS, or to a server on a loopback address: a plain ``http``
connection is checked as soon as it is opened, before a request is written (the address
actually reached, whatever the host name resolved to), and never goes through a proxy.
Redirects are never followed.
"""

from __future__ import annotations

import base64
import datetime as dt
import email.utils
import http.client
import json
import math
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import attrs
import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import (
    ClosedPoolError,
    ConnectTimeoutError,
    EmptyPoolError,
    HTTPError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)

from rulesengine.channels import (
    MAX_RETRY_AFTER,
    DeliveryResult,
    Notification,
    exception_summary,
    is_loopback_address,
)

__all__ = ["Provider", "ProviderPool", "retry_after_seconds"]

_REDIRECT_HINT = (
    " (redirects are never followed: set base_url to the address the provider documents)"
)

USER_AGENT = "rulesengine-text/0.1"

#: The pause after a 429 without a usable ``Retry-After`` (seconds).
DEFAULT_RETRY_AFTER = 1.0


@attrs.frozen
class Provider:
    """Where to post, and as whom."""

    base_url: str
    account_sid: str
    token: str
    sender: str
    timeout: float

    @property
    def url(self) -> str:
        sid = urllib.parse.quote(self.account_sid, safe="")
        return f"{self.base_url.rstrip('/')}/2010-04-01/Accounts/{sid}/Messages.json"

    @property
    def host(self) -> str:
        return urllib.parse.urlsplit(self.base_url).netloc

    @property
    def where(self) -> str:
        return f"SMS provider {self.host}"


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float:
    """The pause a ``Retry-After`` header asks for: whole seconds (``120``) or an HTTP date
    (``Wed, 21 Oct 2026 07:28:00 GMT``, counted from ``now``); 1 s when it is missing or
    unreadable, never below 0 nor above :data:`~rulesengine.channels.results.MAX_RETRY_AFTER`."""
    if value is None or not value.strip():
        return DEFAULT_RETRY_AFTER
    text = value.strip()
    seconds: float
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return DEFAULT_RETRY_AFTER
        if when.tzinfo is None:  # "-0000": UTC as RFC 5322 writes it
            when = when.replace(tzinfo=dt.UTC)
        seconds = (when - (now or dt.datetime.now(dt.UTC))).total_seconds()
    if not math.isfinite(seconds):
        return DEFAULT_RETRY_AFTER
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _error_text(raw: bytes) -> str:
    """The provider's message from an error body (Twilio: ``{"code": ..., "message": ...}``)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        data = None
    if isinstance(data, dict) and data.get("message"):
        code = f" (error {data['code']})" if data.get("code") else ""
        return f"{' '.join(str(data['message']).split())}{code}"
    text = " ".join(raw.decode("utf-8", "replace").split())
    return text[:200] if text else "no explanation given"


def _request(provider: Provider, n: Notification, body: str) -> tuple[bytes, dict[str, str]]:
    form = urllib.parse.urlencode({"To": n.to, "From": provider.sender, "Body": body})
    credentials = f"{provider.account_sid}:{provider.token}".encode()
    headers = {
        "Authorization": "Basic " + base64.b64encode(credentials).decode("ascii"),
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        "Accept": "application/json",
        "Idempotency-Key": n.idempotency_key,
        "User-Agent": USER_AGENT,
    }
    return form.encode("utf-8"), headers


def _by_status(
    provider: Provider, n: Notification, status: int, raw: bytes, retry_after: str | None = None
) -> DeliveryResult:
    """The result of an HTTP answer (``retry_after``: its ``Retry-After`` header)."""
    if 200 <= status < 300:
        try:
            sid = json.loads(raw.decode("utf-8")).get("sid")
        except (UnicodeDecodeError, ValueError, AttributeError):
            sid = None
        if not isinstance(sid, str) or not sid:
            return DeliveryResult.sent(
                n, detail=f"{provider.where} accepted the message but sent no sid"
            )
        return DeliveryResult.sent(n, provider_ref=sid)
    detail = f"{provider.where} answered HTTP {status}: {_error_text(raw)}"
    if 300 <= status < 400:
        detail += _REDIRECT_HINT
    if status == 429 or (status == 503 and retry_after is not None):
        return DeliveryResult.retry(n, detail, retry_after=retry_after_seconds(retry_after))
    if status >= 500:
        return DeliveryResult.retry(n, detail)
    return DeliveryResult.failed(n, detail)


def _timed_out(provider: Provider, n: Notification) -> DeliveryResult:
    return DeliveryResult.retry(n, f"{provider.where} did not answer within {provider.timeout:g} s")


def uses_proxy(url: str) -> bool:
    """Whether the environment's proxy settings apply to ``url`` (``https_proxy``, ...)."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme in urllib.request.getproxies() and not urllib.request.proxy_bypass(
        parts.hostname or ""
    )


class _Unencrypted(Exception):
    """A plain ``http`` connection reached an address that is not loopback."""


class _Reuse(threading.local):
    """Whether the request this thread made last went over a connection that had already
    carried one (so a server's idle timeout may have closed it meanwhile)."""

    reused = False


class _ReuseTracking:
    """A urllib3 connection noting in ``reuse`` (the pool's :class:`_Reuse`) whether each
    request is the first on its connection (mixed into the plain and the TLS one)."""

    sock: Any

    def __init__(self, *args: Any, reuse: _Reuse, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._reuse = reuse
        self._served = 0

    def request(self, *args: Any, **kwargs: Any) -> None:
        self._reuse.reused = self.sock is not None and self._served > 0
        self._served += 1
        super().request(*args, **kwargs)  # type: ignore[misc]

    def close(self) -> None:
        try:
            super().close()  # type: ignore[misc]
        finally:
            self._served = 0


class _TrackedConnection(_ReuseTracking, HTTPConnection):
    """urllib3's plain connection, noting reuse."""


class _LoopbackOnlyConnection(_TrackedConnection):
    """A plain ``http`` connection that refuses, once connected and before anything is
    written, a peer address that is not loopback (``where`` names the provider)."""

    def __init__(self, *args: Any, where: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._where = where

    def connect(self) -> None:
        super().connect()
        try:
            peer = self.sock.getpeername() if self.sock is not None else None
        except OSError:
            peer = None
        if not is_loopback_address(peer):
            self.close()
            where = peer[0] if isinstance(peer, tuple) else "an unknown address"
            raise _Unencrypted(
                f"{self._where} ({where}) was reached over plain http: the token is never "
                "sent unencrypted except to a loopback address; use an https:// base_url"
            )


class _TrackedTLSConnection(_ReuseTracking, HTTPSConnection):
    """urllib3's TLS connection, noting reuse."""


#: What a server that closed an idle keep-alive connection leaves a request with.
_CLOSED_BY_SERVER = (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected)


def _underlying(exc: BaseException) -> BaseException:
    """The error urllib3 wrapped (``ProtocolError('Connection aborted.', error)``, a
    ``NewConnectionError`` raised from the ``OSError``), for the history's detail."""
    if isinstance(exc, ProtocolError) and len(exc.args) > 1:
        inner = exc.args[1]
        if isinstance(inner, BaseException):
            return inner
    if isinstance(exc, NewConnectionError) and exc.__cause__ is not None:
        return exc.__cause__
    return exc


class ProviderPool:
    """The keep-alive connections to one provider address, shared by every thread: at
    most ``size`` open (a post waits up to the timeout for a free one), each returned to
    the pool after its answer. Never follows a redirect; never retries by itself, except
    once on a new connection when a reused one was found closed by the server.
    """

    def __init__(self, base_url: str, size: int, timeout: float) -> None:
        self.base_url = base_url
        self.size = size
        self.timeout = timeout
        self._https = urllib.parse.urlsplit(base_url).scheme == "https"
        self._reuse = _Reuse()
        self._lock = threading.Lock()
        self._opened_before = 0  # by the pools replaced by close()
        self._pool = self._new_pool()

    def _new_pool(self) -> urllib3.HTTPConnectionPool:
        parts = urllib.parse.urlsplit(self.base_url)
        common: dict[str, Any] = {
            "maxsize": self.size,
            "block": True,
            "retries": False,
            "timeout": urllib3.Timeout(connect=self.timeout, read=self.timeout),
            "reuse": self._reuse,
        }
        pool: urllib3.HTTPConnectionPool
        if parts.scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                parts.hostname or "", parts.port, ssl_context=ssl.create_default_context(), **common
            )
            pool.ConnectionCls = _TrackedTLSConnection
        else:
            where = f"SMS provider {parts.netloc}"
            pool = urllib3.HTTPConnectionPool(
                parts.hostname or "", parts.port, where=where, **common
            )
            pool.ConnectionCls = _LoopbackOnlyConnection
        return pool

    @property
    def connections_opened(self) -> int:
        """How many connections have been opened so far (for tests and logs)."""
        return self._opened_before + self._pool.num_connections

    def close(self) -> None:
        """Close every idle connection now, and each one in use when its answer is in;
        the pool stays usable (it opens new connections). Safe to call more than once."""
        with self._lock:
            old, self._pool = self._pool, self._new_pool()
            self._opened_before += old.num_connections
        old.close()

    def _exchange(
        self, path: str, data: bytes, headers: dict[str, str]
    ) -> urllib3.BaseHTTPResponse:
        pool = self._pool
        try:
            return self._post_on(pool, path, data, headers)
        except ClosedPoolError:
            if self._pool is pool:
                raise
            # close() replaced the pool between reading self._pool and using it.
            return self._post_on(self._pool, path, data, headers)

    def _post_on(
        self, pool: urllib3.HTTPConnectionPool, path: str, data: bytes, headers: dict[str, str]
    ) -> urllib3.BaseHTTPResponse:
        return pool.urlopen(
            "POST",
            path,
            body=data,
            headers=headers,
            retries=False,
            redirect=False,
            assert_same_host=False,
            pool_timeout=self.timeout,  # type: ignore[arg-type]  # seconds: queue.get's timeout
            preload_content=False,  # read by _bounded_body: at most MAX_REPLY, in time
        )

    def post(self, provider: Provider, n: Notification, body: str) -> DeliveryResult:
        """Post ``body`` to ``n.to``; map every outcome to a :class:`DeliveryResult`."""
        if self._https and uses_proxy(provider.url):
            # Through the proxy's CONNECT tunnel. A plain-http provider is only ever on
            # loopback: never through a proxy, which would see the token.
            return _post_via_urllib(provider, n, body)
        data, headers = _request(provider, n, body)
        path = urllib.parse.urlsplit(provider.url)
        target = path.path + (f"?{path.query}" if path.query else "")
        deadline = time.monotonic() + provider.timeout
        try:
            try:
                reply = self._exchange(target, data, headers)
            except ProtocolError as exc:
                if not (self._reuse.reused and isinstance(_underlying(exc), _CLOSED_BY_SERVER)):
                    raise
                # The server closed the idle connection before reading this request: once
                # more on a new connection (safe: the provider dedupes by Idempotency-Key).
                reply = self._exchange(target, data, headers)
            raw = _bounded_body(reply, deadline)
        except _TooLong:
            return DeliveryResult.retry(
                n, f"{provider.where} answered with more than {MAX_REPLY // 1024} KiB: not read"
            )
        except _Unencrypted as exc:
            return DeliveryResult.failed(n, str(exc))
        except EmptyPoolError:
            return DeliveryResult.retry(
                n,
                f"no connection to {provider.where} became free within {provider.timeout:g} s "
                "(raise the channel's connections setting)",
            )
        except (ReadTimeoutError, TimeoutError):
            return _timed_out(provider, n)
        except NewConnectionError as exc:
            return DeliveryResult.retry(
                n, f"cannot reach {provider.where}: {exception_summary(_underlying(exc))}"
            )
        except ConnectTimeoutError:
            return _timed_out(provider, n)
        except (HTTPError, OSError, http.client.HTTPException) as exc:
            return DeliveryResult.retry(
                n, f"cannot reach {provider.where}: {exception_summary(_underlying(exc))}"
            )
        return _by_status(provider, n, reply.status, raw, reply.headers.get("Retry-After"))


#: The most of a provider's answer that is read (bytes): a Messages API answer is a few
#: hundred; a server sending more (or without end) is not read further.
MAX_REPLY = 64 * 1024


class _TooLong(Exception):
    """The provider's answer is longer than :data:`MAX_REPLY`."""


def _bounded_body(reply: urllib3.BaseHTTPResponse, deadline: float) -> bytes:
    """The answer's body, read as it comes: at most :data:`MAX_REPLY` bytes (else
    :class:`_TooLong`), and only until ``deadline`` (``time.monotonic()``; else
    ``TimeoutError``): a server sending without end, or a byte at a time, holds a lane no
    longer than the channel's timeout. The connection goes back to the pool only when the
    whole answer was read; otherwise it is closed."""
    chunks: list[bytes] = []
    size = 0
    done = False
    try:
        while True:
            if time.monotonic() > deadline:
                raise TimeoutError("the provider's answer did not end in time")
            chunk = reply.read1(8192)
            if not chunk:
                done = True
                return b"".join(chunks)
            size += len(chunk)
            if size > MAX_REPLY:
                raise _TooLong
            chunks.append(chunk)
    finally:
        if not done:
            reply.close()  # never reused: what is left of the answer is not read
        reply.release_conn()


def _post_via_urllib(provider: Provider, n: Notification, body: str) -> DeliveryResult:
    """Post through :mod:`urllib.request`, which honours the proxy settings; never follow a
    redirect, and keep the token out of any request but this one."""
    data, headers = _request(provider, n, body)
    authorization = headers.pop("Authorization")
    request = urllib.request.Request(provider.url, data=data, method="POST", headers=headers)
    request.add_unredirected_header("Authorization", authorization)
    try:
        # An opener of its own: urlopen() would build the process-wide opener with the
        # proxy settings of the moment and keep it for every later caller (another
        # channel's plugin in the same worker included).
        opener = urllib.request.build_opener(_NoRedirects())
        with opener.open(request, timeout=provider.timeout) as reply:
            raw = reply.read(MAX_REPLY)  # at most: the rest is never read
            status = reply.status
            retry_after = reply.headers.get("Retry-After")
    except urllib.error.HTTPError as exc:
        with exc:
            return _by_status(
                provider, n, exc.code, exc.read(MAX_REPLY), exc.headers.get("Retry-After")
            )
    except TimeoutError:
        return _timed_out(provider, n)
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return _timed_out(provider, n)
        summary = exception_summary(reason) if isinstance(reason, BaseException) else str(reason)
        return DeliveryResult.retry(n, f"cannot reach {provider.where}: {summary}")
    except (OSError, http.client.HTTPException) as exc:
        return DeliveryResult.retry(n, f"cannot reach {provider.where}: {exception_summary(exc)}")
    return _by_status(provider, n, status, raw, retry_after)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect: the answer is the 3xx itself (an ``HTTPError``)."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None
