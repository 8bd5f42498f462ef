"""A per-client-address rate limit for the public routes (sliding window, in memory per worker)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

from fastapi import HTTPException, Request, status

from lo_network import settings as settings_mod

WINDOW_SECONDS = 60.0


class RateLimiter:
    def __init__(self, window: float = WINDOW_SECONDS):
        self.window = window
        self._hits: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def allow(self, key: str, limit: int) -> tuple[bool, float]:
        """(allowed, seconds until the next hit is allowed)."""
        now = time.monotonic()
        with self._lock:
            hits = self._hits[key]
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= limit:
                return False, max(0.0, hits[0] + self.window - now)
            hits.append(now)
            if len(self._hits) > 50_000:  # forget quiet addresses
                for k in [k for k, v in self._hits.items() if not v]:
                    del self._hits[k]
            return True, 0.0

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()


public_limiter = RateLimiter()


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def limit_public(request: Request) -> None:
    """Dependency of the public routes: LO_PUBLIC_RATE_LIMIT requests a minute per address."""
    allowed, wait = public_limiter.allow(client_address(request), settings_mod.get().public_rate_limit)
    if not allowed:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "Te veel aanvragen; probeer het zo opnieuw / Too many requests; try again shortly",
            headers={"Retry-After": str(int(wait) + 1)},
        )
