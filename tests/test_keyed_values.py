"""The shared-key mappings a run's batch keeps its traces and guarantors in."""

from __future__ import annotations

import pytest

from rulesengine.keyed_values import KeyedValues, SharedKeys, aligned, share_keys


def _pair() -> tuple[KeyedValues[str], KeyedValues[int]]:
    keys = SharedKeys(["E3", "E1", "E2"])
    return KeyedValues(keys, ["G1", "G1", "G2"]), KeyedValues(keys, [30, 10, 20])


def test_it_reads_like_the_dict_of_the_same_items_in_the_keys_order() -> None:
    guarantor_of, _ = _pair()
    assert guarantor_of == {"E3": "G1", "E1": "G1", "E2": "G2"}
    assert list(guarantor_of) == ["E3", "E1", "E2"]
    assert list(guarantor_of.items()) == [("E3", "G1"), ("E1", "G1"), ("E2", "G2")]
    assert list(guarantor_of.values()) == ["G1", "G1", "G2"]
    assert guarantor_of["E2"] == "G2"
    assert guarantor_of.get("E9") is None
    assert "E1" in guarantor_of and "E9" not in guarantor_of
    assert len(guarantor_of) == 3


def test_iterating_builds_no_index_and_the_first_lookup_builds_one_for_all() -> None:
    guarantor_of, amounts = _pair()
    keys = guarantor_of.shared_keys
    assert list(guarantor_of.items()) and list(amounts.values())
    assert keys._index is None
    assert amounts["E1"] == 10
    assert keys._index is not None and guarantor_of["E1"] == "G1"
    assert guarantor_of.shared_keys._index is keys._index


def test_aligned_walks_two_mappings_by_the_first_ones_keys() -> None:
    guarantor_of, amounts = _pair()
    assert share_keys(guarantor_of, amounts)
    assert list(aligned(guarantor_of, amounts)) == [
        ("E3", "G1", 30),
        ("E1", "G1", 10),
        ("E2", "G2", 20),
    ]
    assert guarantor_of.shared_keys._index is None  # side by side, no lookups
    # Any other pair: the second is looked up by key (missing: None).
    plain = {"E1": 1, "E3": 3}
    assert not share_keys(guarantor_of, plain)
    assert list(aligned(guarantor_of, plain)) == [
        ("E3", "G1", 3),
        ("E1", "G1", 1),
        ("E2", "G2", None),
    ]


def test_values_must_match_the_keys_and_keys_must_not_repeat() -> None:
    with pytest.raises(ValueError, match="2 values for 3 keys"):
        KeyedValues(SharedKeys(["a", "b", "c"]), [1, 2])
    repeated = KeyedValues(SharedKeys(["a", "a"]), [1, 2])
    with pytest.raises(ValueError, match="keys repeat"):
        repeated["a"]
