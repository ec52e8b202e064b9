"""Send rates: slots taken from the store are evenly spaced, never handed out twice (across
threads and processes), never earlier than a pause, and an idle key banks no burst."""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from typing import Any

import pytest
from sqlalchemy import select, text, update

from rulesengine.errors import InvalidRequest
from rulesengine.queue.clock import database_now
from rulesengine.queue.send_rates import RateGate, pause_slots, reserve_slots
from rulesengine.store import open_store
from rulesengine.store.sql_store import SQLStore
from rulesengine.store.tables import channel_rates

#: Slack for float arithmetic on epoch seconds (about 2e-7 s apart near 1.8e9).
EPSILON = 1e-6
#: Slack where a slot is compared with a clock read in this process (they may be slewed apart).
CLOCK_SLACK = 1e-3
SHARED_STORES = ["sqlite-file", "postgresql"]


def store_clock(store: SQLStore) -> float:
    """Now on the clock the store's slots are on (PostgreSQL's, else this machine's)."""
    with store.reading() as conn:
        if conn.dialect.name == "postgresql":
            return database_now(conn).timestamp()
    return time.time()


def next_free(store: SQLStore, key: str) -> float | None:
    with store.reading() as conn:
        found = conn.execute(
            select(channel_rates.c.next_free).where(channel_rates.c.key == key)
        ).scalar()
    return None if found is None else float(found)


def assert_spaced(slots: list[float], per_second: int) -> None:
    """Every slot distinct and at least ``1 / per_second`` after the one before it."""
    ordered = sorted(slots)
    gaps = [later - earlier for earlier, later in zip(ordered, ordered[1:], strict=False)]
    assert min(gaps) >= 1 / per_second - EPSILON, min(gaps)


# -- reserve_slots and pause_slots ---------------------------------------------------------------


def test_slots_are_evenly_spaced_and_follow_the_ones_before(store: SQLStore) -> None:
    """A reservation's slots are 1/per_second apart, and the next one starts right after."""
    first = reserve_slots(store, "default/text", 1, 10)
    second = reserve_slots(store, "default/text", 1, 2)
    assert (first.count, first.interval) == (10, 1.0)
    assert [b - a for a, b in zip(first.slots(), first.slots()[1:], strict=False)] == pytest.approx(
        [1.0] * 9
    )
    assert second.first == pytest.approx(first.first + 10, abs=EPSILON)
    assert second.wait > 8  # ten seconds' slots were taken before it
    assert next_free(store, "default/text") == pytest.approx(second.first + 2, abs=EPSILON)


def test_keys_are_independent(store: SQLStore) -> None:
    """Each key (profile/channel) has its own slots."""
    reserve_slots(store, "default/text", 1, 60)
    other = reserve_slots(store, "default/email", 1, 1)
    assert other.wait < 30


def test_an_idle_key_banks_no_burst(store: SQLStore) -> None:
    """After an hour unused, a reservation starts now and its slots are still spaced: the
    time nobody sent is not saved up for a burst."""
    reserve_slots(store, "default/text", 10, 1)
    with store.writing() as conn:
        conn.execute(
            update(channel_rates)
            .where(channel_rates.c.key == "default/text")
            .values(next_free=channel_rates.c.next_free - 3600)
        )
    before = store_clock(store)
    taken = reserve_slots(store, "default/text", 10, 5)
    after = store_clock(store)
    assert before - EPSILON <= taken.first <= after + EPSILON
    assert taken.wait == 0
    assert taken.slots()[-1] == pytest.approx(taken.first + 0.4, abs=EPSILON)


def test_a_pause_moves_the_next_slot_and_never_back(store: SQLStore) -> None:
    """A pause puts the next slot at least its seconds from now; a shorter pause after it
    changes nothing, and the next reservation starts after the pause."""
    before = store_clock(store)
    paused = pause_slots(store, "default/text", 30)
    assert paused >= before + 30 - EPSILON
    assert pause_slots(store, "default/text", 1) == paused
    taken = reserve_slots(store, "default/text", 50, 3)
    assert taken.first == pytest.approx(paused, abs=EPSILON)
    assert taken.wait > 20
    assert next_free(store, "default/text") == pytest.approx(paused + 3 / 50, abs=EPSILON)


