"""Load scenario files (``docs/scenarios.md``) with every problem at file:line:col.

A scenario is loaded completely before anything runs: its rules (a file, or an inline
mapping, with ``overrides`` merged over it), its ledger, and its steps with their
expectations. Unknown keys, bad values, ledger values the store would refuse and references
to ids the ledger does not have are all reported together, like problems in a rules file.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rulesengine.errors import Problem, RulesError
from rulesengine.hints import did_you_mean
from rulesengine.model import Adjustment, Encounter, Guarantor, Payment, PostalAddress
from rulesengine.rules import load_rules_data
from rulesengine.rules.input_limits import read_limited_text
from rulesengine.rules.schema_toolkit import (
    INVALID,
    Context,
    describe_node,
    is_whole,
    sort_problems,
)
from rulesengine.rules.yamlmarks import (
    MapNode,
    Node,
    ScalarNode,
    compose,
    merge_overrides,
)
from rulesengine.scenarios.ledger_values import check_ledger_values
from rulesengine.scenarios.reference_checks import check_names, check_references
from rulesengine.scenarios.scenario_model import Scenario
from rulesengine.scenarios.scenario_schema import LEDGER_SPEC, TEXT_SPEC
from rulesengine.scenarios.step_checks import check_steps
from rulesengine.store.base import LedgerData

if TYPE_CHECKING:
    from rulesengine.channels.specs import ChannelSpec
    from rulesengine.rules.policy import Rules

__all__ = ["load_scenario"]


def load_scenario(
    path: str | os.PathLike[str], *, channel_specs: Mapping[str, ChannelSpec] | None = None
) -> Scenario:
    """Load and check a scenario file; raises :class:`RulesError` with every problem."""
    filename = os.fspath(path)
    text = read_limited_text(filename, "scenario file")
    tree, problems = compose(text, filename, kind="scenario file")
    if tree is None:
        raise RulesError(
            problems
            or [
                Problem(
                    filename, 1, 1, "the file is empty: a scenario starts with 'scenario: <title>'"
                )
            ]
        )
    ctx = Context(channel_specs or {})
    ctx.problems.extend(problems)
    if not isinstance(tree, MapNode):
        ctx.error(
            tree.mark, "", "a scenario file is a mapping (scenario:, rules:, ledger:, steps:)"
        )
        raise RulesError(sort_problems(ctx.problems))

    allowed = ("scenario", "rules", "overrides", "ledger", "steps")
    for key, _ in tree.items:
        if key.value not in allowed:
            ctx.error(
                key.mark,
                "",
                f"unknown top-level key '{key.value}'"
                + did_you_mean(key.value, allowed, "allowed"),
            )
    title = _required(tree, "scenario", ctx)
    title_value = ctx.check(TEXT_SPEC, title, "scenario") if title is not None else INVALID
    rules = _rules(tree, filename, ctx, channel_specs)
    ledger_node = tree.get("ledger")
    ledger = (
        ctx.check(LEDGER_SPEC, ledger_node, "ledger")
        if ledger_node is not None
        else LEDGER_SPEC.defaults()
    )
    steps_node = _required(tree, "steps", ctx)
    steps, checked = check_steps(steps_node, ctx) if steps_node is not None else ([], [])
    if isinstance(ledger, dict):
        check_references(ledger, checked, ctx)
    if rules is not None:
        check_names(rules, checked, ctx)
    ledger_data = _ledger(ledger) if isinstance(ledger, dict) and is_whole(ledger) else None
    if ledger_data is not None:
        check_ledger_values(ledger_data, ledger_node, ctx)
    if ctx.problems or rules is None or ledger_data is None or title_value is INVALID:
        raise RulesError(sort_problems(ctx.problems))
    return Scenario(
        path=filename,
        title=title_value,
        rules=rules,
        ledger=ledger_data,
        steps=tuple(steps),
        mark=tree.mark,
    )


def _required(tree: MapNode, key: str, ctx: Context) -> Node | None:
    node = tree.get(key)
    if node is None:
        ctx.error(tree.mark, "", f"missing required top-level key '{key}'")
    return node


def _rules(
    tree: MapNode, filename: str, ctx: Context, channel_specs: Mapping[str, ChannelSpec] | None
) -> Rules | None:
    """The scenario's rules: a file path relative to the scenario, or an inline mapping."""
    node = _required(tree, "rules", ctx)
    overrides = tree.get("overrides")
    if overrides is not None and not isinstance(overrides, MapNode):
        ctx.error(
            overrides.mark,
            "overrides",
            "expected a mapping merged over the rules file such as {dunning: {no_limit: true}},"
            f" got {describe_node(overrides)}",
        )
        overrides = None
    if node is None:
        return None
    if isinstance(node, ScalarNode) and not node.is_null and "\x00" in node.value:
        ctx.error(
            node.mark,
            "rules",
            "the path holds a NUL character (\\x00), which no file name can: remove it",
        )
        return None
    if isinstance(node, ScalarNode) and not node.is_null:
        rules_path = os.path.normpath(os.path.join(os.path.dirname(filename), node.value))
        try:
            rules_file_text, base, problems = _composed_rules_file(rules_path)
        except OSError:
            ctx.error(
                node.mark,
                "rules",
                f"cannot read the rules file '{node.value}' (looked for {rules_path})",
            )
            return None
        except RulesError as exc:  # there, but not a regular file, too large or not UTF-8
            ctx.problems.extend(
                p
                if p.line is not None
                else Problem(
                    filename, node.mark.line, node.mark.column, f"rules: '{node.value}' {p.message}"
                )
                for p in exc.problems
            )
            return None
        if base is None:
            ctx.problems.extend(problems)
            return None
        if problems:
            ctx.problems.extend(problems)
        rules_tree: Node = base
        text = rules_file_text
        label = rules_path
    elif isinstance(node, MapNode):
        rules_tree, text, label = node, "", filename
    else:
        ctx.error(
            node.mark,
            "rules",
            "expected the path of a rules file or an inline rules mapping,"
            f" got {describe_node(node)}",
        )
        return None
    if overrides is not None:
        rules_tree = merge_overrides(rules_tree, overrides)
    try:
        rules = load_rules_data(
            rules_tree,
            filename=label,
            channel_specs=channel_specs,
            source_text=text if text and overrides is None else None,
        )
    except RulesError as exc:
        ctx.problems.extend(exc.problems)
        return None
    return rules


