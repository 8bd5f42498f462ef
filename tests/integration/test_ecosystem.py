"""The ecosystem map's data on the real graph: filters, time window, search, ego view."""

from __future__ import annotations

from lo_network.domain import ecosystem as domain
from lo_network.services import ecosystem, links, organisations, people


def test_map_filters_window_search_and_ego(graph, users):
    a = users["admin"]
    org = lambda name, region: organisations.create(a, {"name": name, "kind": "company", "region": region}, "t")["id"]  # noqa: E731
    tw1, tw2, zw = org("Twente Een", "twente"), org("Twente Twee", "twente"), org("Zwolle Drie", "zwolle")
    far = org("Ver Weg", "deventer")
    basis = {"consent_basis": "legitimate_interest", "consent_date": "2020-01-01"}  # a basis: may be shown
    anna = people.create(a, {"first_name": "Anna", "last_name": "Kaart"} | basis, "t",
                         employment={"organisation_id": tw1, "since": "2020-01-01"})["id"]
    bert = people.create(a, {"first_name": "Bert", "last_name": "Kaart"} | basis, "t")["id"]
    links.add(a, "person", anna, bert, {"type": "knows"}, "t")
    links.add(a, "organisation", tw1, tw2, {"type": "partner", "since": "2019-01-01", "until": "2021-12-31"}, "t")
    links.add(a, "organisation", tw2, zw, {"type": "customer", "since": "2018-01-01"}, "t")
    links.add(a, "organisation", zw, far, {"type": "member_of", "since": "2018-01-01"}, "t")
    viewer = users["steering"]

    now = ecosystem.network(viewer, {})
    ids = {n["id"] for n in now["nodes"]}
    assert ids == {tw1, tw2, zw, far, anna}  # Bert works nowhere: not on the whole map
    assert {(l["source"], l["target"]) for l in now["links"]} == {(tw2, zw), (zw, far), (anna, tw1)}
    by_id = {n["id"]: n for n in now["nodes"]}
    assert by_id[zw]["val"] == 3 and by_id[anna]["color"] == domain.COLOURS["person"]
    assert by_id[tw1]["href"] == f"/organisaties/{tw1}"

    twente_2020 = ecosystem.network(viewer, {"region": "twente"}, year="2020", people=False)
    assert {n["id"] for n in twente_2020["nodes"]} == {tw1, tw2}
    assert [(l["source"], l["target"], l["label"]) for l in twente_2020["links"]] == [(tw1, tw2, "partner van")]

    found = ecosystem.network(viewer, {}, search="twente")
    assert found["hits"] == 2 and {n["id"] for n in found["nodes"] if n["color"] == domain.HIGHLIGHT} == {tw1, tw2}

    one = ecosystem.ego(viewer, anna, 1)
    assert {n["id"] for n in one["nodes"]} == {anna, bert, tw1}
    two = ecosystem.ego(viewer, zw, 2)
    assert {n["id"] for n in two["nodes"]} == {zw, tw2, far}  # tw2-tw1 ended in 2021: not a tie now
    assert {n["id"] for n in ecosystem.ego(viewer, zw, 2, year="2020")["nodes"]} == {zw, tw2, far, tw1}
    assert {n["id"] for n in ecosystem.ego(viewer, zw, 1)["nodes"]} == {zw, tw2, far}
    assert {n["id"] for n in ecosystem.ego(viewer, far, 1)["nodes"]} == {far, zw}


def test_a_search_finds_an_organisation_beyond_the_map_limit(graph, users, monkeypatch):
    a = users["admin"]
    hub = organisations.create(a, {"name": "Hub Centraal", "kind": "company"}, "t")["id"]
    for n in range(3):
        spoke = organisations.create(a, {"name": f"Spaak {n}", "kind": "company"}, "t")["id"]
        links.add(a, "organisation", hub, spoke, {"type": "partner"}, "t")
    quiet = organisations.create(a, {"name": "Stille Vennoot", "kind": "company"}, "t")["id"]
    from lo_network.services import metrics

    metrics.recompute(a, "t")  # degrees: the quiet one last
    monkeypatch.setattr(ecosystem, "ORGANISATION_LIMIT", 3)
    assert quiet not in {n["id"] for n in ecosystem.network(users["steering"], {})["nodes"]}
    found = ecosystem.network(users["steering"], {}, search="stille ven")
    assert found["hits"] == 1 and quiet in {n["id"] for n in found["nodes"]}
