"""Finding plugins and the channels they register.

:func:`get_plugin_manager` builds a fresh :class:`pluggy.PluginManager` each call: the hook
specifications, every plugin of the ``rulesengine`` entry-point group (filtered by
``RULESENGINE_LOAD_PLUGINS`` and ``RULESENGINE_DISABLE_PLUGINS``), then ``check_pending()``
so a misspelt hook name fails loudly. :func:`get_channels` collects the channel classes,
:func:`channel_specs` tells the rules loader what each channel accepts,
:func:`notify_observers` calls observer hooks without letting one break delivery, and
:func:`plugin_info` is what ``rulesengine plugins`` lists.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

from rulesengine.channels import hookspecs
from rulesengine.channels.contract import ADDRESS_KINDS, SETTING_TYPES, Channel
from rulesengine.errors import RulesengineError

if TYPE_CHECKING:
    from rulesengine.channels.specs import ChannelSpec

__all__ = [
    "CHANNEL_ADDRESSES",
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "LOAD_ENV",
    "ChannelRegistry",
    "PluginError",
    "PluginInfo",
    "SETTING_TYPES",
    "channel_problems",
    "channel_specs",
    "check_hooks",
    "get_channels",
    "get_plugin_manager",
    "has_observers",
    "hookimpl",
    "notify_each",
    "new_plugin_manager",
    "notify_observers",
    "plugin_info",
    "unknown_hooks",
]

log = logging.getLogger(__name__)

#: The pluggy project name and the setuptools entry-point group.
ENTRY_POINT_GROUP = "rulesengine"
#: Comma-separated entry-point or distribution names not to load; ``*`` skips every plugin.
DISABLE_ENV = "RULESENGINE_DISABLE_PLUGINS"
#: Comma-separated entry-point or distribution names: load only these (empty: none).
LOAD_ENV = "RULESENGINE_LOAD_PLUGINS"
#: The guarantor contact a channel can need (``ChannelSpec.address``): the one list,
#: :data:`rulesengine.channels.contract.ADDRESS_KINDS`.
CHANNEL_ADDRESSES = ADDRESS_KINDS

_CHANNEL_NAME = re.compile(r"[a-z][a-z0-9_]*")

hookimpl = pluggy.HookimplMarker(ENTRY_POINT_GROUP)


class PluginError(RulesengineError):
    """A plugin cannot be loaded, or registers a channel that breaks the contract."""


# --- Loading -----------------------------------------------------------------------------------


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def _env_names(var: str) -> set[str] | None:
    """The names listed in environment variable ``var``; ``None`` when it is not set."""
    value = os.environ.get(var)
    if value is None:
        return None
    return {_normalize(part) for part in value.split(",") if part.strip()}


def _entry_points() -> list[tuple[str, str]]:
    """``(entry-point name, distribution name)`` of every ``rulesengine`` entry point."""
    import importlib.metadata

    found: dict[str, str] = {}
    for dist in importlib.metadata.distributions():
        for ep in dist.entry_points:
            if ep.group == ENTRY_POINT_GROUP:
                found.setdefault(ep.name, dist.metadata["Name"] or "")
    return sorted(found.items())


def _selected(entry_points: list[tuple[str, str]]) -> list[str]:
    """The entry-point names to load, after ``RULESENGINE_LOAD/DISABLE_PLUGINS``."""
    load = _env_names(LOAD_ENV)
    disable = _env_names(DISABLE_ENV) or set()
    if "*" in disable:
        return []
    chosen = []
    for ep_name, dist_name in entry_points:
        keys = {_normalize(ep_name), _normalize(dist_name)}
        if load is not None and not keys & load:
            continue
        if keys & disable:
            continue
        chosen.append(ep_name)
    if load:
        known = {_normalize(n) for pair in entry_points for n in pair}
        for name in sorted(load - known):
            log.warning("%s names %r, which is not an installed rulesengine plugin", LOAD_ENV, name)
    return chosen


def get_plugin_manager() -> pluggy.PluginManager:
    """A new plugin manager with the hook specifications and the installed plugins loaded.

    Raises :class:`PluginError` naming the plugin when one fails to import or implements a
    hook that does not exist (a misspelt name) or with arguments the hook does not have.
    """
    pm = new_plugin_manager()
    entry_points = _entry_points()
    distributions = dict(entry_points)
    for ep_name in _selected(entry_points):
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP, name=ep_name)
        except Exception as exc:
            # pluggy's validation errors say why on their later lines: keep them all.
            why = (
                "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())
                if isinstance(exc, pluggy.PluginValidationError)
                else _summary(exc)
            )
            raise PluginError(
                f"the rulesengine plugin {ep_name!r} ({distributions.get(ep_name) or '?'})"
                f" cannot be loaded: {why} (set {DISABLE_ENV}={ep_name} to run without it)"
            ) from exc
    check_hooks(pm)
    return pm


def new_plugin_manager() -> pluggy.PluginManager:
    """A plugin manager with rulesengine's hook specifications and no plugin yet."""
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    return pm