def _composed_rules_file(path: str) -> tuple[str, Node | None, list[Problem]]:
    """A rules file's text and node tree; a suite of scenarios shares one rules file, so it
    is read and parsed once per version of the file (path, size and modification time)."""
    stat = os.stat(path)
    return _compose_cached(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _compose_cached(path: str, size: int, mtime_ns: int) -> tuple[str, Node | None, list[Problem]]:
    del size, mtime_ns  # part of the cache key only
    text = read_limited_text(path, "rules file")
    tree, problems = compose(text, path)
    return text, tree, problems


def _ledger(data: dict[str, Any]) -> LedgerData:
    """The ledger's models, from a ledger checked whole."""
    guarantors = [
        Guarantor(
            id=g["id"],
            first_name=g.get("first_name", ""),
            last_name=g.get("last_name", ""),
            email=g.get("email"),
            mobile=g.get("mobile"),
            postal=PostalAddress(**g["postal"]) if g.get("postal") else None,
            timezone=g.get("timezone"),
            paperless=g.get("paperless", False),
            hold=g.get("hold", False),
            sms_opt_out=g.get("sms_opt_out", False),
            email_opt_out=g.get("email_opt_out", False),
            profile=g.get("profile"),
        )
        for g in data["guarantors"]
    ]
    encounters = [
        Encounter(
            id=e["id"],
            guarantor_id=e["guarantor"],
            patient_id=e["patient"],
            service_date=e["service_date"],
            balance_cents=e["balance"],
            level=e.get("level", 0),
            status=e.get("status", "open"),
            hold=e.get("hold", False),
            location=e.get("location"),
            provider=e.get("provider"),
            first_statement=e.get("first_statement"),
            last_statement=e.get("last_statement"),
            statements_sent=e.get("statements_sent", 0),
            profile=e.get("profile"),
        )
        for e in data["encounters"]
    ]
    payments = [Payment(None, p["encounter"], p["amount"], p["date"]) for p in data["payments"]]
    adjustments = [
        Adjustment(None, a["encounter"], a["amount"], a["date"]) for a in data["adjustments"]
    ]
    return LedgerData(guarantors, encounters, payments, adjustments)
