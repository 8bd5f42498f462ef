"""A company's size class through the service, the list, the API and the export."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from lo_network.api.app import create_api
from lo_network.domain import imports as import_domain
from lo_network.domain.errors import ValidationError
from lo_network.services import exports
from lo_network.services import organisations as service
from lo_network.services.accounts import create_api_token

V1 = "/api/v1"


def test_size_class_round_trip_through_the_service_and_the_list(graph, users):
    coordinator = users["coordinator"]
    made = service.create(coordinator, {"name": "Klein Vervoer", "kind": "company", "size_class": "small"}, "test")
    assert service.get(coordinator, made["id"])["size_class"] == "small"
    updated = service.update(coordinator, made["id"], {"size_class": "medium"}, "test")
    assert updated["size_class"] == "medium"
    assert service.update(coordinator, made["id"], {"notes": "x"}, "test")["size_class"] == "medium"  # kept
    listed = service.list_page(users["steering"], {}).items
    assert [o["size_class"] for o in listed] == ["medium"]
    with pytest.raises(ValidationError) as caught:
        service.update(coordinator, made["id"], {"size_class": "enorm"}, "test")
    assert "enorm" in caught.value.errors["size_class"]
    assert service.get(coordinator, made["id"])["size_class"] == "medium"
    # a company that becomes a municipality loses its size class
    assert service.update(coordinator, made["id"], {"kind": "municipality"}, "test")["size_class"] == ""


def test_size_class_in_the_organisation_export(graph, users):
    service.create(users["coordinator"], {"name": "Groot BV", "kind": "company", "size_class": "large"}, "test")
    _, data = exports.organisations(users["steering"], {}, "name", "csv")
    table = import_domain.read_table(data, "export.csv")
    assert table.rows[0][1][table.columns.index("Grootteklasse")] == "Groot (250+)"


def test_size_class_through_the_api(graph, users):
    headers = {"Authorization": f"Bearer {create_api_token(users['coordinator'].email)}"}
    with TestClient(create_api()) as client:
        created = client.post(f"{V1}/organisations", headers=headers,
                              json={"name": "Micro Koeriers", "kind": "company", "size_class": "micro"})
        assert created.status_code == 201, created.text
        url = f"{V1}/organisations/{created.json()['id']}"
        assert client.get(url, headers=headers).json()["size_class"] == "micro"
        listed = client.get(f"{V1}/organisations", headers=headers).json()["items"]
        assert listed[0]["size_class"] == "micro"
        bad = client.patch(url, headers=headers, json={"size_class": "huge"})
        assert bad.status_code == 422 and set(bad.json()["errors"]) == {"size_class"}
        assert client.patch(url, headers=headers, json={"size_class": ""}).json()["size_class"] == ""
