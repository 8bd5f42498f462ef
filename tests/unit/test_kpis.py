"""Every growth measure on a small fixture whose answers are worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from lo_network.domain import kpis as k
from lo_network.domain.activities import validate as validate_activity
from lo_network.domain.errors import ValidationError

TODAY = date(2026, 6, 15)

ORGS = k.frame([
    # joined as participant in Jan, partner in Mar
    {"id": "A", "kind": "company", "region": "twente", "themes": ["international"], "status": "partner",
     "status_log": ["2026-01-10:participant", "2026-03-05:partner"]},
    # prospect from Jan, participant in Feb, former in May (lost)
    {"id": "B", "kind": "company", "region": "zwolle", "themes": ["sustainability"], "status": "former",
     "status_log": ["2026-01-02:prospect", "2026-02-01:participant", "2026-05-20:former"]},
    # a prospect known since 2025
    {"id": "C", "kind": "municipality", "region": "outside_overijssel", "themes": [], "status": "prospect",
     "status_log": ["2025-11-01:prospect"]},
    # known only from April
    {"id": "D", "kind": "knowledge_institute", "region": "deventer", "themes": ["international", "sustainability"],
     "status": "participant", "status_log": ["2026-04-01:participant"]},
], k.ORG_COLUMNS)

ACTS = k.frame([
    {"id": "a1", "kind": "cafe", "themes": ["international"], "line": "regional", "day": date(2026, 1, 20)},
    {"id": "a2", "kind": "trade_mission", "themes": ["international"], "line": "international", "day": date(2026, 2, 10)},
    {"id": "a3", "kind": "cafe", "themes": ["sustainability"], "line": "themes", "day": date(2026, 4, 8)},
    {"id": "a4", "kind": "living_lab", "themes": ["sustainability"], "line": "themes", "day": date(2026, 3, 1)},
    {"id": "a5", "kind": "cafe", "themes": [], "line": "", "day": date(2026, 7, 1)},  # future
], k.ACT_COLUMNS)

REGS = k.frame([
    {"activity_id": "a1", "organisation_id": "A", "status": "registered", "attendance": "present"},
    {"activity_id": "a1", "organisation_id": "B", "status": "registered", "attendance": "no_show"},
    {"activity_id": "a1", "organisation_id": None, "status": "walk_in", "attendance": "present"},
    {"activity_id": "a1", "organisation_id": "C", "status": "cancelled", "attendance": ""},
    {"activity_id": "a2", "organisation_id": "A", "status": "registered", "attendance": "present"},
    {"activity_id": "a2", "organisation_id": "D", "status": "waitlisted", "attendance": ""},
    {"activity_id": "a3", "organisation_id": "B", "status": "registered", "attendance": "present"},
    {"activity_id": "a3", "organisation_id": "D", "status": "registered", "attendance": "present"},
    {"activity_id": "a3", "organisation_id": "A", "status": "registered", "attendance": ""},
    {"activity_id": "a5", "organisation_id": "C", "status": "registered", "attendance": ""},
], k.REG_COLUMNS)

PARTNERS = k.frame([{"organisation_id": "D", "activity_id": "a4"}], k.PARTNER_COLUMNS)


@pytest.fixture
def events():
    return k.status_events(ORGS)


def test_every_measure_has_both_languages():
    for m in k.MEASURES.values():
        assert m.nl and m.en and len(m.about_nl) > 20 and len(m.about_en) > 20


def test_regions_fold_into_four_groups():
    assert list(ORGS["region"]) == ["twente", "zwolle", "other", "deventer"]


def test_periods_by_month_quarter_year():
    assert [p[0] for p in k.periods(date(2026, 2, 1), date(2026, 7, 1), "quarter")] == ["2026-K1", "2026-K2", "2026-K3"]
    assert k.periods(date(2025, 12, 1), date(2026, 1, 1), "year")[1] == ("2026", date(2026, 1, 1), date(2026, 12, 31))
    assert [p[0] for p in k.periods(date(2026, 1, 1), date(2026, 3, 1), "month")] == ["2026-01", "2026-02", "2026-03"]
    assert k.month_end(date(2024, 2, 1)) == date(2024, 2, 29)
    with pytest.raises(ValueError):
        k.parse_month("maart")


def test_network_size_follows_the_status_history(events):
    assert k.network_size(events, date(2026, 1, 31)) == {"prospect": 2, "participant": 1, "partner": 0}
    assert k.network_size(events, date(2026, 3, 31)) == {"prospect": 1, "participant": 1, "partner": 1}
    # B is former by June: not counted under any of the three
    assert k.network_size(events, date(2026, 6, 1)) == {"prospect": 1, "participant": 1, "partner": 1}


def test_new_and_lost_per_period(events):
    assert k.new_and_lost(events, date(2026, 1, 1), date(2026, 1, 31)) == {"new": 1, "lost": 0}   # A
    assert k.new_and_lost(events, date(2026, 2, 1), date(2026, 2, 28)) == {"new": 1, "lost": 0}   # B
    assert k.new_and_lost(events, date(2026, 3, 1), date(2026, 3, 31)) == {"new": 0, "lost": 0}   # A up a step
    assert k.new_and_lost(events, date(2026, 4, 1), date(2026, 6, 30)) == {"new": 1, "lost": 1}   # D in, B out


def test_size_by_region_kind_and_theme(events):
    day = date(2026, 4, 30)
    assert k.size_by(ORGS, events, day, "region") == {
        "twente": {"prospect": 0, "participant": 0, "partner": 1},
        "zwolle": {"prospect": 0, "participant": 1, "partner": 0},
        "other": {"prospect": 1, "participant": 0, "partner": 0},
        "deventer": {"prospect": 0, "participant": 1, "partner": 0},
    }
    assert k.size_by(ORGS, events, day, "kind")["company"] == {"prospect": 0, "participant": 1, "partner": 1}
    themes = k.size_by(ORGS, events, day, "theme")
    assert themes["international"] == {"prospect": 0, "participant": 1, "partner": 1}  # A and D
    assert themes["sustainability"] == {"prospect": 0, "participant": 2, "partner": 0}  # B and D


def test_companies_by_size_class_with_unknown_apart():
    orgs = k.frame([
        {"id": "m1", "kind": "company", "size_class": "micro", "status_log": ["2026-01-05:prospect"]},
        {"id": "m2", "kind": "company", "size_class": "micro", "status_log": ["2026-02-01:participant"]},
        {"id": "l1", "kind": "company", "size_class": "large",
         "status_log": ["2026-01-01:participant", "2026-03-01:partner"]},
        {"id": "s1", "kind": "company", "size_class": "small",  # former by April: not counted then
         "status_log": ["2026-01-01:participant", "2026-03-20:former"]},
        {"id": "u1", "kind": "company", "size_class": "", "status_log": ["2026-01-01:participant"]},
        {"id": "u2", "kind": "company", "size_class": None, "status_log": ["2026-02-10:prospect"]},
        {"id": "u3", "kind": "company", "size_class": "gigantic", "status_log": ["2026-02-10:partner"]},
        {"id": "x1", "kind": "municipality", "size_class": "large", "status_log": ["2026-01-01:partner"]},
        {"id": "late", "kind": "company", "size_class": "medium", "status_log": ["2026-05-01:participant"]},
    ], k.ORG_COLUMNS)
    events = k.status_events(orgs)
    assert k.size_by_class(orgs, events, date(2026, 4, 30)) == {
        "micro": {"prospect": 1, "participant": 1, "partner": 0},
        "large": {"prospect": 0, "participant": 0, "partner": 1},
        "unknown": {"prospect": 1, "participant": 1, "partner": 1},
    }
    assert k.size_by_class(orgs, events, date(2026, 1, 31)) == {
        "micro": {"prospect": 1, "participant": 0, "partner": 0},
        "large": {"prospect": 0, "participant": 1, "partner": 0},
        "small": {"prospect": 0, "participant": 1, "partner": 0},
        "unknown": {"prospect": 0, "participant": 1, "partner": 0},
    }
    assert "size_by_class" in k.MEASURES


def test_participation_of_a_quarter():
    p = k.participation(ACTS, REGS, date(2026, 1, 1), date(2026, 3, 31), TODAY)
    # held: a1, a2, a4; seated: a1 x3 (A, B, walk-in), a2 x1 (A) -> 4
    assert p["activities"] == 3
    assert p["registrations"] == 4
    assert p["present"] == 3 and p["no_shows"] == 1
    assert p["attendance_rate"] == 0.75 and p["no_show_rate"] == 0.25
    assert p["unique_organisations"] == 1          # only A was present with an organisation
    assert p["first_time"] == 1                    # A first came in January
    assert p["repeat_share"] == 1.0                # A came twice


def test_participation_later_and_in_the_future():
    p = k.participation(ACTS, REGS, date(2026, 4, 1), date(2026, 7, 31), TODAY)
    assert p["activities"] == 1                    # a3; a5 lies after today
    assert p["registrations"] == 3 and p["present"] == 2
    assert p["unique_organisations"] == 2          # B and D
    assert p["first_time"] == 2                    # both came for the first time
    assert p["repeat_share"] == 0.0
    assert k.first_time_per_activity(ACTS, REGS, date(2026, 1, 1), date(2026, 6, 30), TODAY) == {"a1": 1, "a3": 2}


def test_activities_by_kind_and_theme():
    by_kind = k.activities_by(ACTS, REGS, date(2026, 1, 1), date(2026, 6, 30), TODAY, "kind")
    assert by_kind["cafe"] == {"activities": 2, "registrations": 6, "present": 4}
    assert by_kind["living_lab"] == {"activities": 1, "registrations": 0, "present": 0}
    by_theme = k.activities_by(ACTS, REGS, date(2026, 1, 1), date(2026, 6, 30), TODAY, "theme")
    assert by_theme["international"]["activities"] == 2


def test_funnel_levels_and_conversion(events):
    levels = k.funnel_levels(ORGS, events, ACTS, REGS, PARTNERS, date(2026, 6, 1))
    # A: partner (4); B: attended a3 only (1); C: known (0); D: project partner (3)
    assert levels.to_dict() == {"A": 4, "B": 1, "C": 0, "D": 3}
    steps = k.funnel(levels)
    assert [s["count"] for s in steps] == [4, 3, 2, 2, 1]
    assert [s["conversion"] for s in steps] == [1.0, 0.75, 0.6667, 1.0, 0.5]
    by_region = k.funnel_by(ORGS, levels, "region")
    assert [s["count"] for s in by_region["twente"]] == [1, 1, 1, 1, 1]
    # before D was known (March) it is not in the funnel
    assert "D" not in k.funnel_levels(ORGS, events, ACTS, REGS, PARTNERS, date(2026, 3, 15)).index


def test_programme_lines_against_the_split():
    lines = {r["line"]: r for r in k.programme_lines(ACTS, REGS, date(2026, 1, 1), date(2026, 6, 30), TODAY)}
    assert lines["regional"]["activities"] == 1 and lines["regional"]["present"] == 2
    assert lines["themes"]["activities"] == 2 and lines["themes"]["activity_share"] == 0.5
    assert lines["international"]["present_share"] == 0.2      # 1 of 5 present
    assert lines["regional"]["target"] == 0.4 and "none" not in lines   # a5 (untagged) lies in the future


def test_cross_links():
    rows = [{"region_a": "twente", "region_b": "twente", "themes_a": ["international"], "themes_b": ["international"], "links": 5},
            {"region_a": "other_overijssel", "region_b": "outside_overijssel", "themes_a": [], "themes_b": ["x"], "links": 2},
            {"region_a": "zwolle", "region_b": "deventer", "themes_a": ["a", "b"], "themes_b": ["b"], "links": 3}]
    assert k.cross_links(rows) == {"organisation_links": 10, "cross_region_links": 3, "cross_theme_links": 2}


def test_filters_and_summary():
    only_twente = k.summary(ORGS, ACTS, REGS, PARTNERS, date(2026, 1, 1), date(2026, 1, 31), TODAY, {"region": "twente"})
    assert only_twente["size_participant"] == 1 and only_twente["registrations"] == 1
    everyone = k.summary(ORGS, ACTS, REGS, PARTNERS, date(2026, 1, 1), date(2026, 1, 31), TODAY)
    assert everyone["registrations"] == 3 and everyone["line_activities_regional"] == 1
    assert k.dimensions({}) == "all" and k.dimensions({"theme": "international", "region": ""}) == "theme:international"
    assert k.dimensions({"theme": "international", "region": "twente"}) == ""
    assert len(k.snapshot_dimensions()) == 1 + 4 + 4 + 7


def test_activity_programme_line_is_checked():
    base = {"title": "Café", "kind": "cafe", "starts_at": "01-03-2026 10:00", "ends_at": "01-03-2026 12:00"}
    assert validate_activity(dict(base, programme_line="international"))["programme_line"] == "international"
    assert validate_activity(base)["programme_line"] == "regional"  # a café's line, unless chosen
    assert validate_activity(dict(base, kind="fair"))["programme_line"] == "international"
    with pytest.raises(ValidationError) as exc:
        validate_activity(dict(base, programme_line="lobby"))
    assert "programme_line" in exc.value.errors


def test_an_empty_network_gives_zeros_for_every_filter():
    empty = [k.frame([], cols) for cols in (k.ORG_COLUMNS, k.ACT_COLUMNS, k.REG_COLUMNS, k.PARTNER_COLUMNS)]
    for filters in k.snapshot_dimensions():
        out = k.summary(*empty, date(2026, 1, 1), date(2026, 1, 31), TODAY, filters)
        assert out["size_partner"] == 0 and out["registrations"] == 0 and out["funnel_known"] == 0


def test_dashboard_helpers_periods_and_downloads():
    from lo_network.domain.imports import read_table
    from lo_network.states.dashboard import default_range, download_bytes, quarter_of

    assert default_range(date(2026, 11, 23)) == ("2025-12", "2026-11")
    assert default_range(date(2026, 3, 1)) == ("2025-04", "2026-03")
    assert quarter_of("2026-K2", TODAY)[2] == "2026-K2" and quarter_of("2026-K2", TODAY)[0] == date(2026, 4, 1)
    assert quarter_of("", date(2026, 11, 23))[2] == "2026-K3"      # the last finished quarter
    assert quarter_of("nonsense", date(2026, 2, 1))[2] == "2025-K4"
    name, data = download_bytes([{"period": "2026-01", "prospect": 2, "participant": 1, "partner": 0}], "size", "csv")
    assert name.startswith("netwerkomvang-") and name.endswith(".csv")
    table = read_table(data, name)
    assert table.columns == ["Periode", "Prospect", "Deelnemer", "Partner"]
    assert [values for _, values in table.rows] == [["2026-01", "2", "1", "0"]]


def test_cross_links_of_one_month():
    rows = [{"region_a": "twente", "region_b": "zwolle", "themes_a": [], "themes_b": [], "links": 4,
             "from_month": "2025-03", "to_month": None},
            {"region_a": "twente", "region_b": "twente", "themes_a": ["a"], "themes_b": ["a"], "links": 2,
             "from_month": "2025-01", "to_month": "2025-04"}]
    assert k.cross_links(rows, "2025-02")["organisation_links"] == 2       # the second only: the first began in March
    assert k.cross_links(rows, "2025-04") == {"organisation_links": 6, "cross_region_links": 4, "cross_theme_links": 4}
    assert k.cross_links(rows, "2025-05")["organisation_links"] == 4       # the second ended in April


def test_month_choices_in_words_newest_first():
    choices = k.month_choices(date(2026, 3, 15))
    assert choices[0] == {"value": "2026-03", "nl": "maart 2026", "en": "March 2026"}
    assert choices[-1]["value"] == "2021-01" and len(choices) == 5 * 12 + 3
    kept = k.month_choices(date(2026, 3, 15), "2019-05", "2026-03", "bad")
    assert {"value": "2019-05", "nl": "mei 2019", "en": "May 2019"} in kept
    assert {"value": "bad", "nl": "bad", "en": "bad"} in kept


def test_fact_tables_read_as_columns_match_those_read_as_rows():
    as_columns = k.frame({"activity_id": ["a1"], "organisation_id": [None], "status": ["walk_in"],
                          "attendance": ["present"]}, k.REG_COLUMNS)
    assert as_columns.to_dict("records") == k.frame([{"activity_id": "a1", "organisation_id": None, "status": "walk_in",
                                                      "attendance": "present"}], k.REG_COLUMNS).to_dict("records")
    # no registrations yet: the measures still join them with the activities
    empty = k.frame({c: [] for c in k.REG_COLUMNS}, k.REG_COLUMNS)
    assert empty.dtypes.equals(k.frame([], k.REG_COLUMNS).dtypes)  # ids, not numbers
    assert k.attendance(ACTS, empty).empty
    assert k.participation(ACTS, empty, date(2026, 1, 1), date(2026, 12, 31), date(2026, 12, 31))["registrations"] == 0
