"""Duplicate candidates, merge (nothing lost) and undo on the real graph."""

from __future__ import annotations

import json

import pytest

from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import PermissionDenied
from lo_network.domain.vocab import ROLES
from lo_network.services import accounts
from lo_network.services import activities, followup, grants, registrations
from lo_network.services import duplicates as service
from lo_network.services import links
from lo_network.services import organisations
from lo_network.services import people
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit
from lo_network.store import driver
from lo_network.store.queries import q
from tests.integration.test_activities import clean, make  # noqa: F401  (clean: a fixture)


@pytest.fixture(scope="module")
def users(sql_db):
    known = {user.email: user for user in accounts.list_users()}
    return {role: Actor.of(known.get(f"{role}@test.example") or accounts.create_user(
        f"{role}@test.example", "correct horse battery", role, name=role.title())) for role in ROLES}


@pytest.fixture
def admin(graph, users):
    return users["admin"]


def org(actor, name, **fields):
    """A record made on purpose as a likely duplicate (a shared KvK number confirmed)."""
    return organisations.create(actor, dict({"name": name, "kind": "company"}, **fields), "test",
                                confirm_duplicate_kvk=True)["id"]


def relationship_count() -> int:
    return driver.read(lambda tx: tx.run(q("duplicates/relationship_count")).single()["total"])


def pairs(candidates) -> dict[frozenset, dict]:
    return {frozenset((c["a_id"], c["b_id"])): c for c in candidates}


def test_organisation_candidates_score_and_reasons(admin):
    a = org(admin, "Transport Twente B.V.", kvk="12345678", website="https://www.transporttwente.nl")
    b = org(admin, "transport-twente BV", website="transporttwente.nl/contact")
    c = org(admin, "Trans Port Twénte Holding", kvk="12345678")
    d = org(admin, "Other Company", website="https://www.linkedin.com/company/x")
    e = org(admin, "Another Company", website="linkedin.com/company/y")
    found = pairs(service.candidates(admin, "organisation"))
    assert set(found) == {frozenset((a, b)), frozenset((a, c)), frozenset((b, c))}
    assert set(found[frozenset((a, b))]["reasons"]) == {"same_name", "same_domain"}
    assert set(found[frozenset((a, c))]["reasons"]) == {"same_kvk", "same_name"}
    assert found[frozenset((a, c))]["score"] == 97 and found[frozenset((a, b))]["score"] == 88
    assert found[frozenset((b, c))]["score"] == 70
    assert "zelfde KvK-nummer" in found[frozenset((a, c))]["reasons_nl"]
    assert service.candidates(admin, "organisation")[0]["score"] == 97  # best first
    # "not a duplicate" is remembered
    service.not_duplicate(admin, "organisation", c, b, "test")
    assert set(pairs(service.candidates(admin, "organisation"))) == {frozenset((a, b)), frozenset((a, c))}
    assert d and e


def test_person_candidates(admin):
    acme = org(admin, "Acme")
    p1 = people.create(admin, {"first_name": "Jan", "last_name": "de Vries", "email": "jan@acme.nl"}, "t",
                       employment={"organisation_id": acme})["id"]
    p2 = people.create(admin, {"first_name": "jan", "last_name": "De  Vries"}, "t",
                       employment={"organisation_id": acme})["id"]
    p3 = people.create(admin, {"first_name": "J.", "last_name": "Vries", "email": "JAN@acme.nl"}, "t")["id"]
    people.create(admin, {"first_name": "Jan", "last_name": "de Vries"}, "t")  # same name, elsewhere
    found = pairs(service.candidates(admin, "person"))
    assert set(found) == {frozenset((p1, p2)), frozenset((p1, p3))}
    assert found[frozenset((p1, p2))]["reasons"] == ["same_name_organisation"]
    assert found[frozenset((p1, p3))]["reasons"] == ["same_email"]


