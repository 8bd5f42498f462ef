"""Activity use cases: list, get, create, update, delete, calendar feeds."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any

from lo_network import settings as settings_mod
from lo_network.domain import activities as domain
from lo_network.domain import calendar
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.domain.text import fold
from lo_network.messages import msg
from lo_network.services import emails as messages
from lo_network.services import Page, clamp_page, consent
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit, calendar_feeds
from lo_network.store import activities as store
from lo_network.store import driver
from lo_network.store import organisations as organisation_store
from lo_network.store import registrations as registration_store
from lo_network.store.records import new_id, now_iso

AUDITED = ("id",) + tuple(f for f in domain.FIELDS if f != "organiser_ids") + ("organisers",)


def _audit_view(record: dict | None) -> dict | None:
    return {k: record.get(k) for k in AUDITED} if record else None


def now() -> datetime:
    return datetime.now(timezone.utc)


def list_page(actor: Actor, filters: dict[str, Any], sort: str = "starts", page: int = 1,
              page_size: int = 25) -> Page:
    require(actor.role, Permission.VIEW)
    page, page_size = clamp_page(page, page_size)
    if sort not in domain.SORTS:
        raise ValidationError({"sort": msg("common.choose_from", detail=", ".join(domain.SORTS))})
    for name, words in (("kind", domain.KINDS), ("when", domain.WHEN), ("visibility", domain.VISIBILITIES)):
        if filters.get(name) and filters[name] not in words:
            raise ValidationError({name: msg("common.choose_from", detail=", ".join(words))})
    clean_filters = dict(filters, text=domain.search_text(filters.get("text")), now=now_iso())
    if filters.get("organisation_id"):
        clean_filters.update(_involvement_filter(actor, filters["organisation_id"], filters.get("involvement")))

    def work(tx):
        return store.count(tx, clean_filters), store.search(tx, clean_filters, sort, (page - 1) * page_size, page_size)

    total, items = driver.read(work)
    return Page(items=items, total=total, page=page, page_size=page_size)


def _involvement_filter(actor: Actor, organisation_id: str, involvement: Any) -> dict[str, Any]:
    """The organisation filter: which kinds of involvement count (all three when none is
    given), and the organisation's people the actor may not see, whose participation is
    then not counted (services.consent, as everywhere a person is shown)."""
    chosen = [involvement] if isinstance(involvement, str) else list(involvement or [])
    chosen = [c for c in chosen if c] or list(domain.INVOLVEMENT)
    bad = [c for c in chosen if c not in domain.INVOLVEMENT]
    if bad:
        raise ValidationError({"involvement": msg("common.choose_from", detail=", ".join(domain.INVOLVEMENT))})
    hidden: set[str] = set()
    if "attendee" in chosen:
        hidden = consent.hidden(actor, driver.read(organisation_store.person_ids, organisation_id))
    return {"involvement": chosen, "hidden_ids": hidden}


def get(actor: Actor, activity_id: str) -> dict:
    require(actor.role, Permission.VIEW)
    record = driver.read(store.get, activity_id)
    if record is None:
        raise NotFound(activity_id)
    return record


def get_public(activity_id: str) -> dict:
    """A public activity for the registration page (no account); invite-only ones do not exist here."""
    record = driver.read(store.get, activity_id)
    if record is None or record.get("visibility") != "public":
        raise NotFound(activity_id)
    return record


PROJECT_REFUSED = {"project_id": msg("act.project.choose")}


def _write(fn, *args):
    """driver.write, with a refused project link reported as the project_id field."""
    try:
        return driver.write(fn, *args)
    except store.ProjectRefused:
        raise ValidationError(PROJECT_REFUSED) from None


def _check_organisers(props: dict) -> None:
    ids = props.get("organiser_ids") or []
    if not ids:
        return
    known = driver.read(lambda tx: [i for i in ids if organisation_store.get(tx, i) is not None])
    missing = [i for i in ids if i not in known]
    if missing:
        raise ValidationError({"organiser_ids": msg("common.unknown_organisations", detail=", ".join(missing))})


def create(actor: Actor, raw: dict[str, Any], via: str) -> dict:
    require(actor.role, Permission.EDIT_ACTIVITIES)
    props = domain.validate(raw)
    _check_organisers(props)
    record = _write(store.create, props, actor.email)
    audit.record(actor.email, via, "create", "activity", record["id"], None, _audit_view(record))
    return record


def create_series(actor: Actor, raw: dict[str, Any], every: str, count: object, via: str) -> list[dict]:
    """A repeating activity as a series of dated sessions (each its own activity, sharing a
    ``series_id``, so each can be changed or cancelled on its own). The first session is the
    one described by ``raw``; later ones close registration at their start."""
    require(actor.role, Permission.EDIT_ACTIVITIES)
    first = domain.validate(raw)
    times = domain.series_times(first["starts_at"], first["ends_at"], every, count)
    _check_organisers(first)
    series_id = new_id()
    created = []
    for index, (starts, ends) in enumerate(times):
        session = dict(raw, starts_at=starts, ends_at=ends)
        if index:
            session.update(registration_opens="", registration_closes="")
        props = domain.validate(session) | {"series_id": series_id, "series_index": index + 1}
        record = _write(store.create, props, actor.email)
        audit.record(actor.email, via, "create", "activity", record["id"], None, _audit_view(record))
        created.append(record)
    return created


def series(actor: Actor, series_id: str) -> list[dict]:
    require(actor.role, Permission.VIEW)
    return driver.read(store.series, series_id) if series_id else []


def update(actor: Actor, activity_id: str, changes: dict[str, Any], via: str) -> dict:
    """Save changes; a larger capacity promotes from the waiting list in the same transaction;
    a changed time, place or title raises the invitation's SEQUENCE and tells the registrants."""
    require(actor.role, Permission.EDIT_ACTIVITIES)
    current = driver.read(store.get, activity_id)
    if current is None:
        raise NotFound(activity_id)
    props = domain.validate(domain.merge_update(current, changes))
    _check_organisers(props)
    changed = domain.calendar_changed(current, props)

    def work(tx):
        record = store.update(tx, activity_id, props, changed)
        promoted = registration_store.fill_seats(tx, activity_id) if record else []
        return record, promoted

    try:
        record, promoted = registration_store.write_contended(work)
    except store.ProjectRefused:
        raise ValidationError(PROJECT_REFUSED) from None
    if record is None:
        raise NotFound(activity_id)
    audit.record(actor.email, via, "update", "activity", activity_id, _audit_view(current), _audit_view(record))
    for registration in promoted:
        audit.record(actor.email, via, "promote", "registration", registration["id"],
                     {"status": "waitlisted", "activity_id": activity_id},
                     {"status": "registered", "activity_id": activity_id})
        messages.send("promotion", record, registration, registration.get("token"))
    if changed:
        promoted_ids = {r["id"] for r in promoted}
        for contact in driver.read(registration_store.contacts, activity_id):
            if contact["id"] not in promoted_ids:
                messages.send("change", record, contact)
    return record


