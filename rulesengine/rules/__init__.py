"""Rules files: loading YAML with line marks, the schema, conditions and message templates.

``load_rules(path)`` returns a frozen :class:`Rules`; any problem in the file raises
:class:`~rulesengine.errors.RulesError` listing every problem as ``file:line:col: message``.
"""

from __future__ import annotations

from rulesengine.rules.loader import load_rules, load_rules_data, load_rules_text, validate_files
from rulesengine.rules.policy import (
    And,
    ChannelSettings,
    Compare,
    Const,
    Delivery,
    Dunning,
    Eligibility,
    ExcludeRule,
    Expr,
    Field,
    Grouping,
    In,
    Level,
    Mark,
    Message,
    Not,
    Or,
    PaymentRule,
    PreCollections,
    Profile,
    Rules,
)

__all__ = [
    "And",
    "ChannelSettings",
    "Compare",
    "Const",
    "Delivery",
    "Dunning",
    "Eligibility",
    "ExcludeRule",
    "Expr",
    "Field",
    "Grouping",
    "In",
    "Level",
    "Mark",
    "Message",
    "Not",
    "Or",
    "PaymentRule",
    "PreCollections",
    "Profile",
    "Rules",
    "load_rules",
    "load_rules_data",
    "load_rules_text",
    "validate_files",
]
