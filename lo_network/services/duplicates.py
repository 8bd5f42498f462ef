"""Duplicate use cases: candidates with score and reasons, "not a duplicate", a merge
preview, the merge (one graph transaction, audited with enough to undo) and its undo."""

from __future__ import annotations

import json
from typing import Any

from lo_network.domain import duplicates as domain
from lo_network.domain import organisations as organisation_domain
from lo_network.domain import people as people_domain
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.messages import msg
from lo_network.services import consent
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit
from lo_network.store import driver
from lo_network.store import duplicates as store

KINDS = (domain.ORGANISATION, domain.PERSON)
FIELDS = {domain.ORGANISATION: organisation_domain.FIELDS, domain.PERSON: people_domain.FIELDS}
VALIDATE = {domain.ORGANISATION: organisation_domain.validate, domain.PERSON: people_domain.validate}
# relationships a merge moves (or, between the two / "not a duplicate", drops and can restore)
MOVABLE = {
    domain.ORGANISATION: {"WORKS_AT", "LINK", "NOT_DUPLICATE", "ON_BEHALF_OF", "ABOUT", "GRANTED_TO", "PARTNER_IN",
                          "ORGANISES"},
    domain.PERSON: {"WORKS_AT", "LINK", "REGISTERED_FOR", "REGISTERED", "CONSENT", "NOT_DUPLICATE"},
}
MERGE, UNDO = "merge", "undo_merge"
# Relationships the kept record has at most once to an activity: where it has one already,
# the dropped record's goes with it (the merge's audit entry keeps it, for an undo).
ONCE_PER_ACTIVITY = {"PARTNER_IN", "ORGANISES"}


def _dropped(relations: list[dict], keep_id: str, keep_relations: list[dict]) -> list[dict]:
    """The relationships of the record that goes that are dropped rather than moved: those
    between the two records, "not a duplicate" marks, and those the kept record has already."""
    def key(rel: dict) -> tuple:
        return rel["rel"], rel["other_id"], rel["outgoing"]

    kept = {key(rel) for rel in keep_relations if rel["rel"] in ONCE_PER_ACTIVITY}
    return [rel for rel in relations
            if rel["rel"] == "NOT_DUPLICATE" or rel["other_id"] == keep_id or key(rel) in kept]


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError({"kind": msg("common.choose_org_or_person")})
    return kind


def candidates(actor: Actor, kind: str, limit: int = 200) -> list[dict]:
    """Candidate pairs, best first: {a_id, b_id, a_name, b_name, reasons, score, reasons_nl, reasons_en}."""
    require(actor.role, Permission.VIEW)
    rows = driver.read(store.candidate_rows, _kind(kind))
    pairs = domain.combine(rows)
    if kind == domain.PERSON:  # a pair with a person the actor may not see is left out
        hidden = consent.hidden(actor, {i for p in pairs for i in (p["a_id"], p["b_id"])})
        pairs = [p for p in pairs if p["a_id"] not in hidden and p["b_id"] not in hidden]
    return pairs[:limit]


def clusters(actor: Actor, kind: str, limit: int = 200) -> list[dict]:
    """The candidate pairs (:func:`candidates`, best ``limit``) grouped into clusters of
    records that match one another: {members: [{id, name}], pairs, score}, best first."""
    return domain.clusters(candidates(actor, kind, limit))


def not_duplicate(actor: Actor, kind: str, a_id: str, b_id: str, via: str) -> None:
    """Remember that the two are different: the pair is never proposed again."""
    require(actor.role, Permission.EDIT_NETWORK)
    if a_id == b_id:
        raise ValidationError({"b_id": msg("dup.two_records")})
    if not driver.write(store.mark_not_duplicate, _kind(kind), a_id, b_id, actor.email):
        raise NotFound(f"{a_id} / {b_id}")
    audit.record(actor.email, via, "not_duplicate", kind, a_id, None, {"a_id": a_id, "b_id": b_id})


def preview(actor: Actor, kind: str, keep_id: str, drop_id: str) -> dict:
    """Both records' fields and every relationship of the one that goes: what moves to the kept
    record, what is dropped (links between the two, "not a duplicate" marks) and what blocks."""
    require(actor.role, Permission.VIEW)
    _kind(kind)
    if keep_id == drop_id:
        raise ValidationError({"drop_id": msg("dup.two_records")})
    if kind == domain.PERSON:
        consent.require_shown(actor, keep_id)
        consent.require_shown(actor, drop_id)

    def work(tx):
        keep, drop = store.raw(tx, kind, keep_id), store.raw(tx, kind, drop_id)
        if keep is None or drop is None:
            raise NotFound(keep_id if keep is None else drop_id)
        return keep, drop, store.relations(tx, kind, drop_id), store.relations(tx, kind, keep_id)

    keep, drop, relations, keep_relations = driver.read(work)
    # a person the actor may not see is not named at the other end of a relationship
    hidden = consent.hidden(actor, {r["other_id"] for r in relations if "Person" in (r.get("other_labels") or [])})
    relations = [r for r in relations if r["other_id"] not in hidden]
    blocking = [rel for rel in relations if rel["rel"] not in MOVABLE[kind]]
    movable = [rel for rel in relations if rel["rel"] in MOVABLE[kind]]
    dropped = _dropped(movable, keep_id, keep_relations)
    moving = [rel for rel in movable if rel not in dropped]
    return {"kind": kind, "keep": keep, "drop": drop, "fields": FIELDS[kind], "moving": moving,
            "dropped": dropped, "blocking": blocking, "keep_relations": len(keep_relations)}


