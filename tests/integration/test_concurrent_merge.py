"""Concurrent writers of the same keyed record on Neo4j: a MERGE on a property under a unique
constraint takes the constraint's lock, so writers that start together make one node and
none of them fails (no ConstraintError to retry: ``driver.write`` retries none)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lo_network.services import people, registrations
from lo_network.store import consent, driver
from lo_network.store import imports as import_store
from tests.integration.test_activities import clean, make  # noqa: F401  (clean: a fixture)

WRITERS = 16


def _at_once(work, arguments):
    """Run ``work(argument)`` for each argument in its own thread, all released together;
    the results, or the first error raised (the test fails on it)."""
    start = threading.Barrier(len(arguments))

    def one(argument):
        start.wait()
        return work(argument)

    with ThreadPoolExecutor(len(arguments)) as pool:
        return list(pool.map(one, arguments))


def _counts(**params) -> dict[str, int]:
    query = (Path(__file__).parent / "concurrent_counts.cypher").read_text(encoding="utf-8")
    params = {"organisation_id": None, "person_id": None, "purpose": None, "activity_id": None} | params
    return driver.read(lambda tx: tx.run(query, **params).single().data())


def test_sixteen_imports_of_one_batch_at_once_make_one_organisation_person_and_employment(graph):
    """The import's batch (MERGE on ids derived from the KvK number and the email address),
    written by 16 writers at once: one organisation, one person, one WORKS_AT."""
    from lo_network.domain.imports import stable_id

    org_id = stable_id("organisation", "kvk", "12345678")
    person_id = stable_id("person", "email", "jo@samen.example")
    org = {"id": org_id, "props": {"name": "Samen B.V.", "status": "prospect", "status_since": "2026-01-01"}}
    person = {"id": person_id, "props": {"first_name": "Jo", "last_name": "Samen", "email": "jo@samen.example",
                                         "email_key": "jo@samen.example"}}
    job = {"id": stable_id("works_at", person_id, org_id), "person_id": person_id, "organisation_id": org_id,
           "role": "planner", "since": None}
    _at_once(lambda _: driver.write(import_store.write_batch, [org], [person], [job]), range(WRITERS))
    counts = _counts(organisation_id=org_id, person_id=person_id)
    assert (counts["organisations"], counts["people"], counts["employments"]) == (1, 1, 1)


def test_sixteen_consents_for_a_new_purpose_make_one_purpose(graph, users):
    who = [people.create(users["admin"], {"first_name": f"P{i}", "last_name": "Samen", "email": f"p{i}@samen.example"},
                         "t")["id"] for i in range(WRITERS)]
    record = {"purpose": "samen_nieuw", "basis": "consent", "date": "2026-01-01", "source": "test", "withdrawn": False}
    made = _at_once(lambda person_id: driver.write(consent.add, person_id, record), who)
    assert all(made)
    counts = _counts(purpose="samen_nieuw")
    assert (counts["purposes"], counts["consents"]) == (1, WRITERS)


def test_sixteen_registrations_of_one_address_at_once_make_one(clean, users):
    fair = make(users["organiser"], title="Drukke dag", capacity="40")
    raw = {"name": "Jo de Wit", "email": "jo@dewit.example", "consent": True}
    outcomes = _at_once(lambda _: registrations.register_public(fair["id"], dict(raw), via="test"), range(WRITERS))
    assert sorted(o.outcome for o in outcomes) == ["duplicate"] * (WRITERS - 1) + ["registered"]
    assert _counts(activity_id=fair["id"])["registrations"] == 1
