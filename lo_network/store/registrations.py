"""Registrations in the graph: one function per query in graph/queries/registrations/.

Every change that takes or frees a seat runs in ONE write transaction that first writes
the activity's ``reg_seq`` counter (lock_activity.cypher). That write holds the activity's
write lock until commit, so the count of registered seats read after it is the truth when
the registration is created: a rush of registrations never goes one seat over capacity,
and ``reg_seq`` numbers arrivals."""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

from neo4j import ManagedTransaction
from neo4j import exceptions as neo4j_errors

from lo_network.domain.registrations import new_token, who_key
from lo_network.domain.text import LOOKUP_CANDIDATES, fulltext_query
from lo_network.store import driver
from lo_network.store.followup import refresh_last_activity
from lo_network.store.queries import q
from lo_network.store.records import new_id, now_iso, plain

T = TypeVar("T")
CONTENDED_SECONDS = 60.0


def write_contended(fn: Callable[..., T], *args: Any, seconds: float = CONTENDED_SECONDS, **kwargs: Any) -> T:
    """driver.write for transactions that contend for one activity: the driver retries a
    transient conflict for a few seconds; a rush needs longer, so retry here with jitter."""
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


# ---------------------------------------------------------------- registrations in turn
MAX_BATCH = 32  # registrations for one activity written in one transaction at most


@dataclass
class _Request:
    kwargs: dict[str, Any]
    done: bool = False
    result: dict | None = None
    error: BaseException | None = None


@dataclass
class _Turn:
    """The registrations of this process waiting for one activity, in order of arrival."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    waiting: list[_Request] = field(default_factory=list)
    users: int = 0


_turns: dict[str, _Turn] = {}
_turns_lock = threading.Lock()


def register_in_turn(activity_id: str, registrant: dict[str, Any], **kwargs: Any) -> dict:
    """:func:`register` for one activity, in the order the requests of this process arrived,
    with the registrations that arrived meanwhile written in the same transaction (group
    commit): in a rush the activity's lock is taken and committed once for many seats, not
    once each. Whichever thread gets the turn writes the waiting ones, the oldest first, up
    to MAX_BATCH; the others find their answer ready. The graph's lock on the activity still
    keeps the seat count right between processes and machines."""
    request = _Request(dict(kwargs, registrant=registrant))
    with _turns_lock:
        turn = _turns.setdefault(activity_id, _Turn())
        turn.users += 1
        turn.waiting.append(request)
    try:
        while not request.done:
            with turn.lock:
                if request.done:
                    break
                with _turns_lock:
                    batch, turn.waiting = turn.waiting[:MAX_BATCH], turn.waiting[MAX_BATCH:]
                _write_batch(activity_id, batch)
    finally:
        with _turns_lock:
            turn.users -= 1
            if turn.users == 0 and _turns.get(activity_id) is turn:
                del _turns[activity_id]
    if request.error is not None:
        raise request.error
    assert request.result is not None
    return request.result


def _register_all(tx: ManagedTransaction, activity_id: str, requests: list[dict[str, Any]]) -> list[dict]:
    return [register(tx, activity_id, **kwargs) for kwargs in requests]


def _write_batch(activity_id: str, batch: list[_Request]) -> None:
    """One transaction for the batch; when it fails, each registration alone, so one that
    cannot be written does not take the others down with it. A graph that cannot be reached
    or stays busy fails them all at once (alone they would each wait as long again)."""
    try:
        try:
            results = write_contended(_register_all, activity_id, [r.kwargs for r in batch])
            for request, result in zip(batch, results):
                request.result = result
        except (driver.GraphUnavailable, neo4j_errors.TransientError) as exc:
            for request in batch:
                request.error = exc
        except Exception as exc:
            if len(batch) == 1:
                batch[0].error = exc
                return
            for request in batch:
                try:
                    request.result = write_contended(_register_all, activity_id, [request.kwargs])[0]
                except Exception as alone:
                    request.error = alone
    finally:
        for request in batch:
            if request.result is None and request.error is None:
                request.error = RuntimeError("registration interrupted")
            request.done = True


def context(tx: ManagedTransaction, activity_id: str | None, email_key: str = "", name_key: str = "") -> dict:
    """What a registration looks up before it asks for a seat, in one query:
    ``{"activity": node or None, "people": known people with this email key,
    "organisation": the organisation of exactly this folded name, or None}``."""
    record = tx.run(q("registrations/context"), activity_id=activity_id or "", email_key=email_key or "",
                    name_key=name_key or "").single()
    return {"activity": plain(record["activity"]) if record["activity"] else None,
            "people": [dict(p) for p in record["people"]],
            "organisation": dict(record["organisation"]) if record["organisation"] else None}


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
    if walk_in or existing:  # present at the door, or a present registration made anew
        refresh_last_activity(tx, registrations=[registration["id"]])
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
    refresh_last_activity(tx, registrations=[registration_id])
    return plain(record["registration"]) if record else None


def mark_no_shows(tx: ManagedTransaction, activity_id: str) -> int:
    return tx.run(q("registrations/mark_no_shows"), id=activity_id, now=now_iso()).single()["marked"]


def update_details(tx: ManagedTransaction, registration_id: str, props: dict[str, Any]) -> dict | None:
    record = tx.run(q("registrations/update_details"), id=registration_id, props=props, now=now_iso()).single()
    return plain(record["registration"]) if record else None


def contacts(tx: ManagedTransaction, activity_id: str) -> list[dict]:
    return [plain(r["registration"]) for r in tx.run(q("registrations/registered_contacts"), id=activity_id)]


def person_lookup(tx: ManagedTransaction, text: str, limit: int = 20) -> list[dict]:
    """Known people for the organiser's picker as ``text`` (folded) is typed, best match
    first; nobody before a word is typed."""
    search = fulltext_query(text, legal_forms=False)
    if not search:
        return []
    return [r.data() for r in tx.run(q("registrations/person_lookup"), search=search, plain=text,
                                     candidates=max(LOOKUP_CANDIDATES, limit), limit=limit)]


def people(tx: ManagedTransaction, ids: list[str]) -> list[dict]:
    return [r.data() for r in tx.run(q("registrations/people"), ids=ids)]


def confirm_organisation(tx: ManagedTransaction, registration_id: str, organisation_id: str) -> dict | None:
    record = tx.run(q("registrations/confirm_organisation"), id=registration_id, organisation_id=organisation_id,
                    now=now_iso()).single()
    refresh_last_activity(tx, registrations=[registration_id])
    return plain(record["registration"]) if record else None


def for_person(tx: ManagedTransaction, person_id: str, limit: int = 200) -> list[dict]:
    return [plain(r["participation"]) for r in tx.run(q("registrations/for_person"), person_id=person_id, limit=limit)]


