"""Load a rules file: read, compose with marks, merge overrides, validate, build the model.

Every problem found is raised at once as a :class:`~rulesengine.errors.RulesError` whose
``problems`` are in file order; nothing half-valid is ever returned.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from typing import Any

from rulesengine.channels.specs import BUILTIN_CHANNEL_SPECS, ChannelSpec
from rulesengine.errors import InvalidRequest, Problem, RulesError
from rulesengine.model import SendWindow, given
from rulesengine.rules.input_limits import decode_utf8, read_limited
from rulesengine.rules.policy import (
    ChannelSettings,
    Delivery,
    Dunning,
    Eligibility,
    ExcludeRule,
    Grouping,
    Level,
    Message,
    PaymentRule,
    PreCollections,
    Profile,
    Rules,
)
from rulesengine.rules.rules_schema import FORMAT_VERSION, validate
from rulesengine.rules.schema_toolkit import sort_problems
from rulesengine.rules.yaml_text import to_yaml_text
from rulesengine.rules.yamlmarks import (
    MapNode,
    Node,
    ScalarNode,
    SeqNode,
    compose,
    from_data,
    merge_overrides,
)

__all__ = [
    "load_rules",
    "load_rules_data",
    "load_rules_text",
    "validate_files",
    "Overrides",
]

Overrides = Node | Mapping[str, Any] | None


def load_rules(
    path: str | os.PathLike[str],
    *,
    channel_specs: Mapping[str, ChannelSpec] | None = None,
    overrides: Overrides = None,
) -> Rules:
    """Load the rules file at ``path``.

    :param channel_specs: channel name -> :class:`ChannelSpec` of every registered channel;
        ``None`` means the built-in email, text and print channels.
    :param overrides: a mapping (a node tree from another file, or plain data) merged over
        the file: mappings key by key, lists and values replace.
    :returns: the rules; ``source_text`` is the file's text and ``content_hash`` its
        sha256 (of the file's bytes), or with overrides a YAML text of the merged tree that
        loads back to the same rules (:func:`~.yaml_text.to_yaml_text`) and its sha256.
    :raises RulesError: with every problem, or one problem when the file cannot be read
        (missing, not a regular file, larger than
        :data:`~rulesengine.rules.input_limits.MAX_FILE_BYTES`).
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidRequest(f"the rules file's path must be a str or a Path, got {given(path)}")
    filename = os.fspath(path)
    data = read_limited(filename, "rules file")
    text = decode_utf8(data, filename)
    return _load(_compose(text, filename), filename, text, channel_specs, overrides)


def load_rules_text(
    text: str,
    *,
    filename: str = "<rules>",
    channel_specs: Mapping[str, ChannelSpec] | None = None,
    overrides: Overrides = None,
) -> Rules:
    """Load rules from YAML text; problems name ``filename``."""
    return _load(_compose(text, filename), filename, text, channel_specs, overrides)


def load_rules_data(
    tree: Node | Mapping[str, Any],
    *,
    filename: str,
    channel_specs: Mapping[str, ChannelSpec] | None = None,
    overrides: Overrides = None,
    source_text: str | None = None,
) -> Rules:
    """Load rules from a mapping embedded in another YAML file (a scenario's inline rules).

    ``tree`` is a node tree from :func:`rulesengine.rules.yamlmarks.compose` (its marks
    point into that file) or plain data. ``source_text`` is the text ``tree`` was composed
    from when it is a whole rules file's (a caller that composed the file itself); without
    it, or with overrides, the rules' ``source_text`` is a YAML text of the (merged)
    data. ``content_hash`` is the sha256 of that text.
    """
    node: Node = tree if not isinstance(tree, Mapping) else from_data(tree, filename)
    return _load((node, []), filename, source_text, channel_specs, overrides)


def validate_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    channel_specs: Mapping[str, ChannelSpec] | None = None,
) -> list[Problem]:
    """Every problem of every rules file in ``paths`` (files in the order given)."""
    problems: list[Problem] = []
    for path in paths:
        try:
            load_rules(path, channel_specs=channel_specs)
        except RulesError as exc:
            problems.extend(exc.problems)
    return problems


# --- steps ---------------------------------------------------------------------------------


def _compose(text: str, filename: str) -> tuple[Node | None, list[Problem]]:
    tree, problems = compose(text, filename)
    if problems and tree is None:
        raise RulesError(problems)
    # With a tree, keep going: the schema's problems are reported together with these.
    return tree, problems


