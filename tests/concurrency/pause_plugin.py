"""A test-only rulesengine plugin: the worker that loads it stops right after its first claim.

It observes ``notification_status_changed``, which fires once a claim is committed and
before the claimed notifications are handed to their channel. On the first move to
``sending`` it writes that notification's id to ``claimed`` in the folder named by
``CONCURRENCY_PAUSE_DIR`` and waits until a file ``release`` appears there (at most
:data:`LIMIT` seconds), so a test can kill the worker, or let its lease run out, at exactly
that point. The harness installs it for one worker process only (:func:`install`), through an
entry point on that process's ``PYTHONPATH``; nothing in rulesengine knows about it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import rulesengine

PAUSE_DIR_ENV = "CONCURRENCY_PAUSE_DIR"
LIMIT = 60.0
_paused = False


@rulesengine.hookimpl
def notification_status_changed(
    notification_id: int, old_status: str | None, new_status: str, detail: str | None
) -> None:
    global _paused
    folder = os.environ.get(PAUSE_DIR_ENV)
    if new_status != "sending" or _paused or not folder:
        return
    _paused = True
    where = Path(folder)
    (where / "claimed.tmp").write_text(str(notification_id), encoding="utf-8")
    (where / "claimed.tmp").rename(where / "claimed")
    deadline = time.monotonic() + LIMIT
    while not (where / "release").exists() and time.monotonic() < deadline:
        time.sleep(0.02)


def install(site: Path, pause_dir: Path) -> dict[str, str]:
    """Make this module an installed plugin for a child process; returns its environment."""
    info = site / "rulesengine_concurrency_pause-0.0.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: rulesengine-concurrency-pause\nVersion: 0.0\n",
        encoding="utf-8",
    )
    (info / "entry_points.txt").write_text(
        "[rulesengine]\nconcurrency-pause = pause_plugin\n", encoding="utf-8"
    )
    pause_dir.mkdir(parents=True, exist_ok=True)
    return {
        "PYTHONPATH": os.pathsep.join([str(site), str(Path(__file__).parent)]),
        PAUSE_DIR_ENV: str(pause_dir),
    }
