"""Typed, dated links between two organisations or between two people, and the timeline
of a detail page (employment history and links, newest first).

A link is stored as ``(a)-[:LINK {id, type, since, until, source, note}]->(b)`` between two
nodes of the same label. Directed types read "a <type> b" from a and the inverse from b
("a is klant van b" / "b heeft als klant a"); undirected types read the same from both ends.
History is kept: ending a link sets ``until``; the link stays and shows as ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from lo_network.domain.checks import at_most, one_of
from lo_network.domain.dates import dutch, iso, parse_date
from lo_network.domain.errors import ValidationError
from lo_network.domain.text import checks_text, clean, multiline
from lo_network.messages import msg, reason

ORGANISATION = "organisation"
PERSON = "person"
KINDS = (ORGANISATION, PERSON)
FIELDS = ("type", "since", "until", "source", "note")


@dataclass(frozen=True)
class LinkType:
    code: str
    forward: tuple[str, str]   # (nl, en) as read from the start of the link
    inverse: tuple[str, str]   # (nl, en) as read from its end
    directed: bool


def _t(code, fwd, inv=None):
    return LinkType(code, fwd, inv or fwd, inv is not None)


ORGANISATION_TYPES: dict[str, LinkType] = {t.code: t for t in (
    _t("partner", ("partner van", "partner of")),
    _t("customer", ("klant van", "customer of"), ("heeft als klant", "has as customer")),
    _t("supplier", ("leverancier van", "supplier of"), ("heeft als leverancier", "has as supplier")),
    _t("member_of", ("lid van", "member of"), ("heeft als lid", "has as member")),
    _t("part_of", ("onderdeel / dochter van", "part / subsidiary of"),
       ("moederorganisatie van", "parent organisation of")),
    _t("collaborates", ("werkt samen met", "collaborates with")),
    _t("shareholder", ("aandeelhouder van", "shareholder of"), ("heeft als aandeelhouder", "has as shareholder")),
)}

PERSON_TYPES: dict[str, LinkType] = {t.code: t for t in (
    _t("knows", ("kent", "knows")),
    _t("introduced_by", ("geïntroduceerd door", "introduced by"), ("heeft geïntroduceerd", "introduced")),
)}


def types_for(kind: str) -> dict[str, LinkType]:
    if kind == ORGANISATION:
        return ORGANISATION_TYPES
    if kind == PERSON:
        return PERSON_TYPES
    raise ValidationError({"kind": msg("common.choose_org_or_person")})


def type_choices(kind: str) -> dict[str, tuple[str, str]]:
    """Vocabulary for a select: code -> (nl, en) as read from the record on screen (forward)."""
    return {code: t.forward for code, t in types_for(kind).items()}


def label(kind: str, type_code: str, outgoing: bool) -> tuple[str, str]:
    """(nl, en) words of a link as read from one end."""
    link_type = types_for(kind).get(type_code)
    if link_type is None:
        return (type_code, type_code)
    return link_type.forward if outgoing or not link_type.directed else link_type.inverse


@checks_text
def validate(kind: str, raw: dict[str, Any], *, from_id: str | None = None, to_id: str | None = None,
             today: date | None = None) -> dict[str, Any]:
    """Check a link's fields; raise ValidationError naming each bad field.

    ``from_id``/``to_id`` are checked when given (a new link): both needed, not the same record."""
    today = today or date.today()
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    kinds = types_for(kind)
    type_code = one_of(errors, "type", clean(raw.get("type")), kinds, msg("links.type.choose"))
    out["type"] = type_code
    if from_id is not None or to_id is not None:
        if not clean(from_id):
            errors["from_id"] = msg("links.from.choose")
        if not clean(to_id):
            errors["to_id"] = msg("links.to.choose")
        elif clean(from_id) == clean(to_id):
            errors["to_id"] = msg("links.to.self")
    dates = {}
    for field in ("since", "until"):
        try:
            dates[field] = parse_date(raw.get(field))
        except ValueError as exc:
            errors[field] = reason(exc)
            dates[field] = None
    if dates["since"] and dates["since"] > today:
        errors["since"] = msg("common.in_future")
    if dates["since"] and dates["until"] and dates["until"] < dates["since"]:
        errors["until"] = msg("common.before_start_date")
    out["since"] = iso(dates["since"])
    out["until"] = iso(dates["until"])
    out["source"] = at_most(errors, "source", clean(raw.get("source")), 200)
    out["note"] = at_most(errors, "note", multiline(raw.get("note")), 2000)
    if errors:
        raise ValidationError(errors)
    return out


def is_active(link: dict[str, Any], today: date | None = None) -> bool:
    until = link.get("until")
    return not until or str(until)[:10] >= (today or date.today()).isoformat()


def same_active_link(existing: list[dict[str, Any]], kind: str, type_code: str, from_id: str, to_id: str,
                     today: date | None = None, except_id: str | None = None) -> bool:
    """Is there already an active link of this type between these two (either way round
    when the type has no direction)?"""
    directed = types_for(kind)[type_code].directed
    for link in existing:
        if link.get("id") == except_id or link.get("type") != type_code or not is_active(link, today):
            continue
        ends = (link.get("from_id"), link.get("to_id"))
        if ends == (from_id, to_id) or (not directed and ends == (to_id, from_id)):
            return True
    return False


def end_changes(link: dict[str, Any], until: object = None, *, today: date | None = None) -> dict[str, Any]:
    """The raw fields of ``link`` with ``until`` set (default today): ending keeps the link."""
    today = today or date.today()
    raw = {field: link.get(field) for field in FIELDS}
    raw["until"] = until or today.isoformat()
    return raw


# ---------------------------------------------------------------- timeline
@dataclass(frozen=True)
class TimelineEntry:
    date: str          # ISO date the event happened ('' when unknown)
    kind: str          # employment_start, employment_end, link_start, link_end
    nl: str
    en: str
    ended: bool = False
    other_id: str = ""
    other_kind: str = ""


def _other_words(nl_en: tuple[str, str], name: str) -> tuple[str, str]:
    return f"{nl_en[0]} {name}", f"{nl_en[1]} {name}"


def timeline(*, employments: list[dict] = (), links: list[dict] = (), viewpoint: str = PERSON,
             today: date | None = None) -> list[TimelineEntry]:
    """Employment history and links of one record as dated events, newest first.

    ``employments``: for a person, {organisation_id, organisation_name, role, since, until};
    for an organisation, {person_id, person_name, role, since, until}. ``links``: as the
    store lists them from this record ({type, kind, outgoing, other_id, other_name, since, until})."""
    today = today or date.today()
    out: list[TimelineEntry] = []
    for job in employments:
        if viewpoint == PERSON:
            other_id, other_kind, name = job.get("organisation_id") or "", ORGANISATION, job.get("organisation_name") or ""
            start = ("begint bij", "starts at")
            end = ("vertrekt bij", "leaves")
        else:
            other_id, other_kind, name = job.get("person_id") or "", PERSON, job.get("person_name") or ""
            start = ("in dienst:", "joins:")
            end = ("uit dienst:", "leaves:")
        role = clean(job.get("role"))
        suffix = f" ({role})" if role else ""
        ended = not is_active(job, today)
        if job.get("since") or not job.get("until"):
            nl, en = _other_words(start, name)
            out.append(TimelineEntry(job.get("since") or "", "employment_start", nl + suffix, en + suffix,
                                     ended, other_id, other_kind))
        if job.get("until"):
            nl, en = _other_words(end, name)
            out.append(TimelineEntry(job["until"], "employment_end", nl + suffix, en + suffix, ended,
                                     other_id, other_kind))
    for link in links:
        kind = link.get("kind") or viewpoint
        words = label(kind, link.get("type") or "", bool(link.get("outgoing")))
        name = link.get("other_name") or ""
        ended = not is_active(link, today)
        nl, en = _other_words(words, name)
        out.append(TimelineEntry(link.get("since") or "", "link_start", nl, en, ended,
                                 link.get("other_id") or "", kind))
        if link.get("until"):
            out.append(TimelineEntry(link["until"], "link_end", f"einde: {nl}", f"ended: {en}", ended,
                                     link.get("other_id") or "", kind))
    # newest first; events without a date at the end
    return sorted(out, key=lambda e: (e.date != "", e.date), reverse=True)


def period_text(link: dict[str, Any], lang: str = "nl") -> str:
    since, until = dutch(link.get("since")), dutch(link.get("until"))
    if since and until:
        return f"{since} – {until}"
    if until:
        return f"? – {until}"
    if since:
        return f"{'sinds' if lang == 'nl' else 'since'} {since}"
    return ""
