"""Check a scenario's ``steps:``: each step does one thing (one of
:data:`~rulesengine.scenarios.scenario_model.STEP_KINDS`), its value fits its kind, and it
expects only what that kind can produce."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from rulesengine.hints import did_you_mean
from rulesengine.rules.schema_toolkit import Context, describe_node, is_whole
from rulesengine.rules.yamlmarks import MapNode, Node, SeqNode
from rulesengine.scenarios.scenario_model import STEP_KINDS, Expect, Step
from rulesengine.scenarios.scenario_schema import (
    EXPECT_KEYS_BY_KIND,
    EXPECT_SPEC,
    STEP_VALUE_EXAMPLES,
    STEP_VALUE_SPECS,
    STEP_VALUE_TYPES,
)

if TYPE_CHECKING:
    from rulesengine.rules.policy import Mark

__all__ = ["CheckedStep", "check_steps"]


@attrs.frozen
class CheckedStep:
    """A step's checked value and expectations, parts with a problem included: the ids it
    names are checked against the ledger from it."""

    path: str
    kind: str
    value: Any
    expect: Any


def check_steps(node: Node, ctx: Context) -> tuple[list[Step], list[CheckedStep]]:
    """The steps that were checked whole, and every step as checked."""
    if not isinstance(node, SeqNode):
        ctx.error(
            node.mark,
            "steps",
            f"expected a list of steps ('- run: 2026-02-01' lines), got {describe_node(node)}",
        )
        return [], []
    steps = []
    checked = []
    for i, item in enumerate(node.items):
        path = f"steps[{i}]"
        if not isinstance(item, MapNode):
            ctx.error(
                item.mark,
                path,
                f"expected a step such as 'run: 2026-02-01', got {describe_node(item)}",
            )
            continue
        kinds = [k for k in item.keys() if k in STEP_KINDS]
        for key, _ in item.items:
            if key.value not in STEP_KINDS and key.value != "expect":
                ctx.error(
                    key.mark,
                    path,
                    f"unknown key '{key.value}'"
                    + did_you_mean(key.value, (*STEP_KINDS, "expect"), "allowed"),
                )
        if len(kinds) != 1:
            if not kinds and all(k in (*STEP_KINDS, "expect") for k in item.keys()):
                ctx.error(item.mark, path, f"a step needs one of {', '.join(STEP_KINDS)}")
            elif len(kinds) > 1:
                ctx.error(
                    item.mark, path, f"a step does one thing; this one has {' and '.join(kinds)}"
                )
            continue
        kind = kinds[0]
        kind_node = item.get(kind)
        assert kind_node is not None  # kinds lists the keys the step has
        if kind in STEP_VALUE_EXAMPLES and not isinstance(kind_node, MapNode):
            value = ctx.error(
                kind_node.mark,
                f"{path}.{kind}",
                f"expected a mapping such as {kind}: {STEP_VALUE_EXAMPLES[kind]},"
                f" got {describe_node(kind_node)}",
            )
        else:
            value = ctx.check(STEP_VALUE_SPECS[kind], kind_node, f"{path}.{kind}")
        expect, expect_data = _expect(kind, item.get("expect"), path, ctx)
        checked.append(CheckedStep(path, kind, value, expect_data))
        if isinstance(value, STEP_VALUE_TYPES[kind]) and is_whole(value):
            steps.append(Step(index=i + 1, kind=kind, value=value, expect=expect, mark=item.mark))
    return steps, checked


def _expect(kind: str, node: Node | None, path: str, ctx: Context) -> tuple[Expect, Any]:
    """A step's expectations, and the checked ``expect`` mapping as it is.

    The :class:`Expect` holds only values checked whole: one with a problem (already
    reported) is left out, so nothing later trips over half a value.
    """
    if node is None:
        return Expect(), {}
    allowed = EXPECT_KEYS_BY_KIND.get(kind, {"encounters"})
    if isinstance(node, MapNode):
        for key, _ in node.items:
            if key.value in EXPECT_SPEC.keys and key.value not in allowed:
                ctx.error(
                    key.mark,
                    f"{path}.expect",
                    f"a {kind} step cannot expect '{key.value}'"
                    f" (it can expect: {', '.join(sorted(allowed))})",
                )
    checked = ctx.check(EXPECT_SPEC, node, f"{path}.expect")
    if not isinstance(checked, dict):
        return Expect(), checked
    data = {k: v for k, v in checked.items() if is_whole(v)}
    marks = {k: ctx.marks.get(f"{path}.expect.{k}", node.mark) for k in data}

    def listed(key: str) -> tuple[Any, ...] | None:
        return tuple(data[key]) if key in data else None

    expect = Expect(
        statements=listed("statements"),
        encounters=data.get("encounters"),
        pre_collections=listed("pre_collections"),
        skipped=data.get("skipped"),
        notifications=listed("notifications"),
        marks={**marks, **_item_marks(ctx, path)},
    )
    return expect, checked


def _item_marks(ctx: Context, path: str) -> dict[str, Mark]:
    prefix = f"{path}.expect."
    return {
        k[len(prefix) :]: m
        for k, m in {**ctx.marks, **ctx.key_marks}.items()
        if k.startswith(prefix)
    }
