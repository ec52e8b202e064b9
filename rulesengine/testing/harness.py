"""An in-process harness: a rules file, a small ledger and a plugin through a live run and
delivery, with what the channels received and what the queue recorded.

::

    from rulesengine.testing.harness import run_plugin

    outcome = run_plugin("rules.yaml", "ledger/", rulesengine_voice, run_date=dt.date(2026, 2, 1))
    assert [n.to for n in outcome.received["voice"]] == ["+15555550101"]
    assert set(outcome.statuses.values()) == {"sent"}

Everything happens in this process, on an in-memory store: the rules are loaded against the
plugin's channels (and the built-in channel specs), the ledger imported, one live run made
and committed, and the queue delivers at each instant a notification was scheduled for, as
a worker would. The channel objects are the plugin's own classes, built with the rules
file's settings; a relative ``outbox`` (the default ``outbox/<channel>`` too) is taken
under ``workdir``, as a worker takes it under its working directory.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs
import pluggy

from rulesengine.channels.manager import (
    PluginError,
    check_hooks,
    get_channels,
    get_plugin_manager,
    hookimpl,
    new_plugin_manager,
    validation_reason,
)
from rulesengine.channels.registry import channel_addressing, installed_channel_specs
from rulesengine.channels.results import DeliveryResult
from rulesengine.model import Adjustment, BatchResult, Encounter, Guarantor, Notification, Payment

if TYPE_CHECKING:
    from rulesengine.store.base import LedgerData

__all__ = ["HarnessResult", "LedgerInput", "StatusChange", "run_plugin"]

#: A ledger: ``LedgerData``, a CSV folder (``guarantors.csv``, ``encounters.csv`` ...), or
#: Python values (``Guarantor``, ``Encounter``, ``Payment``, ``Adjustment``) in any order.
LedgerInput: TypeAlias = (
    "LedgerData | str | os.PathLike[str] | Iterable[Guarantor | Encounter | Payment | Adjustment]"
)

#: ``(notification id, old status, new status, detail)`` as ``notification_status_changed``
#: observers heard it.
StatusChange = tuple[int, str | None, str, str | None]


def _frozen_map(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return dict(value)


def _results(items: Iterable[DeliveryResult]) -> tuple[DeliveryResult, ...]:
    return tuple(items)


def _changes(items: Iterable[StatusChange]) -> tuple[StatusChange, ...]:
    return tuple(items)


@attrs.frozen
class HarnessResult:
    """What :func:`run_plugin` did.

    :ivar batch: the live batch (statements, notifications as drafted, skips ...).
    :ivar received: channel name -> every notification handed to its ``send``, in order.
    :ivar results: what the channels returned, as the queue recorded it (one per hand-over).
    :ivar statuses: notification id -> its status in the queue after delivery.
    :ivar status_changes: every call of the ``notification_status_changed`` observers.
    :ivar workdir: the folder the channels' relative outboxes are under.
    """

    batch: BatchResult
    received: Mapping[str, tuple[Notification, ...]] = attrs.field(converter=_frozen_map)
    results: tuple[DeliveryResult, ...] = attrs.field(converter=_results)
    statuses: Mapping[int, str] = attrs.field(converter=_frozen_map)
    status_changes: tuple[StatusChange, ...] = attrs.field(converter=_changes)
    workdir: Path


class _Recorder:
    """Registered beside the plugin: records the observer hooks' calls."""

    def __init__(self) -> None:
        self.changes: list[StatusChange] = []
        self.results: list[DeliveryResult] = []

    @hookimpl
    def notification_status_changed(
        self, notification_id: int, old_status: str | None, new_status: str, detail: str | None
    ) -> None:
        self.changes.append((notification_id, old_status, new_status, detail))

    @hookimpl
    def delivery_finished(self, results: list[DeliveryResult]) -> None:
        self.results.extend(results)


class _Receiving:
    """A channel object that records each batch before handing it to the real one."""

    def __init__(self, channel: Any, received: list[Notification]) -> None:
        self.channel = channel
        self.name = getattr(channel, "name", None)
        self.address = getattr(channel, "address", None)
        self.received = received

    def send(self, notifications: list[Notification]) -> Any:
        self.received.extend(notifications)
        return self.channel.send(notifications)


def _plugin_manager(plugin: object | None) -> pluggy.PluginManager:
    if plugin is None:
        return get_plugin_manager()
    pm = new_plugin_manager()
    try:
        pm.register(plugin, name=getattr(plugin, "__name__", type(plugin).__name__))
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"the plugin cannot be registered: {validation_reason(pm, exc)}") from exc
    check_hooks(pm)
    return pm


