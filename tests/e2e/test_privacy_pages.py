"""Privacy in the browser: the retention review page (asks twice, erases in bulk), the
refusal to invite people without a basis, and a record's "Geschiedenis" that follows a
save made on its own page (organisation, person, activity)."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from playwright.sync_api import expect

from lo_network.services import activities, consent, organisations, people, privacy
from tests.e2e.ui import log_in

pytestmark = pytest.mark.e2e


def backdate(person_id: str, years: int) -> None:
    from lo_network.store import driver

    query = (Path(__file__).parent / "backdate_person.cypher").read_text(encoding="utf-8")
    at = (datetime.now(timezone.utc) - timedelta(days=366 * years)).isoformat()
    assert driver.write(lambda tx: tx.run(query, id=person_id, at=at).single()) is not None


def test_the_retention_review_erases_the_selected_people_after_asking_twice(app, page, admin):
    tag = uuid.uuid4().hex[:6]
    quiet = [people.create(admin, {"first_name": first, "last_name": f"Stil{tag}"}, via="e2e")
             for first in ("Eerste", "Tweede")]
    for p in quiet:
        backdate(p["id"], 30)
    log_in(page, app.accounts["admin"])
    page.locator("#nav-menu-manage").click()  # the "Beheer" menu of the bar
    expect(page.locator("#nav-bewaartermijn")).to_have_attribute("href", "/bewaartermijn")
    page.keyboard.press("Escape")
    page.goto("/bewaartermijn?jaren=25")  # only the people set 30 years back
    rows = page.locator("#retention-list .retention-row")
    expect(rows).to_have_count(2)
    expect(page.locator("#retention-list")).to_contain_text(quiet[0]["name"])
    page.locator(f"#retention-pick-{quiet[0]['id']}").click()
    page.locator("#retention-erase").click()
    dialog = page.locator("#retention-dialog")
    expect(dialog).to_contain_text("niet ongedaan")
    dialog.locator("#retention-continue").click()
    dialog.locator("#retention-confirm").fill("2")  # the wrong number: nothing happens
    dialog.locator("#retention-final").click()
    expect(dialog.locator("#retention-confirm-error")).to_be_visible()
    assert people.get(admin, quiet[0]["id"])["name"] == quiet[0]["name"]
    dialog.locator("#retention-confirm").fill("1")
    dialog.locator("#retention-final").click()
    expect(page.get_by_text("1 personen geanonimiseerd")).to_be_visible()
    expect(rows).to_have_count(1)
    expect(page.locator("#retention-list")).to_contain_text(quiet[1]["name"])
    assert people.get(admin, quiet[0]["id"])["name"] == privacy.ERASED_NAME
    assert people.get(admin, quiet[1]["id"])["name"] == quiet[1]["name"]
    from lo_network.sqlstore import audit as log

    [erased] = log.search(entity="privacy", entity_id=quiet[0]["id"], action="erase")[0]
    assert erased.via == "ui" and erased.actor == app.accounts["admin"].email


def test_a_steering_user_gets_no_retention_review(app, page):
    log_in(page, app.accounts["steering"])
    expect(page.locator("#nav-menu-network")).to_be_visible()
    expect(page.locator("#nav-menu-manage")).to_have_count(0)  # no "Beheer" menu at all
    expect(page.locator("#nav-bewaartermijn")).to_have_count(0)
    page.goto("/bewaartermijn")
    expect(page.locator("#no-access")).to_contain_text("niet beschikbaar voor uw rol")
    expect(page.locator("#retention-list")).to_have_count(0)


def test_registering_a_known_person_without_a_basis_is_refused_naming_them(app, page, admin):
    tag = uuid.uuid4().hex[:6]
    nobody = people.create(admin, {"first_name": "Zonder", "last_name": f"Grond{tag}",
                                   "email": f"zonder{tag}@example.nl"}, via="e2e")
    # in the network directory (the organiser finds them), but no basis for invitations
    consent.add(admin, nobody["id"], {"purpose": "directory", "basis": "legitimate_interest",
                                      "date": "01-01-2025"}, via="e2e")
    start = datetime.now(timezone.utc) + timedelta(days=9)
    act = activities.create(admin, {"title": f"Uitnodiging {tag}", "kind": "cafe", "visibility": "public",
                                    "starts_at": start.strftime("%d-%m-%Y 10:00"),
                                    "ends_at": start.strftime("%d-%m-%Y 12:00")}, via="e2e")
    log_in(page, app.accounts["organiser"])
    page.goto(f"/activiteiten/{act['id']}")
    page.locator("#reg-people-search").fill(f"grond{tag}")
    page.locator(".reg-person-hit").first.click()
    page.locator("#reg-register").click()
    expect(page.locator("#reg-refused")).to_contain_text("geen grondslag voor uitnodigingen")
    expect(page.locator(".reg-refused-person")).to_have_text([nobody["name"]])
    assert activities.get(admin, act["id"])["registered"] == 0


def test_the_history_follows_a_save_on_the_page(app, page, admin):
    tag = uuid.uuid4().hex[:6]
    org = organisations.create(admin, {"name": f"Historie {tag} BV", "kind": "company", "city": "Almelo"}, via="e2e")
    person = people.create(admin, {"first_name": "Historie", "last_name": f"Persoon{tag}"}, via="e2e")
    start = datetime.now(timezone.utc) + timedelta(days=12)
    act = activities.create(admin, {"title": f"Historie {tag}", "kind": "cafe", "visibility": "public",
                                    "starts_at": start.strftime("%d-%m-%Y 10:00"),
                                    "ends_at": start.strftime("%d-%m-%Y 12:00")}, via="e2e")
    log_in(page, app.accounts["admin"])
    for path, prefix, history, field, value in (
            (f"/organisaties/{org['id']}", "org", "#org-history", "#org-city", "Hengelo"),
            (f"/personen/{person['id']}", "person", "#person-history", "#person-job_title", "Planner"),
            (f"/activiteiten/{act['id']}", "act", "#activity-history", "#act-location", "Enschede")):
        page.goto(path)
        entries = page.locator(f"{history} .audit-entry")
        expect(entries).to_have_count(1)  # created
        page.locator(f"#{prefix}-edit").click()
        page.locator(field).fill(value)
        page.locator(f"#{prefix}-save").click()
        expect(entries).to_have_count(2)  # no reload: the section follows the save
        expect(entries.first).to_contain_text("gewijzigd")
        expect(entries.first).to_contain_text(value)
