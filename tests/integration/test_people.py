"""People and employment use cases (lo_network.services.people) on the real embedded graph."""

from __future__ import annotations

import inspect
import json

import pytest

from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import PermissionDenied
from lo_network.services import organisations as organisation_service
from lo_network.services import people as service
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit
from lo_network.store import driver, network

MISSING = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def coordinator(graph, users):
    return users["coordinator"]


@pytest.fixture
def orgs(coordinator):
    """Two organisations to work at."""
    return {name: organisation_service.create(coordinator, {"name": name, "kind": "company"}, "test")["id"]
            for name in ("Acme Transport", "Zwolle Logistics")}


def person(actor, last_name, via="test", employment=None, **fields):
    return service.create(actor, dict({"last_name": last_name}, **fields), via, employment=employment)


def names(page) -> list[str]:
    return [item["name"] for item in page.items]


def graph_size() -> dict:
    return driver.read(network.counts)


# ---------------------------------------------------------------- create / get / update / delete
def test_create_normalises_stores_and_reads_back(coordinator):
    made = person(coordinator, "Jansen", first_name=" Anna ", email="Anna.Jansen@Example.NL",
                  phone="+31 6 12345678", consent_basis="consent", consent_date="1-2-2025", tags="Spreker")
    got = service.get(coordinator, made["id"])
    assert got["name"] == "Anna Jansen" and got["email"] == "Anna.Jansen@example.nl"
    assert got["email_key"] == "anna.jansen@example.nl"
    assert got["consent_date"] == "2025-02-01" and got["tags"] == ["spreker"]
    assert got["employments"] == []


def test_update_merges_changes(coordinator):
    made = person(coordinator, "Jansen", first_name="Anna", email="anna@example.nl")
    updated = service.update(coordinator, made["id"], {"last_name": "de Vries", "job_title": "Inkoper"}, "test")
    assert (updated["name"], updated["email"], updated["job_title"]) == ("Anna de Vries", "anna@example.nl", "Inkoper")
    assert updated["name_key"] == "de vries anna"
    assert updated["updated_at"] > made["updated_at"]


def test_delete_removes_the_person_but_not_the_organisation(coordinator, orgs):
    made = person(coordinator, "Jansen", employment={"organisation_id": orgs["Acme Transport"]})
    assert service.delete(coordinator, made["id"], "test") == "Jansen"
    with pytest.raises(NotFound):
        service.get(coordinator, made["id"])
    assert organisation_service.get(coordinator, orgs["Acme Transport"])["people"] == []


@pytest.mark.parametrize("call", [
    lambda actor: service.get(actor, MISSING),
    lambda actor: service.update(actor, MISSING, {"last_name": "x"}, "test"),
    lambda actor: service.delete(actor, MISSING, "test"),
    lambda actor: service.update_employment(actor, MISSING, MISSING, {"organisation_id": MISSING}, "test"),
    lambda actor: service.delete_employment(actor, MISSING, MISSING, "test"),
])
def test_missing_person_or_employment_is_not_found(coordinator, call):
    with pytest.raises(NotFound):
        call(coordinator)


def test_invalid_create_stores_nothing(coordinator):
    with pytest.raises(ValidationError) as caught:
        person(coordinator, "", email="anna@")
    assert set(caught.value.errors) == {"last_name", "email"}
    assert graph_size()["people"] == 0


def test_invalid_update_changes_nothing(coordinator):
    made = person(coordinator, "Jansen", email="anna@example.nl")
    with pytest.raises(ValidationError):
        service.update(coordinator, made["id"], {"last_name": "de Vries", "email": "not-an-email"}, "test")
    got = service.get(coordinator, made["id"])
    assert (got["last_name"], got["email"], got["updated_at"]) == ("Jansen", "anna@example.nl", made["updated_at"])


# ---------------------------------------------------------------- create with employment: one transaction
def test_create_with_employment(coordinator, orgs):
    made = person(coordinator, "Jansen", employment={"organisation_id": orgs["Acme Transport"],
                                                     "role": "Planner", "since": "1-2-2020"})
    [job] = service.get(coordinator, made["id"])["employments"]
    assert (job["organisation_name"], job["role"], job["since"], job["until"]) == ("Acme Transport", "Planner", "2020-02-01", None)