def check_hooks(pm: pluggy.PluginManager) -> None:
    """Raise :class:`PluginError` listing every implementation of a hook that does not
    exist (:func:`unknown_hooks`) and the plugins to disable; pluggy's ``check_pending()``
    then catches anything else it would refuse."""
    unknown = _unknown_impls(pm)
    if unknown:
        names = ",".join(sorted({plugin for plugin, _ in unknown}))
        raise PluginError(
            "a rulesengine plugin has an unknown hook: "
            + "; ".join(sentence for _, sentence in unknown)
            + f" (set {DISABLE_ENV}={names} to run without it)"
        )
    pm.check_pending()


def unknown_hooks(pm: pluggy.PluginManager) -> list[str]:
    """One sentence per hook implementation that names no rulesengine hook (a misspelt name),
    naming its plugin and distribution and the hook it probably meant, sorted.

    pluggy's ``check_pending()`` raises for the first one only; this reports them all.
    """
    return [sentence for _, sentence in _unknown_impls(pm)]


def _unknown_impls(pm: pluggy.PluginManager) -> list[tuple[str, str]]:
    """``(plugin name, sentence)`` for each implementation :func:`unknown_hooks` reports."""
    from rulesengine.hints import did_you_mean

    hooks = _hook_names()
    dists = _distributions(pm)
    out = []
    for name, caller in sorted(vars(pm.hook).items()):
        if name.startswith("_") or getattr(caller, "spec", None) is not None:
            continue
        for impl in caller.get_hookimpls():
            if impl.optionalhook:
                continue
            owner = _owner(dists, impl.plugin_name)
            sentence = f"{owner} implements {name}, which is not a rulesengine hook" + did_you_mean(
                name, hooks, "the hooks"
            )
            out.append((impl.plugin_name, sentence))
    return out


def _hook_names() -> list[str]:
    """The names of every hook rulesengine calls (``hookspecs.__all__`` without the marker)."""
    return sorted(name for name in hookspecs.__all__ if name != "hookspec")


def _summary(exc: BaseException) -> str:
    from rulesengine.channels.results import exception_summary

    return exception_summary(exc)


# --- Calling hooks one implementation at a time -----------------------------------------------


def _caller(pm: pluggy.PluginManager, hook_name: str, kwargs: Mapping[str, Any]) -> Any:
    caller = getattr(pm.hook, hook_name, None)
    if caller is None or caller.spec is None:
        raise ValueError(f"rulesengine has no hook named {hook_name!r}")
    expected = set(caller.spec.argnames)
    if set(kwargs) != expected:
        raise TypeError(
            f"hook {hook_name} takes {', '.join(sorted(expected))}; "
            f"got {', '.join(sorted(kwargs)) or 'nothing'}"
        )
    return caller


def _implementations(caller: Any) -> list[Any]:
    """The hook's plain implementations in pluggy's call order (wrappers are not called)."""
    return [
        impl for impl in reversed(caller.get_hookimpls()) if not (impl.hookwrapper or impl.wrapper)
    ]


def notify_observers(pm: pluggy.PluginManager, hook_name: str, **kwargs: Any) -> list[str]:
    """Call every implementation of observer hook ``hook_name`` with ``kwargs``.

    Each implementation is called on its own: one that raises is logged (with its plugin's
    name and the traceback) and the others are still called. Returns the names of the
    plugins that raised. An unknown hook name or wrong arguments are the host's bug and
    raise ``ValueError``/``TypeError``.
    """
    return notify_each(pm, hook_name, [kwargs])


