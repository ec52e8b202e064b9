"""Finding plugins and the channels they register.

:func:`get_plugin_manager` builds a fresh :class:`pluggy.PluginManager` each call: the hook
specifications, every plugin of the ``rulesengine`` entry-point group (filtered by
``RULESENGINE_LOAD_PLUGINS`` and ``RULESENGINE_DISABLE_PLUGINS``), then ``check_pending()``
so a misspelt hook name fails loudly. :func:`get_channels` collects the channel classes
(each checked by :func:`rulesengine.channels.channel_checks.channel_problems`),
:func:`channel_specs` tells the rules loader what each channel accepts,
:func:`notify_observers` calls observer hooks without letting one break delivery, and
:func:`plugin_info` is what ``rulesengine plugins`` lists; :func:`unmarked_hook_functions`
and :func:`validation_reason` explain a plugin pluggy ignores or refuses.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import inspect
import logging
import os
import re
import weakref
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import pluggy

from rulesengine.channels import hookspecs
from rulesengine.channels.channel_calls import exception_summary
from rulesengine.channels.channel_checks import CHANNEL_NAME, channel_problems
from rulesengine.channels.specs import ChannelSpec
from rulesengine.errors import RulesengineError
from rulesengine.hints import did_you_mean
from rulesengine.plurals import noun_for

__all__ = [
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "LOAD_ENV",
    "ChannelRegistry",
    "PluginError",
    "PluginInfo",
    "channel_specs",
    "check_hooks",
    "get_channels",
    "get_plugin_manager",
    "has_observers",
    "hook_names",
    "hookimpl",
    "installed_entry_points",
    "notify_each",
    "new_plugin_manager",
    "notify_observers",
    "plugin_info",
    "plugin_key",
    "unknown_hooks",
    "unmarked_hook_functions",
    "unmarked_hook_notes",
    "validation_reason",
]

_log = logging.getLogger(__name__)

#: The pluggy project name and the setuptools entry-point group.
ENTRY_POINT_GROUP = "rulesengine"
#: Comma-separated entry-point or distribution names not to load; ``*`` skips every plugin.
DISABLE_ENV = "RULESENGINE_DISABLE_PLUGINS"
#: Comma-separated entry-point or distribution names: load only these (empty: none).
LOAD_ENV = "RULESENGINE_LOAD_PLUGINS"
hookimpl = pluggy.HookimplMarker(ENTRY_POINT_GROUP)


class PluginError(RulesengineError):
    """A plugin cannot be loaded, or registers a channel that breaks the contract."""


# --- Loading -----------------------------------------------------------------------------------


def plugin_key(name: str) -> str:
    """A plugin or distribution name as compared: lower case, ``-`` for runs of ``-_.``."""
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def _env_names(var: str) -> set[str] | None:
    """The names listed in environment variable ``var``; ``None`` when it is not set."""
    value = os.environ.get(var)
    if value is None:
        return None
    return {plugin_key(part) for part in value.split(",") if part.strip()}


def installed_entry_points() -> list[tuple[str, str]]:
    """``(entry-point name, distribution name)`` of every ``rulesengine`` entry point."""
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
        keys = {plugin_key(ep_name), plugin_key(dist_name)}
        if load is not None and not keys & load:
            continue
        if keys & disable:
            continue
        chosen.append(ep_name)
    if load:
        known = {plugin_key(n) for pair in entry_points for n in pair}
        for name in sorted(load - known):
            _log.warning(
                "%s names %r, which is not an installed rulesengine plugin", LOAD_ENV, name
            )
    return chosen


def get_plugin_manager() -> pluggy.PluginManager:
    """A new plugin manager with the hook specifications and the installed plugins loaded.

    Raises :class:`PluginError` naming the plugin when one fails to import or implements a
    hook that does not exist (a misspelt name) or with arguments the hook does not have.
    """
    pm = new_plugin_manager()
    entry_points = installed_entry_points()
    distributions = dict(entry_points)
    for ep_name in _selected(entry_points):
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP, name=ep_name)
        except Exception as exc:
            why = (
                validation_reason(pm, exc)
                if isinstance(exc, pluggy.PluginValidationError)
                else exception_summary(exc)
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
    hooks = hook_names()
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


def hook_names() -> list[str]:
    """The names of every hook rulesengine calls (``hookspecs.__all__`` without the marker)."""
    return sorted(name for name in hookspecs.__all__ if name != "hookspec")


def _is_marked(function: Any) -> bool:
    return hasattr(function, f"{ENTRY_POINT_GROUP}_impl")


def unmarked_hook_functions(plugin: object) -> list[str]:
    """The names of ``plugin``'s functions named like a rulesengine hook but without
    ``@rulesengine.hookimpl``, sorted: pluggy ignores them, so rulesengine never calls them."""
    return [
        name
        for name in hook_names()
        if callable(function := getattr(plugin, name, None)) and not _is_marked(function)
    ]


def unmarked_hook_notes(pm: pluggy.PluginManager) -> list[str]:
    """One sentence per hook function a loaded plugin left without ``@rulesengine.hookimpl``
    (:func:`unmarked_hook_functions`), naming its distribution: what ``rulesengine plugins``
    and ``validate`` add, since such a plugin is otherwise silently ignored."""
    dists = _distributions(pm)
    notes = []
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda pair: pair[0]):
        if plugin is None:
            continue
        who = dists[name][0] if name in dists else f"plugin {name}"
        for hook in unmarked_hook_functions(plugin):
            notes.append(
                f"{who} is installed but registered no channels"
                " (is register_channels marked with @rulesengine.hookimpl?)"
                if hook == "register_channels"
                else f"{who} defines {hook} without @rulesengine.hookimpl, so rulesengine never"
                " calls it"
            )
    return notes


def _required_arguments(function: Any) -> list[str]:
    """The arguments pluggy passes by name to ``function`` (those without a default)."""
    named = inspect.signature(function).parameters.values()
    return [p.name for p in named if p.kind <= p.POSITIONAL_OR_KEYWORD and p.empty is p.default]


def validation_reason(pm: pluggy.PluginManager, exc: pluggy.PluginValidationError) -> str:
    """Why pluggy refused a plugin, in one sentence: ``register_channels has no argument
    'registry'; its arguments are: register``, or else pluggy's own lines, joined."""
    for hook in hook_names():
        function = getattr(exc.plugin, hook, None)
        caller = getattr(pm.hook, hook, None)
        if not callable(function) or not _is_marked(function) or caller is None:
            continue
        expected = list(caller.spec.argnames) if caller.spec is not None else []
        extra = [a for a in _required_arguments(function) if a not in expected]
        if extra:
            return (
                f"{hook} has no {noun_for(len(extra), 'argument')}"
                f" {', '.join(map(repr, extra))}; its arguments are: {', '.join(expected)}"
            )
    return "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())


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
                _log.error(
                    "plugin %s raised in hook %s (ignored): %s",
                    impl.plugin_name,
                    hook_name,
                    exception_summary(exc),
                    exc_info=True,
                )
    return list(raised)