def test_merge_moves_everything_in_one_go_and_undo_restores(admin, users):
    keep = org(admin, "Havenbedrijf Zwolle B.V.", kvk="87654321", city="Zwolle", tags="haven")
    drop = org(admin, "Havenbedrijf Zwolle", kvk="87654321", website="havenzwolle.nl", tags="ijssel",
               notes="oude notitie")
    partner = org(admin, "Partner BV")
    member = org(admin, "Branchevereniging")
    anna = people.create(admin, {"last_name": "Anna"}, "t", employment={"organisation_id": drop, "role": "CEO"})["id"]
    people.create(admin, {"last_name": "Bert"}, "t", employment={"organisation_id": keep})
    links.add(admin, "organisation", drop, partner, {"type": "partner", "since": "2020-01-01"}, "t")
    links.add(admin, "organisation", drop, member, {"type": "member_of"}, "t")
    links.add(admin, "organisation", partner, drop, {"type": "customer", "until": "2023-01-01"}, "t")
    links.add(admin, "organisation", drop, keep, {"type": "part_of"}, "t")  # between the two
    other = org(admin, "Havenbedrijf Zwolle Holding")
    service.not_duplicate(admin, "organisation", drop, other, "t")
    before_total = relationship_count()
    before_partner = links.list_links(admin, "organisation", partner)

    plan = service.preview(admin, "organisation", keep, drop)
    assert sorted((r["rel"], r["other_name"]) for r in plan["moving"]) == [
        ("LINK", "Branchevereniging"), ("LINK", "Partner BV"), ("LINK", "Partner BV"), ("WORKS_AT", "Anna")]
    assert sorted(r["rel"] for r in plan["dropped"]) == ["LINK", "NOT_DUPLICATE"] and not plan["blocking"]

    with pytest.raises(PermissionDenied):
        service.merge(users["steering"], "organisation", keep, drop, {}, "t")
    audit_id = service.merge(admin, "organisation", keep, drop, {"website": "drop", "tags": "both", "notes": "drop"}, "t")

    merged = organisations.get(admin, keep)
    assert (merged["website"], merged["tags"], merged["notes"], merged["city"]) == (
        "https://havenzwolle.nl", ["haven", "ijssel"], "oude notitie", "Zwolle")
    assert sorted(p["person_name"] for p in merged["people"]) == ["Anna", "Bert"]
    assert [l["other_name"] for l in links.list_links(admin, "organisation", partner)] == ["Havenbedrijf Zwolle B.V."] * 2
    # nothing lost: only the link between the two and the "not a duplicate" mark went
    assert relationship_count() == before_total - 2
    assert len(links.list_links(admin, "organisation", keep)) == 3
    with pytest.raises(Exception):
        organisations.get(admin, drop)
    entry = audit.for_entity("organisation", keep)[0]
    assert (entry.id, entry.action) == (audit_id, "merge")
    went = audit.for_entity("organisation", drop)[0]
    assert went.action == "merged_into" and json.loads(went.after) == {"keep_id": keep, "merge_entry": audit_id}
    assert json.loads(entry.before)["drop"]["notes"] == "oude notitie"
    assert [m["undone"] for m in service.merges(admin) if m["audit_id"] == audit_id] == [False]

    assert service.undo(admin, audit_id, "t") == drop
    restored = organisations.get(admin, drop)
    assert (restored["name"], restored["website"], restored["notes"]) == (
        "Havenbedrijf Zwolle", "https://havenzwolle.nl", "oude notitie")
    assert [p["person_name"] for p in restored["people"]] == ["Anna"]
    assert people.get(admin, anna)["employments"][0]["organisation_id"] == drop
    kept = organisations.get(admin, keep)
    assert (kept["website"], kept["tags"], kept["notes"]) == ("", ["haven"], "")
    assert relationship_count() == before_total
    after_partner = links.list_links(admin, "organisation", partner)
    assert sorted((l["id"], l["other_id"], l["type"], l["since"], l["until"]) for l in after_partner) == sorted(
        (l["id"], l["other_id"], l["type"], l["since"], l["until"]) for l in before_partner)
    assert {l["type"] for l in links.list_links(admin, "organisation", drop)} == {"partner", "member_of", "customer", "part_of"}
    assert frozenset((drop, other)) not in pairs(service.candidates(admin, "organisation"))
    assert [m["undone"] for m in service.merges(admin) if m["audit_id"] == audit_id] == [True]
    with pytest.raises(ValidationError):
        service.undo(admin, audit_id, "t")


