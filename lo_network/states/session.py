"""The base state of every page: who is signed in, the UI language, the graph banner,
and the ``requires`` guard for event handlers.

Rights are never taken from state vars: :meth:`SessionState.actor` looks the session
cookie up in SQL on every call, so an expired, ended or forged session keeps no rights.
The display vars (``user_name``, ``user_role``, ...) only decide what the page shows.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable
from urllib.parse import quote

import reflex as rx

from lo_network import messages
from lo_network import settings
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import ROLE_PERMISSIONS, Permission, PermissionDenied, allowed, may_open
from lo_network.i18n import LANGUAGES, follow_language, tr
from lo_network.services import accounts
from lo_network.services.accounts import Actor
from lo_network.sqlstore.models import User
from lo_network.store.driver import GraphUnavailable

SESSION_COOKIE = "lo_session"
LANGUAGE_COOKIE = "lo_lang"
LOGIN_ROUTE = "/login"
HOME_ROUTE = "/organisaties"
_YEAR = 365 * 24 * 3600
# Behind TLS (LO_PUBLIC_URL https://...) the browser sends the cookies over TLS only.
_SECURE_COOKIES = settings.get().public_url.startswith("https://")


class server_only:  # noqa: N801  (used like a decorator)
    """Mark a state method as callable from Python only.

    Reflex turns every public function of a state class into an event the browser may
    send; a method wrapped in this descriptor is not a function, so it stays server-side."""

    def __init__(self, fn: Callable):
        self.fn = fn
        functools.update_wrapper(self, fn)

    def __get__(self, instance: Any, owner: type | None = None) -> Callable:
        if instance is None:
            return self.fn
        return self.fn.__get__(instance, owner)


def safe_next(target: str | None) -> str:
    """Where to go after login: a local path only (no other sites, no scheme tricks)."""
    target = (target or "").strip()
    if not target.startswith("/") or target.startswith("//") or "\\" in target or target.startswith(LOGIN_ROUTE):
        return HOME_ROUTE
    return target


def requires(permission: Permission, *, graph: bool = True):
    """Guard an event handler of SessionState or any of its substates.

    Before the handler runs, the signed-in user is resolved from the session cookie; with
    nobody signed in the browser goes to the login page, with a role that lacks
    ``permission`` a "no rights" toast is shown; in both cases the handler does not run.
    Errors of the services are shown the same way for every handler: an unreachable graph
    raises the red banner (``graph_down``) and leaves the form as the user typed it;
    PermissionDenied, NotFound and an unhandled ValidationError become a toast.
    With ``graph=True`` a handler that finishes clears the banner (the graph answered).

    Works for plain, generator, async and async-generator handlers; keeps the handler's
    name, signature and annotations (functools.wraps), which Reflex reads to register it
    and to convert its arguments. The produced function carries ``lo_permission``.
    """

    def decorate(fn: Callable) -> Callable:
        if inspect.isasyncgenfunction(fn):

            @functools.wraps(fn)
            async def handler(self, *args, **kwargs):
                refusal = self._guard(permission)
                if refusal is not None:
                    yield refusal
                    return
                try:
                    async for event in fn(self, *args, **kwargs):
                        yield event
                except (GraphUnavailable, PermissionDenied, NotFound, ValidationError) as exc:
                    yield self._handle_failure(exc)
                    return
                if graph:
                    self.graph_down = False

        elif inspect.iscoroutinefunction(fn):

            @functools.wraps(fn)
            async def handler(self, *args, **kwargs):
                refusal = self._guard(permission)
                if refusal is not None:
                    return refusal
                try:
                    result = await fn(self, *args, **kwargs)
                except (GraphUnavailable, PermissionDenied, NotFound, ValidationError) as exc:
                    return self._handle_failure(exc)
                if graph:
                    self.graph_down = False
                return result

        elif inspect.isgeneratorfunction(fn):

            @functools.wraps(fn)
            def handler(self, *args, **kwargs):
                refusal = self._guard(permission)
                if refusal is not None:
                    yield refusal
                    return
                try:
                    result = yield from fn(self, *args, **kwargs)
                except (GraphUnavailable, PermissionDenied, NotFound, ValidationError) as exc:
                    yield self._handle_failure(exc)
                    return
                if graph:
                    self.graph_down = False
                return result

        else:

            @functools.wraps(fn)
            def handler(self, *args, **kwargs):
                refusal = self._guard(permission)
                if refusal is not None:
                    return refusal
                try:
                    result = fn(self, *args, **kwargs)
                except (GraphUnavailable, PermissionDenied, NotFound, ValidationError) as exc:
                    return self._handle_failure(exc)
                if graph:
                    self.graph_down = False
                return result

        handler.lo_permission = permission
        return handler

    return decorate


class SessionState(rx.State):
    """Signed-in user, language and graph availability; the parent of every page state."""

    session_token: str = rx.Cookie(
        "", name=SESSION_COOKIE, path="/", same_site="strict", secure=_SECURE_COOKIES,
        max_age=settings.get().session_hours * 3600,
    )
    lang: str = rx.Cookie(
        settings.get().default_language if settings.get().default_language in LANGUAGES else "nl",
        name=LANGUAGE_COOKIE, path="/", same_site="strict", secure=_SECURE_COOKIES, max_age=_YEAR,
    )
    user_name: str = ""
    user_email: str = ""
    user_role: str = ""
    graph_down: bool = False

    # ------------------------------------------------------------ computed, for display only
    @rx.var
    def signed_in(self) -> bool:
        return self.user_email != ""

    @rx.var
    def can_edit_network(self) -> bool:
        return allowed(self.user_role, Permission.EDIT_NETWORK)

    @rx.var
    def is_admin(self) -> bool:
        return allowed(self.user_role, Permission.MANAGE_USERS)

    @rx.var(auto_deps=False, deps=[])
    def public_feed_webcal(self) -> str:
        """The public calendar feed's address for subscribing (webcal:), from LO_PUBLIC_URL."""
        from lo_network.services import activities as activity_service

        return activity_service.webcal_url(activity_service.public_feed_url())

    @rx.var
    def permissions(self) -> list[str]:
        """The signed-in role's permissions (their values): what the menu offers."""
        return sorted(p.value for p in ROLE_PERMISSIONS.get(self.user_role, frozenset()))

    @rx.var
    def page_allowed(self) -> bool:
        """May the signed-in role use the page that is open (domain.permissions.PAGES)?
        If not, the layout shows the no-access banner in place of the page."""
        return may_open(self.user_role, self.router.url.path)

    # ------------------------------------------------------------ server-side identity
    @server_only
    def actor(self) -> Actor | None:
        """The user behind the session cookie right now, or None (resolved in SQL each call)."""
        user = accounts.user_for_session(self.session_token)
        if user is None:
            self._forget_user()
            return None
        self._show_user(user)
        return Actor.of(user)

    @server_only
    def signed_in_actor(self) -> Actor:
        """Like :meth:`actor`, but raises PermissionDenied when nobody is signed in."""
        actor = self.actor()
        if actor is None:
            raise PermissionDenied(Permission.VIEW)
        return actor

    @server_only
    def ui_text(self, key: str) -> str:
        """A UI string of lo_network.i18n in this session's language."""
        return tr(key, self.lang)

    @server_only
    def refuse(self, key: str = "common.no_rights"):
        """The toast that tells the user an action was refused (nothing was changed)."""
        return rx.toast.error(self.ui_text(key), close_button=True)

    def _show_user(self, user: User) -> None:
        self.user_name = user.name or user.email
        self.user_email = user.email
        self.user_role = user.role

    def _forget_user(self) -> None:
        self.user_name = ""
        self.user_email = ""
        self.user_role = ""

    def _login_redirect(self):
        url = self.router.url
        here = url.path + (f"?{url.query}" if url.query else "")
        if url.path.startswith(LOGIN_ROUTE):
            return None
        return rx.redirect(f"{LOGIN_ROUTE}?next={quote(here, safe='')}")

    def _guard(self, permission: Permission):
        """None when the current user may do ``permission``; else the event that says no."""
        actor = self.actor()
        if actor is None:
            return self._login_redirect()
        if not allowed(actor.role, permission):
            if not may_open(actor.role, self.router.url.path):
                return rx.noop()  # the page itself already says so (no-access banner): no toast on top
            return self.refuse()
        return None

    def _handle_failure(self, exc: Exception):
        """Turn a service error into what the user sees; nothing is saved in any case."""
        if isinstance(exc, GraphUnavailable):
            self.graph_down = True
            return rx.toast.error(self.ui_text("common.graph_down"), close_button=True)
        if isinstance(exc, PermissionDenied):
            return self.refuse()
        if isinstance(exc, NotFound):
            return rx.toast.error(self.ui_text("common.not_found"), close_button=True)
        if isinstance(exc, ValidationError):
            return rx.toast.error(
                "; ".join(messages.text(m, self.lang) for m in exc.errors.values()), close_button=True
            )
        raise exc

    # ------------------------------------------------------------ events
    def set_language(self, lang: str | list[str]):
        """Switch the UI language (kept in the lo_lang cookie)."""
        if isinstance(lang, list):  # a segmented control may send a list
            lang = lang[0] if lang else ""
        if lang in LANGUAGES:
            self.lang = lang

    @requires(Permission.VIEW, graph=False)
    def require_login(self):
        """on_load of every page without a guarded load handler of its own: sends a
        visitor who is not signed in to the login page (the guard does the work)."""

    def logout(self):
        """End the session in SQL and empty the cookie. (Not rx.remove_cookie: that replays
        the page's on_load, whose guard would send the login page a ?next= back here.)"""
        accounts.end_session(self.session_token)
        self.session_token = ""
        self._forget_user()
        return rx.redirect(LOGIN_ROUTE)


follow_language(SessionState.lang)  # what t() and pick() show follows the session's language
