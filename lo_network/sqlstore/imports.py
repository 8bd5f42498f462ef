"""Import jobs in SQL: the reads the import's life cycle needs besides one job by its id."""

from __future__ import annotations

from sqlmodel import select

from lo_network.sqlstore import sql
from lo_network.sqlstore.models import ImportJob


def latest_job_of(actor_email: str) -> ImportJob | None:
    """The newest job this user (or "cli") started."""
    with sql.session() as db:
        return db.exec(select(ImportJob).where(ImportJob.actor == actor_email)
                       .order_by(ImportJob.id.desc()).limit(1)).first()


def idle_jobs() -> list[ImportJob]:
    """Every job that is not being analysed or run at the moment."""
    with sql.session() as db:
        return list(db.exec(select(ImportJob).where(ImportJob.status.not_in(("running", "analysing")))))
