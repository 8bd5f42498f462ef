"""What an organiser and a visitor meet on the activity pages in Chromium: calendar files and
feeds download (never the client router's 404), a bulk registration refused names each
person, the public page says when it is over the rate limit or full, no page is wider than
a 390 px phone, and date-time fields are Dutch in an English browser."""

from __future__ import annotations

import os
import re
from pathlib import Path
from uuid import uuid4

import httpx
import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from lo_network import settings
from lo_network.ratelimit import public_limiter
from lo_network.services import activities, consent, organisations, people, registrations
from tests.e2e.conftest import UI_TIMEOUT_MS
from tests.e2e.test_hardening_limits import _spend
from tests.e2e.ui import assert_stacked_tables_fit, log_in
from tests.integration.test_activities import local

pytestmark = pytest.mark.e2e
SHOTS = os.environ.get("LO_E2E_SCREENSHOTS", "")  # a folder to save screenshots in, to look at them


def _calendar_of(path: str | Path) -> Calendar:
    data = Path(path).read_bytes()
    assert b"404" not in data[:200] and data.startswith(b"BEGIN:VCALENDAR"), data[:200]
    return Calendar.from_ical(data)


def _download(page: Page, selector: str) -> Calendar:
    """Click a link or button and return the calendar it downloads; the page stays put."""
    url = page.url.rstrip("/")
    with page.expect_download() as info:
        page.locator(selector).click()
    cal = _calendar_of(info.value.path())
    assert page.url.rstrip("/") == url  # no navigation (the router's 404 was one)
    expect(page.get_by_text("404: Page not found")).to_have_count(0)  # the router's page (an id may hold "404")
    return cal


def _summaries(cal: Calendar) -> list[str]:
    return [str(e.get("summary")) for e in cal.walk("VEVENT")]


def _public_activity(admin, title: str, **extra) -> dict:
    return activities.create(admin, {"title": title, "kind": "cafe", "visibility": "public", "location": "Zwolle",
                                     "starts_at": local(30, 16), "ends_at": local(30, 18)} | extra, via="e2e")


def _shoot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def test_every_calendar_link_downloads_a_calendar(app, admin, browser):
    public_limiter.reset()
    title = f"Logistiek café kalender {uuid4().hex[:6]}"
    act = _public_activity(admin, title)
    mine = registrations.register_public(act["id"], {"name": "Ans Agenda", "email": f"ans-{uuid4().hex[:6]}@x.example",
                                                     "consent": True})
    context = browser.new_context(base_url=app.base_url, locale="nl-NL", timezone_id="Europe/Amsterdam",
                                  accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app.base_url)
    context.set_default_timeout(UI_TIMEOUT_MS)
    page = context.new_page()
    try:
        # the public registration page: this activity, and the public feed (download or subscribe)
        page.goto(f"/aanmelden/{act['id']}")
        expect(page.locator("#page-title")).to_have_text(title)
        assert _summaries(_download(page, "#pub-add-to-calendar")) == [title]
        assert title in _summaries(_download(page, "#pub-public-feed-download"))
        webcal = page.locator("#pub-public-feed-subscribe").get_attribute("href")
        assert webcal == settings.get().base_url.replace("http://", "webcal://") + "/api/v1/calendar/public.ics"
        fetched = httpx.get(webcal.replace("webcal://", "http://"), timeout=10)
        assert fetched.status_code == 200 and fetched.headers["content-type"].startswith("text/calendar")

        # the personal page reached by the link in the email
        page.goto(f"/aanmelding/{mine.token}")
        expect(page.locator("#mine-status")).to_be_visible()
        assert _summaries(_download(page, "#mine-add-to-calendar")) == [title]

        # signed in: the list's feeds, the personal feed (copied), the activity page
        log_in(page, app.accounts["coordinator"])
        page.goto("/activiteiten")
        assert title in _summaries(_download(page, "#act-public-feed-download"))
        page.locator("#act-make-feed").click()
        feed_url = page.locator("#act-feed-url")
        expect(feed_url).to_have_value(re.compile(r"/api/v1/calendar/personal/[\w-]+\.ics$"))
        page.locator("#act-feed-url-copy").click()
        assert page.evaluate("navigator.clipboard.readText()") == feed_url.input_value()
        expect(page.locator("#act-personal-feed-subscribe")).to_have_attribute("href", re.compile(r"^webcal://"))
        _download(page, "#act-personal-feed-download")
        page.goto(f"/activiteiten/{act['id']}")
        expect(page.locator("#page-title")).to_have_text(title)
        assert _summaries(_download(page, "#act-add-to-calendar")) == [title]
    finally:
        context.close()


