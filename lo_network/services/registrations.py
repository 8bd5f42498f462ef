"""Registration use cases: organisers register known people and walk-ins, the public
registers on a page, anyone with their personal link sees, changes or cancels; check-in,
no-shows, attendee exports, the outbox. Seats are taken and freed in one graph transaction
(store.registrations); emails go after the commit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

from lo_network.domain import activities as activity_domain
from lo_network.domain import registrations as domain
from lo_network.domain import sheets
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import ATTENDEES, Permission, require
from lo_network.domain.text import fold
from lo_network.services import emails as messages
from lo_network.messages import msg
from lo_network.services import consent
from lo_network.services.accounts import Actor
from lo_network.sqlstore import outbox
from lo_network.sqlstore import audit
from lo_network.sqlstore import sql
from lo_network.store import activities as activity_store
from lo_network.store import driver
from lo_network.store import registrations as store

PUBLIC = "public"


class LinkExpired(LookupError):
    """The personal link belongs to an activity that is over."""

    def __init__(self):
        super().__init__(msg("reg.link.expired"))


@dataclass
class Outcome:
    """What happened to one registration: registered, waitlisted, walk_in or duplicate."""

    outcome: str
    registration: dict
    token: str | None = None
    name: str = ""
    errors: dict = field(default_factory=dict)
    would_be: str = ""  # a duplicate: the status a new registration would have had


@dataclass
class PublicAnswer:
    """What the public form and API answer: ``outcome`` registered or waitlisted and the
    name as entered; the personal link goes by email only. The same for a new registration
    and for an email already registered, so the answer tells nobody who is registered."""

    outcome: str
    name: str


def now() -> datetime:
    return datetime.now(timezone.utc)


def _activity(activity_id: str) -> dict:
    activity = driver.read(activity_store.get, activity_id)
    if activity is None:
        raise NotFound(activity_id)
    return activity


def _open_or_refuse(activity: dict) -> None:
    reason = activity_domain.registration_closed_reason(activity, now())
    if reason:
        raise ValidationError({"activity": reason})


def _audit_view(registration: dict) -> dict:
    return {k: registration.get(k) for k in ("id", "activity_id", "name", "email", "organisation_name", "status",
                                              "position", "attendance", "via")}


def _look_up(activity_id: str, raw: dict[str, Any], *, public: bool,
             refuse: Callable[[dict], None] = lambda activity: None) -> tuple[dict, dict]:
    """The registrant validated, and what the registration needs from the graph read in one
    query (store.context): the activity, the known people with that email, the organisation
    of that name. An activity that does not exist, or that ``refuse`` refuses, is said before
    a mistake in the form: the form cannot help then."""
    try:
        registrant = domain.validate_registrant(raw, public=public)
    except ValidationError:
        activity = driver.read(store.context, activity_id)["activity"]
        if activity is None:
            raise NotFound(activity_id) from None
        refuse(activity)
        raise
    found = driver.read(store.context, activity_id, registrant["email_key"], registrant["organisation_key"])
    if found["activity"] is None:
        raise NotFound(activity_id)
    refuse(found["activity"])
    return registrant, found


def _refuse_ended(activity: dict) -> None:
    if activity_domain.ended(activity, now()):
        raise ValidationError({"activity": msg("common.activity_over")})


def _register(activity_id: str, registrant: dict, *, person_id: str | None, organisation_id: str | None,
              proposed: bool, via: str, actor_email: str, walk_in: bool = False, public: bool = False) -> Outcome:
    token, hashed = domain.new_token()
    result = store.register_in_turn(activity_id, registrant, person_id=person_id,
                                    organisation_id=organisation_id, organisation_proposed=proposed,
                                    token_hash=hashed, via=via, walk_in=walk_in, renew_token=public)
    if result["outcome"] == "missing":
        raise NotFound(activity_id)
    registration = result["registration"]
    activity = result["activity"]  # as read under the activity's lock, when the seat was given
    if result["outcome"] == "duplicate" and public:
        # the public form: the same steps as a new registration (one write, an audit entry,
        # one email), but the email goes to the address's owner with a fresh personal link
        sql.save(audit.entry(actor_email, via, "register_again", "registration", registration["id"], None,
                             {"activity_id": activity_id, "notice": "already"}),
                 messages.compose("already", activity, registration, token))
        return Outcome("duplicate", {}, None, registrant.get("name", ""), would_be=result["would_be"])
    if result["outcome"] == "duplicate":
        return Outcome("duplicate", registration, None, registrant.get("name", ""), would_be=result["would_be"])
    email = {"registered": "confirmation", "waitlisted": "waitlist"}.get(result["outcome"])
    # the audit entry and the email in one SQL transaction: one commit on the rush's path
    sql.save(audit.entry(actor_email, via, "register", "registration", registration["id"], None,
                         _audit_view(registration)),
             messages.compose(email, activity, registration, token) if email else None)
    return Outcome(result["outcome"], registration, token, registrant.get("name", ""))


# ---------------------------------------------------------------- the public page / API
def register_public(activity_id: str, raw: dict[str, Any], via: str = PUBLIC) -> Outcome:
    """No account: a public activity with registration open; name, email, organisation and
    consent. The organisation is matched by name, or proposed as new for a coordinator."""

    def only_public(activity: dict) -> None:
        if activity.get("visibility") != "public":
            raise NotFound(activity_id)

    registrant, found = _look_up(activity_id, raw, public=True, refuse=only_public)
    _open_or_refuse(found["activity"])
    registrant["consent_purpose"] = domain.CONSENT_PURPOSE
    organisation = found["organisation"]
    proposed = bool(registrant["organisation_name"]) and organisation is None
    if organisation:
        registrant["organisation_name"] = organisation["name"]
    return _register(activity_id, registrant, person_id=None,
                     organisation_id=organisation["id"] if organisation else None,
                     proposed=proposed, via=via, actor_email=f"public:{registrant['email']}", public=True)


def answer_public(activity_id: str, raw: dict[str, Any], via: str = PUBLIC) -> PublicAnswer:
    """Register on the public form or API and say what the public may know (PublicAnswer):
    an email already registered answers as a new registration would, and its owner gets an
    email ("you are already registered", with a fresh personal link) instead."""
    result = register_public(activity_id, raw, via)
    return PublicAnswer(result.would_be if result.outcome == "duplicate" else result.outcome, result.name)


# ---------------------------------------------------------------- organisers
INVITATIONS = "invitations"


class NoBasis(ValidationError):
    """Registering known people refused as a whole: ``people`` are the (id, name) of each
    person without a basis for invitations, for a page to name and link them."""

    def __init__(self, people: list[tuple[str, str]]):
        self.people = people
        names = ", ".join(name for _, name in people)
        super().__init__({"person_ids": msg("reg.invite.no_basis", names=names)})


def _refuse_without_basis(people: list[tuple[str, str]]) -> None:
    """An organiser registers (and so invites: confirmation with a calendar invitation)
    only known people with a basis for the purpose "invitations"
    (services.consent.allowed_people); otherwise nothing is registered and the error names
    each person without one, in both languages. Someone who registers themselves consents
    on the form."""
    allowed = consent.allowed_people([pid for pid, _ in people], INVITATIONS)
    refused = [(pid, name or pid) for pid, name in people if pid not in allowed]
    if refused:
        raise NoBasis(refused)


def register_people(actor: Actor, activity_id: str, person_ids: list[str], via: str) -> list[Outcome]:
    """Register known people (several at once), each in its own seat transaction, in the order given."""
    require(actor.role, Permission.EDIT_ACTIVITIES)
    ids = list(dict.fromkeys(i for i in person_ids if i))
    if not ids:
        raise ValidationError({"person_ids": msg("reg.persons.choose")})
    if len(ids) > 500:
        raise ValidationError({"person_ids": msg("reg.persons.too_many")})
    _refuse_ended(_activity(activity_id))
    found = {p["id"]: p for p in driver.read(store.people, ids)}
    unknown = [i for i in ids if i not in found]
    if unknown:
        raise ValidationError({"person_ids": msg("reg.persons.unknown", detail=", ".join(unknown))})
    hidden = consent.hidden(actor, ids)  # a refusal names them by the id sent, not by name
    _refuse_without_basis([(pid, pid if pid in hidden else found[pid]["name"]) for pid in ids])
    outcomes = []
    for pid in ids:
        person = found[pid]
        registrant = domain.validate_registrant(
            {"name": person["name"], "email": person.get("email") or "",
             "organisation_name": person.get("organisation_name") or ""}, public=False)
        outcomes.append(_register(activity_id, registrant, person_id=pid,
                                  organisation_id=person.get("organisation_id"), proposed=False,
                                  via=via, actor_email=actor.email))
    return outcomes


def register_contact(actor: Actor, activity_id: str, raw: dict[str, Any], via: str) -> Outcome:
    """An organiser registers someone by name and email (API), with the same checks."""
    require(actor.role, Permission.EDIT_ACTIVITIES)
    registrant, found = _look_up(activity_id, raw, public=False, refuse=_refuse_ended)
    known = found["people"]
    hidden = consent.hidden(actor, [p["id"] for p in known])  # named by the email typed, not their name
    _refuse_without_basis([(p["id"], registrant["email"] if p["id"] in hidden else p["name"]) for p in known])
    organisation = found["organisation"]
    proposed = bool(registrant["organisation_name"]) and organisation is None
    return _register(activity_id, registrant, person_id=None,
                     organisation_id=organisation["id"] if organisation else None,
                     proposed=proposed, via=via, actor_email=actor.email)


def walk_in(actor: Actor, activity_id: str, raw: dict[str, Any], via: str) -> Outcome:
    """Someone at the door without a registration: in at once, marked present."""
    require(actor.role, Permission.EDIT_ACTIVITIES)
    registrant, found = _look_up(activity_id, raw, public=False)
    organisation = found["organisation"]
    proposed = bool(registrant["organisation_name"]) and organisation is None
    return _register(activity_id, registrant, person_id=None,
                     organisation_id=organisation["id"] if organisation else None,
                     proposed=proposed, via=via, actor_email=actor.email, walk_in=True)


def list_for_activity(actor: Actor, activity_id: str, text: str = "", status: str | None = None) -> list[dict]:
    """The registrations of an activity; a registered person the actor may not see is left
    out (services.consent.shown, as an attendee: organisers see all their attendees)."""
    require(actor.role, Permission.VIEW)
    if status and status not in domain.STATUSES:
        raise ValidationError({"status": msg("common.choose_from", detail=", ".join(domain.STATUSES))})
    rows = driver.read(store.list_for_activity, activity_id, fold(text)[:100], status)
    return consent.shown(actor, rows, key="person_id", where=ATTENDEES)


def lookup_people(actor: Actor, text: str, limit: int = 20) -> list[dict]:
    require(actor.role, Permission.VIEW)
    return consent.shown(actor, driver.read(store.person_lookup, fold(text)[:100], limit))


def _cancel(registration_id: str, actor_email: str, via: str) -> dict:
    before = driver.read(store.get, registration_id)  # for the audit entry's "before"
    result = store.write_contended(store.cancel, registration_id)
    if result["outcome"] == "missing":
        raise NotFound(registration_id)
    registration = result["registration"]
    if result["outcome"] == "already":
        return registration
    audit.record(actor_email, via, "cancel", "registration", registration_id,
                 _audit_view(before) if before else None, _audit_view(registration))
    activity = driver.read(activity_store.get, registration["activity_id"]) or result["activity"]
    messages.send("cancellation", activity, registration)
    for promoted in result["promoted"]:
        audit.record(actor_email, via, "promote", "registration", promoted["id"],
                     {"status": "waitlisted", "activity_id": promoted.get("activity_id")}, _audit_view(promoted))
        messages.send("promotion", activity, promoted, promoted.get("token"))
    return registration | {"promoted": [p["id"] for p in result["promoted"]]}


def cancel(actor: Actor, registration_id: str, via: str) -> dict:
    require(actor.role, Permission.EDIT_ACTIVITIES)
    return _cancel(registration_id, actor.email, via)


def check_in(actor: Actor, activity_id: str, registration_id: str, present: bool, via: str) -> dict:
    """One tap at the door: present (or undo)."""
    require(actor.role, Permission.EDIT_ACTIVITIES)
    before = driver.read(store.get, registration_id)
    record = driver.write(store.set_attendance, activity_id, registration_id, "present" if present else "")
    if record is None:
        raise NotFound(registration_id)
    audit.record(actor.email, via, "check_in" if present else "undo_check_in", "registration", registration_id,
                 {"attendance": (before or {}).get("attendance") or "", "activity_id": activity_id},
                 {"attendance": record.get("attendance") or "", "activity_id": activity_id})
    return record


def mark_no_shows(actor: Actor, activity_id: str, via: str) -> int:
    """Registered people not checked in become no-shows. Allowed from the start of the
    activity on (the door closes; a multi-day fair may do it each day); someone who comes
    late can still be checked in, which makes them present again."""
    require(actor.role, Permission.EDIT_ACTIVITIES)
    activity = _activity(activity_id)
    if not activity_domain.started(activity, now()):
        raise ValidationError({"activity": msg("reg.checkin.not_started")})
    marked = driver.write(store.mark_no_shows, activity_id)
    audit.record(actor.email, via, "mark_no_shows", "activity", activity_id, None, {"marked": marked})
    return marked


# ---------------------------------------------------------------- the personal link
def _by_token(token: str) -> tuple[dict, dict]:
    registration = driver.read(store.by_token, domain.token_hash(token or "")) if token else None
    if registration is None:
        raise NotFound("registration")
    activity = driver.read(activity_store.get, registration["activity_id"])
    if activity is None:
        raise NotFound("registration")
    if activity_domain.ended(activity, now()):
        raise LinkExpired()
    return registration, activity


def view_by_token(token: str) -> tuple[dict, dict]:
    """(registration, activity) for the personal link; NotFound or LinkExpired."""
    return _by_token(token)


def change_by_token(token: str, changes: dict[str, Any]) -> dict:
    registration, activity = _by_token(token)
    if registration["status"] == "cancelled":
        raise ValidationError({"status": msg("reg.registration.cancelled")})
    props = domain.validate_change(changes)
    if "name" in props or "organisation_name" in props:
        props["search_key"] = fold(" | ".join(filter(None, (props.get("name", registration["name"]),
                                                            registration.get("email"),
                                                            props.get("organisation_name",
                                                                      registration.get("organisation_name"))))))
    updated = driver.write(store.update_details, registration["id"], props)
    audit.record(f"public:{registration.get('email')}", PUBLIC, "update", "registration", registration["id"],
                 _audit_view(registration), _audit_view(updated | {"activity_id": activity["id"]}))
    messages.send("change", activity, updated, token)
    return updated


def cancel_by_token(token: str) -> dict:
    registration, _ = _by_token(token)
    return _cancel(registration["id"], f"public:{registration.get('email')}", PUBLIC)


# ---------------------------------------------------------------- exports and outbox
# column name -> (Dutch, English) header, in the export's order (domain/registrations.py)
EXPORT_COLUMNS = domain.export_columns()


def _cell(r: dict, name: str, pick: int) -> Any:
    """What the attendee list shows in column ``name`` of a registration, in language ``pick``."""
    if name == "status":
        return domain.STATUSES.get(r.get("status") or "", ("", ""))[pick]
    if name == "attendance":
        return domain.ATTENDANCE.get(r.get("attendance") or "", ("", ""))[pick]
    if name == "position":
        return r.get("position")  # a number (the waiting list's order), or empty
    if name == "registered_at":
        return activity_domain.dutch_datetime(r.get("registered_at"))
    return r.get(name) or ""  # a field the registrant gives, as given


def attendee_rows(actor: Actor, activity_id: str, lang: str = "nl") -> tuple[dict, list[str], list[list[Any]]]:
    """(activity, column labels in ``lang``, rows) of the attendee list, statuses spelled out."""

    activity = get_activity_for_export(actor, activity_id)
    rows = driver.read(store.list_for_activity, activity_id, "", None)
    rows = consent.shown(actor, rows, key="person_id", where=ATTENDEES)  # whom the list shows
    pick = 1 if lang == "en" else 0
    data = [[_cell(r, name, pick) for name in EXPORT_COLUMNS] for r in rows]
    return activity, [v[pick] for v in EXPORT_COLUMNS.values()], data


def get_activity_for_export(actor: Actor, activity_id: str) -> dict:
    require(actor.role, Permission.VIEW)
    return _activity(activity_id)


def export(actor: Actor, activity_id: str, fmt: str, lang: str = "nl") -> tuple[bytes, str, str]:
    """(content, file name, media type) of the attendee list as CSV or XLSX."""
    if fmt not in sheets.FORMATS:
        raise ValidationError({"format": msg("reg.format.choose")})
    activity, columns, rows = attendee_rows(actor, activity_id, lang)
    stem = "deelnemers-" + "".join(c if c.isalnum() else "-" for c in fold(activity["title"]))[:60].strip("-")
    content = sheets.write_table(columns, rows, fmt, sheet_name="Deelnemers" if lang != "en" else "Attendees")
    return content, f"{stem}.{fmt}", sheets.MEDIA_TYPES[fmt].split(";")[0]


def outbox_for(actor: Actor, activity_id: str) -> list:
    """The emails of an activity (queued, sent or failed), for organisers."""
    require(actor.role, Permission.EDIT_ACTIVITIES)
    return outbox.for_activity(activity_id)


def confirm_organisation(actor: Actor, registration_id: str, kind: str, via: str) -> dict:
    """A coordinator confirms the organisation a registrant proposed: an organisation of that
    exact name is linked if one exists by now, otherwise it is created (as ``kind``)."""
    from lo_network.services import organisations as organisation_service

    require(actor.role, Permission.EDIT_NETWORK)
    registration = driver.read(store.get, registration_id)
    if registration is None:
        raise NotFound(registration_id)
    if not registration.get("organisation_proposed") or not registration.get("organisation_name"):
        raise ValidationError({"organisation_name": msg("reg.organisation.none")})
    existing = driver.read(store.context, None, name_key=fold(registration["organisation_name"]))["organisation"]
    organisation = existing or organisation_service.create(
        actor, {"name": registration["organisation_name"], "kind": kind, "status": "prospect",
                "notes": f"Voorgesteld bij aanmelding door {registration.get('name')}"}, via=via)
    updated = driver.write(store.confirm_organisation, registration_id, organisation["id"])
    if updated is None:
        raise NotFound(registration_id)
    audit.record(actor.email, via, "confirm_organisation", "registration", registration_id,
                 _audit_view(registration), _audit_view(updated | {"activity_id": registration["activity_id"]}))
    return updated | {"organisation_id": organisation["id"]}


def participation(actor: Actor, person_id: str) -> list[dict]:
    """The activities a person registered for (newest first), with status and attendance."""
    require(actor.role, Permission.VIEW)
    if consent.hidden(actor, [person_id]):  # as for a person that does not exist
        return []
    return driver.read(store.for_person, person_id)
