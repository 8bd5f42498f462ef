"""Search as you type and the organisation list's text and filters on Neo4j's full-text
index (graph/schema/095_fulltext_search.cypher): ranking, legal forms, accents, user text
that is Lucene syntax, and the plans the graph makes for the list's filters."""

from __future__ import annotations

import pytest

from lo_network.domain import organisations as domain
from lo_network.domain.paging import NO_CURSOR
from lo_network.domain.text import fulltext_query
from lo_network.services import organisations as service
from lo_network.store import driver
from lo_network.store import organisations as store
from lo_network.store.queries import q


@pytest.fixture
def coordinator(graph, users):
    return users["coordinator"]


@pytest.fixture
def ports(coordinator):
    """Ports and carriers whose names hold 'port' in every position."""
    names = ["Transport Bakker B.V.", "Airport Logistics", "Port of Twente", "Port", "Havenbedrijf Port Zwolle",
             "Portaal Deventer", "Bakker BV", "Bakker", "Müller Spedition GmbH", "Sport Twente"]
    rows = [domain.validate({"name": name, "kind": "port_network" if "Port " in f"{name} " else "company"})
            for name in names]
    return dict(zip(names, driver.write(store.create_many, rows)))


def looked_up(actor, text, limit=20) -> list[str]:
    return [hit["name"] for hit in service.lookup(actor, text, limit)]


def test_exact_then_prefix_then_word_start_then_the_rest(coordinator, ports):
    found = looked_up(coordinator, "port")
    assert found[:4] == [
        "Port",                      # the name itself
        "Port of Twente",            # names starting with it, by name
        "Portaal Deventer",
        "Havenbedrijf Port Zwolle",  # a word starting with it
    ]
    assert set(found[4:]) == {"Airport Logistics", "Sport Twente", "Transport Bakker B.V."}  # inside a word
    assert looked_up(coordinator, "port tw")[:1] == ["Port of Twente"]  # the last word as a prefix
    assert looked_up(coordinator, "PORT", limit=2) == ["Port", "Port of Twente"]


def test_legal_forms_are_folded(coordinator, ports):
    bakkers = {"Bakker BV", "Bakker", "Transport Bakker B.V."}
    assert set(looked_up(coordinator, "bakker b.v.")) == bakkers
    assert set(looked_up(coordinator, "Bakker BV")) == bakkers
    assert looked_up(coordinator, "bakker b.v.")[:2] in (["Bakker BV", "Bakker"], ["Bakker", "Bakker BV"])
    # alone, a legal form finds the organisations with that form, in either spelling, not all
    assert set(looked_up(coordinator, "bv")) == {"Bakker BV", "Transport Bakker B.V."}
    assert set(looked_up(coordinator, "B.V.")) == {"Bakker BV", "Transport Bakker B.V."}
    page = service.list_page(coordinator, {"text": "bv"})
    assert page.total == 2
    assert looked_up(coordinator, "gmbh") == ["Müller Spedition GmbH"]


def test_accents_fold_both_ways(coordinator, ports):
    assert looked_up(coordinator, "muller") == ["Müller Spedition GmbH"]
    assert looked_up(coordinator, "MÜLL") == ["Müller Spedition GmbH"]
    assert service.list_page(coordinator, {"text": "spédition"}).total == 1


@pytest.mark.parametrize("text", [
    '"', '""', "(", ")", ":", "*", "?", "~", "^", "\\", "/", "[", "]", "{", "}", "!", "-", "+", "&&", "||",
    "AND", "OR", "NOT", "port AND", "OR port", "name:port", "port~", "port~2", "*port", "port^3", '"port',
    "(port", "port)", "a:b:c", "port && bakker", "[a TO z]", "{a TO z}", "\\port", "port\\", "+-!", "%_'",
    "bakker b.v.)", "'); MATCH (n) DETACH DELETE n //",
])
def test_lucene_syntax_in_user_text_is_only_text(coordinator, ports, text):
    """Whatever is typed: no error, and operators are not obeyed ('AND' is a word to find)."""
    service.lookup(coordinator, text)
    page = service.list_page(coordinator, {"text": text, "kind": "company"})
    assert page.total == len(page.items)
    service.list_page(coordinator, {"tag": text})
    assert driver.read(lambda tx: tx.run(q("organisations/count_all")).single()["total"]) == 10  # nothing deleted


