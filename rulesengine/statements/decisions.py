"""The four decisions durable-rules makes in a statement run, built from one rules file.

Each is a :class:`~rulesengine.statements.compile.Stage`, an ordered list of named conditions:

- ``payments``: the payment rules in file order (``docs/rules.md``, a run's step 1);
- ``eligibility``: ``encounter_hold``, ``guarantor_hold``, each ``eligibility.exclude`` rule,
  ``billed_recently`` (step 3); no match: a candidate;
- ``advance``: maxed because already in the worklist, maxed by the dunning limit, held at
  its level by an ``after_days`` gate, held by a ``hold`` payment rule (step 4); no match:
  rise one level;
- ``statement``: which ``dunning.levels`` entry a statement of a given level uses (step 7).

Internal fields (not part of the rules vocabulary) start with ``x.``.
"""

from __future__ import annotations

import attrs

from rulesengine.rules.policy import And, Compare, Const, Expr, Field, Not, Rules
from rulesengine.statements.compile import Stage

__all__ = ["Decisions", "decisions_for"]


def _is(path: str, value: object) -> Compare:
    return Compare("==", Field(path), Const(value))  # type: ignore[arg-type]


@attrs.frozen
class Decisions:
    payments: Stage
    eligibility: Stage
    advance: Stage
    statement: Stage
    payment_rule_names: dict[str, str]  # stage rule name -> payment rule name
    exclude_rule_names: dict[str, str]  # stage rule name -> exclude rule name


def decisions_for(rules: Rules) -> Decisions:
    """Build the stages of one rules file (cheap: nothing is registered until used)."""
    profile = rules.profile.id
    payment_rules: list[tuple[str, Expr]] = []
    payment_names: dict[str, str] = {}
    for i, payment_rule in enumerate(rules.payment_rules):
        key = f"payment:{i}"
        payment_rules.append((key, payment_rule.when))
        payment_names[key] = payment_rule.name

    eligibility: list[tuple[str, Expr]] = [
        ("encounter_hold", _is("x.encounter_hold", True)),
        ("guarantor_hold", _is("x.guarantor_hold", True)),
    ]
    exclude_names: dict[str, str] = {}
    for i, rule in enumerate(rules.eligibility.exclude):
        key = f"exclude:{i}"
        eligibility.append((key, rule.when))
        exclude_names[key] = rule.name
    eligibility.append(
        (
            "billed_recently",
            Compare(
                "<",
                Field("encounter.days_since_last_statement"),
                Const(rules.eligibility.cycle_days),
            ),
        )
    )

    n = rules.level_count
    advance: list[tuple[str, Expr]] = [("maxed_worklist", _is("x.status", "pre_collections"))]
    if not rules.dunning.no_limit:
        advance.append(("maxed_limit", Compare(">=", Field("x.level"), Const(n))))
    for level in rules.dunning.levels:
        if level.after_days is not None and level.number >= 2:
            advance.append(
                (
                    f"gate:{level.number}",
                    And(
                        [
                            Not(_is("x.hold_payment", True)),
                            _is("x.level", level.number - 1),
                            Not(
                                Compare(
                                    ">=",
                                    Field("encounter.days_since_first_statement"),
                                    Const(level.after_days),
                                )
                            ),
                        ]
                    ),
                )
            )
    advance.append(("hold", _is("x.hold_payment", True)))

    statement: list[tuple[str, Expr]] = [(f"level:{k}", _is("x.level", k)) for k in range(1, n)]
    statement.append((f"level:{n}", Compare(">=", Field("x.level"), Const(n))))

    return Decisions(
        payments=Stage(f"{profile}.payments", payment_rules),
        eligibility=Stage(f"{profile}.eligibility", eligibility),
        advance=Stage(f"{profile}.advance", advance),
        statement=Stage(f"{profile}.statement", statement),
        payment_rule_names=payment_names,
        exclude_rule_names=exclude_names,
    )