@pytest.mark.parametrize("store_url", SHARED_STORES, indirect=True)
def test_concurrent_reservations_never_share_a_slot(store: SQLStore) -> None:
    """Eight threads reserving at once get slots that are all distinct and evenly spaced."""
    taken: list[list[float]] = [[] for _ in range(8)]

    def reserve_many(index: int) -> None:
        for count in [1, 3, 2, 5, 1, 4] * 3:
            taken[index].extend(reserve_slots(store, "default/text", 10_000, count).slots())

    threads = [threading.Thread(target=reserve_many, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    slots = [slot for some in taken for slot in some]
    assert len(slots) == 8 * 16 * 3
    assert_spaced(slots, 10_000)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda s: reserve_slots(s, "default/text", 0, 1),
            "max_per_second is a whole number from 1 to 10,000, not 0 (int)",
        ),
        (
            lambda s: reserve_slots(s, "default/text", 10_001, 1),
            "max_per_second is a whole number from 1 to 10,000, not 10001 (int)",
        ),
        (
            lambda s: reserve_slots(s, "default/text", 10, 0),
            "a reservation takes 1 or more slots, not 0 (int)",
        ),
        (
            lambda s: reserve_slots(s, "", 10, 1),
            "a send-rate key is a non-empty text, not '' (str)",
        ),
        (
            lambda s: pause_slots(s, "default/text", -1),
            "a pause is 0 or more seconds, not -1 (int)",
        ),
        (
            lambda s: RateGate(s, "default/text", 2.5),  # type: ignore[arg-type]
            "max_per_second is a whole number from 1 to 10,000, not 2.5 (float)",
        ),
    ],
)
def test_unusable_values_are_refused(call: Any, message: str, tmp_path: Any) -> None:
    store = open_store(str(tmp_path / "store.db"))
    try:
        with pytest.raises(InvalidRequest) as raised:
            call(store)
        assert str(raised.value) == message
        assert next_free(store, "default/text") is None
    finally:
        store.close()


# -- RateGate --------------------------------------------------------------------------------------


def test_gate_threads_share_the_rate(store: SQLStore) -> None:
    """Four threads of one gate get distinct slots 1/per_second apart, and the gate reserved
    no slot beyond them; a shared store keeps them in its table, an in-memory one in the
    process."""
    gate = RateGate(store, "default/text", 200)
    taken: list[list[float]] = [[] for _ in range(4)]

    def send(index: int) -> None:
        for _ in range(10):
            slot = gate.next_slot()
            assert slot is not None
            taken[index].append(slot)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    slots = [slot for some in taken for slot in some]
    assert len(slots) == 40
    assert_spaced(slots, 200)
    assert gate.shared is not store.in_memory
    stored = next_free(store, "default/text")
    if store.in_memory:
        assert stored is None
    else:
        assert stored == pytest.approx(max(slots) + 1 / 200, abs=EPSILON)


@pytest.mark.parametrize("store_url", SHARED_STORES, indirect=True)
def test_a_gate_takes_its_slots_after_another_workers_pause(store: SQLStore) -> None:
    """A pause recorded by another worker holds this worker's gate back too."""
    paused = pause_slots(store, "default/text", 0.1)
    slot = RateGate(store, "default/text", 100).next_slot()
    assert slot is not None and slot >= paused - EPSILON


def test_a_gate_pause_holds_back_its_threads_and_every_worker(store: SQLStore) -> None:
    """After ``pause(s)`` the gate's next slot is at least ``s`` later, and on a shared
    store the table's next free slot is too."""
    gate = RateGate(store, "default/text", 100)
    before = gate.next_slot()
    assert before is not None
    gate.pause(0.1)
    after = gate.next_slot()
    assert after is not None and after >= before + 0.1 - CLOCK_SLACK
    stored = next_free(store, "default/text")
    if store.in_memory:
        assert stored is None
    else:
        assert stored is not None and stored >= before + 0.1 - CLOCK_SLACK


