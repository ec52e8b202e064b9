"""The dashboard user commands: ``user add``, ``user list``, ``user remove``, ``user role``
and ``user password`` (docs/reference/cli.md, docs/deployment.md).

A password is read from the terminal (hidden, asked twice) or, when stdin is not a
terminal, as one line of stdin: never from an argument or an environment variable, and it
is never shown. The store is imported when a command runs, not when ``rulesengine``
starts: start-up time.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from rulesengine.cli.options import db_option, json_option
from rulesengine.cli.store_access import open_command_store
from rulesengine.errors import InvalidRequest
from rulesengine.terminal import cells, echo
from rulesengine.terminal import console as terminal_console
from rulesengine.terminal import stdin_is_terminal as _on_terminal

if TYPE_CHECKING:
    from rulesengine.store.user_accounts import UserAccount

__all__ = ["COMMANDS", "user"]

#: The roles ``--role`` accepts (rulesengine.store.user_accounts.ROLES, kept here so that
#: ``rulesengine --help`` does not import the store).
_ROLES = ("viewer", "staff", "admin")
#: Extra words after a command are refused without being shown: they may be a password.
_NO_EXTRAS = {"ignore_unknown_options": True, "allow_extra_args": True}


def _refuse_extras(ctx: click.Context) -> None:
    if ctx.args:
        raise InvalidRequest(
            f"'rulesengine {ctx.command_path.partition(' ')[2]}' takes no further arguments or"
            " options (a password is never taken from the command line: it is asked for on"
            " the terminal, or read as one line of stdin); nothing changed"
        )


def _read_password(what: str) -> str:
    """The password, checked for length: asked twice on a terminal, else one stdin line."""
    from rulesengine.storable_text import NOT_UTF8_PROBLEM
    from rulesengine.store.passwords import MAX_PASSWORD_LENGTH, check_password

    if _on_terminal():
        first = click.prompt(what, hide_input=True, default="", show_default=False)
        second = click.prompt("Repeat it", hide_input=True, default="", show_default=False)
        if first != second:
            raise InvalidRequest("the two passwords do not match; nothing changed")
        return check_password(first)
    try:
        line = "" if sys.stdin is None else sys.stdin.readline(MAX_PASSWORD_LENGTH + 3)
    except UnicodeDecodeError:  # stdin decoded strictly (else its bytes are surrogates)
        raise InvalidRequest(f"the password {NOT_UTF8_PROBLEM}") from None
    if not line:
        raise InvalidRequest(
            "no password on stdin: give it as one line of stdin, or run the command on a"
            " terminal to be asked for it; nothing changed"
        )
    if line.endswith("\n"):
        line = line[:-1]
    if line.endswith("\r"):
        line = line[:-1]
    return check_password(line)


def _account_json(account: UserAccount) -> dict[str, Any]:
    return account.as_json()


@click.group("user")
def user() -> None:
    """Dashboard users (rulesengine serve): add, list, remove, change a role or a
    password."""


@user.command("add", context_settings=_NO_EXTRAS)
@click.argument("name")
@click.option(
    "--role",
    required=True,
    metavar="|".join(_ROLES),
    help="What the user may do: viewer (look), staff (act on notifications), admin.",
)
@db_option
@json_option
@click.pass_context
def _add(ctx: click.Context, name: str, role: str, db: str | None, as_json: bool) -> None:
    """Add the dashboard user NAME with a role. The password is asked for on the terminal
    (hidden, twice) or read as one line of stdin; at least 12 characters. Creates the
    store when there is none yet (the first admin may come before the first import)."""
    from rulesengine.store.user_accounts import add_user, check_role, check_user_name

    _refuse_extras(ctx)
    check_user_name(name)
    check_role(role)
    password = _read_password(f"Password for {name}")
    store = open_command_store(db, ctx, create=True)
    try:
        account = add_user(store, name, role, password)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(_account_json(account), indent=2))
        return
    echo(f"added user {account.name!r} ({account.role}).")


@user.command("list", context_settings=_NO_EXTRAS)
@db_option
@json_option
@click.pass_context
def _list(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """Every dashboard user: name, role, when added, when the password last changed
    (never a password or its hash)."""
    from rich.table import Table

    from rulesengine.store.user_accounts import list_users

    _refuse_extras(ctx)
    store = open_command_store(db, ctx)
    try:
        accounts = list_users(store)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps([_account_json(a) for a in accounts], indent=2))
        return
    console = terminal_console()
    if not accounts:
        console.print("No dashboard users (add one: rulesengine user add NAME --role admin).")
        return
    table = Table(header_style="bold")
    for column in ("name", "role", "created", "password changed"):
        table.add_column(column)
    for a in accounts:
        table.add_row(
            *cells(
                a.name,
                a.role,
                a.created_at.isoformat(timespec="seconds"),
                a.password_changed_at.isoformat(timespec="seconds"),
            )
        )
    console.print(table)


@user.command("remove", context_settings=_NO_EXTRAS)
@click.argument("name")
@db_option
@json_option
@click.pass_context
def _remove(ctx: click.Context, name: str, db: str | None, as_json: bool) -> None:
    """Remove the dashboard user NAME (the last admin cannot be removed)."""
    from rulesengine.store.user_accounts import check_user_name, remove_user

    _refuse_extras(ctx)
    check_user_name(name)
    store = open_command_store(db, ctx)
    try:
        account = remove_user(store, name)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps({"removed": account.name, "role": account.role}, indent=2))
        return
    echo(f"removed user {account.name!r} ({account.role}).")


@user.command("password", context_settings=_NO_EXTRAS)
@click.argument("name")
@db_option
@json_option
@click.pass_context
def _password(ctx: click.Context, name: str, db: str | None, as_json: bool) -> None:
    """Give the dashboard user NAME a new password, asked for on the terminal (hidden,
    twice) or read as one line of stdin."""
    from rulesengine.store.user_accounts import check_user_name, get_user, set_password

    _refuse_extras(ctx)
    check_user_name(name)
    store = open_command_store(db, ctx)
    try:
        get_user(store, name)  # an unknown user is refused before the password is asked
        password = _read_password(f"New password for {name}")
        account = set_password(store, name, password)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(_account_json(account), indent=2))
        return
    echo(f"changed the password of user {account.name!r}.")


@user.command("role", context_settings=_NO_EXTRAS)
@click.argument("name")
@click.argument("role", metavar="|".join(_ROLES))
@db_option
@json_option
@click.pass_context
def _role(ctx: click.Context, name: str, role: str, db: str | None, as_json: bool) -> None:
    """Give the dashboard user NAME the role ROLE (the last admin stays admin). Takes effect
    on the user's next request; their password and session stay."""
    from rulesengine.store.user_accounts import check_role, check_user_name, set_role

    _refuse_extras(ctx)
    check_user_name(name)
    check_role(role)
    store = open_command_store(db, ctx)
    try:
        account = set_role(store, name, role)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(_account_json(account), indent=2))
        return
    echo(f"user {account.name!r} is now {account.role}.")


COMMANDS: list[click.Command] = [user]
