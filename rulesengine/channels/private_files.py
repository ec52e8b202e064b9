"""Files a channel writes (an outbox, a print batch): private, atomic, one per notification.

:func:`private_dir` makes (or accepts) the folder, refusing one another user could tamper
with (:class:`UnsafeFolder`); :func:`safe_file_stem` names a notification's file after its
idempotency key; :func:`write_private_file` writes it atomically, owner-only. The built-in
outboxes use them, and so may any plugin channel.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
from pathlib import Path

__all__ = ["UnsafeFolder", "private_dir", "safe_file_stem", "write_private_file"]

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
    """Write the bytes ``data`` to ``path`` atomically (temporary file + ``os.replace``),
    mode 0o600.

    The folder must exist (make it with :func:`private_dir`): a missing one raises
    ``FileNotFoundError`` naming it. Rewriting the same path replaces the file, so a retried
    notification never leaves two.
    """
    target = Path(path)
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(
            f"write_private_file writes bytes, got {type(data).__name__}: encode text first"
            " (text.encode('utf-8'))"
        )
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except FileNotFoundError:
        raise FileNotFoundError(
            f"cannot write {target}: the folder {target.parent} does not exist"
            f" (create it with private_dir({str(target.parent)!r}))"
        ) from None
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
