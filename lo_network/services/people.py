"""People use cases: list, get, create, update, delete, and employment (WORKS_AT) history."""

from __future__ import annotations

from datetime import date
from typing import Any

from lo_network.domain import people as domain
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.domain.text import fold
from lo_network.messages import msg
from lo_network.services import Page, add_under, clamp_page, consent, locked_change, read_page
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit
from lo_network.store import driver
from lo_network.store import organisations as organisation_store
from lo_network.store import people as store

LOCK = "people/lock"  # the query that takes a person's write lock

AUDITED = ("id",) + domain.FIELDS


def _audit_view(record: dict | None) -> dict | None:
    return {k: record.get(k) for k in AUDITED} if record else None


def list_page(actor: Actor, filters: dict[str, Any], sort: str = "name", page: int = 1,
              page_size: int = 25, cursor: str | None = None) -> Page:
    """One page of people; with ``cursor`` (a previous page's ``next_cursor``) read after
    that page's last row (see services.organisations.list_page)."""
    require(actor.role, Permission.VIEW)
    page, page_size = clamp_page(page, page_size)
    if sort not in domain.SORTS:
        raise ValidationError({"sort": msg("common.choose_from", detail=", ".join(domain.SORTS))})
    clean_filters = dict(filters, text=fold(filters.get("text"))[:100])
    # a role that may only view sees people with a basis for the network directory
    # (services.consent, the rule of every read that returns people)
    clean_filters["directory"] = consent.directory_only(actor)
    return read_page(store.count, store.search, clean_filters, sort, page, page_size, cursor, domain.KEYSET_SORTS)


def get(actor: Actor, person_id: str) -> dict:
    """One person with their employments; NotFound for a person the actor may not see
    (services.consent.require_shown)."""
    require(actor.role, Permission.VIEW)
    consent.require_shown(actor, person_id)
    record = driver.read(store.get, person_id)
    if record is None:
        raise NotFound(person_id)
    return record


def create(actor: Actor, raw: dict[str, Any], via: str, employment: dict[str, Any] | None = None) -> dict:
    """A new person, optionally with a first employment, in one transaction."""
    require(actor.role, Permission.EDIT_NETWORK)
    errors: dict[str, str] = {}
    props = job = None
    try:
        props = domain.validate(raw)
    except ValidationError as exc:
        errors.update(exc.errors)
    if employment and employment.get("organisation_id"):
        try:
            job = domain.validate_employment(employment)
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)

    def work(tx):
        person = store.create(tx, props)
        if job is not None and store.add_employment(tx, person["id"], job) is None:
            raise NotFound(job["organisation_id"])  # rolls the whole transaction back
        return person

    try:
        record = driver.write(work)
    except NotFound as exc:
        raise ValidationError({"organisation_id": msg("common.organisation_missing")}) from exc
    audit.record(actor.email, via, "create", "person", record["id"], None, dict(_audit_view(record), employment=job))
    return record


def update(actor: Actor, person_id: str, changes: dict[str, Any], via: str) -> dict:
    """Change a person. Read, merge and write are one transaction (``services.locked_change``):
    a second editor at the same time merges into what the first one saved."""
    require(actor.role, Permission.EDIT_NETWORK)
    return locked_change(actor.email, via, "update", "person", LOCK, person_id, store.get,
                         lambda tx, current: store.update(tx, person_id,
                                                          domain.validate(domain.merge_update(current, changes))),
                         _audit_view)


def delete(actor: Actor, person_id: str, via: str) -> str:
    require(actor.role, Permission.EDIT_NETWORK)
    return locked_change(actor.email, via, "delete", "person", LOCK, person_id, store.get,
                         lambda tx, current: store.delete(tx, person_id), _audit_view)


def add_employment(actor: Actor, person_id: str, raw: dict[str, Any], via: str) -> str:
    require(actor.role, Permission.EDIT_NETWORK)
    job = domain.validate_employment(raw)
    if driver.read(organisation_store.get, job["organisation_id"]) is None:
        raise ValidationError({"organisation_id": msg("common.organisation_missing")})
    return add_under(actor.email, via, "employment", "person_id", person_id, store.add_employment, job)


def update_employment(actor: Actor, person_id: str, employment_id: str, raw: dict[str, Any], via: str) -> str:
    """Change role or dates (e.g. set 'until' when someone leaves: the history stays)."""
    require(actor.role, Permission.EDIT_NETWORK)
    person = driver.read(store.get, person_id)
    current = next((w for w in (person or {}).get("employments", []) if w["id"] == employment_id), None)
    if current is None:
        raise NotFound(employment_id)
    moved_to = raw.get("organisation_id")
    if moved_to and moved_to != current["organisation_id"]:
        raise ValidationError({"organisation_id": msg("person.employment.unmovable")})
    job = domain.validate_employment(dict(raw, organisation_id=current["organisation_id"]))
    if driver.write(store.update_employment, person_id, employment_id, job) is None:
        raise NotFound(employment_id)
    before = {k: current.get(k) for k in ("organisation_id", "role", "since", "until")}
    audit.record(actor.email, via, "update", "employment", employment_id, dict(before, person_id=person_id),
                 dict(job, person_id=person_id))
    return employment_id


def delete_employment(actor: Actor, person_id: str, employment_id: str, via: str) -> None:
    require(actor.role, Permission.EDIT_NETWORK)
    person = driver.read(store.get, person_id)
    current = next((w for w in (person or {}).get("employments", []) if w["id"] == employment_id), None) or {}
    if driver.write(store.delete_employment, person_id, employment_id) is None:
        raise NotFound(employment_id)
    before = {k: current.get(k) for k in ("organisation_id", "role", "since", "until")}
    audit.record(actor.email, via, "delete", "employment", employment_id, dict(before, person_id=person_id), None)


def change_employer(actor: Actor, person_id: str, raw: dict[str, Any], via: str) -> str:
    """A new job, and every current job ended the day the new one starts (today when no
    start is given): one graph transaction, so a failure leaves the old jobs as they were."""
    require(actor.role, Permission.EDIT_NETWORK)
    job = domain.validate_employment(raw)
    person = driver.read(store.get, person_id)
    if person is None:
        raise NotFound(person_id)
    end = job["since"] or date.today().isoformat()
    ending = []
    for current in person.get("employments", []):
        if current.get("until") and current["until"] <= end:
            continue  # already over
        try:
            ending.append((current, domain.validate_employment(dict(
                organisation_id=current["organisation_id"], role=current.get("role") or "",
                since=current.get("since") or "", until=end))))
        except ValidationError as exc:
            at = current.get("organisation_name") or ""
            raise ValidationError({"since": msg("person.employment.starts_before", organisation=at)}) from exc
    if driver.read(organisation_store.get, job["organisation_id"]) is None:
        raise ValidationError({"organisation_id": msg("common.organisation_missing")})

    def work(tx):
        for current, ended in ending:
            if store.update_employment(tx, person_id, current["id"], ended) is None:
                raise NotFound(current["id"])  # rolls the whole change back
        employment_id = store.add_employment(tx, person_id, job)
        if employment_id is None:
            raise NotFound(person_id)
        return employment_id

    employment_id = driver.write(work)
    for current, ended in ending:
        before = {k: current.get(k) for k in ("organisation_id", "role", "since", "until")}
        audit.record(actor.email, via, "update", "employment", current["id"], dict(before, person_id=person_id),
                     dict(ended, person_id=person_id))
    audit.record(actor.email, via, "create", "employment", employment_id, None, dict(job, person_id=person_id))
    return employment_id
