"""A ``deliver`` step's recording channels refuse what the channel they stand for refuses:
a notification its ``send_problem`` names (an address or a content the real channel would
fail) gets a ``failed`` result with the real channel's words (status ``error``), so a
scenario cannot pass with a notification production would fail. They accepted everything
before."""

from __future__ import annotations

from typing import Any

import pytest

from rulesengine.channels.manager import get_channels, get_plugin_manager
from rulesengine.scenarios import run_scenario_file
from rulesengine.scenarios.recording import recording_channels
from rulesengine.testing.plugin_kit import sample_notification

from .conftest import STANDARD

NON_ASCII_ADDRESS = """\
ledger:
  guarantors:
    - {id: G1, first_name: Zoë, email: zoë@example.org, timezone: America/New_York}
  encounters:
    - {id: E1, guarantor: G1, patient: P1, service_date: 2026-01-03, balance: 200.00}
"""


def delivered_expecting(scenario_file: Any, status: str) -> Any:
    """The result of delivering G1's email to its non-ASCII address, expected ``status``."""
    path = scenario_file(
        NON_ASCII_ADDRESS
        + f"""\
steps:
  - run: 2026-02-01
  - deliver: 2026-02-01T15:00:00Z
    expect:
      notifications: [{{guarantor: G1, channel: email, status: {status}}}]
"""
    )
    return run_scenario_file(str(path))


def test_an_address_the_email_channel_refuses_fails_the_delivery(scenario_file: Any) -> None:
    result = delivered_expecting(scenario_file, "error")
    assert result.passed, (result.error, result.failures)


def test_a_scenario_expecting_it_sent_fails_saying_why(scenario_file: Any) -> None:
    result = delivered_expecting(scenario_file, "sent")
    assert not result.passed
    shown = repr(result.failures)
    assert "sending -> error" in shown
    assert "is not ASCII (not supported)" in shown


def test_a_good_address_is_still_recorded_as_sent(scenario_file: Any) -> None:
    path = scenario_file(
        """\
steps:
  - run: 2026-02-01
  - deliver: 2026-02-01T15:00:00Z
    expect:
      notifications: [{guarantor: G1, channel: email, status: sent, to: ada@example.org}]
"""
    )
    result = run_scenario_file(str(path))
    assert result.passed, (result.error, result.failures)


@pytest.fixture(scope="module")
def recorders() -> dict[str, Any]:
    """The recording channels of rules/standard.yaml, over the built-in channels."""
    import rulesengine

    rules = rulesengine.load_rules(STANDARD)
    return recording_channels(rules, get_channels(get_plugin_manager()))


@pytest.mark.parametrize(
    ("channel", "address", "changes", "said"),
    [
        ("email", "email", {"to": "zoë@example.org"}, "is not ASCII (not supported)"),
        ("email", "email", {"to": "pat@example"}, "is not an email address"),
        (
            "email",
            "email",
            {"content": {"subject": "Hi\r\nBcc: v@example.org", "body": "b"}},
            "line break",
        ),
        ("text", "mobile", {"to": "+1555"}, "is not an E.164 mobile number"),
        ("text", "mobile", {"content": {"body": "x" * 1601}}, "SMS providers accept at most"),
        ("print", "postal", {"to": "", "recipient": {}}, "no complete postal address"),
        ("print", "postal", {"content": {"body": " "}}, "the letter has no body"),
    ],
)
def test_each_built_in_channel_s_refusal_is_a_failed_result_with_its_words(
    recorders: dict[str, Any], channel: str, address: str, changes: dict[str, Any], said: str
) -> None:
    recorder = recorders[channel]
    good = sample_notification(address=address, id=1, channel=channel)
    bad = sample_notification(address=address, id=2, channel=channel, **changes)
    first, second = recorder.send([good, bad])
    assert (first.outcome, second.outcome) == ("sent", "failed")
    assert said in second.detail
    assert recorder.sent[-1] is good
    assert bad not in recorder.sent
