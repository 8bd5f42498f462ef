"""The checks the entities' validators share (lo_network.domain.checks): each returns the
value and notes a message under the field only when the value breaks its rule."""

from __future__ import annotations

from lo_network.domain.checks import at_most, one_of, required_text
from lo_network.messages import msg


def test_at_most_names_the_limit_unless_given_a_message_of_its_own():
    errors: dict[str, str] = {}
    assert at_most(errors, "note", "abc", 3) == "abc"
    assert errors == {}
    assert at_most(errors, "note", "abcd", 3) == "abcd"
    assert errors == {"note": msg("common.too_long", max=3)}
    assert at_most(errors, "name", "abcd", 3, too_long=msg("org.name.too_long")) == "abcd"
    assert errors["name"] == msg("org.name.too_long")


def test_required_text_is_missing_when_empty_and_else_checked_for_length():
    missing = msg("common.name.required")
    errors: dict[str, str] = {}
    assert required_text(errors, "name", "", missing, most=5) == ""
    assert errors == {"name": missing}
    errors = {}
    assert required_text(errors, "name", "Twente", missing, most=5) == "Twente"
    assert errors == {"name": msg("common.too_long", max=5)}
    errors = {}
    assert required_text(errors, "name", "Deventer", missing, most=200) == "Deventer"
    assert errors == {}


def test_one_of_notes_a_value_outside_the_choices():
    wrong = msg("org.kind.required")
    errors: dict[str, str] = {}
    assert one_of(errors, "kind", "company", ("company", "education"), wrong) == "company"
    assert errors == {}
    assert one_of(errors, "kind", "", ("company", "education"), wrong) == ""
    assert errors == {"kind": wrong}
