"""How the organisation page turns records into its form and back (no Reflex runtime)."""

from datetime import date

from lo_network.components.forms import NO_CHOICE
from lo_network.states.organisation_detail import colleagues, form_values, status_history, submitted
from lo_network.i18n import range_label, thousands

RECORD = {
    "id": "o1", "name": "Port of Twente", "kind": "port_network", "company_type": "",
    "tags": ["havens", "twente"], "themes": ["international"], "status": "partner",
    "status_since": "2024-03-01", "status_log": ["2021-05-01:prospect", "2024-03-01:partner"],
    "people": [
        {"person_id": "p1", "person_name": "An", "role": "Directeur", "since": "2020-01-01", "until": None},
        {"person_id": "p2", "person_name": "Bo", "role": "", "job_title": "Planner",
         "since": "2015-01-01", "until": "2019-12-31"},
        {"person_id": "p3", "person_name": "Cas", "role": "Stagiair", "since": "2026-01-01", "until": "2030-01-01"},
    ],
}


def test_form_values_show_dutch_dates_and_joined_tags():
    values = form_values(RECORD)
    assert values["status_since"] == "01-03-2024"
    assert values["tags"] == "havens, twente"
    assert "themes" not in values


def test_submitted_sends_iso_dates_and_drops_company_type_for_other_kinds():
    values = form_values(RECORD) | {"company_type": "carrier", "region": NO_CHOICE}
    raw = submitted(values, ["international"])
    assert raw["status_since"] == "2024-03-01"  # unchanged date is recognised as unchanged
    assert raw["company_type"] == ""
    assert raw["region"] == ""  # "automatic from municipality"
    assert raw["themes"] == ["international"]


def test_submitted_size_class_unknown_choice_and_other_kinds():
    company = form_values(RECORD) | {"kind": "company", "size_class": NO_CHOICE}
    assert submitted(company, [])["size_class"] == ""  # "unknown"
    assert submitted(company | {"size_class": "medium"}, [])["size_class"] == "medium"
    assert submitted(form_values(RECORD) | {"size_class": "medium"}, [])["size_class"] == ""  # not a company


def test_submitted_leaves_a_bad_date_for_the_service_to_name():
    raw = submitted(form_values(RECORD) | {"status_since": "31-02-2024"}, [])
    assert raw["status_since"] == "31-02-2024"


def test_status_history_is_newest_first_in_dutch():
    history = status_history(RECORD)
    assert [(h.date, h.status) for h in history] == [("01-03-2024", "partner"), ("01-05-2021", "prospect")]


def test_colleagues_split_current_and_former():
    current, former = colleagues(RECORD, date(2026, 11, 23))
    assert [c.name for c in current] == ["An", "Cas"]
    assert [(c.name, c.role, c.until) for c in former] == [("Bo", "Planner", "31-12-2019")]


def test_thousands_separator_follows_the_language():
    assert thousands(1234, "nl") == "1.234"
    assert thousands(1234, "en") == "1,234"


def test_range_label_of_a_pager():
    assert range_label(1, 25, 0, "nl") == "0"
    assert range_label(2, 25, 1234, "nl") == "26–50 van 1.234"
    assert range_label(50, 25, 1234, "en") == "1,226–1,234 of 1,234"
