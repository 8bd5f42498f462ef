"""What the app holds where an event could have acted, read straight from its graph and
SQLite file through the services, to tell whether an event changed anything.

An event acts on the records it is given (the watched ones, read in full), on records it
creates or removes (the counts), or on some other record it edits (the most recently
updated ones: every write stamps ``updated_at``). Reading only these keeps each check as
cheap on the thousandth case as on the first; reading every record grew with the data the
walk itself creates."""

from __future__ import annotations

from sqlmodel import func, select

from lo_network.domain.errors import NotFound
from lo_network.services import organisations, people
from lo_network.services.accounts import Actor
from lo_network.sqlstore import sql
from lo_network.sqlstore.models import ApiToken, AuditEntry, User

RECENT = 25  # the most recently updated records of each kind that a snapshot holds (a page size)


def _overview(list_page, actor: Actor) -> dict:
    """How many records there are, and the most recently updated ones (list view)."""
    found = list_page(actor, {}, sort="-updated", page=1, page_size=RECENT)
    return {"total": found.total, "recent": found.items}


def _record(get, actor: Actor, record_id: str) -> dict | None:
    try:
        return get(actor, record_id)
    except NotFound:
        return None


def snapshot(actor: Actor, organisation_ids=(), person_ids=()) -> dict:
    """The count and latest edits of organisations and people, the given records in full
    (with their employment links), every account, API token and the audit log's length."""
    with sql.session() as db:
        users = [(u.email, u.name, u.role, u.active, u.password_hash) for u in db.exec(select(User).order_by(User.id))]
        tokens = [(t.user_id, t.label, t.revoked) for t in db.exec(select(ApiToken).order_by(ApiToken.id))]
        audit = db.exec(select(func.count()).select_from(AuditEntry)).one()
    return {
        "organisations": _overview(organisations.list_page, actor),
        "people": _overview(people.list_page, actor),
        "records": {rid: _record(organisations.get, actor, rid) for rid in organisation_ids}
        | {rid: _record(people.get, actor, rid) for rid in person_ids},
        "users": users,
        "api_tokens": tokens,
        "audit_entries": audit,
    }


def differences(before: dict, after: dict) -> list[str]:
    """The parts of a snapshot that differ, named, for an assertion message."""
    out = []
    for key in before:
        if key == "records":
            out += [f"record {rid}" for rid in before[key] if before[key][rid] != after[key].get(rid)]
        elif before[key] != after[key]:
            out.append(key)
    return out
