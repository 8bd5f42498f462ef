"""Activities and registrations against the real embedded graph: CRUD, the capacity race,
promotion on cancel, personal links and their expiry, check-in, exports."""

from __future__ import annotations

import io
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from lo_network.domain.activities import TZ
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import PermissionDenied
from lo_network.services import activities, registrations
from lo_network.sqlstore import sql
from lo_network.sqlstore.models import OutboxEmail
from lo_network.store import activities as activity_store


def local(days: int, hour: int = 9) -> str:
    when = (datetime.now(TZ) + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
    return when.strftime("%d-%m-%Y %H:%M")


@pytest.fixture
def clean(graph, sql_db):
    activity_store.wipe()
    with sql.session() as db:
        for row in db.exec(select(OutboxEmail)):
            db.delete(row)
        db.commit()
    yield


def make(actor, **overrides):
    raw = {"title": "Handelsmissie Baltische staten", "kind": "trade_mission", "themes": ["international"],
           "region": "zwolle", "corridor": "north_sea_baltic", "starts_at": local(20), "ends_at": local(22, 17),
           "location": "Riga", "visibility": "public", "capacity": "50"}
    raw.update(overrides)
    return activities.create(actor, raw, via="test")


def emails(kind: str | None = None) -> list[OutboxEmail]:
    with sql.session() as db:
        rows = list(db.exec(select(OutboxEmail).order_by(OutboxEmail.id)))
    return [r for r in rows if kind is None or r.kind == kind]


def test_create_get_update_delete_with_organisers(clean, users):
    from lo_network.services import organisations

    port = organisations.create(users["admin"], {"name": "Port of Zwolle", "kind": "port_network"}, via="test")
    act = make(users["organiser"], organiser_ids=[port["id"]])
    assert act["title"] == "Handelsmissie Baltische staten"
    assert [o["name"] for o in act["organisers"]] == ["Port of Zwolle"]
    assert act["capacity"] == 50 and act["ics_sequence"] == 0
    got = activities.get(users["steering"], act["id"])
    assert got["kind"] == "trade_mission" and got["corridor"] == "north_sea_baltic"

    same = activities.update(users["organiser"], act["id"], {"capacity": "60", "themes": []}, via="test")
    assert same["ics_sequence"] == 0 and same["capacity"] == 60  # not part of the invitation
    moved = activities.update(users["organiser"], act["id"], {"location": "Tallinn"}, via="test")
    assert moved["ics_sequence"] == 1
    assert moved["organisers"][0]["id"] == port["id"]

    with pytest.raises(PermissionDenied):
        activities.update(users["steering"], act["id"], {"title": "x"}, via="test")
    with pytest.raises(PermissionDenied):
        activities.create(users["coordinator"], {"title": "x"}, via="test")
    assert activities.delete(users["organiser"], act["id"], via="test") == "Handelsmissie Baltische staten"
    with pytest.raises(NotFound):
        activities.get(users["admin"], act["id"])


def test_validation_names_each_field(clean, users):
    with pytest.raises(ValidationError) as caught:
        activities.create(users["organiser"], {"title": "", "kind": "party", "starts_at": "31-02-2026 10:00",
                                               "ends_at": "", "capacity": "-3", "online_url": "ftp:x",
                                               "organiser_ids": ["nope"]}, via="test")
    assert {"title", "kind", "starts_at", "ends_at", "capacity", "online_url"} <= set(caught.value.errors)
    with pytest.raises(ValidationError) as caught:
        make(users["organiser"], organiser_ids=["no-such-organisation"])
    assert set(caught.value.errors) == {"organiser_ids"}


def test_list_filters_sorts_and_pages_in_the_graph(clean, users):
    for n in range(7):
        make(users["organiser"], title=f"Logistiek café {n}", kind="cafe", starts_at=local(3 + n),
             ends_at=local(3 + n, 17), themes=["accessibility"] if n % 2 else [])
    make(users["organiser"], title="Oude beurs", kind="fair", starts_at=local(-10), ends_at=local(-9, 17))
    page = activities.list_page(users["steering"], {"kind": "cafe"}, "starts", 1, 25)
    assert page.total == 7 and [a["title"] for a in page.items][:2] == ["Logistiek café 0", "Logistiek café 1"]
    assert activities.list_page(users["steering"], {"theme": "accessibility"}).total == 3
    assert activities.list_page(users["steering"], {"when": "past"}).items[0]["title"] == "Oude beurs"
    assert activities.list_page(users["steering"], {"when": "upcoming"}).total == 7
    assert activities.list_page(users["steering"], {"text": "CAFE 6"}).total == 1
    desc = activities.list_page(users["steering"], {}, "-starts", 1, 25)
    assert desc.items[0]["title"] == "Logistiek café 6"


@pytest.mark.parametrize("turns", ["in the graph only", "in turn in this process"])
def test_capacity_race_200_for_50_seats(clean, users, monkeypatch, turns):
    """200 people register at the same moment for 50 seats: exactly 50 get a seat, the other
    150 wait in the order they arrived, nobody is in twice (30 of them try twice).

    Once as the app runs (this process's registrations for one activity take turns, several
    in one transaction), once with that switched off: each registration is its own
    transaction and the threads meet in the graph, whose transaction alone must keep the
    count right (as between two workers)."""
    from lo_network.store import registrations as registration_store

    if turns == "in the graph only":
        monkeypatch.setattr(registration_store, "register_in_turn", lambda activity_id, registrant, **kwargs:
                            registration_store.write_contended(registration_store.register, activity_id, registrant,
                                                               **kwargs))
    act = make(users["organiser"], capacity="50")
    workers = 24
    start = threading.Barrier(workers)  # the first wave leaves together

    def one(n: int):
        if first_wave.pop() if first_wave else False:
            start.wait()
        return registrations.register_public(act["id"], {"name": f"Deelnemer {n}", "email": f"p{n % 200}@race.example",
                                                         "consent": True})

    first_wave = [True] * workers
    people = list(range(200)) + list(range(30))  # 30 try a second time
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(one, people))
    counts = Counter(o.outcome for o in outcomes)
    assert counts == {"registered": 50, "waitlisted": 150, "duplicate": 30}, counts

    rows = registrations.list_for_activity(users["steering"], act["id"])
    assert len(rows) == 200
    assert len({r["email"] for r in rows}) == 200
    registered = [r for r in rows if r["status"] == "registered"]
    waiting = [r for r in rows if r["status"] == "waitlisted"]
    assert len(registered) == 50 and len(waiting) == 150
    # arrival order: every registered person arrived before everyone on the waiting list,
    # and the list is kept in arrival order
    assert max(r["position"] for r in registered) < min(r["position"] for r in waiting)
    positions = [r["position"] for r in waiting]
    assert positions == sorted(positions) and len(set(positions)) == 150
    stamps = [r["registered_at"] for r in sorted(registered + waiting, key=lambda r: r["position"])]
    assert stamps == sorted(stamps)
    assert activities.get(users["admin"], act["id"])["registered"] == 50
    assert len(emails("confirmation")) == 50 and len(emails("waitlist")) == 150


