"""The network measures in SQL: the network-level row of each computation and the jobs that
compute them (the per-node measures live on the graph nodes: lo_network.store.metrics)."""

from __future__ import annotations

from sqlmodel import select

from lo_network.sqlstore import sql
from lo_network.sqlstore.models import MeasuresJob, NetworkMeasures, utcnow


def latest_measures() -> NetworkMeasures | None:
    """The newest computation's network-level measures (None before the first)."""
    with sql.session() as db:
        return db.exec(select(NetworkMeasures).order_by(NetworkMeasures.computed_at.desc(),
                                                        NetworkMeasures.id.desc())).first()


def latest_job() -> MeasuresJob | None:
    """The newest computation, running or ended."""
    with sql.session() as db:
        return db.exec(select(MeasuresJob).order_by(MeasuresJob.id.desc()).limit(1)).first()


def save_job(job: MeasuresJob) -> MeasuresJob:
    """Store the job's stage and progress with a new heartbeat; returns it with its id."""
    job.updated_at = utcnow()
    return sql.stored(job)
