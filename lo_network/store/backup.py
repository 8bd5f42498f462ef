"""The whole graph out and in again (lo-network export --all / restore), generic over labels.

Nodes and relationships are read with their labels/type and every property; temporal
values travel as tagged ISO text ({"$datetime": ...}) so a restore gives back the same
types. A restore sends labels and relationship types as parameters (Neo4j's dynamic labels
and types), each checked here against the labels the schema keys by id and the declared
RELATIONSHIP_TYPES first; no query text is built."""

from __future__ import annotations

from typing import Any, Iterator

import neo4j.time
from neo4j import ManagedTransaction

from lo_network.store import schema
from lo_network.store.queries import q

# Every relationship type the backup carries, declared: a type in the graph that is not here
# stops the export, so a new kind of relationship cannot travel (or be left out) unchecked.
# Labels need no list of their own: every data label is keyed by its own id under a unique
# constraint in graph/schema, and those are the labels the backup knows (keyed_labels()).
RELATIONSHIP_TYPES = frozenset({
    "WORKS_AT",        # (:Person)->(:Organisation), an employment
    "LINK",            # between two organisations or two people
    "NOT_DUPLICATE",   # two records said not to be the same
    "CONSENT",         # (:Person)->(:Purpose)
    "REGISTERED",      # (:Person)->(:Registration)
    "FOR",             # (:Registration)->(:Activity)
    "ON_BEHALF_OF",    # (:Registration)->(:Organisation)
    "ORGANISES",       # (:Organisation)->(:Activity)
    "PARTNER_IN",      # (:Organisation)->(:Activity), a project's partner
    "PART_OF",         # (:Activity)->(:Activity), a session of a project
    "OF",              # (:Milestone)->(:Activity)
    "ABOUT",           # (:FollowUpNote)->(:Organisation)
    "GRANTED_TO",      # (:Grant)->(:Organisation), money of a programme line
    "REGISTERED_FOR",  # (:Person)->(:Activity), moved by a merge where an older graph has it
})


class BackupError(ValueError):
    """The graph holds something a backup cannot carry faithfully (said plainly)."""


def known_labels() -> frozenset[str]:
    return schema.keyed_labels()


def present(tx: ManagedTransaction) -> dict[str, dict[str, int]]:
    """The labels and relationship types in the graph, with their counts."""
    return {"labels": {r["label"]: r["nodes"] for r in tx.run(q("imports/backup_labels"))},
            "types": {r["type"]: r["relationships"] for r in tx.run(q("imports/backup_types"))}}


def check_declared(labels, types) -> None:
    """Raise BackupError naming every label or relationship type the backup has no declaration
    for (``labels``/``types``: names, or name -> count)."""
    def listed(names, known):
        return ", ".join(f"{n} ({names[n]})" if isinstance(names, dict) else n
                         for n in sorted(set(names) - known))
    unknown_labels = listed(labels, known_labels())
    unknown_types = listed(types, RELATIONSHIP_TYPES)
    problems = []
    if unknown_labels:
        problems.append(f"knopen met een label zonder id-sleutel in graph/schema / nodes with a label that has no "
                        f"id constraint in graph/schema: {unknown_labels}")
    if unknown_types:
        problems.append(f"relaties van een type dat de back-up niet kent / relationships of a type the backup "
                        f"does not declare (store.backup.RELATIONSHIP_TYPES): {unknown_types}")
    if problems:
        raise BackupError("; ".join(problems))


def encode(value: Any) -> Any:
    """A property value as JSON: temporal values tagged, everything else as it is."""
    if isinstance(value, neo4j.time.DateTime):
        if value.tzinfo is None:
            return {"$localdatetime": value.iso_format()}
        return {"$datetime": value.iso_format()}
    if isinstance(value, neo4j.time.Date):
        return {"$date": value.iso_format()}
    if isinstance(value, list):
        if any(isinstance(v, (neo4j.time.DateTime, neo4j.time.Date, neo4j.time.Time, neo4j.time.Duration)) for v in value):
            raise BackupError("a list of temporal values cannot be restored by this backup format")
        return list(value)
    if isinstance(value, (neo4j.time.Time, neo4j.time.Duration)) or hasattr(value, "srid"):
        raise BackupError(f"property type {type(value).__name__} is not supported by this backup format")
    return value


