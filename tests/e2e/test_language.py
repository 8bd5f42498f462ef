"""The UI speaks Dutch first and switches to English; the choice stays with the browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.ui import fill_login, log_in

pytestmark = pytest.mark.e2e


def choose_language(page, code: str) -> None:
    page.locator("#language-switch").get_by_role("radio", name=code, exact=True).click()


def test_login_page_is_dutch_by_default_and_switches_to_english(app, page):
    page.goto("/login")
    expect(page.locator("#page-title")).to_have_text("Inloggen")
    expect(page.get_by_text("Wachtwoord", exact=True)).to_be_visible()

    choose_language(page, "EN")
    expect(page.locator("#page-title")).to_have_text("Sign in")
    expect(page.get_by_text("Password", exact=True)).to_be_visible()

    page.reload()
    expect(page.locator("#page-title")).to_have_text("Sign in")

    steering = app.accounts["steering"]
    fill_login(page, steering.email, steering.password + "-wrong")
    expect(page.locator("#login-error")).to_contain_text("Email address or password is not correct")


def test_signed_in_pages_follow_the_switch(app, page):
    log_in(page, app.accounts["steering"])
    expect(page.locator("#page-title")).to_have_text("Organisaties")
    expect(page.locator("#logout")).to_have_text("Uitloggen")

    choose_language(page, "EN")
    expect(page.locator("#page-title")).to_have_text("Organisations")
    expect(page.locator("#nav-personen")).to_have_text("People")
    expect(page.locator("#logout")).to_have_text("Log out")

    page.locator("#nav-personen").click()
    expect(page.locator("#nav-organisaties")).to_have_text("Organisations")

    choose_language(page, "NL")
    expect(page.locator("#nav-organisaties")).to_have_text("Organisaties")


def test_html_lang_and_tab_title_follow_the_language(app, page):
    page.goto("/login")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page).to_have_title("Inloggen · Logistics Overijssel — netwerk")

    choose_language(page, "EN")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_title("Sign in · Logistics Overijssel — network")

    log_in(page, app.accounts["steering"])  # the choice stays: a signed-in page in English
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_title("Organisations · Logistics Overijssel — network")
    choose_language(page, "NL")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page).to_have_title("Organisaties · Logistics Overijssel — netwerk")
