"""Real SMTP servers on loopback for the email channel's tests (aiosmtpd, and a raw socket
server that drops the connection in the middle of DATA)."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

# Imported, not listed in pytest_plugins: this conftest is not at the rootdir when the whole
# repository's tests run (pytest only honours pytest_plugins in a top-level conftest).
from rulesengine.testing.pytest_fixtures import channel_kit  # noqa: F401

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


@attrs.define
class Received:
    peer: tuple[str, int]
    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    login: str | None


@attrs.define
class RecordingHandler:
    """Accepts mail, except: RCPT to an address in ``refuse`` gets ``refuse_reply``; DATA
    gets ``data_reply`` when set (``451 ...``, ``550 ...``). ``gather``: the first
    ``gather`` messages are answered only once that many have arrived (at most after
    10 s), so that many connections are open at once.

    It counts connections: ``connections_made``, ``open_connections`` and their peak.
    """

    received: list[Received] = attrs.field(factory=list)
    refuse: set[str] = attrs.field(factory=set)
    refuse_reply: str = "550 5.1.1 mailbox unavailable"
    data_reply: str | None = None
    gather: int = 0
    connections_made: int = 0
    open_connections: int = 0
    peak_connections: int = 0
    _arrived: int = 0
    _gathered: asyncio.Event | None = None

    def connected(self) -> None:
        self.connections_made += 1
        self.open_connections += 1
        self.peak_connections = max(self.peak_connections, self.open_connections)

    def disconnected(self) -> None:
        self.open_connections -= 1

    async def _wait_for_the_others(self) -> None:
        self._arrived += 1
        if self._arrived > self.gather:
            return
        if self._gathered is None:
            self._gathered = asyncio.Event()
        if self._arrived == self.gather:
            self._gathered.set()
        await asyncio.wait_for(self._gathered.wait(), 10)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        await self._wait_for_the_others()
        if self.data_reply is not None:
            return self.data_reply
        login = session.auth_data.login.decode() if session.authenticated else None
        self.received.append(
            Received(
                session.peer,
                envelope.mail_from,
                list(envelope.rcpt_tos),
                envelope.original_content or envelope.content,
                login,
            )
        )
        return "250 2.0.0 queued"


class _CountingSMTP(SMTP):
    """aiosmtpd's SMTP session, telling its handler when a connection opens and closes."""

    def connection_made(self, transport):
        self.event_handler.connected()
        super().connection_made(transport)

    def connection_lost(self, error):
        self.event_handler.disconnected()
        super().connection_lost(error)


class _CountingController(Controller):
    def factory(self):
        return _CountingSMTP(self.handler, **self.SMTP_kwargs)


@pytest.fixture
def smtp_server() -> Iterator[Callable[..., tuple[RecordingHandler, int]]]:
    """Start an aiosmtpd server on 127.0.0.1 with a free port: ``start(**handler_fields)``."""
    controllers: list[Controller] = []

    def start(
        tls_context: ssl.SSLContext | None = None, **fields: Any
    ) -> tuple[RecordingHandler, int]:
        handler = RecordingHandler(**fields)
        port = free_port()
        kwargs: dict[str, Any] = {}
        if tls_context is not None:
            kwargs = {
                "tls_context": tls_context,
                "require_starttls": True,
                "authenticator": _authenticator,
                "auth_require_tls": True,
            }
        controller = _CountingController(
            handler, hostname=LOOPBACK, port=port, ready_timeout=5, **kwargs
        )
        controller.start()
        controllers.append(controller)
        # start() connects once to see the server answer: count from the tests' own.
        for _ in range(500):
            if handler.open_connections == 0:
                break
            time.sleep(0.01)
        handler.connections_made = handler.peak_connections = 0
        return handler, port

    yield start
    for controller in controllers:
        controller.stop()


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == b"billing"
        and (auth_data.password == b"s3cret pass")
    )
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key (generated with cryptography)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "rulesengine test SMTP")])
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
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(LOOPBACK))]),
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
def server_tls_context(tls_files: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*tls_files)
    return context


