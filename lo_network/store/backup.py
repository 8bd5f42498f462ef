"""The whole graph out and in again (lo-network export --all / restore), generic over labels.

Nodes and relationships are read with their labels/type and every property; temporal
values travel as tagged ISO text ({"$datetime": ...}) so a restore gives back the same
types. Labels and relationship types cannot be query parameters on the embedded server,
so the restore queries carry placeholders (``__LABEL__`` ...) that are replaced here by
identifiers checked against a strict pattern and quoted; nothing else is ever put in."""

from __future__ import annotations

import re
from typing import Any, Iterator

import neo4j.time
from neo4j import ManagedTransaction

from lo_network.store.queries import q

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


class BackupError(ValueError):
    """The graph holds something a backup cannot carry faithfully (said plainly)."""


def identifier(name: str) -> str:
    if not _IDENTIFIER.match(name or ""):
        raise BackupError(f"label or type {name!r} is not a plain identifier")
    return f"`{name}`"


def labels_text(labels: list[str]) -> str:
    if not labels:
        raise BackupError("a node without a label cannot be restored")
    return ":".join(identifier(label) for label in labels)


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


def iter_nodes(session) -> Iterator[dict]:
    """Every data node as {labels, props} (props encoded), streamed."""
    for record in session.run(q("imports/backup_nodes")):
        props = record["props"]
        if props.get("id") is None:
            raise BackupError(f"a {':'.join(record['labels'])} node has no id property")
        yield {"labels": sorted(record["labels"]), "props": {k: encode(v) for k, v in props.items()}}


def iter_relationships(session) -> Iterator[dict]:
    for record in session.run(q("imports/backup_relationships")):
        if record["from_id"] is None or record["to_id"] is None:
            raise BackupError(f"a {record['type']} relationship joins a node without an id")
        yield {
            "type": record["type"],
            "from_labels": sorted(record["from_labels"]), "from_id": record["from_id"],
            "to_labels": sorted(record["to_labels"]), "to_id": record["to_id"],
            "props": {k: encode(v) for k, v in record["props"].items()},
        }


def restore_nodes(tx: ManagedTransaction, labels: list[str], rows: list[dict]) -> int:
    query = q("imports/restore_nodes").replace("__LABEL__", labels_text(labels))
    return tx.run(query, rows=[split_props(r["props"]) for r in rows]).single()["created"]


def restore_relationships(tx: ManagedTransaction, from_labels: list[str], rel_type: str, to_labels: list[str],
                          rows: list[dict]) -> int:
    query = (q("imports/restore_relationships").replace("__FROM__", labels_text(from_labels))
             .replace("__TO__", labels_text(to_labels)).replace("__TYPE__", identifier(rel_type)))
    params = [dict(split_props(r["props"]), from_id=r["from_id"], to_id=r["to_id"]) for r in rows]
    return tx.run(query, rows=params).single()["created"]
