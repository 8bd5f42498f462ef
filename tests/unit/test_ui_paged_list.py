"""The list states share PagedList as a mixin: each list owns its copy of the paging vars
(a parent state would make the organisation and people lists share one page number)."""

from __future__ import annotations

import pytest

from lo_network.domain import organisations, paging, people
from lo_network.domain.errors import ValidationError
from lo_network.states.organisations import OrganisationsState
from lo_network.states.people import PeopleState

PAGING_FIELDS = ("sort", "page", "page_size", "total", "loaded", "_cursors", "_cursor_view")


@pytest.mark.parametrize("state", [OrganisationsState, PeopleState])
def test_each_list_owns_its_paging_vars(state):
    fields = state.get_fields()
    for name in PAGING_FIELDS:
        assert fields[name]._owner is state, name
    assert fields["_cursors"]._backend and fields["_cursor_view"]._backend  # never sent to the browser
    assert {"next_page", "previous_page", "set_sort", "set_page_size"} <= set(state.event_handlers)


def test_cursor_round_trip_and_refusals():
    row = {"id": "o-9", "name_key": "vervoer 3", "city": "Almelo"}
    cursor = paging.page_cursor("city", organisations.KEYSET_SORTS, row)
    assert paging.read_cursor(cursor, "city") == {"after_name": "vervoer 3", "after_city": "Almelo", "after_id": "o-9"}
    assert paging.read_cursor(None, "city") == paging.NO_CURSOR
    assert paging.page_cursor("-updated", organisations.KEYSET_SORTS, row) is None
    assert paging.page_cursor("city", people.KEYSET_SORTS, row) is None  # people have no city sort
    for bad, sort in ((cursor, "name"), ("%%%", "city"), (cursor[:-4], "city"), ("WyJhIl0", "name")):
        with pytest.raises(ValidationError) as caught:
            paging.read_cursor(bad, sort)
        assert set(caught.value.errors) == {"cursor"}
