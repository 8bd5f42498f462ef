"""The public routes' rate limit as a FastAPI dependency (the limiter itself, shared with the
login form and the public registration page: lo_network.ratelimit)."""

from __future__ import annotations

from fastapi import HTTPException, Request, status

from lo_network import settings as settings_mod
from lo_network.ratelimit import public_limiter

TOO_MANY = "Te veel aanvragen; probeer het zo opnieuw / Too many requests; try again shortly"


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def limit_public(request: Request) -> None:
    """Dependency of the public routes (and their declaration as public, see
    ``api.auth.public``): LO_PUBLIC_RATE_LIMIT requests a minute per client address."""
    allowed, wait = public_limiter.allow(client_address(request), settings_mod.get().public_rate_limit)
    if not allowed:
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, TOO_MANY, headers={"Retry-After": str(int(wait))})
