"""How the ``rulesengine`` commands report what went wrong: the exit codes, a store
failure worded for the user, and a bug's one-line summary (docs/reference/cli.md).

A user error (a bad file, a refused run, an unknown id) exits 1 with a message; a failure of
the store or the machine (a read-only file, a locked store, a lost server) is one too; anything
else is a bug, reported without SQL text, parameters or credentials, and exits 3.

Standard output closed by its reader (``rulesengine queue | head -1``) is no error to
report: the command stops quietly, with exit 1 (:func:`output_closed`); so that a long
write meets the closed pipe too, standard output writes whole (:func:`whole_writes`).
"""

from __future__ import annotations

import errno
import io
import os
import select
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from rulesengine.errors import RulesengineError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from _typeshed import ReadableBuffer

__all__ = [
    "DISK_FULL",
    "EXIT_BUG",
    "EXIT_USER_ERROR",
    "bug_summary",
    "bug_text",
    "disk_full_text",
    "output_closed",
    "store_failure_shown",
    "whole_writes",
]

EXIT_USER_ERROR = 1
EXIT_BUG = 3


def store_failure_shown(error: Exception, url: str | None) -> RulesengineError | None:
    """``error`` as a user-facing store error (read-only file, locked store, full disk, lost
    server..., or a value changed outside rulesengine that the store cannot read back), or
    None when it is a bug."""
    if url is None or "sqlalchemy" not in sys.modules:
        return None
    # Imported only once a store was opened (sqlalchemy is loaded): start-up time.
    from rulesengine.store.failures import store_failure
    from rulesengine.store.unreadable_values import READ_FAILURES, unreadable_value_at

    failure = store_failure(error, url)
    if failure is None and isinstance(error, READ_FAILURES):
        failure = unreadable_value_at(url)
    return failure


def bug_summary(error: Exception, url: str | None) -> str:
    """``Type: first line`` of a bug's error: no SQL text, no parameters (they can hold
    patient data or the pay-link key), no credentials."""
    orig = getattr(error, "orig", None) if "sqlalchemy" in sys.modules else None
    shown = orig if isinstance(orig, BaseException) else error
    text = str(shown).strip()
    summary = type(shown).__name__ + (f": {text.splitlines()[0]}" if text else "")
    if "sqlalchemy" not in sys.modules:
        return summary
    # Imported only once a store was opened (sqlalchemy is loaded): start-up time.
    from rulesengine.store.redact import redact

    return redact(summary, url)


def bug_text(error: Exception, url: str | None = None) -> str:
    """What a bug says (exit 3): its summary and how to report it."""
    return (
        f"internal error: {bug_summary(error, url)}\n"
        "This is a bug in rulesengine; set RULESENGINE_DEBUG=1 for the traceback"
        " and please report it."
    )


#: The errors of a write that found no room: the disk (or the user's quota) is full.
DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})


def disk_full_text(error: OSError) -> str:
    """What a command says when a write found no room (``> /dev/full`` included)."""
    where = f" writing {error.filename}" if error.filename else ""
    return (
        f"no space left{where} ({error.strerror or 'disk full'}): free some space, or send"
        " the output somewhere with room, and run the command again"
    )


def output_closed(stream: TextIO | None = None) -> None:
    """After a :class:`BrokenPipeError` (the reader of standard output is gone) or a write
    with no room left: point the stream (standard output unless given) at ``os.devnull``, so
    that the interpreter's last flush of what is still buffered finds somewhere to go
    instead of printing another error or exiting 120 (the pattern of the Python
    documentation's "Note on SIGPIPE"). The caller exits 1."""
    stream = sys.stdout if stream is None else stream
    try:
        target = stream.fileno()
    except (AttributeError, OSError, ValueError):  # no file descriptor to replace
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, target)
    except OSError:  # the descriptor went away meanwhile: nothing left to flush into it
        pass
    finally:
        os.close(devnull)


class _WholeWriter(io.BufferedIOBase):
    """A file descriptor's writer that writes every byte it is given, straight away: a
    short write is written again from where it stopped (and a closed pipe then raises
    :class:`BrokenPipeError`). Closing it leaves the file descriptor open."""

    def __init__(self, raw: io.RawIOBase) -> None:
        self._raw = raw

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._raw.fileno()

    def isatty(self) -> bool:
        return self._raw.isatty()

    def write(self, data: ReadableBuffer) -> int:
        view = memoryview(data).cast("B")
        size = len(view)
        while view:
            written = self._raw.write(view)
            if written is None:  # a non-blocking descriptor that is full: wait, not spin
                select.select([], [self._raw], [])
                continue
            view = view[written:]
        return size


def _blocking(buffer: io.BufferedWriter) -> bool:
    try:
        return os.get_blocking(buffer.fileno())
    except (OSError, ValueError):  # no file descriptor: nothing to wait on
        return True


@contextmanager
def whole_writes() -> Iterator[None]:
    """Standard output that never drops the end of a long write.

    Unbuffered (``PYTHONUNBUFFERED=1``, ``python -u``, common in containers),
    ``sys.stdout`` writes straight to the file descriptor and ignores a short write
    (CPython issue 85393): when the reader of a pipe stops early (``| head -c1``), a large
    write is cut short without an error and the command exits 0. Buffered, it raises
    :class:`BlockingIOError` when the file descriptor was inherited non-blocking and the
    reader is slower than the command. Meanwhile standard output is the same file
    descriptor, buffered or not as it was, through a writer that writes the rest and waits
    for room (:class:`_WholeWriter`), so the closed pipe raises :class:`BrokenPipeError`
    like any other write. Buffered output to a blocking file descriptor (the default)
    already writes the rest, and is left as it is."""
    shown = sys.stdout
    buffer = getattr(shown, "buffer", None)
    if not isinstance(shown, io.TextIOWrapper):
        yield
        return
    if isinstance(buffer, io.RawIOBase):
        raw, unbuffered = buffer, True
    elif isinstance(buffer, io.BufferedWriter) and not _blocking(buffer):
        shown.flush()
        raw, unbuffered = buffer.raw, False
    else:
        yield
        return
    sys.stdout = io.TextIOWrapper(
        _WholeWriter(raw),  # type: ignore[arg-type]
        encoding=shown.encoding,
        errors=shown.errors,
        line_buffering=shown.line_buffering,
        write_through=unbuffered,
    )
    try:
        yield
    finally:
        sys.stdout = shown
