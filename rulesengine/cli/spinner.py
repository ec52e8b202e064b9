"""A spinner on the terminal while a command's long work runs (reading a ledger, a statement
run), naming the phase it is in; nothing at all when the output is piped.

rich is imported when a spinner starts, not when ``rulesengine`` starts: start-up time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from rulesengine.terminal import cell

__all__ = ["RUN_PHASES", "phase_shown", "working"]

#: What each phase of a statement run is doing, as the spinner says it.
RUN_PHASES = {
    "load": "reading the ledger",
    "evaluate": "deciding (durable-rules) and drafting notifications",
    "save": "writing the batch and queueing its notifications",
}


def working(message: str) -> Any:
    """A spinner on the terminal while long work runs; nothing when output is piped.

    As a context manager it gives the spinner's status (None when there is none)."""
    from rich.console import Console  # start-up time: see the module docstring

    console = Console(stderr=True)
    if not console.is_terminal:
        return contextlib.nullcontext()
    return console.status(cell(message), spinner="dots")  # a str would be read as markup


def phase_shown(status: Any, doing: str) -> Callable[[str], None] | None:
    """A statement run's ``progress`` callback showing each phase beside the spinner
    (None, so no callback, when there is no spinner: output is piped)."""
    if status is None:
        return None
    return lambda phase: status.update(cell(f"{doing}: {RUN_PHASES.get(phase, phase)}"))
