"""Tests for rulesengine.rules.rules_schema (and its schema_toolkit): types, defaults,
literals, every problem at once."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from rulesengine.channels.specs import BUILTIN_CHANNEL_SPECS, ChannelSpec
from rulesengine.errors import RulesError
from rulesengine.rules import load_rules_text
from rulesengine.rules.policy import Rules

from .conftest import MINIMAL


def load(text: str, **kwargs: object) -> Rules:
    return load_rules_text(text, filename="r.yaml", **kwargs)  # type: ignore[arg-type]


def problems(text: str, **kwargs: object) -> list[str]:
    with pytest.raises(RulesError) as info:
        load(text, **kwargs)
    return [str(p) for p in info.value.problems]


def test_minimal_file_gets_every_documented_default() -> None:
    """Defaults are exactly those of docs/rules.md."""
    rules = load(MINIMAL)
    assert rules.version == 1
    assert rules.profile.due_days == 21
    assert rules.profile.name == rules.profile.practice == rules.profile.phone == ""
    assert rules.eligibility.min_statement_balance_cents == 1
    assert rules.eligibility.cycle_days == 28
    assert rules.eligibility.exclude == ()
    assert rules.dunning.no_limit is False
    assert rules.payment_rules == ()
    assert rules.grouping.one_statement_per == "guarantor"
    assert rules.grouping.also_by == ()
    assert rules.grouping.include_maxed_encounters is True
    assert rules.pre_collections.return_on_reset is True
    assert rules.pre_collections.clear_on_zero_balance is True
    assert rules.delivery.max_attempts == 5
    assert rules.delivery.backoff == (60, 300, 1800, 7200)
    assert rules.delivery.test_recipients == {}


def test_channels_get_outbox_and_text_gets_its_default_window() -> None:
    """Every used channel has settings['outbox']; only text has a window by default."""
    text = MINIMAL.replace("channels: [email]", "channels: [email, text, print]") + (
        "    text: 'Pay at {{ pay_link }}'\n    print: {body: 'Letter'}\n"
    )
    rules = load(text)
    assert list(rules.channels) == ["email", "text", "print"]
    assert rules.channels["email"].send_window is None
    assert rules.channels["email"].settings == {"outbox": "outbox/email"}
    assert rules.channels["text"].send_window == (dt.time(8), dt.time(21))
    assert rules.channels["text"].settings == {
        "outbox": "outbox/text",
        "send_window": "08:00-21:00",
    }
    assert rules.channels["print"].send_window is None


def test_channel_settings_are_typed_for_builtin_channels() -> None:
    """smtp_port is a number, starttls a boolean, the rest text as written."""
    text = MINIMAL + (
        "channels:\n  email:\n    smtp_host: mail.example.org\n    smtp_port: 587\n"
        "    starttls: true\n    password_env: RULESENGINE_SMTP_PASSWORD\n    outbox: out/mail\n"
        "    send_window: '07:00-20:30'\n"
    )
    email = load(text).channels["email"]
    assert email.settings == {
        "smtp_host": "mail.example.org",
        "smtp_port": 587,
        "starttls": True,
        "password_env": "RULESENGINE_SMTP_PASSWORD",
        "outbox": "out/mail",
        "send_window": "07:00-20:30",
    }
    assert email.send_window == (dt.time(7), dt.time(20, 30))


def test_connections_is_a_number_for_email_and_text() -> None:
    """``connections`` (how many connections the channel keeps open) is read as a number;
    a word is refused when the file is loaded, a number out of range when sending."""
    text = MINIMAL + "channels:\n  email:\n    connections: 12\n  text:\n    connections: 2\n"
    channels = load(text).channels
    assert channels["email"].settings["connections"] == 12
    assert channels["text"].settings["connections"] == 2
    assert problems(MINIMAL + "channels:\n  email:\n    connections: four\n") == [
        "r.yaml:16:18: channels.email.connections: expected a whole number, got 'four'"
    ]


def test_text_content_written_as_a_string_becomes_a_body() -> None:
    """``text: "..."`` is normalised to ``{"body": "..."}``."""
    text = MINIMAL.replace("channels: [email]", "channels: [text]").replace(
        '    email:\n      subject: "Statement from {{ practice }}"\n'
        '      body: "You owe {{ statement.total | money }}."\n',
        '    text: "{{ practice }}: pay {{ pay_link }}"\n',
    )
    assert load(text).messages["reminder"].content == {
        "text": {"body": "{{ practice }}: pay {{ pay_link }}"}
    }


@pytest.mark.parametrize(
    ("key", "written"),
    [("practice", "NO"), ("phone", "02134"), ("name", "yes"), ("pay_link", "off")],
)
def test_strings_where_strings_are_expected_stay_as_written(key: str, written: str) -> None:
    """NO, 02134, yes, off in a text field are not booleans or numbers."""
    text = MINIMAL.replace("  id: clinic\n", f"  id: clinic\n  {key}: {written}\n")
    assert getattr(load(text).profile, key) == written


def test_literal_values_in_rule_names_message_ids_and_conditions() -> None:
    """Rule names, message ids and quoted texts in conditions are kept as written."""
    text = (
        MINIMAL.replace("message: reminder", "message: NO").replace("  reminder:\n", "  NO:\n")
        + "eligibility:\n  exclude:\n    - name: yes\n"
        "      when: encounter.location == 'NO'\n"
    )
    rules = load(text)
    assert rules.dunning.levels[0].message == "NO"
    assert list(rules.messages) == ["NO"]
    assert rules.eligibility.exclude[0].name == "yes"
    assert rules.eligibility.exclude[0].source == "encounter.location == 'NO'"


@pytest.mark.parametrize(
    ("written", "expected"), [("true", True), ("false", False), ("True", True), ("FALSE", False)]
)
def test_booleans_where_booleans_are_expected(written: str, expected: bool) -> None:
    """true/false (any case) are booleans in a boolean field."""
    text = MINIMAL.replace("dunning:\n", f"dunning:\n  no_limit: {written}\n")
    assert load(text).dunning.no_limit is expected


def test_quoted_boolean_in_a_boolean_field_is_refused() -> None:
    """A quoted "true" is text, not a boolean."""
    text = MINIMAL.replace("dunning:\n", "dunning:\n  no_limit: 'true'\n")
    assert problems(text) == ["r.yaml:6:13: dunning.no_limit: expected true or false, got 'true'"]


def test_money_becomes_cents() -> None:
    """min_statement_balance is read exactly, as whole cents."""
    for written, cents in [("5", 500), ("5.5", 550), ("0.01", 1), ("1234.56", 123456), ("0", 0)]:
        text = MINIMAL + f"eligibility:\n  min_statement_balance: {written}\n"
        assert load(text).eligibility.min_statement_balance_cents == cents


def test_conditions_carry_source_and_mark() -> None:
    """A rule keeps its condition as written and where it stands in the file."""
    text = (
        MINIMAL + "payments:\n  rules:\n    - name: any\n      when: payment.amount > 0\n"
        "      then: minus_one\n"
    )
    [rule] = load(text).payment_rules
    assert (rule.name, rule.then, rule.source) == ("any", "minus_one", "payment.amount > 0")
    assert rule.mark is not None and (rule.mark.file, rule.mark.line, rule.mark.column) == (
        "r.yaml",
        17,
        13,
    )


def test_levels_are_numbered_from_one_with_after_days() -> None:
    """Level.number is 1-based; after_days is kept on later levels."""
    text = MINIMAL.replace(
        "      channels: [email]\n",
        "      channels: [email]\n    - message: reminder\n      channels: [email]\n"
        "      after_days: 60\n",
    )
    levels = load(text).dunning.levels
    assert [(lv.number, lv.after_days) for lv in levels] == [(1, None), (2, 60)]


def test_every_problem_is_reported_in_file_order() -> None:
    """Problems from different sections come together, sorted by line and column."""
    text = (
        MINIMAL.replace("id: clinic", "id: Clinic").replace(
            "timezone: America/Chicago", "timezone: Mars/Olympus"
        )
        + "grouping:\n  also_by: [location, location]\n"
    )
    assert problems(text) == [
        "r.yaml:3:7: profile.id: 'Clinic' is not allowed: use lower-case letters, digits, "
        "'_' and '-' only, such as standard",
        "r.yaml:4:13: profile.timezone: unknown time zone 'Mars/Olympus' (use an IANA time "
        "zone such as America/Chicago)",
        "r.yaml:15:23: grouping.also_by[1]: 'location' is listed twice",
    ]


def test_a_channel_listed_twice_in_a_level_is_a_problem() -> None:
    """channels: [email, email] is refused."""
    text = MINIMAL.replace("channels: [email]", "channels: [email, email]")
    assert problems(text) == ["r.yaml:8:25: dunning.levels[0].channels[1]: 'email' is listed twice"]


def test_a_level_without_channels_is_a_problem() -> None:
    """channels: [] is refused: a level must send something."""
    text = MINIMAL.replace("channels: [email]", "channels: []")
    assert problems(text) == ["r.yaml:8:17: dunning.levels[0].channels: needs at least 1 item"]


def test_newer_version_hides_every_other_problem() -> None:
    """A newer format version gives only "upgrade rulesengine"."""
    [only] = problems("rulesengine: 7\nfoo: 1\nprofile: {}\n")
    assert only.startswith("r.yaml:1:14: this file needs rulesengine format version 7; ")
    assert only.endswith("which reads version 1: upgrade rulesengine")


def test_newer_version_wins_over_duplicate_keys() -> None:
    """Even YAML-level problems such as duplicate keys are not shown for a newer version."""
    [only] = problems("rulesengine: 2\nfoo: 1\nfoo: 2\n")
    assert "upgrade rulesengine" in only


def test_version_zero_is_unknown() -> None:
    """Versions below 1 do not exist."""
    assert problems(MINIMAL.replace("rulesengine: 1", "rulesengine: 0")) == [
        "r.yaml:1:14: rulesengine: unknown format version 0: this rulesengine reads version 1"
    ]


VOICE = ChannelSpec(name="voice", address="mobile")
FAX = ChannelSpec(
    name="fax",
    address="postal",
    settings_keys=frozenset({"number_env"}),
    content_keys=frozenset({"cover", "pages"}),
    required_content=frozenset({"pages"}),
)
PLUGINS = {**BUILTIN_CHANNEL_SPECS, "voice": VOICE, "fax": FAX}


def test_plugin_channel_without_declared_keys_receives_mappings_as_they_are() -> None:
    """A plugin that declares nothing gets its settings and content as plain data."""
    text = MINIMAL.replace("channels: [email]", "channels: [voice]") + (
        "    voice:\n      script: 'Hello {{ guarantor.first_name }}'\n      retries: 2\n"
        "      voice: NO\n"
        "channels:\n  voice:\n    region: us-east\n    speed: 1.5\n    loud: true\n"
    )
    rules = load(text, channel_specs=PLUGINS)
    assert rules.messages["reminder"].content["voice"] == {
        "script": "Hello {{ guarantor.first_name }}",
        "retries": 2,
        "voice": "NO",
    }
    assert rules.channels["voice"].settings == {
        "region": "us-east",
        "speed": 1.5,
        "loud": True,
        "outbox": "outbox/voice",
    }
    assert rules.channels["voice"].send_window is None


def test_plugin_content_templates_are_checked_too() -> None:
    """Free-form content is still rendered, so its texts must be safe templates."""
    text = MINIMAL.replace("channels: [email]", "channels: [voice]") + (
        "    voice:\n      script: '{{ guarantor.ssn }}'\n"
    )
    assert problems(text, channel_specs=PLUGINS) == [
        "r.yaml:15:19: messages.reminder.voice.script: unknown variable 'guarantor.ssn' "
        "(guarantor.first_name, guarantor.last_name are available)"
    ]


def test_plugin_channel_with_declared_keys_rejects_unknown_ones() -> None:
    """Declared settings and content keys are enforced like the built-ins'."""
    text = MINIMAL.replace("channels: [email]", "channels: [fax]") + (
        "    fax:\n      cover: x\n      page: y\n"
        "channels:\n  fax:\n    number: '+15555550100'\n    api_key: k\n"
    )
    assert problems(text, channel_specs=PLUGINS) == [
        "r.yaml:14:5: messages.reminder.fax: missing 'pages' (fax content needs pages)",
        "r.yaml:16:7: messages.reminder.fax: unknown key 'page'; did you mean 'pages'?",
        "r.yaml:19:5: channels.fax: unknown setting 'number'; did you mean 'number_env'?",
        "r.yaml:20:5: channels.fax.api_key: secrets never go in a rules file: remove "
        "'api_key' and keep the secret in an environment variable (this channel reads: "
        "number_env)",
    ]


