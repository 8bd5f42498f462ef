"""API v1 routes of activities and registrations: permissions, validation, the public
registration with its rate limit, personal links, exports and calendar feeds."""

from __future__ import annotations

import io
import re

import pytest
from fastapi.routing import iter_route_contexts
from icalendar import Calendar
from starlette.testclient import TestClient

from lo_network.api.app import create_api
from lo_network.ratelimit import public_limiter
from lo_network.services import activities as activity_service
from lo_network.services.accounts import create_api_token
from lo_network.store import activities as activity_store
from tests.integration.test_activities import local

V1 = "/api/v1"
PUBLIC = {("GET", f"{V1}/public/activities/{{activity_id}}"),
          ("POST", f"{V1}/public/activities/{{activity_id}}/registrations"),
          ("GET", f"{V1}/public/registration/{{token}}"), ("PATCH", f"{V1}/public/registration/{{token}}"),
          ("DELETE", f"{V1}/public/registration/{{token}}"), ("GET", f"{V1}/calendar/public.ics"),
          ("GET", f"{V1}/calendar/personal/{{token}}.ics"), ("GET", f"{V1}/calendar/activity/{{activity_id}}.ics"),
          ("GET", f"{V1}/calendar/registration/{{token}}.ics")}
MISSION = {"title": "Handelsmissie Polen", "kind": "trade_mission", "themes": ["international"],
           "corridor": "north_sea_baltic", "location": "Poznań", "visibility": "public", "capacity": 2}


def activity_routes(app) -> set[tuple[str, str]]:
    return {(m, r.path) for r in iter_route_contexts(app.routes)
            if r.endpoint.__module__ == "lo_network.api.activities" for m in r.methods}


@pytest.fixture
def app():
    return create_api()


@pytest.fixture
def client(app):
    public_limiter.reset()
    with TestClient(app) as test_client:
        yield test_client
    public_limiter.reset()


@pytest.fixture
def auth(users):
    return {role: {"Authorization": f"Bearer {create_api_token(actor.email)}"} for role, actor in users.items()}


@pytest.fixture
def clean(graph, sql_db):
    activity_store.wipe()


def mission(**extra):
    return MISSION | {"starts_at": local(30), "ends_at": local(32, 17)} | extra


def test_routes_need_a_token_except_the_public_ones(app, client, sql_db):
    routes = activity_routes(app)
    assert PUBLIC <= routes
    for method, template in routes - PUBLIC:
        response = client.request(method, re.sub(r"\{\w+\}", "x", template), json={})
        assert response.status_code == 401, (method, template, response.text)


def test_steering_reads_but_every_mutating_route_answers_403(app, client, clean, auth, users):
    act = activity_service.create(users["organiser"], mission(), via="test")
    h = auth["steering"]
    assert client.get(f"{V1}/activities/{act['id']}", headers=h).status_code == 200
    ids = {"activity_id": act["id"], "registration_id": "x", "fmt": "csv", "token": "x", "organisation_id": "x",
           "milestone_id": "x"}
    walked = [(m, t) for m, t in activity_routes(app) - PUBLIC
              if m in {"POST", "PUT", "PATCH", "DELETE"} and t != f"{V1}/calendar/personal"]
    for method, template in walked:
        body = ({"person_ids": ["x"]} if template.endswith("/registrations") else
                {"present": True} if template.endswith("/check-in") else
                {"name": "x"} if template.endswith(("/walk-ins", "/contacts")) else
                {"done": True} if method == "PATCH" and "/milestones/" in template else {})
        response = client.request(method, template.format(**ids), headers=h, json=body)
        assert response.status_code == 403, (method, template, response.text)
    assert len(walked) == 14
    assert activity_service.get(users["admin"], act["id"])["title"] == MISSION["title"]


