"""The plugin test kit: check a channel class against the contract, with or without pytest.

::

    from rulesengine.testing.plugin_kit import check_channel

    report = check_channel(FaxChannel, {"outbox": "/tmp/fax"})
    report.raise_for_problems()          # or: assert report.ok, report

The checks: the class attributes, as a plugin's registration checks them
(:func:`~rulesengine.channels.channel_checks.channel_problems`: ``name``, ``address``,
``send``, key sets, ``setting_types``, send windows, ``deduplicates``); the class is
constructible from a settings mapping; ``send([])`` returns no result; ``send`` of a batch
returns exactly one :class:`~rulesengine.DeliveryResult` per notification with matching ids,
in a list or any other iterable the host accepts (read once), also when the batch is sent
again, as a retry does; what the host's
:func:`~rulesengine.channels.channel_calls.call_channel` makes of the batch; and that the
sample notifications have distinct ids and idempotency keys; and, when the channel has the
optional ``preview``, that it returns ``(media type, bytes)`` or None and writes no file, and
with the optional ``send_problem``, that it returns None or a sentence and writes no file. A
``send`` that yields its results (a generator) is checked as a list is, and each of its results
must reach the host, which records it, while the generator is still running (and with
``max_in_flight``, :mod:`rulesengine.testing.lane_sends`). As
in the queue, the channel is
built on the caller's thread and every ``send`` runs on another thread, always the same one,
so a channel tied to the thread that built it fails. Things that are allowed but probably
unintended (every sample failing, one odd notification making ``send`` raise for the whole
batch) are warnings.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from typing import Any

import attrs
import pluggy

from rulesengine.channels.channel_calls import about_threads, call_channel, exception_summary
from rulesengine.channels.channel_checks import channel_problems
from rulesengine.channels.manager import (
    ENTRY_POINT_GROUP,
    ChannelRegistry,
    PluginError,
    installed_entry_points,
    new_plugin_manager,
    plugin_key,
    unknown_hooks,
    unmarked_hook_functions,
    validation_reason,
)
from rulesengine.channels.results import DeliveryResult
from rulesengine.hints import did_you_mean
from rulesengine.model import Notification
from rulesengine.plurals import counted, with_article
from rulesengine.testing.harness import HarnessResult, run_plugin
from rulesengine.testing.lane_sends import lane_problems
from rulesengine.testing.optional_methods import optional_method_problems
from rulesengine.testing.sample_notifications import (
    SAMPLE_ADDRESSES,
    SAMPLE_CHANNELS,
    sample_notification,
)
from rulesengine.testing.streamed_sends import WatchedChannel, stream_problems

__all__ = [
    "BATCH_SIZE",
    "ChannelContractError",
    "EntryPointReport",
    "HarnessResult",
    "KitReport",
    "MakeNotification",
    "SAMPLE_ADDRESSES",
    "SAMPLE_CHANNELS",
    "check_channel",
    "check_entry_point",
    "run_plugin",
    "sample_notification",
]

#: How many sample notifications the batch check sends.
BATCH_SIZE = 3


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _results(items: Iterable[DeliveryResult]) -> tuple[DeliveryResult, ...]:
    return tuple(items)


class ChannelContractError(AssertionError):
    """Raised by :meth:`KitReport.raise_for_problems`; its text is the whole report."""


class _Verdict:
    """What both reports answer: fine or not, and the error listing every problem."""

    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """``True`` when there is no problem (warnings do not count)."""
        return not self.problems

    def raise_for_problems(self) -> None:
        """Raise :class:`ChannelContractError` listing every problem, if there is any."""
        if self.problems:
            raise ChannelContractError(str(self))


@attrs.frozen
class KitReport(_Verdict):
    """What :func:`check_channel` found.

    :ivar channel: the class's ``name`` (or its class name when it has none).
    :ivar problems: contract violations; the channel is not fit to install while any exist.
    :ivar warnings: allowed but probably unintended behaviour.
    :ivar results: the results of the sample batch, for further assertions.
    """

    channel: str
    problems: tuple[str, ...] = attrs.field(converter=_strings)
    warnings: tuple[str, ...] = attrs.field(converter=_strings, default=())
    results: tuple[DeliveryResult, ...] = attrs.field(converter=_results, default=())

    def __str__(self) -> str:
        head = f"channel {self.channel}: " + (
            "meets the contract" if self.ok else counted(len(self.problems), "problem")
        )
        lines = [head]
        lines += [f"  problem: {p}" for p in self.problems]
        lines += [f"  warning: {w}" for w in self.warnings]
        return "\n".join(lines)


MakeNotification = Callable[..., Notification]


def _batch(channel_class: type, make: MakeNotification | None, ids: range) -> list[Notification]:
    address = getattr(channel_class, "address", "email")
    name = getattr(channel_class, "name", "channel")
    if make is not None:
        return [make(id=i, channel=name) for i in ids]
    return [
        sample_notification(
            address=address,
            id=i,
            channel=name,
            idempotency_key=f"B20240301-1:S{i:04d}:{name}",
            statement_id=f"S{i:04d}",
        )
        for i in ids
    ]


def _check_batch_identity(batch: list[Notification], problems: list[str]) -> None:
    ids = [n.id for n in batch]
    keys = [n.idempotency_key for n in batch]
    if any(not isinstance(n, Notification) for n in batch):
        problems.append("make_notification must return rulesengine.model.Notification values")
    if len(set(ids)) != len(ids):
        problems.append(f"the sample notifications must have distinct ids, got {ids}")
    if any(not k for k in keys) or len(set(keys)) != len(keys):
        problems.append(f"every notification needs its own non-empty idempotency_key, got {keys}")


def _check_results(
    what: str, batch: list[Notification], returned: Any, problems: list[str]
) -> list[DeliveryResult]:
    """Problems with what ``send`` returned for ``batch`` (already materialised by
    :func:`_send`); the valid results."""
    if returned is _NOT_ITERABLE:
        return []
    results = [r for r in returned if isinstance(r, DeliveryResult)]
    for item in returned:
        if not isinstance(item, DeliveryResult):
            problems.append(
                f"{what}: send returned {with_article(type(item).__name__)} ({item!r:.60}); "
                "return rulesengine.DeliveryResult values"
            )
    wanted = [n.id for n in batch]
    got = [r.notification_id for r in results]
    if sorted(got) != sorted(wanted):
        missing = sorted(set(wanted) - set(got))
        unknown = sorted(set(got) - set(wanted))
        twice = sorted({i for i in got if got.count(i) > 1})
        detail = []
        if missing:
            detail.append(f"no result for {missing}")
        if unknown:
            detail.append(f"results for ids not in the batch {unknown}")
        if twice:
            detail.append(f"more than one result for {twice}")
        problems.append(
            f"{what}: send must return exactly one result per notification "
            f"(ids {wanted}): {'; '.join(detail)}"
        )
    return results


_RAISED = object()
_NOT_ITERABLE = object()


def _send(channel: Any, batch: list[Notification], what: str, problems: list[str]) -> Any:
    """What ``send`` returned as a list, ``_NOT_ITERABLE`` (with a problem recorded) when it
    returned no iterable, or ``_RAISED`` (with a problem recorded) when it raised.

    As :func:`~rulesengine.channels.channel_calls.call_channel` does, any iterable is
    accepted (a list, a tuple, a generator) and read once, here; a string, bytes or
    ``None`` are not results.
    """
    try:
        returned = channel.send(list(batch))
        if (
            returned is None
            or isinstance(returned, str | bytes)
            or not isinstance(returned, Iterable)
        ):
            problems.append(f"{what}: send must return a list, got {type(returned).__name__}")
            return _NOT_ITERABLE
        return list(returned)
    except Exception as exc:
        summary = exception_summary(exc)
        if about_threads(summary):
            advice = (
                "the queue calls send on a thread of the channel's own, not the one that "
                "built it: make thread-bound resources (an sqlite3 connection, a thread-local "
                "session) in send, not in the constructor (docs/plugins.md, Threads)"
            )
        else:
            advice = (
                "the host turns that into a retry of every notification in the batch: return "
                "DeliveryResult.retry or .failed for the notifications concerned instead"
            )
        problems.append(f"{what}: send raised {summary}; {advice}")
        return _RAISED


def _on_the_channels_thread(channel: Any, name: str, call: Callable[[], Any]) -> Any:
    """``call()`` run on a thread of ``channel``'s own, as the queue runs its calls
    (:mod:`rulesengine.queue.handoff`); what it returned (or raised, raised here)."""
    from rulesengine.queue.handoff import ChannelThreads

    threads = ChannelThreads("kit")
    future: Future[Any] = Future()
    try:
        threads.run(channel, name, call, future)
    finally:
        threads.close()
    return future.result()


def check_channel(
    channel_class: type,
    settings: Mapping[str, Any] | None = None,
    *,
    make_notification: MakeNotification | None = None,
) -> KitReport:
    """Check ``channel_class`` against the channel contract and report every problem.

    :param channel_class: the class a plugin passes to ``register``.
    :param settings: the ``channels.<name>`` mapping to construct it with; by default
        ``{"outbox": <a temporary folder>}``, removed afterwards. Settings without
        ``outbox`` get that temporary folder too, as the host always passes an ``outbox``
        (``outbox/<name>`` when the rules file sets none).
    :param make_notification: ``make_notification(id=..., channel=...)`` building the
        sample notifications, for channels that need particular content or addresses;
        by default :func:`sample_notification` for the channel's address kind.
    :returns: a :class:`KitReport`; call ``raise_for_problems()`` to fail on problems.
    """
    name = str(getattr(channel_class, "name", getattr(channel_class, "__name__", "channel")))
    problems = list(channel_problems(channel_class))
    if problems:
        return KitReport(name, problems)
    with tempfile.TemporaryDirectory(prefix="rulesengine-kit-") as tmp:
        config = {"outbox": tmp, **(settings or {})}
        return _check_instance(channel_class, name, config, make_notification)


def _check_instance(
    channel_class: type,
    name: str,
    settings: dict[str, Any],
    make: MakeNotification | None,
) -> KitReport:
    problems: list[str] = []
    warnings: list[str] = []
    try:
        channel = channel_class(settings)
    except Exception as exc:
        return KitReport(
            name,
            [
                f"{channel_class.__qualname__}(settings) raised {exception_summary(exc)}; "
                "a channel must be constructible from its settings mapping"
            ],
        )

    # The queue builds a channel on its main thread and calls send on a thread of the
    # channel's own: so does the kit.
    results = _on_the_channels_thread(
        channel, name, lambda: _check_sends(channel, channel_class, make, problems, warnings)
    )
    batch_of = functools.partial(_batch, channel_class, make)
    problems.extend(lane_problems(channel, batch_of, functools.partial(_one_send, channel)))
    sample = lambda: _batch(channel_class, make, range(1, 2))[0]  # noqa: E731
    problems.extend(optional_method_problems(channel, sample, settings.get("outbox")))
    return KitReport(name, problems, warnings, results)


def _one_send(channel: Any, n: Notification) -> tuple[list[str], str | None]:
    found: list[str] = []  # send([n])'s problems and outcome, for lane_sends
    if (returned := _send(channel, [n], "one notification", found)) is _RAISED:
        return found, None
    results = _check_results("one notification", [n], returned, found)
    return found, results[0].outcome if results else None


def _check_sends(
    channel: Any,
    channel_class: type,
    make: MakeNotification | None,
    problems: list[str],
    warnings: list[str],
) -> list[DeliveryResult]:
    """Every check that calls ``send``; the sample batch's valid results."""
    empty = _send(channel, [], "an empty batch", problems)
    if isinstance(empty, list) and empty:
        problems.append(f"an empty batch: send([]) must return [], got {empty!r:.80}")

    batch = _batch(channel_class, make, range(1, BATCH_SIZE + 1))
    _check_batch_identity(batch, problems)
    if problems and any("make_notification" in p for p in problems):
        return []
    returned = _send(channel, batch, f"a batch of {len(batch)}", problems)
    results: list[DeliveryResult] = []
    if returned is not _RAISED:
        results = _check_results(f"a batch of {len(batch)}", batch, returned, problems)
        if results and all(r.outcome == "failed" for r in results):
            details = sorted({r.detail or "" for r in results})
            warnings.append(f"every sample notification failed: {'; '.join(details)}")

    again = [attrs.evolve(n, attempt=n.attempt + 1) for n in batch]
    returned = _send(channel, again, "the same batch sent again (a retry)", problems)
    if returned is not _RAISED:
        _check_results("the same batch sent again (a retry)", again, returned, problems)

    # What the host makes of the batch: always one result per notification; a send that
    # yields its results has each passed on (the queue records it) before it ends.
    watched = WatchedChannel(channel)
    passed_on: list[tuple[DeliveryResult, bool]] = []
    hosted = call_channel(watched, batch, lambda r: passed_on.append((r, watched.ended)))
    if [r.notification_id for r in hosted] != [n.id for n in batch]:
        problems.append("call_channel did not return one result per notification")
    if watched.streams:
        problems.extend(stream_problems(hosted, passed_on))

    odd = attrs.evolve(batch[0], id=BATCH_SIZE + 1, content={}, idempotency_key="kit:odd")
    mixed = [batch[1], odd]
    try:
        returned = channel.send(mixed)
        if isinstance(returned, Iterable) and not isinstance(returned, str | bytes):
            list(returned)  # a generator's body runs only when it is read
    except Exception as exc:
        warnings.append(
            f"a notification with empty content made send raise {exception_summary(exc)}, "
            "so the whole batch is retried; return DeliveryResult.failed for that "
            "notification instead"
        )
    return results


