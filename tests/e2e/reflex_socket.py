"""Talk to the running app over its own websocket the way its frontend does.

The Reflex 0.10 frontend (``.web/utils/state.js``) opens a socket.io connection to the
namespace ``/_event`` (socket.io path ``/_event``, transport websocket) with its tab token
in the query string, and sends ``{state}.hydrate_and_load`` in the CONNECT packet's auth,
carrying the browser's cookies as ``vars`` keyed ``<state full name>.<var>``. Every event
is then emitted as ``"event"``: ``{"name": "<state full name>.<handler>", "payload":
{arg: value}, "router_data": {"pathname", "asPath", "query"}}``. The backend answers with
``"event"`` messages holding a state ``delta`` and frontend ``events`` (toasts, redirects).
Events of one tab are processed one after another, so the answer to a later marker event
means an earlier event has been handled."""

from __future__ import annotations

import json
import threading
import time
import uuid
from typing import Any
from urllib.parse import urlencode

import socketio

NAMESPACE = "/_event"
ROOT_STATE = "reflex___state____state"
_HYDRATED = "is_hydrated_rx_state_"


def cookie_vars(cookies: dict[str, str]) -> dict[str, str]:
    """The hydrate ``vars`` for browser cookies given by cookie name, as the frontend sends them."""
    import reflex as rx
    from reflex.compiler.utils import compile_client_storage

    declared = compile_client_storage(rx.State)["cookies"]
    out = {}
    for key, options in declared.items():
        name = options.get("name") or key
        if name in cookies:
            out[key] = cookies[name]
    missing = set(cookies) - {declared[k].get("name") or k for k in out}
    if missing:
        raise LookupError(f"no state declares the cookie(s) {sorted(missing)}")
    return out


def router_data(path: str, params: dict[str, str] | None = None) -> dict[str, Any]:
    query = dict(params or {})
    data: dict[str, Any] = {"pathname": path, "asPath": path + (f"?{urlencode(query)}" if query else "")}
    if query:
        data["query"] = query
    return data


class ReflexTab:
    """One browser tab's connection: hydrated on ``path`` with ``cookies``, sends events."""

    def __init__(self, base_url: str, cookies: dict[str, str], path: str = "/",
                 params: dict[str, str] | None = None, timeout: float = 20.0, token: str | None = None):
        self.base_url = base_url
        self.timeout = timeout
        self.path, self.params = path, dict(params or {})
        self.updates: list[dict] = []
        self._seen = threading.Condition()
        self._hydrated_count = 0
        self._client = socketio.Client(reconnection=False)
        self._client.on("event", self._on_update, namespace=NAMESPACE)
        boot = {"name": f"{ROOT_STATE}.hydrate_and_load", "payload": {"vars": cookie_vars(cookies)},
                "router_data": router_data(path, params)}
        # the tab's client token (Reflex-Client-Token of an upload); a reloaded tab keeps its own
        self.token = token or str(uuid.uuid4())
        self._client.connect(
            f"{base_url}?token={self.token}", namespaces=[NAMESPACE], socketio_path="/_event",
            transports=["websocket"], auth={"event": boot}, wait_timeout=timeout,
        )
        try:
            self._wait_for(lambda: self._hydrated_true(self.updates), "the page to hydrate")
        except TimeoutError:
            self.close()
            raise

    # ------------------------------------------------------------ receiving
    def _on_update(self, data: dict) -> None:
        with self._seen:
            self.updates.append(data)
            self._seen.notify_all()

    @staticmethod
    def _hydrated_true(updates: list[dict]) -> int:
        return sum(1 for u in updates if u.get("delta", {}).get(ROOT_STATE, {}).get(_HYDRATED) is True)

    def _wait_for(self, condition, what: str) -> None:
        deadline = time.monotonic() + self.timeout
        with self._seen:
            while not condition():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no answer from the app within {self.timeout:.0f} s waiting for {what}; "
                                       f"updates so far: {json.dumps(self.updates)[-2000:]}")
                self._seen.wait(left)

    # ------------------------------------------------------------ sending
    def emit(self, name: str, payload: dict[str, Any] | None = None) -> None:
        event = {"name": name, "payload": payload or {}, "router_data": router_data(self.path, self.params)}
        self._client.emit("event", event, namespace=NAMESPACE)

    def send(self, name: str, payload: dict[str, Any] | None = None) -> list[dict]:
        """Send one event and return the updates the app sent while handling it.

        A marker event (``set_is_hydrated(True)`` on the root state) follows it; its answer
        arrives after the event has been handled, the tab's events being sequential."""
        with self._seen:
            start = len(self.updates)
            markers = self._hydrated_true(self.updates)
        self.emit(name, payload)
        self.emit(f"{ROOT_STATE}.set_is_hydrated", {"value": True})
        self._wait_for(lambda: self._hydrated_true(self.updates) > markers, f"the answer to {name}")
        with self._seen:
            return self.updates[start:]

    def close(self) -> None:
        self._client.disconnect()

    def __enter__(self) -> "ReflexTab":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
