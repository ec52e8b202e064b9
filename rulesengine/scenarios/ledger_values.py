"""A scenario's ledger checked by the rules every ledger follows (those of
:mod:`rulesengine.store.ledger_checks`, the store's own before it writes a ledger), each
problem at its line and column in the scenario file.

The scenario schema checks each value's shape as it reads it; what only the ledger's rules
know (a postal address with other lines but an empty ``line1``, a last statement before the
first) would otherwise be found when the store imports the ledger, after the scenario
started, at no place in the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rulesengine.rules.yamlmarks import MapNode, SeqNode
from rulesengine.store.ledger_checks import ledger_problems_at

if TYPE_CHECKING:
    from rulesengine.rules.schema_toolkit import Context
    from rulesengine.rules.yamlmarks import Node
    from rulesengine.store.base import LedgerData

__all__ = ["check_ledger_values"]

#: A model's field -> the scenario key that gives it (the others have the same name).
_KEYS = {
    "guarantor_id": "guarantor",
    "patient_id": "patient",
    "encounter_id": "encounter",
    "balance_cents": "balance",
    "amount_cents": "amount",
}


def _all_known(ids: Iterable[str]) -> set[str]:
    """References are the scenario schema's to check (the scenario's store starts empty)."""
    return set(ids)


def check_ledger_values(ledger: LedgerData, node: Node | None, ctx: Context) -> None:
    """Report each problem of ``ledger`` (built from the scenario's ``ledger:`` mapping,
    ``node``) at the place in the file of the value it concerns."""
    found = ledger_problems_at(ledger, known_guarantors=_all_known, known_encounters=_all_known)
    reported = {problem.message.partition(": ")[0] for problem in ctx.problems}
    for kind, index, field, message in found:
        path = f"ledger.{kind}[{index}]"
        place = _child(_child(node, kind), index)
        if field is not None:
            key = _KEYS.get(field, field)
            path += f".{key}"
            place = _child(place, key) or place
            sub, _, rest = message.partition(": ")  # a postal address's line: "line1: ..."
            if rest and isinstance(place, MapNode) and place.get(sub) is not None:
                path, place, message = f"{path}.{sub}", place.get(sub), rest
        if path in reported:  # by the schema already (a duplicate id)
            continue
        if place is None:  # not from the file (cannot be): the ledger's own place
            place = node
        if place is not None:
            ctx.error(place.mark, path, message)


def _child(node: Node | None, key: str | int) -> Node | None:
    """The value under a mapping's key, or a list's item; None when there is none."""
    if isinstance(node, MapNode) and isinstance(key, str):
        return node.get(key)
    if isinstance(node, SeqNode) and isinstance(key, int) and key < len(node.items):
        return node.items[key]
    return None
