"""Organisations in the graph: one function per query in graph/queries/organisations/."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from lo_network.domain.paging import NO_CURSOR
from lo_network.domain.text import LOOKUP_CANDIDATES, fulltext_query, ranked_text
from lo_network.store.queries import q
from lo_network.store.records import new_id, now_iso, plain

# A filtered list by name reads the name index in order when the page should fill within this
# many index entries (measured at 100,000: a page of Twente, 31 % of all, reads ~80 entries in
# 4 ms, where the full-text index sorts all 31,302 matches in 140 ms; a kind with 136 matches is
# quicker through the full-text index).
WALK_BUDGET = 5000


def create(tx: ManagedTransaction, props: dict[str, Any]) -> dict:
    record = tx.run(q("organisations/create"), id=new_id(), props=props, now=now_iso()).single()
    return plain(record["organisation"])


def get(tx: ManagedTransaction, organisation_id: str) -> dict | None:
    record = tx.run(q("organisations/get"), id=organisation_id).single()
    if record is None:
        return None
    organisation = plain(record["organisation"])
    organisation["people"] = sorted(
        plain(record["people"]), key=lambda w: (w["until"] is not None, w["person_name"] or "")
    )
    return organisation


def update(tx: ManagedTransaction, organisation_id: str, props: dict[str, Any]) -> dict | None:
    record = tx.run(q("organisations/update"), id=organisation_id, props=props, now=now_iso()).single()
    return plain(record["organisation"]) if record else None


def delete(tx: ManagedTransaction, organisation_id: str) -> str | None:
    record = tx.run(q("organisations/delete"), id=organisation_id).single()
    return record["name"] if record else None


def _filters(filters: dict[str, Any]) -> dict[str, Any]:
    """The list's filters as the queries' parameters, with ``search``: the text and filters as
    one full-text query ('' when neither is set: then the label is read, not the index)."""
    params = {
        "kind": filters.get("kind") or None,
        "region": filters.get("region") or None,
        "status": filters.get("status") or None,
        "theme": filters.get("theme") or None,
        "tag": filters.get("tag") or None,
    }
    query = fulltext_query(filters.get("text") or "", kind=params["kind"], region=params["region"],
                           status=params["status"], themes=params["theme"], tags=params["tag"])
    return dict(params, search=query)


def _walk_pays(tx: ManagedTransaction, total: int | None, offset: int, limit: int) -> bool:
    """Whether reading the name index in order fills the page within WALK_BUDGET entries: with
    ``total`` of all organisations matching, about (offset + limit) * all / total are read."""
    if not total:
        return False
    every = tx.run(q("organisations/count_all")).single()["total"]
    return (offset + limit) * every <= WALK_BUDGET * total


def search(tx: ManagedTransaction, filters: dict[str, Any], sort: str, offset: int, limit: int,
           after: dict[str, str | None] = NO_CURSOR, total: int | None = None) -> list[dict]:
    """One page of organisations matching ``filters`` (text already folded); with ``after``
    (keyset parameters of the previous page's last row) the page that follows that row.
    By name, the name index is read in order (search_by_name.cypher): without text or
    filter, and with filters only when ``total`` (their count, read just before) says the
    matches are dense enough. Otherwise, with text or a filter the full-text index finds
    them (search.cypher), and with neither the label is sorted (search_all.cypher)."""
    params = _filters(filters)
    if sort == "name" and (not params["search"] or (not filters.get("text") and _walk_pays(tx, total, offset, limit))):
        result = tx.run(q("organisations/search_by_name"), **dict(params, **after), offset=offset, limit=limit)
    elif params["search"]:
        result = tx.run(q("organisations/search"), **params, **after, sort=sort, offset=offset, limit=limit)
    else:
        result = tx.run(q("organisations/search_all"), **after, sort=sort, offset=offset, limit=limit)
    return [plain(r["organisation"]) for r in result]


def count(tx: ManagedTransaction, filters: dict[str, Any]) -> int:
    """How many match ``filters``; with no filter set, the label count (no scan)."""
    params = _filters(filters)
    if not params["search"]:
        return tx.run(q("organisations/count_all")).single()["total"]
    return tx.run(q("organisations/count"), **params).single()["total"]


def lookup(tx: ManagedTransaction, text: str, limit: int = 20) -> list[dict]:
    """Organisations for a picker as you type ``text`` (folded), best match first; before
    anything is typed, the first by name."""
    query = fulltext_query(text)
    if not query:
        return [r.data() for r in tx.run(q("organisations/lookup_first"), limit=limit)]
    return [r.data() for r in tx.run(q("organisations/lookup"), search=query, plain=ranked_text(text),
                                     candidates=max(LOOKUP_CANDIDATES, limit), limit=limit)]


def create_many(tx: ManagedTransaction, props_list: list[dict[str, Any]]) -> list[str]:
    """Create validated organisations in one statement (seed, import); their new ids, in order."""
    rows = [{"id": new_id(), "props": props} for props in props_list]
    tx.run(q("organisations/create_many"), rows=rows, now=now_iso()).consume()
    return [row["id"] for row in rows]


def with_kvk(tx: ManagedTransaction, kvk: str, exclude_id: str = "", limit: int = 5) -> list[dict]:
    return [r.data() for r in tx.run(q("organisations/with_kvk"), kvk=kvk, exclude_id=exclude_id, limit=limit)]


def involvement(tx: ManagedTransaction, organisation_id: str, limit: int = 300) -> list[dict]:
    """What the organisation organises, is a partner in and its people take part in (rows
    per activity and kind of involvement; people unfiltered: the service applies privacy)."""
    return [plain(r.data()) for r in tx.run(q("organisations/involvement"), id=organisation_id, limit=limit)]


def person_ids(tx: ManagedTransaction, organisation_id: str) -> list[str]:
    return tx.run(q("organisations/person_ids"), id=organisation_id).single()["ids"]
