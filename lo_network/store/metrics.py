"""Network measures in the graph: read nodes and ties, cache per-node measures, list brokers."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from lo_network.store.queries import q
from lo_network.store.records import now_iso, plain, rows

BATCH = 2000


def nodes(tx: ManagedTransaction) -> list[dict]:
    return rows(tx.run(q("metrics/nodes")))


def ties(tx: ManagedTransaction, today: str) -> list[dict]:
    return rows(tx.run(q("metrics/edges"), today=today))


def store_measures(tx: ManagedTransaction, kind: str, rows: list[dict[str, Any]]) -> int:
    now, done = now_iso(), 0
    for i in range(0, len(rows), BATCH):
        done += tx.run(q(f"metrics/store_{kind}_measures"), rows=rows[i:i + BATCH], now=now).single()["updated"]
    return done


def brokers(tx: ManagedTransaction, limit: int) -> list[dict]:
    return [plain(r.data()) for r in tx.run(q("metrics/brokers"), limit=limit)]


# ---------------------------------------------------------------- the ecosystem map
def map_organisations(tx: ManagedTransaction, filters: dict[str, Any], limit: int, search: str = "") -> list[dict]:
    """The map's organisations; those whose search key holds ``search`` (folded) come first."""
    params = {k: filters.get(k) or None for k in ("region", "kind", "status", "theme")}
    return [r.data() for r in tx.run(q("metrics/map_organisations"), **params, limit=limit, search=search)]


def map_ties(tx: ManagedTransaction, organisation_ids: list[str], start: str, end: str,
             person_ids: list[str] = ()) -> list[dict]:
    ties = [r.data() for r in tx.run(q("metrics/map_ties"), ids=organisation_ids, window_start=start,
                                     window_end=end)]
    people = sorted({t["a"] for t in ties if t["rel"] == "WORKS_AT"} | set(person_ids))
    if people:
        ties += [r.data() for r in tx.run(q("metrics/map_person_ties"), ids=people, window_start=start,
                                          window_end=end)]
    return ties


def map_ego(tx: ManagedTransaction, record_id: str, depth: int, limit: int, start: str, end: str) -> list[dict]:
    return [r.data() for r in tx.run(q("metrics/map_ego"), id=record_id, depth=depth, limit=limit,
                                     window_start=start, window_end=end)]
