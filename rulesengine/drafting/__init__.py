"""Drafting notifications: a statement's message, channels, addresses, suppression and
rendered content, as a live batch uploads them and as the queue re-renders on-demand
notifications and proofs (``notification_drafts``)."""

# Its modules are imported by name; the package re-exports nothing.
__all__: list[str] = []
