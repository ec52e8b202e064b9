"""A rules-file value of the wrong shape (a single value where a list belongs, a list where a
mapping belongs, a mapping for a number, nothing at all ...) is a file:line:col problem: no
other exception ever escapes the loader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rulesengine.errors import RulesError
from rulesengine.rules import load_rules

from ..shapes import mutated, places
from .conftest import REPO

#: Every key of the shipped rules file.
BASE = yaml.safe_load((REPO / "rules" / "standard.yaml").read_text("utf-8"))


PLACES = places(BASE)
WRONG_SHAPES = st.one_of(
    st.sampled_from(["email", "reminder", "2026-02-01", "", "09:00-17:00", "1", "-1"]),
    st.integers(-5, 99_999_999),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(),
    st.lists(st.sampled_from(["email", "reminder", "x"]), max_size=2),
    st.dictionaries(st.sampled_from(["email", "body", "a", "when"]), st.none(), max_size=2),
    st.just([{"a": "b"}]),
    st.just({"email": ["x"]}),
    st.just({"email": {"body": ["x"]}}),
    st.just([["x"]]),
)


def test_the_base_rules_file_loads(tmp_path: Path) -> None:
    """The rules the property test mutates are valid: every problem comes from a mutation."""
    path = tmp_path / "rules.yaml"
    path.write_text(mutated(BASE, []), encoding="utf-8")
    assert load_rules(path).profile.id == "standard"


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutations=st.lists(st.tuples(st.sampled_from(PLACES), WRONG_SHAPES), min_size=1, max_size=3))
def test_any_value_of_the_wrong_shape_is_a_problem_with_its_place(
    tmp_path: Path, mutations: list[tuple[tuple[Any, ...], Any]]
) -> None:
    """Whatever value is put wherever in a valid rules file, loading it returns rules or
    raises RulesError whose every problem names the file, line and column; nothing else."""
    path = tmp_path / "rules.yaml"
    path.write_text(mutated(BASE, mutations), encoding="utf-8")
    try:
        load_rules(path)
    except RulesError as error:
        assert error.problems
        for problem in error.problems:
            assert isinstance(problem.line, int), problem
            assert isinstance(problem.column, int), problem
