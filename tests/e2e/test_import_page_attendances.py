"""/importeren in the browser, kind 'attendances': a coordinator uploads who came to a past
activity, the dry run counts the new registration and the new person, the import writes it
and it shows in the activity's attendee list."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.ui import log_in, open_new_import

pytestmark = pytest.mark.e2e


def test_coordinator_imports_attendances_of_a_past_activity(page: Page, app, admin, tmp_path):
    from lo_network.domain.activities import TZ
    from lo_network.services import activities, registrations

    tag = uuid.uuid4().hex[:8]
    start = (datetime.now(TZ) - timedelta(days=5)).replace(hour=9, minute=0, second=0, microsecond=0)
    act = activities.create(admin, {"title": f"Café {tag}", "kind": "cafe", "themes": [], "region": "zwolle",
                                    "starts_at": start.strftime("%d-%m-%Y %H:%M"),
                                    "ends_at": start.replace(hour=17).strftime("%d-%m-%Y %H:%M"),
                                    "location": "Zwolle", "visibility": "public", "capacity": "10"}, via="e2e")
    path = tmp_path / f"aanwezig-{tag}.csv"
    path.write_text(f"Naam;E-mailadres;Activiteit;Datum;Aanwezig\r\n"
                    f"Aan {tag} Wezig;aan-{tag}@example.nl;Café {tag};{start.strftime('%d-%m-%Y')};ja\r\n",
                    encoding="utf-8")

    log_in(page, app.accounts["coordinator"])
    open_new_import(page)
    page.locator("#import-kind-attendances").click()
    page.locator("#import-upload input[type=file]").set_input_files(str(path))
    page.locator("#import-upload-button").click()
    expect(page.locator("#import-filename")).to_have_text(path.name)
    page.locator("#import-check").click()
    expect(page.locator("#import-count-create")).to_have_text("1")
    expect(page.locator("#import-count-people_create")).to_have_text("1")
    expect(page.locator("#import-count-failed")).to_have_text("0")
    assert registrations.list_for_activity(admin, act["id"]) == []  # a dry run writes nothing
    page.locator("#import-run").click()
    expect(page.locator("#import-done")).to_be_visible()
    [reg] = registrations.list_for_activity(admin, act["id"])
    assert (reg["name"], reg["attendance"], reg["via"]) == (f"Aan {tag} Wezig", "present", "import")
