"""Steps a person takes in the browser, shared by the end-to-end tests."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.app_server import Account


def log_in(page: Page, account: Account, *, then: str = "/organisaties") -> None:
    """Sign in on /login and wait until the app has taken the user on to ``then``."""
    page.goto("/login")
    fill_login(page, account.email, account.password)
    expect(page).to_have_url(re.compile(re.escape(then) + r"/?(\?|$)"))
    expect(page.locator("#current-user-name")).to_have_text(re.compile(r"\S"))


def fill_login(page: Page, email: str, password: str) -> None:
    page.locator("#login-email").fill(email)
    page.locator("#login-password").fill(password)
    page.locator("#login-submit").click()


def log_out(page: Page) -> None:
    page.locator("#logout").click()
    expect(page).to_have_url(re.compile(r"/login/?(\?|$)"))

