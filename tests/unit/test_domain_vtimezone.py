"""Calendar files carry their time zone as yearly rules, read right by a second parser
(vobject, not the icalendar package that writes them): a summer and a winter activity keep
their local time and offset, and the rules hold for years to come in zones north and south."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar, Event

from lo_network.domain import calendar
from lo_network.domain.activities import TZ, utc_iso
from lo_network.domain.vtimezone import vtimezone


def activity_at(local: datetime) -> dict:
    start = local.replace(tzinfo=TZ)
    return {"id": "a1", "title": "Dag van de Logistiek", "kind": "logistics_day",
            "starts_at": utc_iso(start), "ends_at": utc_iso(start + timedelta(hours=2))}


@pytest.mark.parametrize("local, offset_hours", [
    (datetime(2027, 4, 15, 16, 0), 2),   # summer time (CEST)
    (datetime(2027, 1, 14, 16, 0), 1),   # winter time (CET)
    (datetime(2045, 7, 1, 9, 30), 2),    # past 2038, still summer time
    (datetime(2026, 10, 25, 3, 30), 1),  # the morning the clock goes back
])
def test_a_second_parser_reads_the_activity_at_its_local_time(local, offset_hours):
    ics = calendar.invitation(activity_at(local), {"name": "Anne", "email": "anne@x.nl"},
                              organiser_email="lo@x.nl")
    event = vobject.readOne(ics.decode()).vevent
    start = event.dtstart.value
    assert start.replace(tzinfo=None) == local
    assert start.utcoffset() == timedelta(hours=offset_hours)
    assert start.astimezone(timezone.utc) == local.replace(tzinfo=TZ).astimezone(timezone.utc)


def test_the_zone_is_written_as_yearly_rules_not_dates():
    ics = Calendar.from_ical(calendar.feed([activity_at(datetime(2027, 4, 15, 16))], "LO"))
    (zone,) = ics.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Amsterdam"
    parts = {part.name: part for part in zone.subcomponents}
    assert set(parts) == {"DAYLIGHT", "STANDARD"}
    assert parts["DAYLIGHT"]["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"
    assert parts["STANDARD"]["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"
    assert b"RDATE" not in zone.to_ical()


@pytest.mark.parametrize("key", ["Europe/Amsterdam", "Australia/Sydney", "America/New_York", "Asia/Tokyo"])
def test_the_rules_give_the_offsets_of_the_tz_database(key):
    """Every month of ten years, as vobject reads the VTIMEZONE, equals zoneinfo's offset."""
    zone = ZoneInfo(key)
    cal = Calendar()
    cal.add("prodid", "-//test//")
    cal.add("version", "2.0")
    cal.add_component(vtimezone(zone))
    for n, (year, month) in enumerate((y, m) for y in range(2030, 2040) for m in range(1, 13)):
        event = Event()
        event.add("uid", f"e{n}")
        event.add("dtstamp", datetime(2026, 1, 1, tzinfo=timezone.utc))
        event.add("dtstart", datetime(year, month, 15, 12, 0, tzinfo=zone))
        cal.add_component(event)
    read = vobject.readOne(cal.to_ical().decode())
    wrong = [(e.dtstart.value, e.dtstart.value.utcoffset(), e.dtstart.value.replace(tzinfo=zone).utcoffset())
             for e in read.vevent_list
             if e.dtstart.value.utcoffset() != e.dtstart.value.replace(tzinfo=zone).utcoffset()]
    assert not wrong
