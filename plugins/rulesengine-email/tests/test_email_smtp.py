"""The email channel against real SMTP servers on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
import hashlib
import socket

import pytest
from rulesengine_email import EmailChannel

from rulesengine.channels import DeliveryResult, call_channel
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


def channel(port: int, **settings) -> EmailChannel:
    base = {
        "smtp_host": LOOPBACK,
        "smtp_port": port,
        "starttls": False,
        "from": "billing@riverside.example.org",
    }
    base.update(settings)
    return EmailChannel(base)


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]


def test_batch_is_sent_over_one_connection(smtp_server) -> None:
    """Three notifications: three messages, all from one client connection, all `sent`."""
    handler, port = smtp_server()
    batch = [note(1), note(2), note(3)]
    results = list(channel(port).send(batch))
    assert [r.outcome for r in results] == ["sent", "sent", "sent"]
    assert [r.notification_id for r in results] == [1, 2, 3]
    assert [m.rcpt_tos for m in handler.received] == [
        ["guarantor1@example.org"],
        ["guarantor2@example.org"],
        ["guarantor3@example.org"],
    ]
    assert len({m.peer for m in handler.received}) == 1
    assert {m.mail_from for m in handler.received} == {"billing@riverside.example.org"}


def test_mime_headers_and_utf8_text_part(smtp_server) -> None:
    """From (practice as display name), To, Subject, Date, a Message-ID from the idempotency key,
    and one text/plain UTF-8 part carrying non-ASCII text intact."""
    handler, port = smtp_server()
    n = note(1, content={"subject": "Ihre Rechnung – Zoë", "body": "Saldo: 12,00 €\nDanke."})
    [result] = list(channel(port).send([n]))
    msg = parse(handler.received[0].content)
    expected_id = f"<{hashlib.sha256(b'B1:S1:email').hexdigest()[:32]}@rulesengine>"
    assert result == DeliveryResult.sent(1, provider_ref=expected_id)
    assert msg["Message-ID"] == expected_id
    assert msg["From"] == "Riverside Family Medicine <billing@riverside.example.org>"
    assert msg["To"] == "guarantor1@example.org"
    assert msg["Subject"] == "Ihre Rechnung – Zoë"
    assert msg["Date"]
    assert msg.get_content_type() == "text/plain"
    assert msg.get_content_charset() == "utf-8"
    assert msg.get_content().replace("\r\n", "\n") == "Saldo: 12,00 €\nDanke.\n"


def test_each_result_is_yielded_as_soon_as_its_message_is_sent(smtp_server) -> None:
    """send yields each result when the server has answered its message, before the next
    one goes out (the queue records it at once: docs/plugins.md, "Results as they
    happen"); a notification that cannot be built fails in its place."""
    handler, port = smtp_server()
    batch = [note(1), note(2, to="not an address"), note(3)]
    results = iter(channel(port).send(batch))
    assert handler.received == []  # nothing is sent until the results are read
    first = next(results)
    assert (first.notification_id, first.outcome) == (1, "sent")
    assert len(handler.received) == 1
    assert [(r.notification_id, r.outcome) for r in results] == [(2, "failed"), (3, "sent")]
    assert len(handler.received) == 2


def test_message_id_is_stable_across_retries(smtp_server) -> None:
    """Sending the same notification again (attempt 2) reuses the Message-ID."""
    handler, port = smtp_server()
    ch = channel(port)
    list(ch.send([note(1)]))
    list(ch.send([note(1, attempt=2)]))
    ids = [parse(m.content)["Message-ID"] for m in handler.received]
    assert len(ids) == 2 and ids[0] == ids[1]


def test_transient_451_is_a_retry(smtp_server) -> None:
    _, port = smtp_server(data_reply="451 4.3.0 try again later")
    [result] = list(channel(port).send([note(1)]))
    assert result == DeliveryResult.retry(
        1, f"SMTP 451 from {LOOPBACK}:{port}: 4.3.0 try again later"
    )


def test_permanent_550_is_failed(smtp_server) -> None:
    _, port = smtp_server(data_reply="550 5.7.1 message rejected")
    [result] = list(channel(port).send([note(1)]))
    assert result == DeliveryResult.failed(
        1, f"SMTP 550 from {LOOPBACK}:{port}: 5.7.1 message rejected"
    )


def test_refused_recipient_affects_only_its_notification(smtp_server) -> None:
    handler, port = smtp_server(refuse={"guarantor2@example.org"})
    results = list(channel(port).send([note(1), note(2), note(3)]))
    assert [r.outcome for r in results] == ["sent", "failed", "sent"]
    assert results[1].detail == (
        f"SMTP 550 from {LOOPBACK}:{port} for the recipient: 5.1.1 mailbox unavailable"
    )
    assert [m.rcpt_tos for m in handler.received] == [
        ["guarantor1@example.org"],
        ["guarantor3@example.org"],
    ]


def test_refused_recipient_with_4xx_is_a_retry(smtp_server) -> None:
    _, port = smtp_server(refuse={"guarantor1@example.org"}, refuse_reply="450 4.2.1 busy")
    [result] = list(channel(port).send([note(1)]))
    assert result.outcome == "retry"
    assert result.detail == f"SMTP 450 from {LOOPBACK}:{port} for the recipient: 4.2.1 busy"


def test_connection_refused_is_a_retry_for_every_notification() -> None:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        port = s.getsockname()[1]  # bound but not listening: connections are refused
        results = list(channel(port).send([note(1), note(2)]))
    assert [r.outcome for r in results] == ["retry", "retry"]
    assert results[0].detail.startswith(
        f"cannot connect to SMTP server {LOOPBACK}:{port}: ConnectionRefusedError:"
    )


def test_connection_dropped_mid_data_retries_the_rest(dropping_server) -> None:
    port = dropping_server
    results = list(channel(port).send([note(1), note(2)]))
    assert [r.outcome for r in results] == ["retry", "retry"]
    assert results[0].detail.startswith(
        f"the connection to SMTP server {LOOPBACK}:{port} was lost while sending: "
    )
    assert results[1].detail == (
        f"not attempted: the connection to SMTP server {LOOPBACK}:{port} was lost during this batch"
    )


def test_starttls_and_login(smtp_server, server_tls_context, tls_files, monkeypatch) -> None:
    """STARTTLS with a certificate the client trusts (SSL_CERT_FILE), then AUTH with the
    password read from the environment variable named by password_env."""
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_files[0]))
    monkeypatch.setenv("RULESENGINE_TEST_SMTP_PASSWORD", "s3cret pass")
    handler, port = smtp_server(tls_context=server_tls_context)
    ch = channel(
        port, starttls=True, username="billing", password_env="RULESENGINE_TEST_SMTP_PASSWORD"
    )
    [result] = list(ch.send([note(1)]))
    assert result.outcome == "sent", result.detail
    assert handler.received[0].login == "billing"


