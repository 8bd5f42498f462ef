"""REST API v1 against the real embedded graph and SQLite, through starlette's TestClient."""

from __future__ import annotations

import os
import re

import pytest
from fastapi.routing import iter_route_contexts
from starlette.testclient import TestClient

from lo_network import settings
from lo_network.api.app import create_api
from lo_network.api.schemas import EmploymentIn
from lo_network.domain import people as person_domain
from lo_network.services import organisations as organisation_service
from lo_network.services import people as person_service
from lo_network.services.accounts import create_api_token
from lo_network.sqlstore import audit
from lo_network.store import driver
from tests.conftest import free_port

V1 = "/api/v1"
MUTATING = {"POST", "PUT", "PATCH", "DELETE"}
ACME = {"name": "Acme Transport B.V.", "kind": "company", "company_type": "carrier",
        "kvk": "1234 5678", "city": "Hengelo", "themes": ["international"], "tags": ["nsbc"]}


@pytest.fixture
def app():
    return create_api()


@pytest.fixture
def client(app):
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def auth(users):
    """Authorization headers with a fresh token per role: auth['coordinator']."""
    return {role: {"Authorization": f"Bearer {create_api_token(actor.email)}"} for role, actor in users.items()}


def operations(app, *, foundation: bool = True) -> set[tuple[str, str]]:
    """(method, path template) of every route lo_network.api defines, walked from the app.

    With ``foundation`` only the organisation/people/health routes (the activity routes,
    public ones included, are walked in test_api_activities.py)."""
    return {(method, route.path) for route in iter_route_contexts(app.routes)
            if route.endpoint.__module__.startswith("lo_network.api.")
            and not (foundation and route.endpoint.__module__ == "lo_network.api.activities")
            for method in route.methods}


def test_the_employment_request_mirrors_the_domain_fields():
    # (an organisation's and a person's request models are derived from their declarations:
    # tests/unit/test_declared_fields.py)
    assert set(EmploymentIn.model_fields) == set(person_domain.EMPLOYMENT_FIELDS)


# --- authentication -------------------------------------------------------------------


@pytest.mark.parametrize("headers", [
    {},
    {"Authorization": "Bearer lo_not-a-real-token"},
    {"Authorization": "Basic dXNlcjpwYXNz"},
    {"Authorization": "Bearer "},
])
def test_every_route_but_health_needs_a_valid_token(app, client, sql_db, headers):
    guarded = operations(app) - {("GET", f"{V1}/health")}
    for method, template in guarded:
        path = re.sub(r"\{\w+\}", "x", template)
        response = client.request(method, path, headers=headers, json={})
        assert response.status_code == 401, (method, path, response.text)
        assert "invalid API token" in response.json()["detail"]
        assert response.headers["WWW-Authenticate"] == "Bearer"
    assert len(guarded) == 15 + 10 + 2 + 4 + 7 + 1 + 3  # + links, list exports, consent and access, follow-up, import upload, grants


def test_a_token_acts_as_its_user(client, graph, auth):
    response = client.post(f"{V1}/organisations", json=ACME, headers=auth["coordinator"])
    assert response.status_code == 201, response.text
    entry = audit.for_entity("organisation", response.json()["id"])[0]
    assert (entry.actor, entry.via, entry.action) == ("coordinator@test.example", "api", "create")


# --- organisations ----------------------------------------------------------------------


def test_organisation_round_trip(client, graph, auth):
    h = auth["coordinator"]
    created = client.post(f"{V1}/organisations", json=ACME, headers=h)
    assert created.status_code == 201, created.text
    org = created.json()
    assert (org["kvk"], org["region"], org["status"], org["people"]) == ("12345678", "twente", "prospect", [])
    assert "search_key" not in org and "name_key" not in org
    url = f"{V1}/organisations/{org['id']}"

    assert client.get(url, headers=h).json() == org

    patched = client.patch(url, json={"status": "partner", "notes": "Lid sinds 2024"}, headers=h)
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert (body["status"], body["notes"], body["name"], body["kvk"]) == (
        "partner", "Lid sinds 2024", ACME["name"], "12345678")
    assert [entry.split(":")[1] for entry in body["status_log"]] == ["prospect", "partner"]

    replaced = client.put(url, json={"name": "Acme Logistics", "kind": "education"}, headers=h)
    assert replaced.status_code == 200, replaced.text
    body = replaced.json()
    assert (body["name"], body["kind"], body["kvk"], body["city"], body["notes"], body["themes"]) == (
        "Acme Logistics", "education", "", "", "", [])

    assert client.delete(url, headers=h).status_code == 204
    missing = client.get(url, headers=h)
    assert missing.status_code == 404 and org["id"] in missing.json()["detail"]
    assert client.delete(url, headers=h).status_code == 404
    assert client.patch(url, json={"city": "Almelo"}, headers=h).status_code == 404


