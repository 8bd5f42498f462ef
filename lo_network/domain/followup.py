"""The coordinators' follow-up lists: whom to call. Plain Python: the definitions,
the date arithmetic the queries are given, and the rules the unit tests pin down.

The graph answers the lists (``graph/queries/followup/*.cypher``) with the parameters made
here; the same rules are written out below in Python (``last_activity``, ``is_dormant``,
``attended_twice``, ``lapsing``) so that they are tested on small known cases and the
queries are tested against them on the real graph.

Definitions (shown on the page, Dutch and English):

- **Activity of an organisation**: one of
  1. a person who worked there *at the time* (``WORKS_AT`` since/until around the day of the
     activity) was present at an activity (registration checked in: ``attendance = present``),
  2. a registration made on behalf of the organisation was present, for a registrant who is no
     known person (public registrants matched to the organisation: ``ON_BEHALF_OF``; a known
     person counts through their employment at the time, not through the organisation named
     when they registered),
  3. the organisation organised an activity (``ORGANISES``),
  4. the organisation is partner in a living lab or project (``PARTNER_IN``) that ran in the
     period (its day is the project's end, or today while it still runs).
  Only what already happened counts (start not in the future).
- **Dormant**: network status participant or partner (in the network: not a prospect, not a
  former participant) and no activity since the cutoff: today minus ``LO_FOLLOWUP_DORMANT_MONTHS``
  (default 12) months. An activity *on* the cutoff day still counts (not dormant).
- **Attended twice, not yet partner**: people of the organisation (at the time), or
  registrations on its behalf, were present at two or more *distinct* activities (ever), and
  its network status is not partner.
- **Consent about to lapse**: a consent (legal basis "consent", not withdrawn) is valid
  ``LO_CONSENT_VALID_MONTHS`` (default 24) months from its date; it is about to lapse when
  that end falls between today and ``LO_FOLLOWUP_CONSENT_DAYS`` (default 60) days ahead.
  Per purpose the newest record decides (a renewal replaces the old one); the general basis
  of the person (``consent_basis = consent`` with ``consent_date``) counts as one more
  consent. Legitimate interest and contract do not lapse by time (the retention review,
  ``LO_RETENTION_YEARS``, covers them).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Iterable

from lo_network.domain.errors import ValidationError
from lo_network.domain.text import checks_text
from lo_network.messages import join, msg, reason, vocabulary

LISTS: dict[str, tuple[str, str]] = vocabulary("vocab.followup_list", ("dormant", "twice", "consent"))

# Network statuses that count as "in the network" for the dormant list.
IN_NETWORK = ("participant", "partner")
PARTNER = "partner"
TWICE = 2
GENERAL = "general"  # the person's general basis, shown as a purpose of its own

SORTS: dict[str, tuple[str, ...]] = {
    "dormant": ("name", "-name", "silent"),
    "twice": ("name", "-name", "-attended"),
    "consent": ("lapse",),
}
KEYSET_SORTS: dict[str, tuple[str, ...]] = {
    "dormant": ("name", "-name"),
    "twice": ("name", "-name"),
    "consent": ("lapse",),
}
DEFAULT_SORT = {"dormant": "silent", "twice": "-attended", "consent": "lapse"}
FILTERS = ("region", "theme", "kind")


def describe(lang: str, months: int, valid_months: int, within_days: int) -> dict[str, str]:
    """The three definitions in words, for the page (one paragraph per list)."""
    nl = lang == "nl"
    return {
        "activity": (
            "Activiteit van een organisatie: iemand die er toen werkte was aanwezig bij een activiteit "
            "(ingecheckt), een aanmelding namens de organisatie was aanwezig, de organisatie organiseerde een "
            "activiteit, of is partner in een living lab of project dat liep."
            if nl else
            "Activity of an organisation: someone who worked there at the time was present at an activity "
            "(checked in), a registration on its behalf was present, it organised an activity, or it is "
            "partner in a living lab or project that ran."
        ),
        "dormant": (
            f"Deelnemers en partners zonder activiteit in de laatste {months} maanden."
            if nl else f"Participants and partners without activity in the last {months} months."
        ),
        "twice": (
            "Organisaties waarvan mensen bij twee of meer verschillende activiteiten aanwezig waren, "
            "maar die (nog) geen partner zijn."
            if nl else
            "Organisations whose people were present at two or more different activities, but that "
            "are not (yet) partners."
        ),
        "consent": (
            f"Toestemming (grondslag 'toestemming') geldt {valid_months} maanden; deze personen verliezen "
            f"hun toestemming binnen {within_days} dagen. Vraag om verlenging."
            if nl else
            f"Consent (legal basis 'consent') is valid for {valid_months} months; these people's consent "
            f"lapses within {within_days} days. Ask them to renew it."
        ),
    }


# ---------------------------------------------------------------- dates
def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` (negative: back); the 31st becomes the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def dormant_cutoff(today: date, months: int) -> date:
    """The first day that still counts as recent: activity on or after it is not dormant."""
    return add_months(today, -months)


def lapses_on(given: date, valid_months: int) -> date:
    """The day a consent given on ``given`` stops being valid."""
    return add_months(given, valid_months)


def consent_window(today: date, valid_months: int, within_days: int) -> tuple[date, date]:
    """The consent dates whose lapse falls in [today, today + within_days]: (earliest, latest).

    ``lapses_on`` does not decrease as the date grows, so the window is a range of dates the
    graph can compare as ISO strings. Computed by search over the few candidate days at the
    month ends, so that the edges agree with ``lapses_on`` exactly."""
    from datetime import timedelta

    end = today + timedelta(days=within_days)
    earliest = add_months(today, -valid_months) - timedelta(days=3)
    while lapses_on(earliest, valid_months) < today:
        earliest += timedelta(days=1)
    latest = add_months(end, -valid_months) + timedelta(days=3)
    while lapses_on(latest, valid_months) > end:
        latest -= timedelta(days=1)
    return earliest, latest


def start_of_day_utc(day: date, tz) -> str:
    """Midnight of ``day`` in ``tz`` (Europe/Amsterdam) as UTC ISO text, for datetime($since)."""
    from datetime import timezone

    return datetime.combine(day, time(0, 0), tzinfo=tz).astimezone(timezone.utc).isoformat()


# ---------------------------------------------------------------- the rules on plain records
@dataclass(frozen=True)
class Event:
    """One activity counted for an organisation: the activity, its day, and how it counts
    (``attended``, ``on_behalf``, ``organised``, ``partner``)."""

    activity_id: str
    title: str
    day: date
    via: str


def employed_on(since: str | None, until: str | None, day: date) -> bool:
    """Was the employment (ISO since/until, either open) current on ``day``?"""
    text = day.isoformat()
    return (not since or since <= text) and (not until or until >= text)


def last_activity(events: Iterable[Event], today: date) -> Event | None:
    """The latest event not in the future (ties: the first given)."""
    best = None
    for event in events:
        if event.day <= today and (best is None or event.day > best.day):
            best = event
    return best


def is_dormant(status: str | None, events: Iterable[Event], today: date, months: int) -> bool:
    if status not in IN_NETWORK:
        return False
    last = last_activity(events, today)
    return last is None or last.day < dormant_cutoff(today, months)


def attended_count(events: Iterable[Event], today: date) -> int:
    """Distinct activities attended (in person or on the organisation's behalf), not in the future."""
    return len({e.activity_id for e in events if e.via in ("attended", "on_behalf") and e.day <= today})


def attended_twice(status: str | None, events: Iterable[Event], today: date) -> bool:
    return status != PARTNER and attended_count(events, today) >= TWICE


def lapsing(records: Iterable[dict[str, Any]], general_basis: str | None, general_date: str | None,
            today: date, valid_months: int, within_days: int) -> list[tuple[str, date]]:
    """(purpose, lapse day) of a person's consents that lapse in the window, soonest first.

    ``records`` are consent records (purpose, basis, date, withdrawn, created_at); per purpose
    the newest (by date, then created_at) decides."""
    earliest, latest = consent_window(today, valid_months, within_days)
    newest: dict[str, dict[str, Any]] = {}
    for record in records:
        key = (record.get("date") or "", str(record.get("created_at") or ""))
        current = newest.get(record.get("purpose"))
        if current is None or key > (current.get("date") or "", str(current.get("created_at") or "")):
            newest[record.get("purpose")] = record
    found = []
    candidates = [(purpose, r) for purpose, r in newest.items()]
    if general_basis == "consent" and general_date:
        candidates.append((GENERAL, {"basis": "consent", "date": general_date}))
    for purpose, record in candidates:
        withdrawn = record.get("withdrawn")
        if record.get("basis") != "consent" or (withdrawn and withdrawn <= today.isoformat()):
            continue
        given = date.fromisoformat(str(record["date"])[:10])
        if earliest <= given <= latest:
            found.append((purpose, lapses_on(given, valid_months)))
    return sorted(found, key=lambda pair: (pair[1], pair[0]))


# ---------------------------------------------------------------- input
def check(kind: str, sort: str, filters: dict[str, Any]) -> dict[str, str | None]:
    """The list's filters, validated against the vocabularies; raises ValidationError."""
    from lo_network.domain import vocab

    errors: dict[str, str] = {}
    if kind not in LISTS:
        errors["list"] = msg("common.choose_from", detail=", ".join(LISTS))
    elif sort not in SORTS[kind]:
        errors["sort"] = msg("common.choose_from", detail=", ".join(SORTS[kind]))
    words = {"region": vocab.REGIONS, "theme": vocab.THEMES, "kind": vocab.KINDS}
    clean: dict[str, str | None] = {}
    for name in FILTERS:
        value = (filters.get(name) or "").strip() or None
        if value is not None and value not in words[name]:
            errors[name] = join(msg("common.unknown"), msg("common.choose_from", detail=", ".join(words[name])))
        clean[name] = value
    if errors:
        raise ValidationError(errors)
    return clean


# ---------------------------------------------------------------- follow-up notes
# A coordinator's note on an organisation: who will call, by when, and when it was done.
NOTE_FIELDS = ("note", "assignee", "due")


@checks_text
def validate_note(raw: dict[str, Any]) -> dict[str, Any]:
    """note (required, at most 500 characters), assignee (who will call; at most 100), due
    (a date, required). Raises ValidationError naming each bad field."""
    from lo_network.domain.checks import at_most, required_text
    from lo_network.domain.dates import parse_date
    from lo_network.domain.text import clean, multiline

    errors: dict[str, str] = {}
    note = required_text(errors, "note", multiline(raw.get("note")), msg("followup.note.required"), most=500)
    assignee = at_most(errors, "assignee", clean(raw.get("assignee")), 100)
    due = None
    try:
        due = parse_date(raw.get("due"))
    except ValueError as exc:
        errors["due"] = reason(exc)
    if due is None and "due" not in errors:
        errors["due"] = msg("common.date.required")
    if errors:
        raise ValidationError(errors)
    return {"note": note, "assignee": assignee, "due": due.isoformat()}
