"""The text channel under many threads: a pool of ``connections`` keep-alive connections,
shared by every call of ``send``; a provider's 429 (and 503 with Retry-After) slows the
channel down instead of counting an attempt."""

from __future__ import annotations

import datetime as dt
import email.utils
import gc
import json
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from rulesengine_text import TextChannel
from rulesengine_text._provider import retry_after_seconds

from rulesengine.channels import DeliveryResult
from rulesengine.testing.plugin_kit import sample_notification

SID = "AC0123456789abcdef"


def note(i: int, **overrides):
    values = {
        "id": i,
        "channel": "text",
        "to": "+15555550101",
        "idempotency_key": f"B1:S{i}:text",
        "content": {"body": f"Riverside: statement {i} is ready."},
    }
    values.update(overrides)
    return sample_notification(**values)


@pytest.fixture(autouse=True)
def token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RULESENGINE_TEST_SMS_TOKEN", "tok-secret")
    for name in ("no_proxy", "NO_PROXY", "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)


def channel(base_url: str, **settings) -> TextChannel:
    return TextChannel(
        {
            "base_url": base_url,
            "account_sid": SID,
            "token_env": "RULESENGINE_TEST_SMS_TOKEN",
            "from": "+15555550100",
            **settings,
        }
    )


def send_at_once(ch: TextChannel, notes: list) -> list[DeliveryResult]:
    """One thread per notification, each calling ``send`` with it as the queue does when
    ``max_in_flight`` > 1, all released together."""
    start = threading.Barrier(len(notes))
    results: list[DeliveryResult] = []
    lock = threading.Lock()

    def one(n) -> None:
        start.wait(10)
        got = list(ch.send([n]))
        with lock:
            results.extend(got)

    threads = [threading.Thread(target=one, args=(n,)) for n in notes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def wait_until(condition, seconds: float = 5.0) -> bool:
    """Whether ``condition()`` became true within ``seconds`` (what another thread does)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_connections_sets_max_in_flight() -> None:
    assert TextChannel({}).max_in_flight == 8
    assert TextChannel({"connections": 3}).max_in_flight == 3
    assert TextChannel({"connections": 100}).max_in_flight == 100


@pytest.mark.parametrize("value", [0, 101, -1, "8", True, 2.5])
def test_connections_outside_1_to_100_fails_every_notification(value, tmp_path: Path) -> None:
    ch = TextChannel({"outbox": str(tmp_path), "connections": value})
    assert list(ch.send([note(1), note(2)])) == [
        DeliveryResult.failed(
            i,
            "channels.text.connections must be a whole number from 1 to 100 (connections "
            f"open at once to the provider, such as 8), got {value!r}",
        )
        for i in (1, 2)
    ]
    assert list(tmp_path.iterdir()) == []


def test_twenty_threads_share_four_connections(sms_provider) -> None:
    """20 calls of send at once with connections: 4: the provider never has more than 4
    connections open (and has 4 at once: its first 4 answers wait for one another), every
    message arrives exactly once, and the connections carry them all."""
    server = sms_provider("ok", keep_alive=True)
    server.gather = 4
    ch = channel(server.base_url, connections=4)
    results = send_at_once(ch, [note(i) for i in range(1, 21)])
    assert sorted((r.notification_id, r.outcome) for r in results) == [
        (i, "sent") for i in range(1, 21)
    ]
    assert Counter(r.idempotency_key for r in server.requests) == {
        f"B1:S{i}:text": 1 for i in range(1, 21)
    }
    assert server.peak_connections == 4
    assert server.connections_made == 4
    assert ch.pool is not None and ch.pool.connections_opened == 4


def test_a_later_call_reuses_a_connection(sms_provider) -> None:
    server = sms_provider("ok", keep_alive=True)
    ch = channel(server.base_url)
    list(ch.send([note(1)]))
    list(ch.send([note(2)]))
    assert [r.outcome for r in ch.send([note(3)])] == ["sent"]
    assert server.connections_made == 1
    assert len({r.client_port for r in server.requests}) == 1


def test_a_reused_connection_closed_as_the_request_arrived_is_posted_again_once(
    sms_provider,
) -> None:
    """The server closes a kept-alive connection when the next request arrives, without an
    answer (its idle timeout ran out meanwhile): the message goes once more on a new
    connection, with the same Idempotency-Key, and is answered once."""
    server = sms_provider("close-reused", keep_alive=True)
    ch = channel(server.base_url)
    results = list(ch.send([note(1), note(2)]))
    assert [r.outcome for r in results] == ["sent", "sent"]
    assert [r.idempotency_key for r in server.requests] == [
        "B1:S1:text",
        "B1:S2:text",
        "B1:S2:text",
    ]
    assert [r.idempotency_key for r in server.answered] == ["B1:S1:text", "B1:S2:text"]
    assert server.connections_made == 2


def test_close_closes_the_idle_connections_and_the_channel_stays_usable(sms_provider) -> None:
    server = sms_provider("ok", keep_alive=True)
    ch = channel(server.base_url)
    list(ch.send([note(1)]))
    assert server.open_connections == 1
    ch.close()
    ch.close()
    assert wait_until(lambda: server.open_connections == 0)
    assert [r.outcome for r in ch.send([note(2)])] == ["sent"]
    assert server.connections_made == 2


def test_429_with_retry_after_in_seconds_pauses_that_long(sms_provider) -> None:
    server = sms_provider("busy")
    server.retry_after = "120"
    [result] = channel(server.base_url).send([note(1)])
    host = server.base_url.removeprefix("http://")
    assert result == DeliveryResult.retry(
        1,
        f"SMS provider {host} answered HTTP 429: Too Many Requests (error 20429)",
        retry_after=120.0,
    )


def test_429_with_retry_after_as_a_date_pauses_until_then(sms_provider) -> None:
    """An HTTP date two minutes ahead: a pause of about two minutes."""
    server = sms_provider("busy")
    server.retry_after = email.utils.format_datetime(
        dt.datetime.now(dt.UTC) + dt.timedelta(seconds=120), usegmt=True
    )
    [result] = channel(server.base_url).send([note(1)])
    assert result.outcome == "retry"
    assert result.retry_after is not None and 60 < result.retry_after <= 120


def test_503_with_retry_after_pauses_and_without_it_is_an_ordinary_retry(sms_provider) -> None:
    server = sms_provider("unavailable")
    server.retry_after = "30"
    [paused] = channel(server.base_url).send([note(1)])
    server.retry_after = None
    [plain] = channel(server.base_url).send([note(2)])
    host = server.base_url.removeprefix("http://")
    detail = f"SMS provider {host} answered HTTP 503: Service Unavailable"
    assert paused == DeliveryResult.retry(1, detail, retry_after=30.0)
    assert plain == DeliveryResult.retry(2, detail)


NOW = dt.datetime(2026, 12, 6, 18, 0, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("0", 0.0),
        ("Sun, 06 Dec 2026 18:01:30 GMT", 90.0),
        ("Sun, 06 Dec 2026 17:59:00 GMT", 0.0),  # already past: no pause
        ("Mon, 07 Dec 2026 18:00:00 GMT", 3600.0),  # a day ahead: at most an hour
        ("86400", 3600.0),
        ("-5", 0.0),
        (None, 1.0),
        ("", 1.0),
        ("soon", 1.0),
        ("nan", 1.0),
        ("inf", 1.0),
    ],
)
def test_retry_after_header_in_seconds(header, seconds) -> None:
    """Seconds or an HTTP date; missing or unreadable: 1 s; never more than an hour."""
    assert retry_after_seconds(header, NOW) == seconds


def test_the_outbox_takes_concurrent_calls(tmp_path: Path) -> None:
    """20 threads at once on one outbox (each call locks the file): one line per key, each
    result naming its own line; a key sent by two threads at once is written once."""
    ch = TextChannel({"outbox": str(tmp_path), "connections": 20})
    notes = [note(i) for i in range(1, 20)] + [note(1, id=99)]  # 99 repeats 1's key
    results = send_at_once(ch, notes)
    assert {r.outcome for r in results} == {"sent"}
    lines = (tmp_path / "messages.jsonl").read_text(encoding="utf-8").splitlines()
    keys = [json.loads(line)["idempotency_key"] for line in lines]
    assert sorted(keys) == sorted(f"B1:S{i}:text" for i in range(1, 20))
    refs = {r.notification_id: r.provider_ref for r in results}
    assert refs[99] == refs[1]
    assert len({refs[i] for i in range(1, 20)}) == 19


def test_https_with_a_trusted_certificate_reuses_its_connection(
    sms_provider, server_tls, tls_certificate, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over TLS (the certificate checked against SSL_CERT_FILE) the pool keeps the
    connection too: two calls, one connection, the token received."""
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_certificate[0]))
    server = sms_provider("ok", keep_alive=True, tls=server_tls)
    ch = channel(server.base_url)
    results = [*ch.send([note(1)]), *ch.send([note(2)])]
    assert [r.outcome for r in results] == ["sent", "sent"]
    assert [r.password for r in server.requests] == ["tok-secret", "tok-secret"]
    assert server.connections_made == 1


