"""Registrations in the graph: one function per query in graph/queries/registrations/.

Every change that takes or frees a seat runs in ONE write transaction that first writes
the activity's ``reg_seq`` counter (lock_activity.cypher). Neo4j holds that write's lock on
the activity until commit, so a second transaction waits for it (a transient error, such as
a detected deadlock, is retried). The count of registered seats read after the lock is the
truth when the registration is created, so a rush of registrations never goes one seat over
capacity, and ``reg_seq`` numbers arrivals."""

from __future__ import annotations

import random
import threading
import time
from typing import Any, Callable, TypeVar

from neo4j import ManagedTransaction
from neo4j import exceptions as neo4j_errors

from lo_network.domain.registrations import new_token, who_key
from lo_network.store import driver
from lo_network.store.queries import q
from lo_network.store.records import new_id, now_iso, plain

T = TypeVar("T")
CONTENDED_SECONDS = 60.0


_queues: dict[str, threading.Lock] = {}
_queues_lock = threading.Lock()


def _queue(key: str) -> threading.Lock:
    with _queues_lock:
        if len(_queues) > 10_000:
            _queues.clear()
        return _queues.setdefault(key, threading.Lock())


def write_contended(fn: Callable[..., T], *args: Any, seconds: float = CONTENDED_SECONDS,
                    queue: str | None = None, **kwargs: Any) -> T:
    """driver.write for transactions that contend for one activity: the driver retries a
    transient conflict for a few seconds; a rush needs longer, so retry here with jitter.

    With ``queue`` (the activity id) the threads of this process take turns for that
    activity before they reach the graph: fewer commit conflicts to retry. This only saves
    work; the graph transaction alone keeps the seat count right (other workers, other
    machines)."""
    if queue:
        with _queue(queue):
            return write_contended(fn, *args, seconds=seconds, **kwargs)
    deadline = time.monotonic() + seconds
    pause = 0.02
    while True:
        try:
            return driver.write(fn, *args, **kwargs)
        except neo4j_errors.TransientError:
            if time.monotonic() > deadline:
                raise
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 0.5)


def _lock(tx: ManagedTransaction, activity_id: str) -> tuple[dict, int] | None:
    record = tx.run(q("registrations/lock_activity"), id=activity_id).single()
    if record is None:
        return None
    return plain(record["activity"]), record["seq"]


def _registered(tx: ManagedTransaction, activity_id: str) -> int:
    return tx.run(q("registrations/count_registered"), id=activity_id).single()["registered"]


def get(tx: ManagedTransaction, registration_id: str) -> dict | None:
    record = tx.run(q("registrations/get"), id=registration_id).single()
    return plain(record["registration"]) if record else None


def by_token(tx: ManagedTransaction, token_hash: str) -> dict | None:
    record = tx.run(q("registrations/by_token"), token_hash=token_hash).single()
    return plain(record["registration"]) if record else None


def register(tx: ManagedTransaction, activity_id: str, registrant: dict[str, Any], *,
             person_id: str | None, organisation_id: str | None, organisation_proposed: bool,
             token_hash: str, via: str, walk_in: bool = False, now: str | None = None,
             renew_token: bool = False) -> dict:
    """Register one person. Returns {"outcome": registered | waitlisted | walk_in | duplicate
    | missing, "registration", "activity"}; a duplicate also has "would_be", the status a new
    registration would have had. With ``renew_token`` a duplicate's personal link becomes
    ``token_hash`` (the public form: the link goes to the address's owner by email, as a new
    registration's does), and the duplicate costs the same reads and one write, like a new one."""
    locked = _lock(tx, activity_id)
    if locked is None:
        return {"outcome": "missing", "registration": None, "activity": None}
    activity, seq = locked
    key = who_key(activity_id, person_id, registrant.get("email_key", ""), registrant.get("name", ""))
    found = tx.run(q("registrations/find_by_key"), who_key=key).single()
    existing = plain(found["registration"]) if found else None
    capacity = activity.get("capacity")
    if walk_in:
        status = "walk_in"
    else:
        status = "registered" if capacity is None or _registered(tx, activity_id) < capacity else "waitlisted"
    now = now or now_iso()
    if existing and existing.get("status") != "cancelled" and (
            not walk_in or existing.get("status") in ("registered", "walk_in")):
        if renew_token:
            existing = update_details(tx, existing["id"], {"token_hash": token_hash})
        return {"outcome": "duplicate", "registration": existing | {"activity_id": activity_id},
                "activity": activity, "would_be": status}
    props = {
        "name": registrant["name"], "email": registrant.get("email", ""),
        "email_key": registrant.get("email_key", ""),
        "organisation_name": registrant.get("organisation_name", ""),
        "organisation_key": registrant.get("organisation_key", ""),
        "organisation_proposed": organisation_proposed,
        "remarks": registrant.get("remarks", ""),
        "search_key": registrant.get("search_key", ""),
        "consent": bool(registrant.get("consent")),
        "consent_purpose": registrant.get("consent_purpose", ""),
        "status": status, "position": seq, "who_key": key, "via": via,
        "walk_in": walk_in, "attendance": "present" if walk_in else "",
        "token_hash": token_hash, "token_expires": activity["ends_at"],
    }
    if existing:  # cancelled before, or waiting and now walking in: same node, new state
        record = tx.run(q("registrations/reactivate"), id=existing["id"], props=props, now=now).single()
    else:
        record = tx.run(q("registrations/create"), activity_id=activity_id, id=new_id(), props=props,
                        now=now).single()
    registration = plain(record["registration"])
    if person_id:
        tx.run(q("registrations/link_person"), id=registration["id"], person_id=person_id).consume()
    if organisation_id:
        tx.run(q("registrations/link_organisation"), id=registration["id"],
               organisation_id=organisation_id).consume()
    registration["activity_id"] = activity_id
    return {"outcome": status, "registration": registration, "activity": activity}


