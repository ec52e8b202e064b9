"""YAML with line marks, read literally.

:func:`compose` turns YAML text into a small tree of :class:`ScalarNode`, :class:`MapNode` and
:class:`SeqNode`. Nothing is converted: every scalar keeps the text as written, its style
(plain, quoted, block) and where it stands, so the schema decides what ``NO`` or ``02134``
means from the type it expects, never PyYAML's YAML 1.1 resolver. Duplicate keys, merge
keys and non-standard tags are problems; a syntax error is one problem in plain words with
the line and a caret (:mod:`~rulesengine.rules.syntax_errors`), and so is the first anchor or
alias, or nesting deeper than
:data:`~rulesengine.rules.input_limits.MAX_NESTING`: those stop composing where they stand,
so no alias is ever expanded and the recursive composer never goes deep. Only PyYAML's
composer with a SafeLoader subclass is used: no object is ever constructed from the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, CollectionStartEvent
from yaml.resolver import Resolver

try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml
    CParser = None

from rulesengine.errors import InvalidRequest, Problem
from rulesengine.model import given
from rulesengine.rules.input_limits import MAX_NESTING
from rulesengine.rules.policy import Mark
from rulesengine.rules.syntax_errors import reader_problem, syntax_problem

__all__ = [
    "NULLS",
    "MapNode",
    "Node",
    "ScalarNode",
    "SeqNode",
    "Source",
    "canonical_json",
    "compose",
    "from_data",
    "iter_scalars",
    "merge_overrides",
    "to_data",
    "to_plain",
]

_TAG_PREFIX = "tag:yaml.org,2002:"
_STANDARD_TAGS = frozenset(
    _TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT_RE = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT_RE = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")


@attrs.frozen(eq=False)
class Source:
    """The text a node came from, kept to place errors inside multi-line scalars."""

    file: str
    lines: tuple[str, ...]


@attrs.frozen(eq=False)
class ScalarNode:
    """A scalar as written. ``style`` is ``None`` for a plain scalar, else ``' " | >``."""

    value: str
    style: str | None
    mark: Mark
    end: Mark
    source: Source | None = attrs.field(default=None, repr=False)

    @property
    def plain(self) -> bool:
        return self.style is None

    @property
    def is_null(self) -> bool:
        """A plain empty value, ``~`` or ``null``: "no value"."""
        return self.plain and self.value in NULLS

    def position(self, offset: int) -> Mark:
        """The mark of the character at ``offset`` in :attr:`value` (best effort)."""
        if self.source is None:
            return self.mark
        quoted = 1 if self.style in ("'", '"') else 0
        if self.style not in ("|", ">") and self.mark.line == self.end.line:
            return attrs.evolve(self.mark, column=self.mark.column + quoted + offset)
        return self._position_multiline(offset, quoted)

    def _position_multiline(self, offset: int, quoted: int) -> Mark:
        assert self.source is not None
        lines = self.source.lines
        pieces: list[tuple[int, int, int]] = []  # (offset in value, line, column)
        pos = 0
        if self.style in ("|", ">"):
            first, last = self.mark.line + 1, self.end.line
        else:
            first, last = self.mark.line, self.end.line
        for line_no in range(first, min(last, len(lines)) + 1):
            raw = lines[line_no - 1]
            if line_no == self.mark.line:
                start = self.mark.column - 1 + quoted
            else:
                start = len(raw) - len(raw.lstrip(" \t"))
            piece = raw[start:].rstrip()
            if line_no == self.end.line and self.style not in ("|", ">"):
                piece = raw[start : self.end.column - 1 - quoted]
            if not piece:
                continue
            idx = self.value.find(piece, pos)
            if idx < 0:
                continue
            pieces.append((idx, line_no, start + 1))
            pos = idx + len(piece)
        best = None
        for candidate in pieces:
            if candidate[0] <= offset:
                best = candidate
        if best is None:
            return self.mark
        idx, line_no, column = best
        return Mark(self.mark.file, line_no, column + offset - idx)


@attrs.frozen(eq=False)
class MapNode:
    """A mapping; ``items`` keep file order. Keys are unique (duplicates are problems)."""

    items: tuple[tuple[ScalarNode, Node], ...]
    mark: Mark

    def get(self, key: str) -> Node | None:
        for k, v in self.items:
            if k.value == key:
                return v
        return None

    def key_node(self, key: str) -> ScalarNode | None:
        for k, _ in self.items:
            if k.value == key:
                return k
        return None

    def keys(self) -> list[str]:
        return [k.value for k, _ in self.items]


@attrs.frozen(eq=False)
class SeqNode:
    """A sequence (block ``- item`` lines or flow ``[a, b]``)."""

    items: tuple[Node, ...]
    mark: Mark


