"""Duplicate candidates, "not a duplicate" marks, merge and undo in the graph: one function
per query in graph/queries/duplicates/. ``kind`` is 'organisation' or 'person'."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from lo_network.domain import duplicates as domain
from lo_network.store.followup import refresh_last_activity
from lo_network.store.queries import q
from lo_network.store.records import now_iso, plain

MAX_GROUP = 25  # a key shared by more records than this tells nothing (e.g. a chain's domain)


def candidate_rows(tx: ManagedTransaction, kind: str, max_group: int = MAX_GROUP) -> list[dict]:
    return [r.data() for r in tx.run(q(f"duplicates/{kind}_candidates"), max_group=max_group)]


def mark_not_duplicate(tx: ManagedTransaction, kind: str, a_id: str, b_id: str, by: str) -> int:
    return tx.run(q(f"duplicates/{kind}_not_duplicate"), a_id=a_id, b_id=b_id, by=by, now=now_iso()).single()["marked"]


def raw(tx: ManagedTransaction, kind: str, record_id: str) -> dict | None:
    record = tx.run(q(f"duplicates/{kind}_get_raw"), id=record_id).single()
    return plain(record["props"]) if record else None


def relations(tx: ManagedTransaction, kind: str, record_id: str) -> list[dict]:
    return [plain(r.data()) for r in tx.run(q(f"duplicates/{kind}_relations"), id=record_id)]


def move(tx: ManagedTransaction, kind: str, keep_id: str, drop_id: str) -> int:
    moved = tx.run(q(f"duplicates/{kind}_move_involvement"), keep_id=keep_id, drop_id=drop_id).single()["moved"]
    return moved + tx.run(q(f"duplicates/{kind}_move_links"), keep_id=keep_id, drop_id=drop_id).single()["moved"]


def finish_merge(tx: ManagedTransaction, kind: str, keep_id: str, drop_id: str, props: dict[str, Any]) -> str | None:
    record = tx.run(q(f"duplicates/{kind}_finish_merge"), keep_id=keep_id, drop_id=drop_id, props=props,
                    now=now_iso()).single()
    _refresh(tx, kind, [keep_id])  # the kept record has the dropped one's activities now
    return record["id"] if record else None


def _refresh(tx: ManagedTransaction, kind: str, ids: list[str]) -> None:
    refresh_last_activity(tx, **({"organisations": ids} if kind == "organisation" else {"people": ids}))


def restore(tx: ManagedTransaction, kind: str, keep_id: str, drop_props: dict[str, Any],
            keep_props: dict[str, Any]) -> str | None:
    props = {k: v for k, v in drop_props.items() if k not in ("created_at", "updated_at") and v is not None}
    record = tx.run(q(f"duplicates/{kind}_restore"), keep_id=keep_id, props=props,
                    created_at=drop_props.get("created_at"), keep_props=keep_props, now=now_iso()).single()
    return record["id"] if record else None


def unmove(tx: ManagedTransaction, kind: str, keep_id: str, drop_id: str) -> int:
    moved = tx.run(q(f"duplicates/{kind}_unmove_involvement"), keep_id=keep_id, drop_id=drop_id).single()["moved"]
    moved += tx.run(q(f"duplicates/{kind}_unmove_links"), keep_id=keep_id, drop_id=drop_id).single()["moved"]
    _refresh(tx, kind, [keep_id, drop_id])  # each has its own activities again
    return moved


def restore_relation(tx: ManagedTransaction, kind: str, drop_id: str, relation: dict[str, Any]) -> None:
    tx.run(q(f"duplicates/{kind}_restore_relation"), drop_id=drop_id, other_id=relation["other_id"],
           rel=relation["rel"], outgoing=relation["outgoing"],
           props={k: v for k, v in (relation.get("props") or {}).items() if v is not None}).consume()


# ---------------------------------------------------------------- keys of records stored before duplicate detection
def backfill_keys(tx: ManagedTransaction, batch: int = 2000) -> int:
    """Compute the duplicate keys of up to ``batch`` organisations and people without them."""
    orgs = [r.data() for r in tx.run(q("duplicates/organisation_missing_keys"), limit=batch)]
    if orgs:
        rows = [dict(domain.organisation_keys(o), id=o["id"]) for o in orgs]
        tx.run(q("duplicates/organisation_set_keys"), rows=rows).consume()
    people = [r.data() for r in tx.run(q("duplicates/person_missing_keys"), limit=batch)]
    if people:
        rows = [dict(domain.person_keys(p), id=p["id"]) for p in people]
        tx.run(q("duplicates/person_set_keys"), rows=rows).consume()
    return len(orgs) + len(people)
