"""Audit log use cases: the searchable log (admins) and one record's history (anyone who
may view the record). Read-only: the application never changes or removes an entry."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timezone

from lo_network.domain.dates import TZ as LOCAL
from lo_network.domain.dates import parse_date
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import ATTENDEES, Permission, require
from lo_network.messages import msg, reason, vocabulary
from lo_network.record_words import field_words, value_words
from lo_network.services import consent
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit as log
from lo_network.sqlstore.models import AuditEntry
from lo_network.store import driver
from lo_network.store import registrations as registration_store

# The kinds of record the log names, and the actions it records (the search form offers
# these; every action a service records is declared here - a unit test reads the sources).
ENTITIES: dict[str, tuple[str, str]] = vocabulary("vocab.audit_entity", (
    "organisation", "person", "employment", "organisation_link", "person_link", "consent", "user", "audit",
    "privacy", "activity", "registration", "import_job", "followup_note", "kpi_snapshot", "calendar_feed"))
ACTIONS: dict[str, tuple[str, str]] = vocabulary("vocab.audit_action", (
    "create", "update", "delete", "replace", "import", "merge", "merged_into", "undo_merge", "not_duplicate",
    "register", "register_again", "cancel", "promote", "check_in", "undo_check_in", "mark_no_shows",
    "confirm_organisation", "set_partner", "remove_partner", "add_milestone", "set_milestone",
    "delete_milestone", "access_request", "erase", "create_token", "set_password"))
FILTERS = ("actor", "entity", "entity_id", "action", "since", "until", "text")


@dataclass
class Change:
    """One field of an entry: its label and its values before and after, as people read
    them (record_words), in Dutch and English."""

    field: str = ""
    label: str = ""
    label_en: str = ""
    before: str = ""
    before_en: str = ""
    after: str = ""
    after_en: str = ""


@dataclass
class Entry:
    """An audit entry as a page shows it: when (Dutch, local time), who, what, changes."""

    id: int = 0
    at: str = ""
    actor: str = ""
    via: str = ""
    action: str = ""
    action_label: str = ""
    action_label_en: str = ""
    entity: str = ""
    entity_label: str = ""
    entity_label_en: str = ""
    entity_id: str = ""
    href: str = ""
    changes: list[Change] = field(default_factory=list)


def _change(entity: str, name: str, before, after) -> Change:
    label = field_words(entity, name) if name else ("", "")
    b, a = value_words(entity, name, before), value_words(entity, name, after)
    return Change(name, label[0], label[1], b[0], b[1], a[0], a[1])


def changes(entry: AuditEntry) -> list[Change]:
    """Field by field what an entry changed: for an update only the fields that differ."""
    before = json.loads(entry.before) if entry.before else None
    after = json.loads(entry.after) if entry.after else None
    if isinstance(before, dict) or isinstance(after, dict):
        b, a = before if isinstance(before, dict) else {}, after if isinstance(after, dict) else {}
        keys = list(dict.fromkeys([*b, *a]))
        return [_change(entry.entity, k, b.get(k), a.get(k)) for k in keys
                if json.dumps(b.get(k), sort_keys=True) != json.dumps(a.get(k), sort_keys=True)
                and (b.get(k) not in (None, "", []) or a.get(k) not in (None, "", []))]
    if before is None and after is None:
        return []
    return [_change(entry.entity, "", before, after)]


def href(entity: str, entity_id: str) -> str:
    return {"organisation": f"/organisaties/{entity_id}", "person": f"/personen/{entity_id}",
            "privacy": f"/personen/{entity_id}", "activity": f"/activiteiten/{entity_id}",
            }.get(entity, "")  # an access request or erasure: the person


def view(entry: AuditEntry) -> Entry:
    at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=timezone.utc)
    action = ACTIONS.get(entry.action, (entry.action, entry.action))
    entity = ENTITIES.get(entry.entity, (entry.entity, entry.entity))
    return Entry(id=entry.id, at=at.astimezone(LOCAL).strftime("%d-%m-%Y %H:%M:%S"), actor=entry.actor,
                 via=entry.via, action=entry.action, action_label=action[0], action_label_en=action[1],
                 entity=entry.entity, entity_label=entity[0], entity_label_en=entity[1], entity_id=entry.entity_id,
                 href=href(entry.entity, entry.entity_id), changes=changes(entry))


def clean_filters(raw: dict) -> dict:
    """The search filters as the log takes them; bad dates or an unknown kind name their field."""
    out: dict = {}
    errors: dict[str, str] = {}
    for name in ("actor", "entity_id", "action", "text"):
        out[name] = str(raw.get(name) or "").strip()[:200]
    if out["action"] and out["action"] not in ACTIONS:
        errors["action"] = msg("common.choose_from", detail=", ".join(ACTIONS))
    entity = str(raw.get("entity") or "").strip()
    if entity and entity not in ENTITIES:
        errors["entity"] = msg("common.choose_from", detail=", ".join(ENTITIES))
    out["entity"] = entity
    for name in ("since", "until"):
        try:
            out[name] = parse_date(raw.get(name))
        except ValueError as exc:
            errors[name] = reason(exc)
    if not errors and out["since"] and out["until"] and out["since"] > out["until"]:
        errors["until"] = msg("audit.until.before_from")
    if errors:
        raise ValidationError(errors)
    return out


def search(actor: Actor, filters: dict, page: int = 1, page_size: int = 50) -> tuple[list[Entry], int]:
    """The admins' audit page: entries matching ``filters`` (see FILTERS), paged in SQL."""
    require(actor.role, Permission.PRIVACY)
    rows, total = log.search(page=page, page_size=page_size, **clean_filters(filters))
    return [view(r) for r in rows], total


def history(actor: Actor, entity: str, entity_id: str, limit: int = 50) -> list[Entry]:
    """A record's own history (newest first), for its page."""
    require(actor.role, Permission.VIEW)
    if entity in ("person", "privacy") and consent.hidden(actor, [entity_id]):
        return []  # as for a record that does not exist
    return [view(r) for r in log.for_entity(entity, entity_id, limit=limit)]




def activity_history(actor: Actor, activity_id: str, limit: int = 50) -> list[Entry]:
    """An activity's page history: changes to the activity and to its registrations (those
    of people the actor may not see left out, as in the list of registrations)."""
    require(actor.role, Permission.VIEW)
    rows = log.for_entity("activity", activity_id, limit=limit)
    rows += log.search(entity="registration", text=activity_id, page_size=limit)[0]
    if consent.directory_only(actor, ATTENDEES):
        registrations = driver.read(registration_store.list_for_activity, activity_id, "", None)
        gone = {r["id"] for r in registrations if r.get("person_id")} - {
            r["id"] for r in consent.shown(actor, registrations, key="person_id", where=ATTENDEES)}
        rows = [r for r in rows if not (r.entity == "registration" and r.entity_id in gone)]
    rows.sort(key=lambda r: r.id, reverse=True)
    return [view(r) for r in rows[:limit]]


def person_history(actor: Actor, person_id: str, limit: int = 50) -> list[Entry]:
    """A person's page history: changes to the person, their consent records and employments."""
    require(actor.role, Permission.VIEW)
    if consent.hidden(actor, [person_id]):
        return []  # as for a person that does not exist
    rows = log.for_entity("person", person_id, limit=limit)
    rows += log.search(entity="consent", text=person_id, page_size=limit)[0]
    rows += log.search(entity="employment", text=person_id, page_size=limit)[0]
    rows.sort(key=lambda r: r.id, reverse=True)
    return [view(r) for r in rows[:limit]]
