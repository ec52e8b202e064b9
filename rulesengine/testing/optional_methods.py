"""The plugin kit's checks of a channel's optional methods: ``preview`` answers
``(media type, bytes)`` or None, ``send_problem`` None or a sentence, neither raises for a
sample notification nor writes a file under the outbox."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from rulesengine.channels.channel_calls import exception_summary
from rulesengine.model import Notification

__all__ = ["optional_method_problems"]


def optional_method_problems(
    channel: Any, sample: Callable[[], Notification], outbox: Any
) -> list[str]:
    """The problems of ``channel``'s optional methods, each called with a notification
    ``sample()`` makes (only when the channel has the method)."""
    return [
        *_preview_problems(channel, sample, outbox),
        *_send_problem_problems(channel, sample, outbox),
    ]


def _files(folder: Any) -> set[str]:
    if not isinstance(folder, str) or not os.path.isdir(folder):
        return set()
    return {os.path.join(root, file) for root, _dirs, files in os.walk(folder) for file in files}


def _preview_problems(channel: Any, sample: Callable[[], Notification], outbox: Any) -> list[str]:
    """The optional ``preview``: ``(media type, bytes)`` or None, and no file written."""
    preview = getattr(channel, "preview", None)
    if preview is None:
        return []
    if not callable(preview):
        return [f"preview must be a method preview(notification), got {preview!r:.80}"]
    before = _files(outbox)
    try:
        shown = preview(sample())
    except Exception as exc:
        return [f"preview(notification) raised {exception_summary(exc)}"]
    problems = []
    if shown is not None and not (
        isinstance(shown, tuple)
        and len(shown) == 2
        and isinstance(shown[0], str)
        and "/" in shown[0]
        and isinstance(shown[1], bytes)
    ):
        problems.append(
            "preview(notification) must return (media type, bytes) such as"
            f" ('application/pdf', b'...'), or None, got {shown!r:.80}"
        )
    if _files(outbox) != before:
        problems.append("preview(notification) wrote a file: a preview must write nothing")
    return problems


def _send_problem_problems(
    channel: Any, sample: Callable[[], Notification], outbox: Any
) -> list[str]:
    """The optional ``send_problem``: None or the text of a refusal, and no file written."""
    check = getattr(channel, "send_problem", None)
    if check is None:
        return []
    if not callable(check):
        return [f"send_problem must be a method send_problem(notification), got {check!r:.80}"]
    before = _files(outbox)
    try:
        said = check(sample())
    except Exception as exc:
        return [f"send_problem(notification) raised {exception_summary(exc)}"]
    problems = []
    if said is not None and not (isinstance(said, str) and said.strip()):
        problems.append(
            "send_problem(notification) must return None (it would send it) or a sentence"
            f" saying why send would fail it, got {said!r:.80}"
        )
    if _files(outbox) != before:
        problems.append("send_problem(notification) wrote a file: a check must write nothing")
    return problems
