"""The plugin kit's checks of a channel's optional methods: ``preview`` answers
``(media type, bytes)`` or None, ``send_problem`` None or a sentence, neither raises for a
sample notification nor writes a file under the outbox."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import attrs

from rulesengine.channels.channel_calls import exception_summary
from rulesengine.model import Notification

__all__ = ["optional_method_problems"]


def _is_preview(shown: Any) -> bool:
    return (
        isinstance(shown, tuple)
        and len(shown) == 2
        and isinstance(shown[0], str)
        and "/" in shown[0]
        and isinstance(shown[1], bytes)
    )


def _is_sentence(said: Any) -> bool:
    return isinstance(said, str) and bool(said.strip())


@attrs.frozen
class _Optional:
    """One optional method: what a non-None answer must be, and how the kit says so."""

    name: str
    answer_ok: Callable[[Any], bool]
    #: "must return ..." (the answer is appended)
    must_return: str
    #: what a method that wrote a file is told it must not do
    wrote: str


_OPTIONAL = (
    _Optional(
        "preview",
        _is_preview,
        "must return (media type, bytes) such as ('application/pdf', b'...'), or None",
        "a preview must write nothing",
    ),
    _Optional(
        "send_problem",
        _is_sentence,
        "must return None (it would send it) or a sentence saying why send would fail it",
        "a check must write nothing",
    ),
)


def optional_method_problems(
    channel: Any, sample: Callable[[], Notification], outbox: Any
) -> list[str]:
    """The problems of ``channel``'s optional methods, each called with a notification
    ``sample()`` makes (only when the channel has the method): it must not raise, must
    answer None or what the method answers, and must write no file under ``outbox``."""
    return [p for method in _OPTIONAL for p in _problems(method, channel, sample, outbox)]


def _files(folder: Any) -> set[str]:
    if not isinstance(folder, str) or not os.path.isdir(folder):
        return set()
    return {os.path.join(root, file) for root, _dirs, files in os.walk(folder) for file in files}


def _problems(
    method: _Optional, channel: Any, sample: Callable[[], Notification], outbox: Any
) -> list[str]:
    call = f"{method.name}(notification)"
    found = getattr(channel, method.name, None)
    if found is None:
        return []
    if not callable(found):
        return [f"{method.name} must be a method {call}, got {found!r:.80}"]
    before = _files(outbox)
    try:
        answer = found(sample())
    except Exception as exc:
        return [f"{call} raised {exception_summary(exc)}"]
    problems = []
    if answer is not None and not method.answer_ok(answer):
        problems.append(f"{call} {method.must_return}, got {answer!r:.80}")
    if _files(outbox) != before:
        problems.append(f"{call} wrote a file: {method.wrote}")
    return problems