@pytest.fixture
def dropping_server() -> Iterator[int]:
    """A raw SMTP server that answers DATA with 354, reads some message bytes, then hangs up.

    It serves one connection, waits at most 10 s for it, and stops by itself.
    """
    listener = socket.socket()
    listener.bind((LOOPBACK, 0))
    listener.listen(1)
    listener.settimeout(10)
    port = listener.getsockname()[1]

    def serve() -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        reader = conn.makefile("rb")
        try:
            _converse(conn, reader)
        finally:
            reader.close()
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            conn.close()

    def _converse(conn: socket.socket, reader: Any) -> None:
        conn.settimeout(10)
        conn.sendall(b"220 127.0.0.1 ESMTP test\r\n")
        for _ in range(20):
            line = reader.readline()
            if not line:
                return
            verb = line[:4].upper()
            if verb == b"EHLO":
                conn.sendall(b"250-127.0.0.1\r\n250 8BITMIME\r\n")
            elif verb == b"DATA":
                conn.sendall(b"354 go ahead\r\n")
                reader.readline()  # the first line of the message, then hang up
                return
            else:
                conn.sendall(b"250 OK\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield port
    listener.close()
    thread.join(timeout=10)


@attrs.define
class HangingUpServer:
    """What :func:`hanging_up_server` saw: each accepted message's Message-ID, every
    ``MAIL FROM`` (one per attempt), and how many connections were opened."""

    port: int
    messages: list[str] = attrs.field(factory=list)
    mail_commands: int = 0
    connections_made: int = 0


@pytest.fixture
def hanging_up_server() -> Iterator[Callable[[str], HangingUpServer]]:
    """``start(mode)``: a raw SMTP server on loopback that ends a connection after its first
    message in one of three ways, as servers whose idle timeout runs out do:

    - ``close``: closes the connection right after answering the message, without a word;
    - ``421``: answers the next command with ``421 4.4.2 idle timeout`` and closes;
    - ``drop-in-data``: takes the next message's DATA (354), reads a line and hangs up.
    """
    stops: list[tuple[threading.Event, socket.socket, threading.Thread]] = []

    def start(mode: str) -> HangingUpServer:
        listener = socket.socket()
        listener.bind((LOOPBACK, 0))
        listener.listen(8)
        listener.settimeout(0.2)
        seen = HangingUpServer(listener.getsockname()[1])
        stop = threading.Event()

        def converse(conn: socket.socket) -> None:
            conn.settimeout(10)
            with conn, conn.makefile("rwb") as io:
                io.write(b"220 127.0.0.1 ESMTP test\r\n")
                io.flush()
                taken = 0
                for line in io:
                    verb = line[:4].upper()
                    if taken and mode == "421":
                        io.write(b"421 4.4.2 idle timeout\r\n")
                        io.flush()
                        return
                    if verb == b"EHLO":
                        io.write(b"250-127.0.0.1\r\n250 8BITMIME\r\n")
                    elif verb == b"MAIL":
                        seen.mail_commands += 1
                        io.write(b"250 OK\r\n")
                    elif verb == b"DATA":
                        io.write(b"354 go ahead\r\n")
                        io.flush()
                        if taken and mode == "drop-in-data":
                            io.readline()
                            return
                        message = b""
                        for data_line in io:
                            if data_line == b".\r\n":
                                break
                            message += data_line
                        found = [
                            h.split(b":", 1)[1].strip().decode()
                            for h in message.split(b"\r\n")
                            if h.lower().startswith(b"message-id:")
                        ]
                        seen.messages.extend(found)
                        taken += 1
                        io.write(b"250 2.0.0 queued\r\n")
                        io.flush()
                        if mode == "close":
                            conn.shutdown(socket.SHUT_RDWR)
                            return
                        continue
                    elif verb == b"QUIT":
                        io.write(b"221 bye\r\n")
                        io.flush()
                        return
                    else:
                        io.write(b"250 OK\r\n")
                    io.flush()

        def quietly(conn: socket.socket) -> None:
            try:
                converse(conn)
            except OSError:
                pass  # the client closed its end first

        def serve() -> None:
            while not stop.is_set():
                try:
                    conn, _ = listener.accept()
                except (TimeoutError, OSError):
                    continue
                seen.connections_made += 1
                threading.Thread(target=quietly, args=(conn,), daemon=True).start()

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        stops.append((stop, listener, thread))
        return seen

    yield start
    for stop, listener, thread in stops:
        stop.set()
        thread.join(timeout=5)
        listener.close()
