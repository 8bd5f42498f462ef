"""What the app holds, read straight from its graph and SQLite file through the services,
to tell whether an event changed anything."""

from __future__ import annotations

from sqlmodel import func, select

from lo_network import sql
from lo_network.accounts.models import ApiToken, User
from lo_network.accounts.service import Actor
from lo_network.audit.models import AuditEntry
from lo_network.domain.errors import NotFound
from lo_network.services import organisations, people


def _all(list_page, actor: Actor) -> list[dict]:
    items, page = [], 1
    while True:
        found = list_page(actor, {}, sort="name", page=page, page_size=100)
        items += found.items
        if page >= found.pages:
            return items
        page += 1


def _record(get, actor: Actor, record_id: str) -> dict | None:
    try:
        return get(actor, record_id)
    except NotFound:
        return None


def snapshot(actor: Actor, organisation_ids=(), person_ids=()) -> dict:
    """Every organisation and person (list view), the given records in full (with their
    employment links), every account, API token and the audit log's length."""
    with sql.session() as db:
        users = [(u.email, u.name, u.role, u.active, u.password_hash) for u in db.exec(select(User).order_by(User.id))]
        tokens = [(t.user_id, t.label, t.revoked) for t in db.exec(select(ApiToken).order_by(ApiToken.id))]
        audit = db.exec(select(func.count()).select_from(AuditEntry)).one()
    return {
        "organisations": _all(organisations.list_page, actor),
        "people": _all(people.list_page, actor),
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
