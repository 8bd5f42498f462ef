"""The last activity stored on each organisation, which the dormant list reads: every write
that adds, changes or removes an event keeps it current in its own transaction, and the
activities that started since the last read are caught up before the next one. Each change
below is made through the services on the follow-up world (tests/integration/followup_world.py);
the list must show its effect, and deriving every organisation again afterwards must change
nothing (a write that forgot to keep the stored value current fails there)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lo_network.services import activities, duplicates, followup, organisations, people, registrations
from tests.integration.followup_world import _activity, _present, build, today


@pytest.fixture
def world(graph, sql_db, users, monkeypatch):
    w = build(users["admin"], monkeypatch)
    dormant(users)  # the first read derives every organisation (a graph never derived)
    return w


def dormant(users, now: datetime | None = None) -> set[str]:
    return {item["id"] for item in followup.list_page(users["coordinator"], "dormant", {}, page_size=100, now=now).items}


def assert_current() -> None:
    assert followup.refresh_last_activity() == 0, "a write left an organisation's stored last activity behind"


def test_a_first_read_derives_every_organisation(world, users):
    assert dormant(users) == {world.orgs[k] for k in ("sleepy", "before", "left", "joined")}
    assert_current()


def test_check_in_and_its_undo(world, users, monkeypatch):
    admin, o = users["admin"], world.orgs
    day = today() - timedelta(days=2)
    activity = _activity(admin, world, "new", "Café van eergisteren", day)
    _present(admin, monkeypatch, activity, day, world.people["sara"])
    assert o["sleepy"] not in dormant(users)
    assert_current()
    registration = next(r for r in registrations.list_for_activity(admin, activity) if r.get("person_id") == world.people["sara"])
    registrations.check_in(admin, activity, registration["id"], False, via="test")
    assert o["sleepy"] in dormant(users)
    assert_current()


def test_employment_changed_and_removed(world, users):
    admin, o = users["admin"], world.orgs
    mover = people.get(admin, world.people["mover"])
    job = next(e for e in mover["employments"] if e["organisation_id"] == o["left"])
    people.update_employment(admin, world.people["mover"], job["id"],
                             {"role": "Planner", "since": "2015-01-01", "until": ""}, via="test")
    assert o["left"] not in dormant(users)  # still employed when present 90 days ago
    assert_current()
    eddy = people.get(admin, world.people["eddy"])
    people.delete_employment(admin, world.people["eddy"], eddy["employments"][0]["id"], via="test")
    assert o["edge"] in dormant(users)
    assert_current()


def test_a_person_deleted_leaves_the_registration_on_behalf_of_the_employer(world, users):
    """Eddy's registration named his employer: without him it is a registrant who is no known
    person, present on its behalf (the definition), so the stored event changes its kind."""
    people.delete(users["admin"], world.people["eddy"], via="test")
    assert world.orgs["edge"] not in dormant(users)
    assert_current()


def test_activity_moved_and_deleted(world, users):
    admin, o = users["admin"], world.orgs
    long_ago = today() - timedelta(days=800)
    activities.update(admin, world.activities["edge"], {
        "starts_at": long_ago.strftime("%d-%m-%Y 10:00"), "ends_at": long_ago.strftime("%d-%m-%Y 13:00"),
        "registration_closes": ""}, via="test")
    assert o["edge"] in dormant(users)
    assert_current()
    for key in ("recent1", "recent2"):
        activities.delete(admin, world.activities[key], via="test")
    assert {o["busy"], o["public"]} <= dormant(users)
    assert_current()


def test_organiser_and_partner(world, users):
    admin, o = users["admin"], world.orgs
    day = today() - timedelta(days=10)
    activities.create(admin, {
        "title": "Door Slaap georganiseerd", "kind": "cafe", "themes": [], "visibility": "public", "location": "Hengelo",
        "starts_at": day.strftime("%d-%m-%Y 10:00"), "ends_at": day.strftime("%d-%m-%Y 12:00"),
        "organiser_ids": [o["sleepy"]]}, via="test")
    assert o["sleepy"] not in dormant(users)
    assert_current()
    activities.remove_partner(admin, world.activities["lab"], o["lab"], via="test")
    assert o["lab"] in dormant(users)
    assert_current()
    activities.set_partner(admin, world.activities["lab"], o["lab"], "partner", via="test")
    assert o["lab"] not in dormant(users)
    assert_current()


def test_merge_and_undo(world, users):
    """Bob merged into Sara: his registrations become hers, and she has worked at Slaap
    Transport since 2015, so it was present 40 days ago; the undo gives them back."""
    admin, o = users["admin"], world.orgs
    entry = duplicates.merge(admin, "person", world.people["sara"], world.people["bob"], {}, via="test")
    assert o["sleepy"] not in dormant(users) and o["busy"] not in dormant(users)
    assert_current()
    duplicates.undo(admin, entry, via="test")
    assert o["sleepy"] in dormant(users) and o["busy"] not in dormant(users)
    assert_current()


def test_an_activity_counts_once_it_has_started(world, users):
    """Organised for next week: not yet an activity; read a week later, it is (the catch-up)."""
    admin, o = users["admin"], world.orgs
    day = today() + timedelta(days=7)
    activities.create(admin, {
        "title": "Volgende week", "kind": "cafe", "themes": [], "visibility": "public", "location": "Almelo",
        "starts_at": day.strftime("%d-%m-%Y 10:00"), "ends_at": day.strftime("%d-%m-%Y 12:00"),
        "organiser_ids": [o["sleepy"]]}, via="test")
    assert o["sleepy"] in dormant(users)
    assert o["sleepy"] not in dormant(users, now=datetime.now(timezone.utc) + timedelta(days=8))


def test_pages_in_each_order_join_up(world, users):
    """30 more organisations that never had an activity: page 1 and 2 of each order (the page
    is read in index order, a branch per order) together are the whole list in that order."""
    admin, coordinator = users["admin"], users["coordinator"]
    for n in range(30):
        organisations.create(admin, {"name": f"Stille Vennoot {n:02d} BV", "kind": "company", "status": "partner",
                                     "region": "zwolle", "themes": []}, via="test")
    for sort in ("silent", "name", "-name"):
        whole = followup.list_page(coordinator, "dormant", {}, sort, 1, 100).items
        pages = [followup.list_page(coordinator, "dormant", {}, sort, page, 25) for page in (1, 2)]
        assert [i["id"] for p in pages for i in p.items] == [i["id"] for i in whole], sort
        assert pages[0].total == pages[1].total == len(whole) == 34
        keys = [(i["last_activity"] or {}).get("date") or "" for i in whole]
        names = [i["name"].casefold() for i in whole]
        if sort == "silent":  # never first (by name), then the longest silent
            never = [n for n, k in zip(names, keys) if not k]
            assert keys == sorted(keys) and never == sorted(never) and len(never) == 32
        else:
            assert names == sorted(names, reverse=sort == "-name")


@pytest.mark.parametrize("sort", ["silent", "name", "-name"])
def test_the_dormant_list_reads_indexes_in_order(graph, users, sort):
    """No label scan, and the page comes from an index read in order (PartialTop: a top-N over
    rows already sorted by the index), not from sorting every dormant organisation."""
    from lo_network.store.queries import q
    from tests.integration.test_fulltext_search import plan_operators

    params = followup.params(users["coordinator"], "dormant", {}, sort, 0, 25)
    operators = plan_operators(q("followup/dormant"), params)
    assert not {"NodeByLabelScan", "AllNodesScan"} & operators, operators
    assert "PartialTop" in operators, operators
