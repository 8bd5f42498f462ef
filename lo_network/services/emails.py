"""The registration emails, Dutch first and English below, with an .ics where they change
a seat."""

from __future__ import annotations

from typing import Any

from lo_network import settings as settings_mod
from lo_network.domain import calendar
from lo_network.domain.activities import dutch_datetime
from lo_network.messages import CATALOGUE
from lo_network.services import outbox
from lo_network.sqlstore import sql

KINDS = ("confirmation", "waitlist", "promotion", "change", "cancellation", "already")
# (nl, en) of each kind's subject and of the sentence that leads to the activity's title
# ("already": the public form was sent again with this address; the owner hears it, the
# form says nothing). The texts are in the catalogues' "mail" area.
SUBJECTS = {kind: CATALOGUE[f"mail.subject.{kind}"] for kind in KINDS}
LEADS = {kind: CATALOGUE[f"mail.lead.{kind}"] for kind in KINDS}


def personal_url(token: str | None) -> str:
    return f"{settings_mod.get().base_url}/aanmelding/{token}" if token else ""


def _body(kind: str, activity: dict[str, Any], registration: dict[str, Any], link: str) -> str:
    when = f"{dutch_datetime(activity['starts_at'])} – {dutch_datetime(activity['ends_at'])} (Europe/Amsterdam)"
    where = activity.get("location") or activity.get("online_url") or ""
    nl_lead, en_lead = LEADS[kind]
    lines = [f"Beste {registration.get('name') or ''},", "", f"{nl_lead}: {activity['title']}", f"Wanneer: {when}"]
    if where:
        lines.append(f"Waar: {where}")
    if link and kind != "cancellation":
        lines += ["", f"Uw aanmelding bekijken, wijzigen of annuleren: {link}"]
    lines += ["", "Met vriendelijke groet,", "Logistics Overijssel", "", "— English —", "",
              f"Dear {registration.get('name') or ''},", "", f"{en_lead}: {activity['title']}", f"When: {when}"]
    if where:
        lines.append(f"Where: {where}")
    if link and kind != "cancellation":
        lines += ["", f"See, change or cancel your registration: {link}"]
    lines += ["", "Kind regards,", "Logistics Overijssel"]
    return "\n".join(lines)


def send(kind: str, activity: dict[str, Any], registration: dict[str, Any], token: str | None = None):
    """Queue (and with SMTP send) one email; None when the registrant has no email address."""
    row = compose(kind, activity, registration, token)
    sql.save(row)
    return row


def compose(kind: str, activity: dict[str, Any], registration: dict[str, Any], token: str | None = None):
    """:func:`send` without storing the outbox row (``sql.save`` it with what it goes with);
    None when the registrant has no email address.

    Confirmation, promotion and change carry METHOD:REQUEST; cancellation METHOD:CANCEL;
    the waiting list carries no invitation (no seat yet)."""
    if not registration.get("email"):
        return None
    s = settings_mod.get()
    nl, en = SUBJECTS[kind]
    subject = f"{nl} / {en}: {activity['title']}"
    attendee = {"name": registration.get("name"), "email": registration.get("email")}
    link = personal_url(token)
    ics, method = None, ""
    if kind in ("confirmation", "promotion") or (kind == "change" and registration.get("status") == "registered"):
        ics, method = calendar.invitation(activity, attendee, organiser_email=s.smtp_from, url=link), "REQUEST"
    elif kind == "cancellation":
        ics, method = calendar.cancellation(activity, attendee, organiser_email=s.smtp_from), "CANCEL"
    return outbox.prepare(to=registration["email"], subject=subject, body=_body(kind, activity, registration, link),
                          kind=kind, activity_id=activity["id"], registration_id=registration.get("id", ""),
                          ics=ics, ics_method=method)
