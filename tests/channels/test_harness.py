"""The plugin kit's in-process harness takes a rules file, a small ledger and a plugin
through a live run and delivery, and returns what the channel received and what the queue
recorded."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

import rulesengine
from rulesengine.errors import RulesengineError
from rulesengine.model import Encounter, Guarantor
from rulesengine.testing.plugin_kit import run_plugin

RUN = dt.date(2026, 2, 1)
PAGER_RULES = """\
rulesengine: 1
profile: {id: pager, timezone: America/Chicago, practice: Riverside}
dunning:
  levels:
    - message: reminder
      channels: [pager]
messages:
  reminder:
    pager: {body: "Riverside: you owe {{ statement.total | money }}."}
channels:
  pager: {send_window: "09:00-17:00", tone: chime}
"""


class PagerChannel(rulesengine.Channel):
    name = "pager"
    address = "mobile"
    settings_keys = frozenset({"tone"})
    content_keys = frozenset({"body"})

    def __init__(self, settings):
        self.settings = dict(settings)

    def send(self, notifications):
        return [
            rulesengine.DeliveryResult.sent(n, provider_ref=self.settings["tone"])
            if n.to.endswith("1")
            else rulesengine.DeliveryResult.failed(n, "pager number unknown")
            for n in notifications
        ]


class PagerPlugin:
    @rulesengine.hookimpl
    def register_channels(self, register):
        register(PagerChannel)


LEDGER = [
    Guarantor("G1", "Ada", mobile="+15555550101", timezone="America/New_York"),
    Guarantor("G2", "Alan", mobile="+15555550102"),
    Guarantor("G3", "Grace"),  # no mobile: suppressed, never handed over
    Encounter("E1", "G1", "P1", dt.date(2026, 1, 3), 12_345),
    Encounter("E2", "G2", "P2", dt.date(2026, 1, 4), 5_000),
    Encounter("E3", "G3", "P3", dt.date(2026, 1, 5), 7_000),
]


def test_a_live_run_and_delivery_with_python_ledger_data(tmp_path) -> None:
    outcome = run_plugin(PAGER_RULES, LEDGER, PagerPlugin(), run_date=RUN, workdir=tmp_path)
    handed = outcome.received["pager"]
    assert [(n.guarantor_id, n.to, n.content["body"]) for n in handed] == [
        ("G1", "+15555550101", "Riverside: you owe $123.45."),
        ("G2", "+15555550102", "Riverside: you owe $50.00."),
    ]
    # Each was handed over at the start of its own send window (the guarantor's zone).
    assert [n.scheduled_at.hour for n in handed] == [14, 15]
    assert sorted(d.guarantor_id for d in outcome.batch.notifications) == ["G1", "G2", "G3"]
    assert sorted(outcome.statuses.values()) == ["error", "sent", "suppressed"]
    assert [(r.outcome, r.provider_ref, r.detail) for r in outcome.results] == [
        ("sent", "chime", None),
        ("failed", None, "pager number unknown"),
    ]
    uploads = [c for c in outcome.status_changes if c[1] is None]
    assert sorted(c[2:] for c in uploads) == [
        ("scheduled", None),
        ("scheduled", None),
        ("suppressed", "no_mobile"),
    ]
    assert outcome.workdir == tmp_path


def test_a_csv_ledger_folder(tmp_path) -> None:
    ledger = tmp_path / "ledger"
    ledger.mkdir()
    (ledger / "guarantors.csv").write_text("id,first_name,mobile\nG1,Ada,+15555550101\n")
    (ledger / "encounters.csv").write_text(
        "id,guarantor,patient,service_date,balance\nE1,G1,P1,2026-01-03,123.45\n"
    )
    rules = tmp_path / "pager.yaml"
    rules.write_text(PAGER_RULES)
    outcome = run_plugin(rules, ledger, PagerPlugin(), run_date=RUN)
    assert [n.statement["total_cents"] for n in outcome.received["pager"]] == [12_345]
    assert list(outcome.statuses.values()) == ["sent"]


def test_the_installed_example_plugin_writes_into_the_workdir(clean_plugin_env, tmp_path):
    """Without a plugin the installed ones are used, as the host loads them."""
    rules = PAGER_RULES.replace("pager: {body", "voice: {say").replace("[pager]", "[voice]")
    rules = rules.replace('pager: {send_window: "09:00-17:00", tone: chime}', "voice: {}")
    outcome = run_plugin(rules, LEDGER, run_date=RUN, workdir=tmp_path)
    assert [n.to for n in outcome.received["voice"]] == ["+15555550101", "+15555550102"]
    [written, _] = sorted((tmp_path / "outbox" / "voice").iterdir())
    assert json.loads(written.read_text())["say"].startswith("Riverside: you owe")


def test_rules_the_plugin_refuses_are_a_rules_error() -> None:
    with pytest.raises(RulesengineError, match="tone"):
        run_plugin(
            PAGER_RULES.replace("tone: chime", "tnoe: chime"), LEDGER, PagerPlugin(), run_date=RUN
        )


def test_a_ledger_of_something_else_says_what_a_ledger_is() -> None:
    with pytest.raises(TypeError) as caught:
        run_plugin(PAGER_RULES, [{"id": "G1"}], PagerPlugin(), run_date=RUN)
    assert str(caught.value) == (
        "a ledger is LedgerData, a CSV folder, or Guarantor, Encounter, Payment and"
        " Adjustment values; got dict"
    )


def test_the_fixture_keeps_outboxes_under_tmp_path(channel_kit, tmp_path) -> None:
    outcome = channel_kit.run(PAGER_RULES, LEDGER, PagerPlugin(), run_date=RUN)
    assert outcome.workdir == tmp_path


def test_the_example_in_the_docs_runs_as_it_is() -> None:
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "plugins.md").read_text()
    [example] = [
        block
        for block in re.findall(r"```python\n(.*?)```", docs, flags=re.S)
        if "outcome = run_plugin(" in block
    ]
    exec(compile(example, "docs/plugins.md", "exec"), {"__name__": "docs_example"})


def test_a_misspelt_hook_in_the_plugin_is_refused_with_did_you_mean() -> None:
    from rulesengine.channels.manager import PluginError

    class Typo:
        @rulesengine.hookimpl
        def register_channel(self, register):
            register(PagerChannel)

    with pytest.raises(PluginError) as caught:
        run_plugin(PAGER_RULES, LEDGER, Typo(), run_date=RUN)
    assert str(caught.value) == (
        "a rulesengine plugin has an unknown hook: plugin Typo implements register_channel,"
        " which is not a rulesengine hook; did you mean 'register_channels'?"
        " (set RULESENGINE_DISABLE_PLUGINS=Typo to run without it)"
    )


def test_a_hook_argument_the_hook_does_not_have_is_one_sentence() -> None:
    from rulesengine.channels.manager import PluginError

    class WrongArgument:
        @rulesengine.hookimpl
        def register_channels(self, registry):
            registry(PagerChannel)

    with pytest.raises(PluginError) as caught:
        run_plugin(PAGER_RULES, LEDGER, WrongArgument(), run_date=RUN)
    assert str(caught.value) == (
        "the plugin cannot be registered: register_channels has no argument 'registry';"
        " its arguments are: register"
    )


def test_a_given_plugin_is_the_only_one_loaded(clean_plugin_env) -> None:
    """Not the built-in channel plugins: an email notification waits for a worker."""
    rules = PAGER_RULES.replace("channels: [pager]", "channels: [pager, email]").replace(
        '    pager: {body: "Riverside',
        '    email: {subject: Hi, body: Hi}\n    pager: {body: "Riverside',
    )
    ledger = [Guarantor("G1", "Ada", mobile="+15555550101", email="ada@example.org")] + LEDGER[3:4]
    outcome = run_plugin(rules, ledger, PagerPlugin(), run_date=RUN)
    assert set(outcome.received) == {"pager"}
    assert sorted(d.channel for d in outcome.batch.notifications) == ["email", "pager"]
    assert sorted(outcome.statuses.values()) == ["scheduled", "sent"]  # email waits
