"""A ``voice`` channel for rulesengine: automated reminder calls to the guarantor's mobile.

With ``base_url`` set, each call is requested from a call provider's HTTP API
(``POST {base_url}/calls`` with a JSON body, bearer token from the environment variable named
by ``api_key_env``, a ``RULESENGINE_...`` name: the rules loader checks that, and that an
``http://`` base_url with a key points at a loopback address). Without it, each call script
is written as a JSON file into the outbox, so a practice can try the channel before signing
up with a provider.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import rulesengine
from rulesengine.credentials import CredentialProblem, read_credential
from rulesengine.delivery import private_dir


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
        request = urllib.request.Request(
            f"{self.base_url}/calls",
            data=json.dumps(
                {
                    "to": n.to,
                    "from": self.caller_id,
                    "say": script,
                    "voice": n.content.get("voice", "female"),
                }
            ).encode(),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Idempotency-Key": n.idempotency_key,  # the provider never calls twice
            },
        )
        # Unredirected: the key never follows a redirect to another address.
        request.add_unredirected_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_seconds) as reply:
                call_id = json.load(reply).get("id")
        except urllib.error.HTTPError as exc:
            detail = f"call provider answered HTTP {exc.code}"
            exc.close()
            if exc.code == 429 or exc.code >= 500:
                return rulesengine.DeliveryResult.retry(n, detail)
            return rulesengine.DeliveryResult.failed(n, detail)
        except (OSError, ValueError) as exc:  # connection refused, timeout, bad JSON
            return rulesengine.DeliveryResult.retry(n, f"call provider unreachable: {exc}")
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
