"""The plugin test kit passes a good channel and reports each kind of bad one."""

from __future__ import annotations

import re
import threading

import pytest

from rulesengine.channels.results import DeliveryResult
from rulesengine.testing.plugin_kit import (
    ChannelContractError,
    KitReport,
    check_channel,
    sample_notification,
)
from rulesengine.testing.pytest_fixtures import ChannelKit


class Good:
    name = "pager"
    address = "mobile"
    content_keys = {"body"}

    def __init__(self, settings):
        self.outbox = settings["outbox"]

    def send(self, notifications):
        out = []
        for n in notifications:
            if not n.content.get("body"):
                out.append(DeliveryResult.failed(n, "no body"))
            else:
                out.append(DeliveryResult.sent(n, provider_ref=f"pg-{n.idempotency_key}"))
        return out


def bad(**attributes):
    return type("Bad", (Good,), attributes)


def test_a_good_channel_passes() -> None:
    report = check_channel(Good)
    assert report == KitReport(
        "pager",
        [],
        [],
        [DeliveryResult.sent(i, provider_ref=f"pg-B20240301-1:S{i:04d}:pager") for i in (1, 2, 3)],
    )
    assert report.ok
    report.raise_for_problems()
    assert str(report) == "channel pager: meets the contract"


def test_settings_are_passed_to_the_constructor() -> None:
    seen = []

    class Recording(Good):
        def __init__(self, settings):
            seen.append(dict(settings))
            super().__init__(settings)

    assert check_channel(Recording, {"outbox": "/nowhere", "api_key_env": "X"}).ok
    assert seen == [{"outbox": "/nowhere", "api_key_env": "X"}]


def _send(result):
    def send(self, notifications):
        return result(notifications)

    return send


def _init_raising(self, settings):
    raise KeyError("outbox")


def _raise(exc):
    def send(self, notifications):
        raise exc

    return send


@pytest.mark.parametrize(
    ("channel", "problem"),
    [
        (
            bad(name="Pager"),
            "Bad.name must be a channel name such as 'fax' (lower-case letters, "
            "digits and _, starting with a letter), got 'Pager'",
        ),
        (
            bad(address="phone"),
            "Bad.address must be one of email, mobile, postal, guarantor, got 'phone'",
        ),
        (bad(send=None), "Bad has no send(notifications) method"),
        (
            bad(__init__=_init_raising),
            "Bad(settings) raised KeyError: 'outbox'; a channel must be constructible from its "
            "settings mapping",
        ),
        (
            bad(send=_send(lambda ns: [DeliveryResult.sent(1)])),
            "an empty batch: send([]) must return [], got [DeliveryResult(notification_id=1, "
            "outcome='sent', p",
        ),
        (
            bad(send=_send(lambda ns: [DeliveryResult.sent(n) for n in ns[:1]])),
            "a batch of 3: send must return exactly one result per notification (ids [1, 2, 3]): "
            "no result for [2, 3]",
        ),
        (
            bad(send=_send(lambda ns: [DeliveryResult.sent(n) for n in ns + ns[:1]])),
            "a batch of 3: send must return exactly one result per notification (ids [1, 2, 3]): "
            "more than one result for [1]",
        ),
        (
            bad(send=_send(lambda ns: [DeliveryResult.sent(n.id + 10) for n in ns])),
            "a batch of 3: send must return exactly one result per notification (ids [1, 2, 3]): "
            "no result for [1, 2, 3]; results for ids not in the batch [11, 12, 13]",
        ),
        (
            bad(send=_send(lambda ns: [{"id": n.id} for n in ns])),
            "an empty batch",
        ),  # passes the empty check; the batch problems follow
        (
            bad(send=_raise(ConnectionError("provider down"))),
            "an empty batch: send raised ConnectionError: provider down; the host turns that "
            "into a retry of every notification in the batch: return DeliveryResult.retry or "
            ".failed for the notifications concerned instead",
        ),
    ],
    ids=[
        "name",
        "address",
        "send",
        "constructor",
        "empty",
        "missing",
        "twice",
        "unknown-ids",
        "not-results",
        "raises",
    ],
)
def test_bad_channels_are_reported(channel, problem) -> None:
    report = check_channel(channel)
    assert not report.ok
    if problem == "an empty batch":
        assert report.problems[0].startswith(
            "a batch of 3: send returned a dict ({'id': 1}); return rulesengine.DeliveryResult "
            "values"
        )
    else:
        assert report.problems[0].startswith(problem), report.problems
    with pytest.raises(ChannelContractError) as info:
        report.raise_for_problems()
    assert str(info.value).startswith("channel ")
    assert "  problem: " in str(info.value)


