"""/api/v1/organisations/{id}/grants: grants to an organisation (programme money, line 1
regional network support unless chosen). Everyone with a token reads them; coordinators,
organisers and admins record and remove them. Amounts are euros: 25000.50 or "25.000,50"."""

from __future__ import annotations

from fastapi import APIRouter, status
from fastapi.responses import Response
from pydantic import BaseModel

from lo_network.api.auth import BudgetEditor, Viewer
from lo_network.api.errors import documented
from lo_network.api.schemas import Euros, RequestBody
from lo_network.services import grants as service

router = APIRouter(prefix="/organisations/{organisation_id}/grants", tags=["grants"])
VIA = "api"


class GrantIn(RequestBody):
    amount: Euros = None
    granted_on: str | None = None  # dd-mm-jjjj or yyyy-mm-dd
    description: str | None = None
    line: str | None = None  # regional (default) / international / themes


class Grant(BaseModel):
    id: str
    organisation_id: str
    amount: float
    granted_on: str | None = None
    description: str | None = None
    line: str
    created_by: str | None = None
    created_at: str | None = None


@router.get("", response_model=list[Grant], responses=documented(401, 403, 422, 503))
def grants(actor: Viewer, organisation_id: str):
    """The grants to an organisation, newest first."""
    return service.for_organisation(actor, organisation_id)


@router.post("", response_model=Grant, status_code=status.HTTP_201_CREATED,
             responses=documented(401, 403, 404, 422, 503))
def add_grant(actor: BudgetEditor, organisation_id: str, body: GrantIn):
    """Record a grant to the organisation."""
    return service.add(actor, organisation_id, body.model_dump(), VIA)


@router.delete("/{grant_id}", status_code=status.HTTP_204_NO_CONTENT, responses=documented(401, 403, 404, 422, 503))
def remove_grant(actor: BudgetEditor, organisation_id: str, grant_id: str):
    """Remove a grant of the organisation."""
    service.remove(actor, organisation_id, grant_id, VIA)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
