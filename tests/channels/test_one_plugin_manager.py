"""One command loads the plugins once: its rules, its statement run and its queue share one
plugin manager, and ``register_channels`` fires once for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import rulesengine
from rulesengine.channels import manager
from rulesengine.channels.registry import installed_channel_specs
from rulesengine.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
STANDARD = str(ROOT / "rules" / "standard.yaml")


@pytest.fixture
def managers_built(monkeypatch) -> list[object]:
    """Every plugin manager built from here on (``get_plugin_manager`` makes each through
    ``new_plugin_manager``)."""
    built: list[object] = []
    make = manager.new_plugin_manager

    def counting():  # type: ignore[no-untyped-def]
        pm = make()
        built.append(pm)
        return pm

    monkeypatch.setattr(manager, "new_plugin_manager", counting)
    return built


@pytest.fixture
def cli(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RULESENGINE_DB", raising=False)
    ledger = tmp_path / "ledger"
    ledger.mkdir()
    (ledger / "guarantors.csv").write_text(
        "id,first_name,last_name,email,mobile,timezone,"
        "postal_line1,postal_city,postal_state,postal_zip\n"
        "G1,Ada,Lovelace,ada@example.org,+15555550101,America/New_York,"
        "1 Main St,Springfield,IL,62701\n",
        encoding="utf-8",
    )
    (ledger / "encounters.csv").write_text(
        "id,guarantor,patient,service_date,balance,level,last_statement\n"
        "E1,G1,P1,2026-01-03,200.00,0,\n",
        encoding="utf-8",
    )
    runner = CliRunner()

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        result = runner.invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result

    invoke("import", str(ledger))
    return invoke


@pytest.mark.parametrize(
    "args",
    [
        ("run", "--rules", STANDARD, "--date", "2026-02-01"),
        ("run", "--rules", STANDARD, "--date", "2026-02-01", "--test", "--proof"),
    ],
    ids=["live", "test-proof"],
)
def test_a_statement_run_builds_one_plugin_manager(cli, managers_built, args) -> None:  # type: ignore[no-untyped-def]
    cli(*args)
    assert len(managers_built) == 1


def test_register_channels_fires_once_per_manager() -> None:
    calls = []

    class Portal:
        name = "portal"
        address = "guarantor"

        def send(self, notifications):  # type: ignore[no-untyped-def]
            return []

    class Plugin:
        @rulesengine.hookimpl
        def register_channels(self, register):  # type: ignore[no-untyped-def]
            calls.append(register)
            register(Portal)

    pm = manager.new_plugin_manager()
    pm.register(Plugin(), name="portal")
    assert manager.get_channels(pm) == {"portal": Portal}
    assert installed_channel_specs(pm)["portal"].address == "guarantor"
    assert len(calls) == 1

    class Later:
        @rulesengine.hookimpl
        def register_channels(self, register):  # type: ignore[no-untyped-def]
            calls.append(register)

    pm.register(Later(), name="later")
    assert manager.get_channels(pm) == {"portal": Portal}
    assert len(calls) == 3  # a plugin registered since: the channels are collected again
