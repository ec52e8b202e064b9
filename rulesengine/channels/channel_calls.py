"""The host's safe way to call a channel, and how an exception is named in a result.

The queue never calls a channel's ``send`` directly: :func:`call_channel` turns an
exception, a missing result or a wrong value into ``retry`` results, so a broken plugin can
never stop the queue. :func:`exception_summary` is the one line a result's detail (and a
log line) shows for an exception.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from rulesengine.channels.results import DeliveryResult
from rulesengine.model import Notification
from rulesengine.plurals import counted, with_article

if TYPE_CHECKING:
    from typing import Protocol

    class _Channel(Protocol):
        def send(self, notifications: list[Notification]) -> Any: ...


__all__ = ["NO_RESULT", "about_threads", "call_channel", "exception_summary"]

_log = logging.getLogger(__name__)

#: The detail of a ``retry`` made for a notification the channel returned no result for.
NO_RESULT = "the channel returned no result for this notification"


def exception_summary(exc: BaseException) -> str:
    """One line naming an exception, such as ``ConnectionRefusedError: [Errno 111] ...``."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else ""
    name = type(exc).__name__
    return f"{name}: {first}" if first else name


def about_threads(summary: str) -> bool:
    """Whether an exception's summary is about threads (an object used off the thread that
    made it, such as ``sqlite3``'s): a channel that is not meant to run on a thread of its
    own, as the queue runs it."""
    return "thread" in summary.lower()


def _channel_name(channel: Any) -> str:
    return str(getattr(channel, "name", type(channel).__name__))


def call_channel(
    channel: _Channel,
    notifications: Iterable[Notification],
    on_result: Callable[[DeliveryResult], object] | None = None,
) -> list[DeliveryResult]:
    """Call ``channel.send`` and return exactly one result per notification, in order.

    ``send`` may return a list (or any iterable) or yield its results one by one (a
    generator or another iterator): they are read here, on the caller's thread, one at a
    time. Unless ``send`` returned a list or a tuple (results all known at once, recorded
    with the call), each valid one is passed to ``on_result`` as soon as it is read (the
    queue records them as they arrive: ``docs/plugins.md``, "Results as they happen").
    ``on_result`` must not raise.

    - an exception from ``send``: a ``retry`` for every notification, with the exception's
      one-line summary as the detail;
    - an exception while reading the results (a generator raising part way): the results
      read before it count; a ``retry`` for every other notification, saying so;
    - a result for an id that was not in the batch: ignored (logged);
    - a second result for one notification: the first one counts (logged);
    - no result for a notification: ``retry`` "the channel returned no result for this
      notification";
    - an item that is not a :class:`DeliveryResult` (or ``send`` returning something that is
      not a list): ``retry`` for the notifications without a valid result, saying so.
    """
    batch = list(notifications)
    if not batch:
        return []
    name = _channel_name(channel)
    try:
        returned = channel.send(batch)
    except Exception as exc:
        summary = exception_summary(exc)
        hint = ""
        if about_threads(summary):
            hint = (
                " (the channel may not work off the thread that built it: see docs/plugins.md,"
                " Threads; `rulesengine worker --serial` calls it on one thread)"
            )
        _log.warning(
            "channel %s raised in send (%s): %s%s",
            name,
            counted(len(batch), "notification"),
            summary,
            hint,
        )
        _log.debug("channel %s traceback", name, exc_info=True)
        return [DeliveryResult.retry(n, summary) for n in batch]

    wanted = {n.id for n in batch}
    found: dict[int, DeliveryResult] = {}
    bad: list[str] = []
    if returned is None or isinstance(returned, (str, bytes)) or not isinstance(returned, Iterable):
        bad.append(f"send returned {type(returned).__name__}, not a list of DeliveryResult")
    else:
        streamed = None if isinstance(returned, list | tuple) else on_result
        try:
            for item in returned:
                result = _accepted(name, item, wanted, found, bad)
                if result is not None and streamed is not None:
                    streamed(result)
        except Exception as exc:
            summary = exception_summary(exc)
            _log.warning("channel %s failed while producing results: %s", name, summary)
            bad.append(f"producing its results raised {summary}")
    missing_detail = NO_RESULT
    if bad:
        missing_detail = f"{NO_RESULT} ({'; '.join(dict.fromkeys(bad))})"
    results = []
    for n in batch:
        result = found.get(n.id)
        if result is None:
            _log.warning("channel %s: notification %s: %s", name, n.id, missing_detail)
            result = DeliveryResult.retry(n, missing_detail)
        results.append(result)
    return results


def _accepted(
    name: str, item: Any, wanted: set[int], found: dict[int, DeliveryResult], bad: list[str]
) -> DeliveryResult | None:
    """``item`` when it is the first valid result for a notification of the batch (then kept
    in ``found``), else None (logged, or a problem added to ``bad``)."""
    if not isinstance(item, DeliveryResult):
        bad.append(f"it returned {with_article(type(item).__name__)} instead of a DeliveryResult")
        return None
    if item.notification_id not in wanted:
        _log.warning(
            "channel %s returned a result for notification %s, which was not in the batch",
            name,
            item.notification_id,
        )
        return None
    if item.notification_id in found:
        _log.warning(
            "channel %s returned two results for notification %s; the first one counts",
            name,
            item.notification_id,
        )
        return None
    found[item.notification_id] = item
    return item