def test_secret_settings_are_refused_even_for_plugins_that_accept_anything() -> None:
    """password/token/secret/api_key (and *_token, ...) never go in a rules file."""
    text = MINIMAL + (
        "channels:\n  voice:\n    auth_token: abc\n    token_env: RULESENGINE_VOICE_TOKEN\n"
    )
    assert problems(text, channel_specs=PLUGINS) == [
        "r.yaml:16:5: channels.voice.auth_token: secrets never go in a rules file: remove "
        "'auth_token', put the secret in an environment variable and set 'auth_token_env' "
        "to that variable's name"
    ]


def test_channel_names_come_from_the_registered_specs() -> None:
    """Without the plugin, 'voice' is unknown, and the hint lists what is registered."""
    text = MINIMAL.replace("channels: [email]", "channels: [voice]")
    assert problems(text) == [
        "r.yaml:8:18: dunning.levels[0].channels[0]: unknown channel 'voice' (registered "
        "channels: email, print, text)"
    ]


def test_window_must_lie_within_a_channels_outer_limit() -> None:
    """A narrower text window is fine; 24:00 and wider text windows are not."""
    ok = MINIMAL + "channels:\n  text:\n    send_window: '09:00-17:00'\n"
    assert load(ok).channels["text"].send_window == (dt.time(9), dt.time(17))
    wide = MINIMAL + "channels:\n  text:\n    send_window: '08:00-21:01'\n"
    assert problems(wide) == [
        "r.yaml:16:18: channels.text.send_window: a text send window must lie within "
        "08:00-21:00, got '08:00-21:01'"
    ]
    midnight = MINIMAL + "channels:\n  email:\n    send_window: '00:00-24:00'\n"
    assert "expected a window such as 08:00-21:00" in problems(midnight)[0]


