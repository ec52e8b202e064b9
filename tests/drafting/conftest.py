"""Fixtures shared with the statement-run tests: a practice in a temporary folder."""

from tests.statements.conftest import practice  # noqa: F401 (a fixture, used by name)
