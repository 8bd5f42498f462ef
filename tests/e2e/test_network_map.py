"""The ecosystem map draws the network in the browser (canvas), filters and searches it,
shows a record's neighbourhood (ego view), and a click on a node opens its record."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.ui import log_in

pytestmark = pytest.mark.e2e


def test_map_ego_view_and_click_to_open(page, app, admin):
    from lo_network.services import links, organisations, people

    tag = uuid.uuid4().hex[:6]
    centre = organisations.create(admin, {"name": f"Kaartmidden {tag}", "kind": "port_network",
                                          "region": "zwolle"}, via="e2e")["id"]
    other = organisations.create(admin, {"name": f"Kaartbuur {tag}", "kind": "company", "region": "zwolle"},
                                 via="e2e")["id"]
    links.add(admin, "organisation", centre, other, {"type": "partner"}, via="e2e")
    people.create(admin, {"first_name": "Kaart", "last_name": tag, "consent_basis": "consent",  # consent: on the map
                          "consent_date": "2024-01-01"}, via="e2e", employment={"organisation_id": other})
    alone = organisations.create(admin, {"name": f"Kaarteiland {tag}", "kind": "company"}, via="e2e")["id"]

    log_in(page, app.accounts["steering"])
    page.goto("/kaart")
    expect(page.locator("#map-canvas canvas")).to_have_count(1)
    expect(page.locator("#map-summary")).to_contain_text(re.compile(r"[1-9]\d* knopen"))
    page.locator("#map-search").fill(f"Kaartmidden {tag}")
    expect(page.locator("#map-summary")).to_contain_text("1 gevonden")

    page.goto(f"/organisaties/{centre}")
    page.locator("#link-ego").click()
    expect(page.locator("#page-title")).to_have_text(f"Omgeving van: Kaartmidden {tag}")
    expect(page.locator("#map-summary")).to_contain_text("3 knopen · 2 verbindingen")
    page.locator("#map-depth").get_by_role("radio", name="1 stap").click()
    expect(page.locator("#map-summary")).to_contain_text("2 knopen · 1 verbindingen")

    # one node alone is drawn in the middle of the canvas: a click there opens its record
    page.goto(f"/kaart?ego={alone}")
    expect(page.locator("#map-summary")).to_contain_text("1 knopen · 0 verbindingen")
    canvas = page.locator("#map-canvas canvas")
    expect(canvas).to_have_count(1)
    box = canvas.bounding_box()
    # a click while the layout still moves does not count; once it has settled it does
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator("#map-canvas")).to_have_attribute("data-settled", "true", timeout=20000)
    expect(page).to_have_url(re.compile(r"/kaart/?\?ego="))
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(rf"/organisaties/{alone}/?$"))


def test_map_starts_grouped_and_a_click_expands_a_group(page, app, admin):
    from lo_network.services import links, organisations

    tag = uuid.uuid4().hex[:6]
    first = organisations.create(admin, {"name": f"Groepeen {tag}", "kind": "company", "region": "deventer"},
                                 via="e2e")["id"]
    second = organisations.create(admin, {"name": f"Groeptwee {tag}", "kind": "education", "region": "deventer"},
                                  via="e2e")["id"]
    links.add(admin, "organisation", first, second, {"type": "partner"}, via="e2e")

    log_in(page, app.accounts["steering"])
    page.goto("/kaart")
    summary = page.locator("#map-summary")
    # the whole network: one node per region (five regions and "unknown" at most)
    expect(summary).to_contain_text(re.compile(r"^[1-6] knopen"))
    expect(page.locator("#map-group").get_by_role("radio", name="Regio")).to_have_attribute("aria-checked", "true")
    grouped = summary.inner_text()
    page.locator("#map-group").get_by_role("radio", name="Geen").click()
    expect(summary).not_to_have_text(grouped)  # the two in Deventer were one group node, now two nodes
    assert int(summary.inner_text().split()[0]) > int(grouped.split()[0])
    page.locator("#map-group").get_by_role("radio", name="Soort").click()
    expect(summary).to_contain_text(re.compile(r"^[1-8] knopen"))
    page.locator("#map-group").get_by_role("radio", name="Regio").click()

    # one region: one group node in the middle of the canvas; a click opens it into its members
    page.locator("#map-region").click()
    page.get_by_role("option", name="Deventer").click()
    expect(summary).to_contain_text(re.compile(r"^1 knopen · 0 verbindingen"))
    canvas = page.locator("#map-canvas canvas")
    expect(page.locator("#map-canvas")).to_have_attribute("data-settled", "true", timeout=20000)
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(summary).not_to_contain_text(re.compile(r"^1 knopen"))
    expect(page).to_have_url(re.compile(r"/kaart/?$"))
    # an opened group is named above the map with a button that folds it back into one node
    opened = page.locator("#map-open-groups")
    expect(opened).to_contain_text("Deventer")
    opened.get_by_role("button", name="Sluit groep Deventer").click()
    expect(summary).to_contain_text(re.compile(r"^1 knopen · 0 verbindingen"))
    expect(opened).to_have_count(0)
    # on a phone the canvas fits the page: nothing to scroll sideways
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.locator("#map-canvas canvas")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("#map-canvas canvas").bounding_box()["width"] <= 390 - 32
    page.set_viewport_size({"width": 1366, "height": 900})
    # a search opens the group of what it finds
    page.locator("#map-search").fill(f"Groeptwee {tag}")
    expect(summary).to_contain_text("1 gevonden")
