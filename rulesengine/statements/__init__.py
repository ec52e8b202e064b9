"""Statement runs: what a run decides (``evaluate``, by step, with durable-rules making
every decision the rules file expresses through ``durable_adapter``, the only module that
imports durable-rules), the run against the store (``statement_run``), and the commands'
views of runs (``explain``, ``diff``, ``deletion``)."""

# Its modules are imported by name; the package re-exports nothing.
__all__: list[str] = []
