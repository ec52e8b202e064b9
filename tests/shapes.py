"""Values of the wrong shape put anywhere in a valid YAML document: the places and the
mutation shared by the rules-file and scenario-file property tests."""

from __future__ import annotations

import copy
from typing import Any

import yaml


def places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value in ``data`` (the root included)."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(places(value, (*path, key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found.extend(places(value, (*path, i)))
    return found


def mutated(base: Any, mutations: list[tuple[tuple[Any, ...], Any]]) -> str:
    """``base`` as YAML text with each ``(path, value)`` put in place, in order."""
    data = copy.deepcopy(base)
    for path, value in mutations:
        if not path:
            data = value
            continue
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation replaced this place
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