def test_test_recipients_are_checked_by_address_kind() -> None:
    """Email looks like an email address; text is E.164."""
    good = MINIMAL + (
        "delivery:\n  test_recipients:\n    email: a@b.org\n    text: '+4915112345678'\n"
    )
    assert load(good).delivery.test_recipients == {"email": "a@b.org", "text": "+4915112345678"}
    bad = MINIMAL + "delivery:\n  test_recipients:\n    text: '+0123'\n"
    assert "is not a mobile number in E.164 form" in problems(bad)[0]


def test_empty_optional_sections_mean_the_defaults() -> None:
    """An optional section left empty (all its lines commented out) is the defaults."""
    rules = load(MINIMAL + "eligibility:\npayments:\n  rules:\ngrouping:\nchannels:\n")
    assert rules.eligibility.cycle_days == 28
    assert rules.payment_rules == ()


def _list_specs(spec: object, seen: set[int] | None = None) -> list[object]:
    """Every ListOf inside ``spec`` (records, lists and keys followed)."""
    from rulesengine.rules.schema_toolkit import Key, ListOf, Record

    seen = set() if seen is None else seen
    if id(spec) in seen:
        return []
    seen.add(id(spec))
    found: list[object] = []
    if isinstance(spec, ListOf):
        found.append(spec)
        found += _list_specs(spec.item, seen)
    elif isinstance(spec, Record):
        for key in spec.keys.values():
            found += _list_specs(key, seen)
    elif isinstance(spec, Key):
        found += _list_specs(spec.spec, seen)
    return found


