"""Rules of a person's fields and of their employment (lo_network.domain.people)."""

from __future__ import annotations

from datetime import date

import pytest

from lo_network.domain import contact
from lo_network.domain import people as domain
from lo_network.domain.errors import ValidationError

TODAY = date(2026, 6, 15)


def valid(**changes):
    raw = {"first_name": "Anna", "last_name": "Jansen"}
    raw.update(changes)
    return domain.validate(raw, today=TODAY)


def errors_of(**changes) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        valid(**changes)
    return caught.value.errors


def test_minimal_person_gets_name_keys_and_no_consent():
    out = valid()
    assert out["name"] == "Anna Jansen"
    assert out["name_key"] == "jansen anna"
    assert out["consent_basis"] == "none" and out["consent_date"] is None
    assert out["email"] == "" and out["email_key"] == ""


@pytest.mark.parametrize("last_name", ["", "  ", None])
def test_last_name_is_required(last_name):
    assert "last_name" in errors_of(last_name=last_name)


def test_first_name_is_optional():
    assert valid(first_name="")["name"] == "Jansen"


@pytest.mark.parametrize("field", ["first_name", "last_name"])
def test_names_have_a_length_limit(field):
    assert valid(**{field: "a" * 100})[field] == "a" * 100
    assert "too long" in errors_of(**{field: "a" * 101})[field]


def test_name_key_folds_accents():
    out = valid(first_name="Jürgen", last_name="Müller")
    assert out["name_key"] == "muller jurgen"
    assert out["search_key"].startswith("jurgen muller")


# ---------------------------------------------------------------- email
@pytest.mark.parametrize("typed, stored", [
    ("anna@example.nl", "anna@example.nl"),
    ("  Anna.Jansen@Example.NL ", "Anna.Jansen@example.nl"),
    ("anna@port-of-twente.nl", "anna@port-of-twente.nl"),
])
def test_email_is_normalised_without_dns(typed, stored):
    out = valid(email=typed)
    assert out["email"] == stored
    assert out["email_key"] == stored.lower()


@pytest.mark.parametrize("email", [
    "anna", "anna@", "@example.nl", "anna jansen@example.nl", "anna@localhost",
    "anna@@example.nl", "anna@example..nl", "anna@foo.test",
])
def test_bad_email_is_refused(email):
    assert "e-mail" in errors_of(email=email)["email"]


def test_normalise_email_raises_value_error_with_reason():
    with pytest.raises(ValueError, match="@-sign"):
        contact.normalise_email("anna.example.nl")


# ---------------------------------------------------------------- phone, job title
@pytest.mark.parametrize("phone", ["+31 6 12345678", "053-1234567", "(053) 123 45 67", "0612345678"])
def test_phone_numbers_are_accepted(phone):
    assert valid(phone=phone)["phone"] == phone


@pytest.mark.parametrize("phone", ["12345", "call me", "+31 6 1234567x", "------", "+" + "1" * 30])
def test_bad_phone_numbers_are_refused(phone):
    assert "phone" in errors_of(phone=phone)


def test_job_title_has_a_length_limit():
    assert "job_title" in errors_of(job_title="j" * 151)


# ---------------------------------------------------------------- consent
@pytest.mark.parametrize("basis", ["consent", "legitimate_interest", "contract"])
def test_a_consent_basis_requires_a_date(basis):
    assert "consent_date" in errors_of(consent_basis=basis)
    out = valid(consent_basis=basis, consent_date="1-2-2026", consent_source="Logistiek café")
    assert out["consent_date"] == "2026-02-01"
    assert out["consent_source"] == "Logistiek café"


def test_unknown_consent_basis_is_refused():
    assert "consent_basis" in errors_of(consent_basis="maybe", consent_date="1-2-2026")


@pytest.mark.parametrize("typed, reason", [("16-06-2026", "future"), ("30-02-2026", "does not exist")])
def test_bad_consent_date_is_refused(typed, reason):
    assert reason in errors_of(consent_basis="consent", consent_date=typed)["consent_date"]


def test_notes_have_a_length_limit():
    assert "notes" in errors_of(notes="n" * 5001)


def test_every_bad_field_is_named_at_once():
    errors = errors_of(last_name="", email="anna@", phone="x", consent_basis="consent")
    assert set(errors) == {"last_name", "email", "phone", "consent_date"}


def test_tags_are_cleaned():
    assert valid(tags=["Spreker", "spreker ", "NSBC"])["tags"] == ["nsbc", "spreker"]


# ---------------------------------------------------------------- employment
def employment(**changes):
    raw = {"organisation_id": "org-1", "role": "Directeur", "since": "1-2-2020", "until": ""}
    raw.update(changes)
    return domain.validate_employment(raw)


def test_employment_is_normalised():
    assert employment() == {"organisation_id": "org-1", "role": "Directeur",
                            "since": "2020-02-01", "until": None}


def test_employment_may_end_on_its_first_day():
    assert employment(until="1-2-2020")["until"] == "2020-02-01"


@pytest.mark.parametrize("changes, field", [
    ({"organisation_id": ""}, "organisation_id"),
    ({"until": "31-01-2020"}, "until"),
    ({"since": "31-02-2020"}, "since"),
    ({"until": "morgen"}, "until"),
    ({"role": "r" * 151}, "role"),
])
def test_bad_employment_is_refused_naming_the_field(changes, field):
    with pytest.raises(ValidationError) as caught:
        employment(**changes)
    assert field in caught.value.errors


def test_until_before_since_says_so():
    with pytest.raises(ValidationError) as caught:
        employment(until="1-1-2020")
    assert "before the start date" in caught.value.errors["until"]


# ---------------------------------------------------------------- merge_update
def test_merge_update_keeps_the_editable_fields_only():
    current = {"id": "p1", "first_name": "Anna", "last_name": "Jansen", "email": "a@example.nl",
               "employments": [{"id": "w1"}]}
    merged = domain.merge_update(current, {"last_name": "de Vries", "id": "p2", "employments": []})
    assert merged["last_name"] == "de Vries" and merged["email"] == "a@example.nl"
    assert set(merged) == set(domain.FIELDS)
