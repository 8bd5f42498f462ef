"""/dashboard in the browser: a steering group member chooses a region and a period
by quarter, sees the figures the service computes for that filter, downloads a chart's data
as CSV and the chart as PNG, and opens the printable quarterly report.
The dashboard is read-only: its handlers check VIEW (tests/unit/test_ui_handlers_guarded.py)."""

from __future__ import annotations

import re
import uuid
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from lo_network.domain import imports as domain
from tests.e2e.ui import log_in

pytestmark = pytest.mark.e2e


def _month(d: date) -> str:
    return f"{d.year}-{d.month:02d}"


def test_steering_filters_the_dashboard_and_downloads(page: Page, app, admin):
    from lo_network.services import kpis, organisations

    tag = uuid.uuid4().hex[:8]
    today = date.today()
    organisations.create(admin, {"name": f"Dashboard {tag} Twente", "kind": "company", "region": "twente",
                                 "status": "partner", "size_class": "large"}, via="e2e")
    first = date(today.year - 1, 1, 1)

    log_in(page, app.accounts["steering"])
    page.locator("#nav-dashboard").click()
    expect(page).to_have_url(re.compile(r"/dashboard/?$"))
    expect(page.locator("#kpi-total")).to_have_text(re.compile(r"^\d+$"))
    expect(page.locator("#dash-definitions")).to_contain_text("Betrokkenheidstrechter")

    assert page.locator("#dash-van").get_attribute("type") is None  # a select, not the browser's month field
    expect(page.locator(f"#dash-van option[value='{_month(today)}']")).to_have_text(
        re.compile(rf"^[a-z]+ {today.year}$"))  # the month in Dutch words
    page.locator("#dash-van").select_option(_month(first))
    page.locator("#dash-per").select_option("quarter")
    page.locator("#dash-regio").select_option("twente")
    page.locator("#dash-apply").click()
    expect(page).to_have_url(re.compile(r"regio=twente"))
    expect(page).to_have_url(re.compile(r"per=quarter"))

    expected = kpis.dashboard(admin, _month(first), _month(today), "quarter", {"region": "twente"})
    cards = expected["cards"]
    assert cards["partner"] >= 1
    expect(page.locator("#kpi-partner")).to_have_text(str(cards["partner"]))
    expect(page.locator("#kpi-total")).to_have_text(str(cards["total"]))
    expect(page.locator("#dash-regio")).to_have_value("twente")
    expect(page.locator("#dash-sources")).to_contain_text(re.compile(r"gelezen om \d\d:\d\d"))
    expect(page.locator("#dash-sources")).not_to_contain_text(re.compile(r"\b1 maanden"))  # "1 maand"

    # a partner added elsewhere (here: by this test process) shows after "Vernieuwen"
    organisations.create(admin, {"name": f"Dashboard {tag} Twente 2", "kind": "company", "region": "twente",
                                 "status": "partner"}, via="e2e")
    page.locator("#dash-refresh").click()
    expect(page.locator("#kpi-partner")).to_have_text(str(cards["partner"] + 1))
    expect(page.locator("#kpi-total")).to_have_text(str(cards["total"] + 1))
    expected = kpis.dashboard(admin, _month(first), _month(today), "quarter", {"region": "twente"})

    with page.expect_download() as caught:
        page.locator("#csv-size").click()
    assert caught.value.suggested_filename.startswith("netwerkomvang-")
    table = domain.read_table(open(caught.value.path(), "rb").read(), caught.value.suggested_filename)
    assert [values[0] for _, values in table.rows] == [r["period"] for r in expected["series"]]
    assert table.rows[-1][1][3] == str(expected["series"][-1]["size_partner"])

    # companies by size class, as its own chart and download
    expect(page.locator("#chart-title-by_class")).to_have_text("Bedrijven per grootteklasse")
    with page.expect_download() as caught:
        page.locator("#csv-by_class").click()
    assert caught.value.suggested_filename.startswith("bedrijven-per-grootteklasse")
    table = domain.read_table(open(caught.value.path(), "rb").read(), caught.value.suggested_filename)
    by_class = {values[0]: values for _, values in table.rows}
    assert table.columns[0] == "Grootteklasse" and "Onbekend" in by_class
    assert by_class["Groot (250+)"][3] == str(expected["size_by_class"]["large"]["partner"])

    with page.expect_download() as caught:
        page.locator("#png-size").click()
    assert caught.value.suggested_filename == "netwerkomvang.png"
    assert open(caught.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"

    page.locator("#dash-quarter-link").click()
    expect(page).to_have_url(re.compile(r"/dashboard/kwartaal"))
    expect(page.locator("#quarter-figures")).to_contain_text("Opkomst")
    expect(page.locator("#page-title")).to_contain_text("-K")



def _ticks(page: Page, chart: str) -> list[str]:
    return [t.strip() for t in page.locator(f"#chart-{chart} .recharts-cartesian-axis-tick-value").all_text_contents()]


def test_the_dashboard_writes_whole_counts_dutch_numbers_and_whole_labels(page: Page, app, admin):
    """Count axes tick in whole numbers (not 0.25 / 2.25), the long programme line's name is
    not cut off, the selects look like selects, and no text names a command."""
    from lo_network.services import organisations

    tag = uuid.uuid4().hex[:8]
    for n in range(3):  # a few new organisations: small counts, where decimal steps would show
        organisations.create(admin, {"name": f"Telling {tag} {n}", "kind": "company", "region": "other_overijssel",
                                     "status": "prospect"}, via="e2e")
    log_in(page, app.accounts["steering"])
    page.goto("/dashboard?regio=nergens")  # a hand-made URL: the choice refused, the page whole
    expect(page.locator("#error-region")).to_be_visible()
    expect(page.locator("#page-title")).to_be_visible()
    page.goto("/dashboard?regio=other")
    expect(page.locator("#chart-moves .recharts-cartesian-axis-tick-value").first).to_be_visible(timeout=60_000)

    for chart in ("size", "moves", "reach"):
        numbers = [t for t in _ticks(page, chart) if re.fullmatch(r"[\d.,\s]+", t)]
        assert numbers, chart
        assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*", t) for t in numbers), (chart, numbers)  # 1.250, never 2,25

    label = page.locator("#chart-lines .recharts-cartesian-axis-tick-value",
                         has_text=re.compile(r"Regionale\s*netwerkondersteuning"))  # on two lines
    expect(label).to_have_count(1)
    chart_box, label_box = page.locator("#chart-lines").bounding_box(), label.bounding_box()
    assert label_box["x"] >= chart_box["x"] - 1, (label_box, chart_box)  # drawn whole, inside its chart

    select = page.locator("#dash-regio")
    assert select.evaluate("e => getComputedStyle(e).appearance") == "none"  # styled by the app, with a chevron
    expect(page.locator("body")).not_to_contain_text("lo-network")
