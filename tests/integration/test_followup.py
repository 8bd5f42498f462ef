"""The follow-up lists on the real graph: a world with known answers, the
12-month edge, employment at the time, partners excluded, consent lapsing in 30 and not in
200 days, filters, paging, the consent rule for view-only roles, and the export."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from lo_network.domain.errors import ValidationError
from lo_network.domain.followup import add_months
from lo_network.domain.permissions import PermissionDenied
from lo_network.services import followup
from tests.integration.followup_world import build, today


@pytest.fixture
def world(graph, sql_db, users, monkeypatch):
    return build(users["admin"], monkeypatch)


def names(page) -> set[str]:
    return {item["name"] for item in page.items}


def test_dormant_organisations(world, users):
    page = followup.list_page(users["coordinator"], "dormant", {}, page_size=100)
    ids = {item["id"] for item in page.items}
    o = world.orgs
    assert o["sleepy"] in ids and o["before"] in ids       # last seen 13 months ago, a day before the cutoff
    assert o["left"] in ids and o["joined"] in ids         # the mover's attendance was at neither employer
    assert o["edge"] not in ids                            # present on the cutoff day itself
    assert o["busy"] not in ids and o["partner"] not in ids and o["lab"] not in ids
    assert o["public"] not in ids                          # on its behalf (a registrant who is no known person)
    assert o["prospect"] not in ids                        # not in the network
    assert page.total == len(page.items) == 4
    sleepy = next(i for i in page.items if i["id"] == o["sleepy"])
    assert sleepy["last_activity"]["title"] == world.titles["old"]
    assert sleepy["last_activity"]["date"] == add_months(today(), -13).isoformat()
    assert [c["name"] for c in sleepy["contacts"]] == ["Sara Test", "Soon Test"]
    assert next(i for i in page.items if i["id"] == o["joined"])["last_activity"] is None
    # longest silent first: never-active ones, then the oldest last activity
    assert [i["id"] for i in page.items][-2:] == [o["sleepy"], o["before"]]


def test_the_dormant_months_come_from_the_setting(world, users, monkeypatch):
    from lo_network import settings

    monkeypatch.setenv("LO_FOLLOWUP_DORMANT_MONTHS", "14")
    settings.reset()
    try:
        ids = {i["id"] for i in followup.list_page(users["coordinator"], "dormant", {}, page_size=100).items}
    finally:
        monkeypatch.delenv("LO_FOLLOWUP_DORMANT_MONTHS")
        settings.reset()
    assert world.orgs["sleepy"] not in ids and world.orgs["before"] not in ids
    assert world.orgs["left"] in ids


def test_attended_twice_not_yet_partner(world, users):
    page = followup.list_page(users["steering"], "twice", {})
    assert [(i["name"], i["attended"]) for i in page.items] == [("Druk Vervoer BV", 2)]
    assert page.items[0]["last_activity"]["title"] == "Logistiek café 40"
    assert page.total == 1


def test_consent_about_to_lapse(world, users):
    page = followup.list_page(users["coordinator"], "consent", {})
    rows = {i["name"]: i for i in page.items}
    assert list(rows) == ["Soon Test", "General Test"]      # soonest first; 200 days and renewed are not listed
    assert rows["Soon Test"]["lapses"] == (today() + timedelta(days=30)).isoformat()
    assert [x["purpose"] for x in rows["Soon Test"]["lapsing"]] == ["newsletter"]
    assert rows["General Test"]["lapsing"][0]["purpose"] == "general"
    assert rows["Soon Test"]["organisations"][0]["name"] == "Slaap Transport BV"


def test_view_only_roles_see_people_with_a_basis_only(world, users):
    steering = followup.list_page(users["steering"], "consent", {})
    assert names(steering) == {"General Test"}               # "Soon" has no basis for the directory
    dormant = followup.list_page(users["steering"], "dormant", {}, page_size=100).items
    sleepy = next(i for i in dormant if i["id"] == world.orgs["sleepy"])
    assert [c["name"] for c in sleepy["contacts"]] == []     # Sara and Soon: no basis (test people, basis unset)


def test_filters_by_region_theme_and_kind(world, users):
    coordinator = users["coordinator"]
    assert names(followup.list_page(coordinator, "dormant", {"region": "twente"})) == {"Slaap Transport BV"}
    assert names(followup.list_page(coordinator, "dormant", {"theme": "international"})) == {"Slaap Transport BV"}
    assert followup.list_page(coordinator, "dormant", {"kind": "municipality"}).total == 0
    assert names(followup.list_page(coordinator, "consent", {"region": "twente"})) == {"Soon Test"}
    assert followup.list_page(coordinator, "twice", {"region": "twente"}).total == 0
    with pytest.raises(ValidationError) as info:
        followup.list_page(coordinator, "dormant", {"region": "mars"})
    assert "region" in info.value.errors


def test_paging_by_offset_and_sorts(world, users):
    coordinator = users["coordinator"]
    everything = [i["id"] for i in followup.list_page(coordinator, "dormant", {}, "name", page_size=100).items]
    first = followup.list_page(coordinator, "dormant", {}, "name", 1, 25)
    assert first.total == 4 and [i["id"] for i in first.items] == everything
    backwards = [i["id"] for i in followup.list_page(coordinator, "dormant", {}, "-name", page_size=100).items]
    assert backwards == everything[::-1]
    beyond = followup.list_page(coordinator, "dormant", {}, "name", 2, 25)
    assert beyond.items == [] and beyond.total == 4


def test_counts_per_list(world, users):
    assert followup.counts(users["coordinator"], {}) == {"dormant": 4, "twice": 1, "consent": 2}
    assert followup.counts(users["steering"], {"region": "twente"}) == {"dormant": 1, "twice": 0, "consent": 0}


def test_export_csv_and_xlsx(world, users):
    name, data = followup.export(users["coordinator"], "dormant", {"region": "twente"}, fmt="csv")
    assert name.startswith("slapende-organisaties-") and name.endswith(".csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Organisatie", "Soort"] and len(rows) == 2
    assert rows[1][0] == "Slaap Transport BV" and rows[1][6] == world.titles["old"]
    name, data = followup.export(users["steering"], "consent", {}, fmt="xlsx")
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[2]][0] == "General Test" and sheet.max_row == 2
    with pytest.raises(ValidationError):
        followup.export(users["coordinator"], "twice", {}, fmt="pdf")


def test_reading_needs_a_role(world, users):
    from lo_network.services.accounts import Actor

    with pytest.raises(PermissionDenied):
        followup.list_page(Actor(id=None, email="x@example.nl", role="nobody", name=""), "dormant", {})


def test_the_demo_fills_each_list(graph, sql_db, users):
    from lo_network.seed import activities as demo_activities
    from lo_network.seed import demo
    from lo_network.seed import followup as demo_followup

    demo.seed(organisations=120)
    demo_activities.seed()
    assert demo_followup.seed().startswith("follow-up demo history loaded: 4 past activities")
    assert demo_followup.seed().startswith("follow-up demo history not loaded")  # once
    counts = followup.counts(users["steering"], {})
    assert all(counts[name] > 0 for name in ("dormant", "twice", "consent")), counts
    dormant = followup.list_page(users["coordinator"], "dormant", {}, page_size=100)
    assert any((i["last_activity"] or {}).get("title") == "Congres Slimme Logistiek Oost" for i in dormant.items)


# ---------------------------------------------------------------- follow-up notes
def test_a_coordinator_notes_a_follow_up_audited_and_shown_in_the_list(graph, sql_db, users):
    from lo_network.sqlstore import audit
    from lo_network.services import organisations

    org = organisations.create(users["admin"], {"name": "Opvolg BV", "kind": "company", "status": "partner"}, via="test")
    with pytest.raises(PermissionDenied):
        followup.add_note(users["steering"], org["id"], {"note": "Bellen", "due": "01-12-2030"}, via="test")
    with pytest.raises(ValidationError) as info:
        followup.add_note(users["coordinator"], org["id"], {"note": "", "due": "31-02-2030"}, via="test")
    assert set(info.value.errors) == {"note", "due"}
    later = followup.add_note(users["coordinator"], org["id"], {"note": "Later bellen", "due": "01-12-2030",
                                                                "assignee": "Carla"}, via="test")
    soon = followup.add_note(users["coordinator"], org["id"], {"note": "Eerst mailen", "due": "01-06-2030"}, via="test")
    assert soon["assignee"] == "Coordinator"   # default: the actor
    row = next(i for i in followup.list_page(users["steering"], "dormant", {}).items if i["id"] == org["id"])
    assert [n["note"] for n in row["open_notes"]] == ["Eerst mailen", "Later bellen"]

    done = followup.set_note_done(users["coordinator"], org["id"], soon["id"], True, via="test")
    assert done["done"] and done["done_by"] == "coordinator@test.example"
    assert [n["id"] for n in followup.notes(users["steering"], org["id"])] == [later["id"], soon["id"]]  # open first
    row = next(i for i in followup.list_page(users["coordinator"], "dormant", {}).items if i["id"] == org["id"])
    assert [n["note"] for n in row["open_notes"]] == ["Later bellen"]
    with pytest.raises(PermissionDenied):
        followup.set_note_done(users["steering"], org["id"], later["id"], True, via="test")
    entries = audit.for_entity("followup_note", soon["id"])
    assert sorted(e.action for e in entries) == ["create", "update"]
    from lo_network.domain.errors import NotFound

    with pytest.raises(NotFound):
        followup.add_note(users["coordinator"], "no-such-organisation", {"note": "x", "due": "01-01-2030"}, via="test")


def test_counts_take_a_known_count_as_it_is(world, users):
    assert followup.counts(users["coordinator"], {}, known={"dormant": 99}) == {"dormant": 99, "twice": 1, "consent": 2}
