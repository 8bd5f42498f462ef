"""Activities in the graph: one function per query in graph/queries/activities/."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from lo_network.store import driver
from lo_network.store.followup import refresh_every_organisation, refresh_last_activity
from lo_network.store.queries import q
from lo_network.store.records import new_id, now_iso, plain


def _props(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if k != "organiser_ids"}


def _project(tx: ManagedTransaction, activity_id: str, project_id: str | None) -> bool:
    """Hang the activity under a living lab / project (or under none); False when refused."""
    record = tx.run(q("activities/set_project"), id=activity_id, project_id=project_id).single()
    return project_id is None or record is not None


def create(tx: ManagedTransaction, props: dict[str, Any], actor: str) -> dict:
    activity_id = new_id()
    tx.run(q("activities/create"), id=activity_id, props=_props(props), actor=actor, now=now_iso()).consume()
    tx.run(q("activities/set_organisers"), id=activity_id, organiser_ids=props.get("organiser_ids") or []).consume()
    if not _project(tx, activity_id, props.get("project_id")):
        raise ProjectRefused()
    refresh_last_activity(tx, activities=[activity_id])
    return get(tx, activity_id)


class ProjectRefused(ValueError):
    """project_id does not name a living lab or project (other than the activity itself)."""


def get(tx: ManagedTransaction, activity_id: str) -> dict | None:
    record = tx.run(q("activities/get"), id=activity_id).single()
    if record is None:
        return None
    activity = plain(record["activity"])
    activity["organisers"] = sorted(plain(record["organisers"]), key=lambda o: o["name"] or "")
    for key in ("registered", "waitlisted", "walk_ins", "present"):
        activity[key] = record[key]
    parts = tx.run(q("activities/project_parts"), id=activity_id).single()
    activity["partners"] = sorted(plain(parts["partners"]), key=lambda p: (p["role"] != "lead", p["name"] or ""))
    activity["milestones"] = sorted(plain(parts["milestones"]), key=lambda m: m["due"] or "")
    activity["sessions"] = sorted(plain(parts["sessions"]), key=lambda x: x["starts_at"] or "")
    activity["project"] = (plain(parts["parent"]) or [None])[0]
    return activity


def update(tx: ManagedTransaction, activity_id: str, props: dict[str, Any], calendar_changed: bool) -> dict | None:
    record = tx.run(q("activities/update"), id=activity_id, props=_props(props),
                    calendar_changed=calendar_changed, now=now_iso()).single()
    if record is None:
        return None
    tx.run(q("activities/set_organisers"), id=activity_id, organiser_ids=props.get("organiser_ids") or []).consume()
    if not _project(tx, activity_id, props.get("project_id")):
        raise ProjectRefused()
    refresh_last_activity(tx, activities=[activity_id], gone_from=[activity_id])  # its day, its organisers
    return get(tx, activity_id)


def delete(tx: ManagedTransaction, activity_id: str) -> str | None:
    tx.run(q("activities/delete_registrations"), id=activity_id).consume()
    tx.run(q("activities/delete_milestones"), id=activity_id).consume()
    record = tx.run(q("activities/delete"), id=activity_id).single()
    refresh_last_activity(tx, gone_from=[activity_id])  # those whose last activity it was
    return record["title"] if record else None


def _filters(filters: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": filters.get("text") or "",
        "kind": filters.get("kind") or None,
        "theme": filters.get("theme") or None,
        "region": filters.get("region") or None,
        "visibility": filters.get("visibility") or None,
        "when": filters.get("when") or None,
        "organisation_id": filters.get("organisation_id") or None,
        "involvement": list(filters.get("involvement") or ()),
        "hidden_ids": sorted(filters.get("hidden_ids") or ()),
        "now": filters.get("now") or now_iso(),
    }


def search(tx: ManagedTransaction, filters: dict[str, Any], sort: str, offset: int, limit: int) -> list[dict]:
    result = tx.run(q("activities/search"), **_filters(filters), sort=sort, offset=offset, limit=limit)
    return [plain(r["activity"]) for r in result]


def count(tx: ManagedTransaction, filters: dict[str, Any]) -> int:
    return tx.run(q("activities/count"), **_filters(filters)).single()["total"]


def public_feed(tx: ManagedTransaction, since: str, limit: int = 500) -> list[dict]:
    return [plain(r["activity"]) for r in tx.run(q("activities/public_feed"), since=since, limit=limit)]


def user_feed(tx: ManagedTransaction, email: str, since: str, limit: int = 500) -> list[dict]:
    return [plain(r["activity"]) for r in tx.run(q("activities/user_feed"), email=email, since=since, limit=limit)]


def wipe(batch: int = 5000) -> int:
    """Delete every activity and registration (tests, demo replace); how many nodes went."""
    total = driver.delete_in_batches(
        lambda tx: tx.run(q("activities/wipe"), batch=batch).single()["deleted"], batch)
    refresh_every_organisation()
    return total


def series(tx: ManagedTransaction, series_id: str) -> list[dict]:
    return [plain(r["session"]) for r in tx.run(q("activities/series"), series_id=series_id)]


def set_partner(tx: ManagedTransaction, activity_id: str, organisation_id: str, role: str) -> bool:
    done = tx.run(q("activities/set_partner"), id=activity_id, organisation_id=organisation_id,
                  role=role).single() is not None
    refresh_last_activity(tx, organisations=[organisation_id])
    return done


def remove_partner(tx: ManagedTransaction, activity_id: str, organisation_id: str) -> int:
    removed = tx.run(q("activities/remove_partner"), id=activity_id, organisation_id=organisation_id).single()["removed"]
    refresh_last_activity(tx, organisations=[organisation_id])
    return removed


def add_milestone(tx: ManagedTransaction, activity_id: str, props: dict[str, Any]) -> dict | None:
    record = tx.run(q("activities/add_milestone"), id=activity_id, milestone_id=new_id(), props=props,
                    now=now_iso()).single()
    return plain(record["milestone"]) if record else None


def set_milestone_done(tx: ManagedTransaction, activity_id: str, milestone_id: str, done: bool) -> dict | None:
    record = tx.run(q("activities/set_milestone_done"), id=activity_id, milestone_id=milestone_id, done=done).single()
    return plain(record["milestone"]) if record else None


def delete_milestone(tx: ManagedTransaction, activity_id: str, milestone_id: str) -> int:
    return tx.run(q("activities/delete_milestone"), id=activity_id, milestone_id=milestone_id).single()["deleted"]
