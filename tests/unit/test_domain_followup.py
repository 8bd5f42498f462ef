"""The follow-up lists' definitions on small cases with known answers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lo_network.domain import followup as f
from lo_network.domain.errors import ValidationError

TODAY = date(2026, 11, 23)


def event(day: date, via: str = "attended", activity: str = "a1") -> f.Event:
    return f.Event(activity, f"Activiteit {activity}", day, via)


@pytest.mark.parametrize("day, months, expected", [
    (date(2026, 11, 23), -12, date(2025, 11, 23)),
    (date(2026, 3, 31), -1, date(2026, 2, 28)),     # the 31st becomes the month's last day
    (date(2024, 2, 29), 12, date(2025, 2, 28)),     # leap day
    (date(2026, 1, 15), 24, date(2028, 1, 15)),
    (date(2026, 12, 5), 1, date(2027, 1, 5)),       # over the year's end
])
def test_add_months(day, months, expected):
    assert f.add_months(day, months) == expected


def test_the_twelve_month_edge():
    cutoff = f.dormant_cutoff(TODAY, 12)
    assert cutoff == date(2025, 11, 23)
    assert not f.is_dormant("participant", [event(cutoff)], TODAY, 12)            # on the cutoff day: active
    assert f.is_dormant("participant", [event(cutoff - timedelta(days=1))], TODAY, 12)  # a day before: dormant
    assert f.is_dormant("partner", [], TODAY, 12)                                   # never any activity
    assert not f.is_dormant("partner", [event(cutoff - timedelta(days=1))], TODAY, 13)  # setting: 13 months


def test_only_participants_and_partners_can_be_dormant():
    old = [event(TODAY - timedelta(days=800))]
    assert [s for s in ("prospect", "participant", "partner", "former", None) if f.is_dormant(s, old, TODAY, 12)] \
        == ["participant", "partner"]


def test_the_future_does_not_count_as_activity():
    assert f.is_dormant("partner", [event(TODAY + timedelta(days=3))], TODAY, 12)
    assert f.last_activity([event(TODAY + timedelta(days=3), activity="x"), event(TODAY - timedelta(days=3))],
                           TODAY).activity_id == "a1"


def test_last_activity_is_the_latest_of_any_kind():
    events = [event(date(2025, 1, 1), "attended", "a"), event(date(2026, 6, 1), "partner", "b"),
              event(date(2026, 2, 1), "organised", "c")]
    assert f.last_activity(events, TODAY).activity_id == "b"
    assert f.last_activity([], TODAY) is None


def test_employed_at_the_time():
    day = date(2025, 6, 1)
    assert f.employed_on("2020-01-01", None, day)
    assert f.employed_on(None, None, day)
    assert f.employed_on("2025-06-01", "2025-06-01", day)
    assert not f.employed_on("2025-06-02", None, day)   # started after
    assert not f.employed_on("2019-01-01", "2025-05-31", day)  # left before


def test_attended_twice_counts_distinct_activities_and_excludes_partners():
    twice_same = [event(date(2026, 1, 1), "attended", "a"), event(date(2026, 1, 1), "on_behalf", "a")]
    assert f.attended_count(twice_same, TODAY) == 1
    assert not f.attended_twice("participant", twice_same, TODAY)
    two = twice_same + [event(date(2026, 2, 1), "attended", "b")]
    assert f.attended_twice("participant", two, TODAY)
    assert f.attended_twice("prospect", two, TODAY)
    assert f.attended_twice(None, two, TODAY)
    assert not f.attended_twice("partner", two, TODAY)
    # organising or being a project partner is no attendance; the future does not count
    assert not f.attended_twice("prospect", [event(date(2026, 1, 1), "organised", "a"),
                                             event(date(2026, 2, 1), "partner", "b")], TODAY)
    assert not f.attended_twice("prospect", [event(date(2026, 1, 1), "attended", "a"),
                                             event(TODAY + timedelta(days=1), "attended", "b")], TODAY)


def test_consent_window_edges_agree_with_lapses_on():
    earliest, latest = f.consent_window(TODAY, 24, 60)
    assert f.lapses_on(earliest, 24) >= TODAY > f.lapses_on(earliest - timedelta(days=1), 24)
    assert f.lapses_on(latest, 24) <= TODAY + timedelta(days=60) < f.lapses_on(latest + timedelta(days=1), 24)
    assert (earliest, latest) == (date(2024, 11, 23), date(2025, 1, 22))


def test_consent_window_at_a_month_end():
    earliest, latest = f.consent_window(date(2026, 2, 28), 12, 0)
    # 2025-02-28 lapses on 2026-02-28; so would nothing later (2025-03-01 lapses 2026-03-01)
    assert (earliest, latest) == (date(2025, 2, 28), date(2025, 2, 28))


def rec(purpose: str, given: date, basis: str = "consent", withdrawn: str | None = None, created: str = "") -> dict:
    return {"purpose": purpose, "basis": basis, "date": given.isoformat(), "withdrawn": withdrawn, "created_at": created}


def test_lapsing_consents():
    in_30 = f.add_months(TODAY + timedelta(days=30), -24)
    in_200 = f.add_months(TODAY + timedelta(days=200), -24)
    assert f.lapsing([rec("newsletter", in_30)], "none", None, TODAY, 24, 60) == \
        [("newsletter", TODAY + timedelta(days=30))]
    assert f.lapsing([rec("newsletter", in_200)], "none", None, TODAY, 24, 60) == []
    # a renewal (a newer record for the purpose) replaces the old one
    assert f.lapsing([rec("newsletter", in_30), rec("newsletter", TODAY - timedelta(days=5))], None, None,
                     TODAY, 24, 60) == []
    # withdrawn, or another basis: nothing lapses by time
    assert f.lapsing([rec("newsletter", in_30, withdrawn=TODAY.isoformat())], None, None, TODAY, 24, 60) == []
    assert f.lapsing([rec("directory", in_30, basis="legitimate_interest")], None, None, TODAY, 24, 60) == []
    # the general basis counts as a consent of its own; soonest first
    found = f.lapsing([rec("directory", in_30 + timedelta(days=10))], "consent", in_30.isoformat(), TODAY, 24, 60)
    assert [p for p, _ in found] == ["general", "directory"]
    assert f.lapsing([], "legitimate_interest", in_30.isoformat(), TODAY, 24, 60) == []
    # already lapsed yesterday: no longer "about to lapse"
    assert f.lapsing([rec("newsletter", f.add_months(TODAY - timedelta(days=1), -24))], None, None,
                     TODAY, 24, 60) == []


def test_check_filters_and_sort():
    assert f.check("dormant", "name", {"region": "twente", "theme": "", "kind": None}) == \
        {"region": "twente", "theme": None, "kind": None}
    with pytest.raises(ValidationError) as info:
        f.check("dormant", "lapse", {"region": "nowhere"})
    assert set(info.value.errors) == {"sort", "region"}
    with pytest.raises(ValidationError) as info:
        f.check("sleepy", "name", {})
    assert set(info.value.errors) == {"list"}


def test_descriptions_in_both_languages_name_the_settings():
    nl, en = f.describe("nl", 12, 24, 60), f.describe("en", 12, 24, 60)
    assert set(nl) == set(en) == {"activity", "dormant", "twice", "consent"}
    assert "12 maanden" in nl["dormant"] and "12 months" in en["dormant"]
    assert "24 maanden" in nl["consent"] and "60 days" in en["consent"]