def test_a_refused_bulk_registration_names_each_person(app, admin, page: Page):
    tag = uuid4().hex[:6]
    act = _public_activity(admin, f"Haven Deventer bijeenkomst {tag}")
    ids = {}
    for n in range(6):
        person = people.create(admin, {"first_name": f"Bulk{n}", "last_name": f"Persoon {tag}"}, via="e2e")
        ids[n] = person["id"]
        consent.add(admin, person["id"], {"purpose": "directory", "basis": "legitimate_interest",
                                          "date": "01-01-2025"}, via="e2e")  # the organiser may find them
        if n not in (1, 4):  # two without a basis for invitations
            consent.add(admin, person["id"], {"purpose": "invitations", "basis": "legitimate_interest",
                                              "date": "01-01-2025"}, via="e2e")
    log_in(page, app.accounts["organiser"])
    page.goto(f"/activiteiten/{act['id']}")
    page.locator("#reg-people-search").fill(f"Persoon {tag}")
    expect(page.locator(".reg-person-hit")).to_have_count(6)
    for n in range(6):
        page.locator(".reg-person-hit").filter(has_text=f"Bulk{n} ").click()
        expect(page.locator(".reg-chosen")).to_have_count(n + 1)
    page.locator("#reg-register").click()
    refused = page.locator("#reg-refused")
    expect(refused).to_contain_text("geen grondslag voor uitnodigingen")
    expect(refused).to_contain_text("Leg op hun pagina de toestemming")
    links = page.locator(".reg-refused-person")
    expect(links).to_have_count(2)
    expect(links.nth(0)).to_have_text(f"Bulk1 Persoon {tag}")
    expect(links.nth(0)).to_have_attribute("href", f"/personen/{ids[1]}")
    expect(links.nth(1)).to_have_attribute("href", f"/personen/{ids[4]}")
    expect(page.locator(".reg-row")).to_have_count(0)  # nothing registered
    page.locator("#reg-refused-drop").click()
    expect(page.locator(".reg-chosen")).to_have_count(4)
    page.locator("#reg-register").click()
    expect(page.locator(".reg-row")).to_have_count(4)
    expect(refused).to_have_count(0)


def test_the_public_page_says_when_it_is_full_or_over_the_limit(app, admin, page: Page):
    public_limiter.reset()
    act = _public_activity(admin, f"Volle beursstand {uuid4().hex[:6]}", capacity=1)
    page.goto(f"/aanmelden/{act['id']}")
    expect(page.locator("#pub-full")).to_have_count(0)
    registrations.register_public(act["id"], {"name": "Eerste Bezoeker", "email": f"e-{uuid4().hex[:6]}@x.example",
                                              "consent": True})
    page.goto(f"/aanmelden/{act['id']}")
    expect(page.locator("#pub-full")).to_contain_text("wachtlijst")
    expect(page.locator("#pub-submit")).to_have_text("Aanmelden voor de wachtlijst")
    try:
        _spend(public_limiter, settings.get().public_rate_limit)  # the fair's other visitors on this address
        page.reload()
        limited = page.locator("#pub-limited")
        expect(limited).to_contain_text("Te veel aanvragen")
        expect(limited).to_contain_text(re.compile(r"Probeer het opnieuw om \d\d:\d\d:\d\d"))
        expect(page.locator("#pub-missing")).to_have_count(0)
    finally:
        public_limiter.reset()


