"""Loading plugins from entry points, the allow/deny variables, channel registration."""

from __future__ import annotations

import pytest

import rulesengine
from rulesengine.channels.manager import (
    PluginError,
    PluginInfo,
    channel_specs,
    get_channels,
    get_plugin_manager,
    plugin_info,
)

FAX = """
    import rulesengine

    class FaxChannel:
        name = "fax"
        address = "postal"
        content_keys = {"cover", "body"}
        required_content = {"body"}

        def __init__(self, settings):
            self.settings = settings

        def send(self, notifications):
            return [rulesengine.DeliveryResult.sent(n) for n in notifications]

    @rulesengine.hookimpl
    def register_channels(register):
        register(FaxChannel)
"""


def loaded(pm) -> list[str]:
    return sorted(name for name, plugin in pm.list_name_plugin() if plugin is not None)


def test_a_fresh_manager_each_call(clean_plugin_env) -> None:
    assert get_plugin_manager() is not get_plugin_manager()


def test_builtin_channels_are_plugins(clean_plugin_env) -> None:
    channels = get_channels(get_plugin_manager())
    assert {"email", "text", "print"} <= set(channels)


def test_installed_plugin_is_found_with_its_distribution(clean_plugin_env, fake_dist) -> None:
    fake_dist("acme-fax", "fax", "acme_fax_plugin", FAX, version="2.3.1")
    pm = get_plugin_manager()
    assert "fax" in get_channels(pm)
    assert PluginInfo("fax", "acme-fax", "2.3.1", ("fax",)) in plugin_info(pm)
    assert PluginInfo("email", "rulesengine-email", "0.1.0.dev0", ("email",)) in plugin_info(pm)


def test_disable_by_entry_point_name(clean_plugin_env, monkeypatch) -> None:
    monkeypatch.setenv("RULESENGINE_DISABLE_PLUGINS", "text, print")
    names = loaded(get_plugin_manager())
    assert "email" in names and "text" not in names and "print" not in names


def test_disable_by_distribution_name(clean_plugin_env, monkeypatch) -> None:
    monkeypatch.setenv("RULESENGINE_DISABLE_PLUGINS", "Rulesengine_Print")
    channels = get_channels(get_plugin_manager())
    assert "print" not in channels and "email" in channels


def test_disable_everything(clean_plugin_env, monkeypatch) -> None:
    monkeypatch.setenv("RULESENGINE_DISABLE_PLUGINS", "*")
    pm = get_plugin_manager()
    assert loaded(pm) == [] and get_channels(pm) == {}


def test_load_only_the_listed_plugins(clean_plugin_env, monkeypatch) -> None:
    monkeypatch.setenv("RULESENGINE_LOAD_PLUGINS", "email,rulesengine-text")
    assert loaded(get_plugin_manager()) == ["email", "text"]


def test_load_empty_means_none(clean_plugin_env, monkeypatch) -> None:
    monkeypatch.setenv("RULESENGINE_LOAD_PLUGINS", "")
    assert loaded(get_plugin_manager()) == []


def test_load_and_disable_together(clean_plugin_env, monkeypatch) -> None:
    monkeypatch.setenv("RULESENGINE_LOAD_PLUGINS", "email,text")
    monkeypatch.setenv("RULESENGINE_DISABLE_PLUGINS", "text")
    assert loaded(get_plugin_manager()) == ["email"]


def test_load_warns_about_unknown_names(clean_plugin_env, monkeypatch, caplog) -> None:
    monkeypatch.setenv("RULESENGINE_LOAD_PLUGINS", "email,emial")
    assert loaded(get_plugin_manager()) == ["email"]
    assert caplog.messages == [
        "RULESENGINE_LOAD_PLUGINS names 'emial', which is not an installed rulesengine plugin"
    ]


def test_misspelt_hook_fails_loudly(clean_plugin_env, fake_dist, monkeypatch) -> None:
    fake_dist(
        "acme-typo",
        "typo",
        "acme_typo_plugin",
        """
        import rulesengine

        @rulesengine.hookimpl
        def register_channel(register):
            pass
    """,
    )
    with pytest.raises(PluginError) as caught:
        get_plugin_manager()
    assert str(caught.value) == (
        "a rulesengine plugin has an unknown hook: acme-typo (plugin typo) implements"
        " register_channel, which is not a rulesengine hook; did you mean 'register_channels'?"
        " (set RULESENGINE_DISABLE_PLUGINS=typo to run without it)"
    )
    monkeypatch.setenv("RULESENGINE_DISABLE_PLUGINS", "acme-typo")
    assert "typo" not in loaded(get_plugin_manager())


def test_check_pending_on_a_registered_object(no_entry_points) -> None:
    import pluggy

    class Typo:
        @rulesengine.hookimpl
        def batch_uploded(self, batch_id):
            pass

    pm = get_plugin_manager()
    pm.register(Typo())
    with pytest.raises(pluggy.PluginValidationError, match="batch_uploded"):
        pm.check_pending()


