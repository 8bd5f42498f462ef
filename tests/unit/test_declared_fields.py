"""An entity's fields are declared once (domain/fields.py): the API's models, the import's
columns, the export's headers, the labels and the edit form and view all follow from the
declaration. These tests add a field to a copy of the organisation's declaration and look
for it everywhere it should now be, and check the real declarations' invariants; the
registrant's declaration heads the attendee export and asks the walk-in form."""

from __future__ import annotations

import dataclasses

import pydantic
import pytest

from lo_network.api import schemas
from lo_network.components.record_fields import RecordFields
from lo_network.domain import fields, vocab
from lo_network.domain import imports as import_domain
from lo_network.domain import organisations as org_domain
from lo_network.domain import people as person_domain
from lo_network.domain import registrations as reg_domain
from lo_network.domain.errors import ValidationError
from lo_network.domain.fields import Field
from lo_network.i18n import STRINGS
from lo_network.pages import checkin as checkin_page
from lo_network.pages import public_registration as public_page
from lo_network.services import registrations as reg_service
from lo_network.states.checkin import CheckInState
from lo_network.states.organisation_detail import OrganisationState as S

DECLARATIONS = {"organisation": org_domain.DECLARED, "person": person_domain.DECLARED}

FAX = Field("fax", ("Faxnummer", "Fax number"), section="general", widget="tel", example="038 123 45 68",
            export="Fax", columns=("fax", "faxnummer", "fax number"))


@pytest.fixture
def with_fax():
    """The organisation's declaration with one more field, as a developer would add it."""
    return org_domain.DECLARED + (FAX,)


def test_a_new_field_reaches_the_api_models(with_fax):
    request = schemas.request_model("OrganisationIn", with_fax)
    assert "fax" in request.model_fields and request(fax="038 1").fax == "038 1"
    with pytest.raises(pydantic.ValidationError):
        request(faks="038 1")  # unknown fields are still refused
    read = schemas.read_fields(f for f in with_fax if not f.listed)
    assert read["fax"][0] == (str | None)


def test_a_new_field_reaches_the_import_and_the_export(with_fax):
    assert fields.columns(with_fax)["fax"] == ("fax", "faxnummer", "fax number")
    headers = fields.export_headers(with_fax)
    assert list(headers)[-1] == "fax" and headers["fax"] == "Fax"
    # the export's header is a column the import recognises as the same field
    assert import_domain.column_key(headers["fax"]) in {import_domain.column_key(c) for c in FAX.columns}


def test_a_new_field_reaches_the_labels_and_the_form(with_fax):
    assert fields.labels("org.field.", with_fax)["org.field.fax"] == ("Faxnummer", "Fax number")
    page = RecordFields(declared=with_fax, prefix="org", labels="org.field.", values=S.values, errors=S.errors,
                        set_value=S.set_value, lists={"themes": (S.themes, S.toggle_theme), "tags": (S.tag_list, None)})
    STRINGS.update(fields.labels("org.field.", (FAX,)))  # as lo_network.i18n does for the declared fields
    try:
        form, view = str(page.form_section("general")), str(page.view_section("general"))
    finally:
        STRINGS.pop("org.field.fax", None)
    assert 'id:"org-fax"' in form and 'inputMode:"tel"' in form and "038 123 45 68" in form
    assert 'id:"org-view-fax"' in view and '"tel:"' in view


def test_a_new_plain_text_field_is_checked_by_its_declared_length(monkeypatch):
    sector = Field("sector", ("Branche", "Industry"), section="general", max_length=100, export="Branche",
                   columns=("branche", "sector"))
    monkeypatch.setattr(org_domain, "DECLARED", org_domain.DECLARED + (sector,))
    record = {"name": "Transport Twente", "kind": "company"}
    assert org_domain.validate(dict(record, sector="  Wegtransport\x00 "))["sector"] == "Wegtransport"
    assert org_domain.validate(record)["sector"] == ""
    with pytest.raises(ValidationError) as refused:
        org_domain.validate(dict(record, sector="x" * 101))
    assert set(refused.value.errors) == {"sector"} and "100" in refused.value.errors["sector"]


