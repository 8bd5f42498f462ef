"""An organiser creates a trade mission, the public registers on its page without an
account, and at the door the organiser checks one person in (on a phone-sized screen)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from lo_network.domain.activities import TZ
from tests.e2e.test_crm_flow import UUID_PATH, choose
from tests.e2e.ui import log_in, log_out

pytestmark = pytest.mark.e2e


def create_trade_mission(page: Page, title: str) -> str:
    page.goto("/activiteiten")
    page.locator("#act-new").click()
    expect(page).to_have_url(re.compile(r"/activiteiten/nieuw/?$"))
    page.locator("#act-title").fill(title)
    choose(page, "act-kind", "Handelsmissie")
    start = (datetime.now(TZ) + timedelta(days=21)).replace(hour=9, minute=0)
    page.locator("#act-starts_at").fill(start.strftime("%d-%m-%Y %H:%M"))
    page.locator("#act-ends_at").fill(start.strftime("%d-%m-%Y %H:%M"))  # a mistake: ends when it starts
    page.locator("#act-location").fill("Vilnius")
    page.locator("#act-capacity").fill("12")
    page.locator("#act-themes-international").click()
    page.locator("#act-save").click()
    expect(page.locator("#error-ends_at")).to_contain_text("ligt niet na het begin")
    expect(page).to_have_url(re.compile(r"/activiteiten/nieuw/?$"))

    page.locator("#act-ends_at").fill((start + timedelta(days=2, hours=8)).strftime("%d-%m-%Y %H:%M"))
    expect(page.locator("#error-ends_at")).to_have_count(0)
    page.locator("#act-save").click()
    expect(page).to_have_url(re.compile(r"/activiteiten" + UUID_PATH))
    expect(page.locator("#page-title")).to_have_text(title)
    expect(page.locator("#act-view-location")).to_have_text("Vilnius")
    expect(page.locator("#act-view-starts")).to_have_text(start.strftime("%d-%m-%Y %H:%M"))
    return re.search(UUID_PATH, page.url).group(1)


def register_publicly(page: Page, activity_id: str, name: str, email: str, organisation: str) -> str:
    page.goto(f"/aanmelden/{activity_id}")
    expect(page.locator("#page-title")).to_be_visible()
    expect(page.locator("#pub-purpose")).to_contain_text("Logistics Overijssel gebruikt uw naam")
    page.locator("#pub-name").fill(name)
    page.locator("#pub-email").fill(email)
    page.locator("#pub-organisation_name").fill(organisation)
    page.locator("#pub-submit").click()
    expect(page.locator("#error-consent")).to_contain_text("geef toestemming")
    page.locator("#pub-consent").click()
    page.locator("#pub-submit").click()
    expect(page.locator("#pub-done")).to_contain_text("U bent aangemeld")
    return personal_link(activity_id, email)


def personal_link(activity_id: str, email: str) -> str:
    """The personal link of the newest email to ``email`` (the page does not show it: the
    same page answers an address registered before, whose owner gets the link by email)."""
    from lo_network.sqlstore import outbox

    newest = next(e for e in outbox.for_activity(activity_id) if e.to_address == email)
    return next(word for word in newest.body.split() if "/aanmelding/" in word)


def test_organiser_creates_trade_mission_public_registers_check_in(app, browser, page, admin):
    from lo_network.services import registrations

    title = "Handelsmissie Litouwen 2026"
    log_in(page, app.accounts["organiser"])
    activity_id = create_trade_mission(page, title)
    log_out(page)

    visitor = browser.new_context(base_url=app.base_url, locale="nl-NL", timezone_id="Europe/Amsterdam")
    try:
        public = visitor.new_page()
        link = register_publicly(public, activity_id, "Ruta Petraitė", "ruta@baltic-freight.example", "Baltic Freight UAB")
        register_publicly(public, activity_id, "Sander Kok", "sander@kok-transport.example", "Kok Transport")
        assert re.search(r"/aanmelding/[A-Za-z0-9_-]{40,}$", link)
        public.goto(link)
        expect(public.locator("#mine-status")).to_have_text("Aangemeld")
        expect(public.locator("#mine-name")).to_have_value("Ruta Petraitė")
    finally:
        visitor.close()

    rows = registrations.list_for_activity(admin, activity_id)
    assert sorted((r["name"], r["status"], r["organisation_proposed"]) for r in rows) == [
        ("Ruta Petraitė", "registered", True), ("Sander Kok", "registered", True)]

    page.set_viewport_size({"width": 390, "height": 844})  # a phone at the door
    log_in(page, app.accounts["organiser"])
    page.goto(f"/activiteiten/{activity_id}/inchecken")
    expect(page.locator("#page-title")).to_have_text(title)
    expect(page.locator(".checkin-row")).to_have_count(2)
    page.locator("#checkin-search").press_sequentially("baltic", delay=50)
    expect(page.locator(".checkin-row")).to_have_count(1)
    expect(page.locator(".checkin-row")).to_contain_text("Ruta Petraitė")
    page.locator(".checkin-present").click()
    expect(page.locator(".checkin-undo")).to_be_visible()
    expect(page.locator("#checkin-present-count")).to_have_text("1")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the check-in page is wider than the phone: {width}px"
    page.locator("#walkin-add").click()  # a walk-in without a name: the error is read with its field
    expect(page.locator("#error-name")).to_be_visible()
    expect(page.locator("#walkin-name")).to_have_attribute("aria-describedby", "error-name")
    expect(page.locator("#walkin-name")).to_have_attribute("aria-invalid", "true")

    present = {r["name"]: r["attendance"] for r in registrations.list_for_activity(admin, activity_id)}
    assert present == {"Ruta Petraitė": "present", "Sander Kok": ""}

    page.goto(f"/activiteiten/{activity_id}")
    expect(page.locator(".reg-row")).to_have_count(2)
    expect(page.locator("#outbox-table .outbox-row")).to_have_count(2)  # two confirmations in the outbox

    page.goto(f"/activiteiten/{activity_id}/naamlijst")
    expect(page.locator("#names-table .name-line")).to_have_count(2)
    expect(page.locator("#names-table .name-line").first).to_contain_text("Ruta Petraitė")
    page.set_viewport_size({"width": 390, "height": 844})  # the list shared on a phone fits it
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
