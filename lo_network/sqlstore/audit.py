"""Write and read audit entries (the ``lo_audit_entry`` table).

Append-only for the application: this module offers ``record`` (append) and readers only;
there is no function that changes or removes an entry. (The one exception is the privacy
erasure, lo_network.services.privacy through sqlstore.privacy, which blanks a person's data
inside their entries as the GDPR asks, and is itself audited.)"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import func, insert, or_
from sqlmodel import select

from lo_network.sqlstore import sql
from lo_network.sqlstore.models import AuditEntry, utcnow


def entry(actor: str, via: str, action: str, entity: str, entity_id: str,
          before: Any = None, after: Any = None) -> AuditEntry:
    """An entry not yet stored: ``sql.save`` appends it together with the rows it goes with."""
    return AuditEntry(
        actor=actor, via=via, action=action, entity=entity, entity_id=entity_id,
        before=json.dumps(before, ensure_ascii=False, default=str) if before is not None else "",
        after=json.dumps(after, ensure_ascii=False, default=str) if after is not None else "",
    )


def record(actor: str, via: str, action: str, entity: str, entity_id: str,
           before: Any = None, after: Any = None) -> int:
    """Append an entry; returns its id (a merge is undone from its entry)."""
    appended = entry(actor, via, action, entity, entity_id, before, after)
    sql.save(appended)
    return appended.id


def record_many(actor: str, via: str, entries: list[tuple[str, str, str, Any, Any]]) -> int:
    """Append several entries (action, entity, entity_id, before, after) in one SQL
    transaction (an import batch); returns how many."""
    if not entries:
        return 0
    dump = lambda v: json.dumps(v, ensure_ascii=False, default=str) if v is not None else ""  # noqa: E731
    at = utcnow()
    # one multi-row INSERT (SQLAlchemy Core), not an ORM object per entry: building those was
    # a fifth of an import's time
    with sql.session() as db:
        db.execute(insert(AuditEntry), [
            {"at": at, "actor": actor, "via": via, "action": action, "entity": entity, "entity_id": entity_id,
             "before": dump(before), "after": dump(after)}
            for action, entity, entity_id, before, after in entries])
        db.commit()
    return len(entries)


def for_entity(entity: str, entity_id: str, limit: int = 50) -> list[AuditEntry]:
    with sql.session() as db:
        rows = db.exec(
            select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.at.desc()).limit(limit)
        )
        return list(rows)


def _conditions(actor: str = "", entity: str = "", entity_id: str = "", action: str = "",
                since: date | None = None, until: date | None = None, text: str = "") -> list:
    """SQL conditions of a search (each given filter narrows it)."""
    where = []
    if actor:
        where.append(func.lower(AuditEntry.actor).contains(actor.strip().lower(), autoescape=True))
    if entity:
        where.append(AuditEntry.entity == entity)
    if entity_id:
        where.append(AuditEntry.entity_id == entity_id.strip())
    if action:
        where.append(AuditEntry.action == action)
    if since:
        where.append(AuditEntry.at >= datetime.combine(since, time.min, tzinfo=timezone.utc))
    if until:
        where.append(AuditEntry.at < datetime.combine(until + timedelta(days=1), time.min, tzinfo=timezone.utc))
    if text:
        needle = text.strip().lower()
        where.append(or_(func.lower(AuditEntry.before).contains(needle, autoescape=True),
                         func.lower(AuditEntry.after).contains(needle, autoescape=True),
                         AuditEntry.entity_id == text.strip()))
    return where


def search(page: int = 1, page_size: int = 50, **filters) -> tuple[list[AuditEntry], int]:
    """One page of entries, newest first, and how many match (both counted in SQL)."""
    where = _conditions(**filters)
    # a page number from the URL is capped: SQL takes a 64-bit offset
    page, page_size = min(10**9, max(1, int(page))), max(1, min(200, int(page_size)))
    with sql.session() as db:
        total = db.exec(select(func.count()).select_from(AuditEntry).where(*where)).one()
        rows = db.exec(select(AuditEntry).where(*where).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                       .offset((page - 1) * page_size).limit(page_size))
        return list(rows), int(total)


def actions() -> list[str]:
    """The actions that occur in the log (for the search form)."""
    with sql.session() as db:
        return sorted(a for a in db.exec(select(AuditEntry.action).distinct()) if a)


def about_person(person_id: str, employment_ids: list[str] = (), registration_ids: list[str] = (),
                 email: str = "") -> list[AuditEntry]:
    """Every entry about one person: on the person, their employments, their registrations,
    by them through the public pages (``public:<email>``), or naming their id in the
    before/after (links, merges), oldest first (for an access request and the erasure)."""
    needle = f'"{person_id}"'
    conditions = [
        (AuditEntry.entity == "person") & (AuditEntry.entity_id == person_id),
        (AuditEntry.entity == "employment") & (AuditEntry.entity_id.in_(list(employment_ids) or [""])),
        (AuditEntry.entity == "registration") & (AuditEntry.entity_id.in_(list(registration_ids) or [""])),
        AuditEntry.before.contains(needle, autoescape=True),
        AuditEntry.after.contains(needle, autoescape=True),
    ]
    if email and email.strip():
        conditions.append(func.lower(AuditEntry.actor) == f"public:{email.strip().lower()}")
    with sql.session() as db:
        rows = db.exec(select(AuditEntry).where(or_(*conditions)).order_by(AuditEntry.at, AuditEntry.id))
        return list(rows)


def with_action(action: str, entity: str = "", entity_id: str = "", limit: int | None = None) -> list[AuditEntry]:
    """The entries of one action (on one kind of record, on one record), newest first."""
    where = [AuditEntry.action == action]
    if entity:
        where.append(AuditEntry.entity == entity)
    if entity_id:
        where.append(AuditEntry.entity_id == entity_id)
    with sql.session() as db:
        return list(db.exec(select(AuditEntry).where(*where).order_by(AuditEntry.at.desc()).limit(limit)))


def by_id(entry_id: int) -> AuditEntry | None:
    with sql.session() as db:
        return db.get(AuditEntry, entry_id)

