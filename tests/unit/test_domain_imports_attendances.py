"""Attendances (people at a past activity) in domain/imports.py: columns, values, rows, merging."""

from __future__ import annotations

import pytest

from lo_network.domain import imports as d
from lo_network.domain.errors import ValidationError


def table(rows: list[list[str]]) -> d.Table:
    return d.Table(rows[0], [(i + 2, r) for i, r in enumerate(rows[1:])])


@pytest.mark.parametrize("columns, expected", [
    (["Naam", "E-mailadres", "Activiteit", "Datum", "Aanwezig"],
     ["full_name", "email", "activity", "date", "attended"]),
    (["Name", "Email", "Event", "Date", "Status"], ["full_name", "email", "activity", "date", "attended"]),
    (["Voornaam", "Achternaam", "Evenement", "Datum", "Aanwezigheid"],
     ["first_name", "last_name", "activity", "date", "attended"]),
    (["Activity ID", "E-mail", "Organisatie", "Attended"], ["activity_id", "email", "organisation", "attended"]),
    (["Activiteit id", "Achternaam", "Activity", "Grondslag"], ["activity_id", "last_name", "activity", ""]),
])
def test_columns_are_recognised_in_dutch_and_english(columns, expected):
    assert list(d.recognise(columns, "attendances").values()) == expected


def test_a_mapping_needs_a_name_and_an_activity():
    with pytest.raises(ValidationError) as caught:
        d.check_mapping({"Naam": "full_name", "Datum": "date"}, "attendances")
    assert set(caught.value.errors) == {"activity"}
    with pytest.raises(ValidationError) as caught:
        d.check_mapping({"Activiteit": "activity"}, "attendances")
    assert set(caught.value.errors) == {"last_name"}
    d.check_mapping({"Naam": "full_name", "Id": "activity_id"}, "attendances")


@pytest.mark.parametrize("text, expected", [
    ("", ""), ("Ja", "present"), ("x", "present"), ("Aanwezig", "present"), ("attended", "present"),
    ("Nee", "no_show"), ("No-show", "no_show"), ("niet verschenen", "no_show"), ("afwezig", "no_show"),
])
def test_attended_values(text, expected):
    assert d.attendance_value(text) == expected


def test_an_unknown_attended_value_names_the_field():
    with pytest.raises(ValidationError) as caught:
        d.attendance_value("misschien")
    assert set(caught.value.errors) == {"attended"}


def test_rows_are_validated_naming_line_field_and_column():
    t = table([
        ["Naam", "E-mail", "Activiteit", "Datum", "Aanwezig"],
        ["Jan de Vries", "jan@x.nl", "Café", "03-02-2026", "nee"],   # good
        ["Ann Smith", "ann@x.nl", "Café", "", ""],                   # title without date
        ["Bob Smith", "bob@x.nl", "Café", "31-02-2026", ""],         # no such date
        ["Cor Smith", "geen mail", "", "", "soms"],                  # email, activity, attended
    ])
    rows, errors = d.prepare_rows(t, d.recognise(t.columns, "attendances"), "attendances")
    [row] = rows
    assert (row.line, row.props["last_name"], row.activity) == (
        2, "de Vries", {"id": "", "title": "Café", "title_key": "cafe", "date": "2026-02-03", "attendance": "no_show"})
    assert "activity" not in row.changes and "date" not in row.changes
    assert {(e.line, e.field, e.column) for e in errors} == {
        (3, "date", "Datum"), (4, "date", "Datum"), (5, "email", "E-mail"), (5, "activity", "Activiteit"),
        (5, "attended", "Aanwezig")}


def test_an_id_is_enough_and_rows_of_the_same_person_and_activity_merge():
    t = table([
        ["Activity ID", "Name", "Email", "Attended"],
        ["a1", "Ann Smith", "ann@x.nl", ""],
        ["a1", "Ann Smith", "ANN@x.nl", "yes"],     # same person, same activity: merged
        ["a2", "Ann Smith", "ann@x.nl", "no"],      # same person, another activity
    ])
    rows, errors = d.prepare_rows(t, d.recognise(t.columns, "attendances"), "attendances")
    assert errors == []
    groups = d.group_rows(rows, "attendances")
    assert [(g.lines, g.activity["id"], g.activity["attendance"]) for g in groups] == [
        ([2, 3], "a1", "present"), ([4], "a2", "no_show")]
