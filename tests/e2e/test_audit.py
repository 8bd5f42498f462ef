"""The audit log page (/audit) and a record's "Geschiedenis" in the browser."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from lo_network.services import organisations
from tests.e2e.ui import log_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def changed_org(admin, app):
    from lo_network.services import accounts

    coordinator = accounts.Actor.of(accounts.authenticate(app.accounts["coordinator"].email,
                                                          app.accounts["coordinator"].password))
    tag = uuid.uuid4().hex[:6]
    org = organisations.create(admin, {"name": f"Audit {tag} BV", "kind": "company", "city": "Almelo"}, via="ui")
    organisations.update(coordinator, org["id"], {"city": "Hengelo"}, via="api")
    return org, tag, coordinator


def test_admin_searches_the_audit_log_and_sees_before_and_after(app, page, changed_org):
    org, tag, coordinator = changed_org
    log_in(page, app.accounts["admin"])
    page.locator("#nav-menu-manage").click()  # the "Beheer" menu of the bar
    expect(page.locator("#nav-audit")).to_have_attribute("href", "/audit")  # admins see the entry
    page.keyboard.press("Escape")
    page.goto("/audit")
    page.locator("#audit-text").fill(tag)
    page.locator("#audit-actor").fill(coordinator.email)
    page.locator("#audit-submit").click()
    expect(page).to_have_url(re.compile(r"/audit/?\?.*actor=e2e-coordinator"))
    entries = page.locator("#audit-entries .audit-entry")
    expect(entries).to_have_count(1)
    expect(entries.first).to_contain_text(coordinator.email)
    expect(entries.first.locator(".audit-before")).to_contain_text(["Almelo"])
    expect(entries.first.locator(".audit-after")).to_contain_text(["Hengelo"])
    expect(entries.first.locator(".audit-field")).to_contain_text(["Plaats"])  # the form's label, not "city"
    expect(entries.first.locator(".audit-action")).to_have_text("gewijzigd")
    expect(page.locator("#audit-range")).to_contain_text("1–1 van 1")
    page.locator("#audit-since").fill("31-02-2026")
    page.locator("#audit-submit").click()
    expect(page.get_by_text("bestaat niet")).to_be_visible()
    entries.first.get_by_role("link").click()  # the record the entry is about
    expect(page).to_have_url(re.compile(rf"/organisaties/{org['id']}/?$"))
    history = page.locator("#org-history .audit-entry")
    expect(history).to_have_count(2)
    expect(history.first).to_contain_text("gewijzigd")  # the action by its Dutch label


def test_a_steering_user_gets_no_audit_log(app, page, changed_org):
    log_in(page, app.accounts["steering"])
    expect(page.locator("#nav-menu-network")).to_be_visible()
    expect(page.locator("#nav-menu-manage")).to_have_count(0)  # nothing in "Beheer" is theirs
    expect(page.locator("#nav-audit")).to_have_count(0)
    page.goto("/audit")
    expect(page.locator("#no-access")).to_be_visible()  # the page says so and stays so, no spinner
    expect(page.locator(".rt-Spinner")).to_have_count(0)
    expect(page.locator("#audit-entries")).to_have_count(0)
