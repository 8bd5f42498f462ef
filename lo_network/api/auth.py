"""Who calls the API: a personal token (``Authorization: Bearer <token>``) resolved to an Actor."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from lo_network.domain.permissions import Permission, require
from lo_network.services.accounts import Actor, user_for_api_token

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


# ---------------------------------------------------------------- the right each route needs
class Needs:
    """Dependency that declares, next to the route, the permission it needs: the caller's
    token (401 without one) and the role's right (403 without it), checked before the route
    body runs, so before any record is looked up. The services check again (defence in
    depth). ``tests/integration/test_api_authorisation.py`` walks every route of the app and
    fails for a route that declares neither a ``Needs`` nor
    ``dependencies=[Depends(ratelimit.limit_public)]`` (open without a token, rate limited)."""

    def __init__(self, permission: Permission):
        self.permission = permission

    def __call__(self, actor: CurrentActor) -> Actor:
        require(actor.role, self.permission)
        return actor

    def __repr__(self) -> str:
        return f"Needs({self.permission.value})"


Viewer = Annotated[Actor, Depends(Needs(Permission.VIEW))]
NetworkEditor = Annotated[Actor, Depends(Needs(Permission.EDIT_NETWORK))]
ActivityEditor = Annotated[Actor, Depends(Needs(Permission.EDIT_ACTIVITIES))]
PrivacyOfficer = Annotated[Actor, Depends(Needs(Permission.PRIVACY))]
BudgetEditor = Annotated[Actor, Depends(Needs(Permission.EDIT_BUDGET))]

