"""An activity's and a registrant's fields are declared once (domain.activities.DECLARED,
domain.registrations.DECLARED): the API's request and list models, the stored fields, the
edit form's values and the labels follow from the declaration. These tests add a field to a
copy of the activity's declaration and look for it where it should now be, and check the
real declarations against what is derived from them."""

from __future__ import annotations

import pydantic
import pytest

from lo_network.api import activity_schemas, schemas
from lo_network.domain import activities as activity_domain
from lo_network.domain import fields
from lo_network.domain import registrations as registration_domain
from lo_network.domain.errors import ValidationError
from lo_network.domain.fields import Field
from lo_network.i18n import STRINGS
from lo_network.states import activity as activity_state

MEETING_ROOM = Field("meeting_room", ("Zaal", "Meeting room"), listed=True)
FEE = Field("fee", ("Deelnameprijs (€)", "Fee (€)"), widget="money")
SEATS_PER_TABLE = Field("seats_per_table", ("Plaatsen per tafel", "Seats per table"), widget="numeric", whole=True)


def test_new_fields_reach_the_api_models_with_their_kind_of_value():
    declared = activity_domain.DECLARED + (MEETING_ROOM, FEE, SEATS_PER_TABLE)
    request = schemas.request_model("ActivityIn", declared)
    sent = request(meeting_room="Zaal 2", fee="1.250,50", seats_per_table=8)
    assert (sent.meeting_room, sent.fee, sent.seats_per_table) == ("Zaal 2", "1.250,50", 8)
    assert request(fee=12.5).fee == 12.5 and request(seats_per_table="8").seats_per_table == "8"
    with pytest.raises(pydantic.ValidationError):
        request(fee=True)  # an amount is a number or text, never a yes/no
    with pytest.raises(pydantic.ValidationError):
        request(meeting_rom="Zaal 2")  # unknown fields are still refused
    read = schemas.read_fields(declared)
    assert read["meeting_room"][0] == (str | None)
    assert read["fee"][0] == (float | None) and read["seats_per_table"][0] == (int | None)


def test_the_activity_request_model_is_the_declaration():
    model = activity_schemas.ActivityIn
    assert list(model.model_fields) == list(fields.names(activity_domain.DECLARED))
    for f in activity_domain.DECLARED:
        assert not model.model_fields[f.name].is_required()
        if f.widget != "money":  # an amount's type is annotated with its check (below)
            assert model.model_fields[f.name].annotation == schemas._sent(f)
    amounts = [f.name for f in activity_domain.DECLARED if f.widget == "money"]
    assert amounts and model(**dict.fromkeys(amounts, "1.250,50")).model_dump(include=set(amounts)) == dict.fromkeys(
        amounts, "1.250,50")
    for name in amounts:
        with pytest.raises(pydantic.ValidationError):
            model(**{name: [1250]})


def test_the_activity_list_model_has_the_listed_fields():
    listed = [f.name for f in activity_domain.DECLARED if f.listed]
    assert list(activity_schemas.ActivitySummary.model_fields) == ["id", *listed, "registered", "waitlisted"]
    summary = activity_schemas.ActivitySummary.model_fields
    for f in activity_domain.DECLARED:
        if f.listed and f.required and not f.many:
            assert summary[f.name].is_required(), f.name
    assert summary["budget_planned"].annotation == (float | None)
    assert summary["capacity"].annotation == (int | None)
    assert summary["themes"].annotation == list[str]


def test_the_stored_fields_are_the_declared_ones_but_the_series():
    assert set(activity_domain.FIELDS) == set(fields.names(activity_domain.DECLARED)) - set(
        activity_domain.SERIES_FIELDS)
    assert set(activity_domain.SERIES_FIELDS) <= set(fields.names(activity_domain.DECLARED))


def test_every_activity_field_has_its_label():
    for f in activity_domain.DECLARED:
        assert STRINGS["act.field." + f.name] == f.label