def test_a_registration_that_cannot_be_written_leaves_the_others_of_its_turn_whole(clean, users):
    """Registrations that arrive together are written in one transaction; when one of them
    fails, the others are written each on their own and only that one gets the error."""
    from lo_network.domain import registrations as domain
    from lo_network.store import registrations as registration_store

    act = make(users["organiser"], capacity="1")

    def request(name: str) -> object:
        registrant = domain.validate_registrant({"name": name, "email": f"{name.lower()}@turn.example"}, public=False)
        return registration_store._Request({"registrant": registrant, "person_id": None, "organisation_id": None,
                                            "organisation_proposed": False, "token_hash": name, "via": "test"})

    first, broken, last = request("Eerste"), request("Kapot"), request("Laatste")
    broken.kwargs["registrant"] = {"email_key": "kapot@turn.example"}  # no name: the write fails
    registration_store._write_batch(act["id"], [first, broken, last])
    assert first.done and broken.done and last.done
    assert first.result["outcome"] == "registered" and last.result["outcome"] == "waitlisted"
    assert isinstance(broken.error, KeyError) and broken.result is None
    rows = registrations.list_for_activity(users["admin"], act["id"])
    assert sorted(r["name"] for r in rows) == ["Eerste", "Laatste"]


def test_cancel_promotes_the_first_waiting_and_tells_them(clean, users):
    act = make(users["organiser"], capacity="2")
    outs = [registrations.register_public(act["id"], {"name": f"P{n}", "email": f"p{n}@x.example", "consent": True})
            for n in range(4)]
    assert [o.outcome for o in outs] == ["registered", "registered", "waitlisted", "waitlisted"]

    cancelled = registrations.cancel_by_token(outs[0].token)
    assert cancelled["status"] == "cancelled"
    assert cancelled["promoted"] == [outs[2].registration["id"]]
    by_name = {r["name"]: r["status"] for r in registrations.list_for_activity(users["admin"], act["id"])}
    assert by_name == {"P0": "cancelled", "P1": "registered", "P2": "registered", "P3": "waitlisted"}
    promotion = emails("promotion")
    assert [e.to_address for e in promotion] == ["p2@x.example"]
    assert "METHOD:REQUEST" in promotion[0].ics
    # the promotion email carries a working personal link
    link = promotion[0].body.split("/aanmelding/")[1].split()[0]
    registration, _ = registrations.view_by_token(link)
    assert registration["name"] == "P2" and registration["status"] == "registered"
    assert "METHOD:CANCEL" in emails("cancellation")[0].ics

    # cancelling a waiting person promotes nobody; more capacity promotes the rest
    registrations.cancel(users["organiser"], outs[3].registration["id"], via="test")
    assert len(emails("promotion")) == 1
    again = registrations.register_public(act["id"], {"name": "P0", "email": "p0@x.example", "consent": True})
    assert again.outcome == "waitlisted"  # came back, at the end of the queue
    activities.update(users["organiser"], act["id"], {"capacity": "5"}, via="test")
    statuses = Counter(r["status"] for r in registrations.list_for_activity(users["admin"], act["id"]))
    assert statuses == {"registered": 3, "cancelled": 1}


