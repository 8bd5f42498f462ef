"""The programme's money on the real graph: activity budgets and grants added up per
programme line and year against the split (a dataset whose totals are worked out by hand),
the grant use cases with their rights, and the API's answers naming the bad field."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from lo_network.api.app import create_api
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import PermissionDenied
from lo_network.services import activities, grants, kpis, organisations
from lo_network.services.accounts import create_api_token
from lo_network.store import activities as activity_store

V1 = "/api/v1"


@pytest.fixture
def clean(graph, sql_db):
    activity_store.wipe()


def _activity(actor, title, kind, day, planned=None, spent=None, line="", at="10:00"):
    return activities.create(actor, {"title": title, "kind": kind, "starts_at": f"{day} {at}",
                                     "online_url": "https://webinar.example/w" if kind == "webinar" else "",
                                     "ends_at": f"{day} 23:59", "programme_line": line,
                                     "budget_planned": planned, "budget_spent": spent}, via="test")


def test_planned_and_spent_per_line_and_year_on_the_graph(clean, users, monkeypatch):
    from lo_network import settings

    monkeypatch.setenv("LO_PROGRAMME_BUDGET_EUR", "1800000")
    monkeypatch.setenv("LO_PROGRAMME_YEARS", "2024-2027")
    settings.reset()
    org = users["organiser"]
    # 2024: a fair (international by its kind) and a café (regional by its kind)
    _activity(org, "Beurs Transport Logistic", "fair", "05-06-2024", "25.000,00", "23.456,78")
    _activity(org, "Logistiek café Hengelo", "cafe", "12-09-2024", "1250.50", "1.199,99")
    # 2025: a webinar moved to line 1 by hand, and one without money (not counted)
    _activity(org, "Webinar waterstof", "webinar", "20-01-2025", "800", "0", line="regional")
    _activity(org, "Living lab zonder geld", "living_lab", "21-01-2025")
    # 31 December 23:30 in Amsterdam is 2025 there (22:30 UTC): the local year counts
    _activity(org, "Oudejaarssessie", "congress", "31-12-2025", "100", "99,5", at="23:30")
    # a planned activity in 2027 (future: planned, nothing spent yet)
    _activity(org, "Handelsmissie Polen", "trade_mission", "10-05-2027", "40.000")
    regio = organisations.create(users["coordinator"], {"name": "Regio Twente Logistiek", "kind": "port_network"},
                                 via="test")
    grants.add(users["coordinator"], regio["id"], {"amount": "30.000", "granted_on": "01-03-2025",
                                                   "description": "Netwerkondersteuning 2025"}, via="test")

    out = kpis.dashboard(users["steering"], "2025-01", "2025-03", "month", {}, fresh=True)["budget"]
    lines = {r["line"]: r for r in out["lines"]}
    assert lines["international"] == {"line": "international", "target": 45_000_000,
                                      "planned": 2_500_000 + 10_000 + 4_000_000, "spent": 2_345_678 + 9_950}
    assert lines["regional"] == {"line": "regional", "target": 72_000_000,
                                 "planned": 125_050 + 80_000 + 3_000_000, "spent": 119_999 + 0 + 3_000_000}
    assert lines["themes"] == {"line": "themes", "target": 63_000_000, "planned": 0, "spent": 0}
    rows = {(r["year"], r["line"]): r for r in out["years"]}
    assert rows[(2024, "international")]["planned"] == 2_500_000 and rows[(2024, "regional")]["spent"] == 119_999
    assert rows[(2025, "regional")] == {"year": 2025, "line": "regional", "target": 18_000_000,
                                        "planned": 3_080_000, "spent": 3_000_000}
    assert rows[(2025, "international")]["spent"] == 9_950        # New Year's Eve counts in 2025
    assert rows[(2027, "international")] == {"year": 2027, "line": "international", "target": 11_250_000,
                                             "planned": 4_000_000, "spent": 0}
    assert out["total"] == {"target": 180_000_000, "planned": 9_715_050, "spent": 5_475_627}
    assert [r["year"] for r in out["years"]][::3] == [2024, 2025, 2026, 2027]

    # the dashboard's rows: euros, Dutch and English text, the same figures the downloads hold
    from lo_network.states.dashboard import budget_rows, download_bytes

    per_line, per_year, total = budget_rows(out)
    regional = next(r for r in per_line if r["line"] == "regional")
    assert regional["planned"] == 32_050.5 and regional["planned_nl"] == "€ 32.050,50"
    assert regional["planned_en"] == "€32,050.50" and regional["target_nl"] == "€ 720.000,00"
    assert total[0]["period"] == "2024–2027" and total[0]["spent_nl"] == "€ 54.756,27"
    name, data = download_bytes(per_year, "budget_years", "csv")
    text = data.decode("utf-8-sig").splitlines()
    assert name.startswith("begroting-per-lijn-en-jaar-") and text[0].startswith("Jaar;Activiteitenlijn;Begroot (EUR)")
    assert "2025;Regionale netwerkondersteuning;180000.0;30800.0;30000.0;16.7" in text
    settings.reset()


def test_grants_rights_validation_and_removal(clean, users):
    coord, steering = users["coordinator"], users["steering"]
    org = organisations.create(coord, {"name": "Havennetwerk Zwolle", "kind": "port_network"}, via="test")
    with pytest.raises(PermissionDenied):
        grants.add(steering, org["id"], {"amount": "10", "granted_on": "01-01-2025"}, via="test")
    with pytest.raises(ValidationError) as exc:
        grants.add(coord, org["id"], {"amount": "-10", "granted_on": "31-02-2025"}, via="test")
    assert set(exc.value.errors) == {"amount", "granted_on"}
    with pytest.raises(NotFound):
        grants.add(coord, "no-such-organisation", {"amount": "10", "granted_on": "01-01-2025"}, via="test")
    made = grants.add(users["organiser"], org["id"], {"amount": "12.345,67", "granted_on": "2025-04-01"}, via="test")
    assert (made["amount"], made["line"], made["granted_on"]) == (12345.67, "regional", "2025-04-01")
    assert [g["id"] for g in grants.for_organisation(steering, org["id"])] == [made["id"]]
    with pytest.raises(PermissionDenied):
        grants.remove(steering, org["id"], made["id"], via="test")
    grants.remove(coord, org["id"], made["id"], via="test")
    assert grants.for_organisation(steering, org["id"]) == []
    # an organisation goes with its grants (nothing left dangling)
    grants.add(coord, org["id"], {"amount": "5", "granted_on": "2025-04-01"}, via="test")
    organisations.delete(coord, org["id"], via="test")
    figures = kpis.budget_figures(kpis.read_facts(__import__("datetime").date.today()))
    assert figures["total"]["planned"] == 0


def test_the_api_takes_euros_both_ways_and_names_a_bad_field(clean, users):
    client = TestClient(create_api())
    h = {"Authorization": f"Bearer {create_api_token(users['organiser'].email)}"}
    steering = {"Authorization": f"Bearer {create_api_token(users['steering'].email)}"}
    body = {"title": "Beurs Breakbulk", "kind": "fair", "starts_at": "10-06-2026 10:00", "ends_at": "10-06-2026 17:00"}
    for field, value in (("budget_planned", "-100"), ("budget_spent", "12,345"), ("budget_planned", "veel"),
                         ("budget_spent", True)):
        bad = client.post(f"{V1}/activities", headers=h, json=body | {field: value})
        assert bad.status_code == 422, (field, value, bad.text)
        assert list(bad.json()["errors"]) == [field], bad.json()
    made = client.post(f"{V1}/activities", headers=h, json=body | {"budget_planned": "1.250,50",
                                                                   "budget_spent": 1250.5})
    assert made.status_code == 201, made.text
    act = made.json()
    assert (act["budget_planned"], act["budget_spent"], act["programme_line"]) == (1250.5, 1250.5, "international")
    changed = client.patch(f"{V1}/activities/{act['id']}", headers=h, json={"budget_spent": "999.99"}).json()
    assert changed["budget_spent"] == 999.99 and changed["budget_planned"] == 1250.5
    seen = client.get(f"{V1}/activities/{act['id']}", headers=steering).json()
    assert seen["budget_spent"] == 999.99  # the steering group sees the money
    assert client.patch(f"{V1}/activities/{act['id']}", headers=steering, json={"budget_spent": "1"}).status_code == 403
    public = client.get(f"{V1}/public/activities/{act['id']}").json()
    assert "budget_planned" not in public and "budget_spent" not in public  # never to the public

    org = client.post(f"{V1}/organisations", headers={"Authorization": f"Bearer {create_api_token(users['coordinator'].email)}"},
                      json={"name": "Netwerk Deventer", "kind": "port_network"}).json()
    bad = client.post(f"{V1}/organisations/{org['id']}/grants", headers=h, json={"amount": "1,005", "granted_on": "x"})
    assert bad.status_code == 422 and set(bad.json()["errors"]) == {"amount", "granted_on"}
    grant = client.post(f"{V1}/organisations/{org['id']}/grants", headers=h,
                        json={"amount": "25.000,00", "granted_on": "15-03-2025", "description": "Netwerk 2025"})
    assert grant.status_code == 201 and grant.json()["amount"] == 25000.0 and grant.json()["line"] == "regional"
    assert client.post(f"{V1}/organisations/{org['id']}/grants", headers=steering,
                       json={"amount": "1", "granted_on": "15-03-2025"}).status_code == 403
    listed = client.get(f"{V1}/organisations/{org['id']}/grants", headers=steering).json()
    assert [g["description"] for g in listed] == ["Netwerk 2025"]
    gone = client.delete(f"{V1}/organisations/{org['id']}/grants/{grant.json()['id']}", headers=h)
    assert gone.status_code == 204