# --- Channels ----------------------------------------------------------------------------------


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
            which = f" {name!r}" if isinstance(name, str) and CHANNEL_NAME.fullmatch(name) else ""
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
                    f"{owner} failed to register its channels: {exception_summary(exc)}"
                ) from exc
        return registry


#: The channels collected from each plugin manager, with the plugins it held then: a
#: command asks for them in several steps (rules, run, queue), and ``register_channels``
#: fires once per manager.
_collected: weakref.WeakKeyDictionary[pluggy.PluginManager, tuple[frozenset[int], dict[str, type]]]
_collected = weakref.WeakKeyDictionary()


def get_channels(pm: pluggy.PluginManager) -> dict[str, type]:
    """Channel name -> channel class, for every channel the plugins register.

    Collected once per plugin manager (again only when a plugin was registered or removed
    since), so every step of a command that shares the manager sees the same classes.
    """
    plugins = frozenset(map(id, pm.get_plugins()))
    found = _collected.get(pm)
    if found is None or found[0] != plugins:
        found = (plugins, ChannelRegistry.collect(pm).channels)
        _collected[pm] = found
    return dict(found[1])


def _optional_keys(cls: type, attr: str) -> frozenset[str] | None:
    value = getattr(cls, attr, None)
    return None if value is None else frozenset(value)


def _window(cls: type, attr: str) -> tuple[dt.time, dt.time] | None:
    value = getattr(cls, attr, None)
    return None if value is None else (value[0], value[1])


def channel_specs(channels: Mapping[str, type]) -> dict[str, ChannelSpec]:
    """The :class:`~rulesengine.channels.specs.ChannelSpec` the rules loader checks each
    channel with, from its class's ``address`` and optional attributes (``settings_keys``
    and ``content_keys``: ``None`` or absent accepts anything; the others as declared).
    """
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
            setting_ranges=dict(getattr(cls, "setting_ranges", None) or {}),
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
