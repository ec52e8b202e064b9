"""Fixtures for the plugin machinery: fresh plugin managers and fake installed distributions."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    """Load no installed plugin (tests register their own plugin objects)."""
    monkeypatch.setenv("RULESENGINE_LOAD_PLUGINS", "")
    monkeypatch.delenv("RULESENGINE_DISABLE_PLUGINS", raising=False)


@pytest.fixture
def clean_plugin_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RULESENGINE_LOAD_PLUGINS", raising=False)
    monkeypatch.delenv("RULESENGINE_DISABLE_PLUGINS", raising=False)


@pytest.fixture
def fake_dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Install a distribution for this test only: a ``.dist-info`` folder with a
    ``rulesengine`` entry point and its module, on ``sys.path``."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))

    def make(dist: str, ep_name: str, module: str, source: str, version: str = "1.0") -> None:
        info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
        (info / "entry_points.txt").write_text(f"[rulesengine]\n{ep_name} = {module}\n")
        (site / f"{module}.py").write_text(textwrap.dedent(source))

    return make


from rulesengine.testing.pytest_fixtures import channel_kit  # noqa: E402, F401
