"""Every route of the REST API, found by walking the app (not a hand-written
list), refuses a caller without a token (401) and a role without the right (403).

Each route declares what it needs next to itself: an actor parameter typed ``Viewer``,
``NetworkEditor``, ``ActivityEditor``, ``BudgetEditor`` or ``PrivacyOfficer`` (an ``api.auth.Needs``
dependency), or ``Depends(limit_public)`` for the routes open without a token (so every
open route is rate limited). A route that declares neither fails :func:`test_every_route_declares_its_right`.
The path parameters are real records (an organisation, a person, an activity, ...), so a
refusal is not a 404 in disguise; the ``Needs`` dependency also runs before the route body."""

from __future__ import annotations

import re

import pytest
from fastapi import Depends, FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.testclient import TestClient

from lo_network.api import auth
from lo_network.api.app import PREFIX, create_api
from lo_network.api.ratelimit import limit_public
from lo_network.domain.permissions import ROLE_PERMISSIONS, Permission
from lo_network.ratelimit import public_limiter
from lo_network.services import activities, consent, followup, grants, links, organisations, people, registrations
from lo_network.services.accounts import create_api_token
from tests.integration.test_activities import local

ROLES = tuple(ROLE_PERMISSIONS)
PUBLIC_MARKERS = (limit_public,)  # open without a token: always rate limited


def _calls(dependant) -> list:
    found = []
    for sub in dependant.dependencies:
        found.append(sub.call)
        found.extend(_calls(sub))
    return found


def declaration(route) -> Permission | str | None:
    """The permission a route declares, "public", or None (undeclared)."""
    calls = _calls(route.dependant)
    needs = {c.permission for c in calls if isinstance(c, auth.Needs)}
    is_public = any(c in PUBLIC_MARKERS for c in calls)
    if len(needs) == 1 and not is_public:
        return needs.pop()
    if not needs and is_public:
        return "public"
    return None


API = create_api()

def api_routes(app: FastAPI) -> list:
    """Every route of the app with its prefix (FastAPI 0.16x keeps included routers lazy)."""
    return [ctx for ctx in iter_route_contexts(app.routes) if isinstance(ctx.route, APIRoute)]


ROUTES = [(method, route) for route in api_routes(API) for method in sorted(route.methods)]
IDS = [f"{method} {route.path}" for method, route in ROUTES]


def test_the_walk_finds_every_route_and_the_rights_it_needs():
    assert len(ROUTES) >= 60, len(ROUTES)  # the walk cannot pass on an empty app
    declared = {declaration(route) for _, route in ROUTES}
    assert {Permission.VIEW, Permission.EDIT_NETWORK, Permission.EDIT_ACTIVITIES, Permission.PRIVACY,
            "public"} <= declared
    every = list(iter_route_contexts(API.routes))
    others = {r.path for r in every if not isinstance(r.route, APIRoute)}
    assert others == {API.openapi_url, API.docs_url}  # FastAPI's own documentation, open on purpose
    assert all(r.path.startswith(PREFIX + "/") for r in every)


@pytest.mark.parametrize(("method", "route"), ROUTES, ids=IDS)
def test_every_route_declares_its_right(method, route):
    assert declaration(route) is not None, (
        f"{method} {route.path}: type the actor as Viewer/NetworkEditor/ActivityEditor/PrivacyOfficer "
        "(lo_network.api.auth) or add dependencies=[Depends(limit_public)]")


def test_an_undeclared_route_is_caught():
    app = FastAPI()

    @app.get("/open")
    def only_a_token(actor: auth.CurrentActor):  # a token, but no declared right
        return {}

    @app.get("/both", dependencies=[Depends(limit_public)])
    def muddled(actor: auth.Viewer):
        return {}

    assert [declaration(r) for r in api_routes(app)] == [None, None]


# ---------------------------------------------------------------- the real refusals
@pytest.fixture
def tokens(users):
    return {role: {"Authorization": f"Bearer {create_api_token(actor.email)}"} for role, actor in users.items()}


