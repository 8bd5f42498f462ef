"""Property tests (hypothesis) that push quotes, backslashes, Cypher fragments,
unicode, very long strings, NUL characters and None through the services on the real
embedded graph: create and update organisations and people, search, link notes. Nothing
crashes (a ValidationError naming known fields is fine), and what is read back is exactly
what the domain validation let through: every value reached the graph as a parameter."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lo_network.domain import links as link_domain
from lo_network.domain import organisations as org_domain
from lo_network.domain import people as person_domain
from lo_network.domain.errors import ValidationError
from lo_network.services import links, organisations, people

NASTY = st.one_of(
    st.none(),
    st.text(max_size=120),
    st.text(alphabet="'\"\\`{}()[]$;:/*\n\t\r\x00%", max_size=60),
    st.sampled_from([
        "' OR 1=1 //", '"}) MATCH (n) DETACH DELETE n //', "\\'", "\\", "\\\\u0027", "$name", "{name}",
        "%(name)s", "Zwolle\\", "名古屋物流センター", "שלום עולם", "🚚📦 Transport", "e\u0301e\u0301n", "\x00",
        "a\x00b", "\u202eevil", "\ud7ff\ufffd", "NULL", "null",
    ]),
    st.text(min_size=3000, max_size=4900),
)
# names are mostly valid (so that most examples reach the graph), sometimes anything at all
NAME = st.one_of(NASTY, st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80)
                 .filter(str.strip), st.sampled_from(["O'Brien & Zn.", 'De "Haven" B.V.', "Back\\slash", "Ünïcödé"]))
EXAMPLES = settings(max_examples=40, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ORG_TEXT = ("name", "street", "city", "municipality", "notes")
PERSON_TEXT = ("first_name", "last_name", "job_title", "notes")


def _org_raw(values: dict) -> dict:
    return {"kind": "company", **values}


def _expect_fields(exc: ValidationError, fields) -> None:
    assert exc.errors and set(exc.errors) <= set(fields), exc.errors
    assert all(isinstance(m, str) and " / " in m for m in exc.errors.values())


def _same(stored: dict, expected: dict, fields) -> None:
    for field in fields:
        assert (stored.get(field) or "") == (expected.get(field) or ""), (field, stored.get(field), expected.get(field))


@EXAMPLES
@given(first=st.fixed_dictionaries({k: NAME if k == "name" else NASTY for k in ORG_TEXT},
                                   optional={"tags": st.lists(NASTY, max_size=3)}),
       second=st.fixed_dictionaries({k: NAME if k == "name" else NASTY for k in ORG_TEXT}))
def test_organisations_round_trip_whatever_is_typed(graph, users, first, second):
    admin = users["admin"]
    try:
        expected = org_domain.validate(_org_raw(first))
    except ValidationError as exc:
        with pytest.raises(ValidationError) as caught:
            organisations.create(admin, _org_raw(first), via="test")
        _expect_fields(caught.value, org_domain.FIELDS)
        assert caught.value.errors == exc.errors
        return
    created = organisations.create(admin, _org_raw(first), via="test")
    event("organisation written")
    stored = organisations.get(admin, created["id"])
    _same(stored, expected, ORG_TEXT)
    assert sorted(stored.get("tags") or []) == sorted(expected.get("tags") or [])
    found = organisations.list_page(admin, {"text": expected["name"]}, "name", 1, 100)
    assert created["id"] in {item["id"] for item in found.items}  # the name finds its record
    try:
        changed = org_domain.validate(_org_raw(second))
    except ValidationError:
        with pytest.raises(ValidationError) as caught:
            organisations.update(admin, created["id"], _org_raw(second), via="test")
        _expect_fields(caught.value, org_domain.FIELDS)
        _same(organisations.get(admin, created["id"]), expected, ORG_TEXT)  # nothing half-written
        return
    organisations.update(admin, created["id"], _org_raw(second), via="test")
    event("organisation changed")
    _same(organisations.get(admin, created["id"]), changed, ORG_TEXT)


@EXAMPLES
@given(text=NASTY, sort=st.sampled_from(org_domain.SORTS), tag=NASTY, region=NASTY)
def test_searching_with_any_text_never_crashes(graph, users, text, sort, tag, region):
    for actor in (users["admin"], users["steering"]):
        try:
            organisations.list_page(actor, {"text": text, "tag": tag, "region": region}, sort, 1, 25)
            people.list_page(actor, {"text": text, "tag": tag}, "name", 1, 25)
        except ValidationError as exc:
            _expect_fields(exc, ("text", "tag", "region", "sort", "kind", "theme", "status", "organisation_id"))


@EXAMPLES
@given(values=st.fixed_dictionaries({k: NAME if k.endswith("name") else NASTY for k in PERSON_TEXT}),
       note=NASTY, source=NASTY)
def test_people_and_link_notes_round_trip(graph, users, values, note, source):
    admin = users["admin"]
    anchor = people.create(admin, {"first_name": "Vaste", "last_name": "Buur"}, via="test")
    raw = {"last_name": "Achternaam", **{k: v for k, v in values.items() if v is not None}}
    try:
        expected = person_domain.validate(raw)
    except ValidationError:
        with pytest.raises(ValidationError) as caught:
            people.create(admin, raw, via="test")
        _expect_fields(caught.value, person_domain.FIELDS)
        return
    person = people.create(admin, raw, via="test")
    event("person written")
    _same(people.get(admin, person["id"]), expected, PERSON_TEXT)
    link_raw = {"type": "knows", "note": note, "source": source}
    try:
        clean = link_domain.validate("person", link_raw, from_id=person["id"], to_id=anchor["id"])
    except ValidationError:
        with pytest.raises(ValidationError) as caught:
            links.add(admin, "person", person["id"], anchor["id"], link_raw, via="test")
        _expect_fields(caught.value, ("type", "since", "until", "source", "note", "to_id", "from_id"))
        return
    link_id = links.add(admin, "person", person["id"], anchor["id"], link_raw, via="test")
    event("link written")
    (stored,) = [l for l in links.list_links(admin, "person", anchor["id"]) if l["id"] == link_id]
    _same(stored, clean, ("note", "source"))
