"""/api/v1/health: does the graph answer? Open without a token, for monitors (rate limited
per address like every open route)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response, status

from lo_network.api.errors import documented
from lo_network.api.ratelimit import limit_public
from lo_network.api.schemas import Health
from lo_network.store import driver

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, dependencies=[Depends(limit_public)], 
            responses={503: {"model": Health, "description": "graph unreachable"}} | documented(429))
def health(response: Response):
    if driver.ping():
        return Health(graph="ok")
    response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return Health(graph="unavailable")
