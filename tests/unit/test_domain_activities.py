"""Activity and registration rules, times in Europe/Amsterdam, tokens, calendar files."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from lo_network.domain import activities as domain
from lo_network.domain import calendar
from lo_network.domain import registrations as reg
from lo_network.domain.errors import ValidationError

BASE = {"title": "Dag van de Logistiek", "kind": "logistics_day", "starts_at": "02-10-2026 09:00",
        "ends_at": "02-10-2026 16:30"}


def test_times_are_amsterdam_and_stored_in_utc():
    summer = domain.parse_local("02-07-2026 09:00")
    winter = domain.parse_local("2026-12-02T09:00")
    assert summer == datetime(2026, 7, 2, 7, 0, tzinfo=timezone.utc)   # CEST, UTC+2
    assert winter == datetime(2026, 12, 2, 8, 0, tzinfo=timezone.utc)  # CET, UTC+1
    assert domain.dutch_datetime(domain.utc_iso(summer)) == "02-07-2026 09:00"
    assert domain.input_value("2026-12-02T08:00:00.000000000+00:00") == "02-12-2026 09:00"
    assert domain.parse_local("") is None
    with pytest.raises(ValueError, match="bestaat niet"):
        domain.parse_local("30-02-2026 10:00")
    with pytest.raises(ValueError, match="geen geldige datum"):
        domain.parse_local("morgen")


def test_validate_normalises_and_defaults():
    out = domain.validate(BASE | {"themes": "knowledge_labour, accessibility", "capacity": " 80 "})
    assert out["themes"] == ["accessibility", "knowledge_labour"]
    assert out["capacity"] == 80 and out["visibility"] == "public"
    assert out["registration_closes"] == out["starts_at"]  # closes at the start unless chosen
    assert out["title_key"] == "dag van de logistiek"
    assert domain.validate(BASE | {"capacity": ""})["capacity"] is None


@pytest.mark.parametrize("changes, field", [
    ({"title": ""}, "title"), ({"kind": "party"}, "kind"), ({"themes": ["weather"]}, "themes"),
    ({"region": "mars"}, "region"), ({"corridor": "silk_road"}, "corridor"),
    ({"ends_at": "02-10-2026 08:00"}, "ends_at"), ({"starts_at": ""}, "starts_at"),
    ({"capacity": "0"}, "capacity"), ({"capacity": "tien"}, "capacity"),
    ({"online_url": "zoom"}, "online_url"), ({"kind": "webinar"}, "online_url"),
    ({"visibility": "secret"}, "visibility"),
    ({"registration_opens": "03-10-2026 10:00", "registration_closes": "01-10-2026 10:00"}, "registration_closes"),
    ({"registration_closes": "05-10-2026 10:00"}, "registration_closes"),
])
def test_each_bad_field_is_named(changes, field):
    with pytest.raises(ValidationError) as caught:
        domain.validate(BASE | changes)
    assert list(caught.value.errors) == [field]
    assert " / " in caught.value.errors[field]  # Dutch / English


def test_registration_window():
    activity = {k: domain.utc_iso(domain.parse_local(v)) for k, v in
                {"starts_at": "10-10-2026 09:00", "ends_at": "10-10-2026 17:00",
                 "registration_opens": "01-09-2026 00:00", "registration_closes": "09-10-2026 12:00"}.items()}
    at = lambda text: domain.parse_local(text)  # noqa: E731
    assert "vanaf 01-09-2026" in domain.registration_closed_reason(activity, at("31-08-2026 23:00"))
    assert domain.registration_closed_reason(activity, at("15-09-2026 10:00")) is None
    assert "gesloten" in domain.registration_closed_reason(activity, at("09-10-2026 12:00"))
    assert "voorbij" in domain.registration_closed_reason(activity, at("10-10-2026 17:00"))
    assert domain.started(activity, at("10-10-2026 09:00")) and not domain.ended(activity, at("10-10-2026 16:59"))


def test_calendar_changes_only_for_what_the_invitation_shows():
    stored = domain.validate(BASE) | {"starts_at": "2026-10-02T07:00:00.000000000+00:00"}
    assert not domain.calendar_changed(stored, domain.validate(BASE | {"capacity": "5"}))
    assert domain.calendar_changed(stored, domain.validate(BASE | {"location": "Hengelo"}))
    assert domain.calendar_changed(stored, domain.validate(BASE | {"starts_at": "02-10-2026 09:30"}))


def test_registrant_validation_and_keys():
    out = reg.validate_registrant({"name": " Anne  de Boer ", "email": "Anne@Voorbeeld.NL",
                                   "organisation_name": "Café Twente", "consent": "on"}, public=True)
    assert out["name"] == "Anne de Boer" and out["email"] == "Anne@voorbeeld.nl"
    assert out["email_key"] == "anne@voorbeeld.nl" and out["organisation_key"] == "cafe twente"
    with pytest.raises(ValidationError) as caught:
        reg.validate_registrant({"name": "", "email": "anne@", "consent": False}, public=True)
    assert set(caught.value.errors) == {"name", "email", "consent"}
    assert reg.validate_registrant({"name": "Loper"}, public=False)["email"] == ""  # a walk-in
    assert reg.who_key("a", None, "x@y.nl", "X") == "a|e:x@y.nl"
    assert reg.who_key("a", "p1", "x@y.nl", "X") == "a|p:p1"
    assert reg.who_key("a", None, "", "Jörg Loper") == "a|n:jorg loper"


def test_tokens_are_unguessable_and_only_their_hash_is_kept():
    token, hashed = reg.new_token()
    other, _ = reg.new_token()
    assert len(token) >= 43 and token != other
    assert hashed == reg.token_hash(token) and token not in hashed and len(hashed) == 64
    now = datetime(2026, 10, 10, 15, tzinfo=timezone.utc)
    assert reg.token_expired("2026-10-10T15:00:00+00:00", now)
    assert not reg.token_expired((now + timedelta(seconds=1)).isoformat(), now)


def test_invitation_cancellation_and_feed_parse_back():
    activity = domain.validate(BASE | {"location": "ROC van Twente", "online_url": "https://meet.example/abc"})
    activity |= {"id": "a1", "ics_sequence": 3}
    ics = Calendar.from_ical(calendar.invitation(activity, {"name": "Anne", "email": "anne@x.nl"},
                                                 organiser_email="lo@x.nl", url="https://lo/x"))
    [event] = ics.walk("VEVENT")
    assert str(ics["METHOD"]) == "REQUEST" and event["SEQUENCE"] == 3
    assert event["DTSTART"].dt == datetime(2026, 10, 2, 9, 0, tzinfo=domain.TZ)
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert "https://meet.example/abc" in str(event["DESCRIPTION"])
    assert [str(c) for c in event["CATEGORIES"].cats] == ["Dag / Week van de Logistiek"]
    cancel = Calendar.from_ical(calendar.cancellation(activity, {"name": "Anne", "email": "anne@x.nl"},
                                                      organiser_email="lo@x.nl"))
    [event] = cancel.walk("VEVENT")
    assert (str(cancel["METHOD"]), event["SEQUENCE"], str(event["STATUS"])) == ("CANCEL", 4, "CANCELLED")
    assert str(event["UID"]) == calendar.uid("a1")
    feed = Calendar.from_ical(calendar.feed([activity, activity | {"id": "a2"}], "LO"))
    assert [str(e["UID"]) for e in feed.walk("VEVENT")] == [calendar.uid("a1"), calendar.uid("a2")]
    assert len(feed.walk("VTIMEZONE")) == 1 and str(feed["X-WR-CALNAME"]) == "LO"


def test_series_keep_the_wall_clock_time_and_month_ends():
    first = domain.validate(BASE | {"starts_at": "31-01-2026 19:00", "ends_at": "31-01-2026 21:30"})
    monthly = domain.series_times(first["starts_at"], first["ends_at"], "monthly", 4)
    local = [domain.dutch_datetime(s) for s, _ in monthly]
    assert local == ["31-01-2026 19:00", "28-02-2026 19:00", "31-03-2026 19:00", "30-04-2026 19:00"]
    assert [domain.dutch_datetime(e)[-5:] for _, e in monthly] == ["21:30"] * 4  # across the DST change
    weekly = domain.series_times(first["starts_at"], first["ends_at"], "weekly", "3")
    assert [domain.dutch_datetime(s)[:10] for s, _ in weekly] == ["31-01-2026", "07-02-2026", "14-02-2026"]
    with pytest.raises(ValidationError) as caught:
        domain.series_times(first["starts_at"], first["ends_at"], "daily", 40)
    assert set(caught.value.errors) == {"repeat_every", "repeat_count"}
