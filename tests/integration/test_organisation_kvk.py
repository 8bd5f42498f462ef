"""A second organisation with a KvK number another one holds: the service, the API and the
import name the existing record; saving a second one is an explicit choice."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient

from lo_network.api.app import create_api
from lo_network.domain.errors import Conflict
from lo_network.services import imports as import_service
from lo_network.services import organisations as service
from lo_network.services.accounts import create_api_token

V1 = "/api/v1"


@pytest.fixture
def coordinator(graph, users):
    return users["coordinator"]


def create(actor, name, **fields):
    return service.create(actor, dict({"name": name, "kind": "company"}, **fields), "test")


def test_create_and_edit_stop_at_a_kvk_number_another_organisation_holds(coordinator):
    first = create(coordinator, "Wubbels Transport B.V.", kvk="12345678", city="Oldenzaal")
    with pytest.raises(Conflict) as caught:
        create(coordinator, "Wubbels Vestiging Almelo", kvk="1234 5678")
    assert [(e["id"], e["name"]) for e in caught.value.existing] == [(first["id"], "Wubbels Transport B.V.")]
    assert "Wubbels Transport B.V." in caught.value.errors["kvk"] and caught.value.confirm == "confirm_duplicate_kvk"
    assert service.list_page(coordinator, {}).total == 1  # nothing stored
    branch = service.create(coordinator, {"name": "Wubbels Vestiging Almelo", "kind": "company", "kvk": "12345678"},
                            "test", confirm_duplicate_kvk=True)
    assert branch["kvk"] == "12345678"

    other = create(coordinator, "Ander BV", kvk="87654321")
    with pytest.raises(Conflict):
        service.update(coordinator, other["id"], {"kvk": "12345678"}, "test")
    assert service.get(coordinator, other["id"])["kvk"] == "87654321"
    # an unchanged number is not asked about again; its own number never clashes with itself
    assert service.update(coordinator, branch["id"], {"city": "Almelo"}, "test")["city"] == "Almelo"
    assert service.update(coordinator, first["id"], {"kvk": "12345678", "city": "Hengelo"}, "test")["city"] == "Hengelo"


def test_the_api_answers_409_with_the_existing_id_unless_confirmed(graph, users):
    headers = {"Authorization": f"Bearer {create_api_token(users['coordinator'].email)}"}
    body = {"name": "Havenbedrijf Deventer", "kind": "company", "kvk": "11112222"}
    with TestClient(create_api()) as client:
        first = client.post(f"{V1}/organisations", headers=headers, json=body).json()
        again = client.post(f"{V1}/organisations", headers=headers, json=dict(body, name="Haven Deventer"))
        assert again.status_code == 409, again.text
        problem = again.json()
        assert problem["existing"] == [{"id": first["id"], "name": "Havenbedrijf Deventer"}]
        assert problem["confirm"] == "confirm_duplicate_kvk" and "kvk" in problem["errors"]
        second = client.post(f"{V1}/organisations?confirm_duplicate_kvk=true", headers=headers,
                             json=dict(body, name="Haven Deventer"))
        assert second.status_code == 201, second.text
        third = client.post(f"{V1}/organisations", headers=headers, json={"name": "Derde", "kind": "company"}).json()
        for method in ("patch", "put"):
            refused = client.request(method, f"{V1}/organisations/{third['id']}", headers=headers,
                                     json={"name": "Derde", "kind": "company", "kvk": "11112222"})
            assert refused.status_code == 409 and {e["id"] for e in refused.json()["existing"]} == {
                first["id"], second.json()["id"]}
        confirmed = client.patch(f"{V1}/organisations/{third['id']}?confirm_duplicate_kvk=true", headers=headers,
                                 json={"kvk": "11112222"})
        assert confirmed.status_code == 200 and confirmed.json()["kvk"] == "11112222"
        documented = client.get(f"{V1}/openapi.json").json()["paths"][f"{V1}/organisations"]["post"]
        assert "409" in documented["responses"]
        assert [p["name"] for p in documented["parameters"]] == ["confirm_duplicate_kvk"]


def test_the_import_matches_a_row_to_the_record_with_its_kvk_number_and_names_it(coordinator):
    existing = create(coordinator, "Wübbels Logistiek B.V.", kvk="33334444", city="Enschede")
    data = ("Bedrijfsnaam;KvK-nummer;Plaats\r\n"
            "Wubbels Logistics;33334444;Hengelo\r\n"
            "Nieuw BV;55556666;Zwolle\r\n").encode()
    job = import_service.analyse(import_service.create_job(coordinator, "k.csv", data, "organisations", "test").id)
    report = json.loads(job.report)
    assert report["kvk_matches"] == [{"lines": [2], "id": existing["id"], "name": "Wübbels Logistiek B.V."}]
    assert (report["create"], report["update"]) == (1, 1)
    result = json.loads(import_service.execute(job.id).result)
    assert result["kvk_matches"] == report["kvk_matches"]
    assert service.list_page(coordinator, {}).total == 2
    assert service.get(coordinator, existing["id"])["city"] == "Hengelo"  # updated, not doubled
