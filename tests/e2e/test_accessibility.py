"""Every page of the app passes axe-core's WCAG 2.0/2.1 A and AA rules, as each role and as a
visitor (the public pages), at desktop (1366 px) and phone (390 px) width, once the page has
loaded its data.

The pages come from the app's own registry (``app._unevaluated_pages``), so a new page is
checked without touching this file; a route argument this file does not know fails the test
(add a record for it to ``records``)."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.app_server import ROLES
from tests.e2e.axe import axe_source, describe, run_axe
from tests.e2e.conftest import UI_TIMEOUT_MS
from tests.e2e.ui import log_in

pytestmark = pytest.mark.e2e

WIDTHS = (1366, 390)
HEIGHT = 900
SKIPPED = {"index"}  # "/" only redirects to the organisations list


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


@pytest.fixture(scope="module")
def records(app, admin) -> dict[str, str]:
    """A record for each route argument: an organisation, a person working there, a public
    activity open for registration with one registration (its personal link's token)."""
    from lo_network.services import activities, organisations, people, registrations

    tag = uuid.uuid4().hex[:6]
    org = organisations.create(admin, {"name": f"Toegankelijk {tag} BV", "kind": "company", "city": "Zwolle",
                                       "region": "zwolle"}, via="e2e")
    person = people.create(admin, {"first_name": "Toeg", "last_name": f"Ankelijk{tag}", "consent_basis": "consent",
                                      "consent_date": "01-01-2025"},
                           via="e2e", employment={"organisation_id": org["id"], "role": "Planner"})
    start = datetime.now(timezone.utc) + timedelta(days=14)
    act = activities.create(admin, {"title": f"Toegankelijkheidscafé {tag}", "kind": "cafe", "visibility": "public",
                                    "location": "Zwolle", "capacity": "20",
                                    "starts_at": start.strftime("%d-%m-%Y 10:00"),
                                    "ends_at": start.strftime("%d-%m-%Y 12:00")}, via="e2e")
    outcome = registrations.register_public(act["id"], {"name": "Anna de Vries", "email": f"anna{tag}@example.org",
                                                        "organisation_name": org["name"], "consent": True})
    return {"org_id": org["id"], "person_id": person["id"], "activity_id": act["id"],
            "public_activity_id": act["id"], "reg_token": outcome.token}


def app_routes(records: dict[str, str]) -> list[str]:
    """Every registered page as a path to open, its arguments filled with ``records``."""
    from lo_network.lo_network import app as web_app

    paths = []
    for route in web_app._unevaluated_pages:
        if route in SKIPPED:
            continue
        missing = [arg for arg in re.findall(r"\[(\w+)\]", route) if arg not in records]
        assert not missing, f"page /{route}: no record for {missing}; add one to the records fixture"
        paths.append("/" + re.sub(r"\[(\w+)\]", lambda m: records[m.group(1)], route))
    return paths


def open_page(page: Page, path: str) -> None:
    """Go to ``path`` as a click on a link would (the app's client-side router: no reload, the
    websocket stays), or by loading it when the app is not open in the tab yet."""
    if page.evaluate("() => !!(window.__reactRouterDataRouter && document.querySelector('main'))"):
        page.evaluate("async (path) => { await window.__reactRouterDataRouter.navigate(path); }", path)
        page.wait_for_function("(path) => decodeURI(location.pathname) === path", arg=path)
    else:
        page.goto(path)


def settle(page: Page) -> None:
    """Wait until the page has shown its data: the app is connected and no spinner turns."""
    page.wait_for_function(
        """() => document.querySelector('h1') !== null
                 && document.querySelectorAll('.rt-Spinner').length === 0""",
        timeout=UI_TIMEOUT_MS,
    )
    page.wait_for_timeout(250)


def check_pages(page: Page, paths: list[str], who: str, axe: str, *,
                public_only: bool = False) -> tuple[list[str], list[str]]:
    """(the problems axe found, the paths checked) over ``paths`` at each width."""
    problems: list[str] = []
    checked: list[str] = []
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
        open_page(page, path)
        if public_only and "/login" in page.url and not path.startswith("/login"):
            continue  # not a public page: the visitor is sent to the login page
        if not public_only and path == "/login":
            continue  # a signed-in user is sent on from the login page
        try:
            settle(page)
        except PlaywrightTimeout:
            pass  # a page the role may not use may spin on (its own bug): check what it shows
        checked.append(path)
        for width in WIDTHS:
            if width != WIDTHS[0]:
                page.set_viewport_size({"width": width, "height": HEIGHT})
                page.wait_for_timeout(250)
            problems += describe(run_axe(page, axe), f"{path} as {who} at {width}px")
    return problems, checked


@pytest.mark.parametrize("role", ROLES)
def test_every_page_meets_wcag_aa_for_each_role(app, browser, records, axe, role):
    context = browser.new_context(base_url=app.base_url, locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(UI_TIMEOUT_MS)
    try:
        page = context.new_page()
        log_in(page, app.accounts[role])
        paths = app_routes(records)
        problems, _ = check_pages(page, paths, role, axe)
    finally:
        context.close()
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)


def test_public_pages_meet_wcag_aa_for_a_visitor(app, browser, records, axe):
    context = browser.new_context(base_url=app.base_url, locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(UI_TIMEOUT_MS)
    try:
        page = context.new_page()
        paths = app_routes(records)
        problems, checked = check_pages(page, paths, "visitor", axe, public_only=True)
        assert "/login" in checked and any(p.startswith("/aanmelden/") for p in checked), checked
    finally:
        context.close()
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)


def test_the_map_has_its_data_as_a_table(app, browser, records, axe):
    """The text alternative of /kaart: opened with the keyboard, the same nodes as a table
    (names as links to their records), itself without WCAG violations."""
    context = browser.new_context(base_url=app.base_url, locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(UI_TIMEOUT_MS)
    try:
        page = context.new_page()
        log_in(page, app.accounts["coordinator"])
        page.goto("/kaart")
        settle(page)
        toggle = page.locator("#map-table-toggle")
        expect(toggle).to_have_attribute("aria-expanded", "false")
        toggle.focus()
        page.keyboard.press("Enter")
        expect(toggle).to_have_attribute("aria-expanded", "true")
        row = page.locator("#map-table tr", has=page.locator(f'a[href="/organisaties/{records["org_id"]}"]'))
        expect(row).to_have_count(1)
        expect(row).to_contain_text("Bedrijf")
        expect(row).to_contain_text("Toeg Ankelijk")  # the person working there, tied on the map
        problems = describe(run_axe(page, axe), "/kaart (table open) as coordinator")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