def test_https_with_an_untrusted_certificate_sends_nothing(
    sms_provider, server_tls, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    server = sms_provider("ok", tls=server_tls)
    [result] = channel(server.base_url).send([note(1)])
    host = server.base_url.removeprefix("https://")
    assert result.outcome == "retry"
    assert result.detail.startswith(f"cannot reach SMS provider {host}: SSLError")
    assert "CERTIFICATE_VERIFY_FAILED" in result.detail
    assert server.requests == []


def test_a_dropped_channel_leaves_no_connection_open(sms_provider) -> None:
    """A worker that forgets the channel without close(): its idle connections close."""
    server = sms_provider("ok", keep_alive=True)
    ch = channel(server.base_url)
    list(ch.send([note(1)]))
    assert server.open_connections == 1
    del ch
    gc.collect()
    assert wait_until(lambda: server.open_connections == 0)


class _Endless:
    """A loopback HTTP server answering every request with ``201`` and a body that never
    ends: ``drip`` sends a byte each 0.1 s (within a ``Content-Length`` of 100,000), else
    64 KiB chunks as fast as they go."""

    def __init__(self, drip: bool) -> None:
        import socket

        self.drip = drip
        self.server = socket.create_server(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn) -> None:
        with conn:
            try:
                conn.recv(65536)
                if self.drip:
                    conn.sendall(b"HTTP/1.1 201 Created\r\nContent-Length: 100000\r\n\r\n")
                    while not self.stop.wait(0.1):
                        conn.sendall(b"{")
                else:
                    conn.sendall(b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n")
                    chunk = b"10000\r\n" + b"x" * 0x10000 + b"\r\n"
                    while not self.stop.is_set():
                        conn.sendall(chunk)
            except OSError:
                return

    def close(self) -> None:
        self.stop.set()
        self.server.close()


def test_an_answer_without_end_is_read_no_further_than_64_kib() -> None:
    server = _Endless(drip=False)
    try:
        [result] = channel(server.base_url).send([note(1)])
    finally:
        server.close()
    host = server.base_url.removeprefix("http://")
    assert result == DeliveryResult.retry(
        1, f"SMS provider {host} answered with more than 64 KiB: not read"
    )


def test_an_answer_dripping_a_byte_at_a_time_ends_at_the_channels_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each byte comes within the read timeout, so only the whole answer's deadline (the
    channel's timeout) ends it: a lane is never held longer."""
    monkeypatch.setattr(TextChannel, "timeout_seconds", 0.5)
    server = _Endless(drip=True)
    try:
        [result] = channel(server.base_url).send([note(1)])
    finally:
        server.close()
    host = server.base_url.removeprefix("http://")
    assert result == DeliveryResult.retry(1, f"SMS provider {host} did not answer within 0.5 s")
