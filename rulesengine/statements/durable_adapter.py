"""The durable-rules adapter: the only module of rulesengine that imports ``durable``.

It talks to the C core (``durable_rules_engine``) directly, without ``durable.engine.Host``,
because the Host starts two timer threads that never stop and wraps every call in a Python
callback per action. What it does instead, and why:

- **One fresh ruleset per evaluation.** Each :class:`FirstMatchRuleset` registers its rules
  under a name that is unique in the process (``<name>#<serial>``), so two profiles, or two
  versions of one profile, never collide, and no state leaks from one run into the next.
  The ruleset is deleted with ``delete_ruleset`` when the evaluation ends; ``delete_state``
  (which segfaults on a session where no action fired) is never called, and only the one
  default session is used (far below the 1024-session limit).
- **Explicit ids.** Every posted message carries a unique ``id``; without one durable-rules
  dedupes by content hash and silently drops messages.
- **Events and priorities give "first match wins".** Each rule gets ``pri`` equal to its
  position; an event is consumed by the first rule that fires. A final catch-all rule makes
  sure no message is ever unmatched (an unmatched message makes the whole batch raise).
- **Batched actions.** Rules carry ``cap`` so one action receives up to ``cap`` matched
  messages; messages are posted with ``assert_events`` in chunks. No Python runs inside the
  engine, so nothing can be swallowed or time out in an action.
- **An ``$or`` may fire twice for one message**: the collector keeps the first rule per id.
- **No threads.** A ruleset belongs to the thread that created it; the adapter checks it.
- **Numbers in positional notation.** Python's JSON encoder writes some floats in exponent
  notation (``1e-05``, ``1.2e+19``); durable-rules refuses such a number in a rule (its
  error 204) and misreads it in a message. Every number reaches it as digits
  (``0.00001``), exactly the same value.
- **Capacity is checked before registering.** durable-rules' C core has fixed-size tables
  (see :class:`RuleNetwork`); past some of them it does not fail but spins forever. The
  adapter models the node network a ruleset builds and refuses one that would not fit with
  :class:`DurableCapacityError`, without handing it to the engine; the caller decides the
  rules in smaller groups.

Everything above each rule (what a condition means, which facts to post) is decided by
:mod:`rulesengine.statements.compile`; this module only runs the engine.
"""

from __future__ import annotations

import decimal
import itertools
import json
import re
import threading
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import durable_rules_engine as _core

from rulesengine.plurals import counted

__all__ = ["DurableCapacityError", "DurableError", "FirstMatchRuleset", "KIND_FIELD", "RuleNetwork"]

#: Every message posted carries this field; every rule tests it first.
KIND_FIELD = "rulesengine_kind"
_CATCH_ALL = "__no_rule_matched__"
_CAP = 1000
_CHUNK = 5000
_serial = itertools.count(1)
_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
#: A JSON string, or (group 1) a number in exponent notation outside any string.
_STRING_OR_EXPONENT = re.compile(r'"(?:[^"\\]|\\.)*"|(-?\d+(?:\.\d+)?[eE][-+]?\d+)')
#: What the encoder writes only in a number in exponent notation, or in a string.
_MAYBE_EXPONENT = re.compile(r"\d[eE][-+]?\d")


def _encode(value: Any) -> str:
    """``value`` as JSON, each number in positional notation (durable-rules misreads the
    exponent notation the JSON encoder writes for some floats)."""
    text = _json(value)
    return _STRING_OR_EXPONENT.sub(_positional, text) if _MAYBE_EXPONENT.search(text) else text


def _positional(match: re.Match[str]) -> str:
    """A number in exponent notation as the same value's digits (a float: with a point);
    a string unchanged."""
    number = match.group(1)
    if number is None:
        return match.group(0)
    digits = format(decimal.Decimal(number), "f")
    return digits if "." in digits else f"{digits}.0"


class DurableError(RuntimeError):
    """durable-rules refused a ruleset or a message (a bug in rulesengine, not user input)."""


class DurableCapacityError(DurableError):
    """A ruleset is larger than durable-rules' tables hold (:class:`RuleNetwork`), or a
    message matched more rule alternatives at once than it can hold (its error 303). The
    caller can decide the rules in smaller groups."""


#: durable-rules' code for "too many results for one message" (measured: it depends on how
#: many alternatives of the rules' shared conditions one message satisfies at once).
_TOO_MANY_RESULTS = 303


