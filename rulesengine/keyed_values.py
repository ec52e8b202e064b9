"""Read-only mappings from encounter ids that share one list of keys.

A run's :class:`~rulesengine.model.BatchResult` maps every encounter it looked at to its
trace and to its guarantor: two mappings of a million keys each in a large run. As dicts
they cost about 40 MB each at the run's memory peak, for lookups that only ``explain``,
``diff`` and scenario reports make, a few at a time. Here the keys are one list, shared,
and each mapping is a list of values in the keys' order; an index of the keys is built at
the first lookup by key, once for all the mappings that share them. Iterating (what storing
a batch does) needs no index.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, Mapping, Sequence, ValuesView
from typing import Any, TypeVar

__all__ = ["KeyedValues", "SharedKeys", "aligned", "share_keys"]

_V = TypeVar("_V")


class SharedKeys:
    """Keys in order (each once), and their index, built when first needed."""

    __slots__ = ("_index", "keys")

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = keys
        self._index: dict[str, int] | None = None

    def index(self) -> dict[str, int]:
        """Key -> its position."""
        if self._index is None:
            self._index = {key: i for i, key in enumerate(self.keys)}
            if len(self._index) != len(self.keys):
                raise ValueError("keys repeat: each key must appear once")
        return self._index


class KeyedValues(Mapping[str, _V]):
    """``keys.keys[i] -> values[i]``, read-only; equal to any mapping of the same items."""

    __slots__ = ("_keys", "_values")

    def __init__(self, keys: SharedKeys, values: Sequence[_V]) -> None:
        if len(values) != len(keys.keys):
            raise ValueError(f"{len(values)} values for {len(keys.keys)} keys")
        self._keys = keys
        self._values = values

    @property
    def shared_keys(self) -> SharedKeys:
        return self._keys

    def __getitem__(self, key: str) -> _V:
        return self._values[self._keys.index()[key]]

    def __contains__(self, key: object) -> bool:
        return key in self._keys.index()

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys.keys)

    def __len__(self) -> int:
        return len(self._values)

    def items(self) -> ItemsView[str, _V]:
        return _Items(self)

    def values(self) -> ValuesView[_V]:
        return _Values(self)

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{k!r}: {v!r}" for k, v in zip(self._keys.keys[:3], self._values[:3], strict=True)
        )
        more = ", ..." if len(self) > 3 else ""
        return f"KeyedValues({{{shown}{more}}}, {len(self)} items)"


class _Items(ItemsView[str, _V]):
    _mapping: KeyedValues[_V]

    def __iter__(self) -> Iterator[tuple[str, _V]]:
        return zip(self._mapping.shared_keys.keys, self._mapping._values, strict=True)


class _Values(ValuesView[_V]):
    _mapping: KeyedValues[_V]

    def __iter__(self) -> Iterator[_V]:
        return iter(self._mapping._values)


def share_keys(first: Mapping[str, Any], second: Mapping[str, Any]) -> bool:
    """Whether ``first`` and ``second`` are :class:`KeyedValues` over the same keys."""
    return (
        isinstance(first, KeyedValues)
        and isinstance(second, KeyedValues)
        and first.shared_keys is second.shared_keys
    )


def aligned(first: Mapping[str, Any], second: Mapping[str, Any]) -> Iterator[tuple[str, Any, Any]]:
    """``(key, first[key], second.get(key))`` for each key of ``first``, in its order.

    Two :class:`KeyedValues` over the same keys are walked side by side, without an index.
    """
    if share_keys(first, second):
        assert isinstance(first, KeyedValues) and isinstance(second, KeyedValues)
        return zip(first.shared_keys.keys, first._values, second._values, strict=True)
    get = second.get
    return ((key, value, get(key)) for key, value in first.items())
