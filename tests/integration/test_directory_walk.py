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
import logging
import re
import zipfile
from datetime import date, timedelta

import pytest
from fastapi.routing import APIRoute
from starlette.testclient import TestClient

from lo_network.api.app import PREFIX, create_api
from lo_network.domain import followup as followup_domain
from lo_network.domain.permissions import ATTENDEES, NETWORK, ROLE_PERMISSIONS, sees_without_basis
from lo_network.ratelimit import public_limiter
from lo_network.services import activities, consent, followup, links, metrics, organisations, people, registrations
from lo_network.services.accounts import create_api_token
from tests.integration.test_activities import local
from tests.integration.test_api_authorisation import api_routes, declaration

MARKERS = ("Quovadis", "xq-verborgen")  # the hidden person's last name and email: found nowhere else
SEARCH = "verborgen"  # finds the hidden person by email; a page may echo it, it is no marker
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
                                    "organiser_ids": [org["id"]]}, via="test")
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
                query = {"q": SEARCH, "format": fmt, "organisation_id": world["organisation_id"],
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


# ---------------------------------------------------------------- the pages
# The pages that list the registrations of an activity (SEES_WITHOUT_BASIS[ATTENDEES]).
ATTENDEE_PAGES = {"activiteiten/[activity_id]", "activiteiten/[activity_id]/inchecken",
                  "activiteiten/[activity_id]/naamlijst"}
# pages where an administrator sees the hidden person (the walk's positive control)
SHOWN_PAGES = {"personen/[person_id]", "organisaties/[org_id]", "dubbelen", "makelaars", "opvolgen"}
# pages where an administrator sees the hidden person (the walk's positive control)
SHOWN_PAGES = {"personen/[person_id]", "organisaties/[org_id]", "dubbelen", "makelaars", "opvolgen"}
# what a visitor may type or pick on a page: each handler that only reads (guarded with VIEW)
# and takes one text is sent each of these after the page's on_load
TYPED = ("person", SEARCH)


def _app():
    import lo_network.lo_network as module  # registers every page with its on_load handlers

    return module.app


def _drain(result) -> list:
    """What a handler returned or yielded (it may be plain, a generator, async or both)."""
    import asyncio
    import inspect

    if inspect.isasyncgen(result):
        async def collect():
            return [x async for x in result]
        return asyncio.run(collect())
    if inspect.iscoroutine(result):
        result = asyncio.run(result)
    if inspect.isgenerator(result):
        return list(result)
    return result if isinstance(result, list) else [result]


class Visit:
    """One browser's state tree, signed in as a role, on one page: runs handlers as the
    app's event loop would (and the events they chain), and says what the browser receives."""

    def __init__(self, role: str | None, users):
        from reflex.state import State

        from lo_network.states.session import SessionState

        _app()  # every page's state class exists before the tree is built
        self.root = State(_reflex_internal_init=True)
        self.session = self.root.get_substate(SessionState.get_full_name().split("."))
        if role is not None:
            self.session.session_token = _session_token(users[role].email)

    def open(self, route: str, params: dict[str, str]) -> None:
        path = "/" + re.sub(r"\[(\w+)\]", lambda m: params[m.group(1)], route)
        data = {"pathname": "/" + route, "asPath": path, "query": params, "headers": {"origin": "http://lo.test"}}
        self.root.router_data = self.root._update_router_vars(data, {})
        for event in _app()._load_events.get(route, []):
            self.run(event)

    def state_of(self, handler):
        return self.root.get_substate(handler.state_full_name.split("."))

    def run(self, event, *args, depth: int = 0) -> None:
        from reflex_base.event import EventHandler, EventSpec

        if isinstance(event, EventSpec):
            args = tuple(getattr(value, "_var_value", None) for _, value in event.args)
            event = event.handler
        if not isinstance(event, EventHandler) or not event.state_full_name.startswith("reflex___state____state.lo_network"):
            return  # a redirect, a toast, a download: nothing more reaches the state
        for chained in _drain(event.fn(self.state_of(event), *args)):
            if depth < 3:
                self.run(chained, depth=depth + 1)

    def sent(self) -> bytes:
        """Every var the browser receives (base and computed vars; backend vars stay out)."""
        import json

        return json.dumps(self.root.dict(), default=str, ensure_ascii=False).encode()


def _session_token(email: str) -> str:
    from sqlmodel import select

    from lo_network.sqlstore import sql
    from lo_network.services import accounts
    from lo_network.sqlstore.models import User

    with sql.session() as db:
        user = db.exec(select(User).where(User.email == email)).one()
    return accounts.start_session(user)


def _page_states(route: str) -> list[type]:
    """The state classes whose handlers a page's on_load runs."""
    from reflex.state import State
    from reflex_base.event import EventHandler

    return [State.get_class_substate(tuple(event.state_full_name.split(".")[1:]))
            for event in _app()._load_events.get(route, [])
            if isinstance(event, EventHandler) and ".lo_network___" in event.state_full_name]


def _typed_handlers(state) -> list:
    """The handlers of a state that only read and take one text (a search, a tab, a kind)."""
    import inspect

    from lo_network.domain.permissions import Permission

    out = []
    for name, handler in state.event_handlers.items():
        if getattr(handler.fn, "lo_permission", None) is not Permission.VIEW:
            continue
        params = list(inspect.signature(handler.fn).parameters.values())[1:]
        if len(params) == 1 and params[0].annotation in ("str", str, "str | list[str]"):
            out.append(handler)
    return out


def _page_visits(world: dict[str, str]) -> list[tuple[str, dict[str, str]]]:
    ids = {"activity_id": world["activity_id"], "org_id": world["organisation_id"],
           "public_activity_id": world["activity_id"], "reg_token": "not-a-token"}
    visits = []
    for route in _app()._load_events:
        for person_id, extra in ((world["hidden_id"], {"lijst": "consent", "organisatie": world["organisation_id"]}),
                                 (world["anna_id"], {"lijst": "dormant", "q": SEARCH})):
            args = {name: ids.get(name, person_id) for name in re.findall(r"\[(\w+)\]", route)}
            visits.append((route, args | extra | {"ego": person_id, "doel": person_id}))
    return visits


def test_no_page_sends_a_hidden_person_to_a_role_that_may_not_see_them(world, users):
    from lo_network.domain.permissions import ATTENDEES, NETWORK

    leaks, seen, handled = [], set(), 0
    for route, params in _page_visits(world):
        where = ATTENDEES if route in ATTENDEE_PAGES else NETWORK
        for role in ("steering", "organiser") + (("admin",) if route in SHOWN_PAGES else ()):
            visit = Visit(role, users)
            visit.open(route, params)
            for state in _page_states(route):  # what a visitor may type there
                for handler in _typed_handlers(state):
                    for text in TYPED:
                        visit.run(handler, text)
                        handled += 1
            if not shows_marker(visit.sent()):
                continue
            if sees_without_basis(role, where):
                seen.add((role, route))
            else:
                leaks.append(f"{role}: {route} {params}")
    assert leaks == []
    # positive control: the walk reaches the person where the rule lets a role see them
    assert {("admin", route) for route in SHOWN_PAGES} | {("organiser", route) for route in ATTENDEE_PAGES} <= seen
    assert handled >= 20, handled


class TransactionModes(logging.Handler):
    """The access mode of every transaction the graph driver begins, from its Bolt log: a
    read transaction's BEGIN carries ``mode: "r"`` (routed to a reader on a cluster); one
    without it is a write, sent to the leader."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.modes: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if "C: BEGIN" in record.msg and isinstance(record.args, tuple) and len(record.args) == 2:
            self.modes.append(record.args[1].get("mode", "w"))

    def __enter__(self):
        self.logger = logging.getLogger("neo4j.io")
        self.level = self.logger.level
        self.logger.setLevel(logging.DEBUG)
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc):
        self.logger.removeHandler(self)
        self.logger.setLevel(self.level)


def test_pages_and_api_reads_run_in_read_transactions(world, users):
    """Every page a reader opens (its on_load and what a visitor may type there) and every GET
    of the API begins read transactions only, so a cluster or AuraDB serves them from its
    readers (``LO_NEO4J_URI=neo4j://``). One write is due before: the dormant list first
    derives the last activity of organisations whose activities started since its last read
    (``services.followup``); caught up, it reads only."""
    from lo_network.services import followup as followup_service

    followup_service.list_page(users["steering"], "dormant", {})
    writes: list[str] = []
    with TransactionModes() as modes:
        for route, params in _page_visits(world):
            before = len(modes.modes)
            visit = Visit("steering", users)
            visit.open(route, params)
            for state in _page_states(route):
                for handler in _typed_handlers(state):
                    visit.run(handler, SEARCH)
            if "w" in modes.modes[before:]:
                writes.append(f"page /{route}")
        token = {"Authorization": f"Bearer {create_api_token(users['steering'].email)}"}
        with TestClient(API) as client:
            for route in GET_ROUTES:
                for url in _calls(route, world):
                    public_limiter.reset()
                    before = len(modes.modes)
                    client.get(url, headers=token if declaration(route) != PUBLIC else {})
                    if "w" in modes.modes[before:]:
                        writes.append(f"GET {url}")
    assert writes == []
    assert modes.modes.count("r") >= 100, len(modes.modes)  # positive control: the log was read


def test_the_page_walk_finds_every_page():
    routes = set(_app()._load_events)
    assert len(routes) >= 25, len(routes)
    assert ATTENDEE_PAGES <= routes
    assert {"personen/[person_id]", "organisaties/[org_id]", "dubbelen", "kaart", "makelaars", "voorstellen",
            "opvolgen"} <= routes


def test_introduction_paths_leave_out_a_hidden_person(world, users):
    """The introductions page finds paths after a choice of start and target (not on load):
    a path through the hidden person is left out for whom the rule hides them."""
    from lo_network.services import paths

    def through(role: str) -> list[list[str]]:
        found = paths.find(users[role], world["organisation_id"], world["anna_id"])
        return sorted(sorted(n["id"] for n in p.nodes) for p in found)

    assert any(world["hidden_id"] in nodes for nodes in through("coordinator"))  # org - Xandrijn - Anna
    for role in ("steering", "organiser"):
        assert through(role) and not any(world["hidden_id"] in nodes for nodes in through(role)), role
    # the hidden person as an end reads as a record that does not exist
    assert paths.find(users["steering"], world["organisation_id"], world["hidden_id"]) == []
    assert paths.find(users["steering"], world["organisation_id"], "no-such-record") == []


def test_the_hidden_persons_page_reads_as_a_missing_one(world, users):
    """The person page of a hidden person shows a view-only role what it shows for an id
    that does not exist (not "no rights"), down to every var the browser receives."""
    def page(person_id: str) -> bytes:
        visit = Visit("steering", users)
        visit.open("personen/[person_id]", {"person_id": person_id})
        return visit.sent().replace(person_id.encode(), b"<id>").replace(
            visit.session.session_token.encode(), b"<session>")  # each visit signs in anew

    assert page(world["hidden_id"]) == page("no-such-person")


def test_registering_a_hidden_person_does_not_name_them(world, users):
    """The organisers' write doors answer without the hidden person's name: a refusal names
    them by the id or the email sent."""
    from lo_network.domain.errors import ValidationError

    twin = world["twin_id"]  # hidden, and without a basis for invitations
    with pytest.raises(ValidationError) as by_id:
        registrations.register_people(users["organiser"], world["activity_id"], [twin], via="test")
    with pytest.raises(ValidationError) as by_email:
        registrations.register_contact(users["organiser"], world["activity_id"],
                                       {"name": "Iemand", "email": "XQ-verborgen@marker.example"}, via="test")
    assert twin in str(by_id.value.errors)
    assert "Quovadis" not in str(by_id.value.errors) + str(by_email.value.errors)
    assert "geen grondslag" in str(by_id.value.errors) + str(by_email.value.errors)
