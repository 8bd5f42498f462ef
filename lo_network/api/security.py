"""Security headers on every HTTP answer of the app: pages, assets, the API, /ping.

A plain ASGI middleware (websocket traffic passes untouched), added to the API app in
``api.app.create_api``; Reflex mounts its own backend and the built frontend inside that
app, so one middleware covers everything the server sends.

The Content-Security-Policy fits what a Reflex 0.10 page does: its scripts and styles come
from the app itself, React and Radix set inline styles, Reflex's event loop runs
``rx.call_script`` code with ``eval`` (the paged lists use it to keep the URL in step), the
state travels over a websocket to the same host, and the map draws on a canvas. Nothing is
loaded from another site, no page may be framed, no plugin runs."""

from __future__ import annotations

from lo_network import settings


def _connect_src() -> str:
    """'self' covers the websocket to the page's own host (ws: beside http:, wss: beside
    https:); the public address (uploads, websocket) is named too, for a page opened on the
    server itself. No other host: a script that got in cannot send the session cookie
    anywhere by fetch or websocket."""
    public = settings.get().public_url
    return "connect-src 'self'" + (f" {public} {public.replace('http', 'ws', 1)}" if public else "")


CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    _connect_src(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
# The OpenAPI page (/api/v1/docs) is FastAPI's Swagger UI, which loads its script and style
# from a public CDN; it gets the same policy with that one host allowed for scripts/styles.
DOCS_CDN = "https://cdn.jsdelivr.net"
DOCS_CSP = CSP.replace("script-src 'self'", f"script-src 'self' {DOCS_CDN}").replace(
    "style-src 'self'", f"style-src 'self' {DOCS_CDN}")

INTERNAL_ERROR = b'{"detail": "Interne fout / Internal server error"}'

HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware: adds the headers above (and the CSP) to every HTTP response."""

    def __init__(self, app, docs_path: str = "/api/v1/docs"):
        self.app = app
        self.docs_path = docs_path

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = DOCS_CSP if scope.get("path", "") == self.docs_path else CSP

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode() not in present]
                if b"content-security-policy" not in present:
                    extra.append((b"content-security-policy", csp.encode()))
                message = dict(message, headers=list(message.get("headers", [])) + extra)
            await send(message)

        started = False

        async def send_tracked(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send_with_headers(message)

        try:
            await self.app(scope, receive, send_tracked)
        except Exception:
            # Starlette's ServerErrorMiddleware sits outside every middleware, so its 500 would
            # go out without these headers: answer the 500 here, then let the error be logged.
            if not started:
                await send_with_headers({"type": "http.response.start", "status": 500,
                                         "headers": [(b"content-type", b"application/json")]})
                await send_with_headers({"type": "http.response.body", "body": INTERNAL_ERROR})
            raise


class NoBareCredentials:
    """ASGI middleware, outermost: drops ``Access-Control-Allow-Credentials`` from an answer
    that grants no origin (no ``Access-Control-Allow-Origin``).

    Reflex adds Starlette's CORS middleware with credentials always on, and socket.io sends
    the header with every answer; without an allowed origin the header grants nothing, but
    it should not read as if another site's page might call the app with its cookies."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_checked(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                if b"access-control-allow-origin" not in names:
                    headers = [(n, v) for n, v in headers if n.lower() != b"access-control-allow-credentials"]
                    message = dict(message, headers=headers)
            await send(message)

        await self.app(scope, receive, send_checked)
