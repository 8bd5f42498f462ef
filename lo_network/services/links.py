"""Link use cases: list, add, change, end (history kept) and delete links between two
organisations or two people; the timeline of a detail page."""

from __future__ import annotations

from datetime import date
from typing import Any

from lo_network.domain import links as domain
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.messages import msg
from lo_network.services import consent
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit
from lo_network.store import driver
from lo_network.store import links as store
from lo_network.store import organisations as organisation_store
from lo_network.store import people as people_store

_GET = {domain.ORGANISATION: organisation_store.get, domain.PERSON: people_store.get}


def _kind(kind: str) -> str:
    if kind not in domain.KINDS:
        raise ValidationError({"kind": msg("common.choose_org_or_person")})
    return kind


def list_links(actor: Actor, kind: str, record_id: str) -> list[dict]:
    """Every link of a record (ended ones too), active first, then newest first."""
    require(actor.role, Permission.VIEW)
    _kind(kind)
    today = date.today()
    if kind == domain.PERSON:  # a person the actor may not see has no links to show
        consent.require_shown(actor, record_id)

    def work(tx):
        if _GET[kind](tx, record_id) is None:
            raise NotFound(record_id)
        return store.list_for(tx, kind, record_id)

    links = driver.read(work)
    if kind == domain.PERSON:  # nor is such a person shown at the other end
        links = consent.shown(actor, links, key="other_id")
    for link in links:
        link["active"] = domain.is_active(link, today)
        link["label_nl"], link["label_en"] = domain.label(kind, link["type"], link["outgoing"])
    links.sort(key=lambda l: (l.get("since") or "", l.get("other_name") or ""), reverse=True)
    links.sort(key=lambda l: not l["active"])  # stable: active first, each part newest first
    return links


def _find(actor: Actor, kind: str, anchor_id: str, link_id: str) -> dict:
    link = next((l for l in list_links(actor, kind, anchor_id) if l["id"] == link_id), None)
    if link is None:
        raise NotFound(link_id)
    return link


def add(actor: Actor, kind: str, from_id: str, to_id: str, raw: dict[str, Any], via: str) -> str:
    """A new link from ``from_id`` to ``to_id`` (the direction matters for directed types)."""
    require(actor.role, Permission.EDIT_NETWORK)
    _kind(kind)
    link = domain.validate(kind, raw, from_id=from_id, to_id=to_id)

    def work(tx):
        if _GET[kind](tx, to_id) is None:
            raise ValidationError({"to_id": msg("common.does_not_exist")})
        existing = store.list_for(tx, kind, from_id)
        if domain.same_active_link(existing, kind, link["type"], from_id, to_id):
            raise ValidationError({"type": msg("links.exists")})
        link_id = store.add(tx, kind, from_id, to_id, link)
        if link_id is None:
            raise NotFound(from_id)
        return link_id

    link_id = driver.write(work)
    audit.record(actor.email, via, "create", f"{kind}_link", link_id, None,
                 dict(link, kind=kind, from_id=from_id, to_id=to_id))
    return link_id


def update(actor: Actor, kind: str, anchor_id: str, link_id: str, raw: dict[str, Any], via: str) -> str:
    """Change dates, source or note; the type and the two ends stay (end it and add a new one)."""
    require(actor.role, Permission.EDIT_NETWORK)
    _kind(kind)
    current = _find(actor, kind, anchor_id, link_id)
    if raw.get("type") and raw["type"] != current["type"]:
        raise ValidationError({"type": msg("links.type.unchanged")})
    merged = {field: current.get(field) for field in domain.FIELDS}
    merged.update({k: v for k, v in raw.items() if k in domain.FIELDS})
    link = domain.validate(kind, merged)
    if driver.write(store.update, kind, anchor_id, link_id, link) is None:
        raise NotFound(link_id)
    before = {field: current.get(field) for field in domain.FIELDS}
    audit.record(actor.email, via, "update", f"{kind}_link", link_id,
                 dict(before, kind=kind, from_id=current["from_id"], to_id=current["to_id"]),
                 dict(link, kind=kind, from_id=current["from_id"], to_id=current["to_id"]))
    return link_id


def end(actor: Actor, kind: str, anchor_id: str, link_id: str, via: str, until: object = None) -> str:
    """End a link (default today): it stays, with its end date."""
    require(actor.role, Permission.EDIT_NETWORK)
    current = _find(actor, kind, anchor_id, link_id)
    return update(actor, kind, anchor_id, link_id, domain.end_changes(current, until), via)


def delete(actor: Actor, kind: str, anchor_id: str, link_id: str, via: str) -> None:
    """Remove a link entered by mistake (to keep history, end it instead)."""
    require(actor.role, Permission.EDIT_NETWORK)
    current = _find(actor, kind, anchor_id, link_id)
    if driver.write(store.delete, kind, anchor_id, link_id) is None:
        raise NotFound(link_id)
    audit.record(actor.email, via, "delete", f"{kind}_link", link_id,
                 {k: current.get(k) for k in ("type", "since", "until", "source", "note", "from_id", "to_id")}
                 | {"kind": kind}, None)


def timeline(actor: Actor, kind: str, record_id: str) -> list[domain.TimelineEntry]:
    """Employment history and links of one record, newest first."""
    require(actor.role, Permission.VIEW)
    if _kind(kind) == domain.PERSON:
        consent.require_shown(actor, record_id)
    record = driver.read(_GET[kind], record_id)
    if record is None:
        raise NotFound(record_id)
    employments = (record.get("employments") if kind == domain.PERSON
                   else consent.shown(actor, record.get("people") or [], key="person_id"))
    return domain.timeline(employments=employments or [], links=list_links(actor, kind, record_id), viewpoint=kind)
