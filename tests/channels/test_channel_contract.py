"""The typed channel contract: ``rulesengine.Channel`` declares every attribute the host
reads, with its type and default; the address kind ``guarantor`` gives a channel keyed by
the guarantor its id, and a proof the test recipient."""

from __future__ import annotations

import datetime as dt
import typing

import pytest

import rulesengine
from rulesengine.channels.channel_checks import channel_problems
from rulesengine.channels.contract import ADDRESS_KINDS, Channel
from rulesengine.channels.manager import channel_specs, get_channels, get_plugin_manager
from rulesengine.channels.registry import channel_addressing
from rulesengine.channels.specs import BUILTIN_CHANNEL_SPECS, ChannelSpec
from rulesengine.model import Encounter, Guarantor
from rulesengine.queue import Queue
from rulesengine.rules import load_rules_text
from rulesengine.statements.statement_run import run_statements
from rulesengine.store import open_store
from rulesengine.store.base import LedgerData
from rulesengine.testing.plugin_kit import check_channel, run_plugin, sample_notification

NOON = dt.datetime(2026, 2, 1, 18, tzinfo=dt.UTC)


class PortalChannel(rulesengine.Channel):
    """A patient portal: the message goes to the guarantor's account, keyed by their id."""

    name = "portal"
    address = "guarantor"
    content_keys = frozenset({"title", "body"})
    required_content = frozenset({"body"})
    single_line_content = frozenset({"title"})

    def send(self, notifications):
        return [
            rulesengine.DeliveryResult.sent(n, provider_ref=f"inbox/{n.to}") for n in notifications
        ]


class PortalPlugin:
    @rulesengine.hookimpl
    def register_channels(self, register):
        register(PortalChannel)


PORTAL_RULES = """\
rulesengine: 1
profile: {id: portal, timezone: America/Chicago, practice: Riverside}
dunning:
  levels:
    - message: reminder
      channels: [portal]
messages:
  reminder:
    portal:
      title: "A statement from {{ practice }}"
      body: "You owe {{ statement.total | money }}."
delivery:
  test_recipients: {portal: PORTAL-TEST-ACCOUNT}
"""
LEDGER = [
    Guarantor("G1", "Ada", "Lovelace"),  # no email, mobile or postal address at all
    Encounter("E1", "G1", "P1", dt.date(2026, 1, 3), 12_345),
]


def test_channel_declares_every_attribute_the_host_reads_with_its_default() -> None:
    hints = typing.get_type_hints(Channel, include_extras=True)
    assert sorted(hints) == sorted(
        [
            "name",
            "address",
            "settings_keys",
            "content_keys",
            "required_content",
            "single_line_content",
            "setting_types",
            "setting_ranges",
            "default_window",
            "max_window",
            "deduplicates",
            "max_in_flight",
        ]
    )
    assert typing.get_args(typing.get_args(hints["address"])[0]) == ADDRESS_KINDS

    class Smallest(Channel):
        name = "pager"
        address = "mobile"

        def send(self, notifications):
            return []

    assert channel_problems(Smallest) == []
    assert Smallest.deduplicates is False
    assert Smallest.max_in_flight == 1
    assert channel_specs({"pager": Smallest}) == {"pager": ChannelSpec("pager", "mobile")}


class Nothing(Channel):
    """Declares nothing of its own."""


def test_a_subclass_without_send_name_or_address_is_refused() -> None:
    assert channel_problems(Nothing) == [
        "Nothing.name must be a channel name such as 'fax' (lower-case letters, digits and _,"
        " starting with a letter), got None",
        "Nothing.address must be one of email, mobile, postal, guarantor, got None",
        "Nothing has no send(notifications) method of its own: a subclass of"
        " rulesengine.Channel must implement send",
    ]


def test_the_public_api_has_what_a_plugin_needs() -> None:
    assert {"Channel", "DeliveryResult", "Notification", "hookimpl", "ADDRESS_KINDS"} <= set(
        rulesengine.__all__
    )
    assert rulesengine.ADDRESS_KINDS == ("email", "mobile", "postal", "guarantor")
    assert {spec.address for spec in BUILTIN_CHANNEL_SPECS.values()} < set(ADDRESS_KINDS)


def test_the_built_in_channels_subclass_channel(clean_plugin_env) -> None:
    channels = get_channels(get_plugin_manager())
    for name in ("email", "text", "print"):
        assert issubclass(channels[name], rulesengine.Channel), name


def test_the_plugin_kit_checks_a_guarantor_keyed_channel() -> None:
    assert sample_notification(address="guarantor", id=7).to == "G0007"
    report = check_channel(PortalChannel)
    report.raise_for_problems()
    assert [r.provider_ref for r in report.results] == ["inbox/G0001", "inbox/G0002", "inbox/G0003"]