def test_bad_organisation_names_each_field_and_stores_nothing(client, graph, auth):
    h = auth["coordinator"]
    response = client.post(f"{V1}/organisations", json={"name": " ", "kind": "company", "kvk": "123"}, headers=h)
    assert response.status_code == 422
    body = response.json()
    assert set(body["errors"]) == {"name", "kvk"}
    assert "8 digits" in body["errors"]["kvk"] and "kvk" in body["detail"]
    assert client.get(f"{V1}/organisations", headers=h).json()["total"] == 0

    org = client.post(f"{V1}/organisations", json=ACME, headers=h).json()
    url = f"{V1}/organisations/{org['id']}"
    response = client.patch(url, json={"kvk": "12", "website": "not a site"}, headers=h)
    assert response.status_code == 422 and set(response.json()["errors"]) == {"kvk", "website"}
    assert client.get(url, headers=h).json() == org


@pytest.mark.parametrize(("send", "field"), [
    ({"content": b'{"name": "Acme", ', "headers": {"Content-Type": "application/json"}}, "body"),
    ({"json": {"name": 123, "kind": "company"}}, "name"),
    ({"json": {"name": "Acme", "themes": "international"}}, "themes"),
    ({"json": {"name": "Acme", "kvk_number": "12345678"}}, "kvk_number"),
])
def test_malformed_requests_answer_422_naming_the_field(client, graph, auth, send, field):
    headers = {**auth["coordinator"], **send.pop("headers", {})}
    response = client.post(f"{V1}/organisations", headers=headers, **send)
    assert response.status_code == 422, response.text
    body = response.json()
    assert field in body["errors"] and field in body["detail"]
    assert client.get(f"{V1}/organisations", headers=auth["coordinator"]).json()["total"] == 0


def test_malformed_query_and_nested_fields_are_named(client, graph, auth):
    h = auth["coordinator"]
    response = client.get(f"{V1}/organisations", params={"page": "two"}, headers=h)
    assert response.status_code == 422 and list(response.json()["errors"]) == ["page"]
    response = client.get(f"{V1}/organisations", params={"sort": "kvk"}, headers=h)
    assert response.status_code == 422 and list(response.json()["errors"]) == ["sort"]
    response = client.post(f"{V1}/people", json={"last_name": "Jansen", "employment": {"since": 2020}}, headers=h)
    assert response.status_code == 422 and list(response.json()["errors"]) == ["employment.since"]


# --- people and employment --------------------------------------------------------------


def test_person_round_trip_with_employment(client, graph, auth):
    h = auth["coordinator"]
    port = client.post(f"{V1}/organisations", json={"name": "Port of Twente", "kind": "port_network"}, headers=h).json()
    acme = client.post(f"{V1}/organisations", json=ACME, headers=h).json()

    created = client.post(f"{V1}/people", headers=h, json={
        "first_name": "Anna", "last_name": "Jansen", "email": "Anna@Example.NL", "tags": ["bestuur"],
        "employment": {"organisation_id": port["id"], "role": "Directeur", "since": "1-2-2020"},
    })
    assert created.status_code == 201, created.text
    person = created.json()
    assert (person["name"], person["email"]) == ("Anna Jansen", "Anna@example.nl")
    [job] = person["employments"]
    assert (job["organisation_name"], job["role"], job["since"], job["until"]) == (
        "Port of Twente", "Directeur", "2020-02-01", None)
    url = f"{V1}/people/{person['id']}"
    assert client.get(url, headers=h).json() == person

    added = client.post(f"{url}/employments", json={"organisation_id": acme["id"], "role": "Adviseur"}, headers=h)
    assert added.status_code == 201, added.text
    assert (added.json()["organisation_name"], added.json()["role"]) == (ACME["name"], "Adviseur")

    left = client.put(f"{url}/employments/{job['id']}", headers=h, json={
        "organisation_id": port["id"], "role": "Directeur", "since": "2020-02-01", "until": "31-12-2025"})
    assert left.status_code == 200, left.text
    assert left.json()["until"] == "2025-12-31"
    organisation = client.get(f"{V1}/organisations/{port['id']}", headers=h).json()
    assert [(p["person_name"], p["until"]) for p in organisation["people"]] == [("Anna Jansen", "2025-12-31")]

    bad = client.put(f"{url}/employments/{job['id']}", headers=h,
                     json={"organisation_id": port["id"], "since": "2026-01-01", "until": "2025-01-01"})
    assert bad.status_code == 422 and list(bad.json()["errors"]) == ["until"]
    assert client.delete(f"{url}/employments/{added.json()['id']}", headers=h).status_code == 204
    assert client.delete(f"{url}/employments/{added.json()['id']}", headers=h).status_code == 404
    assert [e["id"] for e in client.get(url, headers=h).json()["employments"]] == [job["id"]]

    patched = client.patch(url, json={"job_title": "CEO"}, headers=h).json()
    assert (patched["job_title"], patched["email"], patched["tags"]) == ("CEO", "Anna@example.nl", ["bestuur"])
    replaced = client.put(url, json={"last_name": "Jansen-de Vries"}, headers=h).json()
    assert (replaced["name"], replaced["email"], replaced["job_title"], replaced["tags"]) == (
        "Jansen-de Vries", "", "", [])
    assert len(replaced["employments"]) == 1

    assert client.delete(url, headers=h).status_code == 204
    assert client.get(url, headers=h).status_code == 404


