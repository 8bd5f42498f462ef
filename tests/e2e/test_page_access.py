"""Every signed-in page for every role, walked from the one declaration of who may use which
page (domain.permissions.PAGES): a role that may use the page sees it load (no spinner left);
a role that may not sees the no-access banner at once, never a spinner that waits for data it
is refused. The menu offers a role exactly the pages it may use."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout, expect

from lo_network.domain.permissions import PAGES, PUBLIC_PAGES, ROLE_PERMISSIONS, may_open
from tests.e2e.ui import log_in

pytestmark = pytest.mark.e2e

SPINNER = ".rt-Spinner"
LOAD_MS = 30_000


@pytest.fixture(scope="module")
def records(admin) -> dict[str, str]:
    """A record of each kind the routes' [segments] name."""
    from lo_network.domain.activities import TZ
    from lo_network.services import activities, organisations, people

    org = organisations.create(admin, {"name": "Toegang Test BV", "kind": "company", "city": "Deventer"}, via="e2e")
    person = people.create(admin, {"first_name": "Toegang", "last_name": "Tester", "email": "toegang@example.nl",
                                   "consent_basis": "legitimate_interest", "consent_date": "01-01-2024"}, via="e2e")
    start = datetime.now(TZ) + timedelta(days=10)
    activity = activities.create(admin, {
        "title": "Toegang bijeenkomst", "kind": "cafe", "visibility": "public", "capacity": "20",
        "starts_at": start.strftime("%d-%m-%Y 09:00"), "ends_at": start.strftime("%d-%m-%Y 11:00")}, via="e2e")
    return {"org_id": org["id"], "person_id": person["id"], "activity_id": activity["id"]}


def path_of(route: str, records: dict[str, str]) -> str:
    return re.sub(r"\[(\w+)\]", lambda m: records[m.group(1)], route)


def test_every_page_of_the_app_is_declared(app):
    """A page added to the app without a line in PAGES (or PUBLIC_PAGES) fails here."""
    import lo_network.lo_network as app_module

    routes = {"/" + r.strip("/") for r in app_module.app._unevaluated_pages} - {"/index"}
    assert routes - set(PAGES) - set(PUBLIC_PAGES) == set()
    assert set(PAGES) - routes == set(), "PAGES names a route the app does not have"


@pytest.mark.parametrize("role", sorted(ROLE_PERMISSIONS))
def test_each_page_shows_content_or_the_no_access_banner(app, page, records, role):
    log_in(page, app.accounts[role])
    wrong = []
    toast_checked = False
    for route in PAGES:
        page.goto(path_of(route, records))
        banner = page.locator("#no-access")
        # the page has loaded when its title or the banner shows (the slow machine may take a while)
        expect(page.locator("#no-access, h1").first).to_be_visible(timeout=LOAD_MS)
        expect(page.locator(SPINNER)).to_have_count(0, timeout=LOAD_MS)  # and no spinner is left
        if may_open(role, route):
            expect(page.locator("h1").first).to_be_visible()
            if banner.count():
                wrong.append(f"{route}: banner shown to {role}")
        else:
            expect(banner).to_be_visible()
            expect(banner).to_contain_text("niet beschikbaar voor uw rol")
            if not toast_checked:  # the banner says it; the page's refused loading adds no toast
                toast_checked = True
                with pytest.raises(PlaywrightTimeout):
                    page.locator("[data-sonner-toast]").first.wait_for(state="attached", timeout=2000)
    assert not wrong, wrong


@pytest.mark.parametrize("role", sorted(ROLE_PERMISSIONS))
def test_the_menu_offers_exactly_the_pages_the_role_may_use(app, page, role):
    from lo_network.components.layout import NAV_ITEMS

    log_in(page, app.accounts[role])
    shown = set()
    for menu in ("network", "manage"):
        trigger = page.locator(f"#nav-menu-{menu}")
        if trigger.count():
            trigger.click()
            items = page.locator(f"#nav-menu-{menu}-items a")
            expect(items.first).to_be_visible()
            shown |= {items.nth(i).get_attribute("href") for i in range(items.count())}
            page.keyboard.press("Escape")
            expect(page.locator(f"#nav-menu-{menu}-items")).to_have_count(0)
    routes = [route for route, *_ in NAV_ITEMS]
    shown |= {r for r in routes if page.locator(f"a#nav-{r.strip('/')}").count()}  # the bar's own links
    assert shown == {r for r in routes if may_open(role, r)}
