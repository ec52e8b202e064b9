"""A local SMS provider in the shape of Twilio's Messages API, on 127.0.0.1."""

from __future__ import annotations

import base64
import datetime as dt
import ipaddress
import json
import ssl
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import attrs
import pytest

# Imported, not listed in pytest_plugins: this conftest is not at the rootdir when the whole
# repository's tests run (pytest only honours pytest_plugins in a top-level conftest).
from rulesengine.testing.pytest_fixtures import channel_kit  # noqa: F401


@attrs.define
class Request:
    path: str
    user: str
    password: str
    idempotency_key: str | None
    content_type: str | None
    form: dict[str, str]
    client_port: int = 0


class FakeProvider(ThreadingHTTPServer):
    """``mode``: ``ok`` (201 with a sid), ``bad`` (400 with an error JSON), ``busy`` (429),
    ``down`` (500), ``unavailable`` (503), ``slow`` (answers only once ``release`` is set,
    at most after 5 s),
    ``ok-then-close`` (201, then closes the connection without saying so, as a server does
    whose keep-alive timeout runs out), ``hang-up`` (reads the request, closes without an
    answer), ``redirect`` (302 to ``redirect_to``).

    ``close-reused`` (201 to the first request on a connection; a later one on the same
    connection is read, then the connection is closed without an answer: a server whose
    keep-alive timeout ran out just as the request arrived).

    ``keep_alive``: answer in HTTP/1.1 and keep the connection open (default: HTTP/1.0, one
    request per connection). ``retry_after``: the ``Retry-After`` header of a 429 or 500
    answer. ``gather``: the first ``gather`` requests are answered only once that many
    have arrived (at most after 10 s), so that many connections are open at once.

    It counts connections: ``connections_made``, ``open_connections`` and their peak.
    """

    daemon_threads = True

    def __init__(
        self,
        mode: str,
        keep_alive: bool = False,
        host: str = "127.0.0.1",
        tls: ssl.SSLContext | None = None,
    ) -> None:
        super().__init__((host, 0), _KeepAliveHandler if keep_alive else _Handler)
        self.tls = tls
        if tls is not None:
            self.socket = tls.wrap_socket(self.socket, server_side=True)
        self.mode = mode
        self.redirect_to = ""
        self.retry_after: str | None = None
        self.requests: list[Request] = []
        self.answered: list[Request] = []
        self.release = threading.Event()
        self.gather = 0
        self.gathered = threading.Event()
        self.lock = threading.Lock()
        self.connections_made = 0
        self.open_connections = 0
        self.peak_connections = 0

    def finish_request(self, request: Any, client_address: Any) -> None:
        """One connection, from its first request to its close: counted."""
        with self.lock:
            self.connections_made += 1
            self.open_connections += 1
            self.peak_connections = max(self.peak_connections, self.open_connections)
        try:
            super().finish_request(request, client_address)
        finally:
            with self.lock:
                self.open_connections -= 1

    @property
    def base_url(self) -> str:
        scheme = "https" if self.tls is not None else "http"
        return f"{scheme}://{self.server_address[0]}:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeProvider

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def _reply(self, status: int, payload: dict[str, Any] | str) -> None:
        body = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        try:
            self.send_response(status)
            if status >= 400 and self.server.retry_after is not None:
                self.send_header("Retry-After", self.server.retry_after)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (the timeout test)

    def do_GET(self) -> None:
        """Recorded like a POST (a client following a redirect turns a POST into a GET)."""
        self.do_POST()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode("utf-8")))
        auth = self.headers.get("Authorization", "")
        user, _, password = (
            base64.b64decode(auth[6:]).decode().partition(":")
            if auth.startswith("Basic ")
            else ("", "", "")
        )
        request = Request(
            self.path,
            user,
            password,
            self.headers.get("Idempotency-Key"),
            self.headers.get("Content-Type"),
            form,
            self.client_address[1],
        )
        self.served = getattr(self, "served", 0) + 1
        with self.server.lock:
            self.server.requests.append(request)
            arrived = len(self.server.requests)
        mode = self.server.mode
        if arrived <= self.server.gather:
            if arrived == self.server.gather:
                self.server.gathered.set()
            self.server.gathered.wait(10)
        if mode == "close-reused" and self.served > 1:
            self.close_connection = True
            return
        with self.server.lock:
            self.server.answered.append(request)
        if mode == "slow":
            self.server.release.wait(5)
        if mode == "redirect":
            try:
                self.send_response(302)
                self.send_header("Location", self.server.redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:
                pass
        elif mode == "hang-up":
            self.close_connection = True
        elif mode in ("ok", "slow", "ok-then-close", "close-reused"):
            self._reply(201, {"sid": f"SM{len(self.server.requests):032d}", "status": "queued"})
            if mode == "ok-then-close":
                self.close_connection = True
        elif mode == "bad":
            self._reply(
                400,
                {
                    "code": 21211,
                    "message": "The 'To' number is not a valid phone number.",
                    "status": 400,
                },
            )
        elif mode == "busy":
            self._reply(429, {"code": 20429, "message": "Too Many Requests", "status": 429})
        elif mode == "unavailable":
            self._reply(503, "Service Unavailable")
        else:
            self._reply(500, "Internal Server Error")


class _KeepAliveHandler(_Handler):
    protocol_version = "HTTP/1.1"


@pytest.fixture
def sms_provider() -> Iterator[Callable[..., FakeProvider]]:
    servers: list[tuple[FakeProvider, threading.Thread]] = []

    def start(
        mode: str = "ok",
        keep_alive: bool = False,
        host: str = "127.0.0.1",
        tls: ssl.SSLContext | None = None,
    ) -> FakeProvider:
        server = FakeProvider(mode, keep_alive, host, tls)
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        thread.start()
        servers.append((server, thread))
        return server

    yield start
    for server, thread in servers:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def tls_certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key (generated with cryptography)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "rulesengine test SMS")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
def server_tls(tls_certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*tls_certificate)
    return context
