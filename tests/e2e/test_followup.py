"""The follow-up page /opvolgen in a real browser: a coordinator sees the three
lists with their counts, filters by region, switches tabs, opens a row; the steering group
sees the consent list without people who have no basis for the network directory."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.ui import log_in
from tests.integration.followup_world import build

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def world(app, admin):
    with pytest.MonkeyPatch.context() as monkeypatch:
        return build(admin, monkeypatch)


def choose(page: Page, select_id: str, label: str) -> None:
    page.locator(f"#{select_id}").click()
    page.get_by_role("option", name=label, exact=True).click()


def test_coordinator_follows_up(app, page, world):
    log_in(page, app.accounts["coordinator"])
    page.locator("#nav-opvolgen").click()
    expect(page).to_have_url(re.compile(r"/opvolgen/?(\?|$)"))
    expect(page.locator("#page-title")).to_have_text("Opvolgen")
    for name in ("dormant", "twice", "consent"):
        # (Radix draws a tab's label twice, one copy hidden, to keep its width: the first is seen)
        expect(page.locator(f"#fu-tab-{name} .fu-count").first).to_have_text(re.compile(r"^[1-9]\d*$"))
    table = page.locator("#fu-table")
    expect(table).to_contain_text("Slaap Transport BV")
    expect(table).to_contain_text("Rand Dag Ervoor BV")
    expect(table.locator(".fu-row", has_text="Slaap Transport BV")).to_contain_text(world.titles["old"])
    expect(table.locator(".fu-row", has_text="Slaap Transport BV")).to_contain_text("Sara Test")

    choose(page, "fu-region", "Twente")
    expect(page).to_have_url(re.compile(r"[?&]region=twente(&|$)"))
    expect(table).not_to_contain_text("Rand Dag Ervoor BV")
    expect(table).to_contain_text("Slaap Transport BV")
    page.locator("#fu-clear-filters").click()
    expect(table).to_contain_text("Rand Dag Ervoor BV")

    page.locator("#fu-tab-twice").click()
    expect(page).to_have_url(re.compile(r"[?&]lijst=twice(&|$)"))
    row = table.locator(".fu-row", has_text="Druk Vervoer BV")
    expect(row.locator(".fu-attended")).to_have_text("2")
    expect(table).not_to_contain_text("Partner Logistiek BV")

    page.locator("#fu-tab-consent").click()
    expect(table.locator(".fu-row", has_text="Soon Test")).to_contain_text("Nieuwsbrief")
    expect(table).not_to_contain_text("Later Test")

    page.locator("#fu-tab-dormant").click()
    table.locator(".fu-org-link", has_text="Slaap Transport BV").click()
    expect(page).to_have_url(re.compile(rf"/organisaties/{world.orgs['sleepy']}/?$"))


def test_steering_sees_people_with_a_basis_only(app, page, world):
    log_in(page, app.accounts["steering"])
    page.goto("/opvolgen?lijst=consent")
    table = page.locator("#fu-table")
    expect(table).to_contain_text("General Test")
    expect(table).not_to_contain_text("Soon Test")


def test_coordinator_notes_a_follow_up_from_the_list(app, page, world):
    log_in(page, app.accounts["coordinator"])
    page.goto("/opvolgen?region=twente")
    row = page.locator("#fu-table .fu-row", has_text="Slaap Transport BV")
    row.locator(".fu-note-open").click()
    page.locator("#fu-dialog-note").fill("Sara bellen over het volgende café")
    page.locator("#fu-dialog-due").fill("15-01-2031")
    page.locator("#fu-dialog-save").click()
    expect(row.locator(".fu-open-note")).to_contain_text("15-01-2031")
    row.locator(".fu-org-link").click()
    notes = page.locator("#org-followup .fu-note")
    expect(notes).to_have_count(1)
    expect(notes).to_contain_text("Sara bellen over het volgende café")
    notes.locator(".fu-note-done").click()
    expect(notes).to_contain_text("gedaan")


def test_steering_sees_no_note_buttons(app, page, world):
    log_in(page, app.accounts["steering"])
    page.goto("/opvolgen")
    expect(page.locator("#fu-table .fu-row").first).to_be_visible()
    expect(page.locator(".fu-note-open")).to_have_count(0)
