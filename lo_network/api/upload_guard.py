"""The doors that take a file: Reflex's own upload endpoint (``POST /_upload``, used by the
import page) and the API's ``POST /api/v1/imports``. Both would read the whole body (to
disk) before anything of ours runs, so this ASGI middleware, wrapped around the whole app
(``api_transformer`` in lo_network.py), checks before the body is read:

- who asks: ``/_upload`` needs a signed-in user (the ``lo_session`` cookie the page's own
  request carries) whose role has the permission the named upload handler declares with
  ``@requires`` (its ``lo_permission``); a handler without one takes no uploads. The API
  route needs a personal token of a user allowed to edit the network. 401 / 403 otherwise.
- how much: a ``Content-Length`` over LO_IMPORT_MAX_BYTES (plus room for the multipart
  envelope) is refused with 413 at once; a body without one (chunked) is counted as it
  streams and refused with 413 once it passes the limit, never buffered whole.

The handlers check the user again themselves (defence in depth)."""

from __future__ import annotations

import json
from typing import Any, Callable

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.requests import cookie_parser

from lo_network import settings
from lo_network.domain.permissions import Permission, allowed

REFLEX_UPLOAD = "/_upload"
API_IMPORT = "/api/v1/imports"
# what a multipart body holds next to the file itself: boundaries, part headers, the
# handler's extra arguments
ENVELOPE = 64 * 1024

NOT_SIGNED_IN = "Niet ingelogd / Not signed in"
NO_RIGHTS = "Geen rechten voor deze actie / No rights for this action"


def too_large_message(limit: int) -> str:
    from lo_network.domain.imports import too_large

    return too_large("", limit).errors["file"]


class BodyTooLarge(Exception):
    """The request body passed the limit while it streamed in."""


def _upload_permission(handler_name: str) -> Permission | None:
    """The permission the Reflex upload handler named in the request declares (``@requires``)."""
    from reflex_base.registry import RegistrationContext

    try:
        registered = RegistrationContext.get().event_handlers.get(handler_name)
    except LookupError:
        return None
    fn = getattr(getattr(registered, "handler", None), "fn", None)
    return getattr(fn, "lo_permission", None)


def _session_role(headers: Headers) -> str | None:
    """The role of the user signed in with the request's session cookie, else None."""
    from lo_network.services import accounts as service
    from lo_network.states.session import SESSION_COOKIE

    token = cookie_parser(headers.get("cookie", "")).get(SESSION_COOKIE, "")
    user = service.user_for_session(token) if token else None
    return user.role if user is not None else None


def _token_role(headers: Headers) -> str | None:
    """The role of the user of the request's API token (``Authorization: Bearer``), else None."""
    from lo_network.services import accounts as service

    scheme, _, token = headers.get("authorization", "").partition(" ")
    user = service.user_for_api_token(token.strip()) if scheme.lower() == "bearer" and token.strip() else None
    return user.role if user is not None else None


class UploadGuard:
    """ASGI middleware: the upload doors refuse strangers and oversized bodies unread."""

    def __init__(self, app: Callable):
        self.app = app

    @staticmethod
    def _door(scope: dict[str, Any]) -> str:
        if scope.get("type") != "http" or scope.get("method") != "POST":
            return ""
        path = scope.get("path", "").rstrip("/")
        return path if path in (REFLEX_UPLOAD, API_IMPORT) else ""

    async def __call__(self, scope, receive, send) -> None:
        door = self._door(scope)
        if not door:
            await self.app(scope, receive, send)
            return
        limit = settings.get().import_max_bytes
        headers = Headers(scope=scope)
        # the permission is looked up here (the Reflex registry lives in this context), the
        # user in a worker thread (SQL)
        needed = _upload_permission(headers.get("reflex-event-handler", "")) if door == REFLEX_UPLOAD \
            else Permission.EDIT_NETWORK
        role = await run_in_threadpool(_session_role if door == REFLEX_UPLOAD else _token_role, headers)
        if role is None:
            await _answer(send, 401, NOT_SIGNED_IN, bearer=door == API_IMPORT)
            return
        if needed is None or not allowed(role, needed):
            await _answer(send, 403, NO_RIGHTS)
            return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit + ENVELOPE):
            await _answer(send, 413, too_large_message(limit), {"file": too_large_message(limit)})
            return
        await self._capped(scope, receive, send, limit + ENVELOPE, too_large_message(limit))

    async def _capped(self, scope, receive, send, most: int, message: str) -> None:
        """Run the app with a body counted as it arrives; past ``most`` bytes the app's
        reading fails, its own answer is dropped and 413 is sent instead."""
        seen = 0
        over = False
        started = False

        async def counted_receive():
            nonlocal seen, over
            event = await receive()
            if event.get("type") == "http.request":
                seen += len(event.get("body", b""))
                if seen > most:
                    over = True
                    raise BodyTooLarge()
            return event

        async def guarded_send(event):
            nonlocal started
            if over:
                return  # the app's answer to a body it could not finish reading
            started = started or event.get("type") == "http.response.start"
            await send(event)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except BodyTooLarge:
            pass
        except Exception:
            if not over:
                raise
        if over and not started:
            await _answer(send, 413, message, {"file": message})


async def _answer(send, status: int, detail: str, errors: dict[str, str] | None = None, bearer: bool = False) -> None:
    """An answer in the API's error shape (``detail`` and, for bad input, ``errors``)."""
    body = json.dumps({"detail": detail, **({"errors": errors} if errors else {})}, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    if bearer:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