def test_personal_link_view_change_cancel_and_expiry(clean, users):
    act = make(users["organiser"])
    out = registrations.register_public(act["id"], {"name": "Eva Smit", "email": "Eva.Smit@Example.NL",
                                                    "organisation_name": "Nieuw BV", "consent": "on"})
    assert out.registration["email"] == "Eva.Smit@example.nl"  # domain normalised
    assert out.registration["organisation_proposed"] is True
    assert len(out.token) >= 40 and out.token not in str(out.registration)
    registration, activity = registrations.view_by_token(out.token)
    assert registration["id"] == out.registration["id"] and activity["id"] == act["id"]
    changed = registrations.change_by_token(out.token, {"organisation_name": "Nieuw Logistiek BV", "remarks": "vegetarisch"})
    assert changed["remarks"] == "vegetarisch"
    assert emails("change")[-1].to_address == "Eva.Smit@example.nl"
    with pytest.raises(NotFound):
        registrations.view_by_token(out.token[:-2] + "xx")

    # the activity moves into the past: the link has expired
    activities.update(users["organiser"], act["id"], {"starts_at": local(-3), "ends_at": local(-2, 17),
                                                      "registration_closes": ""}, via="test")
    with pytest.raises(registrations.LinkExpired):
        registrations.view_by_token(out.token)
    with pytest.raises(registrations.LinkExpired):
        registrations.cancel_by_token(out.token)


def test_public_registration_rules(clean, users):
    from lo_network.services import organisations

    organisations.create(users["admin"], {"name": "Koel- en Vrieshuis Zwolle", "kind": "company"}, via="test")
    act = make(users["organiser"])
    with pytest.raises(ValidationError) as caught:
        registrations.register_public(act["id"], {"name": "", "email": "geen-email", "consent": False})
    assert set(caught.value.errors) == {"name", "email", "consent"}
    matched = registrations.register_public(act["id"], {"name": "Jan", "email": "jan@kvz.example",
                                                        "organisation_name": "koel- en vrieshuis ZWOLLE",
                                                        "consent": True})
    assert matched.registration["organisation_proposed"] is False
    assert matched.registration["organisation_name"] == "Koel- en Vrieshuis Zwolle"
    closed = make(users["organiser"], title="Besloten", visibility="invite")
    with pytest.raises(NotFound):
        registrations.register_public(closed["id"], {"name": "Jan", "email": "jan@x.example", "consent": True})
    later = make(users["organiser"], title="Later", registration_opens=local(5))
    with pytest.raises(ValidationError) as caught:
        registrations.register_public(later["id"], {"name": "Jan", "email": "jan@x.example", "consent": True})
    assert "activity" in caught.value.errors


