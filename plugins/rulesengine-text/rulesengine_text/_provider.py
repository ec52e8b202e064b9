"""Posting messages to an SMS provider in the shape of Twilio's Messages API.

A 2xx reply with a ``sid`` is ``sent``; 429 and 5xx replies, timeouts and connection
errors are ``retry``; any other reply is ``failed`` with the provider's own message.

A batch's messages go over one keep-alive connection (:class:`Session`). When the server
has closed a connection that was already used (an idle keep-alive timeout), the message is
posted once more on a new connection; the ``Idempotency-Key`` header makes that safe, as it
makes the queue's own retries safe. When a proxy applies to an ``https`` provider address
(``https_proxy`` and ``no_proxy``), each message goes through :mod:`urllib.request`
instead, which honours it (through a ``CONNECT`` tunnel: the proxy never sees the token).

The token goes only over TLS, or to a server on a loopback address: a plain ``http``
connection is checked after it is opened (the address actually reached, whatever the host
name resolved to) and never goes through a proxy. Redirects are never followed.
"""

from __future__ import annotations

import base64
import http.client
import json
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from types import TracebackType

import attrs

from rulesengine.channels import (
    DeliveryResult,
    Notification,
    exception_summary,
    is_loopback_address,
)

__all__ = ["Provider", "Session", "post_message"]

_REDIRECT_HINT = (
    " (redirects are never followed: set base_url to the address the provider documents)"
)

USER_AGENT = "rulesengine-text/0.1"


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


def _by_status(provider: Provider, n: Notification, status: int, raw: bytes) -> DeliveryResult:
    """The result of an HTTP answer."""
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
    if status == 429 or status >= 500:
        return DeliveryResult.retry(n, detail)
    return DeliveryResult.failed(n, detail)


def _timed_out(provider: Provider, n: Notification) -> DeliveryResult:
    return DeliveryResult.retry(n, f"{provider.where} did not answer within {provider.timeout:g} s")


def _uses_proxy(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme in urllib.request.getproxies() and not urllib.request.proxy_bypass(
        parts.hostname or ""
    )


class _Unencrypted(Exception):
    """A plain ``http`` connection reached an address that is not loopback."""


class Session:
    """Posts to one provider over one keep-alive connection, opened when first needed and
    opened again after the server closed it or a request failed. Use it as a context
    manager (the connection is closed at the end); not for use by several threads at once.
    """

    def __init__(self, provider: Provider) -> None:
        self.provider = provider
        parts = urllib.parse.urlsplit(provider.url)
        self._https = parts.scheme == "https"
        self._host = parts.hostname or ""
        self._port = parts.port
        self._path = parts.path + (f"?{parts.query}" if parts.query else "")
        # A plain-http provider is only ever on loopback: never through a proxy.
        self._proxied = self._https and _uses_proxy(provider.url)
        self._conn: http.client.HTTPConnection | None = None
        self._used = False  # whether the open connection already carried a request
        #: Connections opened so far (for tests and logs).
        self.connections = 0

    def __enter__(self) -> Session:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            timeout = self.provider.timeout
            if self._https:
                self._conn = http.client.HTTPSConnection(
                    self._host, self._port, timeout=timeout, context=ssl.create_default_context()
                )
            else:
                conn = http.client.HTTPConnection(self._host, self._port, timeout=timeout)
                conn.connect()
                self._check_loopback(conn)
                self._conn = conn
            self._used = False
            self.connections += 1
        return self._conn

    def _check_loopback(self, conn: http.client.HTTPConnection) -> None:
        """Refuse a plain connection that reached an address other than loopback."""
        try:
            peer = conn.sock.getpeername() if conn.sock is not None else None
        except OSError:
            peer = None
        if not is_loopback_address(peer):
            conn.close()
            where = peer[0] if isinstance(peer, tuple) else "an unknown address"
            raise _Unencrypted(
                f"{self.provider.where} ({where}) was reached over plain http: the token is "
                "never sent unencrypted except to a loopback address; use an https:// base_url"
            )

    def _exchange(self, data: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        conn = self._connection()
        reused = self._used
        try:
            conn.request("POST", self._path, body=data, headers=headers)
            self._used = True
            reply = conn.getresponse()
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            self.close()
            if not reused:
                raise
            # The server closed the idle connection before reading this request: once more
            # on a new connection (safe: the provider dedupes by Idempotency-Key).
            conn = self._connection()
            conn.request("POST", self._path, body=data, headers=headers)
            self._used = True
            reply = conn.getresponse()
        raw = reply.read()
        if reply.will_close:
            self.close()
        return reply.status, raw

    def post(self, n: Notification, body: str) -> DeliveryResult:
        """Post ``body`` to ``n.to``; map every outcome to a :class:`DeliveryResult`."""
        if self._proxied:
            return _post_via_urllib(self.provider, n, body)
        data, headers = _request(self.provider, n, body)
        try:
            status, raw = self._exchange(data, headers)
        except _Unencrypted as exc:
            self.close()
            return DeliveryResult.failed(n, str(exc))
        except TimeoutError:
            self.close()
            return _timed_out(self.provider, n)
        except (OSError, http.client.HTTPException) as exc:
            self.close()
            return DeliveryResult.retry(
                n, f"cannot reach {self.provider.where}: {exception_summary(exc)}"
            )
        except BaseException:
            self.close()
            raise
        return _by_status(self.provider, n, status, raw)


def post_message(provider: Provider, n: Notification, body: str) -> DeliveryResult:
    """Post one message on a connection of its own (see :class:`Session` for a batch)."""
    with Session(provider) as session:
        return session.post(n, body)


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
            raw = reply.read()
            status = reply.status
    except urllib.error.HTTPError as exc:
        with exc:
            return _by_status(provider, n, exc.code, exc.read())
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
    return _by_status(provider, n, status, raw)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect: the answer is the 3xx itself (an ``HTTPError``)."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None