def delete(actor: Actor, activity_id: str, via: str) -> str:
    """Delete the activity and its registrations; registered and waiting people are told."""
    require(actor.role, Permission.EDIT_ACTIVITIES)
    current = driver.read(store.get, activity_id)
    if current is None:
        raise NotFound(activity_id)
    contacts = driver.read(registration_store.contacts, activity_id)
    title = driver.write(store.delete, activity_id)
    if title is None:
        raise NotFound(activity_id)
    audit.record(actor.email, via, "delete", "activity", activity_id, _audit_view(current), None)
    if not domain.ended(current, now()):
        for contact in contacts:
            messages.send("cancellation", current, contact)
    return title


# ---------------------------------------------------------------- living labs and projects
def _project_activity(actor: Actor, activity_id: str) -> dict:
    require(actor.role, Permission.EDIT_ACTIVITIES)
    current = driver.read(store.get, activity_id)
    if current is None:
        raise NotFound(activity_id)
    if current.get("kind") not in domain.PROJECT_KINDS:
        raise ValidationError({"kind": msg("act.project.only")})
    return current


def set_partner(actor: Actor, activity_id: str, organisation_id: str, role: str, via: str) -> dict:
    """Add a partner organisation with its role, or change its role."""
    _project_activity(actor, activity_id)
    role = domain.validate_partner_role(role)
    if not driver.write(store.set_partner, activity_id, organisation_id, role):
        raise ValidationError({"organisation_id": msg("common.unknown_organisation")})
    audit.record(actor.email, via, "set_partner", "activity", activity_id, None,
                 {"organisation_id": organisation_id, "role": role})
    return driver.read(store.get, activity_id)


