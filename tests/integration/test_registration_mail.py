"""Registration emails through a real SMTP server on loopback (aiosmtpd), their calendar
attachments parsed back field by field, and the outbox when no SMTP is set."""

from __future__ import annotations

import email
import threading
from datetime import datetime, timedelta
from email import policy

import pytest
from aiosmtpd.controller import Controller
from icalendar import Calendar

from lo_network import settings
from lo_network.domain.activities import TZ
from lo_network.services import activities, registrations
from tests.conftest import free_port
from tests.integration.test_activities import clean, emails, make  # noqa: F401  (fixture)


class Inbox:
    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802  (aiosmtpd's name)
        with self.arrived:
            self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
            self.arrived.notify_all()
        return "250 OK"

    def wait_for(self, count: int, timeout: float = 10) -> list:
        with self.arrived:
            assert self.arrived.wait_for(lambda: len(self.messages) >= count, timeout), self.messages
            return list(self.messages)


@pytest.fixture
def smtp(monkeypatch):
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("LO_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("LO_SMTP_PORT", str(port))
    monkeypatch.setenv("LO_SMTP_STARTTLS", "false")
    monkeypatch.setenv("LO_SMTP_FROM", "activiteiten@lo.example")
    monkeypatch.setenv("LO_PUBLIC_URL", "https://netwerk.lo.example")
    settings.reset()
    try:
        yield inbox
    finally:
        controller.stop()
        monkeypatch.undo()
        settings.reset()


def calendar_of(message) -> tuple[Calendar, str]:
    parts = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, [p.get_content_type() for p in message.iter_attachments()]
    return Calendar.from_ical(parts[0].get_content()), parts[0].get_param("method")


def test_confirmation_change_and_cancellation_over_smtp_with_ics(clean, users, smtp):  # noqa: F811
    start = (datetime.now(TZ) + timedelta(days=40)).replace(hour=9, minute=30, second=0, microsecond=0)
    act = make(users["organiser"], title="Logistiek café Deventer", kind="cafe", location="Havenkantoor Deventer",
               starts_at=start.strftime("%d-%m-%Y %H:%M"), ends_at=(start + timedelta(hours=3)).strftime("%d-%m-%Y %H:%M"))
    out = registrations.register_public(act["id"], {"name": "Iris Bos", "email": "iris@bos.example", "consent": True})

    confirmation = smtp.wait_for(1)[0]
    assert confirmation["To"] == "iris@bos.example"
    assert confirmation["From"] == "activiteiten@lo.example"
    assert confirmation["Subject"] == "Aanmelding bevestigd / Registration confirmed: Logistiek café Deventer"
    body = confirmation.get_body(("plain",)).get_content()
    assert f"https://netwerk.lo.example/aanmelding/{out.token}" in body
    cal, method = calendar_of(confirmation)
    assert method == "REQUEST" and str(cal["METHOD"]) == "REQUEST"
    assert str(cal["VERSION"]) == "2.0" and "lo_network" in str(cal["PRODID"])
    [tz] = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Europe/Amsterdam"
    assert {c.name for c in tz.subcomponents} == {"STANDARD", "DAYLIGHT"}
    [event] = cal.walk("VEVENT")
    uid = str(event["UID"])
    assert uid == f"activity-{act['id']}@lo-network.logistiek-overijssel"
    assert event["SEQUENCE"] == 0
    assert event["DTSTART"].dt == start and str(event["DTSTART"].dt.tzinfo) == "Europe/Amsterdam"
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event["DTEND"].dt == start + timedelta(hours=3)
    assert str(event["SUMMARY"]) == "Logistiek café Deventer"
    assert str(event["LOCATION"]) == "Havenkantoor Deventer"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["ORGANIZER"]) == "mailto:activiteiten@lo.example"
    assert str(event["ATTENDEE"]) == "mailto:iris@bos.example"
    assert event["ATTENDEE"].params["PARTSTAT"] == "ACCEPTED"
    assert str(event["URL"]) == f"https://netwerk.lo.example/aanmelding/{out.token}"

    activities.update(users["organiser"], act["id"], {"starts_at": (start + timedelta(hours=1)).strftime("%d-%m-%Y %H:%M"),
                                                      "ends_at": (start + timedelta(hours=4)).strftime("%d-%m-%Y %H:%M")},
                      via="test")
    change = smtp.wait_for(2)[1]
    assert change["Subject"].startswith("Wijziging / Change:")
    cal, method = calendar_of(change)
    [event] = cal.walk("VEVENT")
    assert method == "REQUEST" and str(event["UID"]) == uid and event["SEQUENCE"] == 1
    assert event["DTSTART"].dt == start + timedelta(hours=1)

    registrations.cancel_by_token(out.token)
    cancellation = smtp.wait_for(3)[2]
    cal, method = calendar_of(cancellation)
    [event] = cal.walk("VEVENT")
    assert method == "CANCEL" and str(cal["METHOD"]) == "CANCEL"
    assert str(event["UID"]) == uid and event["SEQUENCE"] == 2 and str(event["STATUS"]) == "CANCELLED"
    assert {e.status for e in emails()} == {"sent"}


def test_waiting_list_and_promotion_emails(clean, users, smtp):  # noqa: F811
    act = make(users["organiser"], capacity="1")
    first = registrations.register_public(act["id"], {"name": "Een", "email": "een@x.example", "consent": True})
    registrations.register_public(act["id"], {"name": "Twee", "email": "twee@x.example", "consent": True})
    waiting = smtp.wait_for(2)[1]
    assert waiting["To"] == "twee@x.example" and waiting["Subject"].startswith("U staat op de wachtlijst")
    assert not [p for p in waiting.iter_attachments()]  # no seat yet, no invitation
    registrations.cancel_by_token(first.token)
    messages = smtp.wait_for(4)
    promotion = next(m for m in messages if m["To"] == "twee@x.example" and "plek" in m["Subject"])
    assert calendar_of(promotion)[1] == "REQUEST"
    assert "/aanmelding/" in promotion.get_body(("plain",)).get_content()


def test_without_smtp_emails_wait_in_the_outbox(clean, users, monkeypatch):  # noqa: F811
    monkeypatch.delenv("LO_SMTP_HOST", raising=False)
    settings.reset()
    act = make(users["organiser"])
    registrations.register_public(act["id"], {"name": "Drie", "email": "drie@x.example", "consent": True})
    [row] = emails()
    assert (row.status, row.kind, row.to_address, row.ics_method) == ("queued", "confirmation", "drie@x.example", "REQUEST")
    assert "BEGIN:VCALENDAR" in row.ics
    assert [e.subject for e in registrations.outbox_for(users["organiser"], act["id"])] == [row.subject]


def test_a_mail_server_that_refuses_leaves_the_registration_standing(clean, users, monkeypatch):  # noqa: F811
    monkeypatch.setenv("LO_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("LO_SMTP_PORT", str(free_port()))  # nobody listens
    settings.reset()
    try:
        act = make(users["organiser"])
        out = registrations.register_public(act["id"], {"name": "Vier", "email": "vier@x.example", "consent": True})
        assert out.outcome == "registered"
        [row] = emails()
        # not reached: it stays queued with the reason, for send-outbox to send later
        assert row.status == "queued" and "Connection" in row.error
    finally:
        monkeypatch.undo()
        settings.reset()


def test_queued_emails_go_out_once_smtp_is_set(clean, users, monkeypatch, smtp):  # noqa: F811
    from lo_network.cli import main
    from lo_network.services import outbox

    monkeypatch.setenv("LO_SMTP_HOST", "")
    settings.reset()
    act = make(users["organiser"])
    registrations.register_public(act["id"], {"name": "Vijf", "email": "vijf@x.example", "consent": True})
    assert main(["send-outbox"]) == 2 and [e.status for e in emails()] == ["queued"]
    monkeypatch.setenv("LO_SMTP_HOST", "127.0.0.1")
    settings.reset()
    assert outbox.send_queued().sent == 1
    assert smtp.wait_for(1)[0]["To"] == "vijf@x.example"
    assert [e.status for e in emails()] == ["sent"]
    assert main(["send-outbox"]) == 0  # nothing left
