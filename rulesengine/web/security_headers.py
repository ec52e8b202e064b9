"""The headers every dashboard response carries: a Content Security Policy that allows no
inline script and no other origin, no framing, no sniffing, no referrer, and no caching of
pages that show protected health information.

A pure ASGI middleware, so that it also covers error pages and static files.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CONTENT_SECURITY_POLICY", "SecurityHeaders"]

#: Everything comes from the dashboard itself; no inline script or style, no plugins, no
#: framing, forms post only to the dashboard. A statement's letter is shown as a PDF in an
#: ``<object>`` of the same origin.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " object-src 'self'; frame-src 'self'; font-src 'self'; connect-src 'self';"
    " form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)

_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode("ascii")),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
)
_NO_STORE = (b"cache-control", b"no-store")
#: A statement's letter is shown inside its own statement page (``<object>``): it alone may
#: be framed, by the dashboard's own pages.
_FRAMED_BY_SELF = tuple(
    (name, value.replace(b"frame-ancestors 'none'", b"frame-ancestors 'self'"))
    if name == b"content-security-policy"
    else (name, b"SAMEORIGIN")
    if name == b"x-frame-options"
    else (name, value)
    for name, value in _HEADERS
)


class SecurityHeaders:
    """Add :data:`_HEADERS` to every HTTP response; ``Cache-Control: no-store`` to every
    response but the static files (which hold no patient data)."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        cacheable = path.startswith("/static/")
        letter = path.startswith("/statements/") and path.endswith("/letter.pdf")
        headers_to_add = _FRAMED_BY_SELF if letter else _HEADERS

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() not in _NAMES
                ]
                headers.extend(headers_to_add)
                if not cacheable:
                    headers.append(_NO_STORE)
                message = {**message, "headers": headers}
            await send(message)

        await self._app(scope, receive, send_with_headers)


_NAMES = {name for name, _ in _HEADERS} | {_NO_STORE[0]}
