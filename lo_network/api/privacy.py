"""/api/v1/people/{id}/consents: a person's consent records per purpose; and
/api/v1/people/{id}/access-request: everything held about the person (administrators)."""

from __future__ import annotations

from fastapi import APIRouter, status
from pydantic import BaseModel

from lo_network.api.auth import NetworkEditor, PrivacyOfficer, Viewer
from lo_network.api.errors import documented
from lo_network.api.schemas import RequestBody
from lo_network.services import consent as service
from lo_network.services import privacy

VIA = "api"

router = APIRouter(prefix="/people", tags=["privacy"])


class ConsentIn(RequestBody):
    """purpose: newsletter, invitations or directory; basis: consent, legitimate_interest or
    contract; date and withdrawn: dd-mm-jjjj or yyyy-mm-dd."""

    purpose: str | None = None
    basis: str | None = None
    date: str | None = None
    source: str | None = None
    withdrawn: str | None = None


class Consent(BaseModel):
    id: str
    purpose: str
    basis: str
    date: str | None = None
    source: str | None = None
    withdrawn: str | None = None
    created_at: str | None = None


@router.get("/{person_id}/consents", response_model=list[Consent], responses=documented(401, 403, 422, 503))
def list_consents(actor: Viewer, person_id: str):
    return service.list_for(actor, person_id)


@router.post("/{person_id}/consents", response_model=list[Consent], status_code=status.HTTP_201_CREATED,
             responses=documented(401, 403, 404, 422, 503))
def add_consent(actor: NetworkEditor, person_id: str, body: ConsentIn):
    """A new consent record; answers the person's records."""
    service.add(actor, person_id, body.model_dump(), VIA)
    return service.list_for(actor, person_id)


@router.patch("/{person_id}/consents/{consent_id}", response_model=list[Consent],
              responses=documented(401, 403, 404, 422, 503))
def change_consent(actor: NetworkEditor, person_id: str, consent_id: str, body: ConsentIn):
    """Only the fields sent change (e.g. ``withdrawn``); the purpose stays."""
    service.update(actor, person_id, consent_id, body.model_dump(exclude_unset=True), VIA)
    return service.list_for(actor, person_id)


@router.get("/{person_id}/access-request", responses=documented(401, 403, 404, 422, 503))
def access_request(actor: PrivacyOfficer, person_id: str) -> dict:
    """Everything held about one person: properties, employments, links, consent records and
    the audit entries about them (GDPR access request; administrators only; audited)."""
    return privacy.access_report(actor, person_id, VIA)
