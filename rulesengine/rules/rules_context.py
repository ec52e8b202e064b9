"""What checking a rules file keeps besides the generic :class:`Context`: the templates to
render against sample statements at the end, and how large the conditions are so far."""

from __future__ import annotations

import attrs

from rulesengine.rules.schema_toolkit import Context
from rulesengine.rules.yamlmarks import ScalarNode

__all__ = ["RulesContext", "TemplateAt", "rules_context"]


@attrs.frozen
class TemplateAt:
    """A template of a message's content; ``one_line``: what its text must fit on one line
    as (such as "an email subject"), else empty."""

    path: str
    scalar: ScalarNode
    one_line: str = ""


@attrs.define
class RulesContext(Context):
    """The :class:`Context` of a rules file's check."""

    #: every template that passed its checks, to render against samples at the end
    templates: list[TemplateAt] = attrs.field(factory=list)
    #: the alternatives of every condition checked so far (bounded by MAX_FILE_ALTERNATIVES)
    alternatives: int = 0
    #: the comparisons of those alternatives (bounded by MAX_FILE_COMPARISONS)
    comparisons: int = 0
    #: whether either bound was crossed (reported once, at the condition that crossed it)
    too_many_alternatives: bool = False


def rules_context(ctx: Context) -> RulesContext:
    """``ctx`` as the :class:`RulesContext` a rules-file check runs with (the schema's
    :class:`~rulesengine.rules.schema_toolkit.Custom` checks receive a plain
    :class:`Context` type)."""
    if not isinstance(ctx, RulesContext):
        raise TypeError(f"a rules-file check needs a RulesContext, got {type(ctx).__name__}")
    return ctx