# durable-rules 2.0.28's fixed sizes (src/rules/rules.h, rete.h, rete.c) and what each bounds.
#: NEXT_BUCKET_LENGTH 512: a node's distinct tests that follow it (a field, an operator and a
#: constant) live in an open-addressed table of 512 slots. Registering and matching probe it
#: until they reach an empty slot and never stop when it is full: with 512 a message spins
#: forever, with 513 registering does (measured). So at most 511.
_MAX_TESTS_AFTER = 511
#: NEXT_LIST_LENGTH 128: a zero-terminated list per node of the "field has no value" tests and
#: the "or" joins that follow it; the 129th is its error 107, the 128th reads past the list.
_MAX_LINKS_AFTER = 127
#: BETA_LIST_LENGTH 256: a zero-terminated list per node of the rules it completes; past it,
#: its error 108 or a read past the list.
_MAX_RULES_AFTER = 255
#: MAX_ACTIONS 4096: rules per ruleset (the catch-all included).
_MAX_RULES = 4096
#: MAX_SEQUENCE_EXPRESSIONS 32: a rule's "and"/"or" groups take two entries each (the group
#: and its end) in a sequence that must stay below 32 (its error 113): 15 groups, counting
#: the "and" that joins the rule's kind test to its condition.
_MAX_RULE_STEPS = 31
_MAX_RULE_GROUPS = _MAX_RULE_STEPS // 2

_OPERATORS = frozenset({"$lt", "$lte", "$gt", "$gte", "$neq", "$ex", "$nex"})
_ROOT = 0


class RuleNetwork:
    """The node network durable-rules' C core builds for a ruleset, counted, so that a
    ruleset can be checked against the engine's fixed sizes before it is registered.

    It follows ``rete.c`` (``createAlpha``, ``findAlpha``, ``linkAlpha``): the tests of a
    rule's ``$and`` form a chain of nodes; a test already following the same node with the
    same field, operator and constant (same JSON type) is shared; a comparison with another
    field is never shared; each ``$or`` adds a join node that every alternative's last node
    links to; a rule is attached to its last node.
    """

    def __init__(self) -> None:
        self._nodes: dict[tuple[int, Hashable], int] = {}
        self._serial = itertools.count(1)
        self._tests: Counter[int] = Counter()
        self._links: Counter[int] = Counter()
        self._rules_after: Counter[int] = Counter()
        self.rules = 0
        #: The first limit exceeded, in words (None: the network fits).
        self.problem: str | None = None

    def add(self, condition: Mapping[str, Any]) -> bool:
        """Add one rule whose message test is ``condition``; False once anything is over."""
        steps = _steps(condition)
        if steps > _MAX_RULE_STEPS and self.problem is None:
            self.problem = (
                f"it compiles to {steps // 2} 'and'/'or' groups and a rule holds at most"
                f" {_MAX_RULE_GROUPS}, counting the 'and' every rule starts with"
            )
        last = self._node(_ROOT, condition)
        self._rules_after[last] += 1
        self.rules += 1
        if self.problem is None:
            if self._rules_after[last] > _MAX_RULES_AFTER:
                self.problem = f"more than {_MAX_RULES_AFTER} rules end in the same test"
            elif self.rules > _MAX_RULES:
                self.problem = f"more than {_MAX_RULES} rules"
        return self.problem is None

    def _node(self, parent: int, test: Mapping[str, Any]) -> int:
        ((key, value),) = test.items()
        if key == "$and":
            node = parent
            for part in value:
                node = self._node(node, part)
            return node
        if key == "$or":
            join = next(self._serial)
            for alternative in value:
                self._link(self._node(parent, alternative))
            return join
        if key in _OPERATORS:
            ((field, operand),) = value.items()
        else:
            key, field, operand = "$eq", key, value
        if isinstance(operand, Mapping):  # a reference to another field: never shared
            identity: Hashable = next(self._serial)
        else:
            identity = (key, field, type(operand).__name__, operand)
        found = self._nodes.get((parent, identity))
        if found is not None:
            return found
        node = self._nodes[parent, identity] = next(self._serial)
        if key == "$nex":
            self._link(parent)
        else:
            self._tests[parent] += 1
            if self._tests[parent] > _MAX_TESTS_AFTER and self.problem is None:
                self.problem = (
                    f"more than {_MAX_TESTS_AFTER} different comparisons follow the same test"
                )
        return node

    def _link(self, node: int) -> None:
        self._links[node] += 1
        if self._links[node] > _MAX_LINKS_AFTER and self.problem is None:
            self.problem = (
                f"more than {_MAX_LINKS_AFTER} 'or' joins and 'no value' tests follow the same test"
            )


def _steps(test: Mapping[str, Any]) -> int:
    """A rule's entries in durable-rules' expression sequence: two per "and"/"or" group."""
    ((key, value),) = test.items()
    if key in ("$and", "$or"):
        return 2 + sum(_steps(part) for part in value)
    return 0


def _with_kind(kind_test: dict[str, str], condition: Mapping[str, Any]) -> dict[str, Any]:
    """A rule's message test: its kind test first, then its condition (an "and" condition
    joins the rule's own "and": one group fewer)."""
    if set(condition) == {"$and"}:
        return {"$and": [kind_test, *condition["$and"]]}
    return {"$and": [kind_test, dict(condition)]}


