"""A coordinator merges two records of one organisation through the Dubbelen page,
choosing a value per field; every link moves; the merge is undone from the same page."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.ui import assert_stacked_tables_fit, log_in

pytestmark = pytest.mark.e2e


def test_merge_through_the_page_and_undo(page, app, admin):
    from lo_network.domain.errors import NotFound
    from lo_network.services import links, organisations, people

    tag = uuid.uuid4().hex[:6]
    kvk = str(30000000 + int(tag, 16) % 10000000)
    keep = organisations.create(admin, {"name": f"Dubbel {tag} B.V.", "kind": "company", "kvk": kvk,
                                        "city": "Almelo"}, via="e2e")
    drop = organisations.create(admin, {"name": f"Dubbel {tag}", "kind": "company", "kvk": kvk,
                                        "city": "Hengelo"}, via="e2e", confirm_duplicate_kvk=True)
    partner = organisations.create(admin, {"name": f"Partner {tag}", "kind": "company"}, via="e2e")
    links.add(admin, "organisation", drop["id"], partner["id"], {"type": "supplier"}, via="e2e")
    people.create(admin, {"last_name": f"Medewerker {tag}"}, via="e2e", employment={"organisation_id": drop["id"]})

    log_in(page, app.accounts["coordinator"])
    page.goto("/dubbelen")
    row = page.locator(".dup-candidate", has_text=f"Dubbel {tag} B.V.")
    expect(row).to_contain_text("zelfde KvK-nummer")
    expect(row).to_contain_text("97%")
    row.locator(".dup-compare").click()
    preview = page.locator("#dup-preview")
    expect(preview).to_be_visible()
    expect(page.locator("#dup-keep-name")).to_have_text(re.compile(rf"^Dubbel {tag}( B\.V\.)?$"))
    if page.locator("#dup-keep-name").inner_text() != f"Dubbel {tag} B.V.":  # the pair comes in id order
        page.locator("#dup-swap").click()
        expect(page.locator("#dup-keep-name")).to_have_text(f"Dubbel {tag} B.V.")
    expect(page.locator("#dup-moving")).to_contain_text(f"leverancier van Partner {tag}")
    expect(page.locator("#dup-moving")).to_contain_text(f"Medewerker {tag}")
    page.locator("[data-field=city] .dup-choose-drop").click()
    page.locator("#dup-merge").click()
    page.locator("#dup-merge-dialog-confirm").click()
    expect(page.locator("#dup-preview")).to_have_count(0)
    expect(page.locator(".dup-candidate", has_text=f"Dubbel {tag}")).to_have_count(0)

    merged = organisations.get(admin, keep["id"])
    assert merged["city"] == "Hengelo" and merged["name"] == f"Dubbel {tag} B.V."
    assert [p["person_name"] for p in merged["people"]] == [f"Medewerker {tag}"]
    assert [l["other_id"] for l in links.list_links(admin, "organisation", partner["id"])] == [keep["id"]]
    with pytest.raises(NotFound):
        organisations.get(admin, drop["id"])

    merge_row = page.locator(".dup-merge-row", has_text=f"Dubbel {tag} → Dubbel {tag} B.V.")
    merge_row.locator(".dup-undo").click()
    expect(merge_row).to_contain_text("ongedaan gemaakt")
    assert organisations.get(admin, drop["id"])["city"] == "Hengelo"
    assert organisations.get(admin, keep["id"])["city"] == "Almelo"
    assert [l["other_id"] for l in links.list_links(admin, "organisation", partner["id"])] == [drop["id"]]


def test_one_card_per_cluster_and_the_undo_at_the_top_after_a_merge(page, app, admin):
    from lo_network.services import organisations

    tag = uuid.uuid4().hex[:6]
    ids = [organisations.create(admin, {"name": name, "kind": "company", "city": city}, via="e2e")["id"]
           for name, city in ((f"Bakker {tag} Binnenvaart", "Kampen"), (f"Bakker {tag} Binnenvaart B.V.", "Zwolle"),
                              (f"bakker {tag} binnenvaart", ""))]
    log_in(page, app.accounts["coordinator"])
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto("/dubbelen")
    card = page.locator(".dup-cluster", has_text=tag)  # by the tag: a merge may keep any of the names
    expect(card).to_have_count(1)
    expect(card.locator(".dup-member")).to_have_count(3)
    expect(card.locator(".dup-candidate")).to_have_count(3)
    expect(card.locator(".dup-cluster-size")).to_contain_text("3 records")
    # on a phone each pair reads top to bottom, its column names above the values
    page.set_viewport_size({"width": 390, "height": 844})
    first_cell = card.locator(".dup-candidate td").first
    assert first_cell.evaluate("c => getComputedStyle(c, '::before').content") == '"Score"'
    assert_stacked_tables_fit(page)
    page.set_viewport_size({"width": 1366, "height": 800})

    card.locator(".dup-candidate").first.locator(".dup-compare").click()
    expect(page.locator("#dup-preview")).to_be_in_viewport()
    page.locator("#dup-merge").click()
    page.locator("#dup-merge-dialog-confirm").click()
    banner = page.locator("#dup-last-merge")
    expect(banner).to_be_in_viewport()
    expect(banner).to_have_attribute("role", "status")
    expect(page.locator("#dup-last-undo")).to_be_focused()
    expect(card.locator(".dup-member")).to_have_count(2)  # the cluster shrinks to the two left
    page.locator("#dup-last-undo").click()
    expect(banner).to_have_count(0)
    expect(card.locator(".dup-member")).to_have_count(3)
    assert all(organisations.get(admin, i) for i in ids)