def _no_horizontal_overflow(page: Page) -> None:
    sizes = page.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
    assert sizes[0] <= sizes[1], f"{page.url}: {sizes[0]} px wide in a {sizes[1]} px window"


def test_record_pages_fit_a_phone(app, admin, browser):
    tag = uuid4().hex[:6]
    act = _public_activity(admin, f"Logistiekdag met een lange titel voor de telefoon {tag}", capacity=40,
                           registration_opens=local(2), registration_closes=local(29))
    org = organisations.create(admin, {"name": f"Transportbedrijf Telefoon {tag}", "kind": "company",
                                       "city": "Zwolle", "website": "https://www.transportbedrijf-telefoon-"
                                       "met-een-heel-lange-naam.example/contact-en-openingstijden"}, via="e2e")
    person = people.create(admin, {"first_name": "Telefoon", "last_name": f"Test {tag}"}, via="e2e")
    consent.add(admin, person["id"], {"purpose": "directory", "basis": "legitimate_interest", "date": "01-01-2025"},
                via="e2e")
    for width, height in ((390, 844), (1366, 900)):
        context = browser.new_context(base_url=app.base_url, locale="nl-NL", timezone_id="Europe/Amsterdam",
                                      viewport={"width": width, "height": height})
        context.set_default_timeout(UI_TIMEOUT_MS)
        page = context.new_page()
        try:
            log_in(page, app.accounts["organiser"])
            for path, name in ((f"/activiteiten/{act['id']}", "activity"), (f"/organisaties/{org['id']}", "organisation"),
                               (f"/personen/{person['id']}", "person"), ("/activiteiten", "activities")):
                page.goto(path)
                expect(page.locator("#page-title")).to_be_visible()
                page.wait_for_load_state("networkidle")
                _shoot(page, f"{name}-{width}")
                _no_horizontal_overflow(page)
                if name == "organisation":  # its history: the long website in a before/after table
                    assert_stacked_tables_fit(page)
            page.goto(f"/activiteiten/{act['id']}")
            expect(page.locator("#act-delete")).to_be_in_viewport()
            page.goto(f"/aanmelden/{act['id']}")
            expect(page.locator("#page-title")).to_be_visible()
            _shoot(page, f"public-{width}")
            _no_horizontal_overflow(page)
        finally:
            context.close()


def test_date_times_are_dutch_in_an_english_browser(app, admin, browser):
    act = _public_activity(admin, f"Webinar tijden {uuid4().hex[:6]}", registration_opens=local(3, 10),
                           registration_closes=local(29, 12))
    context = browser.new_context(base_url=app.base_url, locale="en-US", timezone_id="America/New_York")
    context.set_default_timeout(UI_TIMEOUT_MS)
    page = context.new_page()
    try:
        log_in(page, app.accounts["organiser"])
        page.goto(f"/activiteiten/{act['id']}")
        expect(page.locator("#act-view-registration")).to_have_text(
            f"vanaf {local(3, 10)} tot {local(29, 12)}")
        page.locator("#act-edit").click()
        starts = page.locator("#act-starts_at")
        expect(starts).to_have_attribute("type", "text")
        expect(starts).to_have_attribute("placeholder", "dd-mm-jjjj uu:mm")
        expect(starts).to_have_value(local(30, 16))
        starts.fill("15-06-2027 16:00")
        page.locator("#act-ends_at").fill("15-06-2027 18:30")
        page.locator("#act-registration_closes").fill("14-06-2027 12:00")
        _shoot(page, "activity-edit-en-US")
        page.locator("#act-save").click()
        expect(page.locator("#act-view-starts")).to_have_text("15-06-2027 16:00")
        expect(page.locator("#act-view-ends")).to_have_text("15-06-2027 18:30")
        expect(page.locator("#act-view-registration")).to_contain_text("tot 14-06-2027 12:00")
        page.locator("#act-edit").click()
        page.locator("#act-ends_at").fill("06/15/2027 6:30 PM")  # what an English datetime-local would show
        page.locator("#act-save").click()
        expect(page.locator("#error-ends_at")).to_contain_text("dd-mm-jjjj uu:mm")
    finally:
        context.close()