def _network(kind: str, conditions: Iterable[Mapping[str, Any]]) -> RuleNetwork:
    network = RuleNetwork()
    kind_test = {KIND_FIELD: kind}
    for condition in conditions:
        network.add(_with_kind(kind_test, condition))
    network.add(kind_test)  # the catch-all
    return network


class FirstMatchRuleset:
    """An ordered list of named conditions; :meth:`classify` gives each fact the first match.

    :param name: a readable name (the profile id and stage); a unique suffix is added.
    :param rules: ``(rule_name, condition)`` pairs in priority order. A condition is a
        durable-rules message test (``{"$and": [...]}``, ``{"$lt": {"field": 3}}`` ...).
    :param kind: the value of :data:`KIND_FIELD` that facts of this ruleset carry.
    """

    def __init__(
        self, name: str, rules: Sequence[tuple[str, Mapping[str, Any]]], *, kind: str
    ) -> None:
        names = [rule_name for rule_name, _ in rules]
        if len(set(names)) != len(names) or _CATCH_ALL in names:
            raise DurableError(f"rule names must be unique in ruleset {name!r}: {names}")
        self.name = f"{name}#{next(_serial)}"
        self.kind = kind
        self.rule_names = tuple(names)
        network = _network(kind, (condition for _, condition in rules))
        if network.problem is not None:
            raise DurableCapacityError(
                f"ruleset {name!r} does not fit durable-rules: {network.problem}"
            )
        kind_test = {KIND_FIELD: kind}
        definition: dict[str, Any] = {}
        for priority, (rule_name, condition) in enumerate(rules):
            definition[rule_name] = {
                "all": [{"m": _with_kind(kind_test, condition)}],
                "pri": priority,
                "cap": _CAP,
            }
        definition[_CATCH_ALL] = {"all": [{"m": kind_test}], "pri": len(rules), "cap": _CAP}
        self._thread = threading.get_ident()
        try:
            self._handle: int | None = _core.create_ruleset(self.name, _encode(definition))
        except Exception as error:  # durable reports bad rulesets as bare codes
            raise DurableError(f"durable-rules refused ruleset {self.name!r}: {error}") from error

    def classify(self, facts: Iterable[Mapping[str, Any]]) -> dict[str, str | None]:
        """Post ``facts`` (each with a unique string ``id``) and return, per id, the name of
        the first rule that matched it, or ``None`` when no rule did.
        """
        if self._handle is None:
            raise DurableError(f"ruleset {self.name!r} is closed")
        if threading.get_ident() != self._thread:
            raise DurableError("a durable-rules ruleset must be used by the thread that made it")
        handle = self._handle
        kind = self.kind
        decided: dict[str, str | None] = {}
        chunk: list[dict[str, Any]] = []
        posted = 0
        for fact in facts:
            message = dict(fact)
            message[KIND_FIELD] = kind
            chunk.append(message)
            if len(chunk) >= _CHUNK:
                posted += self._post(handle, chunk, decided)
                chunk = []
        if chunk:
            posted += self._post(handle, chunk, decided)
        if len(decided) != posted:
            raise DurableError(
                f"ruleset {self.name!r}: {counted(posted, 'fact')} posted but"
                f" {len(decided)} decided;"
                " facts need unique ids"
            )
        return decided

    @staticmethod
    def _post(handle: int, chunk: list[dict[str, Any]], decided: dict[str, str | None]) -> int:
        try:
            result = _core.assert_events(handle, _encode(chunk))
        except _core.error as error:
            if f"error code: {_TOO_MANY_RESULTS}" in str(error):
                raise DurableCapacityError(str(error)) from error
            raise DurableError(f"durable-rules did not accept a batch: {error}") from error
        code, state_handle = result[0], result[1]
        if code == 2:  # MessageObservedException: an id seen before
            raise DurableError("durable-rules saw an id twice; facts need unique ids")
        if code != 0:
            raise DurableError(f"durable-rules did not accept a batch (code {code})")
        action = _core.start_action_for_state(handle, state_handle)
        payload = action[1] if action else None
        while payload:
            for rule_name, matches in json.loads(payload).items():
                verdict = None if rule_name == _CATCH_ALL else rule_name
                for match in matches:
                    # an $or may fire twice for one message: the first verdict stands
                    decided.setdefault(match["m"]["id"], verdict)
            payload = _core.complete_and_start_action(handle, state_handle)
        return len(chunk)

    def close(self) -> None:
        """Delete the ruleset from the engine (never ``delete_state``: see the module doc)."""
        if self._handle is not None:
            _core.delete_ruleset(self._handle)
            self._handle = None

    def __enter__(self) -> FirstMatchRuleset:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