def has_observers(pm: pluggy.PluginManager, hook_name: str) -> bool:
    """Whether any plugin implements observer hook ``hook_name`` (so the host can skip
    gathering what it would be told, such as a million uploaded notifications)."""
    caller = getattr(pm.hook, hook_name, None)
    if caller is None or caller.spec is None:
        raise ValueError(f"rulesengine has no hook named {hook_name!r}")
    return bool(_implementations(caller))


def notify_each(
    pm: pluggy.PluginManager, hook_name: str, calls: Iterable[Mapping[str, Any]]
) -> list[str]:
    """Call observer hook ``hook_name`` once per mapping of ``calls``, as
    :func:`notify_observers` does, checking the hook and its arguments once for all of
    them. Returns the names of the plugins that raised (each once)."""
    caller = None
    impls: list[Any] = []
    raised: dict[str, None] = {}
    for kwargs in calls:
        if caller is None:
            caller = _caller(pm, hook_name, kwargs)
            impls = _implementations(caller)
            if not impls:
                return []
        for impl in impls:
            try:
                impl.function(*(kwargs[arg] for arg in impl.argnames))
            except Exception as exc:
                raised.setdefault(impl.plugin_name)
                log.error(
                    "plugin %s raised in hook %s (ignored): %s",
                    impl.plugin_name,
                    hook_name,
                    _summary(exc),
                    exc_info=True,
                )
    return list(raised)


# --- Channels ----------------------------------------------------------------------------------


_WINDOW_EXAMPLE = "(datetime.time(9, 0), datetime.time(17, 0))"


def _found(value: Any) -> str:
    """A declared value as a problem shows it: its repr and its type."""
    kind = type(value).__name__
    return f"{value!r} ({'an' if kind[0] in 'aeiou' else 'a'} {kind})"


def _key_set_problem(cls: type, attr: str) -> str | None:
    value = getattr(cls, attr, None)
    if value is None:
        return None
    if isinstance(value, str | bytes) or not isinstance(value, Collection):
        return f"{attr} must be a set of key names or None, got {_found(value)}"
    if isinstance(value, Mapping):
        return f"{attr} must be a set of key names or None, got a mapping: {value!r}"
    if not all(isinstance(k, str) for k in value):
        return f"{attr} must contain only strings, got {sorted(map(repr, value))}"
    return None


def _setting_types_problems(cls: type) -> list[str]:
    value = getattr(cls, "setting_types", None)
    if value is None:
        return []
    if not isinstance(value, Mapping):
        return [
            "setting_types must be a mapping of setting name -> "
            f"{', '.join(map(repr, SETTING_TYPES))} (or None), got {_found(value)}"
        ]
    problems = []
    for key, kind in value.items():
        if not isinstance(key, str):
            problems.append(f"setting_types keys must be setting names, got {_found(key)}")
        elif kind not in SETTING_TYPES:
            problems.append(
                f"setting_types[{key!r}] must be one of {', '.join(map(repr, SETTING_TYPES))},"
                f" got {_found(kind)}"
            )
    return problems


def _window_problem(cls: type, attr: str) -> str | None:
    value = getattr(cls, attr, None)
    if value is None:
        return None
    expected = (
        f"{attr} must be None or a (start, end) pair of datetime.time such as {_WINDOW_EXAMPLE}"
    )
    if not isinstance(value, tuple | list) or len(value) != 2:
        return f"{expected}, got {_found(value)}"
    if not all(isinstance(t, dt.time) for t in value):
        return f"{expected}, got {value!r}"
    start, end = value
    if start.tzinfo is not None or end.tzinfo is not None:
        return (
            f"{attr} must be times without a time zone (a window is the guarantor's local"
            f" time), got {value!r}"
        )
    if start.second or start.microsecond or end.second or end.microsecond:
        return f"{attr} must be whole minutes (a window is written HH:MM-HH:MM), got {value!r}"
    if start >= end:
        return (
            f"{attr} must start before it ends (no window across midnight),"
            f" got {start:%H:%M}-{end:%H:%M}"
        )
    return None


def _window_text(window: Any) -> str:
    return f"{window[0]:%H:%M}-{window[1]:%H:%M}"


