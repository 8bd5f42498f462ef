"""Domain rules of the network itself: link validation and words, timeline, duplicate keys and scores."""

from __future__ import annotations

from datetime import date

import pytest

from lo_network.domain import duplicates as dup
from lo_network.domain import links
from lo_network.domain.errors import ValidationError

TODAY = date(2026, 6, 1)


def test_link_validate_normalises_and_names_each_bad_field():
    out = links.validate("organisation", {"type": "partner", "since": "1-3-2024", "source": " KvK ", "note": " x "},
                         from_id="a", to_id="b", today=TODAY)
    assert out == {"type": "partner", "since": "2024-03-01", "until": None, "source": "KvK", "note": "x"}
    with pytest.raises(ValidationError) as exc:
        links.validate("organisation", {"type": "knows", "since": "2027-01-01", "until": "2026-01-01"},
                       from_id="a", to_id="a", today=TODAY)
    assert set(exc.value.errors) == {"type", "since", "until", "to_id"}
    with pytest.raises(ValidationError) as exc:
        links.validate("person", {"type": "partner"}, today=TODAY)
    assert set(exc.value.errors) == {"type"}


def test_link_words_from_each_end():
    assert links.label("organisation", "customer", True) == ("klant van", "customer of")
    assert links.label("organisation", "customer", False) == ("heeft als klant", "has as customer")
    assert links.label("organisation", "partner", False) == ("partner van", "partner of")
    assert links.label("person", "introduced_by", False) == ("heeft geïntroduceerd", "introduced")


def test_same_active_link_respects_direction_and_end():
    existing = [{"id": "1", "type": "customer", "from_id": "a", "to_id": "b", "until": None},
                {"id": "2", "type": "partner", "from_id": "a", "to_id": "b", "until": "2020-01-01"}]
    assert links.same_active_link(existing, "organisation", "customer", "a", "b", TODAY)
    assert not links.same_active_link(existing, "organisation", "customer", "b", "a", TODAY)
    assert not links.same_active_link(existing, "organisation", "partner", "b", "a", TODAY)  # ended
    existing[1]["until"] = None
    assert links.same_active_link(existing, "organisation", "partner", "b", "a", TODAY)  # undirected


def test_timeline_newest_first_with_undated_last():
    entries = links.timeline(
        employments=[{"organisation_id": "o", "organisation_name": "Acme", "role": "CEO", "since": "2018-01-01",
                      "until": "2022-12-31"}, {"organisation_id": "p", "organisation_name": "Port", "since": None,
                                               "until": None}],
        links=[{"type": "knows", "kind": "person", "outgoing": True, "other_id": "x", "other_name": "Bert",
                "since": "2021-05-01", "until": None}],
        viewpoint="person", today=TODAY)
    assert [(e.date, e.kind) for e in entries] == [
        ("2022-12-31", "employment_end"), ("2021-05-01", "link_start"), ("2018-01-01", "employment_start"),
        ("", "employment_start")]
    assert entries[0].nl == "vertrekt bij Acme (CEO)" and entries[0].ended
    assert entries[1].en == "knows Bert" and not entries[1].ended


@pytest.mark.parametrize("a, b", [
    ("Transport Twente B.V.", "transport-twente BV"),
    ("Trans Port Twénte Holding", "TRANSPORT TWENTE"),
    ("Stichting Havenbedrijf", "Havenbedrijf"),
    ("Koel & Vries N.V.", "koel vries nv"),
])
def test_organisation_names_that_match(a, b):
    assert dup.organisation_name_key(a) == dup.organisation_name_key(b) != ""


def test_organisation_names_that_differ_and_legal_form_only():
    assert dup.organisation_name_key("Transport Twente") != dup.organisation_name_key("Transport Zwolle")
    assert dup.organisation_name_key("B.V.") == "bv"


def test_website_domain():
    assert dup.website_domain("https://www.Example.nl/contact?x=1") == "example.nl"
    assert dup.website_domain("example.nl:8080") == "example.nl"
    assert dup.website_domain("https://www.linkedin.com/company/x") == ""
    assert dup.website_domain("") == ""


def test_person_key_and_score():
    assert dup.person_name_key("Jan", "de  Vries") == dup.person_name_key("jan", "De Vries") == "jandevries"
    assert dup.score(["same_kvk"]) == 90
    assert dup.score(["same_kvk", "same_name"]) == 97
    assert dup.score(["same_name", "same_domain", "same_name"]) == 88


def test_combine_groups_reasons_per_pair_best_first():
    rows = [{"a_id": "2", "b_id": "1", "a_name": "B", "b_name": "A", "reason": "same_name"},
            {"a_id": "1", "b_id": "2", "a_name": "A", "b_name": "B", "reason": "same_kvk"},
            {"a_id": "3", "b_id": "4", "a_name": "C", "b_name": "D", "reason": "same_domain"}]
    out = dup.combine(rows)
    assert [(c["a_id"], c["b_id"], c["a_name"], c["score"]) for c in out] == [("1", "2", "A", 97), ("3", "4", "C", 60)]
    assert out[0]["reasons_en"].startswith("same KvK number")


