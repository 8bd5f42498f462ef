"""/api/v1/organisations/{id}/links and /api/v1/people/{id}/links: list, add, change, end
and delete links. A link added from either end; ``direction`` says which end it starts at."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, status
from pydantic import BaseModel, ConfigDict

from lo_network.api.auth import NetworkEditor, Viewer
from lo_network.api.errors import documented
from lo_network.services import links as service

VIA = "api"

router = APIRouter(tags=["links"])


class LinkIn(BaseModel):
    """A new link from the record in the path to ``other_id`` (``direction`` "outgoing"),
    or from ``other_id`` to it ("incoming"). Types: organisations partner, customer,
    supplier, member_of, part_of, collaborates, shareholder; people knows, introduced_by."""

    model_config = ConfigDict(extra="forbid")
    other_id: str | None = None
    type: str | None = None
    direction: Literal["outgoing", "incoming"] = "outgoing"
    since: str | None = None
    until: str | None = None
    source: str | None = None
    note: str | None = None


class LinkChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    note: str | None = None


class LinkEnd(BaseModel):
    model_config = ConfigDict(extra="forbid")
    until: str | None = None


class Link(BaseModel):
    """A link as read from the record in the path: ``label_nl``/``label_en`` in its words."""

    id: str
    type: str
    outgoing: bool
    from_id: str
    to_id: str
    other_id: str
    other_name: str | None = None
    label_nl: str
    label_en: str
    since: str | None = None
    until: str | None = None
    active: bool
    source: str | None = None
    note: str | None = None
    created_at: str | None = None


def _find(actor, kind: str, record_id: str, link_id: str) -> dict:
    return next(l for l in service.list_links(actor, kind, record_id) if l["id"] == link_id)


def _add(actor, kind: str, here: str, body: LinkIn) -> dict:
    other = body.other_id or ""
    start, end = (here, other) if body.direction == "outgoing" else (other, here)
    link_id = service.add(actor, kind, start, end, body.model_dump(exclude={"other_id", "direction"}), VIA)
    return _find(actor, kind, here, link_id)


OK = documented(401, 403, 404, 422, 503)
ORG = "/organisations/{organisation_id}/links"
PERSON = "/people/{person_id}/links"
CREATED = status.HTTP_201_CREATED
GONE = status.HTTP_204_NO_CONTENT


# ---------------------------------------------------------------- organisations
@router.get(ORG, response_model=list[Link], responses=OK)
def list_organisation_links(actor: Viewer, organisation_id: str):
    """Every link of the organisation, ended ones included (active first)."""
    return service.list_links(actor, "organisation", organisation_id)


@router.post(ORG, response_model=Link, status_code=CREATED, responses=OK)
def add_organisation_link(actor: NetworkEditor, organisation_id: str, body: LinkIn):
    return _add(actor, "organisation", organisation_id, body)


@router.patch(ORG + "/{link_id}", response_model=Link, responses=OK)
def change_organisation_link(actor: NetworkEditor, organisation_id: str, link_id: str, body: LinkChange):
    """Dates, source or note; the type and the ends stay."""
    service.update(actor, "organisation", organisation_id, link_id, body.model_dump(exclude_unset=True), VIA)
    return _find(actor, "organisation", organisation_id, link_id)


@router.post(ORG + "/{link_id}/end", response_model=Link, responses=OK)
def end_organisation_link(actor: NetworkEditor, organisation_id: str, link_id: str, body: LinkEnd):
    """End the link (default today); it stays, with its end date."""
    service.end(actor, "organisation", organisation_id, link_id, VIA, until=body.until)
    return _find(actor, "organisation", organisation_id, link_id)


@router.delete(ORG + "/{link_id}", status_code=GONE, responses=OK)
def delete_organisation_link(actor: NetworkEditor, organisation_id: str, link_id: str) -> None:
    """Remove a link entered by mistake (end it to keep the history)."""
    service.delete(actor, "organisation", organisation_id, link_id, VIA)


# ---------------------------------------------------------------- people
@router.get(PERSON, response_model=list[Link], responses=OK)
def list_person_links(actor: Viewer, person_id: str):
    """Every link of the person, ended ones included (active first)."""
    return service.list_links(actor, "person", person_id)


@router.post(PERSON, response_model=Link, status_code=CREATED, responses=OK)
def add_person_link(actor: NetworkEditor, person_id: str, body: LinkIn):
    return _add(actor, "person", person_id, body)


@router.patch(PERSON + "/{link_id}", response_model=Link, responses=OK)
def change_person_link(actor: NetworkEditor, person_id: str, link_id: str, body: LinkChange):
    """Dates, source or note; the type and the ends stay."""
    service.update(actor, "person", person_id, link_id, body.model_dump(exclude_unset=True), VIA)
    return _find(actor, "person", person_id, link_id)


@router.post(PERSON + "/{link_id}/end", response_model=Link, responses=OK)
def end_person_link(actor: NetworkEditor, person_id: str, link_id: str, body: LinkEnd):
    """End the link (default today); it stays, with its end date."""
    service.end(actor, "person", person_id, link_id, VIA, until=body.until)
    return _find(actor, "person", person_id, link_id)


@router.delete(PERSON + "/{link_id}", status_code=GONE, responses=OK)
def delete_person_link(actor: NetworkEditor, person_id: str, link_id: str) -> None:
    """Remove a link entered by mistake (end it to keep the history)."""
    service.delete(actor, "person", person_id, link_id, VIA)
