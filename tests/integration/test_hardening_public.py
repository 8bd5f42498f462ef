"""Hardening of what is open without an account, on the real stack (embedded
graph, SQLite, the API app in process): every open route is rate limited and the count is
shared by worker processes; tokens cannot be guessed, are stored hashed and stop working
as the rules say; no open route shows another registrant; every class of answer carries
the security headers."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from starlette.testclient import TestClient

from lo_network import settings
from lo_network.api.app import PREFIX, create_api
from lo_network.api.security import CSP
from lo_network.domain import registrations as reg_domain
from lo_network.ratelimit import RateLimiter, public_limiter
from lo_network.services import activities, backup
from lo_network.services import registrations as reg_service
from tests.integration.test_activities import local
from tests.integration.test_api_activities import app, client  # noqa: F401  (fixtures: the API in process)
from tests.integration.test_api_authorisation import API, ROUTES, _url, declaration

OPEN = [(method, route) for method, route in ROUTES if declaration(route) == "public"]


@pytest.fixture
def lab(graph, users):
    """A public activity with two registrants from the public: Carla and Dirk."""
    act = activities.create(users["organiser"], {"title": "Logistiek café Zwolle", "kind": "cafe",
                                                 "visibility": "public", "capacity": 1,
                                                 "starts_at": local(30), "ends_at": local(30, 21)}, via="test")
    carla = reg_service.register_public(act["id"], {"name": "Carla Bos", "email": "carla@bos.example",
                                                    "organisation_name": "Bos Transport", "consent": True})
    dirk = reg_service.register_public(act["id"], {"name": "Dirk Geheimhouder", "email": "dirk@verborgen.example",
                                                   "organisation_name": "Verborgen Logistiek", "consent": True})
    assert (carla.outcome, dirk.outcome) == ("registered", "waitlisted")
    return act, carla, dirk


def _records(act, carla) -> dict:
    ids = {"activity_id": act["id"], "token": carla.token, "registration_id": carla.registration["id"]}
    return {"organisations": ids, "people": ids, "": ids}


def _body(method: str, route) -> dict | None:
    if method == "POST" and route.path.endswith("/registrations"):
        return {"name": "Eva Nieuw", "email": f"eva{uuid.uuid4().hex[:6]}@nieuw.example", "consent": True}
    return {"remarks": "graag vegetarisch"} if method == "PATCH" else None


# ---------------------------------------------------------------- rate limits
def test_the_walk_finds_the_open_routes():
    assert {route.path for _, route in OPEN} >= {
        f"{PREFIX}/health", f"{PREFIX}/public/activities/{{activity_id}}", f"{PREFIX}/public/registration/{{token}}",
        f"{PREFIX}/calendar/public.ics", f"{PREFIX}/calendar/personal/{{token}}.ics"}


@pytest.mark.parametrize(("method", "route"), OPEN, ids=[f"{m} {r.path}" for m, r in OPEN])
def test_every_open_route_is_rate_limited_per_address(method, route, lab, client, monkeypatch):
    monkeypatch.setenv("LO_PUBLIC_RATE_LIMIT", "3")
    settings.reset()
    try:
        url = _url(route, _records(lab[0], lab[1]))
        codes = [client.request(method, url, json=_body(method, route)).status_code for _ in range(4)]
        assert 429 not in codes[:3] and codes[3] == 429, codes
        refused = client.request(method, url, json=_body(method, route))
        assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 60
        assert "429" in API.openapi()["paths"][route.path][method.lower()]["responses"]  # documented
        assert refused.json()["detail"].startswith("Te veel aanvragen")
        assert refused.headers["content-security-policy"] == CSP
    finally:
        monkeypatch.delenv("LO_PUBLIC_RATE_LIMIT")
        settings.reset()


def test_the_window_slides_and_each_address_counts_alone(sql_db):
    limiter = RateLimiter(f"t{uuid.uuid4().hex[:6]}")
    start = 1_800_000_000 // 60 * 60  # the start of a minute
    assert all(limiter.allow("10.0.0.1", 5, now=start + 50)[0] for _ in range(5))
    assert limiter.allow("10.0.0.1", 5, now=start + 50) == (False, 10)
    assert limiter.allow("10.0.0.2", 5, now=start + 50)[0]  # another address
    # 6 hits in the previous minute: 15 s into the next one, 6 * 0.75 = 4.5 still count
    assert not limiter.allow("10.0.0.1", 5, now=start + 75)[0]
    assert limiter.allow("10.0.0.1", 10, now=start + 110)[0]  # 6 * 1/6 + 2 hits: well under 10
    assert limiter.allow("10.0.0.1", 5, now=start + 200)[0]  # two minutes on: forgotten


def test_the_count_is_shared_by_worker_processes(lo_env, sql_db):
    """Another Python process (its own engine, like a second backend worker) spends the
    same address's allowance: this process is refused afterwards."""
    address = f"10.9.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    code = ("from lo_network.ratelimit import public_limiter as p; "
            f"print([p.allow({address!r}, 4)[0] for _ in range(4)])")
    done = subprocess.run([sys.executable, "-c", code], env=dict(os.environ), capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[True, True, True, True]"
    allowed, wait = public_limiter.allow(address, 4)
    assert not allowed and wait >= 1


# ---------------------------------------------------------------- tokens
def test_tokens_cannot_be_guessed_and_are_stored_hashed(lab, tmp_path):
    act, carla, dirk = lab
    tokens = {reg_domain.new_token()[0] for _ in range(2000)}
    assert len(tokens) == 2000
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{43}", t) for t in tokens)  # 32 random bytes = 256 bits
    alphabet = set("".join(tokens))
    assert len(alphabet) == 64  # the whole URL-safe alphabet is in use: no structure to guess
    backup.export_all(tmp_path / "dump")
    dumped = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "dump" / "graph").glob("*.jsonl"))
    for token in (carla.token, dirk.token):
        assert token not in dumped and reg_domain.token_hash(token) in dumped
    sql_rows = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "dump" / "sql").glob("*.jsonl")
                         if p.name != "lo_outbox_email.jsonl")  # the outbox holds the email, link included
    assert carla.token not in sql_rows


