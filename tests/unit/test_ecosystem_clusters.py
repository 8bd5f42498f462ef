"""The map's first view: one node per region (or kind), sized by its members, linked by the
ties between them; an expanded group (or one with a search hit) shows its own nodes."""

from __future__ import annotations

from lo_network.domain import ecosystem as domain


def _graph(search: str = "") -> dict:
    organisations = [
        {"id": "a", "name": "Alpha", "kind": "company", "region": "twente"},
        {"id": "b", "name": "Beta", "kind": "company", "region": "twente"},
        {"id": "c", "name": "Gamma", "kind": "municipality", "region": "zwolle"},
        {"id": "d", "name": "Delta", "kind": "education", "region": None},
    ]
    ties = [
        {"rel": "LINK", "a": "a", "b": "b", "type": "partner"},
        {"rel": "LINK", "a": "a", "b": "c", "type": "partner"},
        {"rel": "LINK", "a": "b", "b": "c", "type": "customer"},
        {"rel": "WORKS_AT", "a": "p", "b": "c", "person_name": "Piet"},
        {"rel": "LINK", "a": "c", "b": "d", "type": "partner"},
    ]
    return domain.build(organisations, ties, search=search)


def _by_id(graph: dict) -> dict:
    return {n["id"]: n for n in graph["nodes"]}


def test_one_node_per_region_sized_by_members_and_linked_by_ties():
    view = domain.cluster(_graph(), "region")
    nodes = _by_id(view)
    assert set(nodes) == {"group:twente", "group:zwolle", "group:_other"}
    assert nodes["group:twente"]["members"] == 2
    assert nodes["group:zwolle"]["members"] == 2  # Gamma and Piet, who works there
    assert nodes["group:zwolle"]["name"] == "Zwolle (2)"
    assert nodes["group:_other"]["name"] == "Onbekend (1)"
    assert nodes["group:twente"]["val"] > nodes["group:_other"]["val"]
    assert all(n["label"] for n in view["nodes"])
    weights = {(link["source"], link["target"]): link["weight"] for link in view["links"]}
    assert weights == {("group:twente", "group:zwolle"): 2, ("group:_other", "group:zwolle"): 1}


def test_an_expanded_group_shows_its_organisations_linked_to_the_other_groups():
    view = domain.cluster(_graph(), "region", {"twente"}, lang="en")
    nodes = _by_id(view)
    assert set(nodes) == {"a", "b", "group:zwolle", "group:_other"}
    assert nodes["group:_other"]["name"] == "Unknown (1)"
    pairs = {(link["source"], link["target"]): link.get("weight") for link in view["links"]}
    assert pairs == {("a", "b"): None, ("a", "group:zwolle"): 1, ("b", "group:zwolle"): 1,
                     ("group:_other", "group:zwolle"): 1}


def test_by_kind_and_a_search_hit_opens_its_group():
    view = domain.cluster(_graph(search="gamma"), "kind")
    nodes = _by_id(view)
    assert "c" in nodes and "group:municipality" not in nodes
    assert {"group:company", "group:education", "group:person"} <= set(nodes)
    assert nodes["group:company"]["members"] == 2


def test_no_grouping_leaves_the_map_as_it_is():
    graph = _graph()
    assert domain.cluster(graph, "") is graph


def test_labels_go_to_the_largest_nodes_when_many():
    organisations = [{"id": f"o{i}", "name": f"Org {i}", "kind": "company"} for i in range(60)]
    ties = [{"rel": "LINK", "a": "o0", "b": f"o{i}", "type": "partner"} for i in range(1, 60)]
    ties += [{"rel": "LINK", "a": "o1", "b": f"o{i}", "type": "partner"} for i in range(2, 10)]
    nodes = _by_id(domain.build(organisations, ties))
    labelled = {i for i, n in nodes.items() if n["label"]}
    assert len(labelled) == domain.LABELLED
    assert {"o0", "o1"} <= labelled
    few = domain.build(organisations[:5], [])
    assert all(n["label"] for n in few["nodes"])


def test_closed_groups_are_pinned_on_a_ring_and_move_freely_once_one_is_open():
    closed = _by_id(domain.cluster(_graph(), "region"))
    places = {node_id: (n["fx"], n["fy"]) for node_id, n in closed.items()}
    assert places["group:twente"][0] == 0 and places["group:twente"][1] < 0  # the largest at the top centre
    # each pair of neighbours is further apart than the longer of their two names is wide
    for a in places:
        for b in places:
            if a < b:
                gap = ((places[a][0] - places[b][0]) ** 2 + (places[a][1] - places[b][1]) ** 2) ** 0.5
                widest = max(len(closed[a]["name"]), len(closed[b]["name"])) * domain.GROUP_CHAR
                assert gap > widest
    opened = _by_id(domain.cluster(_graph(), "region", {"twente"}))
    assert not any("fx" in node for node in opened.values())
    assert (opened["group:zwolle"]["x"], opened["group:zwolle"]["y"]) == places["group:zwolle"]  # starts there


def test_one_group_sits_in_the_middle():
    assert domain.ring([{"id": "group:twente", "name": "Twente (2)"}]) == {"group:twente": (0.0, 0.0)}
