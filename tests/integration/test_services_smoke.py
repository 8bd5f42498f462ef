import pytest
from lo_network.services import organisations as orgs, people
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import PermissionDenied

def test_smoke(graph, users):
    c = users["coordinator"]
    o = orgs.create(c, {"name": "Port of Twente B.V.", "kind": "port_network", "kvk": "1234 5678", "city": "Hengelo", "themes": ["international"], "tags": "haven, NSBC"}, "test")
    assert o["kvk"] == "12345678" and o["region"] == "twente"
    p = orgs.list_page(c, {"text": "twente"})
    assert p.total == 1
    p = orgs.list_page(c, {"text": "", "region": "twente", "theme": "international", "tag": "haven"}, sort="-updated")
    assert p.total == 1, p
    u = orgs.update(c, o["id"], {"status": "partner"}, "test")
    assert u["status"] == "partner" and len(u["status_log"]) == 2
    per = people.create(c, {"first_name": "Anna", "last_name": "Jansen", "email": "Anna@Example.NL"}, "test", employment={"organisation_id": o["id"], "role": "CEO", "since": "1-2-2020"})
    got = people.get(c, per["id"])
    assert got["employments"][0]["organisation_name"] == "Port of Twente B.V."
    pl = people.list_page(c, {"text": "anna"})
    assert pl.total == 1 and pl.items[0]["organisations"] == ["Port of Twente B.V."]
    with pytest.raises(PermissionDenied):
        orgs.create(users["steering"], {"name": "x", "kind": "company"}, "test")
    with pytest.raises(ValidationError) as e:
        orgs.create(c, {"name": "", "kind": "company", "kvk": "123"}, "test")
    assert set(e.value.errors) == {"name", "kvk"}
    g = orgs.get(c, o["id"])
    assert g["people"][0]["person_name"] == "Anna Jansen"
    orgs.delete(c, o["id"], "test")
