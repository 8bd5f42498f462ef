"""The follow-up lists through the REST API and the command line, on the world of
tests/integration/followup_world.py."""

from __future__ import annotations

import csv
import io
import json

import pytest
from starlette.testclient import TestClient

from lo_network import cli
from lo_network.api.app import create_api
from lo_network.services.accounts import create_api_token
from tests.integration.followup_world import build

V1 = "/api/v1/followup"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_api()) as test_client:
        yield test_client


@pytest.fixture
def world(graph, sql_db, users, monkeypatch):
    return build(users["admin"], monkeypatch)


@pytest.fixture
def auth(users):
    return {role: {"Authorization": f"Bearer {create_api_token(actor.email)}"} for role, actor in users.items()}


def test_api_lists_counts_and_filters(client, world, auth):
    h = auth["coordinator"]
    page = client.get(f"{V1}/dormant", params={"region": "twente"}, headers=h)
    assert page.status_code == 200, page.text
    body = page.json()
    assert (body["total"], body["pages"]) == (1, 1)
    assert body["items"][0]["name"] == "Slaap Transport BV"
    assert body["items"][0]["last_activity"]["title"] == world.titles["old"]
    twice = client.get(f"{V1}/twice", headers=h).json()
    assert [(i["name"], i["attended"]) for i in twice["items"]] == [("Druk Vervoer BV", 2)]
    consent = client.get(f"{V1}/consent", headers=h).json()
    assert [i["name"] for i in consent["items"]] == ["Soon Test", "General Test"]
    assert client.get(f"{V1}/counts", headers=h).json() == {"dormant": 4, "twice": 1, "consent": 2}
    assert client.get(f"{V1}/counts", params={"region": "twente"}, headers=h).json() == \
        {"dormant": 1, "twice": 0, "consent": 1}


def test_api_steering_reads_but_sees_people_with_a_basis_only(client, world, auth):
    h = auth["steering"]
    assert [i["name"] for i in client.get(f"{V1}/consent", headers=h).json()["items"]] == ["General Test"]
    assert client.get(f"{V1}/counts", headers=h).json()["consent"] == 1
    definitions = client.get(f"{V1}/definitions", params={"lang": "en"}, headers=h).json()
    assert "12 months" in definitions["dormant"]


def test_api_bad_input_names_the_field(client, world, auth):
    h = auth["coordinator"]
    bad = client.get(f"{V1}/dormant", params={"region": "mars", "sort": "lapse"}, headers=h)
    assert bad.status_code == 422
    assert set(bad.json()["errors"]) == {"region", "sort"}
    assert client.get(f"{V1}/sleepy", headers=h).status_code == 422
    assert client.get(f"{V1}/twice/export", params={"format": "pdf"}, headers=h).status_code == 422


def test_api_export(client, world, auth):
    response = client.get(f"{V1}/twice/export", params={"format": "csv"}, headers=auth["organiser"])
    assert response.status_code == 200, response.text
    assert 'filename="twee-keer-geweest-' in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][5] == "Keer aanwezig" and rows[1][0] == "Druk Vervoer BV" and rows[1][5] == "2"
    xlsx = client.get(f"{V1}/consent/export", params={"format": "xlsx"}, headers=auth["coordinator"])
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_cli_lists_as_text_and_json(world, capsys):
    assert cli.main(["followup", "dormant", "--region", "twente"]) == 0
    out = capsys.readouterr().out
    assert "Slaap Transport BV" in out and world.titles["old"] in out and "lo-network: 1 in dormant" in out
    assert cli.main(["followup", "consent", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 2 and [i["name"] for i in data["items"]] == ["Soon Test", "General Test"]
    assert cli.main(["followup", "twice", "--json"]) == 0
    assert [i["name"] for i in json.loads(capsys.readouterr().out)["items"]] == ["Druk Vervoer BV"]


def test_cli_export_and_bad_filter(world, capsys, tmp_path):
    out = tmp_path / "slapend.xlsx"
    assert cli.main(["followup", "dormant", "--out", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK"
    assert cli.main(["followup", "dormant", "--theme", "space"]) == 2
    assert capsys.readouterr().err.startswith("lo-network: theme: ")


def test_api_follow_up_notes(client, graph, sql_db, users, auth):
    from lo_network.services import organisations

    org = organisations.create(users["admin"], {"name": "Notitie BV", "kind": "company"}, via="test")
    body = {"organisation_id": org["id"], "note": "Bellen over het café", "due": "15-01-2031"}
    assert client.post(f"{V1}/notes", json=body, headers=auth["steering"]).status_code == 403
    bad = client.post(f"{V1}/notes", json=dict(body, due="gisteren"), headers=auth["coordinator"])
    assert bad.status_code == 422 and set(bad.json()["errors"]) == {"due"}
    made = client.post(f"{V1}/notes", json=body, headers=auth["coordinator"])
    assert made.status_code == 201, made.text
    note = made.json()
    assert (note["due"], note["assignee"], note["done"]) == ("2031-01-15", "Coordinator", None)
    listed = client.get(f"{V1}/notes", params={"organisation_id": org["id"]}, headers=auth["steering"]).json()
    assert [n["id"] for n in listed] == [note["id"]]
    done = client.post(f"{V1}/notes/{note['id']}/done", json={"organisation_id": org["id"]}, headers=auth["coordinator"])
    assert done.status_code == 200 and done.json()["done"]
    missing = client.post(f"{V1}/notes/nope/done", json={"organisation_id": org["id"]}, headers=auth["coordinator"])
    assert missing.status_code == 404
