"""A steering-group member asks "Wie kan ons voorstellen?" and reads the routes, strongest first."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.ui import log_in

pytestmark = pytest.mark.e2e


def test_introduction_routes_in_words(page, app, admin):
    from lo_network.services import organisations, people

    tag = uuid.uuid4().hex[:6]
    home = organisations.create(admin, {"name": f"Thuis {tag}", "kind": "port_network"}, via="e2e")["id"]
    target = organisations.create(admin, {"name": f"Doelbedrijf {tag}", "kind": "company"}, via="e2e")["id"]
    shown = {"consent_basis": "legitimate_interest", "consent_date": "2020-01-01"}  # the steering group sees them
    strong = people.create(admin, {"first_name": "Sterk", "last_name": tag, **shown}, via="e2e",
                           employment={"organisation_id": home, "since": "2020-01-01"})["id"]
    people.add_employment(admin, strong, {"organisation_id": target, "since": "2021-01-01"}, via="e2e")
    weak = people.create(admin, {"first_name": "Zwak", "last_name": tag, **shown}, via="e2e",
                         employment={"organisation_id": home, "since": "2020-01-01"})["id"]
    people.add_employment(admin, weak, {"organisation_id": target, "since": "2010-01-01", "until": "2015-01-01"},
                          via="e2e")

    log_in(page, app.accounts["steering"])
    page.goto(f"/organisaties/{target}")
    page.locator("#link-introductions").click()
    expect(page.locator("#intro-target-chosen")).to_have_text(f"Doelbedrijf {tag}")
    page.locator("#intro-start-query").press_sequentially(f"Thuis {tag}", delay=30)
    page.locator(".intro-start-option", has_text=f"Thuis {tag}").click()
    page.locator("#intro-find").click()
    routes = page.locator("#intro-paths .intro-path")
    expect(routes).to_have_count(2)
    expect(routes.nth(0)).to_contain_text(f"Sterk {tag} werkt bij Doelbedrijf {tag}")
    expect(routes.nth(1)).to_contain_text(f"Zwak {tag} werkte bij Doelbedrijf {tag} (tot 01-01-2015)")
    # each name in a route links to its record
    names = routes.nth(0).locator("a.intro-name")
    expect(names).to_have_count(4)
    expect(routes.nth(0).get_by_role("link", name=f"Sterk {tag}").first).to_have_attribute(
        "href", re.compile(rf"/personen/{strong}$"))
    routes.nth(0).get_by_role("link", name=f"Doelbedrijf {tag}").click()
    expect(page).to_have_url(re.compile(rf"/organisaties/{target}/?$"))
