"""Dates as users type them (Dutch first) and as the graph stores them (ISO strings)."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from lo_network.messages import msg

# The network's time zone: for showing and reading local times only; instants reach the
# graph as ISO strings (DESIGN.md), never as ZoneInfo values.
TZ = ZoneInfo("Europe/Amsterdam")

_NL = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(value: object) -> date | None:
    """'2026-03-01', '1-3-2026', '01/03/2026' or a date -> date; '' or None -> None.

    Raises ValueError with a short reason when the text is not a date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if m := _ISO.match(text):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _NL.match(text):
        d, mo, y = (int(g) for g in m.groups())
    else:
        raise ValueError(msg("common.date.invalid"))
    try:
        return date(y, mo, d)
    except ValueError as exc:
        raise ValueError(msg("common.does_not_exist")) from exc


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def dutch(value: object) -> str:
    """ISO date or datetime text -> 'dd-mm-jjjj' for display; '' when empty or unknown.
    An instant (a time with its offset, or a datetime) is dated in Amsterdam, not in UTC:
    a change at 00:30 on the 2nd in Amsterdam is on the 2nd, though UTC still says the 1st."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = value.isoformat()
    text = str(value)
    if len(text) > 10:
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return moment.astimezone(TZ).strftime("%d-%m-%Y")
    try:
        d = date.fromisoformat(text[:10])
    except ValueError:
        return text
    return d.strftime("%d-%m-%Y")
