"""/api/v1/organisations: list, read, create, replace, change and delete organisations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from lo_network.api.auth import NetworkEditor, Viewer
from lo_network.api.errors import documented
from lo_network.api.schemas import Organisation, OrganisationIn, OrganisationSummary, Page
from lo_network.services import organisations as service

VIA = "api"

router = APIRouter(prefix="/organisations", tags=["organisations"])

# a second organisation with a KvK number another one holds: 409 naming it, unless confirmed
ConfirmKvk = Annotated[bool, Query(
    alias=service.CONFIRM_KVK,
    description="sla op ook als een andere organisatie dit KvK-nummer al heeft (bijv. een vestiging) / "
                "save even when another organisation holds this KvK number (e.g. a branch); without it "
                "such a write answers 409 with the existing record's id")]


@router.get("", response_model=Page[OrganisationSummary], responses=documented(401, 403, 422, 503))
def list_organisations(
    actor: Viewer,
    q: Annotated[str, Query(description="zoektekst / search text (name, KvK, city, website)")] = "",
    kind: str | None = None,
    region: str | None = None,
    theme: str | None = None,
    status_: Annotated[str | None, Query(alias="status")] = None,
    tag: str | None = None,
    sort: Annotated[str, Query(description="name, -name, -updated or city")] = "name",
    page: int = 1,
    page_size: Annotated[int, Query(description="25, 50 or 100 (others become 25)")] = 25,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
):
    filters = {"text": q, "kind": kind, "region": region, "theme": theme, "status": status_, "tag": tag}
    return Page.of(service.list_page(actor, filters, sort, page, page_size, cursor))


@router.post("", response_model=Organisation, status_code=status.HTTP_201_CREATED,
             responses=documented(401, 403, 409, 422, 503))
def create_organisation(actor: NetworkEditor, body: OrganisationIn, confirm: ConfirmKvk = False):
    record = service.create(actor, body.model_dump(), VIA, confirm_duplicate_kvk=confirm)
    return service.get(actor, record["id"])


@router.get("/{organisation_id}", response_model=Organisation, responses=documented(401, 403, 404, 422, 503))
def get_organisation(actor: Viewer, organisation_id: str):
    return service.get(actor, organisation_id)


@router.put("/{organisation_id}", response_model=Organisation, responses=documented(401, 403, 404, 409, 422, 503))
def replace_organisation(actor: NetworkEditor, organisation_id: str, body: OrganisationIn,
                         confirm: ConfirmKvk = False):
    """The whole record: a field left out is emptied (or set to its default)."""
    service.update(actor, organisation_id, body.model_dump(), VIA, confirm_duplicate_kvk=confirm)
    return service.get(actor, organisation_id)


@router.patch("/{organisation_id}", response_model=Organisation, responses=documented(401, 403, 404, 409, 422, 503))
def change_organisation(actor: NetworkEditor, organisation_id: str, body: OrganisationIn,
                        confirm: ConfirmKvk = False):
    """Only the fields sent change; the others keep their value."""
    service.update(actor, organisation_id, body.model_dump(exclude_unset=True), VIA, confirm_duplicate_kvk=confirm)
    return service.get(actor, organisation_id)


@router.delete("/{organisation_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses=documented(401, 403, 404, 422, 503))
def delete_organisation(actor: NetworkEditor, organisation_id: str) -> None:
    service.delete(actor, organisation_id, VIA)
