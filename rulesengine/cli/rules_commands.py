"""The rules-file commands: ``validate`` (rules and scenario files), ``test`` (run scenario
files) and ``diff`` (two rules files as test batches on the current ledger).

Each command imports the machinery it runs (the rules loader, the scenario runner, the
statement run) when it runs, not when ``rulesengine`` starts: start-up time.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from pathlib import Path

import click

from rulesengine.cli.error_reports import EXIT_BUG, EXIT_USER_ERROR, bug_text
from rulesengine.cli.options import db_option, json_option, parse_date
from rulesengine.cli.rules_access import (
    command_plugin_manager,
    installed_specs,
    load_rules_for_cli,
)
from rulesengine.cli.spinner import working
from rulesengine.cli.store_access import open_command_store
from rulesengine.errors import NotFound, RulesengineError
from rulesengine.plurals import counted
from rulesengine.terminal import echo

__all__ = ["COMMANDS", "diff", "test_", "validate"]

# --- validate ------------------------------------------------------------------------------


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate(files: tuple[str, ...]) -> None:
    """Check rules files (and scenario files); print every problem as file:line:col: message."""
    from rulesengine.rules import load_rules
    from rulesengine.scenarios import is_scenario_file, load_scenario

    specs = installed_specs()
    problems: list[object] = []
    bugs: list[str] = []
    for path in files:
        try:
            if is_scenario_file(path):
                scenario = load_scenario(path, channel_specs=specs)
                steps = len(scenario.steps)
                echo(f"{path}: ok (scenario {scenario.title!r}, {counted(steps, 'step')})")
                continue
            rules = load_rules(path, channel_specs=specs)
        except RulesengineError as error:
            problems.extend(getattr(error, "problems", ()) or [str(error)])
            continue
        except Exception as error:  # a bug: say so on this file, and go on with the others
            if os.environ.get("RULESENGINE_DEBUG"):
                traceback.print_exc()
            bugs.append(f"{path}: {bug_text(error)}")
            continue
        click.echo(
            f"{path}: ok (profile {rules.profile.id}, {counted(rules.level_count, 'level')},"
            f" {'no limit' if rules.dunning.no_limit else 'limit on'})"
        )
    for problem in problems:
        echo(str(problem), err=True)
    if any("unknown channel" in str(problem) for problem in problems):
        _explain_silent_plugins()
    if problems:
        click.echo(f"{counted(len(problems), 'problem')} found", err=True)
    for bug in bugs:
        echo(bug, err=True)
    if bugs:
        sys.exit(EXIT_BUG)
    if problems:
        sys.exit(EXIT_USER_ERROR)


def _explain_silent_plugins() -> None:
    """After an unknown channel: name each loaded plugin whose hook functions lack
    ``@rulesengine.hookimpl`` (pluggy ignores them, so its channels never registered)."""
    from rulesengine.channels.manager import unmarked_hook_notes  # start-up time

    for note in unmarked_hook_notes(command_plugin_manager()):
        echo(note, err=True)


# --- scenarios and rule changes ------------------------------------------------------------


def _scenario_files(paths: tuple[str, ...]) -> list[str]:
    found: list[str] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found.extend(str(f) for f in sorted(p.rglob("*.scenario.yaml")))
        elif p.exists():  # a file; the loader refuses a device, a pipe or a socket
            found.append(str(p))
        else:
            raise NotFound(f"{path}: no such file or folder")
    if not found:
        raise NotFound(f"no *.scenario.yaml files in {', '.join(paths)}")
    return found


@click.command("test")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--coverage", is_flag=True, help="Report which rules the scenarios exercised.")
@click.option("--no-trace", is_flag=True, help="Leave the rule trace out of failure reports.")
@json_option
def test_(paths: tuple[str, ...], coverage: bool, no_trace: bool, as_json: bool) -> None:
    """Run scenario files (and folders of *.scenario.yaml): one line each, then the summary."""
    from rulesengine.scenarios import run_scenario_file
    from rulesengine.scenarios.coverage import coverage_report
    from rulesengine.scenarios.scenario_report import (
        format_coverage,
        format_failure,
        format_summary,
        results_json,
    )
    from rulesengine.scenarios.scenario_results import ScenarioResult

    files = _scenario_files(paths)
    specs = installed_specs()
    started = time.perf_counter()
    results = []
    bugs = 0
    for path in files:
        try:
            result = run_scenario_file(path, channel_specs=specs, traces=not no_trace)
        except Exception as error:  # a bug: say so on this file, and go on with the others
            if os.environ.get("RULESENGINE_DEBUG"):
                traceback.print_exc()
            bugs += 1
            result = ScenarioResult(path, path, error=f"{path}: {bug_text(error)}")
        results.append(result)
        if as_json:
            continue
        echo(f"{'PASS' if result.passed else 'FAIL'} {path}: {result.title}")
        if not result.passed:
            echo(format_failure(result, trace=not no_trace))
    reports = coverage_report(results) if coverage else None
    if as_json:
        click.echo(results_json(results, reports))
    else:
        if reports is not None:
            echo(format_coverage(reports))
        click.echo(format_summary(results, time.perf_counter() - started))
    if bugs:
        sys.exit(EXIT_BUG)
    if not all(r.passed for r in results):
        sys.exit(EXIT_USER_ERROR)


@click.command("diff")
@click.argument("old_rules", type=click.Path(dir_okay=False))
@click.argument("new_rules", type=click.Path(dir_okay=False))
@click.option(
    "--date",
    "date_text",
    required=True,
    metavar="YYYY-MM-DD",
    help="The run date of both test batches.",
)
@db_option
@json_option
@click.pass_context
def diff(
    ctx: click.Context,
    old_rules: str,
    new_rules: str,
    date_text: str,
    db: str | None,
    as_json: bool,
) -> None:
    """Run both rules files as test batches on the current ledger; report who would change
    level, message, channels, worklist or skip status. Nothing is saved.

    A date before the profile's latest live run still reports, with a warning: the ledger
    is the one as it is now, after that run."""
    from rulesengine.statements.diff import diff_rules, render_diff

    run_date = parse_date(date_text)
    old, new = load_rules_for_cli(old_rules), load_rules_for_cli(new_rules)
    store = open_command_store(db, ctx)
    try:
        with working("Running both rules files as test batches"):
            report = diff_rules(store, old, new, run_date)
    finally:
        store.close()
    for warning in report["warnings"]:
        echo(f"warning: {warning}", err=True)
    echo(json.dumps(report, indent=2) if as_json else render_diff(report))


#: Every command of this module, for ``main.add_command``.
COMMANDS: list[click.Command] = [validate, test_, diff]
