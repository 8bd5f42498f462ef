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

    def allow(self, client: str, limit: int, now: float | None = None) -> tuple[bool, float]:
        """(allowed, seconds until the next request may be allowed)."""
        from lo_network.sqlstore import rate_counts

        now = time.time() if now is None else now
        number = int(now // self.window)
        start = datetime.fromtimestamp(number * self.window, timezone.utc)
        current = rate_counts.count_hit(self._key(client, number), start)
        previous = rate_counts.hits(self._key(client, number - 1))
        if random.random() < PURGE_CHANCE:
            rate_counts.purge(start - timedelta(seconds=self.window))
        elapsed = (now - number * self.window) / self.window
        if previous * (1 - elapsed) + current <= limit:
            return True, 0.0
        return False, max(1.0, math.ceil((1 - elapsed) * self.window))

    def reset(self) -> None:
        """Forget every count of this bucket (tests)."""
        from lo_network.sqlstore import rate_counts

        rate_counts.forget(f"{self.bucket}:")


public_limiter = RateLimiter("public")
login_limiter = RateLimiter("login")
