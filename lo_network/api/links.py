"""/api/v1/organisations/{id}/links and /api/v1/people/{id}/links: list, add, change, end
and delete links. A link added from either end; ``direction`` says which end it starts at."""


from typing import Annotated, Literal

from fastapi import APIRouter, Path, status
from pydantic import BaseModel

from lo_network.api.auth import NetworkEditor, Viewer
from lo_network.api.errors import documented
from lo_network.api.schemas import RequestBody
from lo_network.services import links as service

VIA = "api"

router = APIRouter(tags=["links"])


class LinkIn(RequestBody):
    """A new link from the record in the path to ``other_id`` (``direction`` "outgoing"),
    or from ``other_id`` to it ("incoming"). Types: organisations partner, customer,
    supplier, member_of, part_of, collaborates, shareholder; people knows, introduced_by."""

    other_id: str | None = None
    type: str | None = None
    direction: Literal["outgoing", "incoming"] = "outgoing"
    since: str | None = None
    until: str | None = None
    source: str | None = None
    note: str | None = None


class LinkChange(RequestBody):
    type: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    note: str | None = None


class LinkEnd(RequestBody):
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
CREATED = status.HTTP_201_CREATED
GONE = status.HTTP_204_NO_CONTENT


def _link_routes(kind: str, collection: str, param: str) -> None:
    """The five link routes of one kind of record (organisation, person): one shape for both,
    the record's id in the path under its own name (``organisation_id``, ``person_id``)."""
    base = f"/{collection}/{{{param}}}/links"
    RecordId = Annotated[str, Path(alias=param)]

    @router.get(base, response_model=list[Link], responses=OK, name=f"list_{kind}_links",
                description=f"Every link of the {kind}, ended ones included (active first).")
    def list_links(actor: Viewer, record_id: RecordId):
        return service.list_links(actor, kind, record_id)

    @router.post(base, response_model=Link, status_code=CREATED, responses=OK, name=f"add_{kind}_link")
    def add_link(actor: NetworkEditor, record_id: RecordId, body: LinkIn):
        return _add(actor, kind, record_id, body)

    @router.patch(base + "/{link_id}", response_model=Link, responses=OK, name=f"change_{kind}_link",
                  description="Dates, source or note; the type and the ends stay.")
    def change_link(actor: NetworkEditor, record_id: RecordId, link_id: str, body: LinkChange):
        service.update(actor, kind, record_id, link_id, body.model_dump(exclude_unset=True), VIA)
        return _find(actor, kind, record_id, link_id)

    @router.post(base + "/{link_id}/end", response_model=Link, responses=OK, name=f"end_{kind}_link",
                 description="End the link (default today); it stays, with its end date.")
    def end_link(actor: NetworkEditor, record_id: RecordId, link_id: str, body: LinkEnd):
        service.end(actor, kind, record_id, link_id, VIA, until=body.until)
        return _find(actor, kind, record_id, link_id)

    @router.delete(base + "/{link_id}", status_code=GONE, responses=OK, name=f"delete_{kind}_link",
                   description="Remove a link entered by mistake (end it to keep the history).")
    def delete_link(actor: NetworkEditor, record_id: RecordId, link_id: str) -> None:
        service.delete(actor, kind, record_id, link_id, VIA)


_link_routes("organisation", "organisations", "organisation_id")
_link_routes("person", "people", "person_id")
