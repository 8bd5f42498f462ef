"""Organisation use cases: list, get, create, update, delete."""

from __future__ import annotations

from typing import Any

from lo_network.domain import organisations as domain
from lo_network.domain.errors import Conflict, NotFound, ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.messages import msg
from lo_network.services import Page, clamp_page, consent, locked_change, read_page
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit
from lo_network.store import driver
from lo_network.store import organisations as store

LOCK = "organisations/lock"  # the query that takes an organisation's write lock

AUDITED = ("id",) + domain.FIELDS
CONFIRM_KVK = "confirm_duplicate_kvk"


def _audit_view(record: dict | None) -> dict | None:
    return {k: record.get(k) for k in AUDITED} if record else None


def list_page(actor: Actor, filters: dict[str, Any], sort: str = "name", page: int = 1,
              page_size: int = 25, cursor: str | None = None) -> Page:
    """One page of organisations. With ``cursor`` (a previous page's ``next_cursor``, same
    filters and sort) the page is read after that page's last row instead of by skipping
    ``(page - 1) * page_size`` rows: as fast on page 2,000 as on page 1; ``page`` then only
    numbers it."""
    require(actor.role, Permission.VIEW)
    page, page_size = clamp_page(page, page_size)
    if sort not in domain.SORTS:
        raise ValidationError({"sort": msg("common.choose_from", detail=", ".join(domain.SORTS))})
    clean_filters = dict(filters, text=domain.search_text(filters.get("text")))
    return read_page(store.count, store.search, clean_filters, sort, page, page_size, cursor, domain.KEYSET_SORTS)


def get(actor: Actor, organisation_id: str) -> dict:
    """One organisation with the people who work or worked there (those the actor may see:
    services.consent.shown)."""
    require(actor.role, Permission.VIEW)
    record = driver.read(store.get, organisation_id)
    if record is None:
        raise NotFound(organisation_id)
    record["people"] = consent.shown(actor, record.get("people") or [], key="person_id")
    return record


def involvement(actor: Actor, organisation_id: str) -> dict[str, list[dict]]:
    """What the organisation takes part in, for its page: {"partner": projects and living labs
    it is a partner in (with its role), "organiser": activities it organises, "attendee":
    activities its people took part in, each with those people the actor may see (an
    activity whose people are all hidden from the actor is left out)}. Newest first."""
    require(actor.role, Permission.VIEW)
    rows = driver.read(store.involvement, organisation_id)
    hidden = consent.hidden(actor, {p["id"] for r in rows for p in r["people"]})
    out: dict[str, list[dict]] = {"partner": [], "organiser": [], "attendee": []}
    for row in rows:
        if row["involvement"] == "attendee":
            row["people"] = sorted((p for p in row["people"] if p["id"] not in hidden),
                                   key=lambda p: (p.get("name") or "").casefold())
            if not row["people"]:
                continue
        out[row["involvement"]].append(row)
    return out


def lookup(actor: Actor, text: str, limit: int = 20) -> list[dict]:
    require(actor.role, Permission.VIEW)
    return driver.read(store.lookup, domain.search_text(text), limit)


def _check_kvk(kvk: str, exclude_id: str = "") -> None:
    """Raise Conflict naming the organisations that already hold ``kvk`` (none: nothing).
    Two records with one KvK number are allowed (branches, a holding and its company), but
    only as an explicit choice: the caller confirms with ``confirm_duplicate_kvk``."""
    if kvk:
        _refuse_held_kvk(kvk, driver.read(store.with_kvk, kvk, exclude_id))


def _refuse_held_kvk(kvk: str, existing: list[dict]) -> None:
    if existing:
        names = ", ".join(e["name"] for e in existing)
        raise Conflict({"kvk": msg("org.kvk.held", kvk=kvk, names=names)}, existing, CONFIRM_KVK)


def create(actor: Actor, raw: dict[str, Any], via: str, *, confirm_duplicate_kvk: bool = False) -> dict:
    """A new organisation. A KvK number another organisation holds raises Conflict unless
    ``confirm_duplicate_kvk``."""
    require(actor.role, Permission.EDIT_NETWORK)
    props = domain.validate(raw)
    if not confirm_duplicate_kvk:
        _check_kvk(props["kvk"])
    record = driver.write(store.create, props)
    audit.record(actor.email, via, "create", "organisation", record["id"], None, _audit_view(record))
    return record


def update(actor: Actor, organisation_id: str, changes: dict[str, Any], via: str, *,
           confirm_duplicate_kvk: bool = False) -> dict:
    """Change an organisation. A KvK number changed to one another organisation holds
    raises Conflict unless ``confirm_duplicate_kvk`` (an unchanged number is not checked).
    Read, merge and write are one transaction (``services.locked_change``): a second editor
    at the same time merges into what the first one saved."""
    require(actor.role, Permission.EDIT_NETWORK)

    def save(tx, current: dict) -> dict | None:
        props = domain.validate(domain.merge_update(current, changes))
        if not confirm_duplicate_kvk and props["kvk"] and props["kvk"] != (current.get("kvk") or ""):
            _refuse_held_kvk(props["kvk"], store.with_kvk(tx, props["kvk"], organisation_id))
        return store.update(tx, organisation_id, props)

    return locked_change(actor.email, via, "update", "organisation", LOCK, organisation_id, store.get, save,
                         _audit_view)


def delete(actor: Actor, organisation_id: str, via: str) -> str:
    require(actor.role, Permission.EDIT_NETWORK)
    return locked_change(actor.email, via, "delete", "organisation", LOCK, organisation_id, store.get,
                         lambda tx, current: store.delete(tx, organisation_id), _audit_view)
