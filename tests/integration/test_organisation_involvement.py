"""What an organisation takes part in: projects and living labs it is a partner in, what it
organises, what its people took part in - on its page (service) and through
GET /api/v1/activities?organisation_id=&involvement= - without people hidden by the
privacy rules."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from starlette.testclient import TestClient

from lo_network.api.app import create_api
from lo_network.domain.activities import TZ
from lo_network.domain.errors import ValidationError
from lo_network.services import activities, imports, organisations, people
from lo_network.services.accounts import create_api_token
from lo_network.store import activities as activity_store

V1 = "/api/v1"


def local(days: int, hour: int = 9) -> str:
    when = (datetime.now(TZ) + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
    return when.strftime("%d-%m-%Y %H:%M")


def activity(actor, title, kind="cafe", days=10, **extra):
    raw = {"title": title, "kind": kind, "themes": ["international"], "region": "zwolle", "starts_at": local(days),
           "ends_at": local(days, 17), "location": "Zwolle", "visibility": "public", "capacity": "50"}
    return activities.create(actor, dict(raw, **extra), via="test")


@pytest.fixture
def world(graph, users):
    activity_store.wipe()
    admin = users["admin"]
    port = organisations.create(admin, {"name": "Port of Zwolle", "kind": "port_network"}, "test")
    other = organisations.create(admin, {"name": "Ander Bedrijf", "kind": "company"}, "test")
    lab = activity(admin, "Living lab Slimme Kade", kind="living_lab")
    project = activity(admin, "Project Modal Shift", kind="project")
    activities.set_partner(admin, lab["id"], port["id"], "lead", "test")
    activities.set_partner(admin, project["id"], other["id"], "partner", "test")
    organised = activity(admin, "Havendag", organiser_ids=[port["id"]])
    seen = activity(admin, "Symposium Corridors", days=-20)  # attendances are of past activities
    unseen = activity(admin, "Beurs München", days=-30)
    activity(admin, "Niets mee te maken")
    listed = people.create(admin, {"first_name": "Anna", "last_name": "Haven", "email": "anna@port.example",
                                   "consent_basis": "contract", "consent_date": "2024-01-01"}, "test",
                           employment={"organisation_id": port["id"]})
    unlisted = people.create(admin, {"first_name": "Bert", "last_name": "Zonder", "email": "bert@port.example"},
                             "test", employment={"organisation_id": port["id"]})
    rows = [["Voornaam", "Achternaam", "E-mailadres", "Activiteit id", "Aanwezig"],
            ["Anna", "Haven", "anna@port.example", seen["id"], "ja"],
            ["Bert", "Zonder", "bert@port.example", seen["id"], "ja"],
            ["Bert", "Zonder", "bert@port.example", unseen["id"], "ja"]]
    data = ("\r\n".join(";".join(r) for r in rows) + "\r\n").encode()
    job = imports.execute(imports.analyse(imports.create_job(admin, "a.csv", data, "attendances", "test").id).id)
    assert job.status == "done", job.error
    return {"port": port, "lab": lab, "project": project, "organised": organised, "seen": seen, "unseen": unseen,
            "listed": listed, "unlisted": unlisted}


def titles(rows) -> list[str]:
    return sorted(r["title"] for r in rows)


def test_the_page_lists_partner_organiser_and_its_peoples_participation(world, users):
    found = organisations.involvement(users["coordinator"], world["port"]["id"])
    assert [(r["title"], r["role"]) for r in found["partner"]] == [("Living lab Slimme Kade", "lead")]
    assert titles(found["organiser"]) == ["Havendag"]
    assert titles(found["attendee"]) == ["Beurs München", "Symposium Corridors"]
    symposium = next(r for r in found["attendee"] if r["title"] == "Symposium Corridors")
    assert [p["name"] for p in symposium["people"]] == ["Anna Haven", "Bert Zonder"]


def test_people_hidden_by_the_privacy_rules_are_not_shown_nor_give_away_an_activity(world, users):
    found = organisations.involvement(users["steering"], world["port"]["id"])
    assert titles(found["attendee"]) == ["Symposium Corridors"]  # only Bert (no basis) went to the fair
    assert [p["name"] for p in found["attendee"][0]["people"]] == ["Anna Haven"]
    assert titles(found["partner"]) == ["Living lab Slimme Kade"] and titles(found["organiser"]) == ["Havendag"]


def test_the_api_filter_takes_every_involvement_and_is_documented(world, users):
    port = world["port"]["id"]
    with TestClient(create_api()) as client:
        def listed(role, query=""):
            headers = {"Authorization": f"Bearer {create_api_token(users[role].email)}"}
            response = client.get(f"{V1}/activities?organisation_id={port}{query}", headers=headers)
            assert response.status_code == 200, response.text
            body = response.json()
            assert body["total"] == len(body["items"])
            return titles(body["items"])

        assert listed("coordinator") == ["Beurs München", "Havendag", "Living lab Slimme Kade", "Symposium Corridors"]
        assert listed("steering") == ["Havendag", "Living lab Slimme Kade", "Symposium Corridors"]
        assert listed("coordinator", "&involvement=organiser") == ["Havendag"]
        assert listed("coordinator", "&involvement=partner&involvement=attendee") == [
            "Beurs München", "Living lab Slimme Kade", "Symposium Corridors"]
        headers = {"Authorization": f"Bearer {create_api_token(users['coordinator'].email)}"}
        bad = client.get(f"{V1}/activities?organisation_id={port}&involvement=sponsor", headers=headers)
        assert bad.status_code == 422 and list(bad.json()["errors"]) == ["involvement"]
        spec = client.get(f"{V1}/openapi.json").json()["paths"][f"{V1}/activities"]["get"]["parameters"]
        described = {p["name"]: p.get("description", "") for p in spec}
        assert "partner" in described["organisation_id"] and "attendee" in described["involvement"]
    with pytest.raises(ValidationError):
        activities.list_page(users["coordinator"], {"organisation_id": port, "involvement": ["x"]})
