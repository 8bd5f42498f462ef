"""Consent use cases: a person's consent records per purpose, and who may be shown or
contacted for a purpose. Every read that returns people asks here (``shown``, ``hidden``,
``require_shown``, ``directory_only``) what the actor may see: the one rule of
domain.permissions.SEES_WITHOUT_BASIS."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from lo_network.domain import consent as domain
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import NETWORK, Permission, require, sees_without_basis
from lo_network.messages import msg
from lo_network.services import add_under
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit
from lo_network.store import consent as store
from lo_network.store import driver


def list_for(actor: Actor, person_id: str) -> list[dict]:
    require(actor.role, Permission.VIEW)
    if hidden(actor, [person_id]):  # as for a person that does not exist
        return []
    return driver.read(store.list_for, person_id)


def add(actor: Actor, person_id: str, raw: dict[str, Any], via: str) -> str:
    """A new consent record (purpose, basis, date, source, optional withdrawn date)."""
    require(actor.role, Permission.EDIT_NETWORK)
    return add_under(actor.email, via, "consent", "person_id", person_id, store.add, domain.validate(raw))


def update(actor: Actor, person_id: str, consent_id: str, raw: dict[str, Any], via: str) -> dict:
    """Change basis, date, source or withdrawn date; the purpose of a record stays."""
    require(actor.role, Permission.EDIT_NETWORK)
    current = next((c for c in driver.read(store.list_for, person_id) if c["id"] == consent_id), None)
    if current is None:
        raise NotFound(consent_id)
    if raw.get("purpose") and raw["purpose"] != current["purpose"]:
        raise ValidationError({"purpose": msg("consent.purpose.unchanged")})
    merged = {k: current.get(k) for k in domain.FIELDS} | {k: v for k, v in raw.items() if k in domain.FIELDS}
    record = domain.validate(dict(merged, purpose=current["purpose"]))
    changed = driver.write(store.update, person_id, consent_id, record)
    if changed is None:
        raise NotFound(consent_id)
    before = {k: current.get(k) for k in domain.FIELDS}
    audit.record(actor.email, via, "update", "consent", consent_id, dict(before, person_id=person_id),
                 dict(record, person_id=person_id))
    return changed


def withdraw(actor: Actor, person_id: str, consent_id: str, via: str, when: object = None) -> dict:
    """Withdraw a consent (default today): the record stays, with its withdrawn date."""
    return update(actor, person_id, consent_id, {"withdrawn": when or date.today().isoformat()}, via)


def allowed_people(person_ids: Iterable[str], purpose: str = "directory") -> set[str]:
    """Of ``person_ids``, those with a basis for ``purpose`` (domain.consent.has_basis).
    No permission of its own: it only narrows what a checked use case already reads."""
    ids = sorted(set(person_ids))
    if not ids:
        return set()
    rows = driver.read(store.bases, ids, purpose)
    return {r["id"] for r in rows if domain.has_basis(r["records"], purpose, r["general_basis"])}


def directory_only(actor: Actor, where: str = NETWORK) -> bool:
    """The one rule of who sees people only with a basis for the network directory
    (domain.permissions.SEES_WITHOUT_BASIS, by where they appear): True for a role that
    sees only those. Queries that filter in the graph take it as their ``$directory``."""
    return not sees_without_basis(actor.role, where)


def hidden(actor: Actor, person_ids: Iterable[str | None], where: str = NETWORK) -> set[str]:
    """Of ``person_ids``, the people ``actor`` may not see (no basis for the directory); an
    id of something else (an organisation) or of nobody is not among them."""
    if not directory_only(actor, where):
        return set()
    ids = sorted({i for i in person_ids if i})
    if not ids:
        return set()
    rows = driver.read(store.bases, ids, "directory")  # people only: other ids are not hidden
    return {r["id"] for r in rows if not domain.has_basis(r["records"], "directory", r["general_basis"])}


def shown(actor: Actor, rows: list[dict], key: str = "id", where: str = NETWORK) -> list[dict]:
    """``rows`` without those whose person (``row[key]``) ``actor`` may not see; a row
    without a person (e.g. a public registration: its consent was given on the form) stays.
    A hidden person is left out, neither named nor counted."""
    gone = hidden(actor, (r.get(key) for r in rows), where)
    return [r for r in rows if r.get(key) not in gone] if gone else list(rows)


def require_shown(actor: Actor, person_id: str, where: str = NETWORK) -> None:
    """NotFound (not "not allowed": that would say the person exists) when ``actor`` may not
    see the person."""
    if hidden(actor, [person_id], where):
        raise NotFound(person_id)


def has_basis(person_id: str, purpose: str) -> bool:
    return person_id in allowed_people([person_id], purpose)


