"""The organisation list pages forward and back with its buttons (the state reads the pages
after "next" by keyset) and shows the same rows as reading the page by number."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.ui import log_in

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def sixty(app, admin):
    from lo_network.domain import organisations as domain
    from lo_network.store import driver
    from lo_network.store import organisations as store

    rows = [domain.validate({"name": f"Pagina Vervoer {i % 9}", "kind": "company", "tags": "paging",
                             "city": ("Almelo", "Zwolle")[i % 2]}) for i in range(60)]
    driver.write(store.create_many, rows)


def names_on_screen(page: Page) -> list[str]:
    expect(page.locator(".org-link").first).to_be_visible()
    return page.locator(".org-link").all_inner_texts()


def test_next_and_previous_walk_the_list(app, page, sixty):
    log_in(page, app.accounts["steering"])
    page.goto("/organisaties?tag=paging&sort=city")
    expect(page.locator("#org-range")).to_have_text("1–25 van 60")
    first = names_on_screen(page)

    page.locator("#org-next").click()
    expect(page.locator("#org-range")).to_have_text("26–50 van 60")
    expect(page).to_have_url(re.compile(r"[?&]page=2(&|$)"))
    second = names_on_screen(page)
    page.locator("#org-next").click()
    expect(page.locator("#org-range")).to_have_text("51–60 van 60")
    third = names_on_screen(page)
    expect(page.locator("#org-next")).to_be_disabled()
    assert (len(first), len(second), len(third)) == (25, 25, 10)

    page.locator("#org-previous").click()
    expect(page.locator("#org-range")).to_have_text("26–50 van 60")
    assert names_on_screen(page) == second

    # the same page read by its number (a bookmark) holds the same rows
    page.goto("/organisaties?tag=paging&sort=city&page=2")
    expect(page.locator("#org-range")).to_have_text("26–50 van 60")
    assert names_on_screen(page) == second
