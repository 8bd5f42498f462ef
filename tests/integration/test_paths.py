"""Introduction paths on the real graph: a fixture network where the right ranking is known."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lo_network.domain.errors import ValidationError
from lo_network.services import activities, links, organisations, paths, people, registrations
from lo_network.services.accounts import Actor

TODAY = date(2026, 6, 1)


@pytest.fixture
def net(graph, users):
    """LO (us) -> target Acme. Shortest routes (two steps, one person between):
    - via Erik: works at LO and at Acme now                                   1.0 * 1.0 = 1.0
    - via Carla: works at LO now, worked at Acme until 2021-06-01 (5 y ago)    1.0 * (0.5 * 0.5) = 0.25
    - via Dirk: worked at LO until 2016-06-01 (10 y ago), works at Acme now    (0.5 * 0.2) * 1.0 = 0.1
    Longer: LO - Anna - knows - Bram - Acme (three steps), not among the shortest."""
    a = users["admin"]
    org = lambda name: organisations.create(a, {"name": name, "kind": "company"}, "t")["id"]  # noqa: E731
    lo, acme, hub = org("Logistics Overijssel"), org("Acme Vervoer"), org("Hub")
    person = lambda first, jobs: people.create(a, {"first_name": first, "last_name": "Test", "email": f"{first.lower()}@x.nl"}, "t")["id"]  # noqa: E731
    anna, bram, carla, dirk, erik = (person(n, None) for n in ("Anna", "Bram", "Carla", "Dirk", "Erik"))
    for who, where, since, until in ((anna, lo, "2020-01-01", None), (bram, acme, "2019-01-01", None),
                                     (carla, lo, "2022-01-01", None), (carla, acme, "2015-01-01", "2021-06-01"),
                                     (dirk, lo, "2010-01-01", "2016-06-01"), (dirk, acme, "2016-07-01", None),
                                     (erik, acme, "2024-01-01", None), (erik, lo, "2025-01-01", None)):
        people.add_employment(a, who, {"organisation_id": where, "since": since, "until": until}, "t")
    links.add(a, "person", anna, bram, {"type": "knows"}, "t")
    links.add(a, "organisation", lo, hub, {"type": "member_of"}, "t")
    links.add(a, "organisation", hub, org("Tussen"), {"type": "partner"}, "t")
    return {"lo": lo, "acme": acme, "anna": anna, "bram": bram, "carla": carla, "dirk": dirk}


def test_paths_ranked_by_tie_strength_with_steps_in_words(net, users):
    found = paths.find(users["coordinator"], net["lo"], net["acme"], today=TODAY)
    names = [[n["name"] for n in p.nodes] for p in found]
    # the shortest paths are 2 steps (via Erik, Carla, Dirk); Anna's route is 3 steps: not shortest
    assert names == [["Logistics Overijssel", "Erik Test", "Acme Vervoer"],
                     ["Logistics Overijssel", "Carla Test", "Acme Vervoer"],
                     ["Logistics Overijssel", "Dirk Test", "Acme Vervoer"]]
    erik, carla, dirk = found
    assert erik.score == 1.0
    assert carla.score == pytest.approx(1.0 * 0.5 * 0.5, abs=0.01)
    assert dirk.score == pytest.approx(0.5 * 0.2 * 1.0, abs=0.01)
    assert [s.nl for s in carla.steps] == ["Carla Test werkt bij Logistics Overijssel (sinds 01-01-2022)",
                                           "Carla Test werkte bij Acme Vervoer (tot 01-06-2021)"]
    assert dirk.steps[1].en == "Dirk Test works at Acme Vervoer (since 01-07-2016)"


def test_person_target_and_knows_link(net, users):
    found = paths.find(users["coordinator"], net["anna"], net["bram"], today=TODAY)
    assert len(found) == 1 and found[0].steps[0].nl == "Anna Test kent Bram Test" and found[0].score == 0.9
    found = paths.find(users["coordinator"], net["lo"], net["bram"], today=TODAY)
    names = [[n["name"] for n in p.nodes] for p in found]
    assert names == [["Logistics Overijssel", "Anna Test", "Bram Test"]]


def test_bad_input(net, users):
    with pytest.raises(ValidationError) as exc:
        paths.find(users["coordinator"], net["lo"], net["lo"])
    assert "target_id" in exc.value.errors
    assert paths.find(users["coordinator"], net["lo"], "missing") == []


def test_home_organisation_from_the_users_email(net, users):
    assert paths.home_organisation(Actor(id=1, email="anna@x.nl", name="", role="steering"))["id"] == net["lo"]
    assert paths.home_organisation(Actor(id=1, email="nobody@x.nl", name="", role="steering")) is None


def test_people_who_only_met_at_an_activity(graph, users):
    """Fenna and Gijs share no organisation or link, only a seat at one activity: that is a
    path of one activity. Henk only waits for a seat there: no path through it."""
    admin, organiser = users["admin"], users["organiser"]
    person = lambda first: people.create(admin, {  # noqa: E731
        "first_name": first, "last_name": "Ontmoet", "email": f"{first.lower()}@ontmoet.example",
        "consent_basis": "legitimate_interest", "consent_date": "01-01-2024"}, "t")["id"]
    fenna, gijs, henk = person("Fenna"), person("Gijs"), person("Henk")
    when = (date.today() + timedelta(days=10)).strftime("%d-%m-%Y")
    cafe = activities.create(organiser, {"title": "Logistiek café Deventer", "kind": "cafe",
                                         "starts_at": f"{when} 16:00", "ends_at": f"{when} 18:00",
                                         "location": "Deventer", "capacity": "2"}, via="t")
    outcomes = registrations.register_people(organiser, cafe["id"], [fenna, gijs, henk], via="t")
    assert [o.outcome for o in outcomes] == ["registered", "registered", "waitlisted"]

    found = paths.find(users["steering"], fenna, gijs, today=TODAY)
    assert [[n["name"] for n in p.nodes] for p in found] == [
        ["Fenna Ontmoet", "Logistiek café Deventer", "Gijs Ontmoet"]]
    assert [s.nl for s in found[0].steps] == ["Fenna Ontmoet nam deel aan Logistiek café Deventer",
                                              "Gijs Ontmoet nam ook deel aan Logistiek café Deventer"]
    assert found[0].score > 0
    assert paths.find(users["steering"], fenna, henk, today=TODAY) == []
