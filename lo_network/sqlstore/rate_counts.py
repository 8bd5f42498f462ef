"""Requests per client address and window of a minute in SQL (``lo_rate_count``), shared by
every worker process (the limit itself: lo_network.ratelimit)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import delete

from lo_network.sqlstore import sql
from lo_network.sqlstore.models import RateCount


def count_hit(key: str, start: datetime) -> int:
    """One more hit for ``key`` (a window starting at ``start``): an atomic UPDATE, or the
    first INSERT. Returns the new count."""
    for _ in range(5):
        with sql.session() as db:
            done = db.exec(update(RateCount).where(RateCount.key == key).values(hits=RateCount.hits + 1))
            if done.rowcount == 0:
                db.add(RateCount(key=key, hits=1, window_start=start))
            try:
                db.commit()
            except IntegrityError:  # another worker inserted it first: count again
                db.rollback()
                continue
            return db.get(RateCount, key).hits
    raise RuntimeError(f"rate count {key} not updated")


def hits(key: str) -> int:
    with sql.session() as db:
        row = db.get(RateCount, key)
        return row.hits if row else 0


def purge(before: datetime) -> None:
    """Drop the windows that started before ``before``."""
    with sql.session() as db:
        db.exec(delete(RateCount).where(RateCount.window_start < before))
        db.commit()


def forget(prefix: str) -> None:
    """Drop every count whose key starts with ``prefix``."""
    with sql.session() as db:
        db.exec(delete(RateCount).where(RateCount.key.startswith(prefix)))
        db.commit()