def remove_partner(actor: Actor, activity_id: str, organisation_id: str, via: str) -> dict:
    _project_activity(actor, activity_id)
    if not driver.write(store.remove_partner, activity_id, organisation_id):
        raise NotFound(organisation_id)
    audit.record(actor.email, via, "remove_partner", "activity", activity_id, {"organisation_id": organisation_id}, None)
    return driver.read(store.get, activity_id)


def add_milestone(actor: Actor, activity_id: str, raw: dict[str, Any], via: str) -> dict:
    _project_activity(actor, activity_id)
    props = domain.validate_milestone(raw)
    milestone = driver.write(store.add_milestone, activity_id, props)
    audit.record(actor.email, via, "add_milestone", "activity", activity_id, None, milestone)
    return milestone


def set_milestone_done(actor: Actor, activity_id: str, milestone_id: str, done: bool, via: str) -> dict:
    _project_activity(actor, activity_id)
    milestone = driver.write(store.set_milestone_done, activity_id, milestone_id, bool(done))
    if milestone is None:
        raise NotFound(milestone_id)
    audit.record(actor.email, via, "set_milestone", "activity", activity_id, None, milestone)
    return milestone


def delete_milestone(actor: Actor, activity_id: str, milestone_id: str, via: str) -> None:
    _project_activity(actor, activity_id)
    if not driver.write(store.delete_milestone, activity_id, milestone_id):
        raise NotFound(milestone_id)
    audit.record(actor.email, via, "delete_milestone", "activity", activity_id, {"milestone_id": milestone_id}, None)


# ---------------------------------------------------------------- calendar feeds
def _url_of(activity: dict) -> str:
    base = settings_mod.get().base_url
    return f"{base}/aanmelden/{activity['id']}" if activity.get("visibility") == "public" else ""


def public_feed() -> bytes:
    """The public .ics feed: public activities from 30 days ago on."""
    since = (now() - timedelta(days=30)).isoformat(timespec="seconds")
    items = driver.read(store.public_feed, since)
    return calendar.feed(items, "Logistics Overijssel — activiteiten", _url_of)


def activity_file(activity: dict) -> bytes:
    """One activity as a calendar file to open in a calendar program ("Zet in mijn agenda"):
    the same UID as the emailed invitation, so a program that holds both keeps one entry."""
    return calendar.feed([activity], activity.get("title") or "Logistics Overijssel", _url_of)


def calendar_file(actor: Actor, activity_id: str) -> bytes:
    """The calendar file of an activity the signed-in user may see."""
    return activity_file(get(actor, activity_id))


def public_calendar_file(activity_id: str) -> bytes:
    """The calendar file of a public activity (no account; invite-only ones do not exist here)."""
    return activity_file(get_public(activity_id))


def calendar_filename(activity: dict) -> str:
    """'logistiek-cafe-zwolle.ics': the title as a file name a download can carry."""
    stem = re.sub(r"[^a-z0-9]+", "-", fold(activity.get("title") or "")).strip("-")[:60]
    return f"{stem or 'activiteit'}.ics"


def public_feed_url() -> str:
    return settings_mod.get().base_url + calendar.PUBLIC_FEED_PATH


def webcal_url(url: str) -> str:
    """A feed's address for subscribing: the webcal: scheme makes the browser hand it to the
    calendar program, which fetches it over http(s) and keeps it up to date."""
    return re.sub(r"^https?://", "webcal://", url)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_feed_token(actor: Actor) -> str:
    """A new personal feed URL token for the signed-in user (an older one stops working)."""
    require(actor.role, Permission.VIEW)
    if actor.id is None:
        raise ValidationError({"user": msg("act.user_only")})
    token = secrets.token_urlsafe(32)
    calendar_feeds.set_token(actor.id, _hash(token))
    audit.record(actor.email, "ui", "create", "calendar_feed", str(actor.id), None, {"user_id": actor.id})
    return token


def feed_url(token: str) -> str:
    return f"{settings_mod.get().base_url}/api/v1/calendar/personal/{token}.ics"


def personal_feed(token: str) -> bytes:
    """The activities a user organises (created) or is registered for, by their feed token."""
    user = calendar_feeds.user_for_token(_hash(token))
    if user is None or not user.active:
        raise NotFound("feed")
    since = (now() - timedelta(days=90)).isoformat(timespec="seconds")
    items = driver.read(store.user_feed, user.email.lower(), since)
    return calendar.feed(items, f"Logistics Overijssel — {user.name or user.email}", _url_of)
