"""Organisation use cases (lo_network.services.organisations) on the real embedded graph."""

from __future__ import annotations

import inspect
import json
from datetime import date

import pytest

from lo_network.domain import organisations as domain
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import PermissionDenied
from lo_network.services import organisations as service
from lo_network.services import people as person_service
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit
from lo_network.store import driver, network
from lo_network.store import organisations as store

TODAY = date.today().isoformat()
MISSING = "00000000-0000-0000-0000-000000000000"


def create(actor, name, **fields):
    return service.create(actor, dict({"name": name, "kind": "company"}, **fields), "test")


def names(page) -> list[str]:
    return [item["name"] for item in page.items]


def graph_size() -> dict:
    return driver.read(network.counts)


@pytest.fixture
def coordinator(graph, users):
    return users["coordinator"]


# ---------------------------------------------------------------- create / get / update / delete
def test_create_normalises_stores_and_reads_back(coordinator):
    made = create(coordinator, "Port of Twente B.V.", kind="port_network", kvk="1234 5678",
                  postcode="7556ab", city="Hengelo", website="www.PortOfTwente.nl/",
                  themes=["international"], tags="Haven, NSBC")
    got = service.get(coordinator, made["id"])
    assert got["kvk"] == "12345678" and got["postcode"] == "7556 AB"
    assert got["website"] == "https://www.portoftwente.nl"
    assert got["region"] == "twente" and got["tags"] == ["haven", "nsbc"]
    assert got["status"] == "prospect" and got["status_log"] == [f"{TODAY}:prospect"]
    assert got["created_at"] == got["updated_at"] and got["people"] == []


def test_update_changes_fields_and_keeps_the_status_history(coordinator):
    made = create(coordinator, "Acme", status="participant", status_since="1-1-2024")
    assert made["status_log"] == ["2024-01-01:participant"]
    updated = service.update(coordinator, made["id"], {"status": "partner"}, "test")
    assert updated["status"] == "partner" and updated["status_since"] == TODAY
    assert updated["status_log"] == ["2024-01-01:participant", f"{TODAY}:partner"]
    updated = service.update(coordinator, made["id"], {"notes": "Bezocht op de beurs", "name": "Acme B.V."}, "test")
    assert updated["status_log"] == ["2024-01-01:participant", f"{TODAY}:partner"]
    assert updated["name"] == "Acme B.V." and updated["name_key"] == "acme b.v."
    assert updated["updated_at"] > made["updated_at"]
    assert service.get(coordinator, made["id"])["notes"] == "Bezocht op de beurs"


def test_status_change_with_its_own_date(coordinator):
    made = create(coordinator, "Acme", status_since="1-1-2024")
    updated = service.update(coordinator, made["id"], {"status": "former", "status_since": "1-3-2025"}, "test")
    assert updated["status_log"] == ["2024-01-01:prospect", "2025-03-01:former"]


def test_delete_removes_the_organisation_and_its_links_but_not_the_people(coordinator):
    made = create(coordinator, "Acme")
    person = person_service.create(coordinator, {"last_name": "Jansen"}, "test",
                                   employment={"organisation_id": made["id"], "role": "CEO"})
    assert service.delete(coordinator, made["id"], "test") == "Acme"
    with pytest.raises(NotFound):
        service.get(coordinator, made["id"])
    assert person_service.get(coordinator, person["id"])["employments"] == []


@pytest.mark.parametrize("call", [
    lambda actor: service.get(actor, MISSING),
    lambda actor: service.update(actor, MISSING, {"name": "x"}, "test"),
    lambda actor: service.delete(actor, MISSING, "test"),
])
def test_missing_organisation_is_not_found(coordinator, call):
    with pytest.raises(NotFound):
        call(coordinator)


# ---------------------------------------------------------------- validation stores nothing
def test_invalid_create_stores_nothing(coordinator):
    with pytest.raises(ValidationError) as caught:
        create(coordinator, "", kvk="123", website="not a url")
    assert set(caught.value.errors) == {"name", "kvk", "website"}
    assert graph_size()["organisations"] == 0


def test_invalid_update_changes_nothing(coordinator):
    made = create(coordinator, "Acme", kvk="12345678")
    with pytest.raises(ValidationError) as caught:
        service.update(coordinator, made["id"], {"name": "Acme 2", "kvk": "1234567"}, "test")
    assert set(caught.value.errors) == {"kvk"}
    got = service.get(coordinator, made["id"])
    assert (got["name"], got["kvk"], got["updated_at"]) == ("Acme", "12345678", made["updated_at"])
    assert [e.action for e in audit.for_entity("organisation", made["id"])] == ["create"]


# ---------------------------------------------------------------- list_page: filters
@pytest.fixture
def network_of_four(coordinator):
    """Four organisations differing in every filterable field."""
    return {
        "muller": create(coordinator, "Müller Transport", company_type="carrier", city="Enschede",
                         kvk="11112222", website="muller-transport.nl", status="participant",
                         themes=["international"], tags="nsbc"),
        "saxion": create(coordinator, "Saxion", kind="education", city="Deventer",
                         status="partner", themes=["knowledge_labour"], tags="onderwijs"),
        "zwolle": create(coordinator, "Gemeente Zwolle", kind="municipality", city="Zwolle",
                         themes=["accessibility", "international"]),
        "berlin": create(coordinator, "Berliner Logistik GmbH", city="Berlin",
                         region="outside_overijssel", status="former", tags=["nsbc", "duitsland"]),
    }


