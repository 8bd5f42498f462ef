"""The VTIMEZONE of a time zone in the form calendar programs write themselves: one STANDARD
and one DAYLIGHT part, each with its yearly RRULE ('last Sunday of March'), valid for every
year.

icalendar's own ``add_missing_timezones`` lists each change of the clock as an RDATE over a
fixed span of years (and says it only works until 2038); vobject and some calendar programs
then read a summer activity in winter time. The rule comes from the zone's own tzdata: the
POSIX TZ string a TZif file ends with ('CET-1CEST,M3.5.0,M10.5.0/3'), so nothing about
Europe/Amsterdam is written here."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from zoneinfo import TZPATH, ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

_NAME = r"(<[^>]+>|[A-Za-z]{3,})"
_OFFSET = r"([+-]?\d{1,2}(?::\d{2}){0,2})"
_RULE = r"M(\d{1,2})\.([1-5])\.([0-6])(?:/" + _OFFSET + r")?"
_POSIX = re.compile(rf"^{_NAME}{_OFFSET}(?:{_NAME}(?:{_OFFSET})?,{_RULE},{_RULE})?$")
_DAYS = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")
_FIRST_YEAR = 1970  # DTSTART of each part: the first year the rule is counted from


class UnsupportedZone(ValueError):
    """The zone's tzdata has no POSIX rule of the 'M' form (month, week, weekday)."""


def _tzif(key: str) -> bytes:
    for base in TZPATH:
        path = Path(base) / key
        if path.is_file():
            return path.read_bytes()
    return resources.files("tzdata.zoneinfo").joinpath(*key.split("/")).read_bytes()


def posix_rule(key: str) -> str:
    """The POSIX TZ string at the end of the zone's TZif file (version 2 and later)."""
    data = _tzif(key).rstrip(b"\n")
    return data.rsplit(b"\n", 1)[-1].decode("ascii")


def _hours(text: str | None, default: timedelta) -> timedelta:
    if not text:
        return default
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * timedelta(hours=parts[0], minutes=parts[1], seconds=parts[2])


def _nth_weekday(year: int, month: int, week: int, weekday: int) -> date:
    """POSIX 'Mm.w.d': weekday d (0 = Sunday) of week w of month m; week 5 is the last one."""
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - (first.isoweekday() % 7)) % 7)
    day += timedelta(weeks=week - 1)
    while day.month != month:
        day -= timedelta(weeks=1)
    return day


def _part(cls, name: str, offset_from: timedelta, offset_to: timedelta, month: str, week: str,
          weekday: str, at: str | None):
    part = cls()
    part.add("tzname", name.strip("<>"))
    part.add("tzoffsetfrom", offset_from)
    part.add("tzoffsetto", offset_to)
    start = _nth_weekday(_FIRST_YEAR, int(month), int(week), int(weekday))
    part.add("dtstart", datetime.combine(start, datetime.min.time()) + _hours(at, timedelta(hours=2)))
    by_day = f"{-1 if week == '5' else int(week)}{_DAYS[int(weekday)]}"
    part.add("rrule", vRecur({"FREQ": "YEARLY", "BYMONTH": int(month), "BYDAY": by_day}))
    return part


@cache
def vtimezone(zone: ZoneInfo) -> Timezone:
    """The VTIMEZONE component of ``zone`` (STANDARD, and DAYLIGHT where the zone has summer
    time), built from its POSIX rule."""
    rule = posix_rule(zone.key)
    m = _POSIX.match(rule)
    if not m:
        raise UnsupportedZone(f"{zone.key}: no yearly rule in {rule!r}")
    std_name, std_offset, dst_name, dst_offset, *rules = m.groups()
    standard = -_hours(std_offset, timedelta())  # POSIX counts west of Greenwich as positive
    tz = Timezone()
    tz.add("tzid", zone.key)
    if dst_name is None:  # no summer time: one STANDARD part
        part = TimezoneStandard()
        part.add("tzname", std_name.strip("<>"))
        part.add("tzoffsetfrom", standard)
        part.add("tzoffsetto", standard)
        part.add("dtstart", datetime(_FIRST_YEAR, 1, 1))
        tz.add_component(part)
        return tz
    daylight = -_hours(dst_offset, -(standard + timedelta(hours=1)))
    start_month, start_week, start_day, start_at, end_month, end_week, end_day, end_at = rules
    tz.add_component(_part(TimezoneDaylight, dst_name, standard, daylight,
                           start_month, start_week, start_day, start_at))
    tz.add_component(_part(TimezoneStandard, std_name, daylight, standard,
                           end_month, end_week, end_day, end_at))
    return tz
