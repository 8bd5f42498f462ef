"""The coordinators' follow-up lists in the graph: one function per query in
graph/queries/followup/; each answers the whole list's count and one page of it."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from lo_network.store.queries import q
from lo_network.store.records import plain


def _page(tx: ManagedTransaction, name: str, key: str, params: dict[str, Any]) -> tuple[int, list[dict]]:
    total, items = 0, []
    for record in tx.run(q(f"followup/{name}"), **params):
        total = record["total"]
        if record[key] is not None:
            items.append(plain(record[key]))
    return total, items


def dormant(tx: ManagedTransaction, params: dict[str, Any]) -> tuple[int, list[dict]]:
    """(count, one page) of organisations in the network without activity since $since."""
    return _page(tx, "dormant", "organisation", params)


def twice(tx: ManagedTransaction, params: dict[str, Any]) -> tuple[int, list[dict]]:
    """(count, one page) of organisations, not partner, present at $at_least distinct activities."""
    return _page(tx, "twice", "organisation", params)


def consent(tx: ManagedTransaction, params: dict[str, Any]) -> tuple[int, list[dict]]:
    """(count, one page) of people whose consent was given between $from_date and $to_date."""
    return _page(tx, "consent", "person", params)


# ---------------------------------------------------------------- follow-up notes
def add_note(tx: ManagedTransaction, organisation_id: str, props: dict[str, Any], actor: str) -> dict | None:
    from lo_network.store.records import new_id, now_iso

    record = tx.run(q("followup/add_note"), id=new_id(), organisation_id=organisation_id, actor=actor, now=now_iso(),
                    **props).single()
    return plain(record["note"]) if record else None


def notes(tx: ManagedTransaction, organisation_id: str) -> list[dict]:
    return [plain(r["note"]) for r in tx.run(q("followup/notes"), organisation_id=organisation_id)]


def set_note_done(tx: ManagedTransaction, organisation_id: str, note_id: str, done: str | None,
                  actor: str) -> dict | None:
    from lo_network.store.records import now_iso

    record = tx.run(q("followup/set_note_done"), id=note_id, organisation_id=organisation_id, done=done,
                    actor=actor, now=now_iso()).single()
    return plain(record["note"]) if record else None
