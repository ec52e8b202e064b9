"""The plugin test kit (``plugin_kit``, ``harness``, ``pytest_fixtures``: public, see
``docs/plugins.md``; ``plugin_kit`` re-exports ``sample_notifications``) and the pytest
plugin that collects scenario files (``pytest_plugin``, kept import-light: pytest loads it
in every session)."""

# Its modules are imported by name; the package re-exports nothing.
__all__: list[str] = []
