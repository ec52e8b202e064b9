"""How the ``rulesengine`` commands report what went wrong: the exit codes, a store
failure worded for the user, and a bug's one-line summary (docs/reference/cli.md).

A user error (a bad file, a refused run, an unknown id) exits 1 with a message; a failure of
the store or the machine (a read-only file, a locked store, a lost server) is one too; anything
else is a bug, reported without SQL text, parameters or credentials, and exits 3.

Standard output closed by its reader (``rulesengine queue | head -1``) is no error to
report: the command stops quietly, with exit 1 (:func:`output_closed`).
"""

from __future__ import annotations

import os
import sys

from rulesengine.errors import RulesengineError

__all__ = [
    "EXIT_BUG",
    "EXIT_USER_ERROR",
    "bug_summary",
    "bug_text",
    "output_closed",
    "store_failure_shown",
]

EXIT_USER_ERROR = 1
EXIT_BUG = 3


def store_failure_shown(error: Exception, url: str | None) -> RulesengineError | None:
    """``error`` as a user-facing store error (read-only file, locked store, full disk, lost
    server...), or None when it is a bug."""
    if url is None or "sqlalchemy" not in sys.modules:
        return None
    # Imported only once a store was opened (sqlalchemy is loaded): start-up time.
    from rulesengine.store.failures import store_failure

    return store_failure(error, url)


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


def output_closed() -> None:
    """After a :class:`BrokenPipeError` (the reader of standard output is gone): point
    standard output at ``os.devnull``, so that the interpreter's last flush of what is
    still buffered finds somewhere to go instead of printing another error (the pattern of
    the Python documentation's "Note on SIGPIPE"). The caller exits 1, silently."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor to replace (an embedded stdout)
        pass
