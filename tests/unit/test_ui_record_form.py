"""The record pages share RecordForm as a mixin (each page owns its copy of the form's
vars) and the Named row type (a record's id and name)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from lo_network.domain.errors import NotFound
from lo_network.states.activity import ActivityState
from lo_network.states.organisation_detail import OrganisationState
from lo_network.states.person import PersonState
from lo_network.states.people import OrganisationOption, organisation_option
from lo_network.states.record_form import RecordForm
from lo_network.states.rows import Named

FORM_FIELDS = ("record_id", "errors", "editing", "loaded", "missing")


@pytest.mark.parametrize("state", [OrganisationState, PersonState, ActivityState])
def test_each_record_page_owns_its_form_vars(state):
    fields = state.get_fields()
    for name in FORM_FIELDS:
        assert fields[name]._owner is state, name


def _page(found: dict | None) -> SimpleNamespace:
    """A record page in edit mode, whose last record was not found."""
    def get(record_id):
        if found is None:
            raise NotFound(record_id)
        return found

    page = SimpleNamespace(record_id="", editing=True, loaded=True, missing=True, shown=None, _get=get)
    page._show = lambda record: setattr(page, "shown", record)
    return page


def test_opening_a_record_shows_it_out_of_edit_mode():
    page = _page({"id": "o-1"})
    assert RecordForm._open_record(page, "o-1") is True
    assert page.shown == {"id": "o-1"} and page.editing is False and page.missing is False


def test_opening_a_record_that_is_not_there_says_so():
    page = _page(None)
    assert RecordForm._open_record(page, "o-404") is False
    assert (page.record_id, page.missing, page.loaded, page.editing, page.shown) == ("o-404", True, True, False, None)


def test_named_rows_from_a_record():
    assert Named.of({"id": "p-1", "name": None}) == Named(id="p-1", name="")
    assert organisation_option({"id": "o-1", "name": "Vervoer BV", "city": None}) == OrganisationOption(
        id="o-1", name="Vervoer BV", city="")