def test_organiser_registers_known_people_checks_in_and_exports(clean, users):
    import pandas as pd
    from lo_network.services import organisations, people

    org = organisations.create(users["admin"], {"name": "Transport Twente BV", "kind": "company"}, via="test")
    ids = [people.create(users["admin"], {"first_name": "Piet", "last_name": f"Bakker {n}", "email": f"piet{n}@tt.example",
                                                   "consent_basis": "legitimate_interest", "consent_date": "01-01-2024"},
                         via="test", employment={"organisation_id": org["id"], "role": "Planner"})["id"]
           for n in range(3)]
    act = make(users["organiser"], capacity="2")
    found = registrations.lookup_people(users["organiser"], "bakker")
    assert {p["id"] for p in found} == set(ids)
    outs = registrations.register_people(users["organiser"], act["id"], ids + [ids[0]], via="test")
    assert [o.outcome for o in outs] == ["registered", "registered", "waitlisted"]
    assert registrations.register_people(users["organiser"], act["id"], [ids[0]], via="test")[0].outcome == "duplicate"
    with pytest.raises(PermissionDenied):
        registrations.register_people(users["steering"], act["id"], ids, via="test")

    rows = registrations.list_for_activity(users["organiser"], act["id"], text="bakker 1")
    assert [r["name"] for r in rows] == ["Piet Bakker 1"] and rows[0]["organisation_id"] == org["id"]
    registrations.check_in(users["organiser"], act["id"], rows[0]["id"], True, via="test")
    walk = registrations.walk_in(users["organiser"], act["id"], {"name": "Lotte Loper", "organisation_name": "Transport Twente BV"}, via="test")
    assert walk.outcome == "walk_in"
    with pytest.raises(ValidationError):
        registrations.mark_no_shows(users["organiser"], act["id"], via="test")  # not over yet

    content, name, media = registrations.export(users["steering"], act["id"], "csv")
    frame = pd.read_csv(io.BytesIO(content), sep=";", encoding="utf-8-sig")
    assert name.endswith(".csv") and list(frame.columns)[:4] == ["Naam", "Organisatie", "E-mail", "Status"]
    assert len(frame) == 4
    present = frame[frame["Aanwezigheid"] == "Aanwezig"]["Naam"].tolist()
    assert sorted(present) == ["Lotte Loper", "Piet Bakker 1"]
    content, name, _ = registrations.export(users["steering"], act["id"], "xlsx", lang="en")
    sheet = pd.read_excel(io.BytesIO(content))
    assert len(sheet) == 4 and "Attendance" in sheet.columns

    activities.update(users["organiser"], act["id"], {"starts_at": local(-2), "ends_at": local(-1, 17),
                                                      "registration_closes": ""}, via="test")
    assert registrations.mark_no_shows(users["organiser"], act["id"], via="test") == 1
    after = {r["name"]: r["attendance"] for r in registrations.list_for_activity(users["admin"], act["id"])}
    assert after["Piet Bakker 0"] == "no_show" and after["Piet Bakker 1"] == "present"
    assert after["Piet Bakker 2"] == ""  # on the waiting list: no seat, no no-show


def test_coordinator_confirms_a_proposed_organisation(clean, users):
    from lo_network.services import organisations

    act = make(users["organiser"])
    out = registrations.register_public(act["id"], {"name": "Kees", "email": "kees@nieuw.example",
                                                    "organisation_name": "Nieuw Transport Hardenberg", "consent": True})
    with pytest.raises(PermissionDenied):
        registrations.confirm_organisation(users["organiser"], out.registration["id"], "company", via="test")
    done = registrations.confirm_organisation(users["coordinator"], out.registration["id"], "company", via="test")
    created = organisations.get(users["steering"], done["organisation_id"])
    assert created["name"] == "Nieuw Transport Hardenberg" and created["kind"] == "company"
    [row] = registrations.list_for_activity(users["steering"], act["id"])
    assert row["organisation_proposed"] is False and row["organisation_id"] == created["id"]
    with pytest.raises(ValidationError):  # nothing left to confirm
        registrations.confirm_organisation(users["coordinator"], out.registration["id"], "company", via="test")
    # a second registrant proposing the same name is linked to the organisation now known
    again = registrations.register_public(act["id"], {"name": "Els", "email": "els@nieuw.example",
                                                      "organisation_name": "nieuw transport hardenberg", "consent": True})
    assert again.registration["organisation_proposed"] is False


