"""Real SMTP servers on loopback for the email channel's tests (aiosmtpd, and a raw socket
server that drops the connection in the middle of DATA)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

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
    gets ``data_reply`` when set (``451 ...``, ``550 ...``)."""

    received: list[Received] = attrs.field(factory=list)
    refuse: set[str] = attrs.field(factory=set)
    refuse_reply: str = "550 5.1.1 mailbox unavailable"
    data_reply: str | None = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
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
        controller = Controller(handler, hostname=LOOPBACK, port=port, ready_timeout=5, **kwargs)
        controller.start()
        controllers.append(controller)
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
