"""Names in expectations are checked when the file loads, through ``rulesengine test``: a
skip reason, a notification's channel and suppression reason, a message id. A misspelt one
is a problem at file:line:col with "did you mean", before anything runs."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from rulesengine.cli.main import main


@pytest.fixture
def rulesengine():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_a_misspelt_skip_reason_is_a_load_problem_with_did_you_mean(rulesengine, scenario_file):
    path = scenario_file("""\
steps:
  - run: 2026-02-01
    expect:
      skipped: {E1: encounter_hld}
""")
    result = rulesengine("test", str(path))
    assert result.exit_code == 1
    assert (
        f"{path}:12:21: steps[0].expect.skipped.E1: unknown skip reason 'encounter_hld';"
        " did you mean 'encounter_hold'?\n" in result.output
    )
    assert "step 1" not in result.output  # nothing ran


def test_a_skip_reason_may_be_an_exclude_rule_added_by_overrides(rulesengine, scenario_file):
    """The rules after overrides decide: an exclude rule the overrides add is a reason."""
    path = scenario_file("""\
overrides:
  eligibility:
    exclude: [{name: on_holiday, when: "encounter.balance < 500.00"}]
steps:
  - run: 2026-02-01
    expect:
      skipped: {E1: on_holiday}
""")
    result = rulesengine("test", str(path))
    assert result.exit_code == 0, result.output


def test_an_unknown_skip_reason_lists_the_reasons_there_are(rulesengine, scenario_file):
    path = scenario_file("""\
steps:
  - run: 2026-02-01
    expect:
      skipped: {E1: on_holiday}
""")
    result = rulesengine("test", str(path))
    assert result.exit_code == 1
    assert (
        "unknown skip reason 'on_holiday': a skip reason is one of encounter_hold,"
        " guarantor_hold, billed_recently, below_minimum, or the name of an exclude rule"
        " (tiny_balance)" in result.output
    )


def test_a_misspelt_channel_reason_and_message_of_a_notification_are_load_problems(
    rulesengine, scenario_file
):
    path = scenario_file("""\
steps:
  - run: 2026-02-01
    expect:
      notifications: [{channel: emial, reason: paperles, message: remindr}]
""")
    result = rulesengine("test", str(path))
    assert result.exit_code == 1
    at = f"{path}:12:"
    assert (
        f"{at}33: steps[0].expect.notifications[0].channel: unknown channel 'emial';"
        " did you mean 'email'?" in result.output
    )
    assert (
        f"{at}48: steps[0].expect.notifications[0].reason: unknown suppression reason"
        " 'paperles'; did you mean 'paperless'?" in result.output
    )
    assert (
        f"{at}67: steps[0].expect.notifications[0].message: unknown message 'remindr';"
        " did you mean 'reminder'?" in result.output
    )


def test_a_registered_channel_the_rules_never_use_is_a_load_problem(rulesengine, tmp_path):
    """A notification can only be on a channel of the rules: 'text' is registered, unused."""
    path = tmp_path / "email_only.scenario.yaml"
    path.write_text(
        """\
scenario: Email only
rules:
  rulesengine: 1
  profile: {id: email_only, timezone: America/Chicago}
  dunning:
    levels: [{message: reminder, channels: [email]}]
  messages:
    reminder:
      email: {subject: "Your statement", body: "Please pay {{ statement.total }}."}
steps:
  - deliver: 2026-02-01T15:00:00Z
    expect:
      notifications: [{channel: text}]
""",
        encoding="utf-8",
    )
    result = rulesengine("test", str(path))
    assert result.exit_code == 1
    assert (
        f"{path}:13:33: steps[0].expect.notifications[0].channel: the rules never use channel"
        " 'text' (the rules' channels: email)\n" in result.output
    )


def test_every_suppression_reason_is_accepted(rulesengine, scenario_file):
    """The reasons come from the one list the statement run uses (model.SUPPRESSION_REASONS)."""
    from rulesengine.model import SUPPRESSION_REASONS

    items = ", ".join(f"{{reason: {r}}}" for r in SUPPRESSION_REASONS)
    path = scenario_file(f"""\
steps:
  - test_run: 2026-02-01
    expect:
      notifications: [{items}]
""")
    result = rulesengine("test", str(path))
    assert "unknown suppression reason" not in result.output
    assert "step 1 (test_run: 2026-02-01)" in result.output  # it loaded, ran and failed
