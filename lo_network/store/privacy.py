"""Erasure in the graph: one function per query in graph/queries/privacy/."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from lo_network.store.queries import q
from lo_network.store.records import now_iso


def erase_person(tx: ManagedTransaction, person_id: str, props: dict[str, Any]) -> dict | None:
    """Anonymise one person in one transaction; None when there is no such person."""
    if tx.run(q("privacy/erase_person"), id=person_id, props=props, now=now_iso()).single() is None:
        return None
    relations = tx.run(q("privacy/erase_relations"), id=person_id).single()["relations"]
    consents = tx.run(q("privacy/erase_consents"), id=person_id).single()["consents"]
    return {"relations": relations, "consents": consents}


def retention(tx: ManagedTransaction, cutoff: str, cutoff_date: str, today: str, limit: int) -> list[dict]:
    from lo_network.store.records import plain

    return [plain(r.data()) for r in tx.run(q("privacy/retention"), cutoff=cutoff, cutoff_date=cutoff_date,
                                             today=today, limit=limit)]
