"""What a channel returns for each notification, and the host's safe way to call a channel.

A channel's ``send(notifications)`` returns one :class:`DeliveryResult` per notification.
The queue never calls ``send`` directly: :func:`call_channel` turns an exception, a missing
result or a wrong value into ``retry`` results, so a broken plugin can never stop the queue.

The helpers at the end (:func:`safe_file_stem`, :func:`private_dir`,
:func:`write_private_file`) are for channels that write files, like the built-in outboxes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from rulesengine.model import Notification
from rulesengine.plurals import counted

if TYPE_CHECKING:
    from typing import Protocol

    class _Channel(Protocol):
        def send(self, notifications: list[Notification]) -> Any: ...


__all__ = [
    "OUTCOMES",
    "DeliveryResult",
    "UnsafeFolder",
    "about_threads",
    "call_channel",
    "exception_summary",
    "private_dir",
    "safe_file_stem",
    "write_private_file",
]

log = logging.getLogger(__name__)

#: ``sent``: handed over; ``retry``: a transient problem; ``failed``: a permanent one.
OUTCOMES = ("sent", "retry", "failed")

NO_RESULT = "the channel returned no result for this notification"


def _notification_id(n: Notification | int) -> int:
    if isinstance(n, Notification):
        return n.id
    if isinstance(n, int) and not isinstance(n, bool):
        return n
    raise TypeError(f"expected a Notification or a notification id, got {type(n).__name__}")


@attrs.frozen
class DeliveryResult:
    """The outcome of handing one notification to a channel.

    :ivar notification_id: the notification's ``id``.
    :ivar outcome: ``sent``, ``retry`` (transient: the queue tries again later) or
        ``failed`` (permanent: the notification goes to ``error``).
    :ivar provider_ref: the provider's reference (a message id, a file), when there is one.
    :ivar detail: what staff see in the history, such as "SMTP 550 from mx:25: no mailbox".
    """

    notification_id: int = attrs.field(validator=attrs.validators.instance_of(int))
    outcome: str = attrs.field(validator=attrs.validators.in_(OUTCOMES))
    provider_ref: str | None = None
    detail: str | None = None

    @classmethod
    def sent(
        cls, n: Notification | int, provider_ref: str | None = None, detail: str | None = None
    ) -> DeliveryResult:
        """The notification was handed over (``provider_ref``: the provider's reference)."""
        return cls(_notification_id(n), "sent", provider_ref, detail)

    @classmethod
    def retry(cls, n: Notification | int, detail: str) -> DeliveryResult:
        """A transient problem (server busy, connection lost): try again later."""
        return cls(_notification_id(n), "retry", None, detail)

    @classmethod
    def failed(cls, n: Notification | int, detail: str) -> DeliveryResult:
        """A permanent problem (bad address, rejected, misconfigured): do not retry."""
        return cls(_notification_id(n), "failed", None, detail)


def exception_summary(exc: BaseException) -> str:
    """One line naming an exception, such as ``ConnectionRefusedError: [Errno 111] ...``."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else ""
    name = type(exc).__name__
    return f"{name}: {first}" if first else name


def about_threads(summary: str) -> bool:
    """Whether an exception's summary is about threads (an object used off the thread that
    made it, such as ``sqlite3``'s): a channel that is not meant to run on a thread of its
    own, as the queue runs it."""
    return "thread" in summary.lower()


def _channel_name(channel: Any) -> str:
    return str(getattr(channel, "name", type(channel).__name__))


def call_channel(channel: _Channel, notifications: Iterable[Notification]) -> list[DeliveryResult]:
    """Call ``channel.send`` and return exactly one result per notification, in order.

    - an exception from ``send``: a ``retry`` for every notification, with the exception's
      one-line summary as the detail;
    - a result for an id that was not in the batch: ignored (logged);
    - a second result for one notification: the first one counts (logged);
    - no result for a notification: ``retry`` "the channel returned no result for this
      notification";
    - an item that is not a :class:`DeliveryResult` (or ``send`` returning something that is
      not a list): ``retry`` for the notifications without a valid result, saying so.
    """
    batch = list(notifications)
    if not batch:
        return []
    name = _channel_name(channel)
    try:
        returned = channel.send(batch)
    except Exception as exc:
        summary = exception_summary(exc)
        hint = ""
        if about_threads(summary):
            hint = (
                " (the channel may not work off the thread that built it: see docs/plugins.md,"
                " Threads; `rulesengine worker --serial` calls it on one thread)"
            )
        log.warning(
            "channel %s raised in send (%s): %s%s",
            name,
            counted(len(batch), "notification"),
            summary,
            hint,
        )
        log.debug("channel %s traceback", name, exc_info=True)
        return [DeliveryResult.retry(n, summary) for n in batch]

    wanted = {n.id for n in batch}
    found: dict[int, DeliveryResult] = {}
    bad: list[str] = []
    if returned is None or isinstance(returned, (str, bytes)) or not isinstance(returned, Iterable):
        bad.append(f"send returned {type(returned).__name__}, not a list of DeliveryResult")
        items: Sequence[Any] = ()
    else:
        try:
            items = list(returned)
        except Exception as exc:
            summary = exception_summary(exc)
            log.warning("channel %s failed while producing results: %s", name, summary)
            items = ()
            bad.append(f"producing its results raised {summary}")
    for item in items:
        if not isinstance(item, DeliveryResult):
            bad.append(f"it returned a {type(item).__name__} instead of a DeliveryResult")
            continue
        if item.notification_id not in wanted:
            log.warning(
                "channel %s returned a result for notification %s, which was not in the batch",
                name,
                item.notification_id,
            )
            continue
        if item.notification_id in found:
            log.warning(
                "channel %s returned two results for notification %s; the first one counts",
                name,
                item.notification_id,
            )
            continue
        found[item.notification_id] = item
    missing_detail = NO_RESULT
    if bad:
        missing_detail = f"{NO_RESULT} ({'; '.join(dict.fromkeys(bad))})"
    results = []
    for n in batch:
        result = found.get(n.id)
        if result is None:
            log.warning("channel %s: notification %s: %s", name, n.id, missing_detail)
            result = DeliveryResult.retry(n, missing_detail)
        results.append(result)
    return results


# --- Helpers for channels that write files -------------------------------------------------------

_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def safe_file_stem(key: str) -> str:
    """A file name stem for an idempotency key: the same key always gives the same stem.

    A key made of letters, digits, ``.``, ``_`` and ``-`` (at most 100, not starting with a
    dot) is used as it is; any other key is cleaned and gets a short hash of the original,
    so two keys never share a file.
    """
    if _SAFE.fullmatch(key):
        return key
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", key).strip("._-")[:80]
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return f"{cleaned}-{digest}" if cleaned else digest


class UnsafeFolder(PermissionError):
    """An existing folder a channel refuses to write into (another user owns it, or every
    user may write into it and it has no sticky bit); the text says what to do."""


def _check_folder(folder: Path) -> None:
    """Raise :class:`UnsafeFolder` (or ``NotADirectoryError``) unless the channel may write
    into ``folder`` as it is."""
    info = folder.stat()
    if not stat.S_ISDIR(info.st_mode):
        raise NotADirectoryError(f"{folder} is not a folder")
    if info.st_uid != os.geteuid():
        raise UnsafeFolder(
            f"{folder} belongs to another user (uid {info.st_uid}): choose a folder of the "
            "user the worker runs as, or one the channel may create"
        )
    if info.st_mode & stat.S_IWOTH and not info.st_mode & stat.S_ISVTX:
        raise UnsafeFolder(
            f"every user may write into {folder} (mode {stat.S_IMODE(info.st_mode):o}): "
            "choose another folder, or make it private (chmod 700) yourself"
        )


def private_dir(path: str | os.PathLike[str]) -> Path:
    """The folder ``path``, ready for a channel's files.

    Each missing level (``path`` and any missing parents) is created owner-only (0o700),
    whatever the umask. A folder that already existed is used as it is, never changed:
    its mode and owner are the administrator's. It is refused with :class:`UnsafeFolder`
    when another user owns it, or when every user may write into it and it has no sticky
    bit (another user could replace the files in it).
    """
    folder = Path(path)
    missing = []
    cursor = folder
    while not os.path.lexists(cursor) and cursor != cursor.parent:
        missing.append(cursor)
        cursor = cursor.parent
    for level in reversed(missing):
        try:
            os.mkdir(level, 0o700)
        except FileExistsError:
            continue  # made meanwhile (another worker): not ours to change
        # mkdir's mode is filtered by the umask. Through a descriptor opened without
        # following a symlink, so a folder swapped for a link meanwhile changes nothing else.
        fd = os.open(level, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        try:
            os.fchmod(fd, 0o700)
        finally:
            os.close(fd)
    _check_folder(folder)
    return folder


def write_private_file(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (temporary file + ``os.replace``), mode 0o600.

    Rewriting the same path replaces the file, so a retried notification never leaves two.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target