def test_operators_are_words(coordinator, ports):
    assert looked_up(coordinator, "port AND twente") == []  # 'and' must occur: no name has it
    assert looked_up(coordinator, "twente NOT port") == []  # no name has the word part "not"
    assert looked_up(coordinator, "twente port") == ["Port of Twente", "Sport Twente"]  # whole word first


def test_filters_and_text_together_and_keyset_paging(coordinator, ports):
    page = service.list_page(coordinator, {"text": "port", "kind": "port_network"})
    assert [i["name"] for i in page.items] == ["Havenbedrijf Port Zwolle", "Port", "Port of Twente"]
    assert page.total == 3
    first = service.list_page(coordinator, {"kind": "company"}, "name", 1, 25)
    assert first.total == 7 and first.next_cursor is None


# ---------------------------------------------------------------- plans
FILTERS = [
    {"text": "port"},
    {"kind": "company"},
    {"region": "twente"},
    {"status": "partner"},
    {"theme": "international"},
    {"tag": "nsbc"},
    {"kind": "company", "status": "partner"},
    {"text": "trans", "region": "twente", "theme": "sustainability"},
]


def plan_operators(query: str, params: dict) -> set[str]:
    def walk(plan) -> set[str]:
        found = {plan["operatorType"].split("@")[0]}
        for child in plan.get("children", []):
            found |= walk(child)
        return found

    def explain(tx):
        return tx.run("EXPLAIN " + query, params).consume().plan

    return walk(driver.read(explain))


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: "+".join(f))
def test_list_filters_use_the_index_not_a_label_scan(graph, filters):
    params = store._filters(dict(filters, text=domain.search_text(filters.get("text"))))
    page = dict(params, **NO_CURSOR, sort="name", offset=0, limit=25)
    for name, values in (("organisations/search", page), ("organisations/count", params)):
        operators = plan_operators(q(name), values)
        assert "ProcedureCall" in operators, (name, operators)  # db.index.fulltext.queryNodes
        assert not {"NodeByLabelScan", "AllNodesScan"} & operators, (name, operators)
    assert "NodeByLabelScan" not in plan_operators(q("organisations/lookup"), {
        "search": fulltext_query("port"), "plain": "port", "candidates": 200, "limit": 20})


# ---------------------------------------------------------------- people
@pytest.fixture
def people(coordinator):
    from lo_network.services import people as person_service

    made = {}
    for first, last, extra in [("Piet", "Port", {}), ("Anna", "van Portengen", {"tags": "spreker"}),
                               ("Jürgen", "Müller", {"email": "j.muller@acme.example", "tags": "spreker"}),
                               ("Sa", "Ba", {})]:
        made[last] = person_service.create(coordinator, dict(first_name=first, last_name=last,
                                                             consent_basis="legitimate_interest",
                                                             consent_date="01-01-2024", **extra), "test")["id"]
    return made


def test_people_text_and_tag_through_the_index(coordinator, people):
    from lo_network.services import people as person_service
    from lo_network.services import registrations

    def listed(filters):
        page = person_service.list_page(coordinator, filters)
        assert page.total == len(page.items)
        return [p["name"] for p in page.items]

    assert listed({"text": "mull"}) == ["Jürgen Müller"]
    assert listed({"text": "acme.example"}) == ["Jürgen Müller"]
    assert listed({"text": "porten", "tag": "spreker"}) == ["Anna van Portengen"]
    assert listed({"tag": "spreker"}) == ["Jürgen Müller", "Anna van Portengen"]
    assert listed({"text": "sa ba"}) == ["Sa Ba"]  # no legal forms among people's names
    assert listed({"text": '"(*'}) == ["Sa Ba", "Jürgen Müller", "Piet Port", "Anna van Portengen"]
    picked = [p["name"] for p in registrations.lookup_people(coordinator, "port")]
    assert picked[0] == "Piet Port" and "Anna van Portengen" in picked
    assert registrations.lookup_people(coordinator, 'AND "') == []


@pytest.mark.parametrize("filters", [{"text": "mull"}, {"tag": "spreker"}, {"text": "an", "tag": "x", "directory": True}],
                         ids=lambda f: "+".join(f))