def test_create_with_a_missing_organisation_stores_nothing(coordinator, orgs):
    with pytest.raises(ValidationError) as caught:
        person(coordinator, "Jansen", employment={"organisation_id": MISSING, "role": "Planner"})
    assert set(caught.value.errors) == {"organisation_id"}
    assert graph_size() == {"organisations": 2, "people": 0}


def test_create_names_person_and_employment_errors_together(coordinator, orgs):
    with pytest.raises(ValidationError) as caught:
        person(coordinator, "", employment={"organisation_id": orgs["Acme Transport"],
                                            "since": "1-2-2020", "until": "1-1-2020"})
    assert set(caught.value.errors) == {"last_name", "until"}
    assert graph_size()["people"] == 0


# ---------------------------------------------------------------- employment history
def test_employment_add_end_update_delete_keeps_history(coordinator, orgs):
    acme, zwolle = orgs["Acme Transport"], orgs["Zwolle Logistics"]
    made = person(coordinator, "Jansen", first_name="Anna")
    first = service.add_employment(coordinator, made["id"], {"organisation_id": acme, "role": "Planner",
                                                             "since": "1-1-2018"}, "test")
    # she leaves Acme: the link stays, with an end date
    service.update_employment(coordinator, made["id"], first, {"organisation_id": acme, "role": "Planner",
                                                               "since": "1-1-2018", "until": "31-12-2021"}, "test")
    second = service.add_employment(coordinator, made["id"], {"organisation_id": zwolle, "role": "Hoofd logistiek",
                                                              "since": "1-1-2022"}, "test")
    jobs = service.get(coordinator, made["id"])["employments"]
    assert [(j["id"], j["organisation_name"], j["until"]) for j in jobs] == [
        (second, "Zwolle Logistics", None), (first, "Acme Transport", "2021-12-31")]
    assert organisation_service.get(coordinator, acme)["people"][0]["until"] == "2021-12-31"
    listed = service.list_page(coordinator, {"text": "anna"}).items[0]
    assert listed["organisations"] == ["Zwolle Logistics"]  # current jobs only

    service.update_employment(coordinator, made["id"], second, {"organisation_id": zwolle, "role": "Directeur",
                                                                "since": "1-1-2022"}, "test")
    assert service.get(coordinator, made["id"])["employments"][0]["role"] == "Directeur"

    service.delete_employment(coordinator, made["id"], first, "test")
    assert [j["id"] for j in service.get(coordinator, made["id"])["employments"]] == [second]
    with pytest.raises(NotFound):
        service.delete_employment(coordinator, made["id"], first, "test")

    actions = [(e.action, json.loads(e.after or "{}").get("role"))
               for e in audit.for_entity("employment", second)][::-1]
    assert actions == [("create", "Hoofd logistiek"), ("update", "Directeur")]


def test_change_employer_ends_current_jobs_in_the_same_transaction(coordinator, orgs):
    acme, zwolle = orgs["Acme Transport"], orgs["Zwolle Logistics"]
    made = person(coordinator, "Jansen", employment={"organisation_id": acme, "role": "Planner", "since": "1-1-2018"})
    old = service.get(coordinator, made["id"])["employments"][0]["id"]
    new = service.change_employer(coordinator, made["id"], {"organisation_id": zwolle, "since": "1-3-2024"}, "test")
    jobs = {j["id"]: j for j in service.get(coordinator, made["id"])["employments"]}
    assert jobs[old]["until"] == "2024-03-01" and jobs[old]["role"] == "Planner"
    assert jobs[new]["organisation_name"] == "Zwolle Logistics" and jobs[new]["until"] is None


@pytest.mark.parametrize("raw, field", [
    ({"organisation_id": MISSING, "since": "1-3-2024"}, "organisation_id"),
    ({"organisation_id": "ZWOLLE", "since": "1-1-2010"}, "since"),  # before the current job began
])
def test_change_employer_that_fails_leaves_the_old_job_as_it_was(coordinator, orgs, raw, field):
    acme = orgs["Acme Transport"]
    raw = dict(raw, organisation_id=orgs["Zwolle Logistics"]) if raw["organisation_id"] == "ZWOLLE" else raw
    made = person(coordinator, "Jansen", employment={"organisation_id": acme, "since": "1-1-2018"})
    before = service.get(coordinator, made["id"])["employments"]
    with pytest.raises(ValidationError) as caught:
        service.change_employer(coordinator, made["id"], raw, "test")
    assert set(caught.value.errors) == {field}
    assert service.get(coordinator, made["id"])["employments"] == before


