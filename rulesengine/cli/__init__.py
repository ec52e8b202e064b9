"""The ``rulesengine`` command line: the group in :mod:`rulesengine.cli.main` (the console
script's entry point), the commands in modules by topic, and the helpers they share
(store_access, options, rules_access, spinner, error_reports).

Nothing is imported here, so ``python -m rulesengine.cli.main`` runs the group's module once.
"""

# Its modules are imported by name; the package re-exports nothing.
__all__: list[str] = []
