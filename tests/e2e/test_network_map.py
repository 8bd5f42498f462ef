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
    people.create(admin, {"first_name": "Kaart", "last_name": tag, "consent_basis": "consent",  # issue 7: shown
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
    page.wait_for_timeout(1500)  # let the force layout settle
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(rf"/organisaties/{alone}/?$"))