def merge(actor: Actor, kind: str, keep_id: str, drop_id: str, choice: dict[str, str], via: str) -> int:
    """Merge ``drop_id`` into ``keep_id`` in one graph transaction: fields as ``choice`` says
    ('keep', 'drop', or 'both' for lists), every employment, link and registration moves.
    Returns the audit entry's id (undo with :func:`undo`)."""
    require(actor.role, Permission.EDIT_NETWORK)
    plan = preview(actor, kind, keep_id, drop_id)
    if plan["blocking"]:
        kinds = sorted({rel["rel"] for rel in plan["blocking"]})
        raise ValidationError({"drop_id": msg("dup.relationships_unmovable", detail=", ".join(kinds))})
    fields = domain.merged_fields(plan["fields"], plan["keep"], plan["drop"], choice)
    props = VALIDATE[kind](fields)
    keep_before = {k: plan["keep"].get(k) for k in props}

    def work(tx):
        # the same reads again inside the transaction: what it moves is what it records
        drop = store.raw(tx, kind, drop_id)
        if drop is None or store.raw(tx, kind, keep_id) is None:
            raise NotFound(drop_id)
        relations = store.relations(tx, kind, drop_id)
        if any(rel["rel"] not in MOVABLE[kind] for rel in relations):
            raise ValidationError({"drop_id": msg("dup.changed")})
        dropped = _dropped(relations, keep_id, store.relations(tx, kind, keep_id))
        moved = store.move(tx, kind, keep_id, drop_id)
        store.finish_merge(tx, kind, keep_id, drop_id, props)
        return drop, relations, dropped, moved

    drop, relations, dropped, moved = driver.write(work)
    audit_id = audit.record(
        actor.email, via, MERGE, kind, keep_id,
        {"keep": keep_before, "drop": drop, "relations": relations, "dropped": dropped, "moved": moved},
        {"keep": props, "drop_id": drop_id},
    )
    # the history of the record that went says where it went (and which entry undoes it)
    audit.record(actor.email, via, "merged_into", kind, drop_id, None, {"keep_id": keep_id, "merge_entry": audit_id})
    return audit_id


def merges(actor: Actor, limit: int = 20) -> list[dict]:
    """The latest merges with whether each can still be undone."""
    require(actor.role, Permission.VIEW)
    entries = audit.with_action(MERGE, limit=limit)
    undone = {e.entity_id for e in audit.with_action(UNDO, entity="audit")}
    hidden = consent.hidden(actor, {e.entity_id for e in entries if e.entity == domain.PERSON})
    out = []
    for entry in entries:
        if entry.entity_id in hidden:  # a merge into a person the actor may not see
            continue
        before = json.loads(entry.before or "{}")
        out.append({"audit_id": entry.id, "at": entry.at.isoformat(), "actor": entry.actor, "kind": entry.entity,
                    "keep_id": entry.entity_id, "keep_name": (json.loads(entry.after or "{}").get("keep") or {}).get("name", ""),
                    "drop_name": (before.get("drop") or {}).get("name", ""), "undone": str(entry.id) in undone})
    return out


def undo(actor: Actor, audit_id: int, via: str) -> str:
    """Undo a merge from its audit entry: the merged-away record comes back with every
    property, its employments, links and registrations move back, the kept record gets its
    earlier values. Returns the restored record's id."""
    require(actor.role, Permission.EDIT_NETWORK)
    entry = audit.by_id(int(audit_id))
    done = audit.with_action(UNDO, entity="audit", entity_id=str(audit_id), limit=1)
    if entry is None or entry.action != MERGE:
        raise NotFound(str(audit_id))
    if done:
        raise ValidationError({"audit_id": msg("dup.already_undone")})
    kind, keep_id = entry.entity, entry.entity_id
    before = json.loads(entry.before)
    drop = before["drop"]

    def work(tx):
        if store.raw(tx, kind, drop["id"]) is not None:
            raise ValidationError({"audit_id": msg("dup.exists_again")})
        if store.restore(tx, kind, keep_id, drop, before["keep"]) is None:
            raise NotFound(keep_id)
        for relation in before.get("dropped", []):
            store.restore_relation(tx, kind, drop["id"], relation)
        return store.unmove(tx, kind, keep_id, drop["id"])  # last: it derives both records' last activity

    moved = driver.write(work)
    audit.record(actor.email, via, UNDO, "audit", str(audit_id), None,
                 {"kind": kind, "keep_id": keep_id, "restored_id": drop["id"], "moved_back": moved})
    return drop["id"]


def choice_from(raw: Any) -> dict[str, str]:
    """A field choice as the API/CLI send it: {field: 'keep'|'drop'|'both'}; bad values named."""
    choice = dict(raw or {})
    bad = {k: v for k, v in choice.items() if v not in ("keep", "drop", "both")}
    if bad:
        raise ValidationError({"choice": msg("dup.choice.choose", detail=", ".join(bad))})
    return choice