def test_every_list_of_single_values_hints_at_the_brackets() -> None:
    """A single value where a list of single values belongs always gets 'for a single item
    write [x]' (pre_collections: E1 had it, dunning.levels[0].fallback: print did not)."""
    from rulesengine.rules.rules_schema import rules_schema
    from rulesengine.rules.schema_toolkit import ListOf, Record
    from rulesengine.scenarios import scenario_schema

    specs = [rules_schema(), scenario_schema.LEDGER_SPEC, scenario_schema.EXPECT_SPEC]
    lists = [s for spec in specs for s in _list_specs(spec)]
    assert len(lists) >= 10
    for spec in lists:
        assert isinstance(spec, ListOf)
        if not isinstance(spec.item, Record | ListOf):
            assert spec.item.one_value, spec


def test_the_rules_only_checks_refuse_a_plain_context() -> None:
    """A condition or a template counts towards the rules file's totals, kept on the
    RulesContext; run with the generic Context it is a programming error, said plainly."""
    from rulesengine.rules.rules_context import RulesContext, rules_context
    from rulesengine.rules.schema_toolkit import Context

    rules = RulesContext(BUILTIN_CHANNEL_SPECS)
    assert rules_context(rules) is rules
    with pytest.raises(TypeError, match="needs a RulesContext, got Context"):
        rules_context(Context(BUILTIN_CHANNEL_SPECS))


