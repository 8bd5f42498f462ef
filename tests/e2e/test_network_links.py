"""A coordinator links two organisations from one detail page and sees the link, in the
right words, on both ends; ending it keeps it as ended; the timeline shows it."""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.test_crm_flow import choose
from tests.e2e.ui import log_in

pytestmark = pytest.mark.e2e


def test_link_two_organisations_from_the_detail_page(page, app, admin):
    from lo_network.services import links, organisations

    tag = uuid.uuid4().hex[:6]
    organisations.create(admin, {"name": f"Moeder {tag} Holding", "kind": "company"}, via="e2e")
    daughter = organisations.create(admin, {"name": f"Dochter {tag} BV", "kind": "company"}, via="e2e")

    log_in(page, app.accounts["coordinator"])
    page.goto(f"/organisaties/{daughter['id']}")
    expect(page.locator("#links-none")).to_be_visible()
    page.locator("#link-add").click()
    page.locator("#link-organisation").press_sequentially(f"Moeder {tag}", delay=30)
    page.locator(".link-organisation-option", has_text=f"Moeder {tag} Holding").click()
    expect(page.locator("#link-organisation-chosen")).to_have_text(f"Moeder {tag} Holding")
    choose(page, "link-type", "onderdeel / dochter van")
    page.locator("#link-since").fill("01-03-2021")
    page.locator("#link-source").fill("KvK")
    page.locator("#link-save").click()

    row = page.locator("#links-list .link-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(f"onderdeel / dochter van Moeder {tag} Holding")
    expect(row).to_contain_text("sinds 01-03-2021")
    expect(page.locator("#timeline")).to_contain_text(f"onderdeel / dochter van Moeder {tag} Holding")

    # the other end, reached by the link itself
    row.locator(".link-other").click()
    expect(page.locator("#page-title")).to_have_text(f"Moeder {tag} Holding")
    other = page.locator("#links-list .link-row")
    expect(other).to_contain_text(f"moederorganisatie van Dochter {tag} BV")

    # end it from this end: it stays, marked as ended, on both ends
    other.locator(".link-end").click()
    page.locator("#link-until").fill("31-12-2025")
    page.locator("#link-save").click()
    expect(other.locator(".link-ended")).to_be_visible()
    expect(other).to_contain_text("01-03-2021 – 31-12-2025")
    (stored,) = links.list_links(admin, "organisation", daughter["id"])
    assert (stored["until"], stored["active"], stored["source"]) == ("2025-12-31", False, "KvK")
    page.goto(f"/organisaties/{daughter['id']}")
    expect(page.locator("#links-list .link-row .link-ended")).to_be_visible()