def test_bad_person_names_each_field_and_stores_nothing(client, graph, auth):
    h = auth["coordinator"]
    response = client.post(f"{V1}/people", headers=h, json={
        "first_name": "Anna", "email": "anna@", "employment": {"organisation_id": "no-such-organisation"}})
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"last_name", "email"}

    response = client.post(f"{V1}/people", headers=h, json={
        "last_name": "Jansen", "employment": {"organisation_id": "no-such-organisation"}})
    assert response.status_code == 422 and list(response.json()["errors"]) == ["organisation_id"]
    assert client.get(f"{V1}/people", headers=h).json()["total"] == 0


# --- permissions ------------------------------------------------------------------------


def test_steering_may_read_but_every_mutating_route_answers_403(app, client, graph, auth, users):
    coordinator = users["coordinator"]
    org = organisation_service.create(coordinator, ACME, "test")
    person = person_service.create(coordinator, {"last_name": "Jansen", "consent_basis": "contract",  # listed (7)
                                                 "consent_date": "2024-01-01"}, "test",
                                   employment={"organisation_id": org["id"], "role": "CEO"})
    employment_id = person_service.get(coordinator, person["id"])["employments"][0]["id"]
    ids = {"organisation_id": org["id"], "person_id": person["id"], "employment_id": employment_id,
           "link_id": "x", "consent_id": "x", "note_id": "x", "grant_id": "x"}

    def snapshot():
        return (organisation_service.get(coordinator, org["id"]), person_service.get(coordinator, person["id"]),
                organisation_service.list_page(coordinator, {}).total, person_service.list_page(coordinator, {}).total)

    before = snapshot()
    h = auth["steering"]
    assert client.get(f"{V1}/organisations/{org['id']}", headers=h).status_code == 200
    assert client.get(f"{V1}/people", headers=h).json()["total"] == 1

    walked = {(method, template) for method, template in operations(app) if method in MUTATING}
    for method, template in walked:
        response = client.request(method, template.format(**ids), headers=h, json={})
        assert response.status_code == 403, (method, template, response.text)
        assert "not allowed" in response.json()["detail"]
    assert {("POST", f"{V1}/organisations"), ("PATCH", f"{V1}/people/{{person_id}}"),
            ("DELETE", f"{V1}/people/{{person_id}}/employments/{{employment_id}}")} <= walked
    assert len(walked) == 11 + 8 + 2 + 2 + 1 + 2  # + links, consents, follow-up notes, import upload, grants
    assert snapshot() == before


# --- lists ------------------------------------------------------------------------------


def test_organisation_list_filters_sorts_and_pages(client, graph, auth, users):
    coordinator = users["coordinator"]
    for n in range(27):
        organisation_service.create(coordinator, {
            "name": f"Bedrijf {n:02d}", "kind": "company", "city": ("Zwolle", "Enschede", "Deventer")[n % 3],
            "status": "partner" if n < 4 else "prospect", "themes": ["sustainability"] if n % 2 else [],
            "tags": ["haven"] if n == 5 else [],
        }, "test")
    organisation_service.create(coordinator, {"name": "Saxion", "kind": "education", "city": "Enschede"}, "test")
    h = auth["steering"]

    def listing(**params):
        response = client.get(f"{V1}/organisations", params=params, headers=h)
        assert response.status_code == 200, response.text
        return response.json()

    first, second = listing(), listing(page=2)
    assert (first["total"], first["pages"], first["page_size"], len(first["items"])) == (28, 2, 25, 25)
    assert [o["name"] for o in first["items"]][:2] == ["Bedrijf 00", "Bedrijf 01"]
    assert [o["name"] for o in second["items"]] == ["Bedrijf 25", "Bedrijf 26", "Saxion"]
    assert len(listing(page_size=50)["items"]) == 28
    assert [o["name"] for o in listing(sort="-name", page_size=50)["items"]][:2] == ["Saxion", "Bedrijf 26"]
    assert listing(kind="education")["total"] == 1
    assert listing(region="twente")["total"] == 10
    assert listing(status="partner")["total"] == 4
    assert listing(theme="sustainability")["total"] == 13
    assert [o["name"] for o in listing(tag="haven")["items"]] == ["Bedrijf 05"]
    assert listing(q="saxion")["items"][0]["kind"] == "education"
    assert listing(q="enschede", kind="company", status="partner")["total"] == 1
    # the next page by cursor is the page by number; a broken cursor is named
    assert listing(page=2, cursor=first["next_cursor"])["items"] == second["items"]
    assert second["next_cursor"] is None
    response = client.get(f"{V1}/organisations", params={"page": 2, "cursor": "x"}, headers=h)
    assert response.status_code == 422 and set(response.json()["errors"]) == {"cursor"}


