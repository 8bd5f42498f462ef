"""Links (LINK) between two organisations or two people: one function per query in graph/queries/links/."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from lo_network.store.queries import q
from lo_network.store.records import new_id, now_iso, plain


def add(tx: ManagedTransaction, kind: str, from_id: str, to_id: str, link: dict[str, Any]) -> str | None:
    record = tx.run(q(f"links/{kind}_add"), id=new_id(), from_id=from_id, to_id=to_id, now=now_iso(),
                    type=link["type"], since=link["since"], until=link["until"], source=link["source"],
                    note=link["note"]).single()
    return record["id"] if record else None


def list_for(tx: ManagedTransaction, kind: str, record_id: str) -> list[dict]:
    """Every link of a record, each with ``kind``, ``outgoing`` and the other end's id and name."""
    return [dict(plain(r.data()), kind=kind) for r in tx.run(q(f"links/{kind}_list"), id=record_id)]


def update(tx: ManagedTransaction, kind: str, anchor_id: str, link_id: str, link: dict[str, Any]) -> str | None:
    record = tx.run(q(f"links/{kind}_update"), anchor_id=anchor_id, id=link_id, now=now_iso(),
                    since=link["since"], until=link["until"], source=link["source"], note=link["note"]).single()
    return record["id"] if record else None


def delete(tx: ManagedTransaction, kind: str, anchor_id: str, link_id: str) -> str | None:
    record = tx.run(q(f"links/{kind}_delete"), anchor_id=anchor_id, id=link_id).single()
    return record["id"] if record else None


def add_many(tx: ManagedTransaction, kind: str, links: list[dict[str, Any]]) -> int:
    """Validated links that each name ``from_id`` and ``to_id``; how many were made."""
    rows = [dict(link, id=new_id()) for link in links]
    return tx.run(q(f"links/{kind}_add_many"), rows=rows, now=now_iso()).single()["created"]
