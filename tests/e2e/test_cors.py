"""Another site's page gets nothing from the running app: no CORS answer naming its origin,
no credentials allowed, no websocket (socket.io); the app's own origin keeps working.

Covers every layer that answers cross-origin requests: the REST API (FastAPI), Reflex's own
endpoints (/ping, /_upload) and its socket.io endpoint (/_event)."""

from __future__ import annotations

import httpx
import pytest
import websocket

pytestmark = pytest.mark.e2e

EVIL = "https://evil.example"
PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
ANSWERS = [
    ("GET", "/api/v1/health", {}),
    ("OPTIONS", "/api/v1/organisations", PREFLIGHT),
    ("GET", "/ping", {}),
    ("OPTIONS", "/_upload", PREFLIGHT),
    ("GET", "/_event/?EIO=4&transport=websocket", {}),
]


@pytest.mark.parametrize(("method", "path", "headers"), ANSWERS, ids=[f"{m} {p}" for m, p, _ in ANSWERS])
def test_only_the_apps_own_origin_gets_a_cors_answer(app, method, path, headers):
    evil = httpx.request(method, app.base_url + path, headers={**headers, "Origin": EVIL}, timeout=10)
    lowered = {name.lower() for name in evil.headers}
    assert "access-control-allow-origin" not in lowered, evil.headers
    assert "access-control-allow-credentials" not in lowered, evil.headers

    own = httpx.request(method, app.base_url + path, headers={**headers, "Origin": app.base_url}, timeout=10)
    # (socket.io and Reflex's CORS layer both name it on /_event: the same origin twice)
    assert set(own.headers.get_list("access-control-allow-origin")) == {app.base_url}


def _socket_url(app) -> str:
    return app.base_url.replace("http://", "ws://") + "/_event/?EIO=4&transport=websocket"


def test_the_websocket_refuses_another_sites_page_and_serves_the_apps_own(app):
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(_socket_url(app), origin=EVIL, timeout=10)
    assert 400 <= refused.value.status_code < 500  # refused at the handshake (granian: 403)

    own = websocket.create_connection(_socket_url(app), origin=app.base_url, timeout=10)
    try:
        assert own.recv().startswith("0{")  # Engine.IO's open packet: the session started
    finally:
        own.close()
