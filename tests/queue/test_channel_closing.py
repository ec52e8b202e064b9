"""A queue closes the channel objects it built (their optional ``close()``: a pool's open
connections) when it is closed, and builds new ones if it delivers again."""

from __future__ import annotations

import logging
from typing import Any

import rulesengine
from rulesengine.channels.results import DeliveryResult
from rulesengine.queue.channel_objects import Channels
from tests.queue.helpers import plugins_registering


class Pooled(rulesengine.Channel):
    name = "voice"
    address = "mobile"
    closed: list[Pooled] = []

    def send(self, notifications: Any) -> list[DeliveryResult]:  # pragma: no cover
        return [DeliveryResult.sent(n) for n in notifications]

    def close(self) -> None:
        Pooled.closed.append(self)


class Broken(Pooled):
    name = "fax"

    def close(self) -> None:
        raise OSError("socket already gone")


def _channels(*classes: type) -> Channels:
    pm = plugins_registering(*classes)
    return Channels(store=None, injected=None, plugin_manager=lambda: pm)  # type: ignore[arg-type]


def test_closing_calls_close_on_every_built_channel_and_forgets_it(caplog) -> None:
    Pooled.closed.clear()
    channels = _channels(Pooled, Broken)
    voice = channels.instance(None, "voice")
    channels.instance(None, "fax")
    with caplog.at_level(logging.WARNING):
        channels.close()
    assert Pooled.closed == [voice]
    assert "closing the fax channel failed: OSError: socket already gone" in caplog.text
    assert channels.instance(None, "voice") is not voice  # a new one for the next delivery


def test_injected_channels_belong_to_the_caller_and_are_not_closed() -> None:
    Pooled.closed.clear()
    mine = Pooled({})
    channels = Channels(store=None, injected={"voice": mine}, plugin_manager=lambda: None)  # type: ignore[arg-type]
    assert channels.instance(None, "voice") is mine
    channels.close()
    assert Pooled.closed == []
    assert channels.instance(None, "voice") is mine


def test_a_worker_with_nothing_to_send_closes_its_channels_once_and_builds_them_again(
    qstore, plugin_manager, monkeypatch
) -> None:
    """A quiet spell begins: the channel objects are closed (their connections), once; the
    next notification builds a new object."""
    import threading

    from rulesengine.queue import Queue
    from rulesengine.queue.delivery_round import DeliveryRounds

    closed = []
    monkeypatch.setattr(DeliveryRounds, "close_channels", lambda self: closed.append(1))
    stop = threading.Event()
    rounds = []

    def run_round(self, fixed, limit, real=DeliveryRounds.run_round):
        rounds.append(1)
        if len(rounds) == 5:
            stop.set()
        return real(self, fixed, limit)

    monkeypatch.setattr(DeliveryRounds, "run_round", run_round)
    with Queue(qstore, channels={}, pm=plugin_manager, worker_id="w1") as queue:
        queue.run_worker(stop, poll_seconds=0.01)
    assert len(rounds) == 5
    assert closed == [1]  # once for the quiet spell, not once a round