@pytest.fixture
def records(graph, users) -> dict[str, dict[str, str]]:
    """Real records for every path parameter: by parameter name, per path family."""
    admin = users["admin"]
    org = organisations.create(admin, {"name": "Transport Hengelo BV", "kind": "company"}, via="test")
    other = organisations.create(admin, {"name": "Haven Zwolle", "kind": "port_network"}, via="test")
    anna = people.create(admin, {"first_name": "Anna", "last_name": "de Vries", "consent_basis": "contract",
                                   "consent_date": "01-01-2025"},
                         via="test", employment={"organisation_id": org["id"], "role": "planner"})
    bert = people.create(admin, {"first_name": "Bert", "last_name": "Smit"}, via="test")
    org_link = links.add(admin, "organisation", org["id"], other["id"], {"type": "partner"}, via="test")
    person_link = links.add(admin, "person", anna["id"], bert["id"], {"type": "knows"}, via="test")
    lab = activities.create(admin, {"title": "Living lab Twentekanaal", "kind": "living_lab", "visibility": "public",
                                    "starts_at": local(30), "ends_at": local(32, 17)}, via="test")
    milestone = activities.add_milestone(admin, lab["id"], {"title": "Start", "due": "01-03-2027"}, via="test")
    outcome = registrations.register_public(lab["id"], {"name": "Carla Bos", "email": "carla@bos.example",
                                                        "consent": True})
    consent_id = consent.add(admin, anna["id"], {"purpose": "newsletter", "basis": "consent", "date": "01-01-2026"},
                             via="test")
    employment_id = people.get(admin, anna["id"])["employments"][0]["id"]
    note = followup.add_note(admin, org["id"], {"note": "Bellen over de living lab", "due": "01-03-2027"}, via="test")
    grant = grants.add(admin, org["id"], {"amount": "10.000", "granted_on": "01-02-2025"}, via="test")
    common = {"organisation_id": org["id"], "person_id": anna["id"], "activity_id": lab["id"],
              "registration_id": outcome.registration["id"], "milestone_id": milestone["id"],
              "consent_id": consent_id, "employment_id": employment_id, "note_id": note["id"], "grant_id": grant["id"], "name": "dormant", "token": outcome.token, "fmt": "csv"}
    return {"organisations": common | {"link_id": org_link}, "people": common | {"link_id": person_link},
            "": common}


def _url(route, records: dict[str, dict[str, str]]) -> str:
    family = next((k for k in ("organisations", "people") if route.path.startswith(f"{PREFIX}/{k}/")), "")
    values = records[family]
    names = set(re.findall(r"\{(\w+)\}", route.path))
    assert names <= set(values), f"no record for {names - set(values)} in {route.path}"
    return route.path.format(**values)


def _call(client: TestClient, method: str, url: str, headers: dict | None = None):
    body = {} if method in {"POST", "PUT", "PATCH"} else None
    return client.request(method, url, headers=headers or {}, json=body)


@pytest.mark.parametrize(("method", "route"), ROUTES, ids=IDS)
def test_every_route_refuses_a_caller_without_the_right(method, route, records, tokens):
    public_limiter.reset()
    needed = declaration(route)
    url = _url(route, records)
    with TestClient(API) as client:
        if needed == "public":
            answer = _call(client, method, url)
            assert answer.status_code not in (401, 403), (answer.status_code, answer.text)
            return
        answer = _call(client, method, url)
        assert answer.status_code == 401, (answer.status_code, answer.text)
        assert answer.headers["www-authenticate"] == "Bearer"
        bad = _call(client, method, url, {"Authorization": "Bearer lo_not-a-real-token"})
        assert bad.status_code == 401
        lacking = [role for role in ROLES if needed not in ROLE_PERMISSIONS[role]]
        holding = [role for role in ROLES if needed in ROLE_PERMISSIONS[role]]
        assert holding and "admin" in holding
        for role in lacking:
            answer = _call(client, method, url, tokens[role])
            assert answer.status_code == 403, (role, answer.status_code, answer.text)
            assert needed.value in answer.json()["detail"]
        for role in holding:  # the declaration is not stricter or looser than the service's check
            answer = _call(client, method, url, tokens[role])
            assert answer.status_code not in (401, 403), (role, answer.status_code, answer.text)


def test_the_right_is_checked_before_the_record_is_looked_up(graph, tokens):
    """A role without the right learns nothing of which ids exist: 403, never 404."""
    with TestClient(API) as client:
        for method, url in (("DELETE", f"{PREFIX}/organisations/no-such-id"),
                            ("PATCH", f"{PREFIX}/people/no-such-id/consents/x"),
                            ("DELETE", f"{PREFIX}/activities/no-such-id/milestones/x")):
            assert _call(client, method, url, tokens["steering"]).status_code == 403, url
        assert client.get(f"{PREFIX}/people/no-such-id/access-request",
                          headers=tokens["coordinator"]).status_code == 403
