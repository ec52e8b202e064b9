"""The durable-rules adapter: the only module of rulesengine that imports ``durable``.

It talks to the C core (``durable_rules_engine``) directly, without ``durable.engine.Host``,
because the Host starts two timer threads that never stop and wraps every call in a Python
callback per action. What it does instead, and why (see ``shared/notes/durable-rules.md``):

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

Everything above each rule (what a condition means, which facts to post) is decided by
:mod:`rulesengine.engine.compile`; this module only runs the engine.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import durable_rules_engine as _core

__all__ = ["DurableCapacityError", "DurableError", "FirstMatchRuleset", "KIND_FIELD"]

#: Every message posted carries this field; every rule tests it first.
KIND_FIELD = "rulesengine_kind"
_CATCH_ALL = "__no_rule_matched__"
_CAP = 1000
_CHUNK = 5000
_serial = itertools.count(1)
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class DurableError(RuntimeError):
    """durable-rules refused a ruleset or a message (a bug in rulesengine, not user input)."""


class DurableCapacityError(DurableError):
    """A message matched more rule alternatives at once than durable-rules can hold
    (its error 303). The caller can decide the rules in smaller groups."""


#: durable-rules' code for "too many results for one message" (measured: it depends on how
#: many alternatives of the rules' shared conditions one message satisfies at once).
_TOO_MANY_RESULTS = 303


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
        kind_test = {KIND_FIELD: kind}
        definition: dict[str, Any] = {}
        for priority, (rule_name, condition) in enumerate(rules):
            definition[rule_name] = {
                "all": [{"m": {"$and": [kind_test, dict(condition)]}}],
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
                f"ruleset {self.name!r}: {posted} facts posted but {len(decided)} decided;"
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
