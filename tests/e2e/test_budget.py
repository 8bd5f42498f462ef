"""The programme's money in the browser: an organiser enters an activity's budget and cost
the Dutch way (a bad amount is named under its field), a coordinator records a grant on an
organisation page, the steering group reads the budget lens in euros and prints the
quarterly report with its charts (print media: the charts are there and have a size)."""

from __future__ import annotations

import os
import re
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from lo_network.domain import imports as sheets_in
from lo_network.domain.activities import TZ
from tests.e2e.test_crm_flow import UUID_PATH, choose
from tests.e2e.ui import log_in, log_out

pytestmark = pytest.mark.e2e
SHOTS = os.environ.get("LO_E2E_SCREENSHOTS", "")  # a folder: also save screenshots there (to look at)


def shot(page: Page, name: str, *, full: bool = True) -> None:
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(400)
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=full)
    page.set_viewport_size({"width": 1366, "height": 900})


def test_organiser_enters_a_budget_and_a_cost(app, page, admin):
    title = f"Beurs Transport Logistic {uuid.uuid4().hex[:6]}"
    log_in(page, app.accounts["organiser"])
    page.goto("/activiteiten/nieuw")
    page.locator("#act-title").fill(title)
    choose(page, "act-kind", "Beurs / tentoonstelling")
    start = (datetime.now(TZ) + timedelta(days=40)).replace(hour=9, minute=0)
    page.locator("#act-starts_at").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.locator("#act-ends_at").fill((start + timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M"))
    page.locator("#act-budget_planned").fill("1.250,50")
    page.locator("#act-budget_spent").fill("-20")
    page.locator("#act-save").click()
    expect(page.locator("#error-budget_spent")).to_contain_text("mag niet negatief zijn")
    expect(page.locator("#error-budget_planned")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/activiteiten/nieuw/?$"))

    shot(page, "activity-form")
    page.locator("#act-budget_spent").fill("999.99")
    expect(page.locator("#error-budget_spent")).to_have_count(0)
    page.locator("#act-save").click()
    expect(page).to_have_url(re.compile(r"/activiteiten" + UUID_PATH), timeout=30_000)
    expect(page.locator("#act-view-budget-planned")).to_have_text("€ 1.250,50")
    expect(page.locator("#act-view-budget-spent")).to_have_text("€ 999,99")
    activity_id = re.search(UUID_PATH, page.url).group(1)
    shot(page, "activity-view")

    from lo_network.services import activities

    stored = activities.get(admin, activity_id)
    assert (stored["budget_planned"], stored["budget_spent"], stored["programme_line"]) == (1250.5, 999.99,
                                                                                            "international")
    log_out(page)

    # the steering group sees the money, and cannot change it
    log_in(page, app.accounts["steering"])
    page.goto(f"/activiteiten/{activity_id}")
    expect(page.locator("#act-view-budget-planned")).to_have_text("€ 1.250,50")
    expect(page.locator("#act-edit")).to_have_count(0)


def test_a_coordinator_records_a_grant_on_the_organisation_page(app, page, admin):
    from lo_network.services import organisations

    org = organisations.create(admin, {"name": f"Regio Twente Logistiek {uuid.uuid4().hex[:6]}",
                                       "kind": "port_network", "region": "twente"}, via="e2e")
    log_in(page, app.accounts["coordinator"])
    page.goto(f"/organisaties/{org['id']}")
    expect(page.locator("#org-grants")).to_contain_text("Nog geen subsidies")
    page.locator("#grant-amount").fill("25.000,5x")
    page.locator("#grant-granted_on").fill("15-03-2025")
    page.locator("#grant-add").click()
    expect(page.locator("#error-amount")).to_contain_text("geen bedrag")
    page.locator("#grant-amount").fill("25.000")
    page.locator("#grant-description").fill("Netwerkondersteuning 2025")
    page.locator("#grant-add").click()
    expect(page.locator("#grant-list")).to_contain_text("€ 25.000,00")
    expect(page.locator("#grant-list")).to_contain_text("Regionale netwerkondersteuning")
    expect(page.locator("#grant-total")).to_have_text("Totaal: € 25.000,00")
    expect(page.locator("#grant-amount")).to_have_value("")
    page.locator("#org-grants").scroll_into_view_if_needed()
    shot(page, "organisation-grants")
    log_out(page)

    log_in(page, app.accounts["steering"])
    page.goto(f"/organisaties/{org['id']}")
    expect(page.locator("#grant-list")).to_contain_text("€ 25.000,00")
    expect(page.locator("#grant-add")).to_have_count(0)
    expect(page.locator(".grant-remove")).to_have_count(0)


def _visible_svg_size(page: Page, selector: str) -> tuple[float, float]:
    box = page.locator(f"{selector} .recharts-wrapper > svg").first
    expect(box).to_be_visible()
    size = box.bounding_box()
    return (size["width"], size["height"]) if size else (0, 0)


def test_steering_reads_the_budget_lens_and_prints_the_quarterly_report(app, page, admin):
    from lo_network.services import activities, kpis

    year = date.today().year
    activities.create(admin, {"title": f"Handelsmissie Polen {uuid.uuid4().hex[:6]}", "kind": "trade_mission",
                              "starts_at": f"10-05-{year + 1} 09:00", "ends_at": f"12-05-{year + 1} 17:00",
                              "budget_planned": "40.000", "budget_spent": "1.234,50"}, via="e2e")
    log_in(page, app.accounts["steering"])
    page.goto("/dashboard")
    expect(page.locator("#chart-title-budget")).to_have_text("Begroting per activiteitenlijn", timeout=90_000)
    expect(page.locator("#chart-budget .recharts-wrapper > svg")).to_be_visible()
    expect(page.locator("#chart-budget")).to_contain_text("Internationaal")
    expect(page.locator("#chart-budget")).to_contain_text(re.compile(r"€\s?\d{1,3}\.000"))
    expected = kpis.dashboard(admin, f"{year}-01", f"{year}-{date.today().month:02d}", "month", {},
                              fresh=True)["budget"]
    international = next(r for r in expected["lines"] if r["line"] == "international")
    from lo_network.domain.budget import format_eur

    page.locator("#chart-budget .recharts-bar-rectangle").first.hover()
    expect(page.locator("#chart-budget .recharts-tooltip-wrapper")).to_contain_text(re.compile(r"€\s?[\d.]+,\d\d"))
    table = page.locator("#table-budget_years")
    expect(table).to_contain_text("Jaar")
    expect(page.locator(".budget-total").first).to_contain_text("Programmabudget 2024–2027: € 1.800.000,00")
    expect(page.locator(".budget-total").first).to_contain_text(format_eur(expected["total"]["planned"] / 100))
    assert international["planned"] >= 4_000_000
    page.locator("#chart-budget").scroll_into_view_if_needed()
    shot(page, "dashboard-budget", full=False)

    with page.expect_download() as caught:
        page.locator("#csv-budget").click()
    assert caught.value.suggested_filename.startswith("begroting-per-lijn-")
    read = sheets_in.read_table(open(caught.value.path(), "rb").read(), caught.value.suggested_filename)
    assert read.columns[:4] == ["Activiteitenlijn", "Begroot (EUR)", "Gepland (EUR)", "Besteed (EUR)"]
    rows = {values[0]: values for _, values in read.rows}
    assert float(rows["Internationaal zakendoen"][2]) == international["planned"] / 100
    with page.expect_download() as caught:
        page.locator("#xlsx-budget_years").click()
    assert caught.value.suggested_filename.endswith(".xlsx")

    page.goto("/dashboard/kwartaal")
    expect(page.locator("#quarter-figures")).to_contain_text("Opkomst", timeout=90_000)
    kinds = page.locator("table", has=page.locator("th", has_text="Soort activiteit"))
    expect(kinds).to_have_count(1)
    expect(page.locator("th", has_text="Soort organisatie")).to_have_count(0)
    page.emulate_media(media="print")
    expect(page.locator("#quarter-print")).to_be_hidden()  # no buttons on paper
    for chart in ("#q-chart-size", "#q-chart-participation", "#q-chart-budget"):
        width, height = _visible_svg_size(page, chart)
        assert width > 150 and height > 100, (chart, width, height)
    expect(page.locator("#q-chart-budget")).to_contain_text("Regionale")
    pdf = page.pdf(format="A4")  # what the browser's "print to PDF" makes
    assert pdf[:5] == b"%PDF-" and len(pdf) > 20_000
    if SHOTS:
        Path(SHOTS, "quarter-report.pdf").write_bytes(pdf)
    shot(page, "quarter-print")
