"""A coordinator records an organisation and a person, finds them again by typing, and a
steering-group member sees them read-only."""

from __future__ import annotations

import random
import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.ui import log_in, log_out

pytestmark = pytest.mark.e2e

UUID_PATH = r"/([0-9a-f-]{36})/?$"


@pytest.fixture(scope="module")
def neighbours(app, admin):
    """Other organisations and people, so that a search has something to leave out."""
    from lo_network.services import organisations, people

    for name, city in (("Transport Twente BV", "Enschede"), ("Havenbedrijf IJssel", "Deventer"),
                       ("Koel- en Vrieshuis Zwolle", "Zwolle")):
        organisations.create(admin, {"name": name, "kind": "company", "city": city}, via="e2e")
    for first, last in (("Anna", "de Vries"), ("Bram", "Jansen")):
        people.create(admin, {"first_name": first, "last_name": last}, via="e2e")


def choose(page: Page, trigger: str, label: str) -> None:
    """Pick ``label`` in a Radix select whose trigger has id ``trigger``."""
    page.locator(f"#{trigger}").click()
    page.get_by_role("option", name=label, exact=True).click()


def create_organisation(page: Page, name: str) -> str:
    """Fill the new-organisation form with one mistake, see it named, fix it, save."""
    page.locator("#org-new").click()
    expect(page).to_have_url(re.compile(r"/organisaties/nieuw/?$"))
    page.locator("#org-name").fill(name)
    choose(page, "org-kind", "Bedrijf")
    choose(page, "org-size_class", "Klein (10–49)")
    page.locator("#org-city").fill("Raalte")
    page.locator("#org-kvk").fill("123")
    page.locator("#org-save").click()

    expect(page.locator("#error-kvk")).to_contain_text("KvK-nummer moet uit 8 cijfers bestaan")
    expect(page).to_have_url(re.compile(r"/organisaties/nieuw/?$"))

    page.locator("#org-kvk").fill(f"{random.randrange(10**7, 10**8)}")
    expect(page.locator("#error-kvk")).to_have_count(0)
    page.locator("#org-save").click()
    expect(page).to_have_url(re.compile(r"/organisaties" + UUID_PATH))
    expect(page.locator("#page-title")).to_have_text(name)
    expect(page.locator("#org-view-city")).to_have_text("Raalte")
    expect(page.locator("#org-view-size_class")).to_have_text("Klein (10–49)")
    return re.search(UUID_PATH, page.url).group(1)


def create_person(page: Page, first: str, last: str, employer: str) -> str:
    """A new person at ``employer`` (picked by typing part of its name); a bad email first."""
    page.goto("/personen")
    page.locator("#person-new").click()
    expect(page).to_have_url(re.compile(r"/personen/nieuw/?$"))
    page.locator("#person-first_name").fill(first)
    page.locator("#person-last_name").fill(last)
    page.locator("#person-email").fill("joke.hofstede@@proefvervoer")
    page.locator("#job-organisation").press_sequentially(employer[:8], delay=40)
    page.locator(".job-organisation-option", has_text=employer).click()
    expect(page.locator("#job-organisation-chosen")).to_have_text(employer)
    page.locator("#job-role").fill("Planner")
    page.locator("#person-save").click()

    expect(page.locator("#error-email")).to_contain_text("geen geldig e-mailadres")
    expect(page).to_have_url(re.compile(r"/personen/nieuw/?$"))

    page.locator("#person-email").fill("joke.hofstede@proefvervoer.nl")
    page.locator("#person-save").click()
    expect(page).to_have_url(re.compile(r"/personen" + UUID_PATH))
    expect(page.locator("#page-title")).to_have_text(f"{first} {last}")
    expect(page.locator("#person-view-email")).to_have_text("joke.hofstede@proefvervoer.nl")
    expect(page.locator(".job-organisation")).to_have_text(employer)
    return re.search(UUID_PATH, page.url).group(1)


def search_as_you_type(page: Page, box: str, text: str, links: str, expected: str) -> None:
    """Type into a list's search box key by key; the list narrows to ``expected``."""
    search = page.locator(f"#{box}")
    search.click()
    search.press_sequentially(text, delay=60)
    expect(page.locator(links)).to_have_count(1)
    expect(page.locator(links)).to_have_text(expected)


def test_coordinator_records_and_finds_steering_reads(app, page, neighbours):
    org_name = "Proefvervoer Salland BV"
    log_in(page, app.accounts["coordinator"])
    expect(page.locator(".org-link").first).to_be_visible()

    org_id = create_organisation(page, org_name)
    page.goto("/organisaties/nieuw")  # a new record shows no "changed on" of the one seen before
    expect(page.locator("#page-title")).to_have_text("Nieuwe organisatie")
    expect(page.get_by_text(re.compile(r"^Gewijzigd"))).to_have_count(0)

    create_person(page, "Joke", "Hofstede", org_name)

    page.goto("/organisaties")
    expect(page.locator(".org-link").nth(3)).to_be_visible()
    search_as_you_type(page, "org-search", "salla", ".org-link", org_name)
    expect(page).to_have_url(re.compile(r"/organisaties/?\?q=salla$"))

    page.goto("/personen")
    expect(page.locator(".person-link").nth(2)).to_be_visible()
    search_as_you_type(page, "people-search", "hofst", ".person-link", "Joke Hofstede")

    log_out(page)
    log_in(page, app.accounts["steering"])
    page.goto(f"/organisaties/{org_id}")
    expect(page.locator("#page-title")).to_have_text(org_name)
    expect(page.locator("#org-view-city")).to_have_text("Raalte")
    expect(page.get_by_text("Alleen-lezen: uw rol mag dit niet wijzigen.")).to_be_visible()
    # Joke has no basis for the network directory (none was chosen): the steering group's
    # view of the organisation leaves her out (domain.permissions.SEES_WITHOUT_BASIS)
    expect(page.locator("#org-people-current .person-link")).to_have_count(0)
    for control in ("#org-edit", "#org-delete", "#org-save"):
        expect(page.locator(control)).to_have_count(0)
    page.goto("/organisaties")
    expect(page.locator(".org-link").first).to_be_visible()
    expect(page.locator("#org-new")).to_have_count(0)