def channel_problems(channel_class: Any) -> list[str]:
    """Everything wrong with a channel class's declaration (empty when it is fine).

    Every class attribute of the channel contract is checked: ``name``, ``address``,
    ``send``, the key sets (``settings_keys``, ``content_keys``, ``required_content``,
    ``single_line_content``), ``setting_types``, ``default_window`` and ``max_window``.
    Each problem names the attribute, what it should be and what was found.
    """
    if not isinstance(channel_class, type):
        return [f"register() takes a channel class, got {channel_class!r}"]
    problems = []
    label = channel_class.__qualname__
    name = getattr(channel_class, "name", None)
    if not isinstance(name, str) or not _CHANNEL_NAME.fullmatch(name):
        problems.append(
            f"{label}.name must be a channel name such as 'fax' "
            f"(lower-case letters, digits and _, starting with a letter), got {name!r}"
        )
    address = getattr(channel_class, "address", None)
    if address not in CHANNEL_ADDRESSES:
        problems.append(
            f"{label}.address must be one of {', '.join(CHANNEL_ADDRESSES)}, got {address!r}"
        )
    send = getattr(channel_class, "send", None)
    if not callable(send):
        problems.append(f"{label} has no send(notifications) method")
    elif send is Channel.send:
        problems.append(
            f"{label} has no send(notifications) method of its own: a subclass of"
            " rulesengine.Channel must implement send"
        )
    key_sets = ("settings_keys", "content_keys", "required_content", "single_line_content")
    bad_sets = set()
    for attr in key_sets:
        problem = _key_set_problem(channel_class, attr)
        if problem:
            problems.append(f"{label}.{problem}")
            bad_sets.add(attr)
    content = getattr(channel_class, "content_keys", None)
    for attr in ("required_content", "single_line_content"):
        keys = getattr(channel_class, attr, None)
        if bad_sets & {attr, "content_keys"} or content is None or not keys:
            continue
        if set(keys) - set(content):
            extra = ", ".join(sorted(set(keys) - set(content)))
            problems.append(f"{label}.{attr} lists keys not in content_keys: {extra}")
    problems.extend(f"{label}.{p}" for p in _setting_types_problems(channel_class))
    settings = getattr(channel_class, "settings_keys", None)
    types = getattr(channel_class, "setting_types", None)
    if "settings_keys" not in bad_sets and settings is not None and isinstance(types, Mapping):
        from rulesengine.channels.specs import COMMON_SETTINGS

        allowed = set(settings) | COMMON_SETTINGS
        unknown = sorted(k for k in types if isinstance(k, str) and k not in allowed)
        if unknown:
            problems.append(
                f"{label}.setting_types names settings not in settings_keys: {', '.join(unknown)}"
            )
    windows = {}
    for attr in ("default_window", "max_window"):
        problem = _window_problem(channel_class, attr)
        if problem:
            problems.append(f"{label}.{problem}")
        else:
            windows[attr] = getattr(channel_class, attr, None)
    default, limit = windows.get("default_window"), windows.get("max_window")
    if default is not None and limit is not None:
        if default[0] < limit[0] or default[1] > limit[1]:
            problems.append(
                f"{label}.default_window {_window_text(default)} must lie within"
                f" max_window {_window_text(limit)}"
            )
    return problems


@attrs.define
class ChannelRegistry:
    """The channel classes registered through ``register_channels``, by channel name.

    ``owners`` maps each channel name to the plugin that registered it (its distribution
    and entry-point name), for error messages and ``rulesengine plugins``.
    """

    channels: dict[str, type] = attrs.field(factory=dict)
    owners: dict[str, str] = attrs.field(factory=dict)
    by_plugin: dict[str, list[str]] = attrs.field(factory=dict)

    def add(self, channel_class: Any, owner: str, plugin_name: str | None = None) -> None:
        """Record ``channel_class`` for ``owner``; raise :class:`PluginError` if it is invalid."""
        problems = channel_problems(channel_class)
        if problems:
            name = getattr(channel_class, "name", None)
            which = f" {name!r}" if isinstance(name, str) and _CHANNEL_NAME.fullmatch(name) else ""
            raise PluginError(
                f"{owner} registered an invalid channel{which}:\n"
                + "".join(f"  {p}\n" for p in problems)
                + f"Set {DISABLE_ENV}={plugin_name or owner} to run without it, or install a"
                " version of the plugin that meets the channel contract (docs/plugins.md)."
            )
        name = channel_class.name
        if name in self.channels:
            raise PluginError(
                f"two plugins register a channel named {name!r}: {self.owners[name]} and "
                f"{owner}; uninstall one or set {DISABLE_ENV} to skip it"
            )
        self.channels[name] = channel_class
        self.owners[name] = owner
        self.by_plugin.setdefault(plugin_name or owner, []).append(name)

    @classmethod
    def collect(cls, pm: pluggy.PluginManager) -> ChannelRegistry:
        """Call every plugin's ``register_channels`` and return what they registered."""
        registry = cls()
        dists = _distributions(pm)
        for impl in _implementations(pm.hook.register_channels):
            owner = _owner(dists, impl.plugin_name)

            def register(
                channel_class: type, _owner: str = owner, _plugin: str = impl.plugin_name
            ) -> None:
                registry.add(channel_class, _owner, _plugin)

            try:
                impl.function(*({"register": register}[arg] for arg in impl.argnames))
            except PluginError:
                raise
            except Exception as exc:
                raise PluginError(
                    f"{owner} failed to register its channels: {_summary(exc)}"
                ) from exc
        return registry


