"""Consent, access request and erasure through the person page, real browser."""

from __future__ import annotations

import json
import uuid

import pytest
from playwright.sync_api import expect

from lo_network.services import people
from tests.e2e.ui import log_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def person(admin):
    tag = uuid.uuid4().hex[:6]
    return people.create(admin, {"first_name": "Privé", "last_name": f"Persoon {tag}",
                                 "email": f"prive{tag}@example.nl", "notes": f"geheim {tag}"}, via="e2e")


def test_coordinator_records_and_withdraws_consent_but_gets_no_privacy_actions(app, page, person):
    log_in(page, app.accounts["coordinator"])
    page.goto(f"/personen/{person['id']}")
    expect(page.locator("#consent-list")).to_contain_text("Geen toestemmingen")
    page.locator("#consent-date").fill("03-02-2025")
    page.locator("#consent-source").fill("Dag van de Logistiek")
    page.locator("#consent-add").click()
    row = page.locator("#consent-list .consent-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Nieuwsbrief")
    expect(row).to_contain_text("03-02-2025")
    row.locator(".consent-withdraw").click()
    expect(row).to_contain_text("Ingetrokken")
    expect(page.locator("#privacy-erase")).to_have_count(0)
    history = page.locator("#person-history .audit-entry")
    expect(history).to_have_count(3)  # the person's create, the consent's create and its withdrawal
    expect(history.first).to_contain_text("gewijzigd")
    expect(history.first).to_contain_text("Ingetrokken")  # the field by its label, not its code


def test_admin_downloads_the_access_request_and_erases_the_person(app, page, person):
    log_in(page, app.accounts["admin"])
    page.goto(f"/personen/{person['id']}")
    with page.expect_download() as caught:
        page.locator("#privacy-access-json").click()
    report = json.loads(open(caught.value.path(), encoding="utf-8").read())
    assert report["person"]["email"] == person["email"]
    with page.expect_download() as caught:
        page.locator("#privacy-access-html").click()
    assert person["email"] in open(caught.value.path(), encoding="utf-8").read()

    page.locator("#privacy-erase").click()  # asks once
    dialog = page.locator("#privacy-erase-dialog")
    expect(dialog).to_contain_text("kan niet ongedaan")
    page.locator("#privacy-erase-continue").click()  # asks twice: type the name
    page.locator("#privacy-erase-confirm").fill("iemand anders")
    page.locator("#privacy-erase-final").click()
    expect(dialog).to_contain_text("typ de volledige naam")
    page.locator("#privacy-erase-confirm").fill(person["name"])
    page.locator("#privacy-erase-final").click()
    expect(page.locator("#page-title")).to_have_text("(geanonimiseerd)")
    expect(page.locator("body")).not_to_contain_text(person["email"])
    expect(page.locator("body")).not_to_contain_text(person["last_name"])
    assert people.get(report_actor(app), person["id"])["email"] == ""


def report_actor(app):
    """A coordinator: an erased person has no basis left, so only roles that edit the network see them."""
    from lo_network.services import accounts as service

    account = app.accounts["coordinator"]
    return service.Actor.of(service.authenticate(account.email, account.password))
