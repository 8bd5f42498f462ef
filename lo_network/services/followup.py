"""The coordinators' follow-up lists: dormant organisations, organisations that
attended twice but are not yet partners, people whose consent is about to lapse.

Reading needs VIEW (the steering group may look too). Who maintains the network sees every
contact; a role that may only view sees a person (a contact of an organisation, a row of the
consent list) only with a basis for the network directory: the rule of every read that
returns people (services.consent.directory_only). The definitions live in ``lo_network.domain.followup``; the graph computes each
list, its count and the page on screen in one read."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from lo_network import settings as settings_mod
from lo_network.domain import followup as domain
from lo_network.domain import imports
from lo_network.domain.activities import TZ
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.domain.sheets import FORMATS, write_table
from lo_network.messages import msg
from lo_network.services import Page, clamp_page, consent
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit
from lo_network.store import driver
from lo_network.store import followup as store

EXPORT_ALL = 1_000_000  # an export is the whole list: one read, no pages
FILE_STEMS = {"dormant": "slapende-organisaties", "twice": "twee-keer-geweest", "consent": "toestemming-verloopt"}


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc)


def _today(now: datetime) -> date:
    return now.astimezone(TZ).date()


def params(actor: Actor, kind: str, filters: dict[str, Any], sort: str, offset: int, limit: int,
           now: datetime | None = None) -> dict[str, Any]:
    """The query parameters of list ``kind`` (validated filters and sort, the dates of the
    definitions from the settings, the consent rule for ``actor``)."""
    clean = domain.check(kind, sort, filters)
    s = settings_mod.get()
    now = _now(now)
    today = _today(now)
    out: dict[str, Any] = dict(clean, sort=sort, offset=offset, limit=limit, now=now.isoformat(),
                               today=today.isoformat(),
                               directory=True if consent.directory_only(actor) else None)
    if kind == "dormant":
        cutoff = domain.dormant_cutoff(today, s.followup_dormant_months)
        out.update(statuses=list(domain.IN_NETWORK), since=domain.start_of_day_utc(cutoff, TZ))
    elif kind == "twice":
        out.update(at_least=domain.TWICE)
    else:
        earliest, latest = domain.consent_window(today, s.consent_valid_months, s.followup_consent_days)
        out.update(from_date=earliest.isoformat(), to_date=latest.isoformat())
    return out


def _local_day(instant: Any) -> str:
    if not instant:
        return ""
    return datetime.fromisoformat(str(instant).replace("Z", "+00:00")).astimezone(TZ).date().isoformat()


def _shape(kind: str, item: dict[str, Any]) -> dict[str, Any]:
    """A row as the UI, API and export show it: the last activity's day in Amsterdam; each
    lapsing consent with the day it lapses."""
    if kind == "consent":
        months = settings_mod.get().consent_valid_months
        item["lapsing"] = sorted(
            ({"purpose": x["purpose"], "given": x["date"],
              "lapses": domain.lapses_on(date.fromisoformat(x["date"][:10]), months).isoformat()}
             for x in item.get("lapsing") or []),
            key=lambda x: (x["lapses"], x["purpose"]))
        item["lapses"] = item["lapsing"][0]["lapses"] if item["lapsing"] else ""
        item["organisations"] = sorted(item.get("organisations") or [], key=lambda o: o.get("name") or "")
        return item
    last = item.get("last_activity")
    item["last_activity"] = ({"id": last.get("id"), "title": last.get("title") or "", "date": _local_day(last.get("at")),
                              "via": last.get("via") or "attended"} if last else None)
    item["contacts"] = sorted(item.get("contacts") or [], key=lambda p: p.get("name") or "")
    item["open_notes"] = sorted(item.get("open_notes") or [], key=lambda n: (n.get("due") or "", n.get("id") or ""))
    item.setdefault("themes", [])
    return item


def _read(kind: str, query_params: dict[str, Any]) -> tuple[int, list[dict]]:
    if kind == "dormant":
        _catch_up(query_params["now"])
    total, items = driver.read(getattr(store, kind), query_params)
    return total, [_shape(kind, item) for item in items]


def _catch_up(now: str) -> None:
    """The dormant list reads the last activity stored on each organisation, which every write
    that adds, changes or removes an event keeps current. Time adds events too (an activity
    counts once it has started): before a read, the organisations of activities that started
    since the last catch-up are derived again; on a graph never derived, every organisation."""
    refreshed_until, due = driver.read(store.last_activity_due, now)
    if refreshed_until is None:
        store.refresh_every_organisation(now)
    elif due:
        driver.write(store.catch_up_last_activity, refreshed_until, now)


def refresh_last_activity() -> int:
    """Derive every organisation's last activity again (after a bulk change outside the
    services: ``lo-network followup dormant --refresh``); how many changed."""
    return store.refresh_every_organisation()


def list_page(actor: Actor, kind: str, filters: dict[str, Any], sort: str | None = None, page: int = 1,
              page_size: int = 25, *, now: datetime | None = None) -> Page:
    """One page of follow-up list ``kind`` (dormant, twice, consent), filtered by region,
    theme and kind, with the list's count. Paged by offset: the lists are sorted by values
    the graph derives per row (last activity, times attended, lapse day), so every page
    costs the derivation over the filtered network, not the skip."""
    require(actor.role, Permission.VIEW)
    page, page_size = clamp_page(page, page_size)
    sort = sort or domain.DEFAULT_SORT.get(kind, "")
    query_params = params(actor, kind, filters, sort, (page - 1) * page_size, page_size, now)
    total, items = _read(kind, query_params)
    return Page(items=items, total=total, page=page, page_size=page_size)


def counts(actor: Actor, filters: dict[str, Any], *, now: datetime | None = None,
           known: dict[str, int] | None = None) -> dict[str, int]:
    """How many rows each list has with these filters (the tabs' counts); ``known`` counts
    (e.g. the total of the page just read) are taken as they are, not read again."""
    require(actor.role, Permission.VIEW)
    out = dict(known or {})
    for kind in domain.LISTS:
        if kind not in out:
            out[kind], _ = _read(kind, params(actor, kind, filters, domain.DEFAULT_SORT[kind], 0, 0, now))
    return {kind: out[kind] for kind in domain.LISTS}


def require_view(actor: Actor) -> None:
    require(actor.role, Permission.VIEW)


def definitions(lang: str = "nl") -> dict[str, str]:
    """The definitions in words with this installation's settings."""
    s = settings_mod.get()
    return domain.describe(lang, s.followup_dormant_months, s.consent_valid_months, s.followup_consent_days)


# ---------------------------------------------------------------- export
# A column that holds an organisation's or a person's field is headed as the organisations' or the
# people's export heads that field (their declarations); the lists' own columns are headed here. So
# is "Organisatie", the organisation's name (the export heads that "Naam"), and "Naam", a person's
# whole name (the export has a first and a last name).
_ORGANISATION = imports.EXPORT_HEADERS["organisations"]
_PERSON = imports.EXPORT_HEADERS["people"]
_ORGANISATION_COLUMNS = ["Organisatie", _ORGANISATION["kind"], _ORGANISATION["city"], _ORGANISATION["region"],
                         _ORGANISATION["status"]]
_LAST_ACTIVITY = ["Laatste activiteit (datum)", "Laatste activiteit"]
_CONTACT = ["Contactpersoon", _PERSON["email"], _PERSON["phone"]]  # an organisation's first contact person
HEADERS = {
    "dormant": [*_ORGANISATION_COLUMNS, *_LAST_ACTIVITY, *_CONTACT, "Open opvolging", "Organisatie-id"],
    "twice": [*_ORGANISATION_COLUMNS, "Keer aanwezig", *_LAST_ACTIVITY, *_CONTACT, "Open opvolging",
              "Organisatie-id"],
    "consent": ["Naam", _PERSON["organisation"], _PERSON["email"], _PERSON["phone"], "Verloopt op", "Doelen",
                "Toestemming gegeven", "Persoon-id"],
}


def _export_row(kind: str, item: dict[str, Any]) -> list[Any]:
    from lo_network.domain import vocab
    from lo_network.domain.consent import PURPOSES
    from lo_network.domain.dates import dutch

    if kind == "consent":
        purposes = [("Algemene grondslag" if x["purpose"] == domain.GENERAL else PURPOSES.get(x["purpose"], (x["purpose"],))[0])
                    for x in item["lapsing"]]
        return [item.get("name"), [o["name"] for o in item["organisations"]], item.get("email"), item.get("phone"),
                dutch(item["lapses"]), purposes, [dutch(x["given"]) for x in item["lapsing"]], item["id"]]
    last = item.get("last_activity") or {}
    contact = (item.get("contacts") or [{}])[0]
    row = [item.get("name"), vocab.label(vocab.KINDS, item.get("kind")), item.get("city"),
           vocab.label(vocab.REGIONS, item.get("region")), vocab.label(vocab.STATUSES, item.get("status"))]
    if kind == "twice":
        row.append(item.get("attended"))
    notes = [f"{dutch(n.get('due'))} {n.get('assignee') or ''}: {n.get('note') or ''}" for n in item.get("open_notes") or []]
    return row + [dutch(last.get("date")), last.get("title"), contact.get("name"), contact.get("email"),
                  contact.get("phone"), notes, item["id"]]


def export(actor: Actor, kind: str, filters: dict[str, Any], sort: str | None = None, fmt: str = "csv", *,
           now: datetime | None = None) -> tuple[str, bytes]:
    """(filename, bytes): the whole list as filtered and sorted on screen, CSV or XLSX."""
    require(actor.role, Permission.VIEW)
    if fmt not in FORMATS:
        raise ValidationError({"format": msg("common.choose_from", detail=", ".join(FORMATS))})
    sort = sort or domain.DEFAULT_SORT.get(kind, "")
    _, items = _read(kind, params(actor, kind, filters, sort, 0, EXPORT_ALL, now))
    data = write_table(HEADERS[kind], (_export_row(kind, item) for item in items), fmt)
    return f"{FILE_STEMS[kind]}-{_today(_now(now)).isoformat()}.{fmt}", data


# ---------------------------------------------------------------- follow-up notes
def notes(actor: Actor, organisation_id: str) -> list[dict]:
    """The follow-up notes of an organisation: open ones first, soonest due first."""
    require(actor.role, Permission.VIEW)
    return driver.read(store.notes, organisation_id)


def add_note(actor: Actor, organisation_id: str, raw: dict[str, Any], via: str) -> dict:
    """A follow-up note on an organisation (who will call, by when); the assignee defaults to
    the actor. Coordinators and admins (EDIT_NETWORK); audited."""
    require(actor.role, Permission.EDIT_NETWORK)
    props = domain.validate_note(dict(raw, assignee=(raw.get("assignee") or "").strip() or actor.name or actor.email))
    note = driver.write(store.add_note, organisation_id, props, actor.email)
    if note is None:
        raise NotFound(organisation_id)
    audit.record(actor.email, via, "create", "followup_note", note["id"], None,
                 dict(props, organisation_id=organisation_id))
    return note


def set_note_done(actor: Actor, organisation_id: str, note_id: str, done: bool, via: str,
                  *, now: datetime | None = None) -> dict:
    """Mark a note done today (or open again). EDIT_NETWORK; audited."""
    require(actor.role, Permission.EDIT_NETWORK)
    before = next((n for n in driver.read(store.notes, organisation_id) if n["id"] == note_id), None)
    if before is None:
        raise NotFound(note_id)
    day = _today(_now(now)).isoformat() if done else None
    note = driver.write(store.set_note_done, organisation_id, note_id, day, actor.email)
    if note is None:
        raise NotFound(note_id)
    audit.record(actor.email, via, "update", "followup_note", note_id, {"done": before.get("done")},
                 {"done": note.get("done"), "organisation_id": organisation_id})
    return note