def _fill(tx: ManagedTransaction, activity: dict) -> list[dict]:
    """Promote from the waiting list, first come first served, while seats are free."""
    promoted = []
    capacity = activity.get("capacity")
    registered = _registered(tx, activity["id"])
    while capacity is None or registered < capacity:
        record = tx.run(q("registrations/first_waitlisted"), id=activity["id"]).single()
        if record is None:
            break
        waiting = plain(record["registration"])
        tx.run(q("registrations/set_status"), id=waiting["id"], status="registered", now=now_iso()).consume()
        token, hashed = new_token()  # a fresh personal link goes out with the promotion email
        changed = update_details(tx, waiting["id"], {"token_hash": hashed})
        promoted.append(changed | {"activity_id": activity["id"], "token": token})
        registered += 1
    return promoted


def cancel(tx: ManagedTransaction, registration_id: str) -> dict:
    """Cancel; a freed seat goes to the first on the waiting list in the same transaction.
    Returns {"outcome": cancelled | already | missing, "registration", "promoted": [...], "activity"}."""
    current = get(tx, registration_id)
    if current is None:
        return {"outcome": "missing", "registration": None, "promoted": [], "activity": None}
    locked = _lock(tx, current["activity_id"])
    if locked is None:
        return {"outcome": "missing", "registration": None, "promoted": [], "activity": None}
    activity, _ = locked
    current = get(tx, registration_id)  # as it is now that we hold the activity
    if current["status"] == "cancelled":
        return {"outcome": "already", "registration": current, "promoted": [], "activity": activity}
    record = tx.run(q("registrations/set_status"), id=registration_id, status="cancelled", now=now_iso()).single()
    cancelled = plain(record["registration"]) | {"activity_id": activity["id"]}
    promoted = _fill(tx, activity) if current["status"] == "registered" else []
    return {"outcome": "cancelled", "registration": cancelled, "promoted": promoted, "activity": activity}


def fill_seats(tx: ManagedTransaction, activity_id: str) -> list[dict]:
    """After the capacity went up: promote waiting people into the new seats."""
    locked = _lock(tx, activity_id)
    return _fill(tx, locked[0]) if locked else []


def list_for_activity(tx: ManagedTransaction, activity_id: str, text: str = "", status: str | None = None,
                      offset: int = 0, limit: int = 5000) -> list[dict]:
    result = tx.run(q("registrations/list"), id=activity_id, text=text, status=status or None,
                    offset=offset, limit=limit)
    return [plain(r["registration"]) for r in result]


def set_attendance(tx: ManagedTransaction, activity_id: str, registration_id: str, attendance: str) -> dict | None:
    record = tx.run(q("registrations/set_attendance"), id=registration_id, activity_id=activity_id,
                    attendance=attendance, now=now_iso()).single()
    return plain(record["registration"]) if record else None


def mark_no_shows(tx: ManagedTransaction, activity_id: str) -> int:
    return tx.run(q("registrations/mark_no_shows"), id=activity_id, now=now_iso()).single()["marked"]


def update_details(tx: ManagedTransaction, registration_id: str, props: dict[str, Any]) -> dict | None:
    record = tx.run(q("registrations/update_details"), id=registration_id, props=props, now=now_iso()).single()
    return plain(record["registration"]) if record else None


def contacts(tx: ManagedTransaction, activity_id: str) -> list[dict]:
    return [plain(r["registration"]) for r in tx.run(q("registrations/registered_contacts"), id=activity_id)]


def match_organisation(tx: ManagedTransaction, name_key: str) -> dict | None:
    if not name_key:
        return None
    record = tx.run(q("registrations/match_organisation"), name_key=name_key).single()
    return record.data() if record else None


def person_lookup(tx: ManagedTransaction, text: str, limit: int = 20) -> list[dict]:
    return [r.data() for r in tx.run(q("registrations/person_lookup"), text=text, limit=limit)]


def people(tx: ManagedTransaction, ids: list[str]) -> list[dict]:
    return [r.data() for r in tx.run(q("registrations/people"), ids=ids)]


def confirm_organisation(tx: ManagedTransaction, registration_id: str, organisation_id: str) -> dict | None:
    record = tx.run(q("registrations/confirm_organisation"), id=registration_id, organisation_id=organisation_id,
                    now=now_iso()).single()
    return plain(record["registration"]) if record else None


def for_person(tx: ManagedTransaction, person_id: str, limit: int = 200) -> list[dict]:
    return [plain(r["participation"]) for r in tx.run(q("registrations/for_person"), person_id=person_id, limit=limit)]


def people_by_email(tx: ManagedTransaction, email_key: str) -> list[dict]:
    if not email_key:
        return []
    return [r.data() for r in tx.run(q("registrations/people_by_email"), email_key=email_key)]
