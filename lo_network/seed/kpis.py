"""Demo activities spread over the past year, tagged with the programme's lines,
with registrations, attendance and no-shows, so the steering group's dashboard has
something to show (through the services, as in real use)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from lo_network.domain.activities import TZ
from lo_network.services import activities as activity_service
from lo_network.services import consent as consent_service
from lo_network.services import people as people_service
from lo_network.services import registrations as registration_service
from lo_network.services.accounts import CLI_ACTOR
from lo_network.store import driver
from lo_network.store.queries import q

# (title, kind, themes, line, registrants)
PAST = [
    ("Netwerkbijeenkomst Twente", "cafe", ["accessibility"], "regional", 12),
    ("Logistiek café Deventer – havens", "cafe", ["sustainability"], "regional", 10),
    ("Handelsmissie Duitsland", "trade_mission", ["international"], "international", 8),
    ("Kennissessie arbeidsmarkt", "congress", ["knowledge_labour"], "themes", 14),
    ("Netwerkbijeenkomst Zwolle", "cafe", ["accessibility"], "regional", 11),
    ("Beurs transport logistic", "fair", ["international"], "international", 9),
    ("Webinar circulaire logistiek", "webinar", ["sustainability"], "themes", 13),
    ("Regiotafel Deventer", "cafe", ["accessibility"], "regional", 7),
]
MONTHS_BACK = 12
SEED_TAG_TITLE = "(demo)"
DEMO_BUDGET = {"international": 24000, "regional": 6500, "themes": 9000}  # euros per demo activity


def _months_ago(today: datetime, n: int, day: int) -> datetime:
    month = today.month - 1 - n
    year, month = today.year + month // 12, month % 12 + 1
    return today.replace(year=year, month=month, day=day, hour=15, minute=0)


def seed() -> str:
    """Past activities over the last year (once: nothing happens when they exist)."""
    listed = [p["id"] for p in people_service.list_page(CLI_ACTOR, {}, "name", 1, 100).items]
    invitable = consent_service.allowed_people(listed, "invitations")  # only people with a basis for invitations
    people = [p for p in listed if p in invitable]
    if not people:
        return "demo dashboard activities not loaded: no demo people"
    if activity_service.list_page(CLI_ACTOR, {"text": "demo"}, "starts", 1, 25).total >= MONTHS_BACK:
        return "demo dashboard activities not loaded: they exist"
    today = datetime.now(TZ).replace(second=0, microsecond=0)
    made = 0
    for n in range(MONTHS_BACK, 0, -1):
        for i in range(2 if n % 3 else 1):
            title, kind, themes, line, count = PAST[(n * 2 + i) % len(PAST)]
            start = _months_ago(today, n, 5 + i * 12)
            soon = today + timedelta(days=2)
            raw = {"title": f"{title} {SEED_TAG_TITLE}", "kind": kind, "themes": themes, "programme_line": line,
                   "starts_at": soon.strftime("%d-%m-%Y %H:%M"),
                   "ends_at": (soon + timedelta(hours=3)).strftime("%d-%m-%Y %H:%M"),
                   "location": "Overijssel", "visibility": "public",
                   "online_url": "https://webinar.logistiek-overijssel.example/demo" if kind == "webinar" else "",
                   "description": "Fictieve demo-activiteit van Logistics Overijssel.",
                   # demo money: a planned budget by line, and a realised cost a little off it
                   "budget_planned": DEMO_BUDGET.get(line, 4000) + n * 250,
                   "budget_spent": round((DEMO_BUDGET.get(line, 4000) + n * 250) * (0.85 + (n % 4) * 0.07), 2)}
            activity = activity_service.create(CLI_ACTOR, raw, via="demo")
            offset = (n * 11 + i * 5) % max(1, len(people))
            chosen = (people[offset:] + people[:offset])[:count + (MONTHS_BACK - n)]
            registration_service.register_people(CLI_ACTOR, activity["id"], chosen, via="demo")
            activity_service.update(CLI_ACTOR, activity["id"], {
                "starts_at": start.strftime("%d-%m-%Y %H:%M"),
                "ends_at": (start + timedelta(hours=3)).strftime("%d-%m-%Y %H:%M"), "registration_closes": ""},
                via="demo")
            rows = registration_service.list_for_activity(CLI_ACTOR, activity["id"], status="registered")
            for row in rows[: len(rows) * (3 + (n % 2)) // 5]:
                registration_service.check_in(CLI_ACTOR, activity["id"], row["id"], True, via="demo")
            registration_service.mark_no_shows(CLI_ACTOR, activity["id"], via="demo")
            made += 1
    since = (date.today() - timedelta(days=2 * 365)).isoformat()
    changed = driver.write(lambda tx: tx.run(q("kpis/demo_history"), since=since, partner_cut="4").single()["changed"])
    return f"demo dashboard activities loaded: {made} past activities over {MONTHS_BACK} months; {changed} status histories"
