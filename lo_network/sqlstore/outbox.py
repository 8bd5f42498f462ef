"""The outbox in SQL: every email the app sends, its status as a send-outbox run claims and
sends it, and the erasure of one person's emails (the sending itself: services.outbox)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, false, func, or_, update
from sqlmodel import select

from lo_network.sqlstore import sql
from lo_network.sqlstore.models import OutboxEmail


def queued_ids(limit: int) -> list[int]:
    """The emails waiting to be sent, oldest first."""
    with sql.session() as db:
        return list(db.exec(select(OutboxEmail.id).where(OutboxEmail.status == "queued")
                            .order_by(OutboxEmail.id).limit(limit)))


def get(row_id: int) -> OutboxEmail | None:
    with sql.session() as db:
        return db.get(OutboxEmail, row_id)


def move(row_id: int, expect: str, **values) -> bool:
    """One row from status ``expect`` to ``values``, committed at once; False when the row no
    longer has that status (another run claimed it, an erasure cancelled it)."""
    with sql.engine().begin() as conn:
        done = conn.execute(update(OutboxEmail).where(OutboxEmail.id == row_id, OutboxEmail.status == expect)
                            .values(**values))
        return done.rowcount == 1


def for_activity(activity_id: str, limit: int = 200) -> list[OutboxEmail]:
    with sql.session() as db:
        return list(db.exec(select(OutboxEmail).where(OutboxEmail.activity_id == activity_id)
                            .order_by(OutboxEmail.id.desc()).limit(limit)))


def recent(limit: int = 200) -> list[OutboxEmail]:
    with sql.session() as db:
        return list(db.exec(select(OutboxEmail).order_by(OutboxEmail.id.desc()).limit(limit)))


# ---------------------------------------------------------------- one person's emails
def _to_person(emails: str | list[str], registration_ids: list[str]):
    """SQL condition: emails to these addresses (any case) or about these registrations."""
    addresses = [emails] if isinstance(emails, str) else list(emails)
    keys = sorted({e.strip().lower() for e in addresses if e and e.strip()})
    conditions = []
    if keys:
        conditions.append(func.lower(OutboxEmail.to_address).in_(keys))
    if registration_ids:
        conditions.append(OutboxEmail.registration_id.in_(list(registration_ids)))
    return or_(*conditions) if conditions else false()


def for_person(email: str, registration_ids: list[str], limit: int = 1000) -> list[OutboxEmail]:
    """The emails sent (or waiting) to one person, oldest first (access request)."""
    with sql.session() as db:
        return list(db.exec(select(OutboxEmail).where(_to_person(email, registration_ids))
                            .order_by(OutboxEmail.id).limit(limit)))


# Stored markers, not messages: they are written into the rows and the erasure compares a
# row's error with CANCELLED_BY_ERASURE, so a text edited in a catalogue must not change them.
ERASED_BODY = "[verwijderd / erased]"
CANCELLED_BY_ERASURE = "geannuleerd: persoon geanonimiseerd / cancelled: person erased"


@dataclass(frozen=True)
class Erased:
    emails: int      # rows whose address, text and attachment went
    cancelled: int   # of them, queued emails that will now never be sent


def erase_for(emails: str | list[str], registration_ids: list[str]) -> Erased:
    """Erasure: the address, text, calendar attachment and error of one person's emails go;
    the rows stay (kind, status, activity, dates), so counts of emails sent stay right. Their
    queued emails are cancelled first (an UPDATE on status 'queued', so a send-outbox run
    cannot claim one in between)."""
    person = _to_person(emails, registration_ids)
    with sql.engine().begin() as conn:
        cancelled = conn.execute(update(OutboxEmail).where(person, OutboxEmail.status == "queued")
                                 .values(status="cancelled", error=CANCELLED_BY_ERASURE)).rowcount
        scrubbed = conn.execute(update(OutboxEmail).where(person).values(
            to_address="", body=ERASED_BODY, ics="",
            error=case((OutboxEmail.error == CANCELLED_BY_ERASURE, CANCELLED_BY_ERASURE), else_=""))).rowcount
    return Erased(emails=scrubbed, cancelled=cancelled)