def test_add_employment_checks_organisation_person_and_dates(coordinator, orgs):
    made = person(coordinator, "Jansen")
    with pytest.raises(ValidationError) as caught:
        service.add_employment(coordinator, made["id"], {"organisation_id": MISSING}, "test")
    assert set(caught.value.errors) == {"organisation_id"}
    with pytest.raises(NotFound):
        service.add_employment(coordinator, MISSING, {"organisation_id": orgs["Acme Transport"]}, "test")
    with pytest.raises(ValidationError) as caught:
        service.add_employment(coordinator, made["id"], {"organisation_id": orgs["Acme Transport"],
                                                         "since": "1-1-2020", "until": "1-1-2019"}, "test")
    assert set(caught.value.errors) == {"until"}
    assert service.get(coordinator, made["id"])["employments"] == []


def test_employment_of_someone_else_is_not_found(coordinator, orgs):
    anna, bert = person(coordinator, "Jansen"), person(coordinator, "Bakker")
    job = service.add_employment(coordinator, anna["id"], {"organisation_id": orgs["Acme Transport"]}, "test")
    with pytest.raises(NotFound):
        service.update_employment(coordinator, bert["id"], job, {"organisation_id": orgs["Acme Transport"],
                                                                 "role": "x"}, "test")
    with pytest.raises(NotFound):
        service.delete_employment(coordinator, bert["id"], job, "test")
    assert len(service.get(coordinator, anna["id"])["employments"]) == 1


# ---------------------------------------------------------------- list_page
@pytest.fixture
def four_people(coordinator, orgs):
    acme, zwolle = orgs["Acme Transport"], orgs["Zwolle Logistics"]
    made = {
        "muller": person(coordinator, "Müller", first_name="Jürgen", email="j.muller@acme.example",
                         tags="spreker", employment={"organisation_id": acme}),
        "jansen": person(coordinator, "Jansen", first_name="Anna", job_title="Planner",
                         employment={"organisation_id": zwolle}),
        "bakker": person(coordinator, "Bakker", first_name="Bert", tags=["spreker", "nsbc"]),
        "de_vries": person(coordinator, "de Vries", first_name="Carla", email="carla@zwolle.example"),
    }
    service.add_employment(coordinator, made["bakker"]["id"], {"organisation_id": acme, "since": "1-1-2010",
                                                               "until": "1-1-2015"}, "test")
    return made


@pytest.mark.parametrize("filters, expected", [
    ({}, ["Bert Bakker", "Carla de Vries", "Anna Jansen", "Jürgen Müller"]),
    ({"tag": "spreker"}, ["Bert Bakker", "Jürgen Müller"]),
    ({"tag": "onbekend"}, []),
    ({"text": "muller"}, ["Jürgen Müller"]),
    ({"text": "JÜRGEN"}, ["Jürgen Müller"]),
    ({"text": "zwolle.example"}, ["Carla de Vries"]),
    ({"text": "planner"}, ["Anna Jansen"]),
    ({"text": "rotterdam"}, []),
])
def test_list_filters(users, four_people, filters, expected):
    page = service.list_page(users["coordinator"], filters)  # steering sees only people with a basis
    assert names(page) == expected and page.total == len(expected)


def test_filter_by_organisation_includes_past_employment(coordinator, orgs, four_people):
    page = service.list_page(coordinator, {"organisation_id": orgs["Acme Transport"]})
    assert names(page) == ["Bert Bakker", "Jürgen Müller"] and page.total == 2
    assert [item["organisations"] for item in page.items] == [[], ["Acme Transport"]]


def test_sorts(coordinator, four_people):
    def order(sort):
        return names(service.list_page(coordinator, {}, sort=sort))

    assert order("name") == ["Bert Bakker", "Carla de Vries", "Anna Jansen", "Jürgen Müller"]
    assert order("-name") == ["Jürgen Müller", "Anna Jansen", "Carla de Vries", "Bert Bakker"]
    assert order("-updated")[0] == "Bert Bakker"  # his employment was added last
    service.update(coordinator, four_people["jansen"]["id"], {"phone": "0612345678"}, "test")
    assert order("-updated")[0] == "Anna Jansen"
    with pytest.raises(ValidationError):
        order("city")


