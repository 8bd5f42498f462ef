"""A list export reads its rows page by page (keyset after the last row, offset for sort by
last changed); small pages give exactly the rows of one big page, in the same order."""

from __future__ import annotations

import pytest

from lo_network.domain import organisations as domain
from lo_network.domain import people as person_domain
from lo_network.store import driver
from lo_network.store import imports as store
from lo_network.store import organisations as org_store
from lo_network.store import people as person_store


@pytest.fixture
def records(graph):
    driver.write(org_store.create_many, [
        domain.validate({"name": f"Export Vervoer {i % 5}", "kind": "company", "city": ("Almelo", "", "Zwolle")[i % 3]})
        for i in range(23)])
    driver.write(person_store.create_many, [
        person_domain.validate({"first_name": f"P{i}", "last_name": f"Smit {i % 3}"}) for i in range(17)])


@pytest.mark.parametrize("sort", domain.SORTS)
def test_small_pages_equal_one_page_organisations(records, sort):
    filters = {}
    whole = [r["id"] for r in store.iter_pages(driver.read, store.export_organisations, filters, sort,
                                               domain.KEYSET_SORTS, page=1000)]
    paged = [r["id"] for r in store.iter_pages(driver.read, store.export_organisations, filters, sort,
                                               domain.KEYSET_SORTS, page=4)]
    assert len(whole) == 23 and paged == whole


@pytest.mark.parametrize("sort", person_domain.SORTS)
def test_small_pages_equal_one_page_people(records, sort):
    filters = {}
    whole = [r["id"] for r in store.iter_pages(driver.read, store.export_people, filters, sort,
                                               person_domain.KEYSET_SORTS, page=1000)]
    paged = [r["id"] for r in store.iter_pages(driver.read, store.export_people, filters, sort,
                                               person_domain.KEYSET_SORTS, page=5)]
    assert len(whole) == 17 and paged == whole
