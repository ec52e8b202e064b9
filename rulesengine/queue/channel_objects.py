"""Which channel object a notification is handed to.

Injected channels (``Queue(channels={"email": RecordingChannel(...)})``) are used as they
are, and only they: a notification for any other channel waits. Otherwise each channel is
built from its registered plugin class with the settings of the rules file the
notification was queued under (``rules.channels[name].settings`` of the rules text stored
under the notification's ``rules_hash``), once per (rules hash, channel).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from rulesengine.channels.channel_calls import exception_summary
from rulesengine.channels.registry import BUILTIN_ADDRESSING
from rulesengine.errors import RulesengineError

if TYPE_CHECKING:
    import pluggy

    from rulesengine.channels.specs import ChannelSpec
    from rulesengine.rules.policy import Rules
    from rulesengine.store.base import Store

__all__ = ["AnyChannelSpecs", "ChannelSetupError", "Channels"]

_log = logging.getLogger(__name__)


class ChannelSetupError(RulesengineError):
    """A channel object could not be built (its rules file or its constructor failed)."""


class AnyChannelSpecs(dict[str, "ChannelSpec"]):
    """The installed channels' specs, and a spec accepting anything for every other name.

    A stored rules text was checked against the channels installed when its batch was
    queued. This process may lack one of their plugins: its notifications wait for it
    (:meth:`Channels.available`), and the other channels' settings must still load.
    """

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str)

    def __getitem__(self, name: str) -> ChannelSpec:
        return self.get(name)

    def get(self, name: str, default: object = None) -> ChannelSpec:  # type: ignore[override]
        from rulesengine.channels.specs import ChannelSpec

        found = super().get(name)
        return found if found is not None else ChannelSpec(name=name, address="postal")


class Channels:
    """Channel objects for the queue: injected ones, or plugin classes with rules settings."""

    def __init__(
        self,
        store: Store,
        injected: Mapping[str, Any] | None,
        plugin_manager: Callable[[], pluggy.PluginManager],
    ) -> None:
        self._store = store
        self._injected = dict(injected) if injected is not None else None
        self._plugin_manager = plugin_manager
        self._classes: dict[str, type] | None = None
        self._instances: dict[tuple[str | None, str], Any] = {}
        self._rules: dict[str, Rules] = {}

    # -- what exists -------------------------------------------------------------------------

    @property
    def injected(self) -> bool:
        """Whether channel objects were given (and only they are used)."""
        return self._injected is not None

    @property
    def classes(self) -> dict[str, type]:
        """The registered channel classes (empty when channels are injected)."""
        if self._injected is not None:
            return {}
        if self._classes is None:
            from rulesengine.channels.manager import get_channels

            self._classes = get_channels(self._plugin_manager())
        return self._classes

    def names(self) -> list[str]:
        """Every channel a notification can be handed to, sorted."""
        if self._injected is not None:
            return sorted(self._injected)
        return sorted(self.classes)

    def available(self, channel: str) -> bool:
        """Whether a notification for ``channel`` can be handed to a channel object."""
        return channel in (self._injected if self._injected is not None else self.classes)

    def deduplicating(self) -> frozenset[str]:
        """The channels whose class (or injected object) declares ``deduplicates = True``:
        its provider drops a repeated idempotency key. Read from what this process has
        installed; a channel it lacks is not among them."""
        found = self._injected if self._injected is not None else self.classes
        return frozenset(
            name for name, obj in found.items() if getattr(obj, "deduplicates", False) is True
        )

    def addressing(self) -> dict[str, str]:
        """Channel name -> the guarantor contact it needs (an address kind)."""
        out = dict(BUILTIN_ADDRESSING)
        if self._injected is not None:
            for name, channel in self._injected.items():
                address = getattr(channel, "address", None)
                if isinstance(address, str):
                    out[name] = address
        else:
            for name, cls in self.classes.items():
                out[name] = cls.address  # type: ignore[attr-defined]
        return out

    def remember(self, rules: Rules) -> None:
        """Keep rules loaded in this process, so their channels need no reload by hash."""
        self._rules.setdefault(rules.content_hash, rules)

    # -- building ----------------------------------------------------------------------------

    def instance(self, rules_hash: str | None, channel: str) -> Any:
        """The channel object for notifications of ``channel`` queued under ``rules_hash``.

        Raises :class:`ChannelSetupError` when its rules text cannot be loaded or its
        constructor raises.
        """
        if self._injected is not None:
            return self._injected[channel]
        key = (rules_hash, channel)
        if key not in self._instances:
            cls = self.classes[channel]
            settings = self._settings(rules_hash, channel)
            try:
                self._instances[key] = cls(settings)
            except Exception as exc:
                _log.debug("channel %s constructor traceback", channel, exc_info=True)
                raise ChannelSetupError(
                    f"cannot set up the {channel} channel: {exception_summary(exc)}"
                ) from exc
        return self._instances[key]

    def close(self) -> None:
        """Call ``close()`` on every channel object built here that has one (injected
        objects belong to the caller), and forget them: a later call builds new ones. A
        ``close()`` that raises is logged and the others are still closed."""
        built, self._instances = self._instances, {}
        for (_, name), channel in built.items():
            close = getattr(channel, "close", None)
            if not callable(close):
                continue
            try:
                close()
            except Exception as exc:
                _log.warning("closing the %s channel failed: %s", name, exception_summary(exc))

    def rate_limit(self, rules_hash: str | None, channel: str) -> tuple[str, int] | None:
        """``(key, max_per_second)`` when the rules file stored under ``rules_hash`` gives
        ``channel`` a rate limit, else None. The key, ``<profile id>/<channel>``, names the
        limit every worker of the store shares (:mod:`rulesengine.queue.send_rates`).
        Raises :class:`ChannelSetupError` as :meth:`rules` does."""
        if rules_hash is None:  # injected channels: no rules file
            return None
        rules = self.rules(rules_hash)
        spec = rules.channels.get(channel)
        per_second = spec.settings.get("max_per_second") if spec is not None else None
        if not isinstance(per_second, int) or isinstance(per_second, bool) or per_second < 1:
            return None
        return f"{rules.profile.id}/{channel}", per_second

    def rules(self, rules_hash: str) -> Rules:
        """The rules stored under ``rules_hash``, loaded once per process (channels this
        process lacks are accepted as written).

        Raises :class:`ChannelSetupError` when the store has no such text or it no longer
        loads.
        """
        rules = self._rules.get(rules_hash)
        if rules is None:
            rules = self._rules[rules_hash] = self._load(rules_hash)
        return rules

    def _settings(self, rules_hash: str | None, channel: str) -> dict[str, Any]:
        if rules_hash is None:
            return {}
        spec = self.rules(rules_hash).channels.get(channel)
        return dict(spec.settings) if spec is not None else {}

    def _load(self, rules_hash: str) -> Rules:
        from rulesengine.channels.manager import channel_specs
        from rulesengine.rules import load_rules_text

        text = self._store.rules_text(rules_hash)
        if text is None:
            raise ChannelSetupError(
                f"the rules file {rules_hash[:12]} this notification was queued under is not "
                "in the store, so its channel settings are unknown"
            )
        try:
            return load_rules_text(
                text,
                filename=f"<rules {rules_hash[:12]}>",
                channel_specs=AnyChannelSpecs(channel_specs(self.classes)),
            )
        except RulesengineError as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ChannelSetupError(
                f"the rules file {rules_hash[:12]} no longer loads: {first}"
            ) from exc
