"""The email channel under many threads: a pool of ``connections`` SMTP connections shared
by every call of ``send``, given back open, closed when idle too long, and reopened when
the server closed one before it took the message."""

from __future__ import annotations

import email
import email.policy
import gc
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from rulesengine_email import EmailChannel, message_id

from rulesengine.channels import DeliveryResult
from rulesengine.testing.plugin_kit import sample_notification

LOOPBACK = "127.0.0.1"


def note(i: int, **overrides):
    values = {
        "id": i,
        "to": f"guarantor{i}@example.org",
        "idempotency_key": f"B1:S{i}:email",
        "statement_id": f"S{i}",
    }
    values.update(overrides)
    return sample_notification(**values)


def channel(port: int, cls: type[EmailChannel] = EmailChannel, **settings) -> EmailChannel:
    return cls(
        {
            "smtp_host": LOOPBACK,
            "smtp_port": port,
            "starttls": False,
            "from": "billing@riverside.example.org",
            **settings,
        }
    )


def send_at_once(ch: EmailChannel, notes: list) -> list[DeliveryResult]:
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
    """Whether ``condition()`` became true within ``seconds`` (what the server's thread does)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def recipients(handler) -> Counter:
    return Counter(address for m in handler.received for address in m.rcpt_tos)


def test_connections_sets_max_in_flight() -> None:
    assert EmailChannel({}).max_in_flight == 4
    assert EmailChannel({"connections": 1}).max_in_flight == 1
    assert EmailChannel({"connections": 100}).max_in_flight == 100


@pytest.mark.parametrize("value", [0, 101, -4, "4", True, 2.5])
def test_connections_outside_1_to_100_fails_every_notification(value, tmp_path: Path) -> None:
    ch = EmailChannel({"outbox": str(tmp_path), "connections": value})
    assert list(ch.send([note(1), note(2)])) == [
        DeliveryResult.failed(
            i,
            "channels.email.connections must be a whole number from 1 to 100 (SMTP "
            f"connections open at once, such as 4), got {value!r}",
        )
        for i in (1, 2)
    ]
    assert list(tmp_path.iterdir()) == []


def test_twenty_threads_share_four_connections(smtp_server) -> None:
    """20 calls of send at once with connections: 4: the server never has more than 4
    connections open (and has 4 at once: its first 4 messages wait for one another), every
    message arrives exactly once, and the 4 connections carry them all."""
    handler, port = smtp_server(gather=4)
    ch = channel(port, connections=4)
    results = send_at_once(ch, [note(i) for i in range(1, 21)])
    assert sorted((r.notification_id, r.outcome) for r in results) == [
        (i, "sent") for i in range(1, 21)
    ]
    assert recipients(handler) == {f"guarantor{i}@example.org": 1 for i in range(1, 21)}
    assert handler.peak_connections == 4
    assert handler.connections_made == 4
    assert ch.pool.opened == 4


def test_a_connection_is_given_back_open_and_used_again(smtp_server) -> None:
    handler, port = smtp_server()
    ch = channel(port)
    list(ch.send([note(1)]))
    assert [r.outcome for r in ch.send([note(2), note(3)])] == ["sent", "sent"]
    assert handler.connections_made == 1
    assert handler.open_connections == 1
    assert len({m.peer for m in handler.received}) == 1


def test_a_connection_idle_too_long_is_closed_not_used_again(smtp_server) -> None:
    class Impatient(EmailChannel):
        idle_seconds = 0.0  # every connection given back is already idle too long

    handler, port = smtp_server()
    ch = channel(port, Impatient)
    list(ch.send([note(1)]))
    assert [r.outcome for r in ch.send([note(2)])] == ["sent"]
    assert handler.connections_made == 2
    assert wait_until(lambda: handler.open_connections == 1)
    assert len({m.peer for m in handler.received}) == 2


@pytest.mark.parametrize("mode", ["close", "421"])
def test_a_reused_connection_the_server_closed_is_reopened(hanging_up_server, mode) -> None:
    """The server ends each connection after one message (silently, or with 421 to the
    next command): the next message, not yet taken, goes once on a new connection."""
    server = hanging_up_server(mode)
    ch = channel(server.port)
    assert [r.outcome for r in ch.send([note(1)])] == ["sent"]
    assert [r.outcome for r in ch.send([note(2), note(3)])] == ["sent", "sent"]
    assert server.messages == [message_id(f"B1:S{i}:email") for i in (1, 2, 3)]
    assert server.connections_made == 3


def test_a_connection_lost_during_data_is_not_sent_again(hanging_up_server) -> None:
    """Once the message is on its way (after 354) the server may have taken it: a lost
    connection is a retry, never a second copy on a new connection."""
    server = hanging_up_server("drop-in-data")
    ch = channel(server.port)
    results = list(ch.send([note(1), note(2), note(3)]))
    assert [r.outcome for r in results] == ["sent", "retry", "retry"]
    assert results[1].detail.startswith(
        f"the connection to SMTP server {LOOPBACK}:{server.port} was lost while sending: "
    )
    assert results[2].detail == (
        f"not attempted: the connection to SMTP server {LOOPBACK}:{server.port} was lost "
        "during this batch"
    )
    assert server.mail_commands == 2
    assert server.connections_made == 1
    assert ch.pool.idle == 0  # the lost connection was not given back
    assert [r.outcome for r in ch.send([note(4)])] == ["sent"]
    assert server.connections_made == 2


def test_close_ends_the_idle_connections_and_the_channel_stays_usable(smtp_server) -> None:
    handler, port = smtp_server()
    ch = channel(port)
    list(ch.send([note(1)]))
    ch.close()
    ch.close()
    assert ch.pool.idle == 0
    assert wait_until(lambda: handler.open_connections == 0)
    assert [r.outcome for r in ch.send([note(2)])] == ["sent"]
    assert handler.connections_made == 2


def test_a_connection_in_use_when_close_is_called_is_closed_when_given_back(
    smtp_server,
) -> None:
    handler, port = smtp_server()
    ch = channel(port)
    results = iter(ch.send([note(1), note(2)]))
    assert next(results).outcome == "sent"  # the connection is borrowed
    ch.close()
    assert [r.outcome for r in results] == ["sent"]
    assert ch.pool.idle == 0
    assert wait_until(lambda: handler.open_connections == 0)


def test_a_dropped_channel_leaves_no_connection_open(smtp_server) -> None:
    """A worker that forgets the channel without close(): its idle connections close."""
    handler, port = smtp_server()
    ch = channel(port)
    list(ch.send([note(1)]))
    assert handler.open_connections == 1
    del ch
    gc.collect()
    assert wait_until(lambda: handler.open_connections == 0)


def test_the_outbox_takes_concurrent_calls(tmp_path: Path) -> None:
    """20 threads at once writing .eml files: one file each, all complete."""
    ch = EmailChannel({"outbox": str(tmp_path), "connections": 20})
    results = send_at_once(ch, [note(i) for i in range(1, 21)])
    assert sorted((r.notification_id, r.outcome) for r in results) == [
        (i, "sent") for i in range(1, 21)
    ]
    files = sorted(tmp_path.iterdir())
    assert len(files) == 20
    ids = {
        email.message_from_bytes(f.read_bytes(), policy=email.policy.default)["Message-ID"]
        for f in files
    }
    assert ids == {message_id(f"B1:S{i}:email") for i in range(1, 21)}