def test_round_trip_validation_registration_and_export(client, clean, auth, users):
    from lo_network.services import people

    h = auth["organiser"]
    bad = client.post(f"{V1}/activities", headers=h, json={"title": "", "kind": "feest", "capacity": "veel"})
    assert bad.status_code == 422
    assert {"title", "kind", "capacity", "starts_at", "ends_at"} <= set(bad.json()["errors"])
    assert client.post(f"{V1}/activities", headers=h, json={"colour": "red"}).status_code == 422

    created = client.post(f"{V1}/activities", headers=h, json=mission())
    assert created.status_code == 201, created.text
    act = created.json()
    assert act["capacity"] == 2 and act["registered"] == 0
    listed = client.get(f"{V1}/activities", headers=auth["steering"], params={"kind": "trade_mission", "when": "upcoming"})
    assert [a["id"] for a in listed.json()["items"]] == [act["id"]]

    ids = [people.create(users["admin"], {"first_name": "A", "last_name": f"Jansen {n}", "email": f"a{n}@x.example",
                                                   "consent_basis": "legitimate_interest", "consent_date": "01-01-2024"},
                         via="test")["id"] for n in range(3)]
    outcomes = client.post(f"{V1}/activities/{act['id']}/registrations", headers=h, json={"person_ids": ids}).json()
    assert [o["outcome"] for o in outcomes] == ["registered", "registered", "waitlisted"]
    assert all(o["link"] is None for o in outcomes)

    history = client.get(f"{V1}/people/{ids[0]}/activities", headers=auth["steering"]).json()
    assert [(h["activity_id"], h["status"]) for h in history] == [(act["id"], "registered")]

    first = outcomes[0]["registration"]["id"]
    checked = client.post(f"{V1}/activities/{act['id']}/registrations/{first}/check-in", headers=h, json={"present": True})
    assert checked.json()["attendance"] == "present"
    cancelled = client.delete(f"{V1}/registrations/{outcomes[1]['registration']['id']}", headers=h)
    assert cancelled.json()["status"] == "cancelled"
    rows = client.get(f"{V1}/activities/{act['id']}/registrations", headers=h, params={"status": "registered"}).json()
    assert sorted(r["name"] for r in rows) == ["A Jansen 0", "A Jansen 2"]  # the waiting one moved up

    csv = client.get(f"{V1}/activities/{act['id']}/attendees.csv", headers=auth["steering"])
    assert csv.status_code == 200 and "attachment" in csv.headers["content-disposition"]
    assert csv.content.decode("utf-8-sig").splitlines()[0].startswith("Naam;Organisatie;E-mail;Status")
    xlsx = client.get(f"{V1}/activities/{act['id']}/attendees.xlsx", headers=auth["steering"], params={"lang": "en"})
    import pandas as pd
    assert len(pd.read_excel(io.BytesIO(xlsx.content))) == 3
    assert client.get(f"{V1}/activities/{act['id']}/attendees.pdf", headers=h).status_code == 422

    changed = client.patch(f"{V1}/activities/{act['id']}", headers=h, json={"location": "Gdańsk"}).json()
    assert changed["ics_sequence"] == 1 and changed["location"] == "Gdańsk"
    assert client.delete(f"{V1}/activities/{act['id']}", headers=h).status_code == 204
    assert client.get(f"{V1}/activities/{act['id']}", headers=h).status_code == 404


def test_public_registration_link_and_rate_limit(client, clean, users, monkeypatch):
    act = activity_service.create(users["organiser"], mission(), via="test")
    base = f"{V1}/public/activities/{act['id']}"
    page = client.get(base)
    assert page.status_code == 200 and "registered" not in page.json()
    refused = client.post(f"{base}/registrations", json={"name": "Jo", "email": "jo@", "consent": False})
    assert refused.status_code == 422 and set(refused.json()["errors"]) == {"email", "consent"}
    done = client.post(f"{base}/registrations", json={"name": "Jo de Wit", "email": "jo@dewit.example",
                                                      "organisation_name": "De Wit Transport", "consent": True})
    assert done.status_code == 201 and done.json() == {"outcome": "registered", "name": "Jo de Wit"}
    # the personal link goes by email only (the answer is the same for an address registered before)
    from lo_network.sqlstore import outbox

    def link(email) -> str:
        return next(w for w in email.body.split() if "/aanmelding/" in w).rsplit("/", 1)[1]

    [confirmation] = outbox.for_activity(act["id"])
    first = link(confirmation)
    assert client.get(f"{V1}/public/registration/{first}").status_code == 200
    again = client.post(f"{base}/registrations", json={"name": "Jo", "email": "JO@dewit.example", "consent": True})
    assert again.status_code == 201 and again.json() == {"outcome": "registered", "name": "Jo"}
    # Jo hears of it with a fresh link; the older one stops working (as after a promotion)
    notice = outbox.for_activity(act["id"])[0]
    assert notice.kind == "already" and notice.to_address == "jo@dewit.example"
    token = link(notice)
    assert client.get(f"{V1}/public/registration/{first}").status_code == 404

    mine = client.get(f"{V1}/public/registration/{token}").json()
    assert mine["registration"]["name"] == "Jo de Wit" and mine["activity"]["id"] == act["id"]
    assert client.patch(f"{V1}/public/registration/{token}", json={"remarks": "later"}).json()["remarks"] == "later"
    assert client.delete(f"{V1}/public/registration/{token}").json()["status"] == "cancelled"
    assert client.get(f"{V1}/public/registration/not-a-token").status_code == 404

    invite = activity_service.create(users["organiser"], mission(visibility="invite"), via="test")
    assert client.get(f"{V1}/public/activities/{invite['id']}").status_code == 404

    from lo_network import settings
    monkeypatch.setenv("LO_PUBLIC_RATE_LIMIT", "5")
    settings.reset()
    try:
        public_limiter.reset()
        codes = [client.get(base).status_code for _ in range(7)]
        assert codes == [200] * 5 + [429] * 2
        assert int(client.get(base).headers["Retry-After"]) >= 1
    finally:
        monkeypatch.delenv("LO_PUBLIC_RATE_LIMIT")
        settings.reset()


