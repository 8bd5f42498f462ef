"""Erasure in the graph: one function per query in graph/queries/privacy/."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from lo_network.store.followup import refresh_last_activity
from lo_network.store.queries import q
from lo_network.store.records import now_iso, plain


def registrations(tx: ManagedTransaction, person_id: str) -> list[dict]:
    """Every registration of one person (linked, or made with their email), with its activity."""
    return [plain(r["registration"]) for r in tx.run(q("privacy/registrations"), id=person_id)]


def erase_person(tx: ManagedTransaction, person_id: str, props: dict[str, Any]) -> dict | None:
    """Anonymise one person in one transaction, their registrations included (found before
    the email goes); None when there is no such person."""
    now = now_iso()
    registration_ids = [r["id"] for r in registrations(tx, person_id)]
    if tx.run(q("privacy/erase_person"), id=person_id, props=props, now=now).single() is None:
        return None
    erased = tx.run(q("privacy/erase_registrations"), ids=registration_ids, name=props.get("name") or props.get("last_name", ""),
                    now=now).single()["registrations"]
    relations = tx.run(q("privacy/erase_relations"), id=person_id).single()["relations"]
    consents = tx.run(q("privacy/erase_consents"), id=person_id).single()["consents"]
    refresh_last_activity(tx, people=[person_id])
    return {"relations": relations, "consents": consents, "registrations": erased,
            "registration_ids": registration_ids}


def retention(tx: ManagedTransaction, cutoff: str, cutoff_date: str, today: str, limit: int) -> list[dict]:
    return [plain(r.data()) for r in tx.run(q("privacy/retention"), cutoff=cutoff, cutoff_date=cutoff_date,
                                             today=today, limit=limit)]
