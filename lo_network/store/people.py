"""People and their WORKS_AT links in the graph: one function per query in graph/queries/people/."""

from __future__ import annotations

from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from lo_network.domain.paging import NO_CURSOR
from lo_network.domain.text import fulltext_query
from lo_network.store.followup import refresh_last_activity
from lo_network.store.queries import q
from lo_network.store.records import new_id, now_iso, plain


def create(tx: ManagedTransaction, props: dict[str, Any]) -> dict:
    record = tx.run(q("people/create"), id=new_id(), props=props, now=now_iso()).single()
    return plain(record["person"])


def get(tx: ManagedTransaction, person_id: str) -> dict | None:
    record = tx.run(q("people/get"), id=person_id).single()
    if record is None:
        return None
    person = plain(record["person"])
    employments = plain(record["employments"])
    current = sorted((w for w in employments if not w["until"]), key=lambda w: w["since"] or "", reverse=True)
    past = sorted((w for w in employments if w["until"]), key=lambda w: w["until"], reverse=True)
    person["employments"] = current + past  # current jobs first, then history, newest first
    return person


def update(tx: ManagedTransaction, person_id: str, props: dict[str, Any]) -> dict | None:
    record = tx.run(q("people/update"), id=person_id, props=props, now=now_iso()).single()
    return plain(record["person"]) if record else None


def delete(tx: ManagedTransaction, person_id: str) -> str | None:
    employers = [w["organisation_id"] for w in (get(tx, person_id) or {}).get("employments", [])]
    record = tx.run(q("people/delete"), id=person_id).single()
    refresh_last_activity(tx, organisations=employers)  # what they attended no longer counts there
    return record["name"] if record else None


def _filters(filters: dict[str, Any]) -> dict[str, Any]:
    """The list's filters as the queries' parameters, with ``search``: the text and tag as one
    full-text query ('' when neither is set: then the label is read, not the index)."""
    params = {
        "tag": filters.get("tag") or None,
        "organisation_id": filters.get("organisation_id") or None,
        "directory": True if filters.get("directory") else None,  # see domain.consent.has_basis
    }
    return dict(params, search=fulltext_query(filters.get("text") or "", legal_forms=False, tags=params["tag"]))


def search(tx: ManagedTransaction, filters: dict[str, Any], sort: str, offset: int, limit: int,
           after: dict[str, str | None] = NO_CURSOR, total: int | None = None) -> list[dict]:
    """One page of people matching ``filters``; with ``after`` (keyset parameters of the
    previous page's last row) the page that follows that row. With text or a tag the
    full-text index finds them (search_text.cypher), else the label is read (search.cypher).
    ``total``, the count read before (services.read_page), does not change how."""
    params = _filters(filters)
    name = "people/search_text" if params["search"] else "people/search"
    result = tx.run(q(name), **params, **after, sort=sort, offset=offset, limit=limit,
                    today=date.today().isoformat())
    return [plain(r["person"]) for r in result]


def count(tx: ManagedTransaction, filters: dict[str, Any]) -> int:
    """How many match ``filters``; with no filter set, the label count (no scan)."""
    params = _filters(filters)
    if not any(params.values()):
        return tx.run(q("people/count_all")).single()["total"]
    name = "people/count_text" if params["search"] else "people/count"
    return tx.run(q(name), **params, today=date.today().isoformat()).single()["total"]


def add_employment(tx: ManagedTransaction, person_id: str, employment: dict[str, Any]) -> str | None:
    record = tx.run(
        q("people/add_employment"), id=new_id(), person_id=person_id, now=now_iso(),
        organisation_id=employment["organisation_id"], role=employment["role"],
        since=employment["since"], until=employment["until"],
    ).single()
    refresh_last_activity(tx, people=[person_id])
    return record["id"] if record else None


def update_employment(tx: ManagedTransaction, person_id: str, employment_id: str, employment: dict[str, Any]) -> str | None:
    record = tx.run(
        q("people/update_employment"), id=employment_id, person_id=person_id, now=now_iso(),
        role=employment["role"], since=employment["since"], until=employment["until"],
    ).single()
    refresh_last_activity(tx, people=[person_id])
    return record["id"] if record else None


def delete_employment(tx: ManagedTransaction, person_id: str, employment_id: str) -> str | None:
    record = tx.run(q("people/delete_employment"), id=employment_id, person_id=person_id, now=now_iso()).single()
    if record:  # what the person attended no longer counts there
        refresh_last_activity(tx, organisations=[record["organisation_id"]])
    return record["id"] if record else None


def create_many(tx: ManagedTransaction, props_list: list[dict[str, Any]]) -> list[str]:
    """Create validated people in one statement (seed, import); their new ids, in order."""
    rows = [{"id": new_id(), "props": props} for props in props_list]
    tx.run(q("people/create_many"), rows=rows, now=now_iso()).consume()
    return [row["id"] for row in rows]


def add_employment_many(tx: ManagedTransaction, employments: list[dict[str, Any]]) -> int:
    """WORKS_AT links for validated employments that each also name their ``person_id``;
    returns how many were made (none for a missing person or organisation)."""
    rows = [
        {"id": new_id(), "person_id": e["person_id"], "organisation_id": e["organisation_id"],
         "role": e["role"], "since": e["since"], "until": e["until"]}
        for e in employments
    ]
    created = tx.run(q("people/add_employment_many"), rows=rows).single()["created"]
    refresh_last_activity(tx, people=sorted({row["person_id"] for row in rows}))
    return created
