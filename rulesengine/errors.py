"""User-facing errors. The CLI prints them (no traceback) and exits 1.

Anything else that escapes a command is a bug: the CLI reports it and exits 3.
"""

from __future__ import annotations

import datetime as dt

import attrs

__all__ = [
    "DeleteRefused",
    "InvalidRequest",
    "LedgerError",
    "LiveRunBeforeLatest",
    "NotFound",
    "Problem",
    "RefusedTransition",
    "RulesError",
    "RenderError",
    "RulesengineError",
    "RunRefused",
    "StoreError",
]


class RulesengineError(Exception):
    """Base of every error caused by the user's input or request (exit code 1)."""


@attrs.frozen
class Problem:
    """One problem in an input file.

    ``line``/``column`` are 1-based; for CSV files ``line`` is the row number as a
    spreadsheet shows it (header = row 1) and ``column`` is the column name.
    """

    file: str
    line: int | None
    column: int | str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class _ProblemsError(RulesengineError):
    """An error that carries every problem found, in file order."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class RulesError(_ProblemsError):
    """A rules (or scenario) file is invalid. ``problems`` lists every problem found."""


class LedgerError(_ProblemsError):
    """A ledger import was rejected. Nothing was written."""


class RunRefused(RulesengineError):
    """A statement run was refused (for example a live run dated before the latest one)."""


class LiveRunBeforeLatest(RunRefused):
    """A live run dated before the profile's latest live run: live runs move forward.

    The message is the command line's (``run --test`` looks at an earlier date); callers
    with another way to look (a scenario's ``test_run:`` step) word their own from the
    attributes.
    """

    def __init__(
        self, profile_id: str, run_date: dt.date, latest_date: dt.date, latest_batch: str
    ) -> None:
        self.profile_id = profile_id
        self.run_date = run_date
        self.latest_date = latest_date
        self.latest_batch = latest_batch
        super().__init__(
            f"profile {profile_id!r} already had a live run on {latest_date.isoformat()}"
            f" (batch {latest_batch}); live runs move forward, so {run_date.isoformat()} is"
            " refused. Use --test to see what a run on an earlier date would do."
        )


class NotFound(RulesengineError):
    """A guarantor, encounter, batch, notification or file named by the caller does not
    exist (in the store, or on disk)."""


class InvalidRequest(RulesengineError):
    """A request's own values are unusable (an empty id list, an unknown outcome, an
    instant out of range, a channel a guarantor has no address for); nothing changed."""


class RefusedTransition(RulesengineError):
    """A staff action a notification's status does not allow (cancel a sent one, retry a
    scheduled one), or a notification that changed meanwhile; nothing changed."""


class DeleteRefused(RulesengineError):
    """A batch deletion was refused (not the latest live batch, a notification already
    handed to a channel, ...). Nothing was changed."""


class RenderError(RulesengineError):
    """A message template failed to render for a statement (which the load-time checks
    should have made impossible); nothing of the run was written."""


class StoreError(RulesengineError):
    """The store cannot be opened or is of an unsupported schema version."""