@pytest.mark.parametrize(
    "wrap",
    [tuple, iter, lambda results: (r for r in results)],
    ids=["tuple", "iterator", "generator"],
)
def test_send_may_return_any_iterable_as_the_host_accepts(wrap) -> None:
    """As call_channel does (docs/reference/delivery.md), read once by the kit."""
    channel = bad(send=_send(lambda ns: wrap([DeliveryResult.sent(n) for n in ns])))
    report = check_channel(channel)
    assert report.ok, report
    assert [r.notification_id for r in report.results] == [1, 2, 3]


def test_a_send_that_yields_its_results_is_checked_as_it_runs() -> None:
    def send(self, notifications):
        for n in notifications:
            yield DeliveryResult.sent(n, provider_ref=n.content["body"][:5])

    report = check_channel(bad(send=send))
    assert report.ok, report
    assert report.warnings == (
        "a notification with empty content made send raise KeyError: 'body', so the whole batch "
        "is retried; return DeliveryResult.failed for that notification instead",
    )


def test_both_forms_of_send_meet_the_contract_and_a_stream_is_watched(monkeypatch) -> None:
    """A list and a generator both pass; a generator's results are checked to reach the
    host while it runs (here the host is made to hold them back until the end, as a broken
    host would: the kit says so)."""
    from rulesengine.testing import plugin_kit

    def listed(self, notifications):
        return [DeliveryResult.sent(n) for n in notifications]

    def yielded(self, notifications):
        for n in notifications:
            yield DeliveryResult.sent(n)

    assert check_channel(bad(send=listed)).ok
    assert check_channel(bad(send=yielded)).ok

    real = plugin_kit.call_channel

    def holds_back(channel, notifications, on_result=None):
        kept = []
        results = real(channel, notifications, kept.append)
        for r in kept:
            on_result(r)
        return results

    monkeypatch.setattr(plugin_kit, "call_channel", holds_back)
    assert check_channel(bad(send=listed)).ok  # a list is not a stream
    [problem] = check_channel(bad(send=yielded)).problems
    assert problem.startswith("results for [1, 2, 3] reached the host only after send's stream")


def test_a_generator_with_results_for_an_empty_batch_is_still_a_problem() -> None:
    def send(self, notifications):
        return (DeliveryResult.sent(i) for i in [n.id for n in notifications] or [1])

    channel = bad(send=send)
    assert (
        check_channel(channel)
        .problems[0]
        .startswith(
            "an empty batch: send([]) must return [], got [DeliveryResult(notification_id=1, "
        )
    )


def test_settings_without_an_outbox_get_one_as_the_host_passes_one() -> None:
    seen = []

    class Recording(Good):
        def __init__(self, settings):
            seen.append(dict(settings))
            super().__init__(settings)

    assert check_channel(Recording, {"inbox_label": "x"}).ok
    [settings] = seen
    assert settings["inbox_label"] == "x"
    assert settings["outbox"].split("/")[-1].startswith("rulesengine-kit-")


def test_the_fixture_fills_in_a_missing_outbox_too(tmp_path) -> None:
    seen = []

    class Recording(Good):
        def __init__(self, settings):
            seen.append(dict(settings))
            super().__init__(settings)

    ChannelKit(tmp_path).check(Recording, {"inbox_label": "x"})
    assert seen == [{"outbox": str(tmp_path / "outbox"), "inbox_label": "x"}]


def test_send_must_return_a_list_for_a_batch() -> None:
    channel = bad(send=_send(lambda ns: None if ns else []))
    assert (
        check_channel(channel).problems[0] == "a batch of 3: send must return a list, got NoneType"
    )


def test_a_retry_of_the_same_batch_is_checked() -> None:
    def send(self, notifications):
        if any(n.attempt > 1 for n in notifications):
            return []
        return [DeliveryResult.sent(n) for n in notifications]

    problems = check_channel(bad(send=send)).problems
    assert problems == (
        "the same batch sent again (a retry): send must return exactly one result per "
        "notification (ids [1, 2, 3]): no result for [1, 2, 3]",
    )


