"""Signing in: check email and password, start a session, go where the user wanted."""

from __future__ import annotations

import reflex as rx

from lo_network import settings as settings_mod
from lo_network.ratelimit import login_limiter
from lo_network.services import accounts
from lo_network.states.session import SessionState, safe_next


class LoginState(SessionState):
    """The login form. The password is read from the submitted form only, never kept."""

    error_key: str = ""
    wait_seconds: int = 0  # with error_key "login.throttled": how long to wait

    def _next(self) -> str:
        return safe_next(self.router.url.query_parameters.get("next"))

    def open(self):
        """on_load of /login: someone already signed in goes straight on."""
        self.error_key = ""
        if self.actor() is not None:
            return rx.redirect(self._next())
        return None

    def login(self, form_data: dict):
        email = str(form_data.get("email") or "").strip()
        password = str(form_data.get("password") or "")
        if not email or not password:
            self.error_key = "login.required"
            return None
        allowed, wait = login_limiter.allow(self.router.session.client_ip or "ui", settings_mod.get().login_rate_limit)
        if not allowed:  # login attempts per address, right or wrong, shared by workers
            self.error_key = "login.throttled"
            self.wait_seconds = int(wait)
            return None
        try:
            user = accounts.sign_in(email, password, self.router.session.client_ip)
        except accounts.LoginThrottled as exc:
            self.error_key = "login.throttled"
            self.wait_seconds = exc.seconds
            return None
        if user is None:
            self.error_key = "login.failed"
            return None
        self.error_key = ""
        self.session_token = accounts.start_session(user)
        self._show_user(user)
        return rx.redirect(self._next())