def test_wrong_password_is_failed(smtp_server, server_tls_context, tls_files, monkeypatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_files[0]))
    monkeypatch.setenv("RULESENGINE_TEST_SMTP_PASSWORD", "wrong")
    handler, port = smtp_server(tls_context=server_tls_context)
    ch = channel(
        port, starttls=True, username="billing", password_env="RULESENGINE_TEST_SMTP_PASSWORD"
    )
    results = list(ch.send([note(1), note(2)]))
    assert [r.outcome for r in results] == ["failed", "failed"]
    assert results[0].detail.startswith(
        f"SMTP 535 from {LOOPBACK}:{port}: login as 'billing' refused: "
    )
    assert handler.received == []


def test_untrusted_certificate_is_failed(smtp_server, server_tls_context, monkeypatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    handler, port = smtp_server(tls_context=server_tls_context)
    [result] = channel(port, starttls=True).send([note(1)])
    assert result.outcome == "failed"
    assert result.detail.startswith(
        f"the TLS certificate of SMTP server {LOOPBACK}:{port} cannot be trusted: "
    )
    assert handler.received == []


def test_server_without_starttls_is_refused_when_starttls_is_on(smtp_server) -> None:
    handler, port = smtp_server()
    [result] = channel(port, starttls=True).send([note(1)])
    assert result == DeliveryResult.failed(
        1,
        f"SMTP server {LOOPBACK}:{port} does not offer STARTTLS; set starttls: false only for "
        "a server on a trusted network",
    )
    assert handler.received == []


def test_missing_password_variable_fails_every_notification(monkeypatch) -> None:
    monkeypatch.delenv("RULESENGINE_NO_SUCH_SMTP_PASSWORD", raising=False)
    ch = channel(1, username="billing", password_env="RULESENGINE_NO_SUCH_SMTP_PASSWORD")
    results = list(ch.send([note(1), note(2)]))
    assert results == [
        DeliveryResult.failed(
            i,
            "the environment variable RULESENGINE_NO_SUCH_SMTP_PASSWORD "
            "(channels.email.password_env) is not set: it must hold the SMTP password",
        )
        for i in (1, 2)
    ]


@pytest.mark.parametrize(
    ("overrides", "detail"),
    [
        (
            {"content": {"subject": "Hi\r\nBcc: victim@example.org", "body": "x"}},
            "the subject contains a line break (refused: header injection)",
        ),
        (
            {"to": "pat@example.org\r\nBcc: victim@example.org"},
            "the recipient address contains a line break (refused)",
        ),
        (
            {"to": "not an address"},
            "the recipient address 'not an address' is not an email address",
        ),
        ({"content": {"body": "x"}}, "the email has no subject (content key 'subject')"),
        ({"content": {"subject": "Hi"}}, "the email has no body (content key 'body')"),
    ],
)
def test_bad_notifications_fail_alone(smtp_server, overrides, detail) -> None:
    """A notification that cannot become a safe email fails; the rest of the batch is sent."""
    handler, port = smtp_server()
    results = list(channel(port).send([note(1), note(2, **overrides)]))
    assert results[0].outcome == "sent"
    assert results[1].outcome == "failed"
    assert results[1].detail.startswith(detail)
    assert len(handler.received) == 1


def test_settings_problems_fail_every_notification() -> None:
    results = list(EmailChannel({"smtp_host": LOOPBACK}).send([note(1)]))
    assert results == [
        DeliveryResult.failed(
            1, "channels.email.from is not set: the SMTP server needs a sender address"
        )
    ]
    results = list(EmailChannel({"username": "billing"}).send([note(1)]))
    assert results[0].detail.startswith("channels.email.username is set but password_env is not")


def test_default_port_follows_starttls() -> None:
    assert (
        EmailChannel({"smtp_host": "mail.example.org", "from": "a@b.org"}).settings.smtp_port == 587
    )
    assert (
        EmailChannel(
            {"smtp_host": "mail.example.org", "from": "a@b.org", "starttls": False}
        ).settings.smtp_port
        == 25
    )


def test_contract_with_a_real_server(smtp_server) -> None:
    """The plugin kit's checks pass against the SMTP server, and through call_channel."""
    from rulesengine.testing.plugin_kit import check_channel

    handler, port = smtp_server()
    settings = {
        "smtp_host": LOOPBACK,
        "smtp_port": port,
        "starttls": False,
        "from": "billing@riverside.example.org",
    }
    report = check_channel(EmailChannel, settings)
    assert report.ok, str(report)
    assert [r.outcome for r in call_channel(EmailChannel(settings), [note(7)])] == ["sent"]


def test_a_greeting_without_end_is_read_no_further_than_500_lines() -> None:
    """A server whose greeting's lines go on for ever (``220-...``): the session stops after
    500 lines, a retry, instead of reading until the worker runs out of memory."""
    import threading

    server = socket.create_server((LOOPBACK, 0))
    stop = threading.Event()

    def greet_for_ever() -> None:
        conn, _ = server.accept()
        with conn:
            try:
                while not stop.is_set():
                    conn.sendall(b"220-" + b"y" * 1000 + b"\r\n")
            except OSError:
                return

    threading.Thread(target=greet_for_ever, daemon=True).start()
    try:
        [result] = list(channel(server.getsockname()[1]).send([note(1)]))
    finally:
        stop.set()
        server.close()
    assert result.outcome == "retry"
    assert "a reply of more than 500 lines: not read further" in (result.detail or "")
