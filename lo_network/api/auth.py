"""Who calls the API: a personal token (``Authorization: Bearer <token>``) resolved to an Actor."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from lo_network.accounts.service import Actor, user_for_api_token

bearer = HTTPBearer(
    auto_error=False,
    description="Persoonlijke API-token / personal API token: `lo-network create-token EMAIL`.",
)

UNAUTHORISED = (
    "Geen of ongeldige API-token / Missing or invalid API token "
    "(header 'Authorization: Bearer <token>')"
)


def current_actor(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Actor:
    user = user_for_api_token(credentials.credentials) if credentials else None
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, UNAUTHORISED, headers={"WWW-Authenticate": "Bearer"}
        )
    return Actor.of(user)


CurrentActor = Annotated[Actor, Depends(current_actor)]
