"""Fixtures for the print channel's tests."""

# Imported, not listed in pytest_plugins: this conftest is not at the rootdir when the whole
# repository's tests run (pytest only honours pytest_plugins in a top-level conftest).
from rulesengine.testing.pytest_fixtures import channel_kit  # noqa: F401
