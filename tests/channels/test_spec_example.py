"""The smallest whole third-party plugin (a `voice` channel in one module) works unchanged:
installed, named in a rules file, uploaded by a live run, delivered."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from rulesengine.channels.registry import channel_addressing, installed_channel_specs
from rulesengine.model import Encounter, Guarantor
from rulesengine.queue import Queue
from rulesengine.queue.notification_reads import list_notifications
from rulesengine.rules import load_rules_text
from rulesengine.statements.statement_run import run_statements
from rulesengine.store import open_store
from rulesengine.store.base import LedgerData

#: A third party's whole rulesengine_voice.py.
SPEC_VOICE = """
# rulesengine_voice.py
import rulesengine

class VoiceChannel:
    name = "voice"            # what rules files put under `channels:`
    address = "mobile"        # guarantor contact it needs: email | mobile | postal | guarantor

    def __init__(self, settings):            # the rules file's `channels.voice` mapping
        self.settings = settings

    def send(self, notifications):           # a batch of due notifications
        return [rulesengine.DeliveryResult.sent(n, provider_ref="call-1") for n in notifications]

@rulesengine.hookimpl
def register_channels(register):
    register(VoiceChannel)
"""

RULES = """
rulesengine: 1
profile: {id: calls, timezone: America/Chicago, practice: Riverside}
dunning:
  levels:
    - message: reminder
      channels: [voice]
messages:
  reminder:
    voice: {script: "Hello from {{ practice }}. Your balance is {{ statement.total | money }}."}
channels:
  voice: {caller_id: "+15555550199"}
"""


@pytest.fixture
def spec_voice(clean_plugin_env, fake_dist, monkeypatch):
    # The repository's own example plugin also registers `voice`: keep it out of the way.
    monkeypatch.setenv("RULESENGINE_DISABLE_PLUGINS", "rulesengine-voice")
    monkeypatch.delitem(sys.modules, "rulesengine_voice", raising=False)
    fake_dist("acme-voice", "voice", "rulesengine_voice", SPEC_VOICE)


def test_the_spec_example_plugin_delivers_unchanged(spec_voice):
    specs = installed_channel_specs()
    assert specs["voice"].address == "mobile"
    rules = load_rules_text(RULES, filename="calls.yaml", channel_specs=specs)
    store = open_store("sqlite://")
    try:
        store.import_ledger(
            LedgerData(
                guarantors=[Guarantor("G1", first_name="Ada", mobile="+15555550101")],
                encounters=[Encounter("E1", "G1", "P1", dt.date(2026, 1, 3), 12_345)],
            )
        )
        batch = run_statements(
            store,
            rules,
            dt.date(2026, 2, 1),
            live=True,
            addressing=channel_addressing(specs),
        )
        assert [(n.channel, n.to, n.status) for n in batch.notifications] == [
            ("voice", "+15555550101", "scheduled")
        ]
        assert batch.notifications[0].content == {
            "script": "Hello from Riverside. Your balance is $123.45."
        }
        Queue(store).deliver(dt.datetime(2026, 2, 1, 18, tzinfo=dt.UTC), until_empty=True)
        [note] = list_notifications(store)
        assert (note["status"], note["provider_ref"]) == ("sent", "call-1")
    finally:
        store.close()
