"""The ``when:`` condition language: a recursive-descent parser and its type checks.

Grammar (lowest precedence first)::

    condition  := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | primary
    primary    := "(" condition ")"
                | operand OP operand                     OP: < <= > >= == !=
                | field "in" "[" literal ("," literal)* "]"
                | field "not" "in" "[" ... "]"           -> Not(In(...))
                | field                                  a true/false field only
                | "true" | "false"
    operand    := field | literal
    literal    := number | 'text' | "text" | true | false

Nothing is evaluated: the parser only builds the :mod:`rulesengine.rules.policy` AST, and
type-checks it against :data:`FIELDS`. Errors are :class:`ConditionError` with the offset of
the offending character, so the schema can point at the exact column in the rules file.
The tokens come from :mod:`rulesengine.rules.condition_tokens`.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from rulesengine.hints import closest
from rulesengine.rules.condition_tokens import KEYWORDS, ConditionError, Token, tokenize
from rulesengine.rules.policy import And, Compare, Const, Expr, Field, In, Not, Or

__all__ = [
    "FIELDS",
    "MAX_ALTERNATIVES",
    "MAX_FILE_ALTERNATIVES",
    "MAX_FILE_COMPARISONS",
    "alternatives",
    "comparisons",
    "parse_condition",
]

#: The vocabulary of conditions: field path -> ``money``, ``int``, ``number``, ``str`` or ``bool``.
FIELDS: Mapping[str, str] = MappingProxyType(
    {
        "encounter.balance": "money",
        "encounter.level": "int",
        "encounter.statements_sent": "int",
        "encounter.days_since_service": "int",
        "encounter.days_since_first_statement": "int",
        "encounter.days_since_last_statement": "int",
        "encounter.location": "str",
        "encounter.provider": "str",
        "guarantor.balance": "money",
        "guarantor.has_email": "bool",
        "guarantor.has_mobile": "bool",
        "guarantor.paperless": "bool",
        "guarantor.days_since_last_statement": "int",
        "payment.amount": "money",
        "payment.percent": "number",
        "payment.days_ago": "int",
        "payment.largest": "money",
    }
)

_ORDERING = frozenset({"<", "<=", ">", ">="})
_MAX_DEPTH = 50
#: A condition is run as its alternatives (the "or" of "and"s it expands to); the rule
#: engine refuses or stalls on conditions with many more (measured: 65 that match one fact).
MAX_ALTERNATIVES = 64
#: Each alternative becomes a rule of its own in the rule engine, so a rules file's memory
#: grows with the alternatives of all its conditions together (measured: 176,000 of them,
#: in a file under the 1 MB cap, took 2.3 GB on 300 guarantors). A rules file has at most
#: this many (see docs/rules.md).
MAX_FILE_ALTERNATIVES = 5_000
#: ... and the comparisons of all those alternatives together (an alternative repeats every
#: comparison "and"-ed with it, and each is a test the rule engine holds).
MAX_FILE_COMPARISONS = 50_000
_FAMILY = {"money": "number", "int": "number", "number": "number", "str": "str", "bool": "bool"}
_DESCRIBE = {
    "money": "an amount",
    "int": "a whole number",
    "number": "a number",
    "str": "text",
    "bool": "true or false",
}


@attrs.frozen
class _Operand:
    node: Field | Const
    offset: int
    type: str  # money, int, number, str, bool (a constant: number, str, bool)
    text: str


class _Parser:
    def __init__(self, text: str, allow_payment: bool) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.pos = 0
        self.allow_payment = allow_payment
        self.depth = 0

    # -- token helpers
    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[min(self.pos + ahead, len(self.tokens) - 1)]

    def next(self) -> Token:
        token = self.peek()
        self.pos += 1
        return token

    def at_word(self, word: str, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token.kind == "word" and token.text == word

    # -- grammar
    def parse(self) -> Expr:
        if self.peek().kind == "end":
            raise ConditionError(
                "the condition is empty: write a comparison such as encounter.balance < 5.00", 0
            )
        expr = self.condition()
        token = self.peek()
        if token.kind != "end":
            if token.kind == "op":
                raise ConditionError(
                    f"chained comparison: write two comparisons joined by 'and' instead "
                    f"of another '{token.text}'",
                    token.offset,
                )
            raise ConditionError(
                f"expected 'and', 'or' or the end of the condition, found {_show(token)}",
                token.offset,
            )
        return expr

    def condition(self) -> Expr:
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise ConditionError("the condition is nested too deeply", self.peek().offset)
        operands = [self.and_expr()]
        while self.at_word("or"):
            self.next()
            operands.append(self.and_expr())
        self.depth -= 1
        return operands[0] if len(operands) == 1 else Or(operands)

    def and_expr(self) -> Expr:
        operands = [self.not_expr()]
        while self.at_word("and"):
            self.next()
            operands.append(self.not_expr())
        return operands[0] if len(operands) == 1 else And(operands)

    def not_expr(self) -> Expr:
        if self.at_word("not"):
            self.next()
            self.depth += 1
            if self.depth > _MAX_DEPTH:
                raise ConditionError("the condition is nested too deeply", self.peek().offset)
            operand = self.not_expr()
            self.depth -= 1
            return Not(operand)
        return self.primary()

    def primary(self) -> Expr:
        token = self.peek()
        if token.kind == "(":
            self.next()
            expr = self.condition()
            closing = self.peek()
            if closing.kind != ")":
                raise ConditionError(
                    f"expected ')' to close the '(', found {_show(closing)}", closing.offset
                )
            self.next()
            return expr
        left = self.operand()
        token = self.peek()
        if token.kind == "op":
            self.next()
            right = self.operand()
            return self.compare(token, left, right)
        if self.at_word("in"):
            return self.membership(left, negate=False)
        if self.at_word("not") and self.at_word("in", 1):
            self.next()
            return self.membership(left, negate=True)
        return self.bare(left)

    def operand(self) -> _Operand:
        token = self.next()
        if token.kind == "num":
            return _Operand(Const(token.value), token.offset, "number", token.text)  # type: ignore[arg-type]
        if token.kind == "str":
            return _Operand(Const(token.value), token.offset, "str", token.text)  # type: ignore[arg-type]
        if token.kind == "word":
            if token.text in ("true", "false"):
                return _Operand(Const(token.text == "true"), token.offset, "bool", token.text)
            if token.text in KEYWORDS:
                raise ConditionError(
                    f"expected a field, a number or a quoted text before '{token.text}'",
                    token.offset,
                )
            after = self.peek()
            if after.kind == "(":
                raise ConditionError(
                    f"calls such as '{token.text}(...)' are not allowed in a condition",
                    token.offset,
                )
            if after.kind == "[":
                raise ConditionError(
                    f"subscripts such as '{token.text}[...]' are not allowed in a condition",
                    after.offset,
                )
            return _Operand(Field(token.text), token.offset, self.field_type(token), token.text)
        raise ConditionError(
            f"expected a field, a number or a quoted text, found {_show(token)}", token.offset
        )

    def field_type(self, token: Token) -> str:
        name = token.text
        kind = FIELDS.get(name)
        if kind is not None:
            if name.startswith("payment.") and not self.allow_payment:
                raise ConditionError(
                    f"'{name}' is only available in payment rules (payments.rules), not here",
                    token.offset,
                )
            return kind
        known = [f for f in FIELDS if self.allow_payment or not f.startswith("payment.")]
        close = closest(name, known)
        hint = f"; did you mean '{close}'?" if close else (" (fields: " + ", ".join(known) + ")")
        raise ConditionError(f"unknown field '{name}'{hint}", token.offset)

    # -- building and type-checking
    def compare(self, op: Token, left: _Operand, right: _Operand) -> Compare:
        fields = [o for o in (left, right) if isinstance(o.node, Field)]
        if not fields:
            raise ConditionError(
                f"'{left.text} {op.text} {right.text}' compares two values: one side must be "
                "a field such as encounter.balance",
                left.offset,
            )
        field = fields[0]
        other = right if field is left else left
        family = _FAMILY[field.type]
        if _FAMILY.get(other.type, other.type) != family:
            raise ConditionError(_type_mismatch(field, other), other.offset)
        if (
            isinstance(other.node, Field)
            and {field.type, other.type} & {"money"}
            and (field.type != other.type)
        ):
            raise ConditionError(
                f"cannot compare {field.text} ({_DESCRIBE[field.type]}) with {other.text} "
                f"({_DESCRIBE[other.type]})",
                other.offset,
            )
        if op.text in _ORDERING and family != "number":
            raise ConditionError(
                f"'{op.text}' cannot be used with {field.text} ({_DESCRIBE[field.type]}): "
                "use == or !=" + (" or in [...]" if family == "str" else ""),
                op.offset,
            )
        self.check_money(field, other)
        return Compare(op.text, left.node, right.node)

    def membership(self, left: _Operand, negate: bool) -> Expr:
        in_token = self.next()
        if not isinstance(left.node, Field):
            raise ConditionError(f"'in' needs a field on its left, found {left.text}", left.offset)
        if _FAMILY[left.type] == "bool":
            raise ConditionError(
                f"{left.text} is true or false: use == instead of 'in'", in_token.offset
            )
        opening = self.next()
        if opening.kind != "[":
            raise ConditionError(
                f"expected '[' after 'in' (a list such as ['North', 'South']), found "
                f"{_show(opening)}",
                opening.offset,
            )
        values: list[Const] = []
        while True:
            token = self.peek()
            if token.kind not in ("num", "str") and not (
                token.kind == "word" and token.text in ("true", "false")
            ):
                raise ConditionError(
                    f"expected a number or a quoted text in the list, found {_show(token)}",
                    token.offset,
                )
            item = self.operand()
            if _FAMILY[left.type] != item.type:
                raise ConditionError(_type_mismatch(left, item), item.offset)
            self.check_money(left, item)
            values.append(item.node)  # type: ignore[arg-type]
            sep = self.next()
            if sep.kind == "]":
                break
            if sep.kind != ",":
                raise ConditionError(
                    f"expected ',' or ']' in the list, found {_show(sep)}", sep.offset
                )
        expr = In(left.node, values)
        return Not(expr) if negate else expr

    def bare(self, operand: _Operand) -> Expr:
        if isinstance(operand.node, Const):
            if operand.type == "bool":
                return operand.node
            raise ConditionError(
                f"{operand.text} alone is not a condition: compare it with a field",
                operand.offset,
            )
        if operand.type == "bool":
            return Compare("==", operand.node, Const(True))
        token = self.peek()
        if (
            token.kind == "end"
            or (token.kind == "word" and token.text in ("and", "or"))
            or (token.kind == ")")
        ):
            raise ConditionError(
                f"{operand.text} is {_DESCRIBE[operand.type]}, not true or false: compare "
                f"it, for example {operand.text} {_example(operand.type)}",
                operand.offset,
            )
        raise ConditionError(
            f"expected a comparison (< <= > >= == !=) or 'in' after {operand.text}, "
            f"found {_show(token)}",
            token.offset,
        )

    @staticmethod
    def check_money(field: _Operand, other: _Operand) -> None:
        if field.type != "money" or not isinstance(other.node, Const):
            return
        exponent = decimal.Decimal(other.text).as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            raise ConditionError(
                f"{field.text} is an amount: {other.text} has more than two decimal places",
                other.offset,
            )


def _example(kind: str) -> str:
    return {"str": "== 'Main Street'", "bool": "== true"}.get(kind, "> 0")


def _type_mismatch(field: _Operand, other: _Operand) -> str:
    want = _FAMILY[field.type]
    how = {
        "number": "a number such as 25 or 25.50 (without quotes)",
        "str": "a quoted text such as 'Main Street'",
        "bool": "true or false",
    }[want]
    return f"{field.text} is {_DESCRIBE[field.type]}: compare it with {how}, not {other.text}"


def _show(token: Token) -> str:
    return "the end of the condition" if token.kind == "end" else f"'{token.text}'"


def alternatives(expr: Expr, *, negate: bool = False) -> int:
    """How many alternatives ``expr`` has once written as an "or" of "and"s, with every
    ``not`` pushed down to the comparisons as the engine does (a negated comparison is
    "no value, or the opposite comparison")."""
    if isinstance(expr, Not):
        return alternatives(expr.operand, negate=not negate)
    if isinstance(expr, And | Or):
        counts = [alternatives(operand, negate=negate) for operand in expr.operands]
        if isinstance(expr, And) != negate:  # an "and" (or a negated "or"): products
            total = 1
            for count in counts:
                total = min(total * count, MAX_ALTERNATIVES + 1)
            return total
        return min(sum(counts), MAX_ALTERNATIVES + 1)
    if isinstance(expr, In):
        return 2 if negate else len(expr.values)
    if isinstance(expr, Compare):
        if not negate:
            return 1
        return 3 if isinstance(expr.left, Field) and isinstance(expr.right, Field) else 2
    return 1


def comparisons(expr: Expr, *, negate: bool = False) -> int:
    """How many comparisons the alternatives of ``expr`` hold together (an alternative
    repeats every comparison "and"-ed with it), counted as :func:`alternatives` expands
    ``expr``; call it on a condition :func:`parse_condition` accepted."""
    return _expansion(expr, negate)[1]


def _expansion(expr: Expr, negate: bool) -> tuple[int, int]:
    """(alternatives, comparisons in all of them) of ``expr``."""
    if isinstance(expr, Not):
        return _expansion(expr.operand, not negate)
    if isinstance(expr, And | Or):
        parts = [_expansion(operand, negate) for operand in expr.operands]
        if isinstance(expr, And) != negate:
            count, tests = 1, 0
            for part_count, part_tests in parts:
                count, tests = count * part_count, tests * part_count + part_tests * count
            return count, tests
        return sum(c for c, _ in parts), sum(t for _, t in parts)
    count = alternatives(expr, negate=negate)
    return count, count


def parse_condition(text: str, *, allow_payment: bool) -> Expr:
    """Parse and type-check a ``when:`` condition.

    :param allow_payment: whether ``payment.*`` fields may be used (payment rules only).
    :raises ConditionError: with a message for the practice and the 0-based offset in ``text``.
    """
    expr = _Parser(text, allow_payment).parse()
    if alternatives(expr) > MAX_ALTERNATIVES:
        raise ConditionError(
            f"the condition is too complex: it has more than {MAX_ALTERNATIVES} alternatives"
            " (comparisons joined by 'or', values of 'in [...]'); split it into several rules",
            0,
        )
    return expr
