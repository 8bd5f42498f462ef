"""The coordinators' follow-up lists in the graph: one function per query in
graph/queries/followup/; each answers the whole list's count and one page of it."""

from __future__ import annotations

from typing import Any, Iterable

from neo4j import ManagedTransaction

from lo_network.store import driver
from lo_network.store.queries import q
from lo_network.store.records import new_id, now_iso, plain


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


# ---------------------------------------------------------------- the stored last activity
EVERY_BATCH = 2000  # organisations per transaction when every one is derived again


def refresh_last_activity(tx: ManagedTransaction, *, organisations: Iterable[str] = (), people: Iterable[str] = (),
                          registrations: Iterable[str] = (), activities: Iterable[str] = (),
                          gone_from: Iterable[str] = (), started_after: Any = None, now: str | None = None) -> int:
    """Derive again the last activity stored on the organisations an event could have changed
    (refresh_last_activity.cypher says which); the store's writes that add, change or remove an
    event call it in their own transaction. Returns how many changed."""
    return tx.run(q("followup/refresh_last_activity"), organisations=list(organisations), people=list(people),
                  registrations=list(registrations), activities=list(activities), gone_from=list(gone_from),
                  started_after=started_after, now=now or now_iso()).single()["changed"]


def last_activity_due(tx: ManagedTransaction, now: str) -> tuple[Any, bool]:
    """(up to when the stored last activities caught up, whether a catch-up is due at ``now``)."""
    record = tx.run(q("followup/last_activity_due"), now=now).single()
    return record["refreshed_until"], record["due"]


def _mark(tx: ManagedTransaction, now: str) -> None:
    tx.run(q("followup/mark_last_activity_refreshed"), now=now).consume()


def catch_up_last_activity(tx: ManagedTransaction, refreshed_until: Any, now: str) -> int:
    """Count the activities that started since the last catch-up and record ``now`` as the new mark."""
    changed = refresh_last_activity(tx, started_after=refreshed_until, now=now)
    _mark(tx, now)
    return changed


def organisation_ids(tx: ManagedTransaction, after: str, limit: int) -> list[str]:
    """Up to ``limit`` organisation ids after ``after``, in id order (the id constraint's index)."""
    return tx.run(q("followup/organisation_ids"), after=after, limit=limit).single()["ids"]


def refresh_every_organisation(now: str | None = None) -> int:
    """Derive every organisation's last activity again, ``EVERY_BATCH`` per transaction (all in
    one would outgrow the graph server's memory for one transaction at 100,000), then set the
    mark: the first read of a graph never derived, ``lo-network followup --refresh``, the demo
    data. Returns how many changed."""
    now = now or now_iso()
    changed, after = 0, ""
    while ids := driver.read(organisation_ids, after, EVERY_BATCH):
        changed += driver.write(refresh_last_activity, organisations=ids, now=now)
        after = ids[-1]
    driver.write(_mark, now)
    return changed


# ---------------------------------------------------------------- follow-up notes
def add_note(tx: ManagedTransaction, organisation_id: str, props: dict[str, Any], actor: str) -> dict | None:
    record = tx.run(q("followup/add_note"), id=new_id(), organisation_id=organisation_id, actor=actor, now=now_iso(),
                    **props).single()
    return plain(record["note"]) if record else None


def notes(tx: ManagedTransaction, organisation_id: str) -> list[dict]:
    return [plain(r["note"]) for r in tx.run(q("followup/notes"), organisation_id=organisation_id)]


def set_note_done(tx: ManagedTransaction, organisation_id: str, note_id: str, done: str | None,
                  actor: str) -> dict | None:
    record = tx.run(q("followup/set_note_done"), id=note_id, organisation_id=organisation_id, done=done,
                    actor=actor, now=now_iso()).single()
    return plain(record["note"]) if record else None
