"""Drafting notifications: a statement's message, channels, addresses, suppression and
rendered content, as a live batch uploads them and as the queue re-renders on-demand
notifications and proofs (``notification_drafts``)."""
