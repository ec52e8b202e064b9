"""The demo's folder: ``rulesengine demo`` never deletes or overwrites what it did not make.

The demo runs in a missing or empty folder, or in one where it ran before. It knows its
own files by the marker it writes there, ``.rulesengine-demo``: one line per file and
folder it made (paths relative to the folder, folders ending in ``/``). Before a new run it
deletes exactly those, and only when the folder holds nothing else: any other file,
folder or symbolic link (even one inside the demo's own ``outbox/``) makes it refuse, and
then nothing is touched. Paths are matched by walking the folder itself, so a marker that
lists ``../elsewhere`` or an absolute path can never make the demo delete outside it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

from rulesengine.errors import RulesengineError

__all__ = ["MARKER", "DemoFolderRefused", "prepare_demo_folder", "record_demo_files"]

#: The marker file listing what the demo made in its folder.
MARKER = ".rulesengine-demo"
_HEADER = (
    "# Made by `rulesengine demo`. The files and folders listed below are the demo's own:\n"
    "# the next demo run here deletes them and makes them again. It refuses to run while\n"
    "# this folder holds anything else, so put nothing else here.\n"
)
_SHOWN = 5


class DemoFolderRefused(RulesengineError):
    """The demo's folder holds something the demo did not make."""


def prepare_demo_folder(directory: Path) -> None:
    """Make ``directory`` ready for a demo run: create it when it is missing; when it holds
    an earlier demo run's files (listed in its marker) and nothing else, delete them.

    :raises DemoFolderRefused: the folder holds anything else, or is not a folder.
    """
    if directory.is_symlink() or (directory.exists() and not directory.is_dir()):
        raise DemoFolderRefused(
            f"{directory} is not a folder; name a new folder for the demo:"
            " rulesengine demo NEW_FOLDER"
        )
    if not directory.exists():
        directory.mkdir(parents=True)
        return
    found = _entries(directory)
    if not found:
        return
    marker = directory / MARKER
    listed = _listed(marker) if MARKER in found and not marker.is_symlink() else None
    if listed is None:
        _refuse(directory, sorted(found), made_before=False)
    strangers = sorted(entry for entry in found if entry not in listed and entry != MARKER)
    if strangers:
        _refuse(directory, strangers, made_before=True)
    # Deepest first, so each folder is empty by the time it is removed.
    for entry in sorted(found - {MARKER}, key=lambda e: e.rstrip("/").count("/"), reverse=True):
        path = directory / entry.rstrip("/")
        if entry.endswith("/"):
            path.rmdir()
        else:
            path.unlink()
    marker.unlink()


def record_demo_files(directory: Path) -> None:
    """Write the marker listing everything now in ``directory`` (the demo made all of it:
    :func:`prepare_demo_folder` left it empty)."""
    entries = sorted(_entries(directory) - {MARKER})
    text = _HEADER + "".join(f"{entry}\n" for entry in entries)
    (directory / MARKER).write_text(text, encoding="utf-8")


def _entries(directory: Path) -> set[str]:
    """Every file, folder and symbolic link below ``directory`` (links not followed), as
    relative POSIX paths; folders end in ``/``, links in ``@link`` (a link never matches
    what a marker lists: see :func:`_listed`)."""
    found: set[str] = set()
    for root, dirs, files in os.walk(directory, followlinks=False):
        base = Path(root).relative_to(directory)
        for name in dirs:
            path = Path(root, name)
            rel = (base / name).as_posix()
            found.add(f"{rel}@link" if path.is_symlink() else f"{rel}/")
        for name in files:
            path = Path(root, name)
            rel = (base / name).as_posix()
            found.add(f"{rel}@link" if path.is_symlink() else rel)
    return found


def _listed(marker: Path) -> set[str] | None:
    """The entries a marker lists (None when it cannot be read as one)."""
    try:
        text = marker.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if not text.startswith(_HEADER.splitlines()[0]):
        return None
    return {
        line
        for line in text.splitlines()
        if line and not line.startswith("#") and "@link" not in line
    }


def _refuse(directory: Path, strangers: list[str], *, made_before: bool) -> NoReturn:
    shown = ", ".join(entry.replace("@link", " (a link)") for entry in strangers[:_SHOWN])
    more = f" and {len(strangers) - _SHOWN} more" if len(strangers) > _SHOWN else ""
    what = (
        "the demo ran there before, but it also holds what the demo did not make"
        if made_before
        else "it holds files the demo did not make"
    )
    raise DemoFolderRefused(
        f"{directory} is not a folder for the demo: {what} ({shown}{more}). The demo runs"
        " only in a new or empty folder, or in one where it ran before, and never deletes"
        " what it did not make. Name a new folder: rulesengine demo NEW_FOLDER"
    )