def test_people_list_filters_sorts_and_pages(client, graph, auth, users):
    coordinator = users["coordinator"]
    org = organisation_service.create(coordinator, ACME, "test")
    for n, last in enumerate(("Bakker", "Visser", "de Jong", "Smit")):
        person_service.create(coordinator, {"first_name": "Sam", "last_name": last, "tags": ["lid"] if n % 2 else []},
                              "test", employment={"organisation_id": org["id"]} if n < 2 else None)
    h = auth["coordinator"]  # steering lists only people with a basis for the directory

    def names(**params):
        response = client.get(f"{V1}/people", params=params, headers=h)
        assert response.status_code == 200, response.text
        return [p["name"] for p in response.json()["items"]]

    assert names() == ["Sam Bakker", "Sam de Jong", "Sam Smit", "Sam Visser"]
    assert names(sort="-name") == ["Sam Visser", "Sam Smit", "Sam de Jong", "Sam Bakker"]
    assert names(organisation_id=org["id"]) == ["Sam Bakker", "Sam Visser"]
    assert names(tag="lid") == ["Sam Smit", "Sam Visser"]
    assert names(q="jong") == ["Sam de Jong"]
    assert names(page=2) == []
    page = client.get(f"{V1}/people", params={"q": "bakker"}, headers=h).json()
    assert page["items"][0]["organisations"] == [ACME["name"]]
    assert (page["total"], page["pages"]) == (1, 1)


# --- documents and health ---------------------------------------------------------------


def test_openapi_lists_every_route_and_the_bearer_scheme(app, client):
    spec = client.get(f"{V1}/openapi.json").json()
    scheme = spec["components"]["securitySchemes"]["HTTPBearer"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    documented = {(method.upper(), path) for path, ops in spec["paths"].items() for method in ops}
    assert documented == operations(app, foundation=False)
    assert len(operations(app)) == 16 + 10 + 2 + 4 + 7 + 1 + 3 and operations(app) <= documented  # + links, exports, privacy, follow-up, import upload, grants
    assert spec["paths"][f"{V1}/organisations"]["post"]["security"] == [{"HTTPBearer": []}]
    assert "errors" in spec["components"]["schemas"]["Problem"]["properties"]
    assert "HTTPValidationError" not in spec["components"]["schemas"]  # 422 is documented as Problem
    docs = client.get(f"{V1}/docs")
    assert docs.status_code == 200 and f"{V1}/openapi.json" in docs.text


def test_health_answers_when_the_graph_is_up(client, graph):
    response = client.get(f"{V1}/health")
    assert (response.status_code, response.json()) == (200, {"graph": "ok"})


@pytest.fixture
def graph_unreachable(graph):
    """Point the driver at a closed loopback port; always restore the real graph after."""
    saved = {name: os.environ.get(name) for name in ("LO_NEO4J_URI", "LO_NEO4J_PASSWORD")}
    driver.close()
    os.environ.update(LO_NEO4J_URI=f"bolt://127.0.0.1:{free_port()}", LO_NEO4J_PASSWORD="x")
    settings.reset()
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        settings.reset()
        driver.close()


def test_unreachable_graph_answers_503_with_a_message(client, auth, graph_unreachable):
    # Each call waits out the driver's retries (~15 s): keep them few.
    response = client.get(f"{V1}/organisations", headers=auth["coordinator"])
    assert response.status_code == 503, response.text
    assert "cannot be reached" in response.json()["detail"]
    response = client.get(f"{V1}/health")
    assert (response.status_code, response.json()) == (503, {"graph": "unavailable"})
