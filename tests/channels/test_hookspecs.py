"""Every hook: called with its documented arguments, documented in its docstring and in
docs/plugins.md with its exact signature."""

from __future__ import annotations

import inspect
import logging
import re
from pathlib import Path

import pytest

import rulesengine
from rulesengine.channels import hookspecs
from rulesengine.channels.manager import ChannelRegistry, get_plugin_manager, notify_observers
from rulesengine.channels.results import DeliveryResult
from rulesengine.queue.notification_reads import list_notifications

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"


def hook_functions() -> dict[str, object]:
    return {
        name: fn
        for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(fn, "rulesengine_spec")
    }


def signature_text(fn) -> str:
    """``name(arg: annotation, ...) -> return``, annotations as written in hookspecs.py."""
    sig = inspect.signature(fn)
    params = ", ".join(f"{p.name}: {p.annotation}" for p in sig.parameters.values())
    return f"{fn.__name__}({params}) -> {sig.return_annotation}"


def test_the_hooks_are_the_documented_ones() -> None:
    assert sorted(hook_functions()) == [
        "batch_uploaded",
        "delivery_finished",
        "notification_status_changed",
        "register_channels",
    ]


def test_hook_register_channels(no_entry_points) -> None:
    """The host's register function is passed as `register`; what it records is collected."""

    class FaxChannel:
        name = "fax"
        address = "postal"

        def __init__(self, settings):
            self.settings = settings

        def send(self, notifications):
            return []

    seen = []

    class Plugin:
        @rulesengine.hookimpl
        def register_channels(self, register):
            seen.append(register)
            register(FaxChannel)

    pm = get_plugin_manager()
    pm.register(Plugin(), name="fax-plugin")
    registry = ChannelRegistry.collect(pm)
    assert registry.channels == {"fax": FaxChannel}
    assert registry.owners == {"fax": "plugin fax-plugin"}
    assert len(seen) == 1 and callable(seen[0])


def test_hook_notification_status_changed(no_entry_points) -> None:
    calls = []

    class Plugin:
        @rulesengine.hookimpl
        def notification_status_changed(self, notification_id, old_status, new_status, detail):
            calls.append((notification_id, old_status, new_status, detail))

    pm = get_plugin_manager()
    pm.register(Plugin())
    notify_observers(
        pm,
        "notification_status_changed",
        notification_id=3,
        old_status=None,
        new_status="scheduled",
        detail=None,
    )
    notify_observers(
        pm,
        "notification_status_changed",
        notification_id=3,
        old_status="sending",
        new_status="scheduled",
        detail="SMTP 451 from mx:25: try later",
    )
    assert calls == [
        (3, None, "scheduled", None),
        (3, "sending", "scheduled", "SMTP 451 from mx:25: try later"),
    ]


def test_hook_batch_uploaded(no_entry_points) -> None:
    calls = []

    class Plugin:
        @rulesengine.hookimpl
        def batch_uploaded(self, batch_id, notifications):
            calls.append((batch_id, notifications))  # a subset of the arguments is fine

    pm = get_plugin_manager()
    pm.register(Plugin())
    notify_observers(pm, "batch_uploaded", batch_id="B1", profile_id="standard", notifications=4)
    assert calls == [("B1", 4)]


def test_hook_delivery_finished(no_entry_points) -> None:
    calls = []

    class Plugin:
        @rulesengine.hookimpl
        def delivery_finished(self, channel, results):
            calls.append((channel, results))

    results = [DeliveryResult.sent(1), DeliveryResult.retry(2, "SMTP 451 from mx:25: later")]
    pm = get_plugin_manager()
    pm.register(Plugin())
    notify_observers(pm, "delivery_finished", channel="email", results=results)
    assert calls == [("email", results)]


def test_an_observer_that_raises_never_stops_the_others(no_entry_points, caplog) -> None:
    calls = []

    class Broken:
        @rulesengine.hookimpl
        def delivery_finished(self, channel):
            raise RuntimeError("dashboard is down")

    class Good:
        @rulesengine.hookimpl
        def delivery_finished(self, channel):
            calls.append(channel)

    pm = get_plugin_manager()
    pm.register(Good(), name="good")
    pm.register(Broken(), name="broken")
    with caplog.at_level(logging.ERROR, logger="rulesengine.channels.manager"):
        raised = notify_observers(pm, "delivery_finished", channel="text", results=[])
    assert raised == ["broken"]
    assert calls == ["text"]
    assert caplog.messages == [
        "plugin broken raised in hook delivery_finished (ignored): RuntimeError: dashboard is down"
    ]


