"""Compile a rules file's decisions into durable-rules rulesets, and evaluate them in classes.

A statement run asks durable-rules four questions (one :class:`Stage` each): which payment
rule applies to an encounter, whether it is eligible (or its skip reason), how it advances,
and which level entry a statement uses. Each stage is an ordered list of named conditions;
the first that matches decides (see :mod:`rulesengine.statements.durable_adapter`).

**Classes of facts.** Every condition compares a field with constants (or two fields). So a
decision depends only on where each field's value lies relative to the constants it is
compared with: between two constants, equal to one, below or above all. :class:`Stage`
maps each value to a representative of its interval, posts one fact per distinct
combination, and hands the verdict back to every fact of that class. durable-rules still
makes every decision; it just never makes the same decision twice. A field compared with
another field is posted as it is (no interval is safe for it).
"""

from __future__ import annotations

import bisect
import decimal
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from itertools import count, repeat
from operator import add
from typing import Any, TypeVar

from rulesengine.rules.expressions import FIELDS
from rulesengine.rules.policy import And, Compare, Const, Expr, Field, In, Not, Or
from rulesengine.statements.durable_adapter import DurableCapacityError, FirstMatchRuleset

__all__ = ["MONEY_FIELDS", "FieldReader", "Stage", "compile_condition", "fact_key"]

#: Fields that hold money; facts carry them as whole cents, so constants are scaled by 100.
MONEY_FIELDS = frozenset(path for path, kind in FIELDS.items() if kind == "money")
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
_NEGATE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}
_DURABLE_OP = {"<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte", "!=": "$neq"}
_NEVER = {"$ex": {"rulesengine_never": 1}}  # no fact has this field: never true
_ALWAYS = {"$nex": {"rulesengine_never": 1}}  # always true (beside the rule's kind test)
_OTHER_STRING = "\u241fother"  # stands for every string that no condition names


def fact_key(path: str) -> str:
    """The message field of a vocabulary path: ``encounter.balance`` -> ``encounter_balance``."""
    return path.replace(".", "_")


def _scaled(path: str, value: Any) -> Any:
    if path in MONEY_FIELDS and isinstance(value, int | float | decimal.Decimal):
        cents = decimal.Decimal(str(value)) * 100
        return int(cents) if cents == cents.to_integral_value() else float(cents)
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def _leaf(op: str, path: str, value: Any) -> dict[str, Any]:
    key = fact_key(path)
    if isinstance(value, Field):
        # durable-rules holds a comparison with a *missing referenced* field true (measured):
        # the reference must exist for the comparison to mean anything.
        other = fact_key(value.path)
        test = {key: {"$m": other}} if op == "==" else {_DURABLE_OP[op]: {key: {"$m": other}}}
        return {"$and": [{"$ex": {other: 1}}, test]}
    operand = _scaled(path, value)
    if op == "==":
        return {key: operand}
    return {_DURABLE_OP[op]: {key: operand}}


def _missing(path: str) -> dict[str, Any]:
    return {"$nex": {fact_key(path): 1}}


def compile_condition(expr: Expr, *, negate: bool = False) -> dict[str, Any]:
    """Translate a condition into a durable-rules message test.

    A comparison using a field with no value is false, and ``not`` of it is true
    (``docs/rules.md``, "Conditions"). durable-rules already makes every comparison on a
    missing field false, ``$neq`` included, so a negation is pushed down to the comparisons
    and becomes "missing, or the opposite comparison".
    """
    if isinstance(expr, Const):
        truth = bool(expr.value) != negate
        return dict(_ALWAYS) if truth else dict(_NEVER)
    if isinstance(expr, Not):
        return compile_condition(expr.operand, negate=not negate)
    if isinstance(expr, And | Or):
        is_and = isinstance(expr, And) != negate  # De Morgan
        parts = [compile_condition(operand, negate=negate) for operand in expr.operands]
        return {"$and" if is_and else "$or": parts}
    if isinstance(expr, In):
        path = expr.field.path
        if not negate:
            return {"$or": [_leaf("==", path, c.value) for c in expr.values]}
        return {
            "$or": [_missing(path), {"$and": [_leaf("!=", path, c.value) for c in expr.values]}]
        }
    if isinstance(expr, Compare):
        left, op, right = expr.left, expr.op, expr.right
        if isinstance(left, Const):
            left, op, right = right, _FLIP[op], left
        assert isinstance(left, Field)
        value = right if isinstance(right, Field) else right.value
        if not negate:
            return _leaf(op, left.path, value)
        missing = [_missing(left.path)]
        if isinstance(right, Field):
            missing.append(_missing(right.path))
        return {"$or": [*missing, _leaf(_NEGATE[op], left.path, value)]}
    raise TypeError(f"not a condition: {expr!r}")


