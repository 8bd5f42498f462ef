"""Grants to organisations in the graph: (:Grant)-[:GRANTED_TO]->(:Organisation), one
function per query in graph/queries/grants/."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from lo_network.store.queries import q
from lo_network.store.records import new_id, now_iso, plain


def create(tx: ManagedTransaction, organisation_id: str, props: dict[str, Any], actor: str) -> dict | None:
    """The new grant, or None when the organisation does not exist."""
    record = tx.run(q("grants/create"), organisation_id=organisation_id, id=new_id(), props=props, actor=actor,
                    now=now_iso()).single()
    return plain(record["grant"]) if record else None


def for_organisation(tx: ManagedTransaction, organisation_id: str) -> list[dict]:
    return [plain(r["grant"]) for r in tx.run(q("grants/list"), organisation_id=organisation_id)]


def delete(tx: ManagedTransaction, organisation_id: str, grant_id: str) -> dict | None:
    record = tx.run(q("grants/delete"), organisation_id=organisation_id, id=grant_id).single()
    return plain(record["grant"]) if record else None