@pytest.mark.parametrize("entity", sorted(DECLARATIONS))
def test_every_declared_field_has_its_label_and_request_field(entity):
    declared = DECLARATIONS[entity]
    model = {"organisation": schemas.OrganisationIn, "person": schemas.PersonIn}[entity]
    prefix = {"organisation": "org.field.", "person": "person.field."}[entity]
    assert list(model.model_fields) == list(fields.names(declared))
    for f in declared:
        assert STRINGS[prefix + f.name] == f.label
        assert model.model_fields[f.name].annotation == (list[str] | None if f.many else str | None)


@pytest.mark.parametrize("entity", sorted(DECLARATIONS))
def test_every_declared_field_is_on_the_form_and_its_export_is_recognised(entity):
    declared = DECLARATIONS[entity]
    kind = {"organisation": "organisations", "person": "people"}[entity]
    assert all(f.section for f in declared), "a field the form does not show cannot be edited in the UI"
    headers = import_domain.EXPORT_HEADERS[kind]
    assert import_domain.recognise(list(headers.values()), kind) == {header: f for f, header in headers.items()}


def test_a_select_needs_a_vocabulary_and_a_widget_is_known():
    with pytest.raises(ValueError, match="needs a vocabulary"):
        Field("region", ("Regio", "Region"), widget="select")
    with pytest.raises(ValueError, match="unknown widget"):
        Field("region", ("Regio", "Region"), widget="dropdown")
    assert dataclasses.replace(FAX, widget="select", vocabulary=vocab.REGIONS).vocabulary is vocab.REGIONS


# ---------------------------------------------------------------- the registrant's declaration
def test_the_attendee_export_is_headed_by_the_registrants_declaration():
    columns = reg_domain.export_columns()
    # the headers and order files opened before have: "E-mail" by the field's declared export header
    assert list(columns) == ["name", "organisation_name", "email", "status", "attendance", "position",
                             "registered_at", "remarks"]
    assert [nl for nl, _ in columns.values()] == ["Naam", "Organisatie", "E-mail", "Status", "Aanwezigheid",
                                                   "Volgnummer", "Aangemeld op", "Opmerkingen"]
    assert [en for _, en in columns.values()] == ["Name", "Organisation", "Email", "Status", "Attendance",
                                                   "Number", "Registered at", "Remarks"]
    assert reg_service.EXPORT_COLUMNS == columns
    # a field added to the declaration is exported, last, headed by its label; a declared header wins
    phone = Field("phone", ("Telefoon", "Phone"), widget="tel")
    renamed = dataclasses.replace(reg_domain.DECLARED[0], export="Deelnemer", export_en="Participant")
    added = reg_domain.export_columns((renamed,) + reg_domain.DECLARED[1:] + (phone,))
    assert list(added)[-1] == "phone" and added["phone"] == ("Telefoon", "Phone")
    assert added["name"] == ("Deelnemer", "Participant") and list(added)[:-1] == list(columns)


def test_the_walk_in_form_asks_the_declared_fields_with_their_labels():
    by_name = {f.name: f for f in reg_domain.DECLARED}
    assert checkin_page.WALK_IN_FIELDS == tuple(by_name[n] for n in ("name", "organisation_name", "email"))
    assert list(CheckInState.get_fields()["walk_in"].default_factory()) == list(reg_domain.WALK_IN)
    for f in reg_domain.DECLARED:
        assert STRINGS["reg.field." + f.name] == f.label  # as lo_network.i18n derives them
    form = str(checkin_page.walk_in_form())
    ids = [form.index(f'id:"walkin-{n}"') for n in ("name", "organisation_name", "email", "add")]
    assert ids == sorted(ids) and 'id:"walkin-remarks"' not in form
    assert 'type:"email"' in form and "E-mailadres" in form and "Email address" in form


def test_the_public_forms_ask_the_declared_fields():
    """The public form asks every field of the registrant's declaration, in its order, with
    its label, autocomplete token and hint; the personal link the ones a registrant may change."""
    form = str(public_page.registration_form())
    ids = [form.index(f'id:"pub-{f.name}"') for f in reg_domain.DECLARED]
    assert ids == sorted(ids)
    for f in reg_domain.DECLARED:
        assert f.label[0] in form and f.label[1] in form
        if f.autocomplete:
            assert f'autoComplete:"{f.autocomplete}"' in form
    assert "Wij koppelen uw aanmelding" in form  # the organisation's hint
    page = str(public_page.my_registration())
    ids = [page.index(f'id:"mine-{name}"') for name in reg_domain.CHANGEABLE]
    assert ids == sorted(ids) and 'id:"mine-email"' not in page
