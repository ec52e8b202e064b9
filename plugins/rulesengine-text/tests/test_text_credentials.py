"""The SMS token goes only over TLS or to loopback: never through a cleartext proxy, never
to a redirect target, never from a variable a rules file may not name."""

from __future__ import annotations

import socket
import threading
import urllib.request
from collections.abc import Iterator

import pytest
from rulesengine_text import TextChannel
from rulesengine_text._provider import Provider, _post_via_urllib

from rulesengine.channels import DeliveryResult
from rulesengine.testing.plugin_kit import sample_notification

SID = "AC0123456789abcdef"
TOKEN = "tok-secret-4b1d"


def note(i: int = 1):
    return sample_notification(
        id=i,
        channel="text",
        to=f"+1555555010{i}",
        idempotency_key=f"B1:S{i}:text",
        content={"body": "Riverside: your statement is ready."},
    )


def channel(base_url: str, token_env: str = "RULESENGINE_TEST_SMS_TOKEN") -> TextChannel:
    return TextChannel(
        {"base_url": base_url, "account_sid": SID, "token_env": token_env, "from": "+15555550100"}
    )


@pytest.fixture(autouse=True)
def token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RULESENGINE_TEST_SMS_TOKEN", TOKEN)
    for name in ("no_proxy", "NO_PROXY", "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)


def non_loopback_address() -> str:
    """An IPv4 address of this machine that is not loopback (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))
        address = probe.getsockname()[0]
    assert not address.startswith("127."), "this machine needs a non-loopback interface"
    return address


def resolve_localhost_to(monkeypatch: pytest.MonkeyPatch, address: str) -> None:
    """A hostile resolver: 'localhost' answers with ``address`` (a DNS or hosts-file trick)."""
    real = socket.getaddrinfo

    def lying(host, *args, **kwargs):
        return real(address if host == "localhost" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lying)


@pytest.fixture
def recording_proxy() -> Iterator[tuple[str, list[bytes]]]:
    """A proxy on loopback that records what each client sends first, and refuses (403)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(5)
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    data += chunk
                seen.append(data)
                conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}", seen
    stop.set()
    thread.join(timeout=5)
    listener.close()


def test_plain_http_to_an_address_that_is_not_loopback_is_refused_before_sending(
    sms_provider,
) -> None:
    """base_url http:// with a token: only to a loopback address (the setting is checked)."""
    server = sms_provider("ok", host=non_loopback_address())
    [result] = list(channel(server.base_url).send([note()]))
    assert result == DeliveryResult.failed(
        1,
        f"channels.text.base_url {server.base_url!r} would send the token unencrypted: use "
        "https://, or http:// only to a loopback address",
    )
    assert server.requests == []


def test_a_loopback_name_that_resolves_elsewhere_gets_no_token(
    sms_provider,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'localhost' passes the setting check, but the address actually reached is checked."""
    address = non_loopback_address()
    server = sms_provider("ok", host=address)
    resolve_localhost_to(monkeypatch, address)
    port = server.server_address[1]
    [result] = list(channel(f"http://localhost:{port}").send([note()]))
    assert result == DeliveryResult.failed(
        1,
        f"SMS provider localhost:{port} ({address}) was reached over plain http: the token is "
        "never sent unencrypted except to a loopback address; use an https:// base_url",
    )
    assert server.requests == []


def test_plain_http_to_loopback_still_works(sms_provider) -> None:
    server = sms_provider("ok")
    [result] = list(channel(server.base_url).send([note()]))
    assert result.outcome == "sent"
    assert server.requests[0].password == TOKEN


def test_a_user_and_password_in_base_url_are_refused(sms_provider) -> None:
    server = sms_provider("ok")
    url = server.base_url.replace("http://", "http://AC1:hunter2@")
    [result] = list(channel(url).send([note()]))
    assert result.outcome == "failed"
    assert result.detail == (
        "channels.text.base_url must not hold a user or password: remove the 'user:password@' "
        "part (the token comes from token_env)"
    )
    assert server.requests == []


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("PGPASSWORD", "may not be read: a rules file may only name environment variables"),
        ("RULESENGINE_SECRET", "is one of rulesengine's own variables"),
        ("RULESENGINE_DB", "is one of rulesengine's own variables"),
    ],
)
def test_a_variable_a_rules_file_may_not_name_is_never_read(
    sms_provider,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    why: str,
) -> None:
    """Even when the channel is built without the rules loader, PGPASSWORD or the pay-link
    key is never sent as the token."""
    monkeypatch.setenv(name, "machine-secret")
    server = sms_provider("ok")
    [result] = channel(server.base_url, token_env=name).send([note()])
    assert result.outcome == "failed"
    assert result.detail.startswith(f"channels.text.token_env: '{name}' {why}")
    assert server.requests == []


def test_an_https_proxy_never_sees_the_token(
    recording_proxy: tuple[str, list[bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With https_proxy set, an https provider is reached through a CONNECT tunnel: the proxy
    learns the host, never the token (it would travel inside TLS)."""
    proxy_url, seen = recording_proxy
    monkeypatch.setenv("https_proxy", proxy_url)
    [result] = list(channel("https://sms.example.invalid").send([note()]))
    assert result.outcome == "retry"
    [first] = seen
    assert first.startswith(b"CONNECT sms.example.invalid:443 ")
    assert b"Authorization" not in first
    assert TOKEN.encode() not in first


def test_plain_http_to_loopback_never_goes_through_a_proxy(
    sms_provider,
    recording_proxy: tuple[str, list[bytes]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """http_proxy would carry the token in the clear: a loopback provider is reached directly."""
    proxy_url, seen = recording_proxy
    monkeypatch.setenv("http_proxy", proxy_url)
    server = sms_provider("ok")
    [result] = list(channel(server.base_url).send([note()]))
    assert result.outcome == "sent"
    assert seen == []
    assert len(server.requests) == 1


def test_the_proxy_path_leaves_the_process_wide_url_opener_alone(
    recording_proxy: tuple[str, list[bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """urllib.request.urlopen() keeps the opener (and the proxy settings) of its first call
    for every later caller; the channel builds its own, so other plugins in the same
    worker never inherit a proxy that was meant for the text provider."""
    proxy_url, seen = recording_proxy
    monkeypatch.setenv("https_proxy", proxy_url)
    before = urllib.request._opener  # the cached opener urlopen() uses
    list(channel("https://sms.example.invalid").send([note()]))
    assert len(seen) == 1
    assert urllib.request._opener is before


def test_the_proxy_path_never_follows_a_redirect(sms_provider) -> None:
    """A 302 is the answer (failed), not an invitation to send the token elsewhere."""
    target = sms_provider("ok")
    server = sms_provider("redirect")
    server.redirect_to = target.base_url + "/steal"
    provider = Provider(server.base_url, SID, TOKEN, "+15555550100", 5.0)
    result = _post_via_urllib(provider, note(), "hello")
    assert result.outcome == "failed"
    assert result.detail.startswith("SMS provider 127.0.0.1:")
    assert "answered HTTP 302" in result.detail
    assert result.detail.endswith(
        "(redirects are never followed: set base_url to the address the provider documents)"
    )
    assert len(server.requests) == 1
    assert target.requests == []


def test_the_direct_path_never_follows_a_redirect(sms_provider) -> None:
    target = sms_provider("ok")
    server = sms_provider("redirect")
    server.redirect_to = target.base_url + "/steal"
    [result] = list(channel(server.base_url).send([note()]))
    assert result.outcome == "failed"
    assert "answered HTTP 302" in result.detail
    assert target.requests == []
