"""The SMTP password goes only over TLS or to a server on loopback (the address actually
reached, whatever the host name resolved to), and only from a variable a rules file may name."""

from __future__ import annotations

import base64
import socket
import threading
from collections.abc import Callable, Iterator

import pytest
from rulesengine_email import EmailChannel

from rulesengine.testing.plugin_kit import sample_notification

PASSWORD = "s3cret pass"


def non_loopback_address() -> str:
    """An IPv4 address of this machine that is not loopback (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))
        address = probe.getsockname()[0]
    assert not address.startswith("127."), "this machine needs a non-loopback interface"
    return address


@pytest.fixture
def plain_smtp() -> Iterator[Callable[[str], tuple[int, list[bytes]]]]:
    """``start(host)``: a plain SMTP server (no STARTTLS, offers AUTH PLAIN) on ``host``
    that records every line a client sends and accepts everything."""
    stops: list[tuple[threading.Event, threading.Thread, socket.socket]] = []

    def start(host: str) -> tuple[int, list[bytes]]:
        listener = socket.socket()
        listener.bind((host, 0))
        listener.listen(2)
        listener.settimeout(0.2)
        lines: list[bytes] = []
        stop = threading.Event()

        def serve() -> None:
            while not stop.is_set():
                try:
                    conn, _ = listener.accept()
                except TimeoutError:
                    continue
                with conn, conn.makefile("rwb") as io:
                    conn.settimeout(5)
                    io.write(b"220 test ESMTP\r\n")
                    io.flush()
                    in_data = False
                    for line in io:
                        lines.append(line)
                        word = line.strip().upper()
                        if in_data:
                            if line.strip() == b".":
                                in_data = False
                                io.write(b"250 queued\r\n")
                        elif word.startswith(b"EHLO"):
                            io.write(b"250-test\r\n250 AUTH PLAIN LOGIN\r\n")
                        elif word.startswith(b"AUTH"):
                            io.write(b"235 ok\r\n")
                        elif word == b"DATA":
                            in_data = True
                            io.write(b"354 go on\r\n")
                        elif word == b"QUIT":
                            io.write(b"221 bye\r\n")
                            io.flush()
                            break
                        else:
                            io.write(b"250 ok\r\n")
                        io.flush()

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        stops.append((stop, thread, listener))
        return listener.getsockname()[1], lines

    yield start
    for stop, thread, listener in stops:
        stop.set()
        thread.join(timeout=5)
        listener.close()


def channel(host: str, port: int, password_env: str = "RULESENGINE_TEST_SMTP_PASSWORD"):
    return EmailChannel(
        {
            "smtp_host": host,
            "smtp_port": port,
            "starttls": False,
            "username": "billing",
            "password_env": password_env,
            "from": "billing@riverside.example.org",
        }
    )


def sent_a_secret(lines: list[bytes]) -> bool:
    text = b"".join(lines)
    encoded = base64.b64encode(f"\0billing\0{PASSWORD}".encode())
    return b"AUTH" in text.upper() or encoded in text or PASSWORD.encode() in text


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RULESENGINE_TEST_SMTP_PASSWORD", PASSWORD)


def test_login_without_tls_to_loopback_is_allowed(plain_smtp) -> None:
    """The control case: a relay on 127.0.0.1 gets AUTH over a plain connection."""
    port, lines = plain_smtp("127.0.0.1")
    [result] = list(channel("127.0.0.1", port).send([sample_notification()]))
    assert result.outcome == "sent", result.detail
    assert sent_a_secret(lines)


def test_no_login_without_tls_to_an_address_that_is_not_loopback(plain_smtp) -> None:
    """starttls: false to a server elsewhere: the connection is closed before AUTH."""
    address = non_loopback_address()
    port, lines = plain_smtp(address)
    results = list(
        channel(address, port).send([sample_notification(id=1), sample_notification(id=2)])
    )
    detail = (
        f"SMTP server {address}:{port} ({address}) was reached without TLS: the password is "
        "never sent unencrypted except to a loopback address; remove 'starttls: false'"
    )
    assert [(r.outcome, r.detail) for r in results] == [("failed", detail)] * 2
    assert lines, "the server was never reached"
    assert not sent_a_secret(lines)


def test_a_loopback_name_that_resolves_elsewhere_gets_no_password(
    plain_smtp,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'localhost' passes the rules file's check; the address connected to is what counts."""
    address = non_loopback_address()
    port, lines = plain_smtp(address)
    real = socket.getaddrinfo

    def lying(host, *args, **kwargs):
        return real(address if host == "localhost" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lying)
    [result] = list(channel("localhost", port).send([sample_notification()]))
    assert result.outcome == "failed"
    assert result.detail.startswith(f"SMTP server localhost:{port} ({address}) was reached without")
    assert not sent_a_secret(lines)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("PGPASSWORD", "may not be read: a rules file may only name environment variables"),
        ("RULESENGINE_SECRET", "is one of rulesengine's own variables"),
        ("RULESENGINE_DB", "is one of rulesengine's own variables"),
        ("rulesengine_smtp_password", "may not be read"),
    ],
)
def test_a_variable_a_rules_file_may_not_name_is_never_read(
    plain_smtp,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    why: str,
) -> None:
    """Built without the rules loader, the channel still never reads PGPASSWORD or the
    pay-link key, and never connects."""
    monkeypatch.setenv(name, "machine-secret")
    port, lines = plain_smtp("127.0.0.1")
    [result] = channel("127.0.0.1", port, password_env=name).send([sample_notification()])
    assert result.outcome == "failed"
    assert result.detail.startswith(f"channels.email.password_env: '{name}' {why}")
    assert lines == []
