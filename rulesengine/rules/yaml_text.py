"""Writing a node tree back as YAML text: what a live run keeps for rules that were built
from a merged tree or from data, so a worker loading it gets the rules that were evaluated.
"""

from __future__ import annotations

import json

from rulesengine.rules.yamlmarks import NULLS, MapNode, Node, ScalarNode

__all__ = ["to_yaml_text"]


def to_yaml_text(node: Node | None) -> str:
    """A YAML text that composes to the same tree, every scalar keeping its kind: plain
    stays plain (``false`` is still a boolean where the schema reads one) and quoted stays
    quoted. What a live run stores as the text of rules built from a merged tree or from
    data, so a worker loading it back gets the rules that were evaluated.
    """
    lines: list[str] = []
    _emit(node, 0, lines)
    return "\n".join(lines) + "\n"


def _scalar_text(node: ScalarNode) -> str:
    if node.plain:
        if node.value in NULLS:
            return "~"
        if "\n" not in node.value and node.value == node.value.strip():
            return node.value
    return json.dumps(node.value, ensure_ascii=False)  # a YAML double-quoted scalar


def _emit(node: Node | None, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    if node is None or isinstance(node, ScalarNode):
        lines.append(pad + ("~" if node is None else _scalar_text(node)))
    elif isinstance(node, MapNode):
        if not node.items:
            lines.append(pad + "{}")
        for key, value in node.items:
            head = f"{pad}{_scalar_text(key)}:"
            if isinstance(value, ScalarNode) or not value.items:
                lines.append(head + " " + _inline(value))
            else:
                lines.append(head)
                _emit(value, indent + 2, lines)
    else:
        if not node.items:
            lines.append(pad + "[]")
        for item in node.items:
            if isinstance(item, ScalarNode) or not item.items:
                lines.append(f"{pad}- {_inline(item)}")
            else:
                lines.append(pad + "-")
                _emit(item, indent + 2, lines)


def _inline(node: Node) -> str:
    """A scalar, or an empty mapping or sequence, on the line of its key or dash."""
    if isinstance(node, ScalarNode):
        return _scalar_text(node)
    return "{}" if isinstance(node, MapNode) else "[]"
