"""An activity of the network (trade mission, fair, logistics day, café, ...): its fields,
their rules, times in Europe/Amsterdam, and whether registration is open."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from lo_network.domain import budget, vocab
from lo_network.domain.checks import at_most, one_of, required_text
from lo_network.domain.dates import TZ  # noqa: F401 - the time zone, used here and imported from here
from lo_network.domain.errors import ValidationError
from lo_network.domain.fields import Field, names
from lo_network.domain.text import checks_text, clean, fold, multiline, search_key
from lo_network.messages import Message, msg, reason, vocabulary

TZ_NAME = "Europe/Amsterdam"

# value -> (nl, en); the glossary's words.
KINDS: dict[str, tuple[str, str]] = vocabulary("vocab.activity_kind", (
    "trade_mission", "fair", "logistics_day", "congress", "cafe", "webinar", "living_lab", "project",
    "lobby_meeting"))

CORRIDORS: dict[str, tuple[str, str]] = vocabulary("vocab.corridor", (
    "north_sea_baltic", "rhine_alpine", "north_sea_rhine_mediterranean"))

VISIBILITIES: dict[str, tuple[str, str]] = vocabulary("vocab.visibility", ("public", "invite"))

WHEN: dict[str, tuple[str, str]] = vocabulary("vocab.when", ("upcoming", "past"))

# how an organisation takes part in an activity (the list filter with organisation_id)
INVOLVEMENT: dict[str, tuple[str, str]] = vocabulary("vocab.involvement", (
    "organiser", "partner", "attendee"))

REPEATS: dict[str, tuple[str, str]] = vocabulary("vocab.repeat", ("weekly", "monthly"))

# Every field an activity is created or changed with, in the order the API shows them: the
# API's request and list models, the edit form's values and the labels are derived from
# here (domain/fields.py). ``listed`` fields are in the list's rows, ``public`` ones on the
# public registration page (never the budget or the counts of people). A programme line left
# empty is the kind's (budget.KIND_LINES); amounts are euros ("1.250,50" or 1250.50).
DECLARED = (
    Field("title", ("Titel", "Title"), required=True, listed=True, public=True),
    Field("kind", ("Soort activiteit", "Kind of activity"), required=True, listed=True, widget="select",
          vocabulary=KINDS, prompt="act.choose_kind", public=True),
    Field("themes", ("Thema's", "Themes"), many=True, listed=True, widget="checkboxes", vocabulary=vocab.THEMES),
    Field("organiser_ids", ("Organiserende organisaties", "Organising organisations"), many=True),
    Field("region", ("Regio", "Region"), listed=True, widget="select", vocabulary=vocab.REGIONS,
          empty="act.no_region"),
    Field("corridor", ("Corridor", "Corridor"), listed=True, widget="select", vocabulary=CORRIDORS,
          empty="act.no_corridor"),
    Field("programme_line", ("Activiteitenlijn", "Programme line"), listed=True, widget="select",
          vocabulary=vocab.PROGRAMME_LINES, empty="act.line_from_kind"),
    Field("budget_planned", ("Begroot budget (€)", "Planned budget (€)"), listed=True, widget="money"),
    Field("budget_spent", ("Werkelijke kosten (€)", "Realised cost (€)"), listed=True, widget="money"),
    Field("starts_at", ("Begin", "Start"), required=True, listed=True, widget="datetime", public=True),
    Field("ends_at", ("Einde", "End"), required=True, listed=True, widget="datetime", public=True),
    Field("location", ("Locatie", "Location"), listed=True, public=True),
    Field("online_url", ("Online link", "Online link"), listed=True, widget="url", public=True),
    Field("description", ("Omschrijving", "Description"), widget="long", public=True),
    Field("visibility", ("Zichtbaarheid", "Visibility"), required=True, listed=True, widget="select",
          vocabulary=VISIBILITIES, default="public"),
    Field("capacity", ("Capaciteit", "Capacity"), listed=True, widget="numeric", whole=True),
    Field("registration_opens", ("Aanmelding opent", "Registration opens"), widget="datetime", public=True),
    Field("registration_closes", ("Aanmelding sluit", "Registration closes"), widget="datetime", public=True),
    Field("repeat_every", ("Herhalen", "Repeat"), widget="select", vocabulary=REPEATS, empty="act.no_repeat"),
    Field("repeat_count", ("Aantal bijeenkomsten", "Number of sessions"), widget="numeric", whole=True),
    Field("project_id", ("Onderdeel van", "Part of")),
)
# what a new activity's form asks once: a series is made of it, each session stored on its own
SERIES_FIELDS = ("repeat_every", "repeat_count")
# the stored fields
FIELDS = tuple(name for name in names(DECLARED) if name not in SERIES_FIELDS)
SORTS = ("starts", "-starts", "title")

_DUTCH_DT = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2})[:.](\d{2}))?$")
_ISO_DT = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$")
_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+\S*$", re.IGNORECASE)


def parse_local(value: object, *, default_time: time = time(9, 0)) -> datetime | None:
    """A time as a person types it in Europe/Amsterdam -> an aware datetime (UTC); '' -> None.

    Takes 'dd-mm-jjjj uu:mm', 'jjjj-mm-ddTuu:mm' (the browser's datetime-local), a bare
    date (then ``default_time``), an aware ISO string (stored values) or a datetime.
    Raises ValueError with a reason in Dutch and English."""
    if value is None:
        return None
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=TZ)
        return aware.astimezone(timezone.utc)
    text = clean(value)
    if not text:
        return None
    if m := _DUTCH_DT.match(text):
        d, mo, y, hh, mm = m.groups()
    elif m := _ISO_DT.match(text):
        y, mo, d, hh, mm = m.groups()
    else:
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(msg("common.datetime.invalid")) from None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=TZ)
        return parsed.astimezone(timezone.utc)
    try:
        local = datetime(int(y), int(mo), int(d),
                         int(hh) if hh is not None else default_time.hour,
                         int(mm) if mm is not None else default_time.minute, tzinfo=TZ)
    except ValueError:
        raise ValueError(msg("common.does_not_exist")) from None
    return local.astimezone(timezone.utc)


def utc_iso(value: datetime | None) -> str | None:
    return value.astimezone(timezone.utc).isoformat(timespec="seconds") if value else None


def to_local(value: object) -> datetime | None:
    """A stored instant (ISO text or datetime) in Europe/Amsterdam."""
    if not value:
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(TZ)


def dutch_datetime(value: object) -> str:
    """'2026-05-12T07:00:00+00:00' -> '12-05-2026 09:00' (Amsterdam time)."""
    local = to_local(value)
    return local.strftime("%d-%m-%Y %H:%M") if local else ""


def input_value(value: object) -> str:
    """A stored instant as the date-time input shows it: 'dd-mm-jjjj uu:mm' in Amsterdam."""
    return dutch_datetime(value)


def _when(raw: dict, name: str, errors: dict, default_time: time = time(9, 0)) -> datetime | None:
    try:
        return parse_local(raw.get(name), default_time=default_time)
    except ValueError as exc:
        errors[name] = reason(exc)
        return None


def _capacity(value: object, errors: dict) -> int | None:
    text = clean(value)
    if text in ("", "None"):
        return None
    try:
        number = int(text)
    except ValueError:
        errors["capacity"] = msg("common.whole_number")
        return None
    if number < 1 or number > 100_000:
        errors["capacity"] = msg("act.capacity.range")
        return None
    return number


def _list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [clean(v) for v in re.split(r"[,;]", value) if clean(v)]
    return [clean(v) for v in value if clean(v)]


@checks_text
def validate(raw: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise an activity; raise ValidationError naming each bad field.

    Returns the properties as the graph stores them (instants as UTC ISO text) plus
    ``organiser_ids`` (the ORGANISES links, not a property)."""
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}

    title = required_text(errors, "title", clean(raw.get("title")), msg("common.title.required"), most=200,
                          too_long=msg("act.title.too_long"))
    out["title"] = title

    kind = one_of(errors, "kind", clean(raw.get("kind")), KINDS, msg("act.kind.required"))
    out["kind"] = kind

    themes = sorted(set(_list(raw.get("themes"))))
    unknown = [t for t in themes if t not in vocab.THEMES]
    if unknown:
        errors["themes"] = msg("common.unknown_theme", detail=", ".join(unknown))
    out["themes"] = themes

    out["organiser_ids"] = list(dict.fromkeys(_list(raw.get("organiser_ids"))))
    if len(out["organiser_ids"]) > 20:
        errors["organiser_ids"] = msg("act.organisers.too_many")

    region = clean(raw.get("region"))
    if region and region not in vocab.REGIONS:
        errors["region"] = msg("common.unknown_region")
    out["region"] = region

    corridor = clean(raw.get("corridor"))
    if corridor and corridor not in CORRIDORS:
        errors["corridor"] = msg("act.corridor.unknown")
    out["corridor"] = corridor

    starts = _when(raw, "starts_at", errors)
    ends = _when(raw, "ends_at", errors, default_time=time(17, 0))
    if starts is None and "starts_at" not in errors:
        errors["starts_at"] = msg("act.starts_at.required")
    if ends is None and "ends_at" not in errors:
        errors["ends_at"] = msg("act.ends_at.required")
    if starts and ends and ends <= starts:
        errors["ends_at"] = msg("act.ends_at.not_after_start")
    out["starts_at"], out["ends_at"] = utc_iso(starts), utc_iso(ends)

    location = at_most(errors, "location", clean(raw.get("location")), 300)
    out["location"] = location
    online = clean(raw.get("online_url"))
    if online and not _URL.match(online):
        errors["online_url"] = msg("act.online_url.invalid")
    out["online_url"] = online
    if kind == "webinar" and not online and "online_url" not in errors:
        errors["online_url"] = msg("act.online_url.required")

    out["description"] = at_most(errors, "description", multiline(raw.get("description")), 10_000,
                                 too_long=msg("act.description.too_long"))

    visibility = one_of(errors, "visibility", clean(raw.get("visibility")) or "public", VISIBILITIES,
                        msg("act.visibility.choose"))
    out["visibility"] = visibility

    out["capacity"] = _capacity(raw.get("capacity"), errors)

    opens = _when(raw, "registration_opens", errors, default_time=time(0, 0))
    closes = _when(raw, "registration_closes", errors, default_time=time(23, 59))
    if closes is None and starts is not None:
        closes = starts  # registration closes when the activity starts unless chosen otherwise
    if opens and closes and closes <= opens:
        errors["registration_closes"] = msg("act.registration_closes.not_after_opening")
    if closes and ends and closes > ends and "ends_at" not in errors:
        errors["registration_closes"] = msg("act.registration_closes.after_end")
    out["registration_opens"], out["registration_closes"] = utc_iso(opens), utc_iso(closes)

    out["project_id"] = clean(raw.get("project_id")) or None

    # the programme line: chosen, or the kind's default (budget.KIND_LINES)
    line = clean(raw.get("programme_line")) or budget.default_line(kind)
    if line and line not in vocab.PROGRAMME_LINES:
        errors["programme_line"] = msg("common.unknown_programme_line")
    out["programme_line"] = line
    # money: the planned budget and the realised cost, euros with at most two decimals
    out["budget_planned"] = budget.amount_field(raw, "budget_planned", errors)
    out["budget_spent"] = budget.amount_field(raw, "budget_spent", errors)

    if errors:
        raise ValidationError(errors)
    out["title_key"] = fold(title)
    out["search_key"] = search_key(title, location, KINDS[kind][0], KINDS[kind][1])
    return out


