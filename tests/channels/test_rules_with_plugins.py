"""Channel specs built from registered plugins drive the rules loader's checks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rulesengine.channels.manager import channel_specs, get_channels, get_plugin_manager
from rulesengine.errors import RulesError
from rulesengine.rules import load_rules_text

STANDARD = Path(__file__).resolve().parents[2] / "rules" / "standard.yaml"


@pytest.fixture
def specs(clean_plugin_env, fake_dist):
    fake_dist(
        "acme-voice",
        "acmevoice",
        "acme_voice_plugin",
        """
        import rulesengine

        class VoiceChannel:
            name = "robocall"
            address = "mobile"
            settings_keys = {"caller_id"}
            content_keys = {"say"}
            required_content = {"say"}

            def __init__(self, settings):
                self.settings = settings

            def send(self, notifications):
                return [rulesengine.DeliveryResult.sent(n) for n in notifications]

        @rulesengine.hookimpl
        def register_channels(register):
            register(VoiceChannel)
    """,
    )
    return channel_specs(get_channels(get_plugin_manager()))


def with_robocall(settings: dict) -> str:
    data = yaml.safe_load(STANDARD.read_text(encoding="utf-8"))
    level = data["dunning"]["levels"][0]
    level["channels"] = [*level["channels"], "robocall"]
    data["messages"][level["message"]]["robocall"] = {"say": "Hello from {{ practice }}"}
    data.setdefault("channels", {})["robocall"] = settings
    return yaml.safe_dump(data, sort_keys=False)


def test_a_plugin_channel_is_usable_in_a_rules_file(specs) -> None:
    rules = load_rules_text(with_robocall({"caller_id": "+15555550100"}), channel_specs=specs)
    assert rules.channels["robocall"].settings["caller_id"] == "+15555550100"


def test_a_misspelt_plugin_setting_is_a_load_error(specs) -> None:
    with pytest.raises(RulesError) as info:
        load_rules_text(with_robocall({"caller_di": "+15555550100"}), channel_specs=specs)
    assert "unknown setting 'caller_di'" in str(info.value)
    assert "caller_id" in str(info.value)