Node = ScalarNode | MapNode | SeqNode


class _Refused(Exception):
    """An anchor, an alias or too deep nesting: composing stops where it stands."""

    def __init__(self, mark: yaml.Mark, what: str) -> None:
        super().__init__(what)
        self.mark = mark
        self.what = what


class _Guard:
    """Checks each node's first event before the composer builds the node.

    An anchor (``&name``) or alias (``*name``) is refused at once, so an alias "bomb" is
    never composed, let alone expanded; a list or mapping deeper than :data:`MAX_NESTING`
    is refused before PyYAML's recursive composer descends into it.
    """

    depth: int

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, AliasEvent):
            raise _Refused(event.start_mark, "alias")
        if event.anchor is not None:
            raise _Refused(event.start_mark, "anchor")
        if not isinstance(event, CollectionStartEvent):
            return super().compose_node(parent, index)  # type: ignore[misc]
        if self.depth >= MAX_NESTING:
            raise _Refused(event.start_mark, "nesting")
        self.depth += 1
        try:
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self.depth -= 1


class _Loader(_Guard, yaml.SafeLoader):
    """The pure-Python SafeLoader: used without libyaml, and for syntax error messages."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0


if CParser is not None:

    class _FastLoader(_Guard, Composer, CParser, Resolver):  # type: ignore[misc,valid-type]
        """libyaml's parser with PyYAML's composer and safe resolver: ~9x faster."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)
            self.depth = 0


def _compose_root(text: str) -> yaml.Node | None:
    """Compose with libyaml when available; a syntax error is re-read by the Python
    parser, whose messages are clearer (and the same with or without libyaml)."""
    if CParser is not None:
        fast = _FastLoader(text)
        try:
            return fast.get_single_node()
        except yaml.YAMLError:
            pass
        finally:
            fast.dispose()
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _mark(file: str, mark: yaml.Mark) -> Mark:
    return Mark(file, mark.line + 1, mark.column + 1)


def _problem(mark: Mark, message: str) -> Problem:
    return Problem(mark.file, mark.line, mark.column, message)


def compose(
    text: str, filename: str, *, kind: str = "rules file"
) -> tuple[Node | None, list[Problem]]:
    """Compose ``text`` into a node tree. Returns ``(tree, problems)``.

    The tree is ``None`` for an empty document, a syntax error, an anchor or alias, or
    nesting deeper than :data:`MAX_NESTING` (each one problem, where it stands). With
    problems such as a duplicate key the tree is still returned (the first occurrence
    kept), so the schema can report the rest of the file's problems in the same pass.

    :param kind: what the file is ("rules file", "scenario file"), for the messages.
    """
    try:
        root = _compose_root(text)
    except _Refused as refused:
        return None, [_problem(_mark(filename, refused.mark), _REFUSALS[refused.what](kind))]
    except yaml.MarkedYAMLError as exc:
        return None, [syntax_problem(filename, text, exc)]
    except yaml.reader.ReaderError as exc:
        return None, [reader_problem(filename, text, exc)]
    except yaml.YAMLError as exc:
        return None, [Problem(filename, None, None, f"invalid YAML: {exc}")]
    if root is None:
        return None, []
    problems: list[Problem] = []
    source = Source(filename, tuple(text.splitlines()))
    tree = _convert(root, source, problems, kind)
    return tree, problems


_REFUSALS = {
    "alias": lambda kind: (
        f"aliases (*name) are not allowed in a {kind}; write the value out in full"
    ),
    "anchor": lambda kind: (
        f"anchors (&name) are not allowed in a {kind}; remove the anchor and write the"
        " value out in full wherever it is used"
    ),
    "nesting": lambda kind: (
        f"lists and mappings nest more than {MAX_NESTING} levels deep here, the limit for a"
        f" {kind}: check the brackets and the indentation"
    ),
}


