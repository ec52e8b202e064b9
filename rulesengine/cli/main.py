"""The ``rulesengine`` command: the group, its global options, its error handling, and the
registration of every subcommand (each with ``--help``; README.md lists them).

User errors (a bad file, a refused run, an unknown id) print a message saying what is wrong
and where, and exit 1, never with a traceback. Anything else is a bug: exit 3, with the
traceback only when ``RULESENGINE_DEBUG`` is set. Output whose reader stopped early (piped
into ``head``) ends the command quietly with exit 1, as Unix tools do.

The commands live in modules by topic (``rules_commands``, ``ledger_commands``,
``run_commands``, ``delivery_commands``, ``queue_commands``, ``batch_commands``,
``demo_command``); this module imports them and adds them to the group, never the other way.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import traceback
from typing import Any

import click

from rulesengine.cli import (
    batch_commands,
    delivery_commands,
    demo_command,
    ledger_commands,
    queue_commands,
    rules_commands,
    run_commands,
    serve_command,
    user_commands,
)
from rulesengine.cli.error_reports import (
    DISK_FULL,
    EXIT_BUG,
    EXIT_USER_ERROR,
    bug_text,
    disk_full_text,
    output_closed,
    store_failure_shown,
    whole_writes,
)
from rulesengine.cli.store_access import STORE_URL_KEY
from rulesengine.errors import RulesengineError
from rulesengine.storable_text import surrogate_problem
from rulesengine.terminal import echo
from rulesengine.version import __version__

__all__ = ["EXIT_BUG", "EXIT_USER_ERROR", "main"]


class _Group(click.Group):
    """Turns user errors into a message and exit 1, and bugs into exit 3.

    click itself exits 2 on a usage error; rulesengine exits 1 for every user error, bad
    arguments included (docs/reference/cli.md).
    """

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:  # type: ignore[override]
        parent = super().main
        given = args[0] if args else kwargs.get("args")
        not_utf8 = _argument_not_utf8(list(sys.argv[1:] if given is None else given))
        if not standalone_mode:
            if not_utf8 is not None:
                raise click.UsageError(not_utf8)
            return parent(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        if not_utf8 is not None:  # refused before any command runs: nothing is written
            echo(f"error: {not_utf8}", err=True)
            sys.exit(EXIT_USER_ERROR)
        try:
            with whole_writes():  # a long write meets a closed pipe too (| head -c1)
                code = parent(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
                if sys.stdout is not None:  # None: started with it closed (>&-), output dropped
                    sys.stdout.flush()  # what is still buffered meets a closed pipe here
        except BrokenPipeError:
            output_closed()
            sys.exit(EXIT_USER_ERROR)
        except OSError as error:
            if error.errno not in DISK_FULL:
                raise
            output_closed()
            try:
                echo(f"error: {disk_full_text(error)}", err=True)
            except OSError:  # no room for the message either (>/dev/full 2>&1)
                output_closed(sys.stderr)
            sys.exit(EXIT_USER_ERROR)
        except click.ClickException as error:
            shown = io.StringIO()  # it may quote the command line: escape what it quotes
            error.show(file=shown)
            echo(shown.getvalue().rstrip("\n"), err=True)
            sys.exit(EXIT_USER_ERROR)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(EXIT_USER_ERROR)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RulesengineError as error:
            text = str(error)
            echo(f"error: {text}" if "\n" not in text else text, err=True)
            ctx.exit(EXIT_USER_ERROR)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            raise  # the output's reader stopped early (| head): main exits quietly
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except Exception as error:
            if isinstance(error, OSError) and error.errno in DISK_FULL:
                raise  # no room left for a write: main says so, once for every command
            url = ctx.meta.get(STORE_URL_KEY)
            failure = store_failure_shown(error, url)
            if failure is not None:  # the store's or the machine's doing, not a bug
                echo(f"error: {failure}", err=True)
                ctx.exit(EXIT_USER_ERROR)
            if os.environ.get("RULESENGINE_DEBUG"):
                traceback.print_exc()
            click.echo(bug_text(error, url), err=True)
            ctx.exit(EXIT_BUG)


def _argument_not_utf8(args: list[str]) -> str | None:
    """What is wrong when an argument is not valid UTF-8 (Python makes each undecodable
    byte of the command line a lone surrogate, which no store, file or terminal takes),
    else None: the first such argument, by position, with its bytes escaped (not shown
    after ``user``, whose commands refuse any word they do not take without echoing it: it
    may be a password). A file's name may be any bytes: an argument (or an option's
    ``--name=`` value) that names an existing file or folder is left to its command."""
    for position, arg in enumerate(args, 1):
        if surrogate_problem(arg) is None or _names_a_file(arg):
            continue
        if "user" in args[: position - 1]:
            return (
                f"command-line argument {position} is not valid UTF-8 (not shown: it may be a"
                " password): give it as UTF-8 text; nothing changed"
            )
        try:
            shown = repr(arg.encode("utf-8", "surrogateescape"))[1:]  # b'G\xff' -> 'G\xff'
        except UnicodeEncodeError:  # a surrogate that stands for no byte (given in Python)
            shown = repr(arg)
        after = f", after {args[position - 2]!r}" if position > 1 else ""
        return (
            f"command-line argument {position} ({shown}{after}) is not valid UTF-8: give it"
            " as UTF-8 text; nothing changed"
        )
    return None


def _names_a_file(arg: str) -> bool:
    try:
        return any(os.path.lexists(path) for path in (arg, arg.partition("=")[2]) if path)
    except ValueError:  # a NUL: no file's name
        return False


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar="RULESENGINE_DB",
    default=None,
    metavar="URL",
    help="Store for every subcommand (or RULESENGINE_DB).",
)
@click.option(
    "--log-level",
    envvar="RULESENGINE_LOG_LEVEL",
    default="WARNING",
    show_default=True,
    type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False),
    help="Log lines (with timestamps) on standard error; workers usually run with INFO.",
)
@click.version_option(__version__, prog_name="rulesengine")
def main(db: str | None, log_level: str) -> None:
    """Patient statement dunning and balance notifications, driven by YAML rules files."""
    logging.basicConfig(
        level=log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def _add_commands() -> None:
    """Every command module's commands, on the group (dependencies point one way: the
    command modules never import this one)."""
    for module in (
        rules_commands,
        ledger_commands,
        run_commands,
        delivery_commands,
        queue_commands,
        batch_commands,
        user_commands,
        serve_command,
        demo_command,
    ):
        for command in module.COMMANDS:
            main.add_command(command)


_add_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
