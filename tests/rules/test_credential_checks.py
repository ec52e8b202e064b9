"""Channel credentials in rules files: only RULESENGINE_ variables that are not the product's
own, and only over TLS or to loopback; the same rules for every channel, plugins' included."""

from __future__ import annotations

import pytest

from rulesengine.channels.credentials import (
    PRODUCT_VARIABLES,
    CredentialProblem,
    credential_variable_problem,
    is_loopback_address,
    is_loopback_host,
    read_credential,
)
from rulesengine.channels.specs import BUILTIN_CHANNEL_SPECS, ChannelSpec
from rulesengine.errors import RulesError
from rulesengine.rules import load_rules_text

from .conftest import MINIMAL

VOICE = ChannelSpec(name="voice", address="mobile")  # declares nothing: any setting
SPECS = {**BUILTIN_CHANNEL_SPECS, "voice": VOICE}


def problems(channels: str) -> list[str]:
    with pytest.raises(RulesError) as info:
        load_rules_text(MINIMAL + "channels:\n" + channels, filename="r.yaml", channel_specs=SPECS)
    return [str(p) for p in info.value.problems]


def loads(channels: str) -> None:
    load_rules_text(MINIMAL + "channels:\n" + channels, filename="r.yaml", channel_specs=SPECS)


@pytest.mark.parametrize(
    "name",
    ["RULESENGINE_SMTP_PASSWORD", "RULESENGINE_EMAIL_PASSWORD", "RULESENGINE_SMS_TOKEN_2"],
)
def test_a_rulesengine_variable_of_the_channels_own_may_be_named(name: str) -> None:
    assert credential_variable_problem(name) is None
    loads(f"  email:\n    smtp_host: smtp.example.org\n    username: b\n    password_env: {name}\n")


@pytest.mark.parametrize(
    "name",
    [
        "PGPASSWORD",
        "AWS_SECRET_ACCESS_KEY",
        "HOME",
        "rulesengine_smtp",
        "RULESENGINE_",
        "RULESENGINE-X",
    ],
)
def test_any_other_variable_is_refused(name: str) -> None:
    assert problems(f"  email:\n    password_env: {name}\n") == [
        f"r.yaml:16:19: channels.email.password_env: '{name}' may not be read: a rules file may "
        "only name environment variables that start with RULESENGINE_ (capital letters, digits "
        "and _): put the secret in a variable such as RULESENGINE_EMAIL_PASSWORD and write that "
        "name here"
    ]


@pytest.mark.parametrize("name", sorted(PRODUCT_VARIABLES))
def test_the_products_own_variables_are_refused(name: str) -> None:
    """The store URL, the pay-link key and every other variable rulesengine reads."""
    assert problems(f"  text:\n    token_env: {name}\n") == [
        f"r.yaml:16:16: channels.text.token_env: '{name}' is one of rulesengine's own "
        "variables, never a channel's credential: put the channel's secret in a variable of "
        "its own, such as RULESENGINE_TEXT_TOKEN, and write that name here"
    ]


def test_a_plugin_channels_env_settings_get_the_same_rule_at_any_depth() -> None:
    """The host checks every *_env key of a channel that declares nothing, nested ones too."""
    assert problems(
        "  voice:\n    api_key_env: PGPASSWORD\n    auth:\n      secret_env: RULESENGINE_SECRET\n"
        "    backups:\n      - token_env: [a, b]\n    spare_env:\n"
    ) == [
        "r.yaml:16:18: channels.voice.api_key_env: 'PGPASSWORD' may not be read: a rules file "
        "may only name environment variables that start with RULESENGINE_ (capital letters, "
        "digits and _): put the secret in a variable such as RULESENGINE_VOICE_API_KEY and "
        "write that name here",
        "r.yaml:18:19: channels.voice.auth.secret_env: 'RULESENGINE_SECRET' is one of "
        "rulesengine's own variables, never a channel's credential: put the channel's secret "
        "in a variable of its own, such as RULESENGINE_VOICE_AUTH_SECRET, and write that name "
        "here",
        "r.yaml:20:20: channels.voice.backups[0].token_env: expected the name of an environment "
        "variable such as RULESENGINE_VOICE_BACKUPS_0_TOKEN, got ['a', 'b']",
    ]


