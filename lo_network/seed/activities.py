"""Demo activities: a handful of fictional Logistics Overijssel activities with
organisers from the demo network and some demo people registered, through the services
(so capacity, waiting list and outbox behave as in real use)."""

from __future__ import annotations

from datetime import datetime, timedelta

from lo_network.domain.activities import TZ
from lo_network.services import activities as activity_service
from lo_network.services import consent as consent_service
from lo_network.services import organisations as organisation_service
from lo_network.services import people as people_service
from lo_network.services import registrations as registration_service
from lo_network.services.accounts import CLI_ACTOR
from lo_network.store import activities as activity_store
from lo_network.store import driver

# (title, kind, themes, days from today, hours, location, capacity, visibility, organiser search, registrants)
DEMO = [
    ("Handelsmissie Baltische staten", "trade_mission", ["international"], 45, 56, "Riga en Tallinn", 20, "public", "port", 24),
    ("Logistiek café Zwolle", "cafe", ["accessibility"], 12, 3, "Havenkantoor Zwolle", 40, "public", "zwolle", 15),
    ("Dag van de Logistiek 2026", "logistics_day", ["knowledge_labour"], 30, 7, "ROC van Twente, Hengelo", 150, "public", "twente", 10),
    ("Webinar duurzaam binnenvaarttransport", "webinar", ["sustainability"], 8, 1, "", None, "public", "deventer", 6),
    ("Lobbyoverleg sluis Kornwerderzand", "lobby_meeting", ["accessibility"], 20, 2, "Provinciehuis Zwolle", 12, "invite", "port", 4),
    ("Logistiek café Deventer", "cafe", ["international"], -14, 3, "Havenkantoor Deventer", 30, "public", "deventer", 8),
]


def _organisers(text: str) -> list[str]:
    return [o["id"] for o in organisation_service.lookup(CLI_ACTOR, text, 2)]


def seed(replace: bool = False) -> str:
    """Load the demo activities once (into a graph without activities)."""
    existing = driver.read(activity_store.count, {"now": "2000-01-01T00:00:00+00:00"})
    if existing and not replace:
        return f"demo activities not loaded: {existing} activities exist"
    if existing:
        activity_store.wipe()
    people = [p["id"] for p in people_service.list_page(CLI_ACTOR, {}, "name", 1, 100).items]
    invitable = consent_service.allowed_people(people, "invitations")  # only people with a basis for invitations
    today = datetime.now(TZ).replace(minute=0, second=0, microsecond=0)
    made = registered = 0
    for n, (title, kind, themes, days, hours, place, capacity, visibility, org_text, count) in enumerate(DEMO):
        start = (today + timedelta(days=days)).replace(hour=10 if hours < 8 else 9)
        raw = {"title": title, "kind": kind, "themes": themes, "starts_at": start.strftime("%d-%m-%Y %H:%M"),
               "ends_at": (start + timedelta(hours=hours)).strftime("%d-%m-%Y %H:%M"), "location": place,
               "online_url": "https://webinar.logistiek-overijssel.example/binnenvaart" if kind == "webinar" else "",
               "capacity": capacity or "", "visibility": visibility, "organiser_ids": _organisers(org_text),
               "corridor": "north_sea_baltic" if kind == "trade_mission" else "",
               "programme_line": {"trade_mission": "international", "cafe": "regional"}.get(kind, "themes"),
               "description": "Fictieve demo-activiteit van Logistics Overijssel."}
        if days < 0:  # a past café: registered while it was open, then moved into the past
            raw_future = dict(raw, starts_at=(today + timedelta(days=3)).strftime("%d-%m-%Y %H:%M"),
                              ends_at=(today + timedelta(days=3, hours=hours)).strftime("%d-%m-%Y %H:%M"))
            activity = activity_service.create(CLI_ACTOR, raw_future, via="demo")
        else:
            activity = activity_service.create(CLI_ACTOR, raw, via="demo")
        chosen = [p for p in people[(n * 7) % max(1, len(people)):] if p in invitable][:count]
        if chosen:
            outcomes = registration_service.register_people(CLI_ACTOR, activity["id"], chosen, via="demo")
            registered += sum(1 for o in outcomes if o.outcome == "registered")
        if days < 0:
            activity_service.update(CLI_ACTOR, activity["id"], {"starts_at": raw["starts_at"], "ends_at": raw["ends_at"],
                                                                "registration_closes": ""}, via="demo")
            rows = registration_service.list_for_activity(CLI_ACTOR, activity["id"], status="registered")
            for row in rows[: len(rows) * 2 // 3]:
                registration_service.check_in(CLI_ACTOR, activity["id"], row["id"], True, via="demo")
            registration_service.mark_no_shows(CLI_ACTOR, activity["id"], via="demo")
        made += 1
    return f"demo activities loaded: {made} activities, {registered} registrations"