def get_channels(pm: pluggy.PluginManager) -> dict[str, type]:
    """Channel name -> channel class, for every channel the plugins register."""
    return dict(ChannelRegistry.collect(pm).channels)


def _optional_keys(cls: type, attr: str) -> frozenset[str] | None:
    value = getattr(cls, attr, None)
    return None if value is None else frozenset(value)


def _window(cls: type, attr: str) -> tuple[dt.time, dt.time] | None:
    value = getattr(cls, attr, None)
    return None if value is None else (value[0], value[1])


def channel_specs(channels: Mapping[str, type]) -> dict[str, ChannelSpec]:
    """The :class:`~rulesengine.rules.ChannelSpec` the rules loader checks each channel with.

    Built from the class attributes ``address`` and the optional ``settings_keys``,
    ``content_keys`` (``None`` or absent: accepts anything), ``required_content``,
    ``single_line_content``, ``setting_types``, ``default_window`` and ``max_window``.
    """
    from rulesengine.channels.specs import ChannelSpec

    specs = {}
    for name, cls in channels.items():
        specs[name] = ChannelSpec(
            name=name,
            address=cls.address,  # type: ignore[attr-defined]
            settings_keys=_optional_keys(cls, "settings_keys"),
            content_keys=_optional_keys(cls, "content_keys"),
            required_content=_optional_keys(cls, "required_content") or frozenset(),
            single_line_content=_optional_keys(cls, "single_line_content") or frozenset(),
            setting_types=dict(getattr(cls, "setting_types", None) or {}),
            default_window=_window(cls, "default_window"),
            max_window=_window(cls, "max_window"),
        )
    return specs


# --- Listing -----------------------------------------------------------------------------------


def _names(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@attrs.frozen
class PluginInfo:
    """One plugin as ``rulesengine plugins`` lists it."""

    name: str
    distribution: str | None
    version: str | None
    channels: tuple[str, ...] = attrs.field(converter=_names)


def _distributions(pm: pluggy.PluginManager) -> dict[str, tuple[str, str]]:
    """Plugin name -> (distribution name, version) for plugins loaded from entry points."""
    out = {}
    for plugin, dist in pm.list_plugin_distinfo():
        name = pm.get_name(plugin)
        if name is not None:
            out[name] = (dist.metadata["Name"] or dist.project_name, dist.version)
    return out


def _owner(dists: Mapping[str, tuple[str, str]], plugin_name: str) -> str:
    """``acme-fax (plugin fax)``: a plugin as error messages name it."""
    dist = dists.get(plugin_name)
    return f"{dist[0]} (plugin {plugin_name})" if dist else f"plugin {plugin_name}"


def plugin_info(pm: pluggy.PluginManager) -> list[PluginInfo]:
    """Every loaded plugin (blocked ones excluded) with its distribution, version and channels,
    sorted by name. Raises :class:`PluginError` like :func:`get_channels`."""
    registry = ChannelRegistry.collect(pm)
    dists = _distributions(pm)
    infos = []
    for name, plugin in pm.list_name_plugin():
        if plugin is None:
            continue
        dist, version = dists.get(name, (None, None))
        infos.append(PluginInfo(name, dist, version, sorted(registry.by_plugin.get(name, []))))
    return sorted(infos, key=lambda info: info.name)
