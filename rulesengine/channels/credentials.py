"""Where a channel's credentials may come from, and where they may go.

A rules file never holds a secret: a channel setting ending in ``_env`` names the
environment variable that holds it. Only variables whose names start with ``RULESENGINE_``
may be named, and never one that rulesengine itself reads (the store URL, the pay-link key,
...), so a rules file can reach neither the machine's other secrets (``PGPASSWORD``, a cloud
key) nor the product's own. A credential goes only over TLS, except to a loopback address
(``docs/rules.md``, Channel settings; ``docs/plugins.md``, Credentials).

The rules loader applies these checks to every channel, plugins' included; the built-in
channels apply them again when they send (:func:`read_credential`,
:func:`is_loopback_address` on the address actually connected to).
"""

from __future__ import annotations

import ipaddress
import os
import re

__all__ = [
    "CREDENTIAL_PREFIX",
    "PRODUCT_VARIABLES",
    "CredentialProblem",
    "credential_variable_problem",
    "example_variable",
    "is_loopback_address",
    "is_loopback_host",
    "read_credential",
]

#: The prefix every credential variable named in a rules file must have.
CREDENTIAL_PREFIX = "RULESENGINE_"

#: The variables rulesengine itself reads: never a channel's credential.
PRODUCT_VARIABLES = frozenset(
    {
        "RULESENGINE_DB",  # the store URL (may hold the database password)
        "RULESENGINE_SECRET",  # the pay-link key
        "RULESENGINE_DEBUG",
        "RULESENGINE_LOG_LEVEL",
        "RULESENGINE_LOAD_PLUGINS",
        "RULESENGINE_DISABLE_PLUGINS",
        "RULESENGINE_TEST_PG",  # the test suite's PostgreSQL URL
    }
)

_NAME = re.compile(r"RULESENGINE_[A-Z0-9_]+")


class CredentialProblem(ValueError):
    """A credential variable that may not be read, or is not set: the text says what to fix."""


def example_variable(setting: str) -> str:
    """A fitting variable name for the setting ``setting``:
    ``channels.email.password_env`` -> ``RULESENGINE_EMAIL_PASSWORD``."""
    words = setting.removeprefix("channels.").removesuffix("_env")
    cleaned = re.sub(r"[^A-Z0-9]+", "_", words.upper()).strip("_") or "PASSWORD"
    return CREDENTIAL_PREFIX + cleaned


def credential_variable_problem(name: object, setting: str = "") -> str | None:
    """Why ``name`` may not name a credential variable, or ``None`` when it may.

    ``setting`` (such as ``channels.email.password_env``) gives the message its example.
    """
    example = example_variable(setting) if setting else f"{CREDENTIAL_PREFIX}SMTP_PASSWORD"
    if not isinstance(name, str) or not name:
        return f"expected the name of an environment variable such as {example}, got {name!r}"
    if _NAME.fullmatch(name) is None:
        return (
            f"'{name}' may not be read: a rules file may only name environment variables "
            f"that start with {CREDENTIAL_PREFIX} (capital letters, digits and _): put the "
            f"secret in a variable such as {example} and write that name here"
        )
    if name in PRODUCT_VARIABLES:
        return (
            f"'{name}' is one of rulesengine's own variables, never a channel's credential: "
            f"put the channel's secret in a variable of its own, such as {example}, and "
            "write that name here"
        )
    return None


def read_credential(name: str, setting: str, what: str = "the credential") -> str:
    """The value of the credential variable ``name``, named by the setting ``setting``
    (such as ``channels.email.password_env``); ``what`` says what it holds.

    Raises :class:`CredentialProblem` when ``name`` may not be read or is not set.
    """
    problem = credential_variable_problem(name, setting)
    if problem is not None:
        raise CredentialProblem(f"{setting}: {problem}")
    value = os.environ.get(name)
    if not value:
        raise CredentialProblem(
            f"the environment variable {name} ({setting}) is not set: it must hold {what}"
        )
    return value


def _loopback_ip(text: str) -> bool:
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def is_loopback_host(host: str | None) -> bool:
    """Whether ``host`` as written (no name lookup) is this machine: ``localhost`` or a
    loopback address (``127.0.0.0/8``, ``::1``, with or without ``[]``)."""
    if not host:
        return False
    text = host.strip().lower().rstrip(".")
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    return text == "localhost" or _loopback_ip(text)


def is_loopback_address(address: object) -> bool:
    """Whether a socket's peer address (``sock.getpeername()``) is a loopback address."""
    if isinstance(address, tuple) and address:
        address = address[0]
    return isinstance(address, str) and _loopback_ip(address)