def _alternatives(test: Mapping[str, Any]) -> list[list[dict[str, Any]]]:
    """A compiled condition as its alternatives: an "or" of flat "and"s of single tests.

    durable-rules holds only 15 nested "and"/"or" groups in one rule and only so many tests
    in one ruleset (:class:`~rulesengine.statements.durable_adapter.RuleNetwork`); one flat "and"
    per alternative never nests, and rules made of alternatives can be decided in groups
    down to a single alternative. The rules loader bounds the alternatives of a condition
    (``MAX_ALTERNATIVES``), so the expansion stays small.
    """
    ((key, value),) = test.items()
    if key == "$or":
        return [alternative for part in value for alternative in _alternatives(part)]
    if key == "$and":
        out: list[list[dict[str, Any]]] = [[]]
        for part in value:
            out = [tests + more for tests in out for more in _alternatives(part)]
        return out
    return [[dict(test)]]


def _fields(expr: Expr, out: dict[str, set[Any]], related: set[str]) -> None:
    """Collect, per field path, the constants it is compared with (and field-field pairs)."""
    if isinstance(expr, Not):
        _fields(expr.operand, out, related)
    elif isinstance(expr, And | Or):
        for operand in expr.operands:
            _fields(operand, out, related)
    elif isinstance(expr, In):
        out.setdefault(expr.field.path, set()).update(c.value for c in expr.values)
    elif isinstance(expr, Compare):
        sides = (expr.left, expr.right)
        fields = [s.path for s in sides if isinstance(s, Field)]
        consts = [s.value for s in sides if isinstance(s, Const)]
        for path in fields:
            out.setdefault(path, set()).update(consts)
        if len(fields) == 2:
            related.update(fields)


class _Representative:
    """Maps a field's values to one representative per interval between its constants."""

    def __init__(self, path: str, constants: Iterable[Any]) -> None:
        self.path = path
        numbers = sorted(
            _scaled(path, c)
            for c in constants
            if isinstance(c, int | float) and not isinstance(c, bool)
        )
        self.numbers = numbers
        self.strings = frozenset(c for c in constants if isinstance(c, str))
        # The representative of each interval class k = bisect_left + bisect_right of a
        # number (see classify): below the first constant, equal to it, between it and
        # the next, equal to that, ..., above the last.
        unique = sorted(set(numbers))
        reps: list[Any] = [unique[0] - 1] if unique else [0]
        for below, above in zip(unique, unique[1:], strict=False):
            reps += [below, (below + above) / 2]
        if unique:
            reps += [unique[-1], unique[-1] + 1]
        self._unique = unique
        self._by_class = reps

    def __call__(self, value: Any) -> Any:
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str):
            return value if value in self.strings else _OTHER_STRING
        numbers = self.numbers
        if not numbers:
            return 0
        i = bisect.bisect_left(numbers, value)
        if i < len(numbers) and numbers[i] == value:
            return numbers[i]
        if i == 0:
            return numbers[0] - 1
        if i == len(numbers):
            return numbers[-1] + 1
        return (numbers[i - 1] + numbers[i]) / 2

    def classify(self, numbers: Sequence[int | float]) -> list[Any]:
        """``[self(n) for n in numbers]`` for numbers (not bools), found by the bisect
        module's C loops instead of a Python call per number."""
        unique = self._unique
        left = map(bisect.bisect_left, repeat(unique), numbers)
        right = map(bisect.bisect_right, repeat(unique), numbers)
        return list(map(self._by_class.__getitem__, map(add, left, right)))


_T = TypeVar("_T")
#: How a stage reads one field of an item: ``(raw, value)``, see :meth:`Stage.decide_items`.
FieldReader = tuple[Callable[[_T], Hashable], Callable[[Any], Any] | None]


#: Fields whose values are mostly distinct in a large run (amounts, percentages): a table
#: of representatives per distinct value would cost a Python call per item.
_CONTINUOUS = MONEY_FIELDS | {"payment.percent"}
_NUMBERS = frozenset({int, float})


def _getter(path: str) -> Callable[[Mapping[str, Any]], Any]:
    return lambda fact: fact.get(path)


class _Table(dict[Any, Any]):
    """Raw value -> its interval representative, computed on first use."""

    def __init__(self, rep: Callable[[Any], Any], value: Callable[[Any], Any] | None) -> None:
        super().__init__()
        self.rep = rep
        self.value = value

    def __missing__(self, raw: Any) -> Any:
        found = self[raw] = self.rep(raw if self.value is None else self.value(raw))
        return found