def test_a_channel_tied_to_the_thread_that_built_it_is_a_problem() -> None:
    """The queue calls ``send`` on a thread of the channel's own; a channel holding an
    SQLite connection made in its constructor fails there."""
    import sqlite3

    def init(self, settings):
        self.db = sqlite3.connect(":memory:")

    def send(self, notifications):
        self.db.execute("select 1")
        return [DeliveryResult.sent(n) for n in notifications]

    problems = check_channel(bad(__init__=init, send=send)).problems
    assert problems[0].startswith(
        "an empty batch: send raised ProgrammingError: SQLite objects created in a thread can "
        "only be used in that same thread."
    )
    assert problems[0].endswith(
        "; the queue calls send on a thread of the channel's own, not the one that built it: "
        "make thread-bound resources (an sqlite3 connection, a thread-local session) in send, "
        "not in the constructor (docs/plugins.md, Threads)"
    )


def test_every_send_runs_on_one_thread_other_than_the_one_that_built_the_channel() -> None:
    """So a channel that makes thread-bound state in its first send passes, as it works in
    the queue."""
    import threading

    seen: list[threading.Thread] = []

    def send(self, notifications):
        seen.append(threading.current_thread())
        return [DeliveryResult.sent(n) for n in notifications]

    assert check_channel(bad(send=send)).ok
    assert len(set(seen)) == 1
    assert seen[0] is not threading.current_thread()


def test_warnings_for_probably_unintended_behaviour() -> None:
    def send(self, notifications):
        if any(not n.content for n in notifications):
            raise KeyError("body")
        return [DeliveryResult.failed(n, "not configured") for n in notifications]

    report = check_channel(bad(send=send))
    assert report.ok
    assert report.warnings == (
        "every sample notification failed: not configured",
        "a notification with empty content made send raise KeyError: 'body', so the whole batch "
        "is retried; return DeliveryResult.failed for that notification instead",
    )


def test_make_notification_must_give_distinct_ids_and_keys() -> None:
    report = check_channel(
        Good,
        make_notification=lambda id, channel: sample_notification(
            id=1, channel=channel, address="mobile", idempotency_key=""
        ),
    )
    assert report.problems == (
        "the sample notifications must have distinct ids, got [1, 1, 1]",
        "every notification needs its own non-empty idempotency_key, got ['', '', '']",
    )


def test_make_notification_builds_the_batch() -> None:
    made = []

    def make(id, channel):
        made.append((id, channel))
        return sample_notification(
            id=id,
            channel=channel,
            address="mobile",
            idempotency_key=f"custom-{id}",
            content={"body": "hi"},
        )

    report = check_channel(Good, make_notification=make)
    assert report.ok
    assert made == [(1, "pager"), (2, "pager"), (3, "pager")]
    assert report.results[0].provider_ref == "pg-custom-1"


def test_sample_notification_fits_the_address_kind() -> None:
    assert sample_notification().to == "pat.doe@example.org"
    assert sample_notification(address="mobile").to == "+15555550101"
    text = sample_notification(address="mobile")
    assert (text.channel, dict(text.content)) == ("text", {"body": text.content["body"]})
    assert sample_notification(address="postal", id=5).statement_id == "S0005"
    assert sample_notification(to="x@y.org").to == "x@y.org"


def test_fixture_fails_the_test_with_the_report(tmp_path) -> None:
    kit = ChannelKit(tmp_path)
    assert kit.check(Good).ok
    with pytest.raises(pytest.fail.Exception) as info:
        kit.check(bad(address="fax"))
    assert str(info.value) == (
        "channel pager: 1 problem\n"
        "  problem: Bad.address must be one of email, mobile, postal, guarantor, got 'fax'"
    )
    assert kit.notification(id=9).id == 9


def test_fixture_is_usable_from_a_conftest(channel_kit) -> None:
    assert channel_kit.check(Good).ok


def test_a_preview_returning_media_type_and_bytes_or_none_passes() -> None:
    """The optional preview is checked when the channel has one; None is allowed."""
    assert check_channel(bad(preview=lambda self, n: ("text/plain", b"hello"))).ok
    assert check_channel(bad(preview=lambda self, n: None)).ok


@pytest.mark.parametrize(
    ("preview", "problem"),
    [
        (
            lambda self, n: b"%PDF-",
            "preview(notification) must return (media type, bytes) such as ('application/pdf',"
            " b'...'), or None, got b'%PDF-'",
        ),
        (lambda self, n: 1 / 0, "preview(notification) raised ZeroDivisionError: division by zero"),
        ("not a method", "preview must be a method preview(notification), got 'not a method'"),
    ],
)
def test_a_bad_preview_is_reported(preview, problem) -> None:
    report = check_channel(bad(preview=preview))
    assert report.problems == (problem,)


def test_a_preview_that_writes_a_file_is_reported() -> None:
    def preview(self, n):
        with open(f"{self.outbox}/preview.txt", "w") as fh:
            fh.write("x")
        return "text/plain", b"x"

    report = check_channel(bad(preview=preview))
    assert report.problems == ("preview(notification) wrote a file: a preview must write nothing",)


