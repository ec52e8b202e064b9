"""A statement run's phases: seconds spent per phase for benchmarks, and the phase now
starting for a progress display (a no-op unless asked)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator

__all__ = ["PhaseClock"]


class PhaseClock:
    """Adds the seconds spent in named phases to ``timings`` (when it is not None), and
    tells ``on_start`` (when given) the name of each phase as it starts."""

    def __init__(
        self,
        timings: dict[str, float] | None,
        on_start: Callable[[str], None] | None = None,
    ) -> None:
        self.timings = timings
        self.on_start = on_start

    @contextlib.contextmanager
    def __call__(self, phase: str) -> Iterator[None]:
        if self.on_start is not None:
            self.on_start(phase)
        if self.timings is None:
            yield
            return
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[phase] = self.timings.get(phase, 0.0) + time.perf_counter() - started