def test_people_text_and_tag_use_the_index(graph, filters):
    from datetime import date

    from lo_network.store import people as person_store

    params = dict(person_store._filters(filters), today=date.today().isoformat())
    page = dict(params, **NO_CURSOR, sort="name", offset=0, limit=25)
    for name, values in (("people/search_text", page), ("people/count_text", params)):
        operators = plan_operators(q(name), values)
        assert "ProcedureCall" in operators and "NodeByLabelScan" not in operators, (name, operators)


def test_the_whole_list_by_name_is_read_in_index_order(graph, coordinator):
    """The first view of the list (no text, no filter, by name) reads the name index in order
    and stops at the page: no sort of every organisation; its pages match the general query's."""
    for name in ("Zeta Havens", "Alfa Havens", "Alfa Havens", "Midden Logistiek", "Bravo"):
        service.create(coordinator, {"name": name, "kind": "company"}, "test")
    operators = plan_operators(q("organisations/search_by_name"), dict(NO_CURSOR, offset=0, limit=3, kind=None, region=None, status=None, theme=None, tag=None))
    assert "NodeIndexSeekByRange" in operators and "Sort" not in operators, operators

    def read(query: str, after: dict, offset: int, **extra) -> list[dict]:
        return driver.read(lambda tx: [r["organisation"] for r in tx.run(
            q(query), **after, offset=offset, limit=3, **extra)])

    def pages(query: str, **extra) -> list[list[str]]:
        first = read(query, NO_CURSOR, 0, **extra)
        after = {"after_name": first[-1]["name_key"], "after_id": first[-1]["id"], "after_city": ""}
        return [[r["id"] for r in rows] for rows in
                (first, read(query, NO_CURSOR, 3, **extra), read(query, after, 0, **extra))]

    by_index = pages("organisations/search_by_name", kind=None, region=None, status=None, theme=None, tag=None)
    assert by_index == pages("organisations/search_all", sort="name")
    assert by_index[1] == by_index[2]  # the second page by offset is the page after the first by keyset


@pytest.mark.parametrize("filters", [{"region": "twente"}, {"theme": "sustainability"}, {"tag": "nsbc"},
                                     {"kind": "company", "status": "partner"}], ids=lambda f: "+".join(f))
def test_a_dense_filter_by_name_reads_the_name_index_with_the_same_rows(coordinator, filters):
    """A filter that matches many is read along the name index (search_by_name.cypher) when the
    page fills soon; its pages, by offset and by keyset, are the full-text query's."""
    for n in range(8):
        service.create(coordinator, {"name": f"Veld {n} Transport", "kind": "company", "status": "partner",
                                     "region": "twente" if n % 2 else "zwolle", "tags": ["nsbc"] if n % 3 else [],
                                     "themes": ["sustainability"] if n % 4 else []}, "test")
    params = store._filters(dict(filters, text=""))

    def read(query: str, after: dict, offset: int) -> list[str]:
        return driver.read(lambda tx: [r["organisation"]["id"] for r in tx.run(
            q(query), **dict(params, **after), sort="name", offset=offset, limit=2)])

    def pages(query: str) -> list[list[str]]:
        first = read(query, NO_CURSOR, 0)
        last = next(o for o in driver.read(store.search, dict(filters, text=""), "name", 0, 50) if o["id"] == first[-1])
        after = {"after_name": last["name_key"], "after_id": last["id"], "after_city": ""}
        return [first, read(query, NO_CURSOR, 2), read(query, after, 0)]

    walked = pages("organisations/search_by_name")
    assert walked == pages("organisations/search") and walked[1] == walked[2] and len(walked[0]) == 2
    assert "NodeIndexSeekByRange" in plan_operators(q("organisations/search_by_name"), dict(
        params, **NO_CURSOR, offset=0, limit=25))
    # the service: dense here (8 of 8 or half), so the page comes from the walk; same rows either way
    listed = service.list_page(coordinator, filters, "name", 1, 25)
    assert [o["id"] for o in listed.items] == driver.read(
        lambda tx: [r["organisation"]["id"] for r in tx.run(q("organisations/search"), **params, **NO_CURSOR,
                                                             sort="name", offset=0, limit=25)])