@pytest.mark.parametrize("filters, expected", [
    ({}, ["Berliner Logistik GmbH", "Gemeente Zwolle", "Müller Transport", "Saxion"]),
    ({"kind": "company"}, ["Berliner Logistik GmbH", "Müller Transport"]),
    ({"kind": "education"}, ["Saxion"]),
    ({"region": "twente"}, ["Müller Transport"]),
    ({"region": "outside_overijssel"}, ["Berliner Logistik GmbH"]),
    ({"status": "prospect"}, ["Gemeente Zwolle"]),
    ({"status": "former"}, ["Berliner Logistik GmbH"]),
    ({"theme": "international"}, ["Gemeente Zwolle", "Müller Transport"]),
    ({"theme": "sustainability"}, []),
    ({"tag": "nsbc"}, ["Berliner Logistik GmbH", "Müller Transport"]),
    ({"kind": "company", "tag": "nsbc", "region": "twente"}, ["Müller Transport"]),
    ({"kind": "", "region": None, "status": ""}, ["Berliner Logistik GmbH", "Gemeente Zwolle", "Müller Transport", "Saxion"]),
])
def test_list_filters(coordinator, network_of_four, filters, expected):
    page = service.list_page(coordinator, filters)
    assert names(page) == expected and page.total == len(expected)


@pytest.mark.parametrize("text, expected", [
    ("muller", ["Müller Transport"]),
    ("MÜLLER", ["Müller Transport"]),
    ("  Müll ", ["Müller Transport"]),
    ("11112222", ["Müller Transport"]),
    ("muller-transport.nl", ["Müller Transport"]),
    ("enschede", ["Müller Transport"]),
    ("zwolle", ["Gemeente Zwolle"]),
    ("logistik", ["Berliner Logistik GmbH"]),
    ("o", ["Berliner Logistik GmbH", "Gemeente Zwolle", "Müller Transport", "Saxion"]),
    ("amsterdam", []),
])
def test_text_search_folds_accents_and_case(users, network_of_four, text, expected):
    page = service.list_page(users["steering"], {"text": text})
    assert names(page) == expected and page.total == len(expected)


# ---------------------------------------------------------------- list_page: sorts
def test_sorts(coordinator, network_of_four):
    def order(sort):
        return names(service.list_page(coordinator, {}, sort=sort))

    assert order("name") == ["Berliner Logistik GmbH", "Gemeente Zwolle", "Müller Transport", "Saxion"]
    assert order("-name") == ["Saxion", "Müller Transport", "Gemeente Zwolle", "Berliner Logistik GmbH"]
    assert order("city") == ["Berliner Logistik GmbH", "Saxion", "Müller Transport", "Gemeente Zwolle"]
    assert order("-updated") == ["Berliner Logistik GmbH", "Gemeente Zwolle", "Saxion", "Müller Transport"]
    service.update(coordinator, network_of_four["saxion"]["id"], {"notes": "bijgewerkt"}, "test")
    assert order("-updated")[0] == "Saxion"


def test_unknown_sort_is_refused(coordinator):
    with pytest.raises(ValidationError) as caught:
        service.list_page(coordinator, {}, sort="kvk")
    assert "sort" in caught.value.errors


# ---------------------------------------------------------------- list_page: pages
@pytest.fixture
def twenty_seven(coordinator):
    """27 organisations, written in one transaction through the store (fast)."""
    props = [domain.validate({"name": f"Bedrijf {i:02d}", "kind": "company"}) for i in range(27)]
    driver.write(lambda tx: [store.create(tx, p) for p in props])


@pytest.mark.parametrize("page, page_size, expected_page, expected_size, first, count", [
    (1, 25, 1, 25, "Bedrijf 00", 25),
    (2, 25, 2, 25, "Bedrijf 25", 2),   # the last page
    (3, 25, 3, 25, None, 0),           # beyond the end: empty, total still known
    (0, 25, 1, 25, "Bedrijf 00", 25),  # clamped up to the first page
    (1, 10, 1, 25, "Bedrijf 00", 25),  # an unsupported size falls back to 25
    (1, 50, 1, 50, "Bedrijf 00", 27),
])
def test_pagination(coordinator, twenty_seven, page, page_size, expected_page, expected_size, first, count):
    result = service.list_page(coordinator, {}, page=page, page_size=page_size)
    assert (result.page, result.page_size, result.total) == (expected_page, expected_size, 27)
    assert len(result.items) == count
    assert (result.items[0]["name"] if result.items else None) == first
    assert result.pages == (2 if expected_size == 25 else 1)


def test_pages_do_not_overlap(coordinator, twenty_seven):
    first = names(service.list_page(coordinator, {}, page=1))
    second = names(service.list_page(coordinator, {}, page=2))
    assert len(set(first) | set(second)) == 27


