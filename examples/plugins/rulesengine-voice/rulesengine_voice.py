"""A ``voice`` channel for rulesengine: automated reminder calls to the guarantor's mobile.

With ``base_url`` set, each call is requested from a call provider's HTTP API
(``POST {base_url}/calls`` with a JSON body, bearer token from the environment variable named
by ``api_key_env``, a ``RULESENGINE_...`` name: the rules loader checks that, and that an
``http://`` base_url with a key points at a loopback address). The key goes over TLS, or in
the clear only to a connected peer that is a loopback address; the channel connects
directly (never through a proxy from the environment) and follows no redirect. Without
``base_url``, each call script is written as a JSON file into the outbox, so a practice can
try the channel before signing up with a provider.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import tempfile
import urllib.parse
from pathlib import Path

import rulesengine
from rulesengine.channels import (
    CredentialProblem,
    is_loopback_address,
    private_dir,
    read_credential,
)


class VoiceChannel(rulesengine.Channel):
    name = "voice"  # what rules files put under `channels:`
    address = "mobile"  # the guarantor contact it needs
    settings_keys = {"base_url", "api_key_env", "caller_id"}  # plus send_window and outbox
    content_keys = {"say", "voice"}
    required_content = {"say"}
    timeout_seconds = 15.0

    def __init__(self, settings):
        self.base_url = (settings.get("base_url") or "").rstrip("/")
        self.api_key_env = settings.get("api_key_env")
        self.caller_id = settings.get("caller_id")
        self.outbox = Path(settings.get("outbox") or "outbox/voice")

    def send(self, notifications):
        results = []
        for n in notifications:
            script = n.content.get("say")
            if not isinstance(script, str) or not script.strip():
                results.append(
                    rulesengine.DeliveryResult.failed(n, "the message has no 'say' text")
                )
            elif self.base_url:
                results.append(self._call(n, script))
            else:
                results.append(self._write(n, script))
        return results

    def _call(self, n, script):
        try:
            token = read_credential(
                self.api_key_env or "", "channels.voice.api_key_env", "the call provider's key"
            )
        except CredentialProblem as exc:
            return rulesengine.DeliveryResult.failed(n, str(exc))
        if not self.caller_id:
            return rulesengine.DeliveryResult.failed(
                n,
                "channels.voice needs caller_id with base_url",
            )
        body = json.dumps(
            {
                "to": n.to,
                "from": self.caller_id,
                "say": script,
                "voice": n.content.get("voice", "female"),
            }
        ).encode()
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": n.idempotency_key,  # the provider never calls twice
            "Authorization": f"Bearer {token}",
        }
        parts = urllib.parse.urlsplit(self.base_url)
        kind = (
            http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        )
        # Directly, never through a proxy from the environment: the key is for the provider.
        conn = kind(parts.hostname, parts.port, timeout=self.timeout_seconds)
        try:
            conn.connect()
            if parts.scheme != "https" and not is_loopback_address(conn.sock.getpeername()):
                return rulesengine.DeliveryResult.failed(
                    n, f"{parts.hostname} is not a loopback address: the key goes over TLS only"
                )
            conn.request("POST", f"{parts.path}/calls", body=body, headers=headers)
            reply = conn.getresponse()
            data = reply.read()
        except OSError as exc:  # connection refused, timeout, TLS failure
            return rulesengine.DeliveryResult.retry(n, f"call provider unreachable: {exc}")
        finally:
            conn.close()
        if reply.status == 429:  # slow down: no attempt is counted, the channel pauses
            return rulesengine.DeliveryResult.retry(
                n, "call provider answered HTTP 429", retry_after=_seconds(reply)
            )
        if reply.status >= 500:
            return rulesengine.DeliveryResult.retry(
                n, f"call provider answered HTTP {reply.status}"
            )
        if reply.status != 200 and reply.status != 201:  # a redirect is never followed
            return rulesengine.DeliveryResult.failed(
                n, f"call provider answered HTTP {reply.status}"
            )
        try:
            call_id = json.loads(data).get("id")
        except (ValueError, AttributeError):
            return rulesengine.DeliveryResult.retry(n, "call provider answered with bad JSON")
        return rulesengine.DeliveryResult.sent(n, provider_ref=call_id)

    def _write(self, n, script):
        private_dir(self.outbox)  # creates missing folders 0o700, never changes an existing one
        name = hashlib.sha256(n.idempotency_key.encode()).hexdigest()[:24] + ".json"
        path = self.outbox / name  # the same file on every retry
        record = {"to": n.to, "say": script, "statement_id": n.statement_id}
        fd, tmp = tempfile.mkstemp(dir=self.outbox)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(record, fh, ensure_ascii=False)
        os.replace(tmp, path)
        return rulesengine.DeliveryResult.sent(n, provider_ref=str(path))


@rulesengine.hookimpl
def register_channels(register):
    register(VoiceChannel)


def _seconds(reply):
    """The pause a 429 asks for: its ``Retry-After`` in seconds (1 when missing or not a
    number of seconds), at most an hour."""
    try:
        seconds = float(reply.getheader("Retry-After", "1"))
    except ValueError:
        return 1.0
    return min(seconds, 3600.0) if seconds >= 1.0 else 1.0  # "nan" is not >= 1