def test_the_version_has_one_source() -> None:
    """rulesengine.__version__ (the public API) is rulesengine.version's."""
    import rulesengine
    from rulesengine import version

    assert rulesengine.__version__ == version.__version__


def test_every_channel_takes_max_per_second_as_a_whole_number() -> None:
    text = MINIMAL + (
        "channels:\n  print:\n    max_per_second: 50\n  voice:\n    max_per_second: 2\n"
    )
    rules = load(text, channel_specs=PLUGINS)
    assert rules.channels["print"].settings["max_per_second"] == 50
    assert rules.channels["voice"].settings["max_per_second"] == 2


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("0", "must be at least 1, got 0"),
        ("2.5", "expected a whole number, got '2.5'"),
        ("fast", "expected a whole number, got 'fast'"),
        ("20000", "must be at most 10,000, got 20000"),
    ],
)
def test_a_max_per_second_that_is_not_1_to_10000_is_a_problem_at_its_place(
    written: str, problem: str
) -> None:
    text = MINIMAL + f"channels:\n  email:\n    max_per_second: {written}\n"
    (found,) = problems(text)
    line = MINIMAL.count("\n") + 3
    assert found == f"r.yaml:{line}:21: channels.email.max_per_second: {problem}"


@pytest.mark.parametrize(
    ("channel", "key", "written", "problem"),
    [
        ("email", "connections", "0", "must be at least 1, got 0"),
        ("email", "connections", "101", "must be at most 100, got 101"),
        ("text", "connections", "101", "must be at most 100, got 101"),
        ("email", "smtp_port", "0", "must be at least 1, got 0"),
        ("email", "smtp_port", "99999", "must be at most 65,535, got 99999"),
    ],
)
def test_whole_number_settings_outside_their_channels_range_are_a_problem_at_their_place(
    channel: str, key: str, written: str, problem: str
) -> None:
    """``setting_ranges``: a value the channel would refuse when sending (every email in
    ``error``) is refused when the file is loaded instead."""
    text = MINIMAL + f"channels:\n  {channel}:\n    {key}: {written}\n"
    (found,) = problems(text)
    line = MINIMAL.count("\n") + 3
    assert found == f"r.yaml:{line}:{len(key) + 7}: channels.{channel}.{key}: {problem}"


def test_a_plugins_setting_ranges_bound_its_whole_number_settings() -> None:
    fax = attrs.evolve(
        FAX,
        settings_keys={"number_env", "pages"},
        setting_types={"pages": "int"},
        setting_ranges={"pages": (1, 50)},
    )
    text = MINIMAL + "channels:\n  fax:\n    pages: 51\n"
    (found,) = problems(text, channel_specs={**PLUGINS, "fax": fax})
    assert found.endswith("channels.fax.pages: must be at most 50, got 51")
    assert (
        load(MINIMAL + "channels:\n  fax:\n    pages: 50\n", channel_specs={**PLUGINS, "fax": fax})
        .channels["fax"]
        .settings["pages"]
        == 50
    )
