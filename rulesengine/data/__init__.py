"""Data files shipped with rulesengine (the demo practice's rules)."""