def _ledger(ledger: LedgerInput) -> LedgerData:
    # The store and CSV reader load SQLAlchemy: only when a run is made (the kit and its
    # pytest plugin stay light).
    from rulesengine.ledger import read_ledger_dir
    from rulesengine.store.base import LedgerData

    if isinstance(ledger, LedgerData):
        return ledger
    if isinstance(ledger, str | os.PathLike):
        return read_ledger_dir(ledger)
    items = list(ledger)
    kinds: dict[type, list[Any]] = {Guarantor: [], Encounter: [], Payment: [], Adjustment: []}
    for item in items:
        if type(item) not in kinds:
            raise TypeError(
                "a ledger is LedgerData, a CSV folder, or Guarantor, Encounter, Payment and"
                f" Adjustment values; got {type(item).__name__}"
            )
        kinds[type(item)].append(item)
    return LedgerData(
        guarantors=kinds[Guarantor],
        encounters=kinds[Encounter],
        payments=kinds[Payment],
        adjustments=kinds[Adjustment],
    )


def _rules_text(rules: str | os.PathLike[str]) -> tuple[str, str]:
    """``(text, filename)``: YAML text as given (a string with a line break), else a file's."""
    if isinstance(rules, str) and "\n" in rules:
        return rules, "<rules>"
    path = Path(rules)
    return path.read_text(encoding="utf-8"), str(path)


def run_plugin(
    rules: str | os.PathLike[str],
    ledger: LedgerInput,
    plugin: object | None = None,
    *,
    run_date: dt.date,
    workdir: str | os.PathLike[str] | None = None,
) -> HarnessResult:
    """Run ``rules`` live on ``ledger`` with ``plugin``'s channels, then deliver.

    :param rules: a rules file's path, or its YAML text (a string with a line break).
    :param ledger: ``LedgerData``, a CSV ledger folder, or ``Guarantor``/``Encounter``/
        ``Payment``/``Adjustment`` values.
    :param plugin: the module (or object) holding the plugin's hook implementations, as
        its entry point names it; ``None``: the installed plugins, as the host loads them.
    :param run_date: the statement run's date.
    :param workdir: the folder a relative ``outbox`` is under (the default outbox is
        ``<workdir>/outbox/<channel>``); default: a new temporary folder, left for you to
        look into.
    :returns: a :class:`HarnessResult`. A notification for a channel no loaded plugin
        provides (the built-in ``email`` when only your plugin is given) stays
        ``scheduled``, as it would wait for a worker that has the channel.
    :raises rulesengine.errors.RulesengineError: the rules, the ledger or the plugin are
        refused, with the same message the command line gives.
    """
    # The store, the rules loader and the run load SQLAlchemy, YAML and durable-rules: only
    # when a run is made (the kit and its pytest plugin stay light).
    from rulesengine.queue import Queue
    from rulesengine.queue.notification_reads import list_notifications
    from rulesengine.rules import load_rules_text
    from rulesengine.statements.statement_run import run_statements
    from rulesengine.store import open_store

    folder = Path(workdir) if workdir is not None else Path(tempfile.mkdtemp(prefix="rulesengine-"))
    recorder = _Recorder()
    pm = _plugin_manager(plugin)
    pm.register(recorder, name="rulesengine-harness")
    classes = get_channels(pm)
    specs = installed_channel_specs(pm)
    text, filename = _rules_text(rules)
    loaded = load_rules_text(text, filename=filename, channel_specs=specs)
    received: dict[str, list[Notification]] = {name: [] for name in classes}
    store = open_store("sqlite://")
    try:
        store.import_ledger(_ledger(ledger))
        batch = run_statements(
            store,
            loaded,
            run_date,
            live=True,
            addressing=channel_addressing(specs),
            plugin_manager=pm,
        )
        # The plugin's channels this batch uses, built as a worker builds them.
        channels = {}
        for name in sorted({d.channel for d in batch.notifications} & set(classes)):
            spec = loaded.channels.get(name)
            settings = dict(spec.settings) if spec is not None else {}
            outbox = Path(settings.get("outbox") or f"outbox/{name}")
            settings["outbox"] = str(outbox if outbox.is_absolute() else folder / outbox)
            channels[name] = _Receiving(classes[name](settings), received[name])
        due = sorted({d.scheduled_at for d in batch.notifications if d.status == "scheduled"})
        with Queue(store, channels=channels, pm=pm) as queue:
            for at in due:
                queue.deliver(at, until_empty=True)
        statuses = {int(row["id"]): str(row["status"]) for row in list_notifications(store)}  # type: ignore[call-overload]
    finally:
        store.close()
    return HarnessResult(
        batch=batch,
        received={name: tuple(items) for name, items in received.items()},
        results=recorder.results,
        statuses=statuses,
        status_changes=recorder.changes,
        workdir=folder,
    )
