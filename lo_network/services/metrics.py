"""Network measures: recompute (networkx on data read from the graph; per-node measures
cached on the nodes, network-level ones in SQL) and read the latest with the brokers."""

from __future__ import annotations

import json
import time
from datetime import date

from sqlmodel import select

from lo_network import sql
from lo_network.accounts.service import Actor
from lo_network.domain import measures as domain
from lo_network.domain.permissions import Permission, require
from lo_network.network.models import NetworkMeasures
from lo_network.store import driver
from lo_network.store import metrics as store


def recompute(actor: Actor, via: str) -> NetworkMeasures:
    """Read the network, compute every measure, cache them. Returns the network-level row."""
    require(actor.role, Permission.EDIT_NETWORK)
    started = time.perf_counter()
    today = date.today().isoformat()

    def read(tx):
        return store.nodes(tx), store.ties(tx, today)

    nodes, ties = driver.read(read)
    result = domain.compute(nodes, ties)
    kinds = {n["id"]: n["kind"] for n in nodes}
    rows = {"organisation": [], "person": []}
    for node_id, measures in result.per_node.items():
        rows[kinds[node_id]].append(dict(measures, id=node_id))

    def write(tx):
        return sum(store.store_measures(tx, kind, kind_rows) for kind, kind_rows in rows.items())

    driver.write(write)
    row = NetworkMeasures(actor=actor.email, seconds=round(time.perf_counter() - started, 3),
                          findings=json.dumps(result.findings, ensure_ascii=False),
                          **{k: v for k, v in result.network.items()})
    with sql.session() as db:
        db.add(row)
        db.commit()
        db.refresh(row)
    return row


def latest(actor: Actor) -> NetworkMeasures | None:
    require(actor.role, Permission.VIEW)
    with sql.session() as db:
        return db.exec(select(NetworkMeasures).order_by(NetworkMeasures.computed_at.desc(),
                                                        NetworkMeasures.id.desc())).first()


def brokers(actor: Actor, limit: int = 25) -> list[dict]:
    """Organisations and people with the highest betweenness, from the cache (people the
    actor may not see left out: services.consent)."""
    from lo_network.services import consent

    require(actor.role, Permission.VIEW)
    rows = driver.read(store.brokers, limit)
    hidden = consent.hidden(actor, [r["id"] for r in rows if r["kind"] == "person"])
    return [r for r in rows if r["id"] not in hidden]


def of_record(actor: Actor, kind: str, record_id: str) -> dict | None:
    """The cached measures of one organisation or person, or None before the first computation."""
    from lo_network.services import organisations, people

    record = (organisations if kind == "organisation" else people).get(actor, record_id)
    if record.get("metrics_at") is None:
        return None
    return {"degree": record.get("metric_degree") or 0, "betweenness": record.get("metric_betweenness") or 0.0,
            "community": record.get("metric_community"), "at": record["metrics_at"]}