def test_a_token_close_to_a_real_one_finds_nothing(lab, client):
    act, carla, _ = lab
    token = carla.token
    near = [token[:-1] + ("A" if token[-1] != "A" else "B"), token.upper(), token + "x", token[:20], "", " " + token]
    for guess in near:
        answer = client.get(f"{PREFIX}/public/registration/{guess}")
        assert answer.status_code in (404, 405), (guess, answer.status_code)
    assert client.get(f"{PREFIX}/public/registration/{token}").status_code == 200


def test_after_cancelling_the_link_only_shows_and_after_the_end_it_is_gone(lab, client, monkeypatch):
    act, carla, dirk = lab
    link = f"{PREFIX}/public/registration/{carla.token}"
    assert client.delete(link).json()["status"] == "cancelled"
    again = client.patch(link, json={"remarks": "toch wel"})
    assert again.status_code == 422 and "status" in again.json()["errors"]
    assert client.get(link).json()["registration"]["status"] == "cancelled"  # still shows what happened
    assert client.delete(link).json()["status"] == "cancelled"  # no second promotion, nothing changes
    # Dirk was promoted with a fresh link in his email: the link of the waiting list stops working
    assert client.get(f"{PREFIX}/public/registration/{dirk.token}").status_code == 404
    # the activity has ended (the clock moved on): every use of a link answers 410 Gone
    ended = datetime.now(timezone.utc) + timedelta(days=31)
    monkeypatch.setattr(reg_service, "now", lambda: ended)
    for method in ("GET", "PATCH", "DELETE"):
        answer = client.request(method, link, json={"remarks": "x"} if method == "PATCH" else None)
        assert answer.status_code == 410, (method, answer.text)


def test_a_new_calendar_feed_link_ends_the_old_one(graph, users, client):
    first = activities.new_feed_token(users["steering"])
    assert client.get(f"{PREFIX}/calendar/personal/{first}.ics").status_code == 200
    second = activities.new_feed_token(users["steering"])
    assert client.get(f"{PREFIX}/calendar/personal/{first}.ics").status_code == 404
    assert client.get(f"{PREFIX}/calendar/personal/{second}.ics").status_code == 200


# ---------------------------------------------------------------- nobody lists other registrants
@pytest.mark.parametrize(("method", "route"), OPEN, ids=[f"{m} {r.path}" for m, r in OPEN])
def test_no_open_route_shows_another_registrant(method, route, lab, client):
    act, carla, dirk = lab
    answer = client.request(method, _url(route, _records(act, carla)), json=_body(method, route))
    assert answer.status_code < 500
    text = answer.text
    for secret in ("Dirk", "Geheimhouder", "dirk@verborgen.example", "Verborgen Logistiek", dirk.token,
                   dirk.registration["id"]):
        assert secret not in text, (secret, text[:300])
    for number in ("capacity", "registered", "waitlisted", "waiting"):
        assert not re.search(rf'"{number}"\s*:\s*\d', text), text[:300]  # no counts either


# ---------------------------------------------------------------- security headers per class of answer
def _headers_ok(answer) -> None:
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "content-security-policy" in answer.headers and "frame-ancestors 'none'" in answer.headers[
        "content-security-policy"]


def test_every_class_of_answer_has_the_security_headers(lab, client, users):
    from lo_network.services.accounts import create_api_token

    act, carla, _ = lab
    admin = {"Authorization": f"Bearer {create_api_token(users['admin'].email)}"}
    seen = {
        "json": client.get(f"{PREFIX}/organisations", headers=admin),
        "file csv": client.get(f"{PREFIX}/activities/{act['id']}/attendees.csv", headers=admin),
        "file xlsx": client.get(f"{PREFIX}/people/export?format=xlsx", headers=admin),
        "calendar": client.get(f"{PREFIX}/calendar/public.ics"),
        "html": client.get(f"{PREFIX}/docs"),
        "401": client.get(f"{PREFIX}/organisations"),
        "403": client.delete(f"{PREFIX}/organisations/x",
                             headers={"Authorization": f"Bearer {create_api_token(users['steering'].email)}"}),
        "404": client.get(f"{PREFIX}/activities/nope", headers=admin),
        "405": client.put(f"{PREFIX}/health"),
        "422": client.post(f"{PREFIX}/organisations", headers=admin, json={"name": ""}),
        "unreadable": client.post(f"{PREFIX}/organisations", headers=admin | {"content-type": "application/json"}, content=b"\xff{"),
    }
    expected = {"json": 200, "file csv": 200, "file xlsx": 200, "calendar": 200, "html": 200, "401": 401, "403": 403,
                "404": 404, "405": 405, "422": 422, "unreadable": 422}
    assert {k: v.status_code for k, v in seen.items()} == expected
    for kind, answer in seen.items():
        _headers_ok(answer)
    assert seen["unreadable"].json()["errors"].keys() == {"body"}


def test_a_server_error_carries_the_headers_too(sql_db):
    app = create_api()

    @app.get(f"{PREFIX}/boom")
    def boom():
        raise RuntimeError("boom")

    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get(f"{PREFIX}/boom")
    assert answer.status_code == 500 and "boom" not in answer.text
    _headers_ok(answer)