def test_plugin_that_cannot_import_is_named(clean_plugin_env, fake_dist) -> None:
    fake_dist("acme-broken", "broken", "acme_broken_plugin", "import no_such_module_here\n")
    with pytest.raises(PluginError) as info:
        get_plugin_manager()
    assert str(info.value) == (
        "the rulesengine plugin 'broken' (acme-broken) cannot be loaded: ModuleNotFoundError:"
        " No module named 'no_such_module_here' (set RULESENGINE_DISABLE_PLUGINS=broken to run"
        " without it)"
    )


def test_a_hook_with_an_argument_it_does_not_have_says_which(clean_plugin_env, fake_dist) -> None:
    """One sentence naming the argument and the hook's arguments, not pluggy's raw text."""
    fake_dist(
        "acme-args",
        "args",
        "acme_args_plugin",
        """
        import rulesengine

        @rulesengine.hookimpl
        def batch_uploaded(batch_id, profile, notifications):
            pass
    """,
    )
    with pytest.raises(PluginError) as info:
        get_plugin_manager()
    assert str(info.value) == (
        "the rulesengine plugin 'args' (acme-args) cannot be loaded: batch_uploaded has no"
        " argument 'profile'; its arguments are: batch_id, profile_id, notifications"
        " (set RULESENGINE_DISABLE_PLUGINS=args to run without it)"
    )


def test_duplicate_channel_names_name_both_distributions(
    clean_plugin_env, fake_dist, monkeypatch
) -> None:
    fake_dist(
        "acme-mail", "acme", "acme_mail_plugin", FAX.replace('name = "fax"', 'name = "email"')
    )
    monkeypatch.setenv("RULESENGINE_LOAD_PLUGINS", "acme,email")
    with pytest.raises(PluginError) as info:
        get_channels(get_plugin_manager())
    assert str(info.value) == (
        "two plugins register a channel named 'email': rulesengine-email (plugin email) and "
        "acme-mail (plugin acme); uninstall one or set RULESENGINE_DISABLE_PLUGINS to skip it"
    )


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            'name = "Fax!"\n    address = "postal"\n    def send(self, n): return []',
            "FaxChannel.name must be a channel name such as 'fax' (lower-case letters, digits and "
            "_, starting with a letter), got 'Fax!'",
        ),
        (
            'name = "fax"\n    address = "phone"\n    def send(self, n): return []',
            "FaxChannel.address must be one of email, mobile, postal, guarantor, got 'phone'",
        ),
        ('name = "fax"\n    address = "postal"', "FaxChannel has no send(notifications) method"),
        (
            'name = "fax"\n    address = "postal"\n    content_keys = "body"\n'
            "    def send(self, n): return []",
            "FaxChannel.content_keys must be a set of key names or None, got 'body' (a str)",
        ),
        (
            'name = "fax"\n    address = "postal"\n    content_keys = {"body"}\n'
            '    required_content = {"cover"}\n    def send(self, n): return []',
            "FaxChannel.required_content lists keys not in content_keys: cover",
        ),
    ],
)
def test_invalid_channel_classes_are_refused(no_entry_points, body, problem) -> None:
    namespace: dict = {}
    exec(f"class FaxChannel:\n    {body}\n", namespace)
    channel_class = namespace["FaxChannel"]

    class Plugin:
        @rulesengine.hookimpl
        def register_channels(self, register):
            register(channel_class)

    pm = get_plugin_manager()
    pm.register(Plugin(), name="acme")
    with pytest.raises(PluginError) as info:
        get_channels(pm)
    header, line, advice = str(info.value).splitlines()
    assert header.startswith("plugin acme registered an invalid channel")
    assert line == f"  {problem}"
    assert advice.startswith("Set RULESENGINE_DISABLE_PLUGINS=acme to run without it")


def test_register_channels_that_raises_is_named(no_entry_points) -> None:
    class Plugin:
        @rulesengine.hookimpl
        def register_channels(self, register):
            raise KeyError("license")

    pm = get_plugin_manager()
    pm.register(Plugin(), name="acme")
    with pytest.raises(
        PluginError,
        match=r"^plugin acme failed to register its channels: "
        r"KeyError: 'license'$",
    ):
        get_channels(pm)


def test_channel_specs_from_class_attributes(clean_plugin_env, fake_dist) -> None:
    from rulesengine.channels.specs import ChannelSpec

    fake_dist("acme-fax", "fax", "acme_fax_plugin", FAX)
    specs = channel_specs(get_channels(get_plugin_manager()))
    assert specs["fax"] == ChannelSpec(
        name="fax",
        address="postal",
        settings_keys=None,
        content_keys={"cover", "body"},
        required_content={"body"},
    )


def test_builtin_specs_match_what_the_rules_loader_knows(clean_plugin_env) -> None:
    from rulesengine.channels.registry import BUILTIN_ADDRESSING
    from rulesengine.channels.specs import BUILTIN_CHANNEL_SPECS

    specs = channel_specs(get_channels(get_plugin_manager()))
    assert specs["email"] == BUILTIN_CHANNEL_SPECS["email"]
    assert specs["text"] == BUILTIN_CHANNEL_SPECS["text"]
    # print adds the letter's practice_address and remit_address settings.
    assert specs["print"].settings_keys == (
        BUILTIN_CHANNEL_SPECS["print"].settings_keys | {"practice_address", "remit_address"}
    )
    assert dict(BUILTIN_ADDRESSING) == {name: specs[name].address for name in BUILTIN_ADDRESSING}
