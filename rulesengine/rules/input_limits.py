"""How large and how deep a YAML input file may be, and reading one within those bounds.

Rules files and scenario files come from users (and from whoever can write to their
folders), so reading one must never cost more than a real file does. These limits are the
one place that says how much that is; ``docs/rules.md`` and ``docs/scenarios.md`` state them:

- :data:`MAX_FILE_BYTES`: a file is read up to this size and refused if it is larger. At
  most one byte more is read, so ``/dev/zero`` or an endless file costs nothing.
- Only regular files are read: a device, a pipe (FIFO) or a socket is refused without
  reading from it (a FIFO is opened without waiting for a writer).
- :data:`MAX_NESTING`: lists and mappings nest at most this deep (the composer in
  :mod:`rulesengine.rules.yamlmarks` refuses deeper nesting before it recurses into it).
- Anchors (``&name``) and aliases (``*name``) are refused where they stand, before anything
  is composed, so an alias "bomb" never expands (also :mod:`rulesengine.rules.yamlmarks`).
"""

from __future__ import annotations

import os
import stat

from rulesengine.errors import Problem, RulesError

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_FILE_SIZE",
    "MAX_NESTING",
    "decode_limited",
    "decode_utf8",
    "read_limited",
    "read_limited_text",
]

#: The largest rules or scenario file read, in bytes (1 MB). Real rules files are a few KB.
MAX_FILE_BYTES = 1024 * 1024
#: :data:`MAX_FILE_BYTES` as the messages and the documentation say it.
MAX_FILE_SIZE = "1 MB"
#: The deepest nesting of lists and mappings in a rules or scenario file. Real files nest
#: fewer than 10 levels; the YAML composer is recursive, so this also keeps it far from
#: Python's recursion limit.
MAX_NESTING = 64

_KINDS_OF_FILE = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


def read_limited(filename: str, kind: str = "rules file") -> bytes:
    """The bytes of the regular file ``filename``, at most :data:`MAX_FILE_BYTES` of them.

    :param kind: what the file is ("rules file", "scenario file"), for the messages.
    :raises RulesError: with one problem naming the file when it is missing, a folder, not
        a regular file, unreadable or larger than the limit.
    """
    try:
        # Refuse a device, FIFO or socket before opening it (opening can have effects) ...
        _check_regular(os.stat(filename).st_mode, filename, kind)
        fd = os.open(filename, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise _problem(filename, "file not found") from None
    except PermissionError:
        raise _problem(filename, "cannot read the file: permission denied") from None
    except OSError as exc:
        raise _problem(filename, f"cannot read the file: {exc.strerror or exc}") from None
    try:
        # ... and again on what was opened, in case the path changed in between.
        info = os.fstat(fd)
        _check_regular(info.st_mode, filename, kind)
        if info.st_size > MAX_FILE_BYTES:
            raise _too_large(filename, kind)
        data = _read_at_most(fd, MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _problem(filename, f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:  # the file grew after fstat, or st_size is not its size
        raise _too_large(filename, kind)
    return data


def read_limited_text(filename: str, kind: str = "rules file") -> str:
    """:func:`read_limited` decoded by :func:`decode_utf8`."""
    return decode_utf8(read_limited(filename, kind), filename)


def decode_limited(data: bytes, filename: str, kind: str = "rules file") -> str:
    """The bytes of a file that came from elsewhere than a path (an upload) as UTF-8 text,
    refused as :func:`read_limited` refuses a file larger than :data:`MAX_FILE_BYTES`."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(filename, kind)
    return decode_utf8(data, filename)


def decode_utf8(data: bytes, filename: str) -> str:
    """``data`` as UTF-8 text; else a problem at the line and column of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise RulesError(
            [
                Problem(
                    filename,
                    line,
                    column,
                    "the file is not UTF-8 text: save it with the UTF-8 encoding",
                )
            ]
        ) from None


def _check_regular(mode: int, filename: str, kind: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise _problem(filename, f"is a folder, not a {kind}")
    what = next((name for test, name in _KINDS_OF_FILE if test(mode)), "a special file")
    raise _problem(
        filename, f"is {what}, not a {kind}: only regular files are read; give the file's path"
    )


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = os.read(fd, min(left, 256 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _too_large(filename: str, kind: str) -> RulesError:
    return _problem(
        filename,
        f"the file is larger than {MAX_FILE_SIZE} ({MAX_FILE_BYTES:,} bytes), the limit for a"
        f" {kind}: check that this is the right file (a {kind} is a few KB)",
    )


def _problem(filename: str, message: str) -> RulesError:
    return RulesError([Problem(filename, None, None, message)])
