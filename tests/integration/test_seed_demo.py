"""The demo network: loads into an empty graph only, covers every kind and region, passes the
domain's validation when read back, and is found by the organisation list's filters."""

from __future__ import annotations

from lo_network.domain import organisations as organisation_domain
from lo_network.domain import people as people_domain
from lo_network.domain import vocab
from lo_network.domain.text import fold
from lo_network.seed import demo
from lo_network.services import organisations as organisations_service
from lo_network.services import people as people_service
from lo_network.store import driver, network


def _sizes() -> dict:
    return driver.read(network.counts)


def _every_organisation(actor) -> list[dict]:
    items, page = [], 1
    while True:
        result = organisations_service.list_page(actor, {}, page=page, page_size=100)
        items += result.items
        if page >= result.pages:
            return items
        page += 1


def test_the_default_demo_covers_every_kind_region_status_and_theme(graph, users):
    summary = demo.seed()

    sizes = _sizes()
    assert sizes["organisations"] == demo.DEFAULT_ORGANISATIONS
    assert 2 * sizes["organisations"] <= sizes["people"] <= 3 * sizes["organisations"]
    assert f"{sizes['organisations']} organisations, {sizes['people']} people" in summary
    organisations = _every_organisation(users["steering"])
    assert len(organisations) == sizes["organisations"]
    assert {o["kind"] for o in organisations} == set(vocab.KINDS)
    assert {o["company_type"] for o in organisations if o["kind"] == "company"} == set(vocab.COMPANY_TYPES)
    sizes_known = [o.get("size_class") or "" for o in organisations if o["kind"] == "company"]
    assert set(sizes_known) == set(vocab.SIZE_CLASSES) | {""}  # most companies' size is known
    assert len(sizes_known) / 2 < sum(1 for s in sizes_known if s) < len(sizes_known)
    assert not any(o.get("size_class") for o in organisations if o["kind"] != "company")
    assert {o["region"] for o in organisations} == set(vocab.REGIONS)
    assert {o["status"] for o in organisations} == set(vocab.STATUSES)
    assert {t for o in organisations for t in o["themes"]} == set(vocab.THEMES)
    assert all(demo.DEMO_TAG in o["tags"] for o in organisations)
    assert len({o["name"] for o in organisations}) == len(organisations)
    names = {o["name"] for o in organisations}
    assert {"Port of Deventer", "Port of Twente", "Port of Zwolle", "Provincie Overijssel"} <= names


def test_seeded_records_pass_domain_validation_when_read_back(graph, users):
    demo.seed(organisations=60)
    actor = users["steering"]

    person_ids = set()
    for item in _every_organisation(actor):
        record = organisations_service.get(actor, item["id"])
        assert record["demo"] is True
        again = organisation_domain.validate(record)
        assert {k: record[k] for k in again} == again, record["name"]
        assert record["website"].endswith(".example")
        assert record["kvk"] == "" or len(record["kvk"]) == 8
        assert record["status_log"] == [f"{record['status_since']}:{record['status']}"]
        person_ids |= {w["person_id"] for w in record["people"]}

    moved = 0
    for person_id in person_ids:
        person = people_service.get(actor, person_id)
        assert person["demo"] is True and demo.DEMO_TAG in person["tags"]
        again = people_domain.validate(person)
        assert {k: person.get(k) for k in again} == again, person["name"]  # a null is not stored
        assert person["email"].endswith(".example")
        for employment in person["employments"]:
            assert people_domain.validate_employment(employment)["since"] == employment["since"]
        current = [e for e in person["employments"] if not e["until"]]
        assert len(current) == 1, person["name"]
        moved += any(e["until"] for e in person["employments"])
    assert 0 < moved < len(person_ids)  # some people changed employer; their history stays


def test_seed_leaves_a_filled_graph_alone_and_replace_wipes_it_first(graph, users):
    organisations_service.create(users["coordinator"], {"name": "Echte Klant B.V.", "kind": "company"}, "test")
    message = demo.seed()
    assert "not loaded" in message and "organisations: 1, people: 0" in message
    assert _sizes() == {"organisations": 1, "people": 0}

    demo.seed(replace=True, organisations=40, seed=1)
    filled = _sizes()
    names = [o["name"] for o in _every_organisation(users["steering"])]
    assert filled["organisations"] == 40 and "Echte Klant B.V." not in names
    assert "not loaded" in demo.seed(organisations=40, seed=2)
    assert _sizes() == filled
    assert [o["name"] for o in _every_organisation(users["steering"])] == names

    message = demo.seed(replace=True, organisations=25, seed=2)
    assert "after wiping" in message
    assert _sizes()["organisations"] == 25


def test_the_same_seed_gives_the_same_network(graph, users):
    def snapshot() -> list[tuple]:
        return [(o["name"], o["kind"], o["city"], o["status"], tuple(o["tags"]))
                for o in _every_organisation(users["steering"])]

    demo.seed(organisations=50, seed=11)
    first, first_sizes = snapshot(), _sizes()
    demo.seed(replace=True, organisations=50, seed=11)
    assert snapshot() == first and _sizes() == first_sizes
    demo.seed(replace=True, organisations=50, seed=12)
    assert snapshot() != first


def test_seeded_organisations_are_found_by_the_list_filters(graph, users):
    demo.seed()
    actor = users["steering"]
    everything = _every_organisation(actor)

    cases = [
        ({"region": "twente"}, lambda o: o["region"] == "twente"),
        ({"kind": "company", "status": "partner"}, lambda o: o["kind"] == "company" and o["status"] == "partner"),
        ({"theme": "sustainability"}, lambda o: "sustainability" in o["themes"]),
        ({"tag": demo.DEMO_TAG}, lambda o: True),
        ({"text": "Transport"}, lambda o: "transport" in fold(o["name"])),
        ({"text": "twente", "kind": "port_network"}, lambda o: o["kind"] == "port_network" and (
            "twente" in fold(o["name"]) or "twente" in fold(o["city"]))),
    ]
    for filters, wanted in cases:
        expected = [o for o in everything if wanted(o)]
        result = organisations_service.list_page(actor, filters, sort="name", page=1, page_size=100)
        assert result.total == len(expected) > 0, filters
        assert {o["id"] for o in result.items} <= {o["id"] for o in expected}, filters
        keys = [fold(o["name"]) for o in result.items]
        assert keys == sorted(keys), filters


def test_every_field_in_the_audit_log_has_a_label(graph, users):
    """The whole demo (network, activities, follow-up, past year) goes through the services,
    so its audit entries carry each field those write; none is shown by its code."""
    from lo_network.seed import seed_all
    from lo_network.services import audit

    list(seed_all(replace=True, organisations=40, seed=3))
    entries, total = audit.search(users["admin"], {}, page_size=500)
    changes = [(entry.entity, change) for entry in entries for change in entry.changes]
    assert total > 100 and len({c.field for _, c in changes}) > 20
    raw = {(entity, c.field) for entity, c in changes if c.label == c.field.replace("_", " ")}
    assert not raw, f"fields shown by their code: {sorted(raw)}"