def test_a_guarantor_keyed_channel_gets_the_guarantor_id_and_never_lacks_an_address(
    tmp_path,
) -> None:
    outcome = run_plugin(PORTAL_RULES, LEDGER, PortalPlugin(), run_date=dt.date(2026, 2, 1))
    [n] = outcome.received["portal"]
    assert (n.to, n.guarantor_id, n.proof) == ("G1", "G1", False)
    assert n.content == {"title": "A statement from Riverside", "body": "You owe $123.45."}
    assert list(outcome.statuses.values()) == ["sent"]


def test_opt_outs_still_suppress_a_guarantor_keyed_channel() -> None:
    specs = {**BUILTIN_CHANNEL_SPECS, **channel_specs({"portal": PortalChannel})}
    rules = load_rules_text(PORTAL_RULES, channel_specs=specs)
    store = open_store("sqlite://")
    try:
        store.import_ledger(LedgerData(guarantors=LEDGER[:1], encounters=LEDGER[1:]))
        with Queue(store, channels={"portal": PortalChannel({})}) as queue:
            queue.opt_out("G1", "portal", now=NOON - dt.timedelta(days=5))
        batch = run_statements(
            store,
            rules,
            dt.date(2026, 2, 1),
            live=True,
            addressing=channel_addressing(specs),
        )
        assert [(d.to, d.status, d.reason) for d in batch.notifications] == [
            ("G1", "suppressed", "opted_out")
        ]
    finally:
        store.close()


@pytest.mark.parametrize(
    ("recipients", "proof_to"),
    [("{portal: PORTAL-TEST-ACCOUNT}", ["PORTAL-TEST-ACCOUNT"]), ("{}", [])],
    ids=["to-the-test-account", "none-without-a-test-recipient"],
)
def test_a_proof_for_a_guarantor_keyed_channel_goes_to_the_test_recipient_only(
    recipients, proof_to
) -> None:
    """A proof carries a real guarantor's id and data, but its ``to`` is the test recipient;
    with no test recipient for the channel there is no proof, never one to the guarantor."""
    text = PORTAL_RULES.replace("{portal: PORTAL-TEST-ACCOUNT}", recipients)
    specs = {**BUILTIN_CHANNEL_SPECS, **channel_specs({"portal": PortalChannel})}
    rules = load_rules_text(text, channel_specs=specs)
    store = open_store("sqlite://")
    try:
        store.import_ledger(LedgerData(guarantors=LEDGER[:1], encounters=LEDGER[1:]))
        test = run_statements(
            store,
            rules,
            dt.date(2026, 2, 1),
            live=False,
            addressing=channel_addressing(specs),
        )
        received = []

        class Recording(PortalChannel):
            def send(self, notifications):
                received.extend(notifications)
                return super().send(notifications)

        with Queue(store, channels={"portal": Recording({})}) as queue:
            queue.add_proofs(test, rules, NOON)
            queue.deliver(NOON, until_empty=True)
        assert [n.to for n in received] == proof_to
        assert all(n.proof and n.guarantor_id == "G1" for n in received)
    finally:
        store.close()


@pytest.mark.parametrize("value", [0, -1, 101, 2.5, True, "4", None])
def test_a_max_in_flight_outside_1_to_100_is_a_problem_naming_it(value: object) -> None:
    class Pooled(Channel):
        name = "pooled"
        address = "email"
        max_in_flight = value  # type: ignore[assignment]

        def send(self, notifications):
            return []

    (problem,) = channel_problems(Pooled)
    assert "max_in_flight must be a whole number from 1 to 100" in problem


def test_a_max_in_flight_of_1_to_100_is_accepted() -> None:
    class Pooled(Channel):
        name = "pooled"
        address = "email"
        max_in_flight = 100

        def send(self, notifications):
            return []

    assert channel_problems(Pooled) == []


@pytest.mark.parametrize(
    ("ranges", "problem"),
    [
        ({"pages": (5, 1)}, "least <= most"),
        ({"pages": (1, "9")}, "least <= most"),
        ({"pages": [1, 9]}, "least <= most"),
        ({"name": (1, 9)}, "setting_ranges['name'] is for a setting typed \"int\""),
        ("1-9", "setting_ranges must be a mapping"),
    ],
)
def test_bad_setting_ranges_are_a_problem_naming_them(ranges: object, problem: str) -> None:
    class Fax(Channel):
        name = "fax"
        address = "postal"
        settings_keys = frozenset({"pages", "name"})
        setting_types = {"pages": "int", "name": "str"}
        setting_ranges = ranges  # type: ignore[assignment]

        def send(self, notifications):
            return []

    (found,) = channel_problems(Fax)
    assert problem in found
