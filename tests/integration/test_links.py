"""Links between organisations and between people (lo_network.services.links) on the real graph."""

from __future__ import annotations

import json

import pytest

from lo_network.domain import links as domain
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import PermissionDenied
from lo_network.domain.vocab import ROLES
from lo_network.services import accounts
from lo_network.services import links as service
from lo_network.services import organisations as organisation_service
from lo_network.services import people as people_service
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit


@pytest.fixture(scope="module")
def users(sql_db):
    known = {user.email: user for user in accounts.list_users()}
    return {role: Actor.of(known.get(f"{role}@test.example") or accounts.create_user(
        f"{role}@test.example", "correct horse battery", role, name=role.title())) for role in ROLES}


@pytest.fixture
def coordinator(graph, users):
    return users["coordinator"]


@pytest.fixture
def orgs(coordinator):
    return {name: organisation_service.create(coordinator, {"name": name, "kind": "company"}, "test")["id"]
            for name in ("Acme Transport", "Zwolle Logistics", "Port of Twente")}


@pytest.mark.parametrize("type_code", sorted(domain.ORGANISATION_TYPES))
def test_each_organisation_link_type_reads_right_from_both_ends(coordinator, orgs, type_code):
    a, b = orgs["Acme Transport"], orgs["Zwolle Logistics"]
    link_id = service.add(coordinator, "organisation", a, b,
                          {"type": type_code, "since": "01-03-2024", "source": "KvK", "note": "n"}, "test")
    from_a = service.list_links(coordinator, "organisation", a)
    from_b = service.list_links(coordinator, "organisation", b)
    assert [l["id"] for l in from_a] == [link_id] == [l["id"] for l in from_b]
    t = domain.ORGANISATION_TYPES[type_code]
    assert (from_a[0]["label_nl"], from_a[0]["label_en"]) == t.forward
    assert (from_b[0]["label_nl"], from_b[0]["label_en"]) == (t.inverse if t.directed else t.forward)
    assert from_a[0]["outgoing"] is True and from_b[0]["outgoing"] is False
    assert from_a[0]["other_name"] == "Zwolle Logistics" and from_b[0]["other_name"] == "Acme Transport"
    assert from_a[0]["since"] == "2024-03-01" and from_a[0]["source"] == "KvK" and from_a[0]["active"]


@pytest.mark.parametrize("type_code", sorted(domain.PERSON_TYPES))
def test_each_person_link_type(coordinator, type_code):
    anna = people_service.create(coordinator, {"first_name": "Anna", "last_name": "Jansen"}, "test")["id"]
    bert = people_service.create(coordinator, {"first_name": "Bert", "last_name": "Smit"}, "test")["id"]
    link_id = service.add(coordinator, "person", anna, bert, {"type": type_code}, "test")
    from_bert = service.list_links(coordinator, "person", bert)
    assert [l["id"] for l in from_bert] == [link_id]
    t = domain.PERSON_TYPES[type_code]
    assert (from_bert[0]["label_nl"], from_bert[0]["label_en"]) == (t.inverse if t.directed else t.forward)
    assert from_bert[0]["other_name"] == "Anna Jansen"


def test_ending_keeps_the_link_with_its_end_date_and_audits(coordinator, orgs):
    a, b = orgs["Acme Transport"], orgs["Port of Twente"]
    link_id = service.add(coordinator, "organisation", a, b, {"type": "member_of", "since": "2020-01-01"}, "test")
    service.end(coordinator, "organisation", b, link_id, "test", until="2025-06-30")
    (link,) = service.list_links(coordinator, "organisation", a)
    assert link["until"] == "2025-06-30" and link["active"] is False and link["since"] == "2020-01-01"
    entries = audit.for_entity("organisation_link", link_id)
    assert [e.action for e in entries] == ["update", "create"]
    assert json.loads(entries[0].after)["until"] == "2025-06-30"
    # an ended link does not block a new one of the same type
    again = service.add(coordinator, "organisation", a, b, {"type": "member_of"}, "test")
    assert {l["id"] for l in service.list_links(coordinator, "organisation", a)} == {link_id, again}


def test_refusals_name_the_field(coordinator, orgs, users):
    a, b = orgs["Acme Transport"], orgs["Zwolle Logistics"]
    with pytest.raises(ValidationError) as exc:
        service.add(coordinator, "organisation", a, a, {"type": "partner"}, "test")
    assert "to_id" in exc.value.errors
    with pytest.raises(ValidationError) as exc:
        service.add(coordinator, "organisation", a, b, {"type": "knows", "since": "31-02-2024"}, "test")
    assert set(exc.value.errors) == {"type", "since"}
    service.add(coordinator, "organisation", a, b, {"type": "collaborates"}, "test")
    with pytest.raises(ValidationError) as exc:  # undirected: the same link the other way round
        service.add(coordinator, "organisation", b, a, {"type": "collaborates"}, "test")
    assert "type" in exc.value.errors
    with pytest.raises(PermissionDenied):
        service.add(users["steering"], "organisation", a, b, {"type": "partner"}, "test")
    with pytest.raises(NotFound):
        service.add(coordinator, "organisation", "missing", b, {"type": "partner"}, "test")
    assert len(service.list_links(coordinator, "organisation", a)) == 1


def test_delete_and_timeline(coordinator, orgs):
    a, b = orgs["Acme Transport"], orgs["Zwolle Logistics"]
    person = people_service.create(coordinator, {"first_name": "Cas", "last_name": "Vos"}, "test",
                                   employment={"organisation_id": a, "role": "Planner", "since": "2019-05-01"})
    link_id = service.add(coordinator, "organisation", a, b, {"type": "customer", "since": "2021-01-01",
                                                              "until": "2023-12-31"}, "test")
    entries = service.timeline(coordinator, "organisation", a)
    assert [(e.date, e.kind) for e in entries] == [
        ("2023-12-31", "link_end"), ("2021-01-01", "link_start"), ("2019-05-01", "employment_start")]
    assert entries[1].nl == "klant van Zwolle Logistics" and entries[0].ended
    assert "Cas Vos" in entries[2].nl
    person_entries = service.timeline(coordinator, "person", person["id"])
    assert person_entries[0].en == "starts at Acme Transport (Planner)"
    service.delete(coordinator, "organisation", b, link_id, "test")
    assert service.list_links(coordinator, "organisation", a) == []


def test_demo_seed_adds_valid_links(graph, users):
    from lo_network.seed import demo

    summary = demo.seed(organisations=40, seed=3)
    made = int(summary.rsplit("; ", 1)[1].split()[0])
    assert made > 20
    page = organisation_service.list_page(users["steering"], {}, page_size=100).items
    found = [l for o in page for l in service.list_links(users["steering"], "organisation", o["id"])]
    assert found and all(l["type"] in domain.ORGANISATION_TYPES and l["source"] == "demo" for l in found)
    assert any(not l["active"] for l in found) and any(l["active"] for l in found)