def test_calendar_feeds(client, clean, auth, users):
    public = activity_service.create(users["organiser"], mission(title="Logistiek café Zwolle", kind="cafe"), via="test")
    activity_service.create(users["organiser"], mission(title="Besloten lobby", kind="lobby_meeting",
                                                        visibility="invite"), via="test")
    feed = Calendar.from_ical(client.get(f"{V1}/calendar/public.ics").content)
    events = feed.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Logistiek café Zwolle"]
    assert str(events[0]["UID"]) == f"activity-{public['id']}@lo-network.logistiek-overijssel"
    assert feed.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"

    url = client.post(f"{V1}/calendar/personal", headers=auth["organiser"]).json()["url"]
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    mine = Calendar.from_ical(client.get(f"{V1}/calendar/personal/{token}.ics").content)
    assert sorted(str(e["SUMMARY"]) for e in mine.walk("VEVENT")) == ["Besloten lobby", "Logistiek café Zwolle"]
    steering = client.post(f"{V1}/calendar/personal", headers=auth["steering"]).json()["url"].rsplit("/", 1)[1]
    assert Calendar.from_ical(client.get(f"{V1}/calendar/personal/{steering}").content).walk("VEVENT") == []
    assert client.get(f"{V1}/calendar/personal/nope.ics").status_code == 404


def test_a_monthly_series_of_sessions(client, clean, auth, users):
    h = auth["organiser"]
    bad = client.post(f"{V1}/activities", headers=h, json=mission(repeat_every="daily", repeat_count=50))
    assert bad.status_code == 422 and set(bad.json()["errors"]) == {"repeat_every", "repeat_count"}
    first = client.post(f"{V1}/activities", headers=h, json=mission(title="Logistiek café", kind="cafe",
                                                                    repeat_every="monthly", repeat_count=3)).json()
    assert first["series_index"] == 1 and first["series_id"]
    sessions = client.get(f"{V1}/activities/{first['id']}/sessions", headers=h).json()
    assert len(sessions) == 3 and sessions[0]["id"] == first["id"]
    assert [s["starts_at"] for s in sessions] == sorted(s["starts_at"] for s in sessions)
    # one session changes or goes on its own
    second = client.patch(f"{V1}/activities/{sessions[1]['id']}", headers=h, json={"location": "Kampen"}).json()
    assert second["location"] == "Kampen"
    assert client.get(f"{V1}/activities/{sessions[2]['id']}", headers=h).json()["location"] == MISSION["location"]
    assert client.delete(f"{V1}/activities/{sessions[2]['id']}", headers=h).status_code == 204
    assert len(client.get(f"{V1}/activities/{first['id']}/sessions", headers=h).json()) == 2
    assert client.patch(f"{V1}/activities/{first['id']}", headers=h, json={"repeat_count": 4}).status_code == 422


