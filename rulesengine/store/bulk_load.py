"""Loading a ledger's million rows, or running over them, without Python's cycle
collector walking them again and again.

Reading or importing a ledger creates millions of small containers (rows, cells, model
values) and keeps them; every few hundred allocations the collector looks for cycles
among all of them, which took half the time of reading a 1M-encounter ledger folder.
None of them forms a cycle (reference counting frees what is dropped), so the collector
is paused while a ledger is read, checked, imported or synced, and while a statement run
runs, and resumed after (it stays off only if it was off before).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the block (nesting and threads are safe: only the
    outermost block that found it on turns it back on)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
