"""Calendar files (iCalendar, RFC 5545) for activities: invitations, cancellations, feeds.

Times are written in Europe/Amsterdam with the VTIMEZONE that defines it (yearly rules); the UID of an
activity never changes, SEQUENCE is the activity's ``ics_sequence`` (raised whenever the
invitation changes), so calendar programs update the one entry they already hold."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Iterable

from icalendar import Calendar, Event, vCalAddress, vText

from lo_network.domain.activities import KINDS, TZ, to_local
from lo_network.domain.text import clean, multiline
from lo_network.domain.vtimezone import vtimezone

PRODID = "-//Logistics Overijssel//lo_network//NL"
UID_DOMAIN = "lo-network.logistiek-overijssel"
# where the API serves calendar files (api/activities.py), for the links to them
PUBLIC_FEED_PATH = "/api/v1/calendar/public.ics"
ACTIVITY_FILE_PATH = "/api/v1/calendar/activity/"          # + activity id + ".ics"
REGISTRATION_FILE_PATH = "/api/v1/calendar/registration/"  # + personal token + ".ics"


def uid(activity_id: str) -> str:
    return f"activity-{activity_id}@{UID_DOMAIN}"


def _event(activity: dict[str, Any], *, status: str = "CONFIRMED", url: str = "",
           organiser_email: str = "", attendee: dict | None = None, stamp: datetime | None = None) -> Event:
    event = Event()
    event.add("uid", uid(activity["id"]))
    event.add("sequence", int(activity.get("ics_sequence") or 0))
    event.add("dtstamp", stamp or datetime.now(timezone.utc))
    event.add("dtstart", to_local(activity["starts_at"]))
    event.add("dtend", to_local(activity["ends_at"]))
    # every stored text passes clean/multiline again: RFC 5545 allows no control
    # characters, and a calendar program drops a line holding one (data stored before
    # the domain cleaned text, or written around it, must not lose the ATTENDEE)
    event.add("summary", clean(activity.get("title")))
    location = clean(activity.get("location") or activity.get("online_url"))
    if location:
        event.add("location", location)
    description = multiline(activity.get("description"))
    if activity.get("online_url"):
        description = (description + "\n\n" if description else "") + clean(activity["online_url"])
    if description:
        event.add("description", description)
    kind = KINDS.get(activity.get("kind") or "")
    if kind:
        event.add("categories", [kind[0]])
    if url:
        event.add("url", clean(url))
    event.add("status", status)
    if organiser_email:
        organizer = vCalAddress(f"mailto:{clean(organiser_email)}")
        organizer.params["cn"] = vText("Logistics Overijssel")
        event.add("organizer", organizer)
    if attendee and clean(attendee.get("email")):
        email = clean(attendee["email"])
        address = vCalAddress(f"mailto:{email}")
        address.params["cn"] = vText(clean(attendee.get("name")) or email)
        address.params["role"] = vText("REQ-PARTICIPANT")
        address.params["partstat"] = vText("ACCEPTED" if status != "CANCELLED" else "DECLINED")
        event.add("attendee", address)
    return event


def _calendar(method: str | None, name: str = "") -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name:
        cal.add("x-wr-calname", clean(name))
        cal.add("x-wr-timezone", str(TZ.key))
    return cal


def invitation(activity: dict[str, Any], attendee: dict[str, Any], *, organiser_email: str, url: str = "") -> bytes:
    """METHOD:REQUEST for one registrant (a confirmation, a promotion or a change)."""
    cal = _calendar("REQUEST")
    cal.add_component(_event(activity, organiser_email=organiser_email, attendee=attendee, url=url))
    cal.add_component(vtimezone(TZ))
    return cal.to_ical()


def cancellation(activity: dict[str, Any], attendee: dict[str, Any], *, organiser_email: str) -> bytes:
    """METHOD:CANCEL: the registrant's entry goes from their calendar (same UID, SEQUENCE
    one above the last invitation they got)."""
    cancelled = dict(activity, ics_sequence=int(activity.get("ics_sequence") or 0) + 1)
    cal = _calendar("CANCEL")
    cal.add_component(_event(cancelled, status="CANCELLED", organiser_email=organiser_email, attendee=attendee))
    cal.add_component(vtimezone(TZ))
    return cal.to_ical()


def feed(activities: Iterable[dict[str, Any]], name: str, url_of=None) -> bytes:
    """A subscribable calendar (no METHOD, PUBLISH semantics) of many activities."""
    cal = _calendar("PUBLISH", name)
    for activity in activities:
        cal.add_component(_event(activity, url=url_of(activity) if url_of else ""))
    cal.add_component(vtimezone(TZ))
    return cal.to_ical()
