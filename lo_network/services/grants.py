"""Grants to organisations: money of a programme line (by default line 1, regional network
support) paid to an organisation. Everyone signed in sees them; coordinators, organisers and
admins record and remove them (EDIT_BUDGET); every change is audited."""

from __future__ import annotations

from typing import Any

from lo_network.domain import budget
from lo_network.domain.errors import NotFound
from lo_network.domain.permissions import Permission, require
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit
from lo_network.store import driver
from lo_network.store import grants as store


def for_organisation(actor: Actor, organisation_id: str) -> list[dict]:
    require(actor.role, Permission.VIEW)
    return driver.read(store.for_organisation, organisation_id)


def add(actor: Actor, organisation_id: str, raw: dict[str, Any], via: str) -> dict:
    require(actor.role, Permission.EDIT_BUDGET)
    props = budget.validate_grant(raw)
    grant = driver.write(store.create, organisation_id, props, actor.email)
    if grant is None:
        raise NotFound(organisation_id)
    audit.record(actor.email, via, "create", "grant", grant["id"], None,
                 {**props, "organisation_id": organisation_id})
    return grant


def remove(actor: Actor, organisation_id: str, grant_id: str, via: str) -> None:
    require(actor.role, Permission.EDIT_BUDGET)
    before = driver.write(store.delete, organisation_id, grant_id)
    if before is None:
        raise NotFound(grant_id)
    audit.record(actor.email, via, "delete", "grant", grant_id,
                 {k: before.get(k) for k in budget.GRANT_FIELDS + ("organisation_id",)}, None)
