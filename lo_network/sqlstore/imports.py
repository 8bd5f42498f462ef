"""Import jobs in SQL: one job saved and read by its id, and the reads the import's life cycle needs."""

from __future__ import annotations

from sqlmodel import select

from lo_network.domain.errors import NotFound
from lo_network.sqlstore import sql
from lo_network.sqlstore.models import ImportJob, utcnow


def save(job: ImportJob) -> ImportJob:
    """The job as stored, its ``updated_at`` (the heartbeat of a running job) now."""
    job.updated_at = utcnow()
    return sql.stored(job)


def load(job_id: int) -> ImportJob:
    with sql.session() as db:
        job = db.get(ImportJob, job_id)
        if job is None:
            raise NotFound(str(job_id))
        return job


def latest_job_of(actor_email: str) -> ImportJob | None:
    """The newest job this user (or "cli") started."""
    with sql.session() as db:
        return db.exec(select(ImportJob).where(ImportJob.actor == actor_email)
                       .order_by(ImportJob.id.desc()).limit(1)).first()


def idle_jobs() -> list[ImportJob]:
    """Every job that is not being analysed or run at the moment."""
    with sql.session() as db:
        return list(db.exec(select(ImportJob).where(ImportJob.status.not_in(("running", "analysing")))))