# ---------------------------------------------------------------- lookup
def test_lookup_by_name_prefix_or_text(coordinator, network_of_four):
    assert [r["name"] for r in service.lookup(coordinator, "Gem")] == ["Gemeente Zwolle"]
    assert [r["name"] for r in service.lookup(coordinator, "enschede")] == ["Müller Transport"]
    assert len(service.lookup(coordinator, "", limit=3)) == 3


# ---------------------------------------------------------------- audit
def test_every_change_is_audited(users, graph):
    admin = users["admin"]
    made = create(admin, "Acme")
    service.update(admin, made["id"], {"status": "partner"}, "ui")
    service.delete(admin, made["id"], "api")
    entries = audit.for_entity("organisation", made["id"])
    assert [(e.action, e.via, e.actor) for e in entries][::-1] == [
        ("create", "test", admin.email), ("update", "ui", admin.email), ("delete", "api", admin.email),
    ]
    create_entry, update_entry, delete_entry = entries[::-1]
    assert json.loads(create_entry.after)["name"] == "Acme" and create_entry.before == ""
    assert json.loads(update_entry.before)["status"] == "prospect"
    assert json.loads(update_entry.after)["status"] == "partner"
    assert json.loads(delete_entry.before)["name"] == "Acme" and delete_entry.after == ""


# ---------------------------------------------------------------- permissions
def public_functions(module):
    return [f for name, f in inspect.getmembers(module, inspect.isfunction)
            if f.__module__ == module.__name__ and not name.startswith("_")]


def dummy_arguments(function, actor, some_id=MISSING):
    """Positional arguments for every required parameter: the actor, {} for a dict, else an id."""
    args = []
    for parameter in inspect.signature(function).parameters.values():
        if parameter.default is not inspect.Parameter.empty:
            continue
        if parameter.name == "actor":
            args.append(actor)
        elif "dict" in str(parameter.annotation):
            args.append({})
        else:
            args.append(some_id)
    return args


def mutating(module):
    return [f for f in public_functions(module) if "via" in inspect.signature(f).parameters]


def test_the_walk_finds_the_mutating_functions():
    assert {f.__name__ for f in mutating(service)} >= {"create", "update", "delete"}


@pytest.mark.parametrize("role", ["steering", "organiser"])
def test_roles_without_edit_rights_may_change_nothing(users, network_of_four, role):
    before = graph_size()
    for function in mutating(service):
        for some_id in (MISSING, network_of_four["saxion"]["id"]):
            with pytest.raises(PermissionDenied):
                function(*dummy_arguments(function, users[role], some_id))
    assert graph_size() == before
    assert service.get(users["admin"], network_of_four["saxion"]["id"])["status"] == "partner"
    assert [e.action for e in audit.for_entity("organisation", network_of_four["saxion"]["id"])] == ["create"]


def test_an_actor_without_a_role_may_not_even_look(graph):
    nobody = Actor(id=None, email="nobody@example.nl", name="", role="")
    for function in public_functions(service):
        with pytest.raises(PermissionDenied):
            function(*dummy_arguments(function, nobody))


# ---------------------------------------------------------------- keyset paging
@pytest.fixture
def sixty(coordinator):
    """60 organisations with repeated names and cities, so ties must be broken by id."""
    rows = [domain.validate({"name": f"Vervoer {i % 7}", "kind": "company", "city": ["Almelo", "", "Zwolle"][i % 3]})
            for i in range(60)]
    return driver.write(store.create_many, rows)


@pytest.mark.parametrize("sort", domain.KEYSET_SORTS)
def test_cursor_pages_equal_offset_pages(coordinator, sixty, sort):
    by_offset = [item["id"] for page in (1, 2, 3)
                 for item in service.list_page(coordinator, {}, sort, page, 25).items]
    by_cursor, cursor, page = [], None, 1
    while True:
        result = service.list_page(coordinator, {}, sort, page, 25, cursor)
        by_cursor += [item["id"] for item in result.items]
        assert "name_key" not in result.items[0]
        if not result.next_cursor:
            break
        cursor, page = result.next_cursor, page + 1
    assert page == 3 and by_cursor == by_offset and sorted(by_cursor) == sorted(sixty)


def test_cursor_with_a_filter_and_a_bad_cursor(coordinator, sixty):
    first = service.list_page(coordinator, {"text": "vervoer 3"}, "name", 1, 25)
    assert first.total == 9 and first.next_cursor is None  # i % 7 == 3 for 9 of 0..59
    page_one = service.list_page(coordinator, {}, "name", 1, 25)
    for bad in ("not-a-cursor", page_one.next_cursor[:-3]):
        with pytest.raises(ValidationError) as caught:
            service.list_page(coordinator, {}, "name", 2, 25, bad)
        assert set(caught.value.errors) == {"cursor"}
    with pytest.raises(ValidationError):  # a cursor of another sort
        service.list_page(coordinator, {}, "-name", 2, 25, page_one.next_cursor)
    assert service.list_page(coordinator, {}, "-updated", 1, 25).next_cursor is None  # pages by offset
