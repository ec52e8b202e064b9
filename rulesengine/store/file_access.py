"""An SQLite store file: private from the start, and a warning when it is not.

The store holds patient data and (unless ``RULESENGINE_SECRET`` is set) the pay-link key.
A new store file is created mode 0600 whatever the umask, before SQLite opens it; SQLite
gives the files it keeps beside it (``-wal``, ``-shm``, ``-journal``) the mode of the
store file. An existing store that other users of the machine can read (0644 is what a
umask of 022 made before) gets one warning per process saying how to fix it.
"""

from __future__ import annotations

import logging
import os
import stat

from rulesengine.errors import StoreError

__all__ = [
    "COMPANION_SUFFIXES",
    "check_store_path",
    "create_private_file",
    "exposure",
    "warn_once",
]

_log = logging.getLogger(__name__)

#: The files SQLite keeps beside a store file.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
_warned: set[str] = set()


def check_store_path(path: str, shown: str) -> None:
    """Refuse, with how to fix it, a store path SQLite could not use; create a missing
    store file mode 0600. ``shown`` is the path as the user wrote it."""
    folder = os.path.dirname(path) or "."
    if os.path.isdir(path):
        raise StoreError(
            f"the store {shown} is a folder; give the path of a store file,"
            f" such as {os.path.join(shown, 'rulesengine.db')}"
        )
    if not os.path.isdir(folder):
        raise StoreError(f"cannot create the store {path}: no folder {folder}")
    if os.path.lexists(path):
        try:
            os.close(os.open(path, os.O_RDONLY))
        except PermissionError:
            raise StoreError(
                f"cannot read the store {shown}: permission denied; run rulesengine as the"
                f" user that owns it (ls -l {path}), or give that user access"
            ) from None
        except OSError as error:
            raise StoreError(f"cannot open the store {shown}: {error.strerror}") from None
        return
    try:
        create_private_file(path)
    except PermissionError:
        raise StoreError(
            f"cannot create the store {shown}: permission denied on its folder {folder};"
            " give the user running rulesengine write access to that folder, or use a store"
            " in a folder it can write"
        ) from None
    except OSError as error:
        raise StoreError(f"cannot create the store {shown}: {error.strerror}") from None


def create_private_file(path: str) -> None:
    """Create ``path`` empty, mode 0600 whatever the umask (nothing if it appeared meanwhile)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def exposure(path: str) -> str | None:
    """What lets other users read or change the store file or the files beside it, or
    replace them through a folder they can write, with the command that fixes it (None:
    nothing). Look before SQLite opens the store: the files it then creates beside it take
    the store's mode, and are gone again when the last connection closes."""
    problems: list[str] = []
    exposed: list[tuple[str, int]] = []
    for name in (path, *(path + suffix for suffix in COMPANION_SUFFIXES)):
        try:
            mode = os.stat(name).st_mode
        except OSError:
            continue
        if mode & (stat.S_IROTH | stat.S_IWOTH):
            exposed.append((name, stat.S_IMODE(mode)))
    if exposed:
        problems.append(
            "other users of this machine can read or change it: "
            + ", ".join(f"{name} (mode {mode:04o})" for name, mode in exposed)
            + "; run: chmod 600 "
            + " ".join(name for name, _ in exposed)
        )
    folder = os.path.dirname(path) or "."
    try:
        folder_mode = os.stat(folder).st_mode
    except OSError:
        folder_mode = 0
    if folder_mode & stat.S_IWOTH and not folder_mode & stat.S_ISVTX:
        problems.append(
            f"its folder {folder} lets other users replace or delete it"
            f" (mode {stat.S_IMODE(folder_mode):04o}); run: chmod o-w {folder}"
        )
    if not problems:
        return None
    return "the store holds patient data and the pay-link key, but " + "; ".join(problems)


def warn_once(path: str, warning: str) -> None:
    """Log ``warning`` about the store ``path`` unless this process already did."""
    if path not in _warned:
        _warned.add(path)
        _log.warning("%s", warning)