def test_a_plugin_url_with_a_credential_must_be_https_unless_loopback() -> None:
    assert problems(
        "  voice:\n    api_url: http://voice.example.org/v1\n    api_key_env: RULESENGINE_VOICE\n"
    ) == [
        "r.yaml:16:14: channels.voice.api_url: 'http://voice.example.org/v1' would send the "
        "secret named by api_key_env unencrypted: use https://, or http:// only to a loopback "
        "address (127.0.0.1, ::1 or localhost)"
    ]
    loads("  voice:\n    api_url: https://voice.example.org\n    api_key_env: RULESENGINE_V\n")
    loads("  voice:\n    api_url: http://127.0.0.1:8080\n    api_key_env: RULESENGINE_V\n")
    loads("  voice:\n    api_url: http://[::1]:8080\n    api_key_env: RULESENGINE_V\n")
    loads("  voice:\n    api_url: http://voice.example.org\n")  # no credential: no secret to leak


@pytest.mark.parametrize(
    "url",
    [
        "ftp://voice.example.org/",
        "ws://voice.example.org/",
        "smtp://voice.example.org/",
        "httpx://voice.example.org/",
        "file:///etc/passwd",
        "voice.example.org/api",
        "//voice.example.org/api",
        "https:///no-host",
    ],
)
def test_a_url_with_a_credential_is_https_or_loopback_http_and_nothing_else(url: str) -> None:
    """Any other scheme, or none, may carry the secret unencrypted with some client."""
    found = problems(f"  voice:\n    api_url: '{url}'\n    api_key_env: RULESENGINE_VOICE\n")
    assert len(found) == 1 and f"'{url}' would send the secret" in found[0], found


def test_a_plugin_host_with_starttls_false_and_a_credential_must_be_loopback() -> None:
    assert problems(
        "  voice:\n    relay_host: relay.example.org\n    starttls: false\n"
        "    password_env: RULESENGINE_RELAY\n"
    ) == [
        "r.yaml:17:15: channels.voice.starttls: false would send the secret named by "
        "password_env to relay.example.org unencrypted: remove 'starttls: false' (the default "
        "is true), or set relay_host to a loopback address (127.0.0.1, ::1 or localhost)"
    ]


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "localhost", "::1", "LOCALHOST."])
def test_starttls_false_with_a_password_is_allowed_to_loopback(host: str) -> None:
    loads(
        f"  email:\n    smtp_host: '{host}'\n    starttls: false\n    username: b\n"
        "    password_env: RULESENGINE_SMTP_PASSWORD\n    from: b@example.org\n"
    )


@pytest.mark.parametrize(
    "host", ["localhost.example.org", "127.0.0.1.nip.io", "0.0.0.0", "10.0.0.1", "::ffff:10.0.0.1"]
)
def test_starttls_false_with_a_password_is_refused_elsewhere(host: str) -> None:
    [problem] = problems(
        f"  email:\n    smtp_host: '{host}'\n    starttls: false\n    username: b\n"
        "    password_env: RULESENGINE_SMTP_PASSWORD\n"
    )
    assert problem.startswith(
        "r.yaml:17:15: channels.email.starttls: false would send the secret named by "
        f"password_env to {host} unencrypted: "
    )


def test_loopback_is_decided_by_the_address_not_a_name_that_looks_like_one() -> None:
    assert is_loopback_address(("127.0.0.1", 25))
    assert is_loopback_address(("::1", 25, 0, 0))
    assert is_loopback_address(("::ffff:127.0.0.1", 25, 0, 0))
    assert not is_loopback_address(("192.0.2.2", 25))
    assert not is_loopback_address(("localhost", 25))  # a peer address is never a name
    assert not is_loopback_address(None)
    assert is_loopback_host("[::1]")
    assert not is_loopback_host("localhost.attacker.example")
    assert not is_loopback_host(None)


def test_read_credential_refuses_what_the_loader_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RULESENGINE_SECRET", "pay-link-key")
    with pytest.raises(CredentialProblem, match="one of rulesengine's own variables"):
        read_credential("RULESENGINE_SECRET", "channels.x.key_env")
    monkeypatch.setenv("RULESENGINE_X_KEY", "k")
    assert read_credential("RULESENGINE_X_KEY", "channels.x.key_env") == "k"
    monkeypatch.setenv("RULESENGINE_X_KEY", "")
    with pytest.raises(CredentialProblem, match="is not set: it must hold the credential"):
        read_credential("RULESENGINE_X_KEY", "channels.x.key_env")
