"""The cycle collector paused around bulk work, and what it finds when it resumes."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from rulesengine.store import bulk_load
from rulesengine.store.bulk_load import collector_paused


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.enable()
    yield
    gc.unfreeze()
    if was_on:
        gc.enable()
    else:
        gc.disable()


def test_it_is_paused_in_the_block_and_resumed_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the inner block leaves it to the outer
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_it_stays_off_after_the_block_when_it_was_off_before() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_a_block_that_left_many_objects_freezes_them_and_the_next_block_thaws_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bulk_load, "LARGE", 10_000)
    gc.collect()
    with collector_paused():
        kept = [[i] for i in range(20_000)]  # a run's objects, alive after the block
    assert gc.get_freeze_count() >= len(kept)  # resumed without a collection walking them
    with collector_paused():
        assert gc.get_freeze_count() == 0
    assert gc.get_freeze_count() == 0  # this block left few new objects: nothing frozen


def test_a_frozen_cycle_is_collected_once_thawed() -> None:
    class Node:
        other: object

    with collector_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        gc.freeze()  # as a large block leaves what is alive
    alive = weakref.ref(a)
    del a, b
    gc.collect()
    assert alive() is not None  # frozen: out of the collector's reach
    with collector_paused():
        pass
    gc.collect()
    assert alive() is None  # thawed by the next paused block, then found
