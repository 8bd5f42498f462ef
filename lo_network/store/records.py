"""Plain records out of driver values: temporal values become ISO strings."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any, Callable

from neo4j import ManagedTransaction

from lo_network.store.queries import q


def plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if hasattr(value, "iso_format"):  # neo4j.time.DateTime / Date / Time
        return value.iso_format()
    return value


def rows(result) -> list[dict[str, Any]]:
    """Each record of a query that returns plain values (no nodes, relationships or paths) as
    a dict of its keys: what ``Record.data()`` gives, without its walk through every value
    (the reads of a whole network or of the dashboard's facts hold hundreds of thousands)."""
    keys = result.keys()
    return [dict(zip(keys, record)) for record in result]


def columns(result, blank_is_none: tuple[str, ...] = ()) -> dict[str, list[Any]]:
    """The one record of a query that returns each column as a list (``collect(...)`` per
    column), as {column: values}. collect() leaves nulls out, so such a query returns '' for
    a missing value; the columns named in ``blank_is_none`` get None back for it. (An
    aggregation without grouping keys always returns its one record, empty lists for none.)"""
    record = result.single(strict=True)
    out = dict(zip(record.keys(), record.values()))
    for key in blank_is_none:
        out[key] = [v if v != "" else None for v in out[key]]
    return out


def now_iso() -> str:
    """UTC now as ISO-8601 text, for datetime($now) (never a zoneinfo value to the driver)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def new_id() -> str:
    return str(uuid.uuid4())


def locked_edit(tx: ManagedTransaction, lock: str, record_id: str,
                read: Callable[[ManagedTransaction, str], dict | None],
                write: Callable[[ManagedTransaction, dict], Any]) -> tuple[dict, Any] | None:
    """Read-merge-write of one record in ONE write transaction: ``lock`` (a query file that
    writes the node) takes its write lock first, then ``read`` gives the record as it is now
    and ``write(tx, current)`` merges the change into it and saves. Two editors at once: the
    second waits for the first one's commit and merges into what it saved (no lost update).
    Returns (current, what write returned), or None when the record does not exist."""
    if tx.run(q(lock), id=record_id).single() is None:
        return None
    current = read(tx, record_id)
    if current is None:
        return None
    return current, write(tx, current)
