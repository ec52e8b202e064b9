import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import rulesengine_voice
from rulesengine_voice import VoiceChannel

from rulesengine import Encounter, Guarantor
from rulesengine.testing.plugin_kit import check_channel, sample_notification


def make_notification(id, channel):
    """Sample notifications with voice content (the kit's default content is for text)."""
    return sample_notification(
        address="mobile",
        id=id,
        channel=channel,
        idempotency_key=f"B1:S{id}:voice",
        content={"say": "This is Riverside Family Medicine with a reminder about your bill."},
    )


def test_contract_plain_call(tmp_path):
    report = check_channel(
        VoiceChannel, {"outbox": str(tmp_path)}, make_notification=make_notification
    )
    report.raise_for_problems()
    assert [r.outcome for r in report.results] == ["sent", "sent", "sent"]


def test_contract_fixture(channel_kit):
    channel_kit.check(VoiceChannel, make_notification=make_notification)


def test_outbox_file_is_rewritten_on_retry(tmp_path):
    channel = VoiceChannel({"outbox": str(tmp_path)})
    first = channel.send([make_notification(1, "voice")])
    again = channel.send([make_notification(1, "voice")])
    assert first == again
    assert len(list(tmp_path.iterdir())) == 1
    assert json.loads(open(first[0].provider_ref).read())["to"] == "+15555550101"


class Provider(BaseHTTPRequestHandler):
    status = 201

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.seen.append(
            (self.path, self.headers["Authorization"], self.headers["Idempotency-Key"], body)
        )
        reply = json.dumps({"id": "CA123"}).encode()
        self.send_response(self.server.status)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


@pytest.fixture
def provider():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Provider)
    server.seen, server.status = [], 201
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def test_call_provider(provider, monkeypatch):
    monkeypatch.setenv("RULESENGINE_VOICE_API_KEY", "k-123")
    channel = VoiceChannel(
        {
            "base_url": f"http://127.0.0.1:{provider.server_port}",
            "api_key_env": "RULESENGINE_VOICE_API_KEY",
            "caller_id": "+15555550100",
        }
    )
    [result] = channel.send([make_notification(1, "voice")])
    assert (result.outcome, result.provider_ref) == ("sent", "CA123")
    path, auth, key, body = provider.seen[0]
    assert (path, auth, key) == ("/calls", "Bearer k-123", "B1:S1:voice")
    assert body["to"] == "+15555550101" and body["from"] == "+15555550100"


@pytest.mark.parametrize(("status", "outcome"), [(400, "failed"), (429, "retry"), (503, "retry")])
def test_provider_errors(provider, monkeypatch, status, outcome):
    provider.status = status
    monkeypatch.setenv("RULESENGINE_VOICE_API_KEY", "k-123")
    channel = VoiceChannel(
        {
            "base_url": f"http://127.0.0.1:{provider.server_port}",
            "api_key_env": "RULESENGINE_VOICE_API_KEY",
            "caller_id": "+15555550100",
        }
    )
    [result] = channel.send([make_notification(1, "voice")])
    assert (result.outcome, result.detail) == (outcome, f"call provider answered HTTP {status}")
    assert result.retry_after == (1.0 if status == 429 else None)


def test_the_installed_entry_point_loads_as_rulesengine_loads_it(channel_kit):
    report = channel_kit.check_entry_point("rulesengine-voice")
    assert report.channels == ("voice",)


RULES = """\
rulesengine: 1
profile: {id: calls, timezone: America/Chicago, practice: Riverside Family Medicine}
dunning:
  levels:
    - message: reminder
      channels: [voice]
messages:
  reminder:
    voice:
      say: "This is {{ practice }}. Your balance of {{ statement.total | money }} is due."
channels:
  voice: {send_window: "09:00-19:00"}
"""


def test_a_live_run_calls_each_guarantor_once(channel_kit):
    ledger = [
        Guarantor("G1", "Ada", mobile="+15555550101"),
        Guarantor("G2", "Alan"),  # no mobile number: suppressed, never called
        Encounter("E1", "G1", "P1", dt.date(2026, 1, 3), 12_345),
        Encounter("E2", "G2", "P2", dt.date(2026, 1, 4), 5_000),
    ]
    outcome = channel_kit.run(RULES, ledger, rulesengine_voice, run_date=dt.date(2026, 2, 1))
    [call] = outcome.received["voice"]
    assert (call.to, call.content["say"]) == (
        "+15555550101",
        "This is Riverside Family Medicine. Your balance of $123.45 is due.",
    )
    assert sorted(outcome.statuses.values()) == ["sent", "suppressed"]
    [script] = (outcome.workdir / "outbox" / "voice").iterdir()
    assert json.loads(script.read_text())["to"] == "+15555550101"