def split_props(props: dict[str, Any]) -> dict[str, Any]:
    """Encoded properties -> {props, datetimes, local_datetimes, dates} for the restore queries."""
    out: dict[str, Any] = {"props": {}, "datetimes": {}, "local_datetimes": {}, "dates": {}}
    for key, value in props.items():
        if isinstance(value, dict) and len(value) == 1:
            tag, text = next(iter(value.items()))
            target = {"$datetime": "datetimes", "$localdatetime": "local_datetimes", "$date": "dates"}.get(tag)
            if target:
                out[target][key] = text
                continue
        out["props"][key] = value
    return out


def node_count(tx: ManagedTransaction) -> int:
    return tx.run(q("imports/node_count")).single()["nodes"]


def relationship_count(tx: ManagedTransaction) -> int:
    return tx.run(q("imports/relationship_count")).single()["relationships"]


def iter_nodes(tx) -> Iterator[dict]:
    """Every data node as {labels, props} (props encoded), streamed; BackupError on a node
    the backup cannot carry (an undeclared label, no id)."""
    known = known_labels()
    for record in tx.run(q("imports/backup_nodes")):
        props = record["props"]
        if not set(record["labels"]) <= known:
            check_declared(record["labels"], ())
        if props.get("id") is None:
            label = ":".join(record["labels"])
            raise BackupError(f"een {label}-knoop heeft geen id (eerst lo-network migrate) / "
                              f"a {label} node has no id property (run lo-network migrate first)")
        yield {"labels": sorted(record["labels"]), "props": {k: encode(v) for k, v in props.items()}}


def iter_relationships(tx) -> Iterator[dict]:
    """Every relationship by its end nodes' ids (props encoded), streamed."""
    for record in tx.run(q("imports/backup_relationships")):
        if record["type"] not in RELATIONSHIP_TYPES:
            check_declared((), [record["type"]])
        if record["from_id"] is None or record["to_id"] is None:
            raise BackupError(f"een {record['type']}-relatie verbindt een knoop zonder id / "
                              f"a {record['type']} relationship joins a node without an id")
        yield {
            "type": record["type"],
            "from_labels": sorted(record["from_labels"]), "from_id": record["from_id"],
            "to_labels": sorted(record["to_labels"]), "to_id": record["to_id"],
            "props": {k: encode(v) for k, v in record["props"].items()},
        }


def _node_key(labels, node_id: str) -> tuple:
    return (tuple(sorted(labels)), node_id)


def restore_nodes(tx: ManagedTransaction, rows: list[dict]) -> dict[tuple, str]:
    """Create the nodes ({labels, props}, as iter_nodes yields them), each with its own
    labels; BackupError before anything is sent when a node has no label or one the schema
    does not key. Returns {(labels, id): element id} for restore_relationships."""
    for row in rows:
        if not row["labels"]:
            raise BackupError("a node without a label cannot be restored")
        check_declared(row["labels"], ())
    params = [dict(split_props(r["props"]), labels=list(r["labels"])) for r in rows]
    return {_node_key(r["labels"], r["id"]): r["element_id"] for r in tx.run(q("imports/restore_nodes"), rows=params)}


def restore_relationships(tx: ManagedTransaction, rows: list[dict], element_ids: dict[tuple, str]) -> int:
    """Create the relationships (as iter_relationships yields them) between nodes that
    restore_nodes made (``element_ids``, its answers merged); BackupError before anything is
    sent on an undeclared type. A relationship whose end node was not restored is not made
    (the restore's count check then says so)."""
    check_declared((), {r["type"] for r in rows})
    params = [dict(split_props(r["props"]), type=r["type"],
                   **{"from": element_ids.get(_node_key(r["from_labels"], r["from_id"])),
                      "to": element_ids.get(_node_key(r["to_labels"], r["to_id"]))})
              for r in rows]
    return tx.run(q("imports/restore_relationships"), rows=params).single()["created"]
