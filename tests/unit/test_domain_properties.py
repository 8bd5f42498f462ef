"""Property tests (hypothesis) of the domain validation: whatever is typed —
quotes, backslashes, unicode, very long text, nulls, wrong types — validation either
returns clean values or raises ValidationError naming fields it knows; it never crashes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lo_network.domain import passwords as strength
from lo_network.domain import consent, organisations, people
from lo_network.domain.errors import ValidationError

NASTY = st.one_of(
    st.none(), st.text(max_size=300), st.text(alphabet="'\"\\`{}$;\n\t\x00", max_size=50),
    st.text(min_size=5000, max_size=6000), st.integers(), st.booleans(), st.lists(st.text(max_size=20), max_size=5),
    st.sampled_from(["01-01-2024", "2024-02-30", "31-12-9999", "0-0-0", "company", "consent", "directory"]),
)


def raw_of(fields: tuple[str, ...]):
    return st.dictionaries(st.sampled_from(fields), NASTY, max_size=len(fields))


def check(validate, raw, fields):
    try:
        out = validate(raw)
    except ValidationError as exc:
        assert exc.errors and set(exc.errors) <= set(fields) | {"name"}, exc.errors
        assert all(isinstance(m, str) and " / " in m for m in exc.errors.values())
        return None
    assert isinstance(out, dict)
    return out


@settings(max_examples=300, deadline=None)
@given(raw_of(people.FIELDS))
def test_person_validation_never_crashes(raw):
    out = check(people.validate, raw, people.FIELDS)
    if out is not None:
        assert out["last_name"] and len(out["last_name"]) <= 100
        assert all(isinstance(out[f], str) for f in ("first_name", "email", "phone", "notes"))


@settings(max_examples=300, deadline=None)
@given(raw_of(organisations.FIELDS))
def test_organisation_validation_never_crashes(raw):
    out = check(organisations.validate, raw, organisations.FIELDS)
    if out is not None:
        assert out["name"] and len(out["name"]) <= 200


@settings(max_examples=300, deadline=None)
@given(raw_of(consent.FIELDS))
def test_consent_validation_never_crashes(raw):
    out = check(consent.validate, raw, consent.FIELDS)
    if out is not None:
        assert out["purpose"] in consent.PURPOSES and out["basis"] in consent.BASES and out["date"]
        assert out["withdrawn"] is None or out["withdrawn"] >= out["date"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.text(max_size=40))
def test_password_check_never_crashes(password, email):
    assert strength.is_common(password, email) in (True, False)