def test_merged_fields():
    keep = {"name": "A", "email": "", "tags": ["x"], "notes": "k"}
    drop = {"name": "B", "email": "b@x.nl", "tags": ["y"], "notes": "d"}
    out = dup.merged_fields(("name", "email", "tags", "notes"), keep, drop, {"tags": "both", "notes": "drop"})
    assert out == {"name": "A", "email": "b@x.nl", "tags": ["x", "y"], "notes": "d"}


# ---------------------------------------------------------------- measures
def test_measures_on_a_star_and_theme_bridge():
    from lo_network.domain import measures

    nodes = [{"id": "hub", "kind": "organisation", "name": "Hub", "region": "twente", "themes": ["international"]},
             {"id": "x", "kind": "organisation", "name": "X", "region": "twente", "themes": ["sustainability"]},
             {"id": "y", "kind": "organisation", "name": "Y", "region": "twente", "themes": ["international"]},
             {"id": "p", "kind": "person", "name": "P", "region": None, "themes": []}]
    ties = [{"a": "hub", "b": "x"}, {"a": "hub", "b": "y"}, {"a": "p", "b": "hub"}, {"a": "p", "b": "hub"}]
    result = measures.compute(nodes, ties)
    assert result.per_node["hub"] == {"degree": 3, "betweenness": 1.0, "community": result.per_node["hub"]["community"]}
    assert result.per_node["x"]["betweenness"] == 0.0
    assert result.network["edges"] == 3 and result.network["density"] == 0.5
    bridges = [f for f in result.findings if f["what"] == "theme"]
    assert [(f["a"], f["b"], f["names"]) for f in bridges] == [("international", "sustainability", ["Hub", "X"])]
    assert [f["names"] for f in result.findings if f["what"] == "cut"] == [["Hub"]]
    assert measures.compute([], []).network["nodes"] == 0


# ---------------------------------------------------------------- ecosystem map
def test_map_window_and_build():
    from lo_network.domain import ecosystem

    assert ecosystem.window("2021") == ("2021-01-01", "2021-12-31")
    assert ecosystem.window("", TODAY) == ("2026-06-01", "2026-06-01")
    orgs = [{"id": "a", "name": "Alfa BV", "kind": "company"}, {"id": "b", "name": "Beta", "kind": "municipality"}]
    ties = [{"a": "a", "b": "b", "rel": "LINK", "type": "customer"},
            {"a": "p", "b": "a", "rel": "WORKS_AT", "person_name": "Piet"},
            {"a": "p", "b": "a", "rel": "WORKS_AT", "person_name": "Piet"}]
    data = ecosystem.build(orgs, ties, search="alfa")
    nodes = {n["id"]: n for n in data["nodes"]}
    assert [(l["source"], l["target"], l["label"]) for l in data["links"]] == [("a", "b", "klant van"), ("p", "a", "werkt bij")]
    assert nodes["a"]["color"] == ecosystem.HIGHLIGHT and nodes["a"]["val"] == 18 and data["hits"] == 1
    assert nodes["b"]["color"] == ecosystem.COLOURS["municipality"] and nodes["b"]["val"] == 2
    assert nodes["p"]["href"] == "/personen/p" and nodes["p"]["kind"] == "person"
    assert {n["id"] for n in ecosystem.build(orgs, ties, people=False)["nodes"]} == {"a", "b"}


# ---------------------------------------------------------------- introduction paths
def test_tie_strength_and_ranking():
    from lo_network.domain import paths

    assert paths.strength({"rel": "WORKS_AT"}, TODAY) == 1.0
    assert paths.strength({"rel": "WORKS_AT", "until": "2026-05-31"}, TODAY) == pytest.approx(0.5, abs=0.001)
    assert paths.strength({"rel": "WORKS_AT", "until": "2016-06-01"}, TODAY) == pytest.approx(0.1, abs=0.001)
    assert paths.strength({"rel": "LINK", "type": "knows"}, TODAY) == 0.9
    assert paths.strength({"rel": "REGISTERED_FOR"}, TODAY, "2021-06-01") == pytest.approx(0.25, abs=0.001)
    org = lambda i, n: {"id": i, "name": n, "kind": "organisation"}  # noqa: E731
    person = lambda i, n: {"id": i, "name": n, "kind": "person"}  # noqa: E731
    weak = {"nodes": [org("o", "Ons"), person("w", "Wim"), org("t", "Doel")],
            "rels": [{"rel": "WORKS_AT", "from_id": "w"}, {"rel": "WORKS_AT", "from_id": "w", "until": "2020-01-01"}]}
    strong = {"nodes": [org("o", "Ons"), person("s", "Sara"), org("t", "Doel")],
              "rels": [{"rel": "WORKS_AT", "from_id": "s", "role": "CEO"}, {"rel": "WORKS_AT", "from_id": "s"}]}
    ranked = paths.rank([weak, strong], TODAY)
    assert [p.nodes[1]["name"] for p in ranked] == ["Sara", "Wim"]
    assert ranked[0].steps[0].nl == "Sara werkt bij Ons als CEO" and ranked[0].score == 1.0
    assert ranked[1].steps[1].en == "Wim worked at Doel (until 01-01-2020)"
    link = {"nodes": [org("a", "A"), org("b", "B")], "rels": [{"rel": "LINK", "type": "customer", "from_id": "b"}]}
    assert paths.rank([link], TODAY)[0].steps[0].nl == "A heeft als klant B"