def test_the_edit_form_keeps_every_declared_field_that_is_not_a_list():
    blank = activity_state._blank()
    assert set(blank) == {f.name for f in activity_domain.DECLARED if not f.many}
    assert blank["visibility"] == "public"  # a declared default
    assert set(activity_state.MONEY_FIELDS) == {"budget_planned", "budget_spent"}
    assert set(activity_state.TIME_FIELDS) == {"starts_at", "ends_at", "registration_opens", "registration_closes"}
    record = {"title": "Café", "budget_planned": 1250.5, "starts_at": "2026-05-12T07:00:00+00:00", "capacity": 30}
    values = activity_state.form_values(record)
    assert values["budget_planned"] == "1.250,50" and values["starts_at"] == "12-05-2026 09:00"
    assert values["capacity"] == "30" and values["ends_at"] == ""


def test_a_select_with_a_no_choice_item_is_sent_empty_for_no_choice():
    from lo_network.states.form_values import NO_CHOICE

    values = activity_state._blank() | {"region": NO_CHOICE, "corridor": "rhine_alpine", "kind": "cafe"}
    raw = activity_state.submitted(values, ["sustainability"], [])
    assert raw["region"] == "" and raw["corridor"] == "rhine_alpine" and raw["kind"] == "cafe"
    assert raw["themes"] == ["sustainability"] and raw["organiser_ids"] == []
    every_select = {f.name for f in activity_domain.DECLARED if f.widget == "select"}
    assert set(activity_state.CHOICE_OPTIONAL) == every_select - {"kind", "visibility"}
    for name in activity_state.CHOICE_OPTIONAL:
        assert STRINGS.get(next(f.empty for f in activity_domain.DECLARED if f.name == name))


def test_the_registrant_request_models_are_the_declaration():
    declared = fields.names(registration_domain.DECLARED)
    assert list(activity_schemas.RegistrantIn.model_fields) == list(declared)
    assert list(activity_schemas.PublicRegistrationIn.model_fields) == [*declared, "consent"]
    assert list(activity_schemas.RegistrationChangeIn.model_fields) == list(registration_domain.CHANGEABLE)
    assert "email" not in registration_domain.CHANGEABLE  # the personal link went to that address
    with pytest.raises(pydantic.ValidationError):
        activity_schemas.RegistrationChangeIn(email="ander@example.nl")


def test_what_a_registrant_may_change_is_what_the_domain_takes():
    changed = registration_domain.validate_change({name: "Nieuw" for name in registration_domain.CHANGEABLE})
    assert set(changed) == set(registration_domain.CHANGEABLE)


def test_a_change_through_the_personal_link_is_checked_as_the_registration_was():
    """Too long is refused, naming the field, as at registration (not cut short unseen)."""
    too_long = {"name": "n" * 201, "organisation_name": "o" * 201, "remarks": "r" * 1001}
    with pytest.raises(ValidationError) as changed:
        registration_domain.validate_change(too_long)
    with pytest.raises(ValidationError) as registered:
        registration_domain.validate_registrant({**too_long, "email": "a@example.nl"}, public=False)
    assert set(changed.value.errors) == set(too_long)
    assert {k: str(v) for k, v in changed.value.errors.items()} == {
        k: str(v) for k, v in registered.value.errors.items()}
    assert "200" in changed.value.errors["organisation_name"]


def test_the_public_page_shows_the_public_fields_and_nothing_of_the_money_or_the_people():
    public = [f.name for f in activity_domain.DECLARED if f.public]
    assert list(activity_schemas.PublicActivity.model_fields) == ["id", *public]
    assert not {"budget_planned", "budget_spent", "capacity", "organiser_ids", "visibility"} & set(public)
    detail = activity_schemas.Activity.model_fields
    assert set(public) <= set(detail) and set(activity_schemas.ActivitySummary.model_fields) <= set(detail)


def test_the_public_forms_hold_the_registrant_fields():
    from lo_network.states import public_registration

    assert list(public_registration._BLANK) == list(fields.names(registration_domain.DECLARED))
    assert list(public_registration._CHANGES) == list(registration_domain.CHANGEABLE)
