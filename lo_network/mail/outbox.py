"""Compose and send the registration emails; every email is kept in the outbox table.

With ``LO_SMTP_HOST`` set an email goes out through SMTP at once (status ``sent``, or
``failed`` with the reason, and it stays visible to organisers); without it, it waits in
the outbox (``queued``), shown in the UI, and can be sent later."""

from __future__ import annotations

import smtplib
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from sqlmodel import select

from lo_network import settings as settings_mod
from lo_network import sql
from lo_network.accounts.models import utcnow
from lo_network.mail.models import OutboxEmail

KINDS: dict[str, tuple[str, str]] = {
    "confirmation": ("Bevestiging", "Confirmation"),
    "waitlist": ("Wachtlijst", "Waiting list"),
    "promotion": ("Plek vrijgekomen", "Promotion"),
    "change": ("Wijziging", "Change"),
    "cancellation": ("Afmelding", "Cancellation"),
    "already": ("Al aangemeld", "Already registered"),
}
STATUSES: dict[str, tuple[str, str]] = {
    "queued": ("In wachtrij", "Queued"),
    "sent": ("Verzonden", "Sent"),
    "failed": ("Mislukt", "Failed"),
}


def _message(row: OutboxEmail, sender: str) -> EmailMessage:
    # Lines up to 998 characters (RFC 5322): the stdlib's folding at 78 puts an extra space
    # into subjects with accented words when they are read back.
    msg = EmailMessage(policy=policy.SMTP.clone(max_line_length=998))
    msg["From"] = sender
    msg["To"] = row.to_address
    msg["Subject"] = row.subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    msg.set_content(row.body)
    if row.ics:
        msg.add_attachment(row.ics, subtype="calendar", charset="utf-8",
                           filename="uitnodiging.ics" if row.ics_method == "REQUEST" else "afmelding.ics",
                           params={"method": row.ics_method or "REQUEST"})
    return msg


def _deliver(rows: list[OutboxEmail]) -> None:
    s = settings_mod.get()
    with smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=15) as smtp:
        if s.smtp_starttls:
            smtp.starttls()
        if s.smtp_user:
            smtp.login(s.smtp_user, s.smtp_password)
        for row in rows:
            smtp.send_message(_message(row, s.smtp_from))
            row.status, row.sent_at, row.error = "sent", utcnow(), ""


def queue(*, to: str, subject: str, body: str, kind: str, activity_id: str, registration_id: str = "",
          ics: bytes | None = None, ics_method: str = "") -> OutboxEmail:
    """Keep the email and, with SMTP set, send it now. Never raises for a mail failure:
    the registration stands, the email shows as failed in the outbox."""
    row = OutboxEmail(to_address=to, subject=subject, body=body, kind=kind, activity_id=activity_id,
                      registration_id=registration_id, ics=ics.decode("utf-8") if ics else "",
                      ics_method=ics_method)
    if settings_mod.get().smtp_configured:
        try:
            _deliver([row])
        except (OSError, smtplib.SMTPException) as exc:
            row.status, row.error = "failed", f"{type(exc).__name__}: {exc}"[:500]
    with sql.session() as db:
        db.add(row)
        db.commit()
        db.refresh(row)
    return row


def send_queued(limit: int = 200) -> int:
    """Send what waits in the outbox (after SMTP was configured); how many went out."""
    if not settings_mod.get().smtp_configured:
        return 0
    with sql.session() as db:
        rows = list(db.exec(select(OutboxEmail).where(OutboxEmail.status != "sent")
                            .order_by(OutboxEmail.id).limit(limit)))
        if not rows:
            return 0
        _deliver(rows)
        for row in rows:
            db.add(row)
        db.commit()
        return len(rows)


def for_activity(activity_id: str, limit: int = 200) -> list[OutboxEmail]:
    with sql.session() as db:
        return list(db.exec(select(OutboxEmail).where(OutboxEmail.activity_id == activity_id)
                            .order_by(OutboxEmail.id.desc()).limit(limit)))


def recent(limit: int = 200) -> list[OutboxEmail]:
    with sql.session() as db:
        return list(db.exec(select(OutboxEmail).order_by(OutboxEmail.id.desc()).limit(limit)))


# ---------------------------------------------------------------- issue 7: one person's emails
def _to_person(email: str, registration_ids: list[str]):
    """SQL condition: emails to this address (any case) or about these registrations."""
    from sqlalchemy import false, func, or_

    conditions = []
    if email and email.strip():
        conditions.append(func.lower(OutboxEmail.to_address) == email.strip().lower())
    if registration_ids:
        conditions.append(OutboxEmail.registration_id.in_(list(registration_ids)))
    return or_(*conditions) if conditions else false()


def for_person(email: str, registration_ids: list[str], limit: int = 1000) -> list[OutboxEmail]:
    """The emails sent (or waiting) to one person, oldest first (access request)."""
    with sql.session() as db:
        return list(db.exec(select(OutboxEmail).where(_to_person(email, registration_ids))
                            .order_by(OutboxEmail.id).limit(limit)))


ERASED_BODY = "[verwijderd / erased]"


def erase_for(email: str, registration_ids: list[str]) -> int:
    """Erasure: the address, text, calendar attachment and error of one person's emails go;
    the rows stay (kind, status, activity, dates), so counts of emails sent stay right."""
    with sql.session() as db:
        rows = list(db.exec(select(OutboxEmail).where(_to_person(email, registration_ids))))
        for row in rows:
            row.to_address, row.body, row.ics, row.error = "", ERASED_BODY, "", ""
            db.add(row)
        db.commit()
        return len(rows)
