"""Hardening in the running app, over its own websocket: the login form and the
public registration page share the SQL-counted rate limit per client address with every
other worker and process (here: the test process spends the allowance, the app refuses)."""

from __future__ import annotations

import json
import re

import pytest

from lo_network import settings
from lo_network.ratelimit import login_limiter, public_limiter
from lo_network.services import activities
from lo_network.states.login import LoginState
from lo_network.states.public_registration import PublicActivityView, PublicRegistrationState
from tests.e2e.reflex_socket import ReflexTab
from tests.integration.test_activities import local

pytestmark = pytest.mark.e2e
LOOPBACK = ("127.0.0.1", "::1", "ui")


def _spend(limiter, limit: int) -> None:
    for address in LOOPBACK:
        for _ in range(limit):
            limiter.allow(address, limit)


def _delta(updates: list[dict], state: type) -> dict:
    merged: dict = {}
    for update in updates:
        merged |= update.get("delta", {}).get(state.get_full_name(), {})
    return {name.removesuffix("_rx_state_"): value for name, value in merged.items()}


def test_the_login_form_is_rate_limited_per_address(app):
    email, password = app.accounts["steering"].email, app.accounts["steering"].password
    login = f"{LoginState.get_full_name()}.login"
    try:
        with ReflexTab(app.base_url, {}, "/login") as tab:
            before = _delta(tab.send(login, {"form_data": {"email": email, "password": "not the password"}}), LoginState)
            assert before.get("error_key") == "login.failed"
            _spend(login_limiter, settings.get().login_rate_limit)  # another process spends the allowance
            after = _delta(tab.send(login, {"form_data": {"email": email, "password": password}}), LoginState)
            assert after.get("error_key") == "login.throttled" and after.get("wait_seconds", 0) >= 1
    finally:
        login_limiter.reset()
        from lo_network.services import accounts as service

        service.sign_in(email, password)  # clears the email's one failure for the other tests


def test_the_public_registration_page_is_rate_limited_per_address(app, admin):
    act = activities.create(admin, {"title": "Open dag Haven Deventer", "kind": "cafe", "visibility": "public",
                                    "starts_at": local(20), "ends_at": local(20, 17)}, via="test")
    path = f"/aanmelden/{act['id']}"
    try:
        public_limiter.reset()
        with ReflexTab(app.base_url, {}, path, {"public_activity_id": act["id"]}) as tab:
            shown = _delta(tab.send(f"{PublicRegistrationState.get_full_name()}.load_public"), PublicRegistrationState)
            assert shown.get("found") is True
            _spend(public_limiter, settings.get().public_rate_limit)
            updates = tab.send(f"{PublicRegistrationState.get_full_name()}.load_public")
            assert _delta(updates, PublicRegistrationState).get("found") is False
            told = _delta(updates, PublicActivityView)  # when to try again, shown instead of "does not exist"
            assert told.get("wait_seconds", 0) >= 1 and re.fullmatch(r"\d\d:\d\d:\d\d", told.get("retry_at", ""))
    finally:
        public_limiter.reset()


def test_the_public_pages_show_no_other_registrant(app, admin):
    """What the running app sends the browser of the public pages (every state delta over
    the websocket) holds nothing of another registrant."""
    from lo_network.services import registrations
    from lo_network.states.public_registration import MyRegistrationState

    public_limiter.reset()
    act = activities.create(admin, {"title": "Logistiekdag Twente", "kind": "cafe", "visibility": "public",
                                    "capacity": 1, "starts_at": local(25), "ends_at": local(25, 17)}, via="test")
    mine = registrations.register_public(act["id"], {"name": "Carla Bos", "email": "carla@bos.example",
                                                     "consent": True})
    other = registrations.register_public(act["id"], {"name": "Dirk Geheimhouder", "email": "dirk@verborgen.example",
                                                      "organisation_name": "Verborgen Logistiek", "consent": True})
    seen = []
    with ReflexTab(app.base_url, {}, f"/aanmelding/{mine.token}", {"reg_token": mine.token}) as tab:
        seen += tab.send(f"{MyRegistrationState.get_full_name()}.load_mine")
        seen += tab.updates
    with ReflexTab(app.base_url, {}, f"/aanmelden/{act['id']}", {"public_activity_id": act["id"]}) as tab:
        seen += tab.send(f"{PublicRegistrationState.get_full_name()}.load_public")
        seen += tab.updates
    text = json.dumps(seen)
    assert "Carla Bos" in text  # the page did load the visitor's own registration
    for secret in ("Dirk", "Geheimhouder", "dirk@verborgen.example", "Verborgen Logistiek", other.token,
                   other.registration["id"]):
        assert secret not in text


def test_an_expired_session_is_sent_to_the_login_page(app):
    """A session past its end (LO_SESSION_HOURS) opens nothing in the running app."""
    from datetime import timedelta

    from sqlmodel import select

    from lo_network.sqlstore import sql
    from lo_network.services import accounts as service
    from lo_network.sqlstore.models import LoginSession, utcnow

    account = app.accounts["coordinator"]
    token = service.start_session(service.authenticate(account.email, account.password))
    with ReflexTab(app.base_url, {"lo_session": token}, "/organisaties") as tab:
        live = json.dumps(tab.updates)
    assert '"/login?next=' not in live
    with sql.session() as db:
        row = db.exec(select(LoginSession).where(LoginSession.token_hash == service._digest(token))).one()
        row.expires_at = utcnow() - timedelta(seconds=1)
        db.add(row)
        db.commit()
    with ReflexTab(app.base_url, {"lo_session": token}, "/organisaties") as tab:
        tab.send(f"{LoginState.get_full_name()}.open")  # any later event: the tab has had its answers
        expired = json.dumps(tab.updates)
    assert '"/login?next=' in expired, expired[-1500:]
