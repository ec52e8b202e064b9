"""The text channel against a local Twilio-shaped HTTP server."""

from __future__ import annotations

import pytest
from rulesengine_text import TextChannel

from rulesengine.channels import DeliveryResult
from rulesengine.testing.plugin_kit import check_channel, sample_notification

SID = "AC0123456789abcdef"


def note(i: int, **overrides):
    values = {
        "id": i,
        "channel": "text",
        "to": f"+1555555010{i}",
        "idempotency_key": f"B1:S{i}:text",
        "content": {"body": f"Riverside: statement {i} is ready. Reply STOP to opt out"},
    }
    values.update(overrides)
    return sample_notification(**values)


@pytest.fixture
def token(monkeypatch):
    monkeypatch.setenv("RULESENGINE_TEST_SMS_TOKEN", "tok-secret")


def channel(base_url: str, cls: type[TextChannel] = TextChannel) -> TextChannel:
    return cls(
        {
            "base_url": base_url,
            "account_sid": SID,
            "token_env": "RULESENGINE_TEST_SMS_TOKEN",
            "from": "+15555550100",
        }
    )


def test_each_result_is_yielded_as_soon_as_the_provider_answered(sms_provider, token) -> None:
    """send yields each result when the provider has answered its request, before the next
    request goes out (the queue records it at once: docs/plugins.md, "Results as they
    happen"); a notification that cannot be sent fails in its place."""
    server = sms_provider("ok", keep_alive=True)
    results = iter(channel(server.base_url).send([note(1), note(2, to="12"), note(3)]))
    assert server.requests == []  # nothing is posted until the results are read
    first = next(results)
    assert (first.notification_id, first.outcome) == (1, "sent")
    assert len(server.requests) == 1
    assert [(r.notification_id, r.outcome) for r in results] == [(2, "failed"), (3, "sent")]
    assert len(server.requests) == 2


def test_posts_twilio_shaped_requests(sms_provider, token) -> None:
    """Form fields, basic auth, path and Idempotency-Key are what the provider receives;
    the reply's sid becomes the provider_ref."""
    server = sms_provider("ok")
    results = list(channel(server.base_url).send([note(1), note(2)]))
    assert results == [
        DeliveryResult.sent(1, provider_ref="SM" + "1".zfill(32)),
        DeliveryResult.sent(2, provider_ref="SM" + "2".zfill(32)),
    ]
    first = server.requests[0]
    assert first.path == f"/2010-04-01/Accounts/{SID}/Messages.json"
    assert (first.user, first.password) == (SID, "tok-secret")
    assert first.idempotency_key == "B1:S1:text"
    assert first.content_type.startswith("application/x-www-form-urlencoded")
    assert first.form == {
        "To": "+15555550101",
        "From": "+15555550100",
        "Body": "Riverside: statement 1 is ready. Reply STOP to opt out",
    }


def test_a_retry_sends_the_same_idempotency_key(sms_provider, token) -> None:
    server = sms_provider("ok")
    ch = channel(server.base_url)
    list(ch.send([note(1)]))
    list(ch.send([note(1, attempt=2)]))
    assert [r.idempotency_key for r in server.requests] == ["B1:S1:text", "B1:S1:text"]


def test_400_is_failed_with_the_providers_message(sms_provider, token) -> None:
    server = sms_provider("bad")
    [result] = list(channel(server.base_url).send([note(1)]))
    host = server.base_url.removeprefix("http://")
    assert result == DeliveryResult.failed(
        1,
        f"SMS provider {host} answered HTTP 400: The 'To' number is not a valid phone "
        "number. (error 21211)",
    )


@pytest.mark.parametrize(
    ("mode", "text", "retry_after"),
    [
        ("busy", "HTTP 429: Too Many Requests (error 20429)", 1.0),
        ("down", "HTTP 500: Internal Server Error", None),
    ],
)
def test_429_and_5xx_are_retries(sms_provider, token, mode, text, retry_after) -> None:
    """A 429 without Retry-After pauses the channel 1 s; a 500 is an ordinary retry."""
    server = sms_provider(mode)
    [result] = list(channel(server.base_url).send([note(1)]))
    host = server.base_url.removeprefix("http://")
    assert result == DeliveryResult.retry(
        1, f"SMS provider {host} answered {text}", retry_after=retry_after
    )


def test_no_answer_within_the_timeout_is_a_retry(sms_provider, token) -> None:
    class QuickText(TextChannel):
        timeout_seconds = 0.3

    server = sms_provider("slow")
    [result] = list(channel(server.base_url, QuickText).send([note(1)]))
    host = server.base_url.removeprefix("http://")
    assert result == DeliveryResult.retry(1, f"SMS provider {host} did not answer within 0.3 s")


def test_connection_refused_is_a_retry(sms_provider, token) -> None:
    server = sms_provider("ok")
    base_url = server.base_url
    server.shutdown()
    server.server_close()
    [result] = list(channel(base_url).send([note(1)]))
    assert result.outcome == "retry"
    assert result.detail.startswith(
        f"cannot reach SMS provider {base_url.removeprefix('http://')}: ConnectionRefusedError"
    )


