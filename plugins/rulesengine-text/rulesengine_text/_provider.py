"""Posting one message to an SMS provider in the shape of Twilio's Messages API.

A 2xx reply with a ``sid`` is ``sent``; 429 and 5xx replies, timeouts and connection
errors are ``retry``; any other 4xx is ``failed`` with the provider's own message.
"""

from __future__ import annotations

import base64
import json
import socket
import urllib.error
import urllib.parse
import urllib.request

import attrs

from rulesengine.delivery import DeliveryResult, exception_summary
from rulesengine.model import Notification

__all__ = ["Provider", "post_message"]

USER_AGENT = "rulesengine-text/0.1"


@attrs.frozen
class Provider:
    """Where to post, and as whom."""

    base_url: str
    account_sid: str
    token: str
    sender: str
    timeout: float

    @property
    def url(self) -> str:
        sid = urllib.parse.quote(self.account_sid, safe="")
        return f"{self.base_url.rstrip('/')}/2010-04-01/Accounts/{sid}/Messages.json"

    @property
    def host(self) -> str:
        return urllib.parse.urlsplit(self.base_url).netloc


def _error_text(raw: bytes) -> str:
    """The provider's message from an error body (Twilio: ``{"code": ..., "message": ...}``)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        data = None
    if isinstance(data, dict) and data.get("message"):
        code = f" (error {data['code']})" if data.get("code") else ""
        return f"{' '.join(str(data['message']).split())}{code}"
    text = " ".join(raw.decode("utf-8", "replace").split())
    return text[:200] if text else "no explanation given"


def post_message(provider: Provider, n: Notification, body: str) -> DeliveryResult:
    """Post ``body`` to ``n.to``; map every outcome to a :class:`DeliveryResult`."""
    form = urllib.parse.urlencode({"To": n.to, "From": provider.sender, "Body": body})
    credentials = f"{provider.account_sid}:{provider.token}".encode()
    request = urllib.request.Request(
        provider.url,
        data=form.encode("utf-8"),
        method="POST",
        headers={
            "Authorization": "Basic " + base64.b64encode(credentials).decode("ascii"),
            "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
            "Accept": "application/json",
            "Idempotency-Key": n.idempotency_key,
            "User-Agent": USER_AGENT,
        },
    )
    where = f"SMS provider {provider.host}"
    try:
        with urllib.request.urlopen(request, timeout=provider.timeout) as reply:
            raw = reply.read()
    except urllib.error.HTTPError as exc:
        status = exc.code
        with exc:
            text = _error_text(exc.read())
        detail = f"{where} answered HTTP {status}: {text}"
        if status == 429 or status >= 500:
            return DeliveryResult.retry(n, detail)
        return DeliveryResult.failed(n, detail)
    except TimeoutError:
        return DeliveryResult.retry(n, f"{where} did not answer within {provider.timeout:g} s")
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return DeliveryResult.retry(n, f"{where} did not answer within {provider.timeout:g} s")
        summary = exception_summary(reason) if isinstance(reason, BaseException) else str(reason)
        return DeliveryResult.retry(n, f"cannot reach {where}: {summary}")
    except OSError as exc:
        return DeliveryResult.retry(n, f"cannot reach {where}: {exception_summary(exc)}")
    try:
        sid = json.loads(raw.decode("utf-8")).get("sid")
    except (UnicodeDecodeError, ValueError, AttributeError):
        sid = None
    if not isinstance(sid, str) or not sid:
        return DeliveryResult.sent(n, detail=f"{where} accepted the message but sent no sid")
    return DeliveryResult.sent(n, provider_ref=sid)