def test_merge_moves_what_the_organisation_takes_part_in_and_undo_gives_it_back(admin, clean):
    """Registrations made on its behalf (a public registrant's new organisation is a common
    duplicate), follow-up notes, grants, and the activities it organises or is partner in."""
    keep = org(admin, "Van Dijk Transport B.V.")
    drop = org(admin, "Van Dijk Transport")
    fair = make(admin, title="Logistiekdag Zwolle", organiser_ids=[drop])
    lab = make(admin, title="Living lab Kanaalzone", kind="living_lab")
    shared = make(admin, title="Living lab Havenkwartier", kind="living_lab")
    activities.set_partner(admin, lab["id"], drop, "partner", "t")
    activities.set_partner(admin, shared["id"], drop, "knowledge_partner", "t")
    activities.set_partner(admin, shared["id"], keep, "lead", "t")  # both: the kept one's stays
    registrations.register_public(fair["id"], {"name": "Jo de Wit", "email": "jo@vandijk.example",
                                               "organisation_name": "Van Dijk Transport", "consent": True})
    followup.add_note(admin, drop, {"note": "Bellen over de logistiekdag", "due": "2027-01-15"}, "t")
    grants.add(admin, drop, {"amount": "2500", "granted_on": "2026-03-01", "description": "Haalbaarheidsstudie"}, "t")
    before_total = relationship_count()

    plan = service.preview(admin, "organisation", keep, drop)
    assert not plan["blocking"]
    assert sorted((r["rel"], r["other_name"]) for r in plan["moving"]) == [
        ("ABOUT", "Bellen over de logistiekdag"), ("GRANTED_TO", "Haalbaarheidsstudie"),
        ("ON_BEHALF_OF", "Jo de Wit"), ("ORGANISES", "Logistiekdag Zwolle"), ("PARTNER_IN", "Living lab Kanaalzone")]
    assert [(r["rel"], r["other_name"]) for r in plan["dropped"]] == [("PARTNER_IN", "Living lab Havenkwartier")]

    audit_id = service.merge(admin, "organisation", keep, drop, {}, "t")
    assert relationship_count() == before_total - 1  # the partnership the kept one had too
    assert [r["organisation_id"] for r in registrations.list_for_activity(admin, fair["id"])] == [keep]
    assert [o["id"] for o in activities.get(admin, fair["id"])["organisers"]] == [keep]
    assert {p["id"]: p["role"] for p in activities.get(admin, shared["id"])["partners"]} == {keep: "lead"}
    assert [p["id"] for p in activities.get(admin, lab["id"])["partners"]] == [keep]
    assert [g["description"] for g in grants.for_organisation(admin, keep)] == ["Haalbaarheidsstudie"]

    assert service.undo(admin, audit_id, "t") == drop
    assert relationship_count() == before_total
    assert [r["organisation_id"] for r in registrations.list_for_activity(admin, fair["id"])] == [drop]
    assert [o["id"] for o in activities.get(admin, fair["id"])["organisers"]] == [drop]
    assert {p["id"]: p["role"] for p in activities.get(admin, shared["id"])["partners"]} == {
        keep: "lead", drop: "knowledge_partner"}
    assert [p["id"] for p in activities.get(admin, lab["id"])["partners"]] == [drop]
    assert [g["description"] for g in grants.for_organisation(admin, drop)] == ["Haalbaarheidsstudie"]
    assert grants.for_organisation(admin, keep) == []


def test_merge_people_moves_jobs_and_links(admin):
    acme = org(admin, "Acme")
    keep = people.create(admin, {"first_name": "Jan", "last_name": "Smit", "email": "jan@acme.nl"}, "t",
                         employment={"organisation_id": acme})["id"]
    drop = people.create(admin, {"first_name": "Jan", "last_name": "Smit", "phone": "+31 6 12345678"}, "t",
                         employment={"organisation_id": acme, "role": "Planner"})["id"]
    friend = people.create(admin, {"last_name": "Vriend"}, "t")["id"]
    links.add(admin, "person", friend, drop, {"type": "knows"}, "t")
    before = relationship_count()
    audit_id = service.merge(admin, "person", keep, drop, {}, "t")
    merged = people.get(admin, keep)
    assert merged["phone"] == "+31 6 12345678" and merged["email"] == "jan@acme.nl"  # empty takes the other's
    assert len(merged["employments"]) == 2
    assert [l["other_id"] for l in links.list_links(admin, "person", friend)] == [keep]
    assert relationship_count() == before
    service.undo(admin, audit_id, "t")
    assert [l["other_id"] for l in links.list_links(admin, "person", friend)] == [drop]
    assert len(people.get(admin, drop)["employments"]) == 1 and len(people.get(admin, keep)["employments"]) == 1
    assert relationship_count() == before


