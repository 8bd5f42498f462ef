"""Each name in a step of an introduction path links to its record."""

from __future__ import annotations

from datetime import date

from lo_network.domain import paths


def test_each_name_in_a_step_links_to_its_record():
    nodes = [{"id": "p1", "kind": "person", "name": "Anna"},
             {"id": "o1", "kind": "organisation", "name": "Anna Transport"},
             {"id": "a1", "kind": "activity", "name": "Café"}]
    rels = [{"rel": "WORKS_AT"}, {"rel": "REGISTERED_FOR"}]
    path = paths.rank([{"nodes": nodes, "rels": rels}], date(2026, 1, 1))[0]
    first = paths.pieces(path.steps[0].nl, path.steps[0].names)
    assert first == [("Anna", "/personen/p1"), (" werkt bij ", ""), ("Anna Transport", "/organisaties/o1")]
    second = paths.pieces(path.steps[1].en, path.steps[1].names)
    assert ("Café", "/activiteiten/a1") in second and ("Anna Transport", "/organisaties/o1") in second
    assert "".join(text for text, _ in second) == path.steps[1].en
    assert paths.pieces("geen namen", [("", "/x"), ("Bob", "")]) == [("geen namen", "")]
