"""An organisation's record in the browser: its general email and phone, a second record
with a KvK number already in the network (named, opened, or saved on purpose), and what it
takes part in (projects and living labs as partner, organised, its people's participation)."""

from __future__ import annotations

import random
import re
import uuid
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.ui import log_in

pytestmark = pytest.mark.e2e

UUID_PATH = r"/([0-9a-f-]{36})/?$"


def choose(page: Page, trigger: str, label: str) -> None:
    page.locator(f"#{trigger}").click()
    page.get_by_role("option", name=label, exact=True).click()


def test_a_kvk_number_in_the_network_is_named_and_a_second_record_is_a_choice(page, app, admin):
    from lo_network.services import organisations

    tag = uuid.uuid4().hex[:6]
    kvk = f"{random.randrange(10**7, 10**8)}"
    existing = organisations.create(admin, {"name": f"Wübbels {tag} B.V.", "kind": "company", "kvk": kvk,
                                            "city": "Oldenzaal"}, via="e2e")
    log_in(page, app.accounts["coordinator"])
    page.goto("/organisaties/nieuw")
    page.locator("#org-name").fill(f"Wübbels {tag} vestiging Almelo")
    choose(page, "org-kind", "Bedrijf")
    page.locator("#org-kvk").fill(kvk)
    page.locator("#org-email").fill("info@@wubbels")
    page.locator("#org-phone").fill("0546 123456")
    page.locator("#org-save").click()
    expect(page.locator("#error-email")).to_contain_text("geen geldig e-mailadres")
    page.locator("#org-email").fill("almelo@wubbels.example")
    page.locator("#org-save").click()

    taken = page.locator("#org-kvk-taken")
    expect(taken).to_be_visible()
    expect(taken).to_contain_text(f"Wübbels {tag} B.V.")
    expect(taken.locator(".kvk-holder-open")).to_have_attribute("href", f"/organisaties/{existing['id']}")
    expect(page).to_have_url(re.compile(r"/organisaties/nieuw/?$"))  # nothing saved yet
    assert organisations.list_page(admin, {"text": f"wubbels {tag} vestiging"}).total == 0

    page.locator("#org-save-anyway").click()
    expect(page).to_have_url(re.compile(r"/organisaties" + UUID_PATH))
    # the new page loads its record and what it takes part in (slow on a loaded machine)
    expect(page.locator("#page-title")).to_have_text(f"Wübbels {tag} vestiging Almelo", timeout=30_000)
    expect(page.locator("#org-view-email")).to_have_attribute("href", "mailto:almelo@wubbels.example")
    expect(page.locator("#org-view-phone")).to_have_text("0546 123456")

    # the existing record opens from the message
    page.goto("/organisaties/nieuw")
    page.locator("#org-name").fill(f"Wübbels {tag} dubbel")
    choose(page, "org-kind", "Bedrijf")
    page.locator("#org-kvk").fill(kvk)
    page.locator("#org-save").click()
    page.locator("#org-kvk-taken .kvk-holder-link", has_text=f"Wübbels {tag} B.V.").click()
    expect(page).to_have_url(re.compile(rf"/organisaties/{existing['id']}/?$"))
    expect(page.locator("#page-title")).to_have_text(f"Wübbels {tag} B.V.")


def test_the_organisation_page_lists_what_it_takes_part_in(page, app, admin):
    from lo_network.domain.activities import TZ
    from lo_network.services import activities, imports, organisations, people

    tag = uuid.uuid4().hex[:6]

    def when(days: int, hour: int) -> str:
        return (datetime.now(TZ) + timedelta(days=days)).replace(hour=hour, minute=0).strftime("%d-%m-%Y %H:%M")

    def activity(title: str, kind: str, days: int = 12, **extra) -> dict:
        return activities.create(admin, dict({"title": title, "kind": kind, "themes": ["international"],
                                              "region": "zwolle", "starts_at": when(days, 9),
                                              "ends_at": when(days, 17),
                                              "location": "Zwolle", "visibility": "public", "capacity": "40"},
                                             **extra), via="e2e")

    port = organisations.create(admin, {"name": f"Haven {tag}", "kind": "port_network"}, via="e2e")
    lab = activity(f"Living lab {tag}", "living_lab")
    activities.set_partner(admin, lab["id"], port["id"], "lead", "e2e")
    activity(f"Havendag {tag}", "cafe", organiser_ids=[port["id"]])
    fair = activity(f"Beurs {tag}", "fair", days=-12)  # attendances are of past activities
    people.create(admin, {"first_name": "Anna", "last_name": f"Kade {tag}", "email": f"anna.{tag}@haven.example",
                          "consent_basis": "contract", "consent_date": "2024-01-01"}, "e2e",
                  employment={"organisation_id": port["id"]})
    data = (f"Voornaam;Achternaam;E-mailadres;Activiteit id;Aanwezig\r\n"
            f"Anna;Kade {tag};anna.{tag}@haven.example;{fair['id']};ja\r\n").encode()
    job = imports.execute(imports.analyse(imports.create_job(admin, "a.csv", data, "attendances", "e2e").id).id)
    assert job.status == "done", job.error

    log_in(page, app.accounts["steering"])
    page.goto(f"/organisaties/{port['id']}")
    expect(page.locator("#org-partner-in")).to_contain_text(f"Living lab {tag}")
    expect(page.locator("#org-partner-in")).to_contain_text("Penvoerder")
    expect(page.locator("#org-organised")).to_contain_text(f"Havendag {tag}")
    attended = page.locator("#org-attended .org-attended", has_text=f"Beurs {tag}")
    expect(attended.locator(".org-attendee-link")).to_have_text(f"Anna Kade {tag}")
    page.locator("#org-partner-in .org-activity-link", has_text=f"Living lab {tag}").click()
    expect(page).to_have_url(re.compile(rf"/activiteiten/{lab['id']}/?$"))