def _load(
    composed: tuple[Node | None, list[Problem]],
    filename: str,
    source_text: str | None,
    channel_specs: Mapping[str, ChannelSpec] | None,
    overrides: Overrides,
) -> Rules:
    """Validate and build; ``source_text`` is what the tree was composed from (None: data)."""
    tree, problems = composed
    if overrides is not None and not isinstance(overrides, (Mapping, ScalarNode, MapNode, SeqNode)):
        raise InvalidRequest(
            f"overrides must be a mapping (such as {{'profile': {{'due_days': 30}}}}) or None,"
            f" got {given(overrides)}"
        )
    if overrides is not None:
        override_tree = (
            overrides
            if not isinstance(overrides, Mapping)
            else from_data(overrides, f"{filename} (overrides)")
        )
        if tree is not None:
            tree = merge_overrides(tree, override_tree)
        source_text = None
    specs = BUILTIN_CHANNEL_SPECS if channel_specs is None else channel_specs
    result = validate(tree, filename, specs)
    if result.newer_version:
        raise RulesError(result.problems)  # "upgrade rulesengine" and nothing else
    problems = sort_problems([*problems, *result.problems])
    if problems or result.data is None:
        raise RulesError(problems)
    if source_text is None:  # a merged tree or data: a text that loads back the same
        source_text = to_yaml_text(tree)
    return _build(result.data, filename, source_text, specs)


# --- building the model --------------------------------------------------------------------


def _build(
    data: dict[str, Any], path: str, source_text: str, specs: Mapping[str, ChannelSpec]
) -> Rules:
    profile = data["profile"]
    eligibility = data["eligibility"]
    dunning = data["dunning"]
    grouping = data["grouping"]
    pre = data["pre_collections"]
    delivery = data["delivery"]
    messages = {
        mid: Message(id=mid, content={ch: dict(c) for ch, c in content.items()})
        for mid, content in data["messages"].items()
    }
    return Rules(
        path=path,
        # The one place the hash is computed: of the text kept with it, so the two agree.
        content_hash=hashlib.sha256(source_text.encode("utf-8")).hexdigest(),
        source_text=source_text,
        version=FORMAT_VERSION,
        profile=Profile(**profile),
        dunning=Dunning(
            levels=[
                Level(
                    number=i + 1,
                    message=level["message"],
                    channels=level["channels"],
                    after_days=level.get("after_days"),
                    fallback=level.get("fallback", ()),
                )
                for i, level in enumerate(dunning["levels"])
            ],
            no_limit=dunning["no_limit"],
        ),
        eligibility=Eligibility(
            min_statement_balance_cents=eligibility["min_statement_balance"],
            cycle_days=eligibility["cycle_days"],
            exclude=[
                ExcludeRule(
                    name=rule["name"],
                    when=rule["when"].expr,
                    source=rule["when"].source,
                    mark=rule["when"].mark,
                )
                for rule in eligibility["exclude"]
            ],
        ),
        payment_rules=[
            PaymentRule(
                name=rule["name"],
                when=rule["when"].expr,
                then=rule["then"],
                source=rule["when"].source,
                mark=rule["when"].mark,
            )
            for rule in data["payments"]["rules"]
        ],
        grouping=Grouping(
            one_statement_per=grouping["one_statement_per"],
            also_by=grouping["also_by"],
            include_maxed_encounters=grouping["include_maxed_encounters"],
        ),
        pre_collections=PreCollections(
            return_on_reset=pre["return_on_reset"],
            clear_on_zero_balance=pre["clear_on_zero_balance"],
        ),
        messages=messages,
        channels=_build_channels(data, specs),
        delivery=Delivery(
            max_attempts=delivery["max_attempts"],
            backoff=delivery["backoff"],
            test_recipients=dict(delivery["test_recipients"]),
        ),
    )


def _build_channels(
    data: dict[str, Any], specs: Mapping[str, ChannelSpec]
) -> dict[str, ChannelSettings]:
    """A :class:`ChannelSettings` for every channel the file uses or configures, in file order."""
    names: list[str] = list(data["channels"])
    for level in data["dunning"]["levels"]:
        names.extend(level["channels"])
        names.extend(level.get("fallback", ()))
    for content in data["messages"].values():
        names.extend(content)
    channels: dict[str, ChannelSettings] = {}
    for name in dict.fromkeys(names):
        spec = specs[name]
        configured = data["channels"].get(name, {"settings": {}, "window": None})
        settings = dict(configured["settings"])
        settings.setdefault("outbox", f"outbox/{name}")
        default = None if spec.default_window is None else SendWindow(*spec.default_window)
        window = configured["window"][1] if configured["window"] else default
        if window is not None and "send_window" not in settings:
            settings["send_window"] = str(window)
        channels[name] = ChannelSettings(name=name, send_window=window, settings=settings)
    return channels
