"""A per-client-address rate limit for everything open without an account: the public
registration page and API, the personal registration link (page and API), the calendar
feeds, and the login form.

Counted in SQL (``lo_rate_count``), like the failed logins, so that several backend
workers (``GRANIAN_WORKERS``) share one count. A sliding window estimated from two fixed
windows of a minute: ``previous * (1 - elapsed share) + current``. A refused request counts
too, so a client that keeps hammering stays refused."""

from __future__ import annotations

import math
import random
import time
from datetime import datetime, timedelta, timezone

WINDOW_SECONDS = 60.0
PURGE_CHANCE = 0.01  # now and then, drop the windows that no longer count


class RateLimiter:
    def __init__(self, bucket: str = "public", window: float = WINDOW_SECONDS):
        self.bucket = bucket
        self.window = window

    def _key(self, client: str, number: int) -> str:
        return f"{self.bucket}:{client}:{number}"

    def _count(self, key: str, start: datetime) -> int:
        """One more hit for ``key``: an atomic UPDATE, or the first INSERT; the new count."""
        from sqlalchemy import update
        from sqlalchemy.exc import IntegrityError

        from lo_network.sqlstore import sql
        from lo_network.sqlstore.models import RateCount

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

    def allow(self, client: str, limit: int, now: float | None = None) -> tuple[bool, float]:
        """(allowed, seconds until the next request may be allowed)."""
        from lo_network.sqlstore import sql
        from lo_network.sqlstore.models import RateCount

        now = time.time() if now is None else now
        number = int(now // self.window)
        start = datetime.fromtimestamp(number * self.window, timezone.utc)
        current = self._count(self._key(client, number), start)
        with sql.session() as db:
            row = db.get(RateCount, self._key(client, number - 1))
            previous = row.hits if row else 0
            if random.random() < PURGE_CHANCE:
                self._purge(db, start - timedelta(seconds=self.window))
        elapsed = (now - number * self.window) / self.window
        if previous * (1 - elapsed) + current <= limit:
            return True, 0.0
        return False, max(1.0, math.ceil((1 - elapsed) * self.window))

    @staticmethod
    def _purge(db, before: datetime) -> None:
        from sqlmodel import delete

        from lo_network.sqlstore.models import RateCount

        db.exec(delete(RateCount).where(RateCount.window_start < before))
        db.commit()

    def reset(self) -> None:
        """Forget every count of this bucket (tests)."""
        from sqlmodel import delete

        from lo_network.sqlstore import sql
        from lo_network.sqlstore.models import RateCount

        with sql.session() as db:
            db.exec(delete(RateCount).where(RateCount.key.startswith(f"{self.bucket}:")))
            db.commit()


public_limiter = RateLimiter("public")
login_limiter = RateLimiter("login")
