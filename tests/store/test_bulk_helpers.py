"""The store's shortcuts for large batches give the same values as the plain way."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from rulesengine.store.rows import dumps, dumps_mapping
from rulesengine.store.run_transaction import Canonical
from rulesengine.store.sqlutil import REMEMBERED, remembered


def test_a_remembered_conversion_returns_the_processors_result_for_every_value():
    calls: list[object] = []

    def processor(value: object) -> str:
        calls.append(value)
        return f"<{value}>"

    convert = remembered(processor)
    assert [convert(d) for d in ["a", "b", "a", "a"]] == ["<a>", "<b>", "<a>", "<a>"]
    assert calls == ["a", "b"]  # each distinct value converted once
    assert convert(["unhashable"]) == "<['unhashable']>"


def test_a_remembered_conversion_stays_bounded():
    convert = remembered(str)
    for n in range(REMEMBERED * 2 + 5):
        assert convert(n) == str(n)


def test_canonical_values_are_shared_and_parsed_once():
    day = Canonical(dt.date.fromisoformat)
    first, second = day["2026-02-01"], day["2026-02-01"]
    assert first == dt.date(2026, 2, 1) and first is second
    assert day[None] is None
    same = Canonical()
    a, b = "".join(["op", "en"]), "".join(["o", "pen"])
    assert a is not b and same[a] is same[b]


@pytest.mark.parametrize(
    "value",
    [
        {},
        {"subject": "Your statement", "body": 'Hello "Pat",\n\ttab \\ é ✓ \u2028 \x00'},
        {"body": "text", "copies": 2},
        {"lines": ["a", "b"], "nested": {"x": None}},
        {"é": "key not ASCII"},
    ],
)
def test_a_mapping_is_encoded_as_dumps_encodes_it(value: dict[str, object]) -> None:
    assert dumps_mapping(value) == dumps(value)
    assert json.loads(dumps_mapping(value)) == value