# --- The installed entry point -------------------------------------------------------------


@attrs.frozen
class EntryPointReport(_Verdict):
    """What :func:`check_entry_point` found.

    :ivar plugin: the entry point's name (or the name asked for, when none was found).
    :ivar distribution: the distribution that declares it (``None`` when none was found).
    :ivar channels: the names of the channels it registers.
    :ivar problems: sentences naming what is wrong and how to fix it.
    """

    plugin: str
    distribution: str | None
    channels: tuple[str, ...] = attrs.field(converter=_strings, default=())
    problems: tuple[str, ...] = attrs.field(converter=_strings, default=())

    def __str__(self) -> str:
        who = f"plugin {self.plugin}" + (f" ({self.distribution})" if self.distribution else "")
        if self.ok:
            channels = ", ".join(self.channels) or "no channel"
            return f"{who}: loads as rulesengine loads it; registers {channels}"
        return "\n".join(
            [f"{who}: {counted(len(self.problems), 'problem')}"]
            + [f"  problem: {p}" for p in self.problems]
        )


def check_entry_point(name: str) -> EntryPointReport:
    """Load the installed plugin ``name`` as rulesengine does and report what is wrong.

    ``name`` is the entry point's name or its distribution's. The plugin is loaded from its
    ``rulesengine`` entry point into a fresh plugin manager (whatever
    ``RULESENGINE_LOAD_PLUGINS`` and ``RULESENGINE_DISABLE_PLUGINS`` say), then: every
    hook implementation must name a rulesengine hook (a misspelt one is reported with the
    hook it probably meant) and take only that hook's arguments; a public function named
    like a hook must carry ``@rulesengine.hookimpl`` (pluggy ignores it otherwise); and the
    channels it registers must meet the channel contract, as at start-up.
    """
    installed = installed_entry_points()
    wanted = plugin_key(name)
    matches = [
        (ep_name, dist_name)
        for ep_name, dist_name in installed
        if wanted in (plugin_key(ep_name), plugin_key(dist_name))
    ]
    if not matches:
        known = sorted({n for pair in installed for n in pair})
        hint = did_you_mean(name, known, "installed plugins")
        return EntryPointReport(
            name,
            None,
            problems=[
                f"no installed distribution has a rulesengine entry point named {name!r}{hint}"
                + ("" if hint.endswith("?") else ".")
                + " A plugin declares one in setup.cfg ([options.entry_points] rulesengine ="
                " <name> = <module>) and is installed (pip install -e .)"
            ],
        )
    ep_name, dist_name = matches[0]
    report = functools.partial(EntryPointReport, ep_name, dist_name)
    pm = new_plugin_manager()
    try:
        pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP, name=ep_name)
    except pluggy.PluginValidationError as exc:
        return report(problems=[f"{dist_name} (plugin {ep_name}): {validation_reason(pm, exc)}"])
    except Exception as exc:
        return report(
            problems=[f"{dist_name} (plugin {ep_name}) cannot be loaded: {exception_summary(exc)}"]
        )
    problems = unknown_hooks(pm)
    for hook in unmarked_hook_functions(pm.get_plugin(ep_name)):
        problems.append(
            f"{dist_name} (plugin {ep_name}) defines {hook} without"
            " @rulesengine.hookimpl, so rulesengine never calls it: mark it"
        )
    channels: list[str] = []
    try:
        registry = ChannelRegistry.collect(pm)
        channels = sorted(registry.channels)
    except PluginError as exc:
        problems.append(str(exc))
    return report(channels=channels, problems=problems)