def test_a_pause_while_waiting_sends_the_thread_after_it(tmp_path: Any) -> None:
    """A thread waiting for its slot when the gate is paused sends after the pause."""
    store = open_store(str(tmp_path / "store.db"))
    assert isinstance(store, SQLStore)
    try:
        gate = RateGate(store, "default/text", 4)  # slots a quarter of a second apart
        assert gate.next_slot() is not None
        waited: list[float | None] = []
        thread = threading.Thread(target=lambda: waited.append(gate.next_slot()))
        thread.start()
        time.sleep(0.05)  # the thread now waits for its slot (or, late, for the pause)
        paused_at = time.time()
        gate.pause(0.3)
        thread.join()
        assert waited[0] is not None and waited[0] >= paused_at + 0.3 - CLOCK_SLACK
    finally:
        store.close()


def test_a_gate_without_a_rate_only_pauses(store: SQLStore) -> None:
    """``per_second`` None: no slots and no rows; a pause still holds the threads back."""
    gate = RateGate(store, "default/text", None)
    assert not gate.shared
    first = gate.next_slot()
    assert first is not None
    gate.pause(0.1)
    second = gate.next_slot()
    assert second is not None and second >= first + 0.1 - CLOCK_SLACK
    assert next_free(store, "default/text") is None


def test_a_stopped_wait_returns_false(tmp_path: Any) -> None:
    """``wait(stop)`` returns False once ``stop`` is set, paused or not."""
    store = open_store(str(tmp_path / "store.db"))
    assert isinstance(store, SQLStore)
    try:
        gate = RateGate(store, "default/text", 10)
        stop = threading.Event()
        assert gate.wait(stop) is True
        gate.pause(60)
        timer = threading.Timer(0.05, stop.set)
        timer.start()
        assert gate.wait(stop) is False
        timer.join()
        assert gate.wait(stop) is False
    finally:
        store.close()


@pytest.mark.parametrize("store_url", SHARED_STORES, indirect=True)
def test_a_database_error_falls_back_to_the_rate_in_process(
    store: SQLStore, caplog: pytest.LogCaptureFixture
) -> None:
    """When the store cannot reserve, the gate logs a warning (the key and the error's
    class, nothing else) and keeps to the rate in the process."""
    with store.writing() as conn:
        conn.execute(text("DROP TABLE channel_rates"))
    gate = RateGate(store, "default/text", 100)
    with caplog.at_level(logging.WARNING, logger="rulesengine.queue.send_rates"):
        slots = [gate.next_slot() for _ in range(6)]
        gate.pause(0.01)
    assert None not in slots
    assert_spaced(slots, 100)  # type: ignore[arg-type]
    messages = [record.getMessage() for record in caplog.records]
    error = "OperationalError" if store.engine.dialect.name == "sqlite" else "UndefinedTable"
    assert messages[0] == (
        f"send rate default/text: the store could not reserve send slots ({error}); keeping"
        " to 100 per second in this worker alone for the next 1"
    )
    assert messages[-1] == (
        f"send rate default/text: the store could not record a pause of 0.01 s ({error});"
        " only this worker pauses"
    )
    assert {record.levelname for record in caplog.records} == {"WARNING"}


# -- worker processes ------------------------------------------------------------------------------


def _take_slots(url: str, count: int, results: Any) -> None:
    """One worker process: a gate of its own on the store at ``url``, ``count`` slots."""
    store = open_store(url)
    assert isinstance(store, SQLStore)
    try:
        gate = RateGate(store, "default/text", 100)
        results.put([gate.next_slot() for _ in range(count)])
    finally:
        store.close()


@pytest.mark.parametrize("store_url", SHARED_STORES, indirect=True)
def test_worker_processes_share_one_rate(store_url: str) -> None:
    """Four processes taking 60 slots each at 100 a second get 240 distinct slots, each at
    least a hundredth of a second after the one before, whichever process took it."""
    open_store(store_url).close()  # the schema, before the workers race to create it
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    workers = [context.Process(target=_take_slots, args=(store_url, 60, results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    taken = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    slots = [slot for some in taken for slot in some]
    assert len(slots) == 240 and None not in slots
    assert_spaced(slots, 100)
