"""The practice's screens: ``rulesengine serve``, a web dashboard over the store, and its
JSON API (docs/dashboard.md). Everything here calls the same code as the command line."""

__all__: list[str] = []
