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



# Tables marked to stack on a phone (components.layout.STACK_ON_PHONE): [scrollWidth, clientWidth]
# of each one's scrolling box, the Radix table root's viewport.
STACKED_TABLE_WIDTHS = """[...document.querySelectorAll('.stack-on-phone')].map(t => {
  const box = t.querySelector('.rt-ScrollAreaViewport') || t;
  return [box.scrollWidth, box.clientWidth];
})"""


def assert_stacked_tables_fit(page: Page, at_least: int = 1) -> None:
    """Each stacking table on the page is no wider than its box: nothing to scroll sideways."""
    sizes = page.evaluate(STACKED_TABLE_WIDTHS)
    assert len(sizes) >= at_least, f"{page.url}: {len(sizes)} stacking tables, expected {at_least}"
    wide = [s for s in sizes if s[0] > s[1] + 1]
    assert not wide, f"{page.url}: tables wider than their box (scroll, client): {wide}"


def open_new_import(page: Page, *, go: bool = True) -> None:
    """/importeren ready for a new file: the page opens on the user's newest job, if any,
    and that one is left for a new one (``go``: open the page first)."""
    if go:
        page.goto("/importeren")
    expect(page).to_have_url(re.compile(r"/importeren/?$"))
    expect(page.locator("#import-upload").or_(page.locator("#import-new")).first).to_be_visible()
    if page.locator("#import-new").is_visible():
        page.locator("#import-new").click()
    expect(page.locator("#import-upload")).to_be_visible()
