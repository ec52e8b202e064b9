"""Channels and plugins: everything a channel plugin uses, from one place.

A plugin imports only ``rulesengine`` and ``rulesengine.channels`` (``docs/plugins.md``)::

    from rulesengine.channels import Channel, DeliveryResult, hookimpl, private_dir

- the contract: :data:`hookimpl`, :class:`Channel`, :data:`ADDRESS_KINDS`,
  :data:`MAX_IN_FLIGHT`, :class:`Notification` (what ``send`` receives),
  :class:`DeliveryResult` (what it returns) and :data:`MAX_RETRY_AFTER`;
- files: :func:`private_dir`, :func:`safe_file_stem`, :func:`write_private_file`,
  :class:`UnsafeFolder`;
- credentials: :func:`read_credential`, :class:`CredentialProblem`,
  :func:`is_loopback_host`, :func:`is_loopback_address`;
- text: :func:`exception_summary` (a result's detail for an exception), :func:`csv_text`
  and :func:`safe_cell` (spreadsheet-safe CSV), :func:`format_money`;
- the host's view of a call: :func:`call_channel` (what the queue makes of ``send``).

The modules behind these names (``contract``, ``results``, ``channel_calls``,
``private_files``, ``credentials``, ``manager``) are the host's; their other names may change.
"""

from __future__ import annotations

from rulesengine.channels.channel_calls import call_channel, exception_summary
from rulesengine.channels.channel_checks import valid_in_flight
from rulesengine.channels.contract import ADDRESS_KINDS, MAX_IN_FLIGHT, Channel
from rulesengine.channels.credentials import (
    CredentialProblem,
    is_loopback_address,
    is_loopback_host,
    read_credential,
)
from rulesengine.channels.manager import hookimpl
from rulesengine.channels.private_files import (
    UnsafeFolder,
    private_dir,
    safe_file_stem,
    write_private_file,
)
from rulesengine.channels.results import MAX_RETRY_AFTER, DeliveryResult
from rulesengine.csv_output import csv_text, safe_cell
from rulesengine.model import Notification, format_money

__all__ = [
    "ADDRESS_KINDS",
    "MAX_IN_FLIGHT",
    "MAX_RETRY_AFTER",
    "Channel",
    "CredentialProblem",
    "DeliveryResult",
    "Notification",
    "UnsafeFolder",
    "call_channel",
    "csv_text",
    "exception_summary",
    "format_money",
    "hookimpl",
    "is_loopback_address",
    "is_loopback_host",
    "private_dir",
    "read_credential",
    "safe_cell",
    "safe_file_stem",
    "valid_in_flight",
    "write_private_file",
]
