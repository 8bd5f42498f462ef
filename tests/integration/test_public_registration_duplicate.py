"""The public registration answers an address that is already registered exactly as it
answers a new one (API and page), so it tells nobody who is registered; the address's owner
gets an email with a fresh personal link instead, nothing is stored twice, and both paths do
the same work (the same queries, writes, audit entries and emails)."""

from __future__ import annotations

from collections import Counter

import pytest
from starlette.testclient import TestClient

from lo_network.api.app import PREFIX, create_api
from lo_network.ratelimit import public_limiter
from lo_network.services import outbox
from lo_network.services import registrations
from lo_network.sqlstore import outbox as outbox_rows
from tests.integration.test_activities import clean, make  # noqa: F401  (clean: a fixture)
from tests.integration.test_directory_walk import Visit

LINK = "/aanmelding/"


@pytest.fixture
def fair(clean, users):
    public_limiter.reset()
    return make(users["organiser"], title="Logistiekdag Zwolle", capacity="2")


def _post(client: TestClient, activity_id: str, name: str, email: str):
    return client.post(f"{PREFIX}/public/activities/{activity_id}/registrations",
                       json={"name": name, "email": email, "consent": True})


def _emails(activity_id: str) -> list[tuple[str, str]]:
    return [(e.kind, e.to_address) for e in outbox_rows.for_activity(activity_id)]


def _link_in(body: str) -> str:
    return next(word for word in body.split() if LINK in word).rsplit("/", 1)[1]


def test_the_api_answers_a_registered_address_as_a_new_one(fair, users):
    with TestClient(create_api()) as client:
        new = _post(client, fair["id"], "Jo de Wit", "jo@dewit.example")
        again = _post(client, fair["id"], "Iemand Anders", "JO@dewit.example")
    assert (new.status_code, again.status_code) == (201, 201)
    assert new.json() == {"outcome": "registered", "name": "Jo de Wit"}
    assert again.json() == {"outcome": "registered", "name": "Iemand Anders"}  # as for anyone new
    assert sorted(new.headers) == sorted(again.headers)
    # nothing stored twice: one registration, as Jo made it
    rows = registrations.list_for_activity(users["organiser"], fair["id"])
    assert [(r["name"], r["email"], r["status"]) for r in rows] == [("Jo de Wit", "jo@dewit.example", "registered")]
    # the owner hears of it, with a personal link that works
    assert _emails(fair["id"]) == [("already", "jo@dewit.example"), ("confirmation", "jo@dewit.example")]
    notice = next(e for e in outbox_rows.for_activity(fair["id"]) if e.kind == "already")
    assert "U bent al aangemeld voor: Logistiekdag Zwolle" in notice.body and "already registered" in notice.body
    registration, _ = registrations.view_by_token(_link_in(notice.body))
    assert registration["name"] == "Jo de Wit"
    assert "Iemand Anders" not in notice.body  # the notice does not pass on what a stranger typed


def test_a_full_activity_answers_the_waiting_list_for_both(fair):
    with TestClient(create_api()) as client:
        for n in (1, 2):
            assert _post(client, fair["id"], f"Deelnemer {n}", f"d{n}@x.example").json()["outcome"] == "registered"
        new = _post(client, fair["id"], "Nieuw", "nieuw@x.example").json()
        again = _post(client, fair["id"], "Deelnemer 1", "d1@x.example").json()  # registered, not waiting
    assert new["outcome"] == again["outcome"] == "waitlisted"  # what a new registration gets now


def test_the_page_shows_the_same_for_a_registered_address(fair, users):
    def submit(name: str, email: str) -> dict:
        visit = Visit(None, users)
        visit.open("aanmelden/[public_activity_id]", {"public_activity_id": fair["id"]})
        from lo_network.states.public_registration import PublicRegistrationState

        state = visit.root.get_substate(PublicRegistrationState.get_full_name().split("."))
        for field, value in (("name", name), ("email", email)):
            state.set_public_value(field, value)
        state.set_consent(True)
        state.submit_registration()
        sent = state.dict()[state.get_full_name()]
        return {k: v for k, v in sent.items() if not k.startswith("form")}

    assert submit("Jo de Wit", "jo@dewit.example") == submit("Jo de Wit", "jo@dewit.example")
    assert len(registrations.list_for_activity(users["organiser"], fair["id"])) == 1
    assert [kind for kind, _ in _emails(fair["id"])] == ["already", "confirmation"]


def test_both_paths_do_the_same_work(fair, monkeypatch):
    """Not noticeably more work on one path: the same graph queries, transactions, audit
    entries and emails (a timing difference would have to come from the graph itself)."""
    from lo_network.sqlstore import audit as log
    from lo_network.sqlstore import sql
    from lo_network.store import driver
    from lo_network.store import registrations as store

    calls: Counter = Counter()

    def counted(name, fn):
        def wrapper(*args, **kwargs):
            calls[name if name != "query" else f"query {args[0]}"] += 1
            return fn(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(store, "q", counted("query", store.q))
    for module, name in ((driver, "read"), (driver, "write"), (log, "entry"), (outbox, "prepare"), (sql, "save")):
        monkeypatch.setattr(module, name, counted(name, getattr(module, name)))

    def work(name: str, email: str) -> Counter:
        calls.clear()
        registrations.answer_public(fair["id"], {"name": name, "email": email, "consent": True})
        return Counter({k.replace("create", "write").replace("update_details", "write"): v for k, v in calls.items()})

    new, again = work("Jo de Wit", "jo@dewit.example"), work("Jo de Wit", "jo@dewit.example")
    assert new == again, (new, again)
    assert new["write"] == 1 and new["entry"] == 1 and new["prepare"] == 1 and new["save"] == 1