def test_demo_activities_load_once(clean, users):
    from lo_network.seed import activities as demo_activities
    from lo_network.seed import demo

    demo.seed(replace=True, organisations=60)
    assert demo_activities.seed().startswith("demo activities loaded: 6 activities")
    assert demo_activities.seed().startswith("demo activities not loaded")
    page = activities.list_page(users["steering"], {}, "starts", 1, 25)
    assert page.total == 6
    past = activities.list_page(users["steering"], {"when": "past"}).items
    assert [a["title"] for a in past] == ["Logistiek café Deventer"]
    rows = registrations.list_for_activity(users["steering"], past[0]["id"])
    assert {r["attendance"] for r in rows if r["status"] == "registered"} == {"present", "no_show"}
    mission = activities.list_page(users["steering"], {"kind": "trade_mission"}).items[0]
    assert mission["registered"] == 20 and mission["waitlisted"] == 4


def test_participation_history_of_a_person(clean, users):
    from lo_network.services import people

    person = people.create(users["admin"], {"first_name": "Mira", "last_name": "Kok", "email": "mira@kok.example",
                                            "consent_basis": "consent", "consent_date": "01-01-2024"}, via="test")
    first = make(users["organiser"], title="Café januari", kind="cafe", starts_at=local(2), ends_at=local(2, 12))
    second = make(users["organiser"], title="Beurs Antwerpen", kind="fair", starts_at=local(9), ends_at=local(9, 17))
    registrations.register_people(users["organiser"], first["id"], [person["id"]], via="test")
    registrations.register_public(second["id"], {"name": "Mira Kok", "email": "MIRA@kok.example", "consent": True})
    history = registrations.participation(users["steering"], person["id"])
    assert [(h["title"], h["status"]) for h in history] == [("Beurs Antwerpen", "registered"), ("Café januari", "registered")]


def test_living_lab_partners_milestones_and_sessions(clean, users):
    from lo_network.services import organisations

    ut = organisations.create(users["admin"], {"name": "Universiteit Twente", "kind": "knowledge_institute"}, via="t")
    port = organisations.create(users["admin"], {"name": "Port of Twente", "kind": "port_network"}, via="t")
    lab = make(users["organiser"], title="Living lab digitale tweeling Twentekanalen", kind="living_lab",
               starts_at=local(1), ends_at=local(200, 17), capacity="")
    activities.set_partner(users["organiser"], lab["id"], port["id"], "lead", via="t")
    activities.set_partner(users["organiser"], lab["id"], ut["id"], "partner", via="t")
    record = activities.set_partner(users["organiser"], lab["id"], ut["id"], "knowledge_partner", via="t")
    assert [(p["name"], p["role"]) for p in record["partners"]] == [("Port of Twente", "lead"),
                                                                     ("Universiteit Twente", "knowledge_partner")]
    with pytest.raises(ValidationError) as caught:
        activities.set_partner(users["organiser"], lab["id"], ut["id"], "sponsor", via="t")
    assert list(caught.value.errors) == ["role"]
    with pytest.raises(PermissionDenied):
        activities.set_partner(users["steering"], lab["id"], ut["id"], "lead", via="t")

    late = activities.add_milestone(users["organiser"], lab["id"], {"title": "Eindrapport", "due": "01-06-2027"}, via="t")
    early = activities.add_milestone(users["organiser"], lab["id"], {"title": "Sensoren geplaatst", "due": "2026-12-01"}, via="t")
    with pytest.raises(ValidationError) as caught:
        activities.add_milestone(users["organiser"], lab["id"], {"title": "", "due": "morgen"}, via="t")
    assert set(caught.value.errors) == {"milestone_title", "milestone_due"}
    activities.set_milestone_done(users["organiser"], lab["id"], early["id"], True, via="t")
    activities.delete_milestone(users["organiser"], lab["id"], late["id"], via="t")

    session = make(users["organiser"], title="Werksessie sensoren", kind="cafe", project_id=lab["id"])
    got = activities.get(users["steering"], lab["id"])
    assert [(m["title"], m["done"]) for m in got["milestones"]] == [("Sensoren geplaatst", True)]
    assert [s["title"] for s in got["sessions"]] == ["Werksessie sensoren"]
    assert activities.get(users["steering"], session["id"])["project"]["id"] == lab["id"]
    with pytest.raises(ValidationError) as caught:  # only under a living lab or project
        make(users["organiser"], title="Onder een café", project_id=session["id"])
    assert list(caught.value.errors) == ["project_id"]
    with pytest.raises(ValidationError):  # partners only for living labs and projects
        activities.set_partner(users["organiser"], session["id"], ut["id"], "lead", via="t")
    activities.update(users["organiser"], session["id"], {"project_id": ""}, via="t")
    assert activities.get(users["admin"], lab["id"])["sessions"] == []
    activities.delete(users["organiser"], lab["id"], via="t")
