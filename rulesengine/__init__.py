"""rulesengine: patient statement dunning and balance notifications driven by YAML rules.

The public API. For plugin authors (``docs/plugins.md``; :mod:`rulesengine.channels` has
the rest of what a channel uses): :data:`hookimpl` marks hook implementations,
:class:`Channel` is the channel contract a channel class subclasses, :class:`Notification`
is what its ``send`` receives and :class:`DeliveryResult` what it returns;
:data:`ADDRESS_KINDS` lists the values of ``Channel.address``.

For a program embedding rulesengine (``docs/embedding.md``): :func:`load_rules`,
:func:`open_store`, :func:`read_ledger_dir` (a ledger folder of CSV files) or
:class:`LedgerData` with the ledger's values (:class:`Guarantor`, :class:`PostalAddress`,
:class:`Encounter`, :class:`Payment`, :class:`Adjustment`), :func:`run_statements` (a
:class:`BatchResult`), :class:`Queue`, and the error classes (:class:`RulesengineError`
and its subclasses). ``import rulesengine`` stays light: the names that need durable-rules,
SQLAlchemy, YAML or Jinja2 are imported when first used (PEP 562 ``__getattr__``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from rulesengine.channels import (
    ADDRESS_KINDS,
    Channel,
    DeliveryResult,
    Notification,
    hookimpl,
)
from rulesengine.channels.manager import PluginError
from rulesengine.errors import (
    DeleteRefused,
    InvalidRequest,
    LedgerError,
    LiveRunBeforeLatest,
    NotFound,
    Problem,
    RefusedTransition,
    RenderError,
    RulesengineError,
    RulesError,
    RunRefused,
    StoreError,
)
from rulesengine.model import (
    Adjustment,
    BatchResult,
    Encounter,
    Guarantor,
    Payment,
    PostalAddress,
)
from rulesengine.version import __version__

if TYPE_CHECKING:
    from rulesengine.ledger import read_ledger_dir
    from rulesengine.queue import DeliveryReport, Queue, QueueRow, Transition
    from rulesengine.rules import Rules
    from rulesengine.rules.installed_rules import load_installed_rules as load_rules
    from rulesengine.statements.statement_run import run_statements
    from rulesengine.store import LedgerData, Store, open_store
    from rulesengine.store.base import ImportSummary, SyncSummary

#: The names imported on first use (they need SQLAlchemy, durable-rules, YAML or Jinja2),
#: and the module each comes from (``module:attribute`` where the attribute is named
#: otherwise there).
_LAZY = {
    "DeliveryReport": "rulesengine.queue",
    "ImportSummary": "rulesengine.store.base",
    "LedgerData": "rulesengine.store",
    "Queue": "rulesengine.queue",
    "QueueRow": "rulesengine.queue",
    "Store": "rulesengine.store",
    "SyncSummary": "rulesengine.store.base",
    "Transition": "rulesengine.queue",
    "Rules": "rulesengine.rules",
    "load_rules": "rulesengine.rules.installed_rules:load_installed_rules",
    "open_store": "rulesengine.store",
    "read_ledger_dir": "rulesengine.ledger",
    "run_statements": "rulesengine.statements.statement_run",
}

__all__ = [
    "ADDRESS_KINDS",
    "Adjustment",
    "BatchResult",
    "Channel",
    "DeleteRefused",
    "DeliveryReport",
    "DeliveryResult",
    "Encounter",
    "Guarantor",
    "ImportSummary",
    "InvalidRequest",
    "LedgerData",
    "LedgerError",
    "LiveRunBeforeLatest",
    "NotFound",
    "Notification",
    "Payment",
    "PluginError",
    "PostalAddress",
    "Problem",
    "Queue",
    "QueueRow",
    "RefusedTransition",
    "RenderError",
    "Rules",
    "RulesError",
    "RulesengineError",
    "RunRefused",
    "Store",
    "StoreError",
    "SyncSummary",
    "Transition",
    "__version__",
    "hookimpl",
    "load_rules",
    "open_store",
    "read_ledger_dir",
    "run_statements",
]


def __getattr__(name: str) -> Any:
    """Import a heavy public name on first use (PEP 562), then keep it here."""
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, _, attribute = where.partition(":")
    value = getattr(importlib.import_module(module), attribute or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public API and the module's own dunder names (not its imports)."""
    return sorted(set(__all__) | {name for name in globals() if name.startswith("__")})