def _convert(node: yaml.Node, source: Source, problems: list[Problem], kind: str) -> Node:
    file = source.file
    mark = _mark(file, node.start_mark)
    if node.tag not in _STANDARD_TAGS and not node.tag.startswith(_TAG_PREFIX + "merge"):
        problems.append(_problem(mark, f"the tag {_show_tag(node.tag)} is not allowed here"))
    if isinstance(node, yaml.ScalarNode):
        return ScalarNode(node.value, node.style or None, mark, _mark(file, node.end_mark), source)
    if isinstance(node, yaml.SequenceNode):
        return SeqNode(tuple(_convert(n, source, problems, kind) for n in node.value), mark)
    seen: dict[str, Mark] = {}
    items: list[tuple[ScalarNode, Node]] = []
    for key, value in node.value:
        key_mark = _mark(file, key.start_mark)
        if key.tag == _TAG_PREFIX + "merge":
            problems.append(
                _problem(
                    key_mark,
                    f"merge keys (<<) are not allowed in a {kind}; write the keys out in full",
                )
            )
            continue
        if not isinstance(key, yaml.ScalarNode):
            problems.append(_problem(key_mark, "a key must be a simple word or text"))
            continue
        key_node = _convert(key, source, problems, kind)
        assert isinstance(key_node, ScalarNode)
        first = seen.get(key_node.value)
        if first is not None:
            problems.append(
                _problem(
                    key_mark,
                    f"duplicate key '{key_node.value}' (first defined at line {first.line}); "
                    "a key may appear only once in a mapping: remove or rename one of them",
                )
            )
            continue
        seen[key_node.value] = key_mark
        items.append((key_node, _convert(value, source, problems, kind)))
    return MapNode(tuple(items), mark)


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG_PREFIX) :] if tag.startswith(_TAG_PREFIX) else tag


# --- plain data ----------------------------------------------------------------------------


def to_data(node: Node | None) -> Any:
    """The tree as plain data with every scalar as written (strings); for hashing."""
    if node is None:
        return None
    if isinstance(node, ScalarNode):
        return node.value
    if isinstance(node, SeqNode):
        return [to_data(n) for n in node.items]
    return {k.value: to_data(v) for k, v in node.items}


def canonical_json(node: Node | None) -> str:
    """A canonical JSON text of :func:`to_data` (sorted keys, no spaces)."""
    return json.dumps(to_data(node), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def to_plain(node: Node | None) -> Any:
    """The tree as plain data, read the YAML 1.2 core way.

    Used for a plugin's free-form settings and content: plain ``true``/``false`` are
    booleans, plain decimal numbers without leading zeros are numbers, an empty value is
    ``None``; everything else (``NO``, ``yes``, ``02134``, quoted values) is a string as written.
    """
    if node is None:
        return None
    if isinstance(node, SeqNode):
        return [to_plain(n) for n in node.items]
    if isinstance(node, MapNode):
        return {k.value: to_plain(v) for k, v in node.items}
    if not node.plain:
        return node.value
    value = node.value
    if value in NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT_RE.fullmatch(value):
        # A digit string past Python's limit for int() (4,300 digits) stays the text it is:
        # the plugin that reads the setting refuses it in its own words.
        return int(value) if len(value) <= 4_000 else value
    if _FLOAT_RE.fullmatch(value) and not re.match(r"[-+]?0[0-9]", value):
        return float(value)
    return value


def iter_scalars(node: Node) -> Iterator[tuple[list[str | int], ScalarNode]]:
    """Every scalar value under ``node`` (not keys) with its relative path."""
    if isinstance(node, ScalarNode):
        yield [], node
    elif isinstance(node, SeqNode):
        for i, item in enumerate(node.items):
            for path, scalar in iter_scalars(item):
                yield [i, *path], scalar
    else:
        for key, value in node.items:
            for path, scalar in iter_scalars(value):
                yield [key.value, *path], scalar


def from_data(data: Mapping[str, Any], filename: str) -> Node:
    """A tree for plain Python data (marks point into its YAML dump; for programmatic use).

    :raises InvalidRequest: the data holds something YAML has no plain form for (a path, a
        set, bytes, a Decimal), or nests deeper than a rules file may.
    """
    kinds = "mappings with text keys, lists, text, numbers, true/false, dates and None"
    try:
        text = yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True)
    except yaml.representer.RepresenterError as exc:
        found = exc.args[1] if len(exc.args) > 1 else None
        raise InvalidRequest(
            f"{filename}: rules given as data may hold only {kinds}; got {given(found)}"
        ) from None
    except RecursionError:
        raise InvalidRequest(f"{filename}: nested deeper than {MAX_NESTING} levels") from None
    tree, problems = compose(text, filename)
    if problems or tree is None:
        raise InvalidRequest("\n".join(str(p) for p in problems) or f"{filename}: no data")
    return tree


# --- overrides ---------------------------------------------------------------------------


def merge_overrides(base: Node, override: Node) -> Node:
    """``override`` merged over ``base``: mappings merge key by key, lists and values replace.

    Overridden keys and values keep the override's marks, so problems in them point into
    the file that set them.
    """
    if not (isinstance(base, MapNode) and isinstance(override, MapNode)):
        return override
    items: list[tuple[ScalarNode, Node]] = []
    over = {k.value: (k, v) for k, v in override.items}
    for key, value in base.items:
        if key.value in over:
            okey, ovalue = over.pop(key.value)
            items.append((okey, merge_overrides(value, ovalue)))
        else:
            items.append((key, value))
    items.extend(over.values())
    return MapNode(tuple(items), base.mark)
