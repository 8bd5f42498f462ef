"""With the keyboard alone: a visitor registers on the public page, and a coordinator signs in
and creates an organisation. Each step is reached with Tab, the focused element shows a
ring, the skip link comes first, errors are tied to their field, and a dialog holds the focus
and gives it back."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_crm_flow import UUID_PATH

pytestmark = pytest.mark.e2e

MAX_TABS = 60


def focused(page: Page) -> dict:
    """The focused element: its id, whether a focus ring shows, and the dialog it is in."""
    return page.evaluate("""() => {
        const el = document.activeElement;
        const shows = (node) => {
            const style = getComputedStyle(node);
            return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                   || (style.boxShadow && style.boxShadow !== 'none');
        };
        // a Radix text field draws its ring on the field around the <input>
        const ring = shows(el) || (el.parentElement !== null && shows(el.parentElement));
        const dialog = el.closest('[role=dialog], [role=alertdialog]');
        return {id: el.id, tag: el.tagName, ring: ring, in_dialog: dialog !== null};
    }""")


def tab_to(page: Page, element_id: str, *, key: str = "Tab") -> None:
    """Press Tab until the element with ``element_id`` has the focus; it must show a ring."""
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        now = focused(page)
        if now["id"] == element_id:
            assert now["ring"], f"#{element_id} has the focus but shows no focus ring"
            return
    raise AssertionError(f"#{element_id} not reached with {MAX_TABS} × {key}")


def test_a_visitor_registers_with_the_keyboard_only(app, page, admin):
    from lo_network.services import activities

    tag = uuid.uuid4().hex[:6]
    start = datetime.now(timezone.utc) + timedelta(days=10)
    act = activities.create(admin, {"title": f"Toetsenbordcafé {tag}", "kind": "cafe", "visibility": "public",
                                    "starts_at": start.strftime("%d-%m-%Y 15:00"),
                                    "ends_at": start.strftime("%d-%m-%Y 17:00")}, via="e2e")
    page.goto(f"/aanmelden/{act['id']}")
    expect(page.locator("#pub-name")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    page.keyboard.press("Tab")  # the first stop: the skip link, shown while it has the focus
    assert focused(page)["id"] == "skip-link"
    expect(page.locator("#skip-link")).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()

    tab_to(page, "pub-submit")  # submit empty: the errors are tied to their fields and announced
    page.keyboard.press("Enter")
    expect(page.locator("#error-name")).to_have_attribute("role", "alert")
    expect(page.locator("#pub-name")).to_have_attribute("aria-describedby", "error-name")
    expect(page.locator("#pub-name")).to_have_attribute("aria-invalid", "true")

    page.locator("#main-content").focus()
    tab_to(page, "pub-name")
    page.keyboard.type("Jip Toetsenbord")
    tab_to(page, "pub-email")
    page.keyboard.type(f"jip{tag}@example.org")
    tab_to(page, "pub-organisation_name")
    page.keyboard.type("Toets BV")
    tab_to(page, "pub-submit")
    page.keyboard.press("Enter")
    expect(page.locator("#error-consent")).to_contain_text("toestemming")
    expect(page.locator("#pub-name")).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#pub-consent")).to_have_attribute("aria-describedby", "error-consent")

    page.keyboard.press("Shift+Tab")  # back from the button to the consent box, ticked with Space
    assert focused(page)["id"] == "pub-consent"
    page.keyboard.press("Space")
    expect(page.locator("#pub-consent")).to_have_attribute("aria-checked", "true")
    tab_to(page, "pub-submit")
    page.keyboard.press("Enter")
    expect(page.locator("#pub-done")).to_contain_text("U bent aangemeld")

    tab_to(page, "footer-accessibility")  # the statement is linked from the public page
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/toegankelijkheid/?$"))
    expect(page.locator("#page-title")).to_have_text("Toegankelijkheidsverklaring")
    expect(page.locator("#accessibility-statement")).to_contain_text("axe-core")


def test_a_coordinator_creates_an_organisation_with_the_keyboard_only(app, page):
    account = app.accounts["coordinator"]
    page.goto("/login")
    expect(page.locator("#login-email")).to_be_focused()  # the form starts with the focus
    page.keyboard.type(account.email)
    tab_to(page, "login-password")
    page.keyboard.type(account.password)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/organisaties/?$"))
    expect(page.locator("#current-user-name")).to_have_text(re.compile(r"\S"))

    page.locator("body").focus()
    tab_to(page, "org-new")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/organisaties/nieuw/?$"))
    expect(page.locator("#org-name")).to_be_focused()
    name = f"Toetsenbord {uuid.uuid4().hex[:6]} BV"
    page.keyboard.type(name)

    tab_to(page, "org-save")  # saved without a kind: the error is tied to the select
    page.keyboard.press("Enter")
    expect(page.locator("#error-kind")).to_be_visible()
    expect(page.locator("#org-kind")).to_have_attribute("aria-describedby", "error-kind")

    page.locator("#org-name").focus()
    tab_to(page, "org-kind")
    page.keyboard.press("Enter")  # the select opens; arrows and Enter choose
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(listbox).to_have_count(0)
    expect(page.locator("#org-kind")).to_be_focused()  # the focus came back to the select
    tab_to(page, "org-save")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/organisaties" + UUID_PATH))
    expect(page.locator("#page-title")).to_have_text(name)

    # the delete dialog holds the focus while open and gives it back when closed
    page.locator("#main-content").focus()
    tab_to(page, "org-delete")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alertdialog")).to_be_visible()
    for _ in range(6):
        assert focused(page)["in_dialog"], "the focus left the open dialog"
        page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(page.get_by_role("alertdialog")).to_have_count(0)
    expect(page.locator("#org-delete")).to_be_focused()
