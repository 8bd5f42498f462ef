"""Demo history for the coordinators' follow-up lists: four past activities with
demo people present (some organisations twice, some only long ago), and consent records of
demo people that lapse within the coming weeks. Through the services, as the demo
activities are: each activity is created ahead, people registered, then moved into the past
and checked in."""

from __future__ import annotations

from datetime import datetime, timedelta

from lo_network.domain.activities import TZ
from lo_network.domain.followup import add_months
from lo_network.services import activities as activity_service
from lo_network.services import consent as consent_service
from lo_network.services import organisations as organisation_service
from lo_network.services import registrations as registration_service
from lo_network.services.accounts import CLI_ACTOR
from lo_network.store import driver
from lo_network.store import organisations as organisation_store

# (title, kind, months ago): two recent ones (the "attended twice" list), two long ago
# (organisations seen only there are dormant, with that last activity shown)
PAST = [
    ("Logistiek café Twente", "cafe", 3),
    ("Beurs transport logistic (groepsreis)", "fair", 8),
    ("Congres Slimme Logistiek Oost", "congress", 15),
    ("Netwerkbijeenkomst havens", "cafe", 20),
]
MARK = "Fictieve demo-activiteit (historie voor Opvolgen)."


def _organisations(status: str, count: int, skip: int = 0) -> list[dict]:
    page = organisation_service.list_page(CLI_ACTOR, {"status": status}, "name", 1, 100).items
    return page[skip:skip + count]


def _person_employed_since(organisation_id: str, day: str) -> str | None:
    """A current employee of the organisation who worked there on ``day`` (ISO)."""
    record = driver.read(organisation_store.get, organisation_id) or {}
    for job in record.get("people") or []:
        if not job.get("until") and (not job.get("since") or job["since"] <= day):
            return job["person_id"]
    return None


def seed() -> str:
    existing = activity_service.list_page(CLI_ACTOR, {"text": PAST[0][0]}, "starts", 1, 25).items
    if any(a.get("title") == PAST[0][0] for a in existing):
        return "follow-up demo history not loaded: it is there already"
    now = datetime.now(TZ).replace(minute=0, second=0, microsecond=0)
    twice = _organisations("participant", 5) + _organisations("prospect", 3)
    partners = _organisations("partner", 3)
    long_ago = _organisations("participant", 4, skip=5) + _organisations("partner", 3, skip=3)
    plan = {0: twice + partners, 1: twice + partners, 2: long_ago[:4], 3: long_ago[3:]}
    present = 0
    for index, (title, kind, months) in enumerate(PAST):
        day = add_months(now.date(), -months)
        start = now.replace(year=day.year, month=day.month, day=day.day, hour=14)
        ahead = now + timedelta(days=3)
        raw = {"title": title, "kind": kind, "themes": ["international"] if kind == "fair" else ["accessibility"],
               "starts_at": ahead.strftime("%d-%m-%Y %H:%M"), "ends_at": (ahead + timedelta(hours=3)).strftime("%d-%m-%Y %H:%M"),
               "location": "Overijssel", "visibility": "public", "capacity": "", "description": MARK}
        activity = activity_service.create(CLI_ACTOR, raw, via="demo")
        people = [p for p in (_person_employed_since(o["id"], day.isoformat()) for o in plan[index]) if p]
        invitable = consent_service.allowed_people(people, "invitations")  # only people with a basis for invitations
        people = [p for p in people if p in invitable]
        outcomes = registration_service.register_people(CLI_ACTOR, activity["id"], people, via="demo") if people else []
        activity_service.update(CLI_ACTOR, activity["id"], {
            "starts_at": start.strftime("%d-%m-%Y %H:%M"), "ends_at": (start + timedelta(hours=3)).strftime("%d-%m-%Y %H:%M"),
            "registration_closes": ""}, via="demo")
        for outcome in outcomes:
            if outcome.outcome == "registered":
                registration_service.check_in(CLI_ACTOR, activity["id"], outcome.registration["id"], True, via="demo")
                present += 1
    lapsing = 0
    for offset, (status, purpose, days) in enumerate((("participant", "newsletter", 12), ("partner", "invitations", 27),
                                                      ("prospect", "newsletter", 41), ("participant", "directory", 55))):
        organisation = _organisations(status, 1, skip=12 + offset)
        person = _person_employed_since(organisation[0]["id"], "9999-12-31") if organisation else None
        if person:
            given = add_months(now.date() + timedelta(days=days), -24)
            consent_service.add(CLI_ACTOR, person, {"purpose": purpose, "basis": "consent", "date": given.isoformat(),
                                                    "source": "demo: formulier Logistiek café"}, via="demo")
            lapsing += 1
    return f"follow-up demo history loaded: {len(PAST)} past activities, {present} present, {lapsing} consents lapsing soon"
