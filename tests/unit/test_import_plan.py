"""The import planner (domain/import_plan.py) with real rows: matching existing records by
KvK number, website, email and name; rows of one file that are one record; invalid rows
reported once with their field and column; batches in the order of the file.

The existing records are plain data (as the store reads them); a plan's reads of current
records are answered from plain dicts."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lo_network.domain import import_plan as p
from lo_network.domain import imports as d
from lo_network.domain import organisations as org_domain
from lo_network.domain import people as person_domain

NOW = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)


def table(rows: list[list[str]]) -> d.Table:
    return d.Table(rows[0], [(i + 2, r) for i, r in enumerate(rows[1:])])


def organisation(record_id: str, **fields) -> dict:
    """An organisation as the graph holds it: validated, with its id."""
    return dict(org_domain.validate(dict(fields, kind="company")), id=record_id)


def person(record_id: str, **fields) -> dict:
    return dict(person_domain.validate(fields), id=record_id)


def org_keys(record: dict) -> dict:
    return {"id": record["id"], "kvk": record.get("kvk", ""), "website": record.get("website", ""),
            "name": record["name"]}


def person_keys(record: dict, organisation_ids: list[str]) -> dict:
    return {"id": record["id"], "email_key": record["email_key"], "name_key": record["name_key"],
            "organisation_ids": organisation_ids}


def planner(kind: str, rows: list[list[str]], existing: p.Existing | None = None, batch: int = 500) -> p.Planner:
    t = table(rows)
    return p.Planner(p.read_records(t, d.recognise(t.columns, kind), kind), existing or p.Existing(), batch)


def plan_all(plan: p.Planner, current: dict[str, dict] | None = None) -> tuple[list[p.BatchPlan], list[p.Read]]:
    """Every batch in order, the reads answered from ``current`` (records by id or key)."""
    current = current or {}
    reads: list[p.Read] = []

    def answer(read: p.Read) -> dict:
        reads.append(read)
        return {k: current[k] for k in read.keys if k in current}

    return [p.drive(plan.plan(i, NOW), answer) for i in range(plan.batches)], reads


def report_of(plan: p.Planner, plans: list[p.BatchPlan]) -> dict:
    report = plan.records.report()
    for batch in plans:
        report.add(batch)
    report.errors.sort(key=lambda e: e.line)
    return report.as_dict() | {"errors": [(e.line, e.field, e.column) for e in report.errors]}


ALFA = organisation("o-alfa", name="Alfa Transport B.V.", kvk="12345678", website="www.alfa.nl", city="Almelo")
BETA = organisation("o-beta", name="Beta Logistiek", city="Hengelo")
GAMMA = organisation("o-gamma", name="Gamma Opslag", kvk="87654321", website="gamma-opslag.nl")
NETWORK = p.Existing(organisations=[org_keys(ALFA), org_keys(BETA), org_keys(GAMMA)])
CURRENT = {r["id"]: r for r in (ALFA, BETA, GAMMA)}


def test_organisations_match_by_kvk_website_and_name_and_the_rest_are_created():
    plan = planner("organisations", [
        ["Bedrijfsnaam", "KvK-nummer", "Website", "Plaats"],
        ["Handelsnaam Alfa", "12345678", "", "Zwolle"],                # by KvK: a new city
        ["beta logistiek bv", "", "", "Hengelo"],                      # by name: nothing new
        ["Gamma", "", "GAMMA-opslag.nl", ""],                          # by website
        ["Alfa Transport BV", "99999999", "", "Enschede"],             # the name, another KvK: new
        ["Delta Distributie", "", "", "Oldenzaal"],                    # new
    ], NETWORK)
    [batch], reads = plan_all(plan, CURRENT)
    assert reads == [p.Read("organisations", ["o-alfa", "o-beta", "o-gamma"], ["o-alfa", "o-beta", "o-gamma"])]
    report = report_of(plan, [batch])
    assert (report["create"], report["update"], report["unchanged"]) == (2, 1, 2)
    assert report["matched"] == {"kvk": 1, "name": 1, "website": 1}
    assert report["kvk_matches"] == [{"lines": [2], "id": "o-alfa", "name": "Alfa Transport B.V."}]
    written = {r["id"]: r["props"] for r in batch.organisations}
    assert written["o-alfa"]["name"] == "Alfa Transport B.V." and written["o-alfa"]["city"] == "Zwolle"
    new = [r for r in written if r not in CURRENT]
    assert new == [d.stable_id("organisation", "kvk", "99999999"),
                   d.stable_id("organisation", "name", "delta distributie")]
    assert [(a[0], a[1], a[2]) for a in batch.audit] == [
        ("update", "organisation", "o-alfa"), ("create", "organisation", new[0]), ("create", "organisation", new[1])]
    assert batch.audit[0][3]["city"] == "Almelo" and batch.audit[0][4]["city"] == "Zwolle"


def test_rows_of_one_file_that_reach_one_organisation_by_different_keys_are_one_record():
    plan = planner("organisations", [
        ["Bedrijfsnaam", "KvK-nummer", "Website", "Plaats"],
        ["Epsilon Koeltransport B.V.", "11112222", "", ""],
        ["Epsilon Koeltransport", "", "epsilon.nl", "Kampen"],   # the same, by its name: merged
        ["Zeta", "", "www.epsilon.nl", ""],                      # the same, by its website: merged
    ])
    [batch], reads = plan_all(plan)
    assert reads == []   # nothing in the network to read
    assert [g.lines for g in plan.groups] == [[2, 3, 4]]
    report = report_of(plan, [batch])
    assert (report["records"], report["merged_rows"], report["create"], report["rows"]) == (1, 2, 1, 3)
    [record] = batch.organisations
    assert (record["props"]["name"], record["props"]["kvk"], record["props"]["city"],
            record["props"]["website"]) == ("Epsilon Koeltransport B.V.", "11112222", "Kampen", "https://epsilon.nl")


PEOPLE = [["Voornaam", "Achternaam", "E-mailadres", "Functie", "Organisatie", "KvK organisatie"]]


def test_people_match_by_email_and_by_name_at_their_organisation():
    anna = person("p-anna", first_name="Anna", last_name="de Vries", email="anna@alfa.nl", job_title="Planner")
    bram = person("p-bram", first_name="Bram", last_name="Jansen", job_title="Chauffeur")
    existing = p.Existing(organisations=[org_keys(ALFA), org_keys(BETA)],
                          people=[person_keys(anna, ["o-alfa"]), person_keys(bram, ["o-beta"])])
    plan = planner("people", PEOPLE + [
        ["Anna", "de Vries", "ANNA@alfa.nl", "Teamleider", "", "12345678"],  # by email; employer by KvK
        ["Bram", "Jansen", "", "Chauffeur", "Beta Logistiek", ""],           # by name at Beta: unchanged
        ["Bram", "Jansen", "bram@alfa.nl", "", "Alfa Transport", ""],        # same name at Alfa: another person
    ], existing)
    [batch], reads = plan_all(plan, {"p-anna": anna, "p-bram": bram})
    assert reads == [p.Read("people", ["p-anna", "p-bram"], ["p-anna", "p-bram"])]
    report = report_of(plan, [batch])
    assert report["matched"] == {"email": 1, "name": 1}
    assert (report["create"], report["update"], report["unchanged"], report["links_create"]) == (1, 1, 1, 1)
    assert [(r["id"], r["props"]["job_title"]) for r in batch.people] == [
        ("p-anna", "Teamleider"), (d.stable_id("person", "email", "bram@alfa.nl"), "")]
    new_bram = batch.people[1]["id"]
    assert [(e["person_id"], e["organisation_id"]) for e in batch.employments] == [(new_bram, "o-alfa")]


def test_rows_of_one_person_reaching_one_record_by_email_and_by_name_are_merged_once():
    plan = planner("people", PEOPLE + [
        ["Carla", "Smit", "carla@beta.nl", "Planner", "Beta Logistiek", ""],
        ["Carla", "Smit", "", "Teamleider", "Beta Logistiek B.V.", ""],    # by name at the same organisation
        ["carla", "SMIT", "Carla@Beta.nl", "", "", ""],                     # by email, no organisation
    ], p.Existing(organisations=[org_keys(BETA)]))
    [batch], _ = plan_all(plan, CURRENT)
    assert [g.lines for g in plan.groups] == [[2, 3, 4]]
    report = report_of(plan, [batch])
    assert (report["records"], report["merged_rows"], report["create"], report["links_create"]) == (1, 2, 1, 1)
    [carla] = batch.people
    assert carla["props"]["job_title"] == "Planner"   # the first non-empty value wins
    assert batch.employments[0]["organisation_id"] == "o-beta"


def test_invalid_rows_are_reported_once_each_with_their_field_and_column():
    plan = planner("people", PEOPLE + [
        ["Dirk", "", "dirk@", "", "", ""],               # no last name, a broken email
        ["Eva", "Visser", "eva@x.nl", "", "", "1234"],   # an employer KvK number of 4 digits
        ["Freek", "Bos", "", "", "", "22223333"],        # an unknown KvK number, no name to create it
        ["Gert", "Mulder", "gert@x.nl", "", "", ""],     # good
    ], p.Existing(), batch=2)
    plans, _ = plan_all(plan)
    report = report_of(plan, plans)
    assert report["errors"] == [
        (2, "last_name", "Achternaam"), (2, "email", "E-mailadres"),
        (3, "organisation_kvk", "KvK organisatie"),
        (4, "organisation_kvk", "KvK organisatie")]
    assert (report["rows"], report["failed_rows"], report["valid_rows"], report["create"]) == (4, 3, 1, 1)
    assert plan.records.errors[0].text() == "last_name (Achternaam): achternaam is verplicht / last name is required"


def test_batches_come_in_the_order_of_the_file_and_build_on_the_ones_before():
    plan = planner("people", PEOPLE + [
        [f"Persoon{n}", "Bakker", f"p{n}@nieuw.nl", "", "Nieuw Vervoer B.V.", ""] for n in range(5)
    ], p.Existing(), batch=2)
    assert plan.batches == 3
    plans, reads = plan_all(plan)
    assert reads == []
    assert [[r["props"]["email"] for r in b.people] for b in plans] == [
        ["p0@nieuw.nl", "p1@nieuw.nl"], ["p2@nieuw.nl", "p3@nieuw.nl"], ["p4@nieuw.nl"]]
    # the organisation is made once, by the first batch; the later ones link to it
    new_org = d.stable_id("organisation", "name", "nieuw vervoer")
    assert [[o["id"] for o in b.organisations] for b in plans] == [[new_org], [], []]
    assert {e["organisation_id"] for b in plans for e in b.employments} == {new_org}
    assert report_of(plan, plans)["organisations_create"] == 1


def test_a_row_is_validated_once(monkeypatch):
    """A new record of one row is written as the row was validated when the file was read."""
    calls = []
    validate = org_domain.validate

    def counted(raw, **kw):
        calls.append(raw.get("name"))
        return validate(raw, **kw)

    monkeypatch.setattr(org_domain, "validate", counted)
    plan = planner("organisations", [["Bedrijfsnaam", "Plaats"], ["Eta BV", "Raalte"], ["Theta BV", "Deventer"]])
    [batch], _ = plan_all(plan)
    assert calls == ["Eta BV", "Theta BV"]
    assert [r["props"]["city"] for r in batch.organisations] == ["Raalte", "Deventer"]
    assert batch.organisations[0]["props"] == d.merged_record(None, plan.groups[0].changes, "organisations")


def test_attendances_need_an_activity_that_is_over_and_read_the_registrations_of_the_people():
    past = {"id": "a-past", "title": "Netwerkontbijt", "starts_at": "2026-02-03T08:00:00+01:00",
            "ends_at": "2026-02-03T10:00:00+01:00"}
    coming = {"id": "a-coming", "title": "Zomerborrel", "starts_at": "2026-06-01T16:00:00+02:00",
              "ends_at": "2026-06-01T19:00:00+02:00"}
    plan = planner("attendances", [
        ["Naam", "E-mail", "Activiteit", "Datum", "Aanwezig"],
        ["Jan de Vries", "jan@x.nl", "Netwerkontbijt", "03-02-2026", "ja"],
        ["Jan de Vries", "JAN@x.nl", "Netwerkontbijt", "03-02-2026", ""],   # the same attendance: merged
        ["Ann Smith", "ann@x.nl", "Zomerborrel", "01-06-2026", "ja"],       # not over yet
    ], p.Existing(activities=[past, coming]))
    [batch], reads = plan_all(plan)
    jan = d.stable_id("person", "email", "jan@x.nl")
    assert [r.what for r in reads] == ["registrations"] and reads[0].settles is None
    report = report_of(plan, [batch])
    assert report["errors"] == [(4, "activity", "Activiteit")]
    assert (report["people_create"], report["create"], report["merged_rows"]) == (1, 1, 1)
    [registration] = batch.attendances
    assert (registration["activity_id"], registration["person_id"], registration["attendance"],
            registration["status"]) == ("a-past", jan, "present", "registered")


@pytest.mark.parametrize("kind", ["organisations", "people"])
def test_a_file_without_valid_rows_plans_nothing(kind):
    columns = ["Bedrijfsnaam", "Website"] if kind == "organisations" else ["Achternaam", "E-mailadres"]
    plan = planner(kind, [columns, ["", "niet-een-website"]])
    assert plan.batches == 0 and plan_all(plan) == ([], [])
    assert report_of(plan, [])["failed_rows"] == 1
