"""Data files shipped with rulesengine (the demo practice's rules)."""

# Its modules are imported by name; the package re-exports nothing.
__all__: list[str] = []
