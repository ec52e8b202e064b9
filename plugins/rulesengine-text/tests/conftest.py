"""A local SMS provider in the shape of Twilio's Messages API, on 127.0.0.1."""

from __future__ import annotations

import base64
import json
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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
    ``down`` (500), ``slow`` (answers only once ``release`` is set, at most after 5 s),
    ``ok-then-close`` (201, then closes the connection without saying so, as a server does
    whose keep-alive timeout runs out), ``hang-up`` (reads the request, closes without an
    answer), ``redirect`` (302 to ``redirect_to``).

    ``keep_alive``: answer in HTTP/1.1 and keep the connection open (default: HTTP/1.0, one
    request per connection).
    """

    daemon_threads = True

    def __init__(self, mode: str, keep_alive: bool = False, host: str = "127.0.0.1") -> None:
        super().__init__((host, 0), _KeepAliveHandler if keep_alive else _Handler)
        self.mode = mode
        self.redirect_to = ""
        self.requests: list[Request] = []
        self.release = threading.Event()

    @property
    def base_url(self) -> str:
        return f"http://{self.server_address[0]}:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeProvider

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def _reply(self, status: int, payload: dict[str, Any] | str) -> None:
        body = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        try:
            self.send_response(status)
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
        self.server.requests.append(
            Request(
                self.path,
                user,
                password,
                self.headers.get("Idempotency-Key"),
                self.headers.get("Content-Type"),
                form,
                self.client_address[1],
            )
        )
        mode = self.server.mode
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
        elif mode in ("ok", "slow", "ok-then-close"):
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
        else:
            self._reply(500, "Internal Server Error")


class _KeepAliveHandler(_Handler):
    protocol_version = "HTTP/1.1"


@pytest.fixture
def sms_provider() -> Iterator[Callable[..., FakeProvider]]:
    servers: list[tuple[FakeProvider, threading.Thread]] = []

    def start(mode: str = "ok", keep_alive: bool = False, host: str = "127.0.0.1") -> FakeProvider:
        server = FakeProvider(mode, keep_alive, host)
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
