"""Import and list export in the graph: one function per query in graph/queries/imports/."""

from __future__ import annotations

from typing import Any, Iterator

from neo4j import ManagedTransaction

from lo_network.domain.paging import NO_CURSOR, page_cursor, read_cursor
from lo_network.store import organisations as organisation_store
from lo_network.store import people as person_store
from lo_network.store.followup import refresh_last_activity
from lo_network.store.queries import q
from lo_network.store.records import now_iso, plain


def organisation_keys(tx: ManagedTransaction) -> list[dict]:
    return [r.data() for r in tx.run(q("imports/organisation_keys"))]


def person_keys(tx: ManagedTransaction) -> list[dict]:
    return [r.data() for r in tx.run(q("imports/person_keys"))]


def organisations_by_ids(tx: ManagedTransaction, ids: list[str]) -> dict[str, dict]:
    return {r["organisation"]["id"]: plain(r["organisation"]) for r in tx.run(q("imports/organisations_by_ids"), ids=ids)}


def people_by_ids(tx: ManagedTransaction, ids: list[str]) -> dict[str, dict]:
    return {r["person"]["id"]: plain(r["person"]) for r in tx.run(q("imports/people_by_ids"), ids=ids)}


def activity_keys(tx: ManagedTransaction) -> list[dict]:
    return [plain(r["activity"]) for r in tx.run(q("imports/activity_keys"))]


def registrations_by_keys(tx: ManagedTransaction, keys: list[str]) -> dict[str, dict]:
    return {r["key"]: plain(r["registration"]) for r in tx.run(q("imports/registrations_by_keys"), keys=keys)}


def write_batch(tx: ManagedTransaction, organisations: list[dict[str, Any]], people: list[dict[str, Any]],
                employments: list[dict[str, Any]], attendances: list[dict[str, Any]] | None = None) -> None:
    """One batch in one transaction: organisations, then people, then their WORKS_AT links.
    Each list holds rows {id, props} (employments: {id, person_id, organisation_id, role, since})."""
    now = now_iso()
    if organisations:
        tx.run(q("imports/upsert_organisations"), rows=organisations, now=now).consume()
    if people:
        tx.run(q("imports/upsert_people"), rows=people, now=now).consume()
    if employments:
        tx.run(q("imports/merge_employments"), rows=employments).consume()
    if attendances:  # rows {id, activity_id, person_id, organisation_id, status, attendance, create}
        tx.run(q("imports/upsert_attendances"), rows=attendances, now=now).consume()
        linked = [r for r in attendances if r.get("organisation_id")]
        if linked:
            tx.run(q("imports/link_attendance_organisations"), rows=linked).consume()
    if employments or attendances:
        refresh_last_activity(tx, people=sorted({e["person_id"] for e in employments}),
                              registrations=[a["id"] for a in attendances or ()])


def export_organisations(tx: ManagedTransaction, filters: dict[str, Any], sort: str, offset: int, limit: int,
                         after: dict[str, str | None] = NO_CURSOR) -> list[dict]:
    """One page of the organisation list as the screen reads it (store.organisations.search:
    the same index, filters and order), each with every field."""
    page = organisation_store.search(tx, filters, sort, offset, limit, after)
    full = organisations_by_ids(tx, [r["id"] for r in page])
    return [full[r["id"]] for r in page if r["id"] in full]


def export_people(tx: ManagedTransaction, filters: dict[str, Any], sort: str, offset: int, limit: int,
                  after: dict[str, str | None] = NO_CURSOR) -> list[dict]:
    """One page of the people list as the screen reads it (store.people.search), each with
    every field and the current employers' names."""
    page = person_store.search(tx, filters, sort, offset, limit, after)
    full = people_by_ids(tx, [r["id"] for r in page])
    return [dict(full[r["id"]], organisations=r["organisations"]) for r in page if r["id"] in full]


def iter_pages(read, fn, filters: dict[str, Any], sort: str, keyset_sorts: tuple[str, ...],
               page: int = 2000) -> Iterator[dict]:
    """Every row of an export query, a page (one read transaction) at a time: each page read
    after the last row of the one before (keyset), or by offset for a sort without keyset."""
    offset, after = 0, NO_CURSOR
    while True:
        rows = read(fn, filters, sort, offset, page, after)
        yield from rows
        if len(rows) < page:
            return
        cursor = page_cursor(sort, keyset_sorts, rows[-1])
        if cursor:
            after = read_cursor(cursor, sort)
        else:
            offset += page
