"""Signing in and out in the browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.ui import fill_login, log_in, log_out

pytestmark = pytest.mark.e2e


def test_wrong_password_shows_an_error_and_starts_no_session(app, page):
    steering = app.accounts["steering"]
    page.goto("/login")
    fill_login(page, steering.email, steering.password + "-wrong")

    expect(page.locator("#login-error")).to_contain_text("E-mailadres of wachtwoord klopt niet")
    expect(page).to_have_url(re.compile(r"/login/?(\?|$)"))
    assert "lo_session" not in {c["name"] for c in page.context.cookies() if c["value"]}


def test_signed_out_visitor_is_sent_to_login_and_back_after_signing_in(app, page):
    page.goto("/personen")
    expect(page).to_have_url(re.compile(r"/login/?\?next=%2Fpersonen(%2F)?$"))

    coordinator = app.accounts["coordinator"]
    fill_login(page, coordinator.email, coordinator.password)
    expect(page).to_have_url(re.compile(r"/personen/?$"))
    expect(page.locator("#current-user-name")).to_have_text("E2E coordinator")

    log_out(page)
    page.goto("/organisaties")
    expect(page).to_have_url(re.compile(r"/login/?\?next=%2Forganisaties(%2F)?$"))


def test_signed_in_user_skips_the_login_page(app, page):
    log_in(page, app.accounts["steering"])
    page.goto("/login")
    expect(page).to_have_url(re.compile(r"/organisaties/?$"))