def test_pagination(coordinator, graph):
    for i in range(26):
        person(coordinator, f"Persoon {i:02d}")
    last = service.list_page(coordinator, {}, page=2, page_size=7)  # 7 is not offered: 25
    assert (last.page_size, last.total, last.pages, names(last)) == (25, 26, 2, ["Persoon 25"])
    beyond = service.list_page(coordinator, {}, page=4)
    assert (beyond.items, beyond.total) == ([], 26)


# ---------------------------------------------------------------- audit
def test_person_changes_are_audited(users, orgs):
    admin = users["admin"]
    made = person(admin, "Jansen", via="import", employment={"organisation_id": orgs["Acme Transport"], "role": "CEO"})
    service.update(admin, made["id"], {"first_name": "Anna"}, "ui")
    service.delete(admin, made["id"], "api")
    entries = audit.for_entity("person", made["id"])[::-1]
    assert [(e.action, e.via, e.actor) for e in entries] == [
        ("create", "import", admin.email), ("update", "ui", admin.email), ("delete", "api", admin.email)]
    assert json.loads(entries[0].after)["employment"]["role"] == "CEO"
    assert json.loads(entries[1].before)["first_name"] == ""
    assert json.loads(entries[1].after)["first_name"] == "Anna"


# ---------------------------------------------------------------- permissions
def dummy_arguments(function, actor, some_id):
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


def public_functions():
    return [f for name, f in inspect.getmembers(service, inspect.isfunction)
            if f.__module__ == service.__name__ and not name.startswith("_")]


def mutating():
    return [f for f in public_functions() if "via" in inspect.signature(f).parameters]


def test_the_walk_finds_the_mutating_functions():
    assert {f.__name__ for f in mutating()} >= {
        "create", "update", "delete", "add_employment", "update_employment", "delete_employment"}


@pytest.mark.parametrize("role", ["steering", "organiser"])
def test_roles_without_edit_rights_may_change_nothing(users, four_people, role):
    before = graph_size()
    target = four_people["muller"]["id"]
    job = service.get(users["admin"], target)["employments"][0]["id"]
    for function in mutating():
        for some_id in (MISSING, target, job):
            with pytest.raises(PermissionDenied):
                function(*dummy_arguments(function, users[role], some_id))
    assert graph_size() == before
    assert service.get(users["admin"], target)["employments"][0]["id"] == job
    assert [e.action for e in audit.for_entity("person", target)] == ["create"]


def test_an_actor_without_a_role_may_not_even_look(graph):
    nobody = Actor(id=None, email="nobody@example.nl", name="", role="")
    for function in public_functions():
        with pytest.raises(PermissionDenied):
            function(*dummy_arguments(function, nobody, MISSING))


def test_an_employment_does_not_move_to_another_organisation(coordinator, orgs):
    made = person(coordinator, "Jansen")
    job = service.add_employment(coordinator, made["id"], {"organisation_id": orgs["Acme Transport"],
                                                           "role": "Planner"}, "test")
    with pytest.raises(ValidationError) as caught:
        service.update_employment(coordinator, made["id"], job, {"organisation_id": orgs["Zwolle Logistics"],
                                                                 "role": "Directeur"}, "test")
    assert set(caught.value.errors) == {"organisation_id"}
    service.update_employment(coordinator, made["id"], job, {"role": "Teamleider", "until": "1-1-2025"}, "test")
    [kept] = service.get(coordinator, made["id"])["employments"]
    assert (kept["organisation_name"], kept["role"], kept["until"]) == ("Acme Transport", "Teamleider", "2025-01-01")


# ---------------------------------------------------------------- keyset paging
@pytest.mark.parametrize("sort", ["name", "-name"])
def test_cursor_pages_equal_offset_pages(coordinator, sort):
    from lo_network.domain import people as domain
    from lo_network.store import people as store

    made = driver.write(store.create_many, [domain.validate({"first_name": f"P{i}", "last_name": f"Smit {i % 4}"})
                                            for i in range(55)])
    by_offset = [p["id"] for page in (1, 2, 3) for p in service.list_page(coordinator, {}, sort, page, 25).items]
    by_cursor, cursor, page = [], None, 1
    while True:
        result = service.list_page(coordinator, {}, sort, page, 25, cursor)
        by_cursor += [p["id"] for p in result.items]
        if not result.next_cursor:
            break
        cursor, page = result.next_cursor, page + 1
    assert page == 3 and by_cursor == by_offset and sorted(by_cursor) == sorted(made)
