"""Consent records in the graph: one function per query in graph/queries/consent/."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from lo_network.store.queries import q
from lo_network.store.records import new_id, now_iso, plain


def add(tx: ManagedTransaction, person_id: str, record: dict[str, Any]) -> str | None:
    row = tx.run(q("consent/add"), person_id=person_id, id=new_id(), purpose_id=new_id(),
                now=now_iso(), **record).single()
    return row["id"] if row else None


def list_for(tx: ManagedTransaction, person_id: str) -> list[dict]:
    return [plain(r["consent"]) for r in tx.run(q("consent/list"), person_id=person_id)]


def update(tx: ManagedTransaction, person_id: str, consent_id: str, record: dict[str, Any]) -> dict | None:
    fields = {k: record[k] for k in ("basis", "date", "source", "withdrawn")}
    row = tx.run(q("consent/update"), person_id=person_id, id=consent_id, now=now_iso(), **fields).single()
    return plain(row["consent"]) if row else None


def bases(tx: ManagedTransaction, person_ids: list[str], purpose: str) -> list[dict]:
    return [r.data() for r in tx.run(q("consent/bases"), ids=list(person_ids), purpose=purpose)]