class Stage:
    """One decision of a statement run: ordered named conditions, first match wins.

    :param name: a readable ruleset name (profile id and stage).
    :param rules: ``(rule_name, condition)`` in priority order; a condition is an
        :data:`~rulesengine.rules.policy.Expr` or an already compiled durable test.
    :param fields: the fact fields (vocabulary paths) the conditions may read. Facts passed
        to :meth:`decide` are mappings from these paths to values (money in cents; ``None``
        or absent for "no value").
    """

    def __init__(
        self,
        name: str,
        rules: Sequence[tuple[str, Expr]],
        *,
        extra_constants: Mapping[str, Iterable[Any]] | None = None,
    ) -> None:
        self.name = name
        self.rules = tuple(rules)
        constants: dict[str, set[Any]] = {}
        related: set[str] = set()
        for _, expr in self.rules:
            _fields(expr, constants, related)
        for path, values in (extra_constants or {}).items():
            constants.setdefault(path, set()).update(values)
        # Each rule becomes one durable-rules rule per alternative (a flat "and" of tests),
        # named "<rule>#<k>", in the rules' order: see _alternatives.
        self._compiled: list[tuple[str, dict[str, Any]]] = []
        self._rule_of: dict[str | None, str | None] = {None: None}
        for rule_name, expr in self.rules:
            for k, tests in enumerate(_alternatives(compile_condition(expr))):
                name = f"{rule_name}#{k}"
                if len(tests) != 1:
                    tests = [{"$and": tests}] if tests else [dict(_ALWAYS)]
                self._compiled.append((name, tests[0]))
                self._rule_of[name] = rule_name
        self._paths = tuple(sorted(constants))
        self._keys = tuple(fact_key(p) for p in self._paths)
        self._reps: tuple[Callable[[Any], Any], ...] = tuple(
            (lambda v: v) if path in related else _Representative(path, constants[path])
            for path in self._paths
        )

    @property
    def fields(self) -> tuple[str, ...]:
        """The vocabulary paths the conditions read."""
        return self._paths

    def decide(self, facts: Sequence[Mapping[str, Any]]) -> list[str | None]:
        """The first matching rule's name for each fact (``None``: no rule matched)."""
        readers = {path: (_getter(path), None) for path in self._paths}
        return self.decide_items(facts, readers)

    def decide_items(
        self, items: Sequence[_T], readers: Mapping[str, FieldReader[_T]]
    ) -> list[str | None]:
        """:meth:`decide` for items that are not mappings: ``readers`` gives, per field
        the conditions read (:attr:`fields`), ``(raw, value)``: ``raw(item)`` a hashable
        value (an attribute, say) and ``value(raw)`` the field's value from it (``value``
        None: the raw value is the field's value; a field's value None: no value).

        Classification runs column by column: each field's raw values are mapped to their
        interval representative through a table filled once per distinct raw value, and
        the columns are zipped into signatures, so the per-item work is done by the
        interpreter's built-in loops, not by Python code per item and field.
        """
        if not self.rules:
            return [None] * len(items)
        columns: list[Iterable[Any]] = []  # lazy where they can be: zipped once below
        for path, rep in zip(self._paths, self._reps, strict=True):
            raw, value = readers[path]
            raws = map(raw, items)
            if path in _CONTINUOUS and isinstance(rep, _Representative):
                # Mostly distinct values: classified all at once when all are numbers.
                values = list(raws if value is None else map(value, raws))
                if _NUMBERS.issuperset(map(type, values)):
                    columns.append(rep.classify(values))
                else:
                    columns.append(map(_Table(rep, None).__getitem__, values))
                continue
            columns.append(map(_Table(rep, value).__getitem__, raws))
        # Each item's signature numbered by its first appearance: one hash per item, and
        # only the distinct signatures kept.
        signatures = zip(*columns, strict=True) if columns else repeat((), len(items))
        seen: dict[tuple[Any, ...], int] = {}
        numbered = list(map(seen.setdefault, signatures, count()))
        distinct = list(seen)
        messages = []
        for index, signature in enumerate(distinct):
            message: dict[str, Any] = {"id": str(index)}
            for key, field_value in zip(self._keys, signature, strict=True):
                if field_value is not None:
                    message[key] = field_value
            messages.append(message)
        decided = self._first_match(self._compiled, messages)
        rule_of = self._rule_of
        verdict_of = {
            number: rule_of[decided[str(index)]] for index, number in enumerate(seen.values())
        }
        return list(map(verdict_of.__getitem__, numbered))

    def _first_match(
        self, rules: list[tuple[str, dict[str, Any]]], messages: list[dict[str, Any]]
    ) -> dict[str, str | None]:
        """durable-rules' first match for each message. When the rules do not fit in one
        durable-rules ruleset (its fixed tables: see
        :class:`~rulesengine.statements.durable_adapter.RuleNetwork`), or a message matches more
        rule alternatives at once than it can hold, the rules are decided in two halves: the
        earlier half first, then the later half for what it left undecided, which is the
        same first match."""
        try:
            with FirstMatchRuleset(self.name, rules, kind="fact") as ruleset:
                return ruleset.classify(messages)
        except DurableCapacityError:
            if len(rules) == 1:
                raise
        middle = len(rules) // 2
        decided = self._first_match(rules[:middle], messages)
        rest = [m for m in messages if decided[m["id"]] is None]
        if rest:
            decided.update(self._first_match(rules[middle:], rest))
        return decided
