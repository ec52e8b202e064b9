"""Options shared by every ``rulesengine`` command module (kept free of heavy imports)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["db_option", "json_option"]

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """``--db URL`` (or ``RULESENGINE_DB``): the store every command reads and writes."""
    return click.option(
        "--db",
        "db",
        envvar="RULESENGINE_DB",
        default=None,
        metavar="URL",
        help="Store: a path or sqlite:///path (default ./rulesengine.db), or postgresql://...",
    )(func)


def json_option(func: F) -> F:
    """``--json``: machine-readable output where a table is the default."""
    return click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")(func)
