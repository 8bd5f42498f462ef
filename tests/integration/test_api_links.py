"""API v1 links of organisations and people, against the real graph."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from lo_network.api.app import create_api
from lo_network.services import organisations as organisation_service
from lo_network.services import people as people_service
from lo_network.services.accounts import create_api_token

V1 = "/api/v1"


@pytest.fixture
def client():
    with TestClient(create_api()) as test_client:
        yield test_client


@pytest.fixture
def auth(users):
    return {role: {"Authorization": f"Bearer {create_api_token(actor.email)}"} for role, actor in users.items()}


def test_organisation_links_round_trip_from_both_ends(client, graph, auth, users):
    h = auth["coordinator"]
    a = organisation_service.create(users["coordinator"], {"name": "Moeder Holding", "kind": "company"}, "t")["id"]
    b = organisation_service.create(users["coordinator"], {"name": "Dochter BV", "kind": "company"}, "t")["id"]
    # added from the daughter's end, pointing at the mother: "Dochter BV is part of Moeder Holding"
    r = client.post(f"{V1}/organisations/{b}/links", headers=h,
                    json={"other_id": a, "type": "part_of", "since": "01-01-2020", "source": "KvK"})
    assert r.status_code == 201, r.text
    link = r.json()
    assert (link["from_id"], link["to_id"], link["outgoing"], link["label_en"]) == (b, a, True, "part / subsidiary of")
    from_a = client.get(f"{V1}/organisations/{a}/links", headers=h).json()
    assert [(l["id"], l["label_en"], l["other_name"]) for l in from_a] == [
        (link["id"], "parent organisation of", "Dochter BV")]
    r = client.post(f"{V1}/organisations/{a}/links/{link['id']}/end", headers=h, json={"until": "2025-01-31"})
    assert r.status_code == 200 and r.json()["until"] == "2025-01-31" and r.json()["active"] is False
    r = client.patch(f"{V1}/organisations/{a}/links/{link['id']}", headers=h, json={"note": "verkocht"})
    assert r.json()["note"] == "verkocht" and r.json()["until"] == "2025-01-31"
    r = client.patch(f"{V1}/organisations/{a}/links/{link['id']}", headers=h, json={"type": "partner"})
    assert r.status_code == 422 and "type" in r.json()["errors"]
    r = client.post(f"{V1}/organisations/{a}/links", headers=h, json={"other_id": a, "type": "nope"})
    assert r.status_code == 422 and set(r.json()["errors"]) == {"type", "to_id"}
    assert client.post(f"{V1}/organisations/{a}/links", headers=auth["steering"],
                       json={"other_id": b, "type": "partner"}).status_code == 403
    assert client.delete(f"{V1}/organisations/{a}/links/{link['id']}", headers=h).status_code == 204
    assert client.get(f"{V1}/organisations/{b}/links", headers=h).json() == []
    assert client.get(f"{V1}/organisations/missing/links", headers=h).status_code == 404


def test_person_links_incoming_direction(client, graph, auth, users):
    h = auth["coordinator"]
    anna = people_service.create(users["coordinator"], {"first_name": "Anna", "last_name": "Mol"}, "t")["id"]
    bert = people_service.create(users["coordinator"], {"first_name": "Bert", "last_name": "Kok"}, "t")["id"]
    r = client.post(f"{V1}/people/{anna}/links", headers=h,
                    json={"other_id": bert, "type": "introduced_by", "direction": "incoming"})
    assert r.status_code == 201, r.text
    assert (r.json()["from_id"], r.json()["label_nl"]) == (bert, "heeft geïntroduceerd")
    (from_bert,) = client.get(f"{V1}/people/{bert}/links", headers=h).json()
    assert (from_bert["label_nl"], from_bert["other_name"]) == ("geïntroduceerd door", "Anna Mol")
