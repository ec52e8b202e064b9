"""Load-time checks of a channel's credentials, for every channel (plugins' included).

The checks follow naming conventions, so the host applies them to any channel without the
plugin doing anything (``docs/plugins.md``, Credentials):

- a setting ending in ``_env`` (at any depth) names the environment variable holding a
  secret: it must be a ``RULESENGINE_...`` name and not one of rulesengine's own variables
  (:func:`rulesengine.channels.credentials.credential_variable_problem`);
- a setting ending in ``_url`` never carries a user or password (``https://user:pw@host``);
  when the channel has a credential, it must be ``https://``, or ``http://`` to a loopback
  address;
- ``starttls: false`` in a channel with a credential: every ``*_host`` setting must be a
  loopback address, or the credential would cross the network in the clear.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Iterator

from rulesengine.channels.credentials import credential_variable_problem, is_loopback_host
from rulesengine.rules.policy import Mark
from rulesengine.rules.yamlmarks import MapNode, Node, ScalarNode, SeqNode, to_plain

__all__ = ["check_channel_credentials"]

_Report = Callable[[Mark, str, str], object]

_LOOPBACK_EXAMPLES = "127.0.0.1, ::1 or localhost"


def _join(path: str, key: str | int) -> str:
    return f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}"


def _env_settings(node: Node, path: str) -> Iterator[tuple[str, Node]]:
    """Every ``*_env`` key's value under ``node`` (nested mappings and lists included)."""
    if isinstance(node, MapNode):
        for key, value in node.items:
            kpath = _join(path, key.value)
            if key.value.lower().endswith("_env"):
                yield kpath, value
            else:
                yield from _env_settings(value, kpath)
    elif isinstance(node, SeqNode):
        for i, item in enumerate(node.items):
            yield from _env_settings(item, _join(path, i))


def _is_unset(node: Node) -> bool:
    return isinstance(node, ScalarNode) and (node.is_null or node.value == "")


def check_channel_credentials(node: MapNode, path: str, report: _Report) -> None:
    """Report every credential problem of the channel settings ``node`` at ``path``."""
    credentials: list[str] = []
    for kpath, value in _env_settings(node, path):
        if _is_unset(value):
            continue
        name = value.value if isinstance(value, ScalarNode) else to_plain(value)
        problem = credential_variable_problem(name, kpath)
        if problem is not None:
            report(value.mark, kpath, problem)
        credentials.append(kpath.rsplit(".", 1)[-1])
    what = " and ".join(credentials)

    for key, value in node.items:
        kpath = _join(path, key.value)
        if not key.value.lower().endswith("_url") or not isinstance(value, ScalarNode):
            continue
        if _is_unset(value):
            continue
        parts = urllib.parse.urlsplit(value.value.strip())
        if parts.username is not None or parts.password is not None:
            report(
                value.mark,
                kpath,
                "an address with a user or password in it puts a secret in the rules file: "
                "remove the 'user:password@' part and keep the secret in an environment "
                "variable named by a *_env setting",
            )
        elif credentials and not (
            (parts.scheme.lower() == "https" and parts.hostname)
            or (parts.scheme.lower() == "http" and is_loopback_host(parts.hostname))
        ):
            # Anything else (http:// elsewhere, ftp://, ws://, a bare host, //host) may
            # carry the secret unencrypted, whatever client the channel uses.
            report(
                value.mark,
                kpath,
                f"'{value.value}' would send the secret named by {what} unencrypted: use "
                f"https://, or http:// only to a loopback address ({_LOOPBACK_EXAMPLES})",
            )

    starttls = next((v for k, v in node.items if k.value == "starttls"), None)
    if credentials and starttls is not None and to_plain(starttls) is False:
        for key, value in node.items:
            if not key.value.lower().endswith("_host") or not isinstance(value, ScalarNode):
                continue
            if _is_unset(value) or is_loopback_host(value.value):
                continue
            report(
                starttls.mark,
                _join(path, "starttls"),
                f"false would send the secret named by {what} to {value.value} "
                "unencrypted: remove 'starttls: false' (the default is true), or set "
                f"{key.value} to a loopback address ({_LOOPBACK_EXAMPLES})",
            )
