"""Introduction paths in the graph: one function per query in graph/queries/paths/."""

from __future__ import annotations

from neo4j import ManagedTransaction

from lo_network.store.queries import q
from lo_network.store.records import plain


def between(tx: ManagedTransaction, start_id: str, target_id: str, limit: int = 200) -> list[dict]:
    result = tx.run(q("paths/between"), start_id=start_id, target_id=target_id, limit=limit)
    return [plain(r.data()) for r in result]


def home_organisation(tx: ManagedTransaction, email: str, today: str) -> dict | None:
    record = tx.run(q("paths/home_organisation"), email=email.lower(), today=today).single()
    return record.data() if record else None