@pytest.mark.parametrize("to", ["5555550101", "+1 555 555 0101", "+1555", "pat@example.org", ""])
def test_not_e164_is_failed_without_a_request(sms_provider, token, to) -> None:
    server = sms_provider("ok")
    results = list(channel(server.base_url).send([note(1, to=to), note(2)]))
    assert results[0] == DeliveryResult.failed(
        1, "the address is not an E.164 mobile number (such as +15555550101)"
    )
    assert results[1].outcome == "sent"
    assert [r.form["To"] for r in server.requests] == ["+15555550102"]


def test_fictional_555_numbers_are_accepted(tmp_path) -> None:
    [result] = list(TextChannel({"outbox": str(tmp_path)}).send([note(1, to="+15555550101")]))
    assert result.outcome == "sent"


def test_too_long_body_is_failed(tmp_path) -> None:
    [result] = list(
        TextChannel({"outbox": str(tmp_path)}).send([note(1, content={"body": "x" * 1601})])
    )
    assert result == DeliveryResult.failed(
        1,
        "the text message is 1601 characters long; SMS providers accept at most 1600: "
        "shorten the message",
    )


def test_missing_token_variable_fails_every_notification(monkeypatch) -> None:
    monkeypatch.delenv("RULESENGINE_TEST_SMS_TOKEN", raising=False)
    results = list(channel("http://127.0.0.1:9").send([note(1), note(2)]))
    assert {r.detail for r in results} == {
        "the environment variable RULESENGINE_TEST_SMS_TOKEN (channels.text.token_env) is not "
        "set: it must hold the SMS provider's auth token"
    }
    assert {r.outcome for r in results} == {"failed"}


@pytest.mark.parametrize(
    ("settings", "detail"),
    [
        (
            {"base_url": "file:///etc/passwd", "account_sid": SID, "token_env": "T", "from": "+1"},
            "channels.text.base_url must be an http(s) address such as https://api.twilio.com, "
            "got 'file:///etc/passwd'",
        ),
        (
            {"base_url": "https://api.twilio.com"},
            "channels.text needs account_sid, token_env, from when base_url is set",
        ),
    ],
)
def test_settings_problems_fail_every_notification(settings, detail) -> None:
    assert list(TextChannel(settings).send([note(1)])) == [DeliveryResult.failed(1, detail)]


def test_contract_with_a_real_server(sms_provider, token) -> None:
    server = sms_provider("ok")
    settings = {
        "base_url": server.base_url,
        "account_sid": SID,
        "token_env": "RULESENGINE_TEST_SMS_TOKEN",
        "from": "+15555550100",
    }
    report = check_channel(TextChannel, settings)
    assert report.ok, str(report)
    assert [r.outcome for r in report.results] == ["sent", "sent", "sent"]


def test_a_batch_goes_over_one_keep_alive_connection(sms_provider, token) -> None:
    """A server that keeps connections open gets the whole batch on one connection."""
    server = sms_provider("ok", keep_alive=True)
    results = list(channel(server.base_url).send([note(1), note(2), note(3)]))
    assert [r.outcome for r in results] == ["sent", "sent", "sent"]
    assert len({r.client_port for r in server.requests}) == 1
    assert [r.idempotency_key for r in server.requests] == [
        "B1:S1:text",
        "B1:S2:text",
        "B1:S3:text",
    ]


def test_a_connection_the_server_closed_is_reopened(sms_provider, token) -> None:
    """The server closes each connection after its answer without saying so (an idle
    keep-alive timeout): the next message goes on a new connection, and every message
    reaches the provider exactly once."""
    server = sms_provider("ok-then-close", keep_alive=True)
    results = list(channel(server.base_url).send([note(1), note(2), note(3)]))
    assert [r.outcome for r in results] == ["sent", "sent", "sent"]
    assert [r.idempotency_key for r in server.requests] == [
        "B1:S1:text",
        "B1:S2:text",
        "B1:S3:text",
    ]
    assert len({r.client_port for r in server.requests}) == 3


def test_one_request_per_connection_servers_still_work(sms_provider, token) -> None:
    """An HTTP/1.0 server closing after each answer: one connection per message."""
    server = sms_provider("ok")
    results = list(channel(server.base_url).send([note(1), note(2)]))
    assert [r.outcome for r in results] == ["sent", "sent"]
    assert len({r.client_port for r in server.requests}) == 2


def test_no_answer_on_a_new_connection_is_a_retry_not_a_resend(sms_provider, token) -> None:
    """The server reads the message and hangs up without answering on a fresh connection:
    the message may have been taken, so it is not posted again at once: ``retry``."""
    server = sms_provider("hang-up", keep_alive=True)
    [result] = list(channel(server.base_url).send([note(1)]))
    host = server.base_url.removeprefix("http://")
    assert result.outcome == "retry"
    assert result.detail.startswith(f"cannot reach SMS provider {host}: RemoteDisconnected")
    assert len(server.requests) == 1
