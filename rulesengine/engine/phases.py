"""Time spent per phase of a statement run, for benchmarks (a no-op unless asked)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

__all__ = ["PhaseClock"]


class PhaseClock:
    """Adds the seconds spent in named phases to ``timings``; does nothing when it is None."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings

    @contextlib.contextmanager
    def __call__(self, phase: str) -> Iterator[None]:
        if self.timings is None:
            yield
            return
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[phase] = self.timings.get(phase, 0.0) + time.perf_counter() - started
