"""Loading a ledger's million rows, or running over them, without Python's cycle
collector walking them again and again.

Reading or importing a ledger creates millions of small containers (rows, cells, model
values) and keeps them; every few hundred allocations the collector looks for cycles
among all of them, which took half the time of reading a 1M-encounter ledger folder.
None of them forms a cycle (reference counting frees what is dropped), so the collector
is paused while a ledger is read, checked, imported or synced, and while a statement run
runs, and resumed after (it stays off only if it was off before).

Resumed as it is, the collector would then walk every one of those objects at once: the
first allocations after a million-encounter run set off a full collection of its ten
million containers, seconds spent after the run for nothing. So a block that left many new
containers behind (:data:`LARGE`) freezes what is alive (:func:`gc.freeze`: collections
skip it; reference counting still frees it when it is dropped) before resuming, and the
next paused block unfreezes it, so that no cycle stays out of the collector's reach for
longer than until then.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["LARGE", "collector_paused"]

#: New containers a paused block may leave behind before they are frozen on resuming
#: (a 10,000-encounter run leaves about 100,000).
LARGE = 500_000


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the block (nesting and threads are safe: only the
    outermost block that found it on turns it back on)."""
    was_on = gc.isenabled()
    gc.disable()
    if was_on:
        gc.unfreeze()  # what an earlier block froze is the collector's again
    try:
        yield
    finally:
        if was_on:
            if gc.get_count()[0] >= LARGE:
                gc.freeze()
            gc.enable()