def merge_update(current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    merged = {field: current.get(field) for field in FIELDS}
    merged["organiser_ids"] = [o["id"] for o in current.get("organisers") or []]
    merged.update({k: v for k, v in changes.items() if k in FIELDS})
    return merged


# Changes that make the calendar invitation different (SEQUENCE goes up, attendees are told).
CALENDAR_FIELDS = ("title", "starts_at", "ends_at", "location", "online_url", "description")


def calendar_changed(before: dict[str, Any], after: dict[str, Any]) -> bool:
    def value(record: dict[str, Any], name: str):
        raw = record.get(name)
        return to_local(raw) if name.endswith("_at") else (raw or "")

    return any(value(before, f) != value(after, f) for f in CALENDAR_FIELDS)


def search_text(text: object) -> str:
    return fold(text)[:100]


def registration_closed_reason(activity: dict[str, Any], now: datetime) -> Message | None:
    """Why a registration is refused now, as a message; None when open."""
    opens = to_local(activity.get("registration_opens"))
    closes = to_local(activity.get("registration_closes") or activity.get("starts_at"))
    ends = to_local(activity.get("ends_at"))
    if ends and now >= ends:
        return msg("common.activity_over")
    if opens and now < opens:
        return msg("act.registration.opens_at", opens=opens.strftime("%d-%m-%Y %H:%M"))
    if closes and now >= closes:
        return msg("act.registration.closed")
    return None


def is_full(activity: dict[str, Any]) -> bool:
    """Every seat taken (``registered`` as the store counts it): a registration now waits."""
    capacity = activity.get("capacity")
    return bool(capacity) and int(activity.get("registered") or 0) >= int(capacity)


def ended(activity: dict[str, Any], now: datetime) -> bool:
    ends = to_local(activity.get("ends_at"))
    return bool(ends and now >= ends)


def started(activity: dict[str, Any], now: datetime) -> bool:
    starts = to_local(activity.get("starts_at"))
    return bool(starts and now >= starts)


def today_local() -> date:
    return datetime.now(TZ).date()


def window_days(activity: dict[str, Any]) -> timedelta:
    start, end = to_local(activity.get("starts_at")), to_local(activity.get("ends_at"))
    return (end - start) if start and end else timedelta(0)


# ---------------------------------------------------------------- series of dated sessions
MAX_SESSIONS = 24


def series_times(starts_at: str, ends_at: str, every: str, count: object) -> list[tuple[str, str]]:
    """(start, end) as UTC ISO text for each session of a series, the first being the given one.

    Sessions keep their Amsterdam wall-clock time across daylight saving; a monthly session
    on the 31st falls on the last day of shorter months. Raises ValidationError."""
    errors: dict[str, str] = {}
    if every not in REPEATS:
        errors["repeat_every"] = msg("act.repeat_every.choose")
    try:
        n = int(str(count).strip())
    except ValueError:
        n = 0
    if not 2 <= n <= MAX_SESSIONS:
        errors["repeat_count"] = msg("act.repeat_count.range", max=MAX_SESSIONS)
    if errors:
        raise ValidationError(errors)
    start, end = to_local(starts_at), to_local(ends_at)
    length = end - start
    out = []
    for i in range(n):
        if every == "weekly":
            day = start.date() + timedelta(weeks=i)
        else:
            month = start.month - 1 + i
            year, month = start.year + month // 12, month % 12 + 1
            last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
            day = date(year, month, min(start.day, last))
        local = datetime.combine(day, start.time().replace(tzinfo=None), tzinfo=TZ)
        out.append((utc_iso(local), utc_iso(local + length)))
    return out


# ---------------------------------------------------------------- living labs and projects
PROJECT_KINDS = ("living_lab", "project")
PARTNER_ROLES: dict[str, tuple[str, str]] = vocabulary("vocab.partner_role", (
    "lead", "partner", "knowledge_partner", "funder"))


@checks_text
def validate_partner_role(role: object) -> str:
    value = clean(role)
    if value not in PARTNER_ROLES:
        raise ValidationError({"role": msg("act.partner_role.choose")})
    return value


@checks_text
def validate_milestone(raw: dict[str, Any]) -> dict[str, Any]:
    """A milestone: a title and a due date (dd-mm-jjjj)."""
    from lo_network.domain.dates import iso, parse_date

    errors: dict[str, str] = {}
    title = required_text(errors, "milestone_title", clean(raw.get("title")), msg("common.title.required"),
                          most=200)
    try:
        due = parse_date(raw.get("due"))
    except ValueError as exc:
        errors["milestone_due"] = reason(exc)
        due = None
    if due is None and "milestone_due" not in errors:
        errors["milestone_due"] = msg("common.date.required")
    if errors:
        raise ValidationError(errors)
    return {"title": title, "due": iso(due)}