def test_notify_observers_refuses_unknown_hooks_and_wrong_arguments(no_entry_points) -> None:
    pm = get_plugin_manager()
    with pytest.raises(ValueError, match="rulesengine has no hook named 'batch_upload'"):
        notify_observers(pm, "batch_upload", batch_id="B1")
    with pytest.raises(
        TypeError,
        match="hook batch_uploaded takes batch_id, notifications, profile_id; got batch_id",
    ):
        notify_observers(pm, "batch_uploaded", batch_id="B1")


def test_every_hook_has_a_test() -> None:
    module = globals()
    missing = [name for name in hook_functions() if f"test_hook_{name}" not in module]
    assert missing == []


@pytest.mark.parametrize("name", sorted(hook_functions()))
def test_every_hook_is_fully_documented(name: str) -> None:
    fn = hook_functions()[name]
    doc = inspect.getdoc(fn) or ""
    lines = doc.splitlines()
    assert lines and lines[0].endswith(".") and len(lines[0]) <= 100, "a one-line summary"
    assert "Fires " in doc, "when in the lifecycle it fires"
    for param in inspect.signature(fn).parameters:
        assert f":param {param}:" in doc, param
    assert ":returns:" in doc
    assert ".. versionadded:: 0.1" in doc
    spec_opts = fn.rulesengine_spec  # type: ignore[attr-defined]
    if spec_opts.get("firstresult"):
        assert "Stops at first non-None result" in doc
    sig = inspect.signature(fn)
    assert all(p.annotation is not inspect.Parameter.empty for p in sig.parameters.values())
    assert sig.return_annotation is not inspect.Signature.empty


@pytest.mark.parametrize("name", sorted(hook_functions()))
def test_docs_show_every_hook_with_its_exact_signature(name: str) -> None:
    docs = DOCS.read_text(encoding="utf-8")
    fn = hook_functions()[name]
    assert signature_text(fn) in docs
    summary = (inspect.getdoc(fn) or "").splitlines()[0]
    assert summary in docs


def test_docs_name_no_hook_that_does_not_exist() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    headings = re.findall(r"^### `(\w+)\(", docs, flags=re.M)
    assert sorted(headings) == sorted(hook_functions())


def test_notification_status_changed_hears_superseded_and_scheduled_again(
    no_entry_points,
    tmp_path,
) -> None:
    """A live run that supersedes tells the observers after its commit (its own uploads,
    then ``scheduled`` -> ``superseded``, naming the batch), and so does deleting it (back to
    ``scheduled``)."""
    import datetime as dt

    from rulesengine.model import Encounter, Guarantor
    from rulesengine.rules import load_rules
    from rulesengine.statements.deletion import delete_batch
    from rulesengine.statements.statement_run import run_statements
    from rulesengine.store import open_store
    from rulesengine.store.base import LedgerData

    calls = []

    class Plugin:
        @rulesengine.hookimpl
        def notification_status_changed(self, notification_id, old_status, new_status, detail):
            calls.append((notification_id, old_status, new_status, detail))

    pm = get_plugin_manager()
    pm.register(Plugin())
    rules = load_rules(str(DOCS.parents[1] / "rules" / "standard.yaml"))
    store = open_store(str(tmp_path / "s.db"))
    try:
        store.import_ledger(
            LedgerData(
                guarantors=[Guarantor("G1", "Ada", "Lovelace", email="ada@example.org")],
                encounters=[Encounter("E1", "G1", "P1", dt.date(2026, 1, 3), 20_000)],
            )
        )
        run_statements(store, rules, dt.date(2026, 2, 1), live=True, plugin_manager=pm)
        [first] = [n["id"] for n in list_notifications(store)]
        calls.clear()
        run_statements(store, rules, dt.date(2026, 3, 1), live=True, plugin_manager=pm)
        new = list_notifications(store, batch_id="standard-2026-03-01")
        assert calls == [(n["id"], None, n["status"], n["reason"]) for n in new] + [
            (first, "scheduled", "superseded", "superseded by batch standard-2026-03-01")
        ]
        calls.clear()
        delete_batch(store, "standard-2026-03-01", plugin_manager=pm)
        assert calls == [
            (
                first,
                "superseded",
                "scheduled",
                "batch standard-2026-03-01 was deleted: scheduled again",
            )
        ]
    finally:
        store.close()
