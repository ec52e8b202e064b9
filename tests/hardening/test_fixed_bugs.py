"""Bugs the hardening tests found, fixed: each test failed before its fix."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from rulesengine.testing.plugin_kit import sample_notification

from ..statements.conftest import RUN, Practice
from .test_properties import MetaData, full_dump


def test_a_test_run_on_a_fresh_store_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    """docs/rules.md: a test run 'changes nothing' -- not even the pay-link key."""
    monkeypatch.delenv("RULESENGINE_SECRET", raising=False)
    practice = Practice(tmp_path)
    practice.encounter("E1")
    meta = MetaData()
    meta.reflect(practice.store.engine)
    before = full_dump(practice.store, meta)
    practice.test_run(RUN[0])
    assert full_dump(practice.store, meta) == before


def test_several_exclude_rules_that_all_match_do_not_crash_the_run(tmp_path: Path) -> None:
    """Each condition within the loader's limit; together they overflow durable-rules (303)."""
    practice = Practice(tmp_path)
    rules = [
        {"name": f"r{r}", "when": " or ".join(f"encounter.balance > {i}" for i in range(64))}
        for r in range(4)
    ]
    practice.use_rules(eligibility={"exclude": rules})
    practice.encounter("E1", balance=200.0)
    batch = practice.test_run(RUN[0])
    assert [(s.encounter_id, s.reason) for s in batch.skips] == [("E1", "r0")]


def test_the_print_outbox_folder_is_owner_only(tmp_path: Path) -> None:
    """docs/security.md: folders holding letters are 0o700, the outbox root included."""
    from rulesengine.channels.manager import get_channels, get_plugin_manager

    old = os.umask(0)
    try:
        outbox = tmp_path / "outbox" / "print"
        channel = get_channels(get_plugin_manager())["print"]({"outbox": str(outbox)})
        channel.send([sample_notification(address="postal", channel="print")])
        assert stat.S_IMODE(outbox.stat().st_mode) == 0o700
        assert stat.S_IMODE((tmp_path / "outbox").stat().st_mode) == 0o700
    finally:
        os.umask(old)