def test_people_not_a_duplicate_is_remembered_and_a_merge_undone_restores_what_it_dropped(admin):
    a = people.create(admin, {"first_name": "Piet", "last_name": "Jansen", "email": "piet@jansen.nl"}, "t")["id"]
    b = people.create(admin, {"first_name": "P.", "last_name": "Jansen", "email": "PIET@jansen.nl"}, "t")["id"]
    c = people.create(admin, {"first_name": "Pieter", "last_name": "Jansen", "email": "piet@jansen.nl"}, "t")["id"]
    assert set(pairs(service.candidates(admin, "person"))) == {frozenset((a, b)), frozenset((a, c)), frozenset((b, c))}
    service.not_duplicate(admin, "person", a, c, "t")
    assert set(pairs(service.candidates(admin, "person"))) == {frozenset((a, b)), frozenset((b, c))}
    links.add(admin, "person", a, b, {"type": "knows"}, "t")  # between the two: goes with the merge
    before = relationship_count()

    plan = service.preview(admin, "person", b, a)
    assert sorted(r["rel"] for r in plan["dropped"]) == ["LINK", "NOT_DUPLICATE"]
    audit_id = service.merge(admin, "person", b, a, {}, "t")
    assert relationship_count() == before - 2

    assert service.undo(admin, audit_id, "t") == a
    assert relationship_count() == before
    assert [(l["other_id"], l["type"]) for l in links.list_links(admin, "person", a)] == [(b, "knows")]
    assert set(pairs(service.candidates(admin, "person"))) == {frozenset((a, b)), frozenset((b, c))}


def test_backfill_sets_missing_keys(admin):
    from lo_network.store import duplicates as store

    a = org(admin, "Oud Bedrijf B.V.", website="www.oud.nl")
    driver.write(lambda tx: tx.run(q("duplicates/organisation_set_keys"),
                                   rows=[{"id": a, "dedupe_name": None, "website_domain": None}]).consume())
    assert driver.write(store.backfill_keys) >= 1
    assert driver.write(store.backfill_keys) == 0
    raw = driver.read(store.raw, "organisation", a)
    assert (raw["dedupe_name"], raw["website_domain"]) == ("oudbedrijf", "oud.nl")


def test_backfill_sets_missing_person_keys(admin):
    from lo_network.store import duplicates as store

    p = people.create(admin, {"first_name": "Jan", "last_name": "de Vries"}, "t")["id"]
    key = driver.read(store.raw, "person", p)["dedupe_name"]
    assert key
    driver.write(lambda tx: tx.run(q("duplicates/person_set_keys"), rows=[{"id": p, "dedupe_name": None}]).consume())
    assert "dedupe_name" not in driver.read(store.raw, "person", p)  # a null property is no property
    assert driver.write(store.backfill_keys) == 1
    assert driver.read(store.raw, "person", p)["dedupe_name"] == key


def test_candidates_are_grouped_into_clusters_of_records_that_match_one_another(admin):
    bakker = [org(admin, name, city=city) for name, city in (
        ("Bakker Binnenvaart", "Kampen"), ("Bakker Binnenvaart B.V.", "Zwolle"), ("bakker binnenvaart", ""),
        ("Bakker-Binnenvaart BV", "Deventer"))]
    visser = [org(admin, "Visser Logistiek", kvk="44445555"), org(admin, "Visser Transport", kvk="44445555")]
    org(admin, "Alleen Ik")
    found = service.clusters(admin, "organisation")
    assert [sorted(m["id"] for m in c["members"]) for c in found] == [sorted(visser), sorted(bakker)]
    assert [len(c["pairs"]) for c in found] == [1, 6] and [c["score"] for c in found] == [90, 70]
    assert {frozenset((p["a_id"], p["b_id"])) for p in found[1]["pairs"]} == {
        frozenset((a, b)) for a in bakker for b in bakker if a < b}
    # a pair marked "not a duplicate" no longer joins its records; the rest still do
    service.not_duplicate(admin, "organisation", visser[0], visser[1], "test")
    assert len(service.clusters(admin, "organisation")) == 1
