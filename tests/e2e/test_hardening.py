"""Hardening in the real app: security headers on pages, a CSP the app runs under
(no violation while pages load, the websocket connects, lists page), login slowed down."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest
from playwright.sync_api import expect

from lo_network.api.security import CSP
from lo_network.services import accounts
from tests.e2e.ui import fill_login, log_in

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("path", ["/login", "/organisaties", "/ping", "/api/v1/health", "/favicon.svg"])
def test_every_answer_of_the_app_server_has_the_security_headers(app, path):
    answer = httpx.get(app.base_url + path, timeout=10, follow_redirects=True)
    assert answer.status_code == 200
    assert answer.headers["content-security-policy"] == CSP
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "geolocation=()" in answer.headers["permissions-policy"]


def test_the_app_works_under_its_content_security_policy(app, page):
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text)
            if "Content Security Policy" in msg.text or "Refused to" in msg.text else None)
    log_in(page, app.accounts["coordinator"])
    expect(page.locator("#page-title")).to_be_visible()
    page.goto("/personen")  # a paged list (its URL is kept in step with rx.call_script)
    expect(page.locator("#page-title")).to_be_visible()
    page.goto("/kaart")  # the map draws on a canvas
    expect(page.locator("canvas").first).to_be_visible(timeout=20_000)
    assert violations == []


def test_repeated_failed_logins_lock_the_email_in_the_browser(app, page):
    email = f"e2e-locked-{uuid.uuid4().hex[:8]}@test.example"
    accounts.create_user(email, "a strong enough phrase", "steering")
    page.goto("/login")
    for n in range(accounts.FREE_FAILURES["email"]):
        fill_login(page, email, f"wrong password {n}")
        expect(page.locator("#login-error")).to_contain_text("klopt niet")
    fill_login(page, email, "a strong enough phrase")  # right, but locked
    expect(page.locator("#login-error")).to_contain_text(re.compile(r"Te veel mislukte pogingen.*\d+ s"))
    expect(page).to_have_url(re.compile(r"/login/?(\?|$)"))
