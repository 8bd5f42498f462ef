"""A person without a basis for the network directory stays out of every read of a role
that may not see them: every GET route of the API (found by walking the app, not listed by
hand) and every page (the on_load handlers of the app's pages, run as the browser's visit
runs them), as each role.

One hidden person with a name and an email found nowhere else is linked to everything that
can carry a person: an employment at an organisation, links to a visible person, consent
records, a registration for an activity (with its audit entries), a duplicate, a broker
measure, a lapsing consent. The rule is ``domain.permissions.SEES_WITHOUT_BASIS``: a route
or page that returns people without asking ``services.consent`` shows the marker and fails
here. The visible roles' reads show it (positive control: the walk reaches the person)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, timedelta

import pytest
from fastapi.routing import APIRoute
from starlette.testclient import TestClient

from lo_network.accounts.service import create_api_token
from lo_network.api.app import PREFIX, create_api
from lo_network.api.ratelimit import public_limiter
from lo_network.domain import followup as followup_domain
from lo_network.domain.permissions import ATTENDEES, NETWORK, ROLE_PERMISSIONS, sees_without_basis
from lo_network.services import activities, consent, followup, links, metrics, organisations, people, registrations
from tests.integration.test_activities import local
from tests.integration.test_api_authorisation import api_routes, declaration

MARKERS = ("Quovadis", "xq-verborgen")  # the hidden person's last name and email: found nowhere else
ROLES = tuple(ROLE_PERMISSIONS)
API = create_api()
# The routes that list the registrations of an activity: there a person appears as an attendee
# (SEES_WITHOUT_BASIS[ATTENDEES]: organisers check them in); everywhere else as a network record.
ATTENDEE_ROUTES = {f"{PREFIX}/activities/{{activity_id}}/registrations",
                   f"{PREFIX}/activities/{{activity_id}}/attendees.{{fmt}}"}
GET_ROUTES = [route for route in api_routes(API) if "GET" in route.methods]
PUBLIC = "public"  # the open routes, read without a token


def shows_marker(body: bytes) -> bool:
    """Whether a response (JSON, CSV, calendar, or an XLSX: a zip of XML) names the hidden person."""
    texts = [body]
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as book:
            texts = [book.read(name) for name in book.namelist()]
    return any(marker.lower().encode() in text.lower() for text in texts for marker in MARKERS)


@pytest.fixture
def world(graph, users) -> dict[str, str]:
    """The hidden person (no basis for the directory) tied to everything, and a visible one."""
    admin = users["admin"]
    basis = {"consent_basis": "contract", "consent_date": "01-01-2025"}
    org = organisations.create(admin, {"name": "Transport Hengelo BV", "kind": "company", "status": "participant",
                                       "region": "twente"}, via="test")
    other = organisations.create(admin, {"name": "Haven Zwolle", "kind": "port_network", "status": "partner"},
                                 via="test")
    hidden = people.create(admin, {"first_name": "Xandrijn", "last_name": "Quovadis",
                                   "email": "xq-verborgen@marker.example"},
                           via="test", employment={"organisation_id": org["id"], "role": "planner"})
    twin = people.create(admin, {"first_name": "Xandrijn", "last_name": "Quovadis",
                                 "email": "xq-verborgen@marker.example"}, via="test")  # a duplicate
    anna = people.create(admin, {"first_name": "Anna", "last_name": "de Vries", "email": "anna@vries.example",
                                 **basis}, via="test", employment={"organisation_id": other["id"], "role": "cfo"})
    person_link = links.add(admin, "person", hidden["id"], anna["id"], {"type": "knows"}, via="test")
    org_link = links.add(admin, "organisation", org["id"], other["id"], {"type": "partner"}, via="test")
    # consent for invitations and the newsletter (lapsing soon), none for the directory
    lapsing = followup_domain.add_months(date.today(), -24) + timedelta(days=10)
    consent_id = consent.add(admin, hidden["id"], {"purpose": "invitations", "basis": "consent",
                                                   "date": date.today().isoformat()}, via="test")
    consent.add(admin, hidden["id"], {"purpose": "newsletter", "basis": "consent", "date": lapsing.isoformat()},
                via="test")
    lab = activities.create(admin, {"title": "Living lab Twentekanaal", "kind": "living_lab", "visibility": "public",
                                    "starts_at": local(30), "ends_at": local(32, 17),
                                    "organisers": [org["id"]]}, via="test")
    outcome, = registrations.register_people(admin, lab["id"], [hidden["id"]], via="test")
    registrations.register_public(lab["id"], {"name": "Carla Bos", "email": "carla@bos.example", "consent": True})
    note = followup.add_note(admin, org["id"], {"note": "Bellen over de living lab", "due": "01-03-2027"}, via="test")
    metrics.recompute(admin, via="test")
    assert hidden["id"] not in consent.allowed_people([hidden["id"], twin["id"], anna["id"]])
    employment_id = people.get(admin, hidden["id"])["employments"][0]["id"]
    return {"organisation_id": org["id"], "other_id": other["id"], "hidden_id": hidden["id"], "twin_id": twin["id"],
            "anna_id": anna["id"], "activity_id": lab["id"], "registration_id": outcome.registration["id"],
            "token": outcome.token, "consent_id": consent_id, "employment_id": employment_id,
            "person_link": person_link, "organisation_link": org_link, "note_id": note["id"]}


# ---------------------------------------------------------------- the API
def _where(route: APIRoute) -> str:
    return ATTENDEES if route.path in ATTENDEE_ROUTES else NETWORK


def _calls(route: APIRoute, world: dict[str, str]) -> list[str]:
    """The URLs to read a route with: each person (the hidden one, and the visible one linked
    to them), each format and list; query filters set to the seeded records, search text to
    the marker."""
    people_ = (world["hidden_id"], world["anna_id"]) if "{person_id}" in route.path else (world["hidden_id"],)
    fmts = ("csv", "xlsx")
    names = tuple(followup_domain.LISTS) if "{name}" in route.path else ("",)
    query_names = {p.alias for p in route.dependant.query_params}
    urls = []
    for person_id in people_:
        for fmt in fmts if ("{fmt}" in route.path or "format" in query_names) else ("csv",):
            for name in names:
                values = {"person_id": person_id, "organisation_id": world["organisation_id"],
                          "activity_id": world["activity_id"], "registration_id": world["registration_id"],
                          "consent_id": world["consent_id"], "employment_id": world["employment_id"],
                          "note_id": world["note_id"], "name": name, "fmt": fmt,
                          "token": "not-a-token",  # a personal link shows its owner their own data
                          "link_id": world["person_link"] if "/people/" in route.path else world["organisation_link"]}
                wanted = set(re.findall(r"\{(\w+)\}", route.path))
                assert wanted <= set(values), f"no record for {wanted - set(values)} in {route.path}"
                query = {"q": MARKERS[0], "format": fmt, "organisation_id": world["organisation_id"],
                         "person_id": person_id}
                picked = "&".join(f"{k}={v}" for k, v in query.items() if k in query_names)
                urls.append(route.path.format(**values) + (f"?{picked}" if picked else ""))
    return urls


def test_the_walk_finds_the_reads():
    paths = {route.path for route in GET_ROUTES}
    assert len(GET_ROUTES) >= 25, len(GET_ROUTES)
    assert ATTENDEE_ROUTES <= paths  # renamed routes are noticed here
    assert {f"{PREFIX}/people/{{person_id}}", f"{PREFIX}/organisations/{{organisation_id}}",
            f"{PREFIX}/people/{{person_id}}/consents", f"{PREFIX}/people/{{person_id}}/links",
            f"{PREFIX}/people/export"} <= paths


def test_no_read_of_the_api_names_a_hidden_person_to_a_role_that_may_not_see_them(world, users):
    tokens = {role: {"Authorization": f"Bearer {create_api_token(actor.email)}"} for role, actor in users.items()}
    tokens[PUBLIC] = {}
    leaks, seen, reads = [], set(), 0
    with TestClient(API) as client:
        for route in GET_ROUTES:
            for url in _calls(route, world):
                for role in ROLES if declaration(route) != PUBLIC else (PUBLIC,):
                    public_limiter.reset()
                    answer = client.get(url, headers=tokens[role])
                    reads += 1
                    assert answer.status_code < 500, (role, url, answer.text)
                    if not shows_marker(answer.content):
                        continue
                    if sees_without_basis(role, _where(route)):
                        seen.add((role, route.path))
                    else:
                        leaks.append(f"{role}: GET {url}")
    assert leaks == []
    # positive control: the walk reaches the person where the rule lets a role see them
    assert ("admin", f"{PREFIX}/people/{{person_id}}") in seen
    assert ("coordinator", f"{PREFIX}/organisations/{{organisation_id}}") in seen
    assert ("organiser", f"{PREFIX}/activities/{{activity_id}}/registrations") in seen
    assert ("organiser", f"{PREFIX}/activities/{{activity_id}}/attendees.{{fmt}}") in seen
    assert ("admin", f"{PREFIX}/followup/{{name}}") in seen  # the lapsing consent list
    assert ("admin", f"{PREFIX}/people/export") in seen
    assert reads >= 4 * 30, reads


def test_a_hidden_person_reads_as_one_that_does_not_exist(world, users):
    """Not 403: the person's own reads answer as for an id that does not exist (the record
    and its links 404, its lists are empty), so nothing says the person is there."""
    token = {"Authorization": f"Bearer {create_api_token(users['steering'].email)}"}
    with TestClient(API) as client:
        for tail in ("", "/consents", "/links", "/activities"):
            hidden = client.get(f"{PREFIX}/people/{world['hidden_id']}{tail}", headers=token)
            missing = client.get(f"{PREFIX}/people/no-such-person{tail}", headers=token)
            assert hidden.status_code == missing.status_code, (tail, hidden.text, missing.text)
            assert hidden.text.replace(world["hidden_id"], "no-such-person") == missing.text, tail
        assert client.get(f"{PREFIX}/people/{world['hidden_id']}", headers=token).status_code == 404