def test_project_partners_and_milestones_over_the_api(client, clean, auth, users):
    from lo_network.services import organisations

    h = auth["organiser"]
    org = organisations.create(users["admin"], {"name": "Provincie Overijssel", "kind": "government"}, via="t")
    lab = client.post(f"{V1}/activities", headers=h, json=mission(title="Project lobby Kornwerderzand",
                                                                  kind="project", capacity=None)).json()
    answer = client.put(f"{V1}/activities/{lab['id']}/partners/{org['id']}", headers=h, json={"role": "funder"})
    assert answer.status_code == 200 and answer.json()["partners"] == [
        {"id": org["id"], "name": "Provincie Overijssel", "role": "funder"}]
    assert client.put(f"{V1}/activities/{lab['id']}/partners/nope", headers=h, json={"role": "lead"}).status_code == 422
    milestone = client.post(f"{V1}/activities/{lab['id']}/milestones", headers=h,
                            json={"title": "Besluit Tweede Kamer", "due": "01-03-2027"}).json()
    assert milestone["due"] == "2027-03-01" and milestone["done"] is False
    done = client.patch(f"{V1}/activities/{lab['id']}/milestones/{milestone['id']}", headers=h, json={"done": True})
    assert done.json()["done"] is True
    session = client.post(f"{V1}/activities", headers=h, json=mission(title="Overleg", kind="lobby_meeting",
                                                                      project_id=lab["id"])).json()
    assert session["project"] == {"id": lab["id"], "title": "Project lobby Kornwerderzand"}
    assert [s["id"] for s in client.get(f"{V1}/activities/{lab['id']}", headers=h).json()["sessions"]] == [session["id"]]
    assert client.delete(f"{V1}/activities/{lab['id']}/milestones/{milestone['id']}", headers=h).status_code == 204
    assert client.delete(f"{V1}/activities/{lab['id']}/partners/{org['id']}", headers=h).json()["partners"] == []


def test_one_activity_as_a_calendar_file(client, clean, users):
    """"Zet in mijn agenda": a public activity by its id, any activity by a personal link;
    an attachment named after the title, the same UID as the invitation."""
    from lo_network.services import registrations

    public = activity_service.create(users["organiser"], mission(title="Logistiek café Zwolle", kind="cafe"), via="test")
    invite = activity_service.create(users["organiser"], mission(title="Besloten lobby", kind="lobby_meeting",
                                                                 visibility="invite"), via="test")
    answer = client.get(f"{V1}/calendar/activity/{public['id']}.ics")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/calendar")
    assert answer.headers["content-disposition"] == 'attachment; filename="logistiek-cafe-zwolle.ics"'
    [event] = Calendar.from_ical(answer.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Logistiek café Zwolle"
    assert str(event["UID"]) == f"activity-{public['id']}@lo-network.logistiek-overijssel"
    assert client.get(f"{V1}/calendar/activity/{invite['id']}.ics").status_code == 404
    assert client.get(f"{V1}/calendar/activity/nope.ics").status_code == 404

    known = registrations.register_contact(users["organiser"], invite["id"],
                                           {"name": "Lia Lobby", "email": "lia@lobby.example"}, via="test")
    mine = client.get(f"{V1}/calendar/registration/{known.token}.ics")
    assert mine.status_code == 200
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(mine.content).walk("VEVENT")] == ["Besloten lobby"]
    assert client.get(f"{V1}/calendar/registration/not-a-token.ics").status_code == 404


def test_a_refused_bulk_registration_names_each_person_in_both_languages(client, clean, auth, users):
    from lo_network.i18n import split_message
    from lo_network.services import people

    act = activity_service.create(users["organiser"], mission(capacity=10), via="test")
    ids = [people.create(users["admin"], {"first_name": "B", "last_name": f"Bakker {n}", "email": f"b{n}@x.example",
                                          **({"consent_basis": "legitimate_interest", "consent_date": "01-01-2024"}
                                             if n % 3 else {})}, via="test")["id"] for n in range(6)]
    refused = client.post(f"{V1}/activities/{act['id']}/registrations", headers=auth["admin"],
                          json={"person_ids": ids})  # the admin sees everyone (an organiser gets ids for the hidden)
    assert refused.status_code == 422
    nl, en = split_message(refused.json()["errors"]["person_ids"])
    assert nl.endswith(": B Bakker 0, B Bakker 3") and en.endswith(": B Bakker 0, B Bakker 3")
    assert activity_service.get(users["organiser"], act["id"])["registered"] == 0
