"""An organisation's general email address and phone number: validated as a person's are,
through the service, the API, the import, the export, duplicate scoring, the merge preview
and the backup (real graph, real SQLite)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from starlette.testclient import TestClient

from lo_network.api.app import create_api
from lo_network.domain.errors import ValidationError
from lo_network.services import backup
from lo_network.services import duplicates
from lo_network.services import exports
from lo_network.services import imports as import_service
from lo_network.services import organisations as service
from lo_network.services.accounts import create_api_token

V1 = "/api/v1"


@pytest.fixture
def coordinator(graph, users):
    return users["coordinator"]


def create(actor, name, **fields):
    return service.create(actor, dict({"name": name, "kind": "company"}, **fields), "test")


def test_email_and_phone_are_checked_like_a_persons_and_stored_normalised(coordinator):
    made = create(coordinator, "Haven Zwolle", email=" Info@Haven-Zwolle.NL ", phone="038 - 123 45 67")
    got = service.get(coordinator, made["id"])
    assert (got["email"], got["phone"]) == ("info@haven-zwolle.nl", "038 - 123 45 67")
    with pytest.raises(ValidationError) as bad:
        create(coordinator, "Fout BV", email="info@", phone="bel maar")
    assert "geldig e-mailadres" in bad.value.errors["email"] and "phone number" in bad.value.errors["phone"]
    changed = service.update(coordinator, made["id"], {"email": "", "phone": "+31 38 1234567"}, "test")
    assert (changed["email"], changed["phone"]) == ("", "+31 38 1234567")


def test_the_api_takes_gives_and_refuses_them(graph, users):
    headers = {"Authorization": f"Bearer {create_api_token(users['coordinator'].email)}"}
    with TestClient(create_api()) as client:
        response = client.post(f"{V1}/organisations", headers=headers, json={
            "name": "Api BV", "kind": "company", "email": "post@api.nl", "phone": "053 1234567"})
        assert response.status_code == 201, response.text
        body = response.json()
        assert (body["email"], body["phone"]) == ("post@api.nl", "053 1234567")
        bad = client.patch(f"{V1}/organisations/{body['id']}", headers=headers, json={"email": "post.api.nl"})
        assert bad.status_code == 422 and set(bad.json()["errors"]) == {"email"}
        assert client.get(f"{V1}/organisations/{body['id']}", headers=headers).json()["email"] == "post@api.nl"
        schema = client.get(f"{V1}/openapi.json").json()["components"]["schemas"]["OrganisationIn"]
        assert {"email", "phone"} <= set(schema["properties"])


def mapping_of(actor, data: bytes) -> dict[str, str]:
    return json.loads(import_service.create_job(actor, "x.csv", data, "organisations", "test").mapping)


def test_the_import_reads_the_columns_and_reports_a_bad_address(coordinator):
    data = ("Bedrijfsnaam;E-mailadres;Telefoonnummer\r\n"
            "Goed BV;info@goed.nl;0570 123456\r\n"
            "Slecht BV;info@@slecht;0570 654321\r\n").encode()
    assert mapping_of(coordinator, data) == {"Bedrijfsnaam": "name", "E-mailadres": "email",
                                             "Telefoonnummer": "phone"}
    job = import_service.analyse(import_service.create_job(coordinator, "b.csv", data, "organisations", "test").id)
    assert [(e.line, e.field, e.column) for e in import_service.errors_of(job)] == [(3, "email", "E-mailadres")]
    assert import_service.execute(job.id).status == "done"
    [goed] = service.list_page(coordinator, {"text": "goed"}).items
    goed = service.get(coordinator, goed["id"])
    assert (goed["email"], goed["phone"]) == ("info@goed.nl", "0570 123456")
    for column, f in (("Email", "email"), ("E-mail", "email"), ("Telefoon", "phone"), ("Phone", "phone")):
        assert mapping_of(coordinator, f"Naam;{column}\r\nX;1\r\n".encode())[column] == f


def test_the_export_has_the_columns_and_imports_again(coordinator):
    create(coordinator, "Export BV", email="hallo@export.nl", phone="0548 123456")
    _, data = exports.organisations(coordinator, {}, "name", "csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert (rows[0]["E-mailadres"], rows[0]["Telefoon"]) == ("hallo@export.nl", "0548 123456")


def test_same_email_or_phone_raises_the_duplicate_score_and_the_merge_preview_shows_them(graph, users):
    admin = users["admin"]
    a = create(admin, "Kade Een", email="info@kade.nl", phone="+31 (0)38 123 4567")["id"]
    b = create(admin, "Kade Twee", email="INFO@kade.nl")["id"]
    c = create(admin, "Kade Drie", phone="038-1234567")["id"]
    found = {frozenset((p["a_id"], p["b_id"])): p for p in duplicates.candidates(admin, "organisation")}
    assert found[frozenset((a, b))]["reasons"] == ["same_email"] and found[frozenset((a, b))]["score"] == 90
    assert found[frozenset((a, c))]["reasons"] == ["same_phone"] and "zelfde telefoonnummer" in \
        found[frozenset((a, c))]["reasons_nl"]
    assert frozenset((b, c)) not in found
    plan = duplicates.preview(admin, "organisation", b, a)
    assert {"email", "phone"} <= set(plan["fields"]) and plan["drop"]["phone"] == "+31 (0)38 123 4567"
    duplicates.merge(admin, "organisation", b, a, {}, "test")
    assert service.get(admin, b)["phone"] == "+31 (0)38 123 4567"  # the empty field takes the other's


def test_the_backup_carries_them(coordinator, tmp_path):
    made = create(coordinator, "Backup BV", email="b@backup.nl", phone="074 1234567")
    backup.export_all(tmp_path / "b")
    nodes = [json.loads(line) for line in (tmp_path / "b" / "graph" / "nodes.jsonl").read_text().splitlines()]
    [node] = [n for n in nodes if n["props"]["id"] == made["id"]]
    assert (node["props"]["email"], node["props"]["phone"]) == ("b@backup.nl", "074 1234567")
