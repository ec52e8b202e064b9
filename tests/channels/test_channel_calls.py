"""DeliveryResult and call_channel: the host never lets a channel stop the queue."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import attrs
import pytest

from rulesengine.channels.channel_calls import call_channel
from rulesengine.channels.private_files import safe_file_stem, write_private_file
from rulesengine.channels.results import DeliveryResult
from rulesengine.testing.plugin_kit import sample_notification

NO_RESULT = "the channel returned no result for this notification"


def batch(n: int = 3) -> list:
    return [sample_notification(id=i, idempotency_key=f"k{i}") for i in range(1, n + 1)]


class Channel:
    name = "fake"
    address = "email"

    def __init__(self, behaviour) -> None:
        self.behaviour = behaviour
        self.calls = 0

    def send(self, notifications):
        self.calls += 1
        return self.behaviour(notifications)


def test_constructors_take_a_notification_or_its_id() -> None:
    n = sample_notification(id=42)
    assert DeliveryResult.sent(n, provider_ref="SM1") == DeliveryResult(42, "sent", "SM1", None)
    assert DeliveryResult.retry(42, "busy") == DeliveryResult(42, "retry", None, "busy")
    assert DeliveryResult.failed(n, "no mailbox") == DeliveryResult(
        42, "failed", None, "no mailbox"
    )
    with pytest.raises(ValueError) as info:
        DeliveryResult(1, "delivered")
    assert str(info.value) == (
        "DeliveryResult outcome must be 'sent', 'retry' or 'failed', got 'delivered'"
    )
    with pytest.raises(TypeError):
        DeliveryResult.sent("42")  # type: ignore[arg-type]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DeliveryResult.sent(1).outcome = "failed"  # type: ignore[misc]


def test_results_come_back_in_batch_order() -> None:
    ch = Channel(lambda ns: [DeliveryResult.sent(n) for n in reversed(ns)])
    assert [r.notification_id for r in call_channel(ch, batch())] == [1, 2, 3]


def test_an_exception_retries_every_notification(caplog) -> None:
    def boom(ns):
        raise ConnectionRefusedError(111, "Connection refused")

    with caplog.at_level(logging.WARNING):
        results = call_channel(Channel(boom), batch(2))
    assert results == [
        DeliveryResult.retry(i, "ConnectionRefusedError: [Errno 111] Connection refused")
        for i in (1, 2)
    ]
    assert caplog.messages == [
        "channel fake raised in send (2 notifications): ConnectionRefusedError: [Errno 111] "
        "Connection refused"
    ]


def test_a_thread_bound_channel_is_told_how_to_run(caplog) -> None:
    def bound(ns):
        raise RuntimeError("SQLite objects created in a thread can only be used in that thread")

    with caplog.at_level(logging.WARNING):
        call_channel(Channel(bound), batch(1))
    assert caplog.messages[0].endswith(
        "(the channel may not work off the thread that built it: see docs/plugins.md, "
        "Threads; `rulesengine worker --serial` calls it on one thread)"
    )


def test_exception_summary_is_one_line() -> None:
    def boom(ns):
        raise ValueError("first line\nsecond line")

    def bare(ns):
        raise KeyError

    assert call_channel(Channel(boom), batch(1))[0].detail == "ValueError: first line"
    assert call_channel(Channel(bare), batch(1))[0].detail == "KeyError"


def test_a_missing_result_is_a_retry() -> None:
    ch = Channel(lambda ns: [DeliveryResult.sent(ns[0])])
    assert call_channel(ch, batch(2)) == [
        DeliveryResult.sent(1),
        DeliveryResult.retry(2, NO_RESULT),
    ]


def test_results_for_unknown_ids_are_ignored() -> None:
    ch = Channel(lambda ns: [DeliveryResult.sent(99), *[DeliveryResult.sent(n) for n in ns]])
    assert call_channel(ch, batch(2)) == [DeliveryResult.sent(1), DeliveryResult.sent(2)]


def test_the_first_of_two_results_counts() -> None:
    ch = Channel(lambda ns: [DeliveryResult.failed(1, "no"), DeliveryResult.sent(1)])
    assert call_channel(ch, batch(1)) == [DeliveryResult.failed(1, "no")]


def test_items_that_are_not_results_become_retries() -> None:
    ch = Channel(lambda ns: [DeliveryResult.sent(ns[0]), {"id": 2, "outcome": "sent"}])
    assert call_channel(ch, batch(2)) == [
        DeliveryResult.sent(1),
        DeliveryResult.retry(2, f"{NO_RESULT} (it returned a dict instead of a DeliveryResult)"),
    ]


def test_an_item_is_named_with_its_article() -> None:
    ch = Channel(lambda ns: [DeliveryResult.sent(ns[0]), 2])
    assert call_channel(ch, batch(2))[1] == DeliveryResult.retry(
        2, f"{NO_RESULT} (it returned an int instead of a DeliveryResult)"
    )


@pytest.mark.parametrize(
    ("returned", "what"), [(None, "NoneType"), (True, "bool"), ("sent", "str")]
)
def test_send_returning_no_list_retries_everything(returned, what) -> None:
    assert call_channel(Channel(lambda ns: returned), batch(1)) == [
        DeliveryResult.retry(1, f"{NO_RESULT} (send returned {what}, not a list of DeliveryResult)")
    ]


def test_a_generator_is_accepted_and_its_failure_is_a_retry_of_the_rest() -> None:
    def results(ns):
        yield DeliveryResult.sent(ns[0])
        raise OSError("disk full")

    # What it yielded before raising counts (the queue may have recorded it already).
    assert call_channel(Channel(results), batch(2)) == [
        DeliveryResult.sent(1),
        DeliveryResult.retry(2, f"{NO_RESULT} (producing its results raised OSError: disk full)"),
    ]


def test_each_valid_result_is_passed_on_as_it_is_read() -> None:
    seen: list[tuple[int, int]] = []
    handed = 0

    def results(ns):
        nonlocal handed
        for n in ns:
            handed += 1
            yield DeliveryResult.sent(n)
        yield DeliveryResult.sent(99)  # not in the batch: not passed on
        yield DeliveryResult.failed(ns[0], "twice")  # a duplicate: not passed on
        yield "junk"  # not a result: not passed on

    got = call_channel(
        Channel(results), batch(3), lambda r: seen.append((r.notification_id, handed))
    )
    # Each result is passed on before the generator goes on to the next notification.
    assert seen == [(1, 1), (2, 2), (3, 3)]
    assert got == [DeliveryResult.sent(i) for i in (1, 2, 3)]


def test_a_list_or_a_tuple_is_not_passed_on_but_any_other_iterable_is() -> None:
    seen: list[DeliveryResult] = []
    for kind in (list, tuple):
        ch = Channel(lambda ns, kind=kind: kind(DeliveryResult.sent(n) for n in ns))
        assert call_channel(ch, batch(2), seen.append) == [
            DeliveryResult.sent(1),
            DeliveryResult.sent(2),
        ]
    assert seen == []
    ch = Channel(lambda ns: iter([DeliveryResult.sent(n) for n in ns]))
    assert (
        call_channel(ch, batch(2), seen.append)
        == seen
        == [
            DeliveryResult.sent(1),
            DeliveryResult.sent(2),
        ]
    )


def test_an_empty_batch_does_not_call_the_channel() -> None:
    ch = Channel(lambda ns: [])
    assert call_channel(ch, []) == [] and ch.calls == 0


def test_base_exceptions_are_not_swallowed() -> None:
    def stop(ns):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        call_channel(Channel(stop), batch(1))


@pytest.mark.parametrize(
    ("key", "stem"),
    [
        ("B20240301-1.S1.email", "B20240301-1.S1.email"),
        ("B1:S1:email", "B1_S1_email-"),
        ("../../etc/passwd", "etc_passwd-"),
        (".hidden", "hidden-"),
        ("::", ""),
    ],
)
def test_safe_file_stem(key: str, stem: str) -> None:
    result = safe_file_stem(key)
    assert result.startswith(stem)
    assert "/" not in result and not result.startswith(".")
    assert safe_file_stem(key) == result
    if result != key:
        assert len(result) == len(stem) + 16


def test_write_private_file_is_atomic_and_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "a.eml"
    write_private_file(path, b"one")
    write_private_file(path, b"two")
    assert path.read_bytes() == b"two"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.eml"]


def test_write_private_file_names_a_missing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "outbox"
    with pytest.raises(FileNotFoundError) as info:
        write_private_file(folder / "a.eml", b"one")
    assert str(info.value) == (
        f"cannot write {folder / 'a.eml'}: the folder {folder} does not exist"
        f" (create it with private_dir({str(folder)!r}))"
    )
    assert isinstance(info.value, OSError)


def test_write_private_file_takes_bytes(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=r"write_private_file writes bytes, got str: encode"):
        write_private_file(tmp_path / "a.txt", "text")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_a_retry_may_carry_retry_after_and_nothing_else_may() -> None:
    result = DeliveryResult.retry(7, "HTTP 429: slow down", retry_after=2.5)
    assert (result.outcome, result.retry_after) == ("retry", 2.5)
    assert DeliveryResult.retry(7, "busy").retry_after is None
    with pytest.raises(ValueError, match="only for a 'retry' outcome"):
        DeliveryResult(7, "sent", retry_after=1.0)


@pytest.mark.parametrize("value", [-1, 3601, True, "2", float("nan")])
def test_a_retry_after_must_be_seconds_from_0_to_an_hour(value: object) -> None:
    with pytest.raises(ValueError, match="retry_after must be"):
        DeliveryResult.retry(7, "HTTP 429", retry_after=value)  # type: ignore[arg-type]
