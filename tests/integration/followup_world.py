"""A small network with known follow-up answers, built through the services on the
real graph: past activities with people present, employments with dates, a living lab, and
consent records that lapse in 30 and in 200 days."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from lo_network.domain.activities import TZ
from lo_network.domain.followup import add_months
from lo_network.services import activities, consent, organisations, people, registrations


def today() -> date:
    return datetime.now(TZ).date()


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=TZ)


@dataclass
class World:
    orgs: dict[str, str] = field(default_factory=dict)     # short name -> id
    people: dict[str, str] = field(default_factory=dict)
    activities: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)   # activity short name -> title


def _activity(admin, w: World, key: str, title: str, day: date, kind: str = "cafe", days: int = 0) -> str:
    start = at(day)
    record = activities.create(admin, {
        "title": title, "kind": kind, "themes": [], "visibility": "public", "location": "Zwolle",
        "starts_at": start.strftime("%d-%m-%Y %H:%M"),
        "ends_at": (start + timedelta(days=days, hours=3)).strftime("%d-%m-%Y %H:%M")}, via="test")
    w.activities[key], w.titles[key] = record["id"], title
    return record["id"]


def _present(admin, monkeypatch, activity_id: str, day: date, *person_ids: str) -> None:
    """Registered while it was open (the clock set to the day before), then checked in."""
    monkeypatch.setattr(registrations, "now", lambda: at(day - timedelta(days=1)))
    for outcome in registrations.register_people(admin, activity_id, list(person_ids), via="test"):
        registrations.check_in(admin, activity_id, outcome.registration["id"], True, via="test")
    monkeypatch.undo()


def _org(admin, w: World, key: str, name: str, status: str, region: str = "zwolle", kind: str = "company") -> str:
    w.orgs[key] = organisations.create(admin, {"name": name, "kind": kind, "status": status, "region": region,
                                               "themes": ["international"] if region == "twente" else []},
                                       via="test")["id"]
    return w.orgs[key]


def _person(admin, w: World, key: str, org_key: str | None, since: str = "2015-01-01", until: str = "",
            **fields) -> str:
    raw = {"first_name": key.title(), "last_name": "Test", "email": f"{key}@followup.example"} | fields
    employment = {"organisation_id": w.orgs[org_key], "role": "Planner", "since": since, "until": until} \
        if org_key else None
    w.people[key] = people.create(admin, raw, via="test", employment=employment)["id"]
    if not fields:  # a basis to be invited (nobody is registered without one), none for the directory
        consent.add(admin, w.people[key], {"purpose": "invitations", "basis": "legitimate_interest",
                                           "date": "2015-01-01"}, via="test")
    return w.people[key]


def build(admin, monkeypatch) -> World:
    w = World()
    now = today()
    cutoff = add_months(now, -12)
    # organisations
    _org(admin, w, "sleepy", "Slaap Transport BV", "participant", region="twente")  # last seen 13 months ago
    _org(admin, w, "busy", "Druk Vervoer BV", "participant")         # present twice lately: "twice"
    _org(admin, w, "partner", "Partner Logistiek BV", "partner")     # present twice, but partner
    _org(admin, w, "prospect", "Nieuw Prospect BV", "prospect")      # never anything, but not in the network
    _org(admin, w, "edge", "Rand Op Dag BV", "partner")              # present on the cutoff day: active
    _org(admin, w, "before", "Rand Dag Ervoor BV", "partner")        # a day before the cutoff: dormant
    _org(admin, w, "left", "Verlaten BV", "participant")             # the person had left by then
    _org(admin, w, "joined", "Later Gekomen BV", "participant")      # the person came after
    _org(admin, w, "lab", "Proeftuin Partner BV", "participant")     # partner in a running living lab
    _org(admin, w, "public", "Publiek Bezoek BV", "participant")     # a public registrant on its behalf was present
    # people
    _person(admin, w, "sara", "sleepy")
    _person(admin, w, "bob", "busy")
    _person(admin, w, "pim", "partner")
    _person(admin, w, "eddy", "edge")
    _person(admin, w, "bea", "before")
    _person(admin, w, "mover", "left", since="2015-01-01", until=(now - timedelta(days=200)).isoformat())
    people.add_employment(admin, w.people["mover"], {"organisation_id": w.orgs["joined"], "role": "Planner",
                                                     "since": (now - timedelta(days=30)).isoformat()}, via="test")
    # activities (all in the past) and who was present
    thirteen = add_months(now, -13)
    _present(admin, monkeypatch, _activity(admin, w, "old", "Logistiek café oud", thirteen), thirteen, w.people["sara"])
    for key, days in (("recent1", 40), ("recent2", 100)):
        day = now - timedelta(days=days)
        _present(admin, monkeypatch, _activity(admin, w, key, f"Logistiek café {days}", day), day,
                 w.people["bob"], w.people["pim"])
    day = now - timedelta(days=40)
    monkeypatch.setattr(registrations, "now", lambda: at(day - timedelta(days=1)))
    guest = registrations.register_contact(admin, w.activities["recent1"], {
        "name": "Gast Publiek", "email": "gast@publiek.example", "organisation_name": "Publiek Bezoek BV"}, via="test")
    registrations.check_in(admin, w.activities["recent1"], guest.registration["id"], True, via="test")
    monkeypatch.undo()
    _present(admin, monkeypatch, _activity(admin, w, "edge", "Café op de grens", cutoff), cutoff, w.people["eddy"])
    before = cutoff - timedelta(days=1)
    _present(admin, monkeypatch, _activity(admin, w, "before", "Café dag ervoor", before), before, w.people["bea"])
    between = now - timedelta(days=90)
    _present(admin, monkeypatch, _activity(admin, w, "between", "Café tussen twee banen", between), between,
             w.people["mover"])
    lab = _activity(admin, w, "lab", "Living lab Twentekanaal", add_months(now, -18), kind="living_lab", days=800)
    activities.set_partner(admin, lab, w.orgs["lab"], "partner", via="test")
    # consent: lapses in 30 days (records only, no directory basis), in 200 days, and by the general basis
    in_30 = add_months(now + timedelta(days=30), -24)
    in_200 = add_months(now + timedelta(days=200), -24)
    in_45 = add_months(now + timedelta(days=45), -24)
    soon = _person(admin, w, "soon", "sleepy", consent_basis="none")
    consent.add(admin, soon, {"purpose": "newsletter", "basis": "consent", "date": in_30.isoformat()}, via="test")
    later = _person(admin, w, "later", "busy", consent_basis="none")
    consent.add(admin, later, {"purpose": "newsletter", "basis": "consent", "date": in_200.isoformat()}, via="test")
    _person(admin, w, "general", "busy", consent_basis="consent", consent_date=in_45.isoformat(),
            consent_source="formulier")
    renewed = _person(admin, w, "renewed", "busy", consent_basis="none")
    consent.add(admin, renewed, {"purpose": "invitations", "basis": "consent", "date": in_30.isoformat()}, via="test")
    consent.add(admin, renewed, {"purpose": "invitations", "basis": "consent",
                                 "date": (now - timedelta(days=3)).isoformat()}, via="test")
    return w