def test_a_send_problem_returning_none_or_a_sentence_passes() -> None:
    """The optional send_problem is checked when the channel has one."""
    assert check_channel(bad(send_problem=lambda self, n: None)).ok
    assert check_channel(bad(send_problem=lambda self, n: "the pager number is unknown")).ok


@pytest.mark.parametrize(
    ("send_problem", "problem"),
    [
        (
            lambda self, n: False,
            "send_problem(notification) must return None (it would send it) or a sentence"
            " saying why send would fail it, got False",
        ),
        (
            lambda self, n: " ",
            "send_problem(notification) must return None (it would send it) or a sentence"
            " saying why send would fail it, got ' '",
        ),
        (
            lambda self, n: 1 / 0,
            "send_problem(notification) raised ZeroDivisionError: division by zero",
        ),
        (
            "not a method",
            "send_problem must be a method send_problem(notification), got 'not a method'",
        ),
    ],
)
def test_a_bad_send_problem_is_reported(send_problem, problem) -> None:
    report = check_channel(bad(send_problem=send_problem))
    assert report.problems == (problem,)


def test_a_send_problem_that_writes_a_file_is_reported() -> None:
    def send_problem(self, n):
        with open(f"{self.outbox}/check.txt", "w") as fh:
            fh.write("x")

    report = check_channel(bad(send_problem=send_problem))
    assert report.problems == (
        "send_problem(notification) wrote a file: a check must write nothing",
    )


class Pooled(Good):
    """Up to four sends at once, one notification each; with ``shared``, every call uses
    one connection object that is not safe for two threads at once (it notices)."""

    shared = False
    catches = False

    def __init__(self, settings):
        super().__init__(settings)
        self.max_in_flight = 4
        self.singles = 0
        self.open = 0
        self.most_open = 0
        self.lock = threading.Lock()
        self.all_in = threading.Barrier(4, timeout=5)

    def send(self, notifications):
        with self.lock:
            self.open += 1
            self.most_open = max(self.most_open, self.open)
            busy = self.open > 1
        try:
            with self.lock:
                self.singles += len(notifications) == 1
                first_four = len(notifications) == 1 and self.singles <= 4
            if first_four:  # the first four single calls wait for each other
                self.all_in.wait()
            if self.shared and busy:
                if self.catches:
                    return [DeliveryResult.retry(n, "connection busy") for n in notifications]
                raise RuntimeError("connection already in use by another thread")
            return super().send(notifications)
        finally:
            with self.lock:
                self.open -= 1


def test_a_channel_with_max_in_flight_has_send_called_from_several_threads_at_once() -> None:
    made: list[Pooled] = []

    class Watched(Pooled):
        def __init__(self, settings):
            super().__init__(settings)
            made.append(self)

    assert check_channel(Watched).ok
    assert made[0].most_open == 4


def test_a_channel_not_safe_for_its_max_in_flight_threads_is_a_problem() -> None:
    report = check_channel(bad_pool := type("BadPool", (Pooled,), {"shared": True}))
    assert not report.ok, bad_pool
    assert report.problems[0].startswith(
        "with max_in_flight 4, send called from 4 threads at once: one notification: send raised"
        " RuntimeError: connection already in use by another thread"
    )
    assert report.problems[0].endswith(
        "send is probably not safe for that many threads at once: take a connection from a pool"
        " in each call and lock what the calls share (docs/plugins.md, Many messages in flight)"
    )


def test_calls_that_retry_together_but_are_sent_alone_are_a_problem() -> None:
    """A channel that turns its own thread-safety error into ``retry``: every concurrent
    call "works", but the notifications would use up their attempts."""
    report = check_channel(type("Retrying", (Pooled,), {"shared": True, "catches": True}))
    (problem,) = [p for p in report.problems if "answered retry" in p]
    # The first four calls are open at once: at least three of them found it busy.
    assert re.fullmatch(
        r"with max_in_flight 4, send called from 4 threads at once: [3-8] of 8 calls answered"
        r" retry, while the same notifications sent one at a time were sent; send is probably"
        r" not safe for that many threads at once: .*",
        problem,
    )


def test_a_max_in_flight_set_on_the_object_outside_1_to_100_is_a_problem() -> None:
    class Zero(Good):
        def __init__(self, settings):
            super().__init__(settings)
            self.max_in_flight = 0

    assert check_channel(Zero).problems == (
        "max_in_flight set on the channel object must be a whole number from 1 to 100, got 0",
    )
