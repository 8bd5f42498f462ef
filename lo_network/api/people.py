"""/api/v1/people: people, and their employments (WORKS_AT) at organisations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from lo_network.api.auth import NetworkEditor, Viewer
from lo_network.api.errors import documented
from lo_network.api.schemas import EmploymentIn, Employment, NewPersonIn, Page, Person, PersonIn, PersonSummary
from lo_network.domain.errors import NotFound
from lo_network.services import people as service
from lo_network.services.accounts import Actor

VIA = "api"

router = APIRouter(prefix="/people", tags=["people"])


@router.get("", response_model=Page[PersonSummary], responses=documented(401, 403, 422, 503))
def list_people(
    actor: Viewer,
    q: Annotated[str, Query(description="zoektekst / search text (name, email, job title)")] = "",
    tag: str | None = None,
    organisation_id: Annotated[str | None, Query(description="works or worked there")] = None,
    sort: Annotated[str, Query(description="name, -name or -updated")] = "name",
    page: int = 1,
    page_size: Annotated[int, Query(description="25, 50 or 100 (others become 25)")] = 25,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
):
    filters = {"text": q, "tag": tag, "organisation_id": organisation_id}
    return Page.of(service.list_page(actor, filters, sort, page, page_size, cursor))


@router.post("", response_model=Person, status_code=status.HTTP_201_CREATED,
             responses=documented(401, 403, 422, 503))
def create_person(actor: NetworkEditor, body: NewPersonIn):
    """A new person; with ``employment`` they are linked to an organisation in the same step."""
    employment = body.employment.model_dump() if body.employment else None
    record = service.create(actor, body.model_dump(exclude={"employment"}), VIA, employment=employment)
    return service.get(actor, record["id"])


@router.get("/{person_id}", response_model=Person, responses=documented(401, 403, 404, 422, 503))
def get_person(actor: Viewer, person_id: str):
    return service.get(actor, person_id)


@router.put("/{person_id}", response_model=Person, responses=documented(401, 403, 404, 422, 503))
def replace_person(actor: NetworkEditor, person_id: str, body: PersonIn):
    """The whole record: a field left out is emptied (or set to its default)."""
    service.update(actor, person_id, body.model_dump(), VIA)
    return service.get(actor, person_id)


@router.patch("/{person_id}", response_model=Person, responses=documented(401, 403, 404, 422, 503))
def change_person(actor: NetworkEditor, person_id: str, body: PersonIn):
    """Only the fields sent change; the others keep their value."""
    service.update(actor, person_id, body.model_dump(exclude_unset=True), VIA)
    return service.get(actor, person_id)


@router.delete("/{person_id}", status_code=status.HTTP_204_NO_CONTENT, responses=documented(401, 403, 404, 422, 503))
def delete_person(actor: NetworkEditor, person_id: str) -> None:
    service.delete(actor, person_id, VIA)


def _employment(actor: Actor, person_id: str, employment_id: str) -> dict:
    for employment in service.get(actor, person_id)["employments"]:
        if employment["id"] == employment_id:
            return employment
    raise NotFound(employment_id)


@router.post("/{person_id}/employments", response_model=Employment, status_code=status.HTTP_201_CREATED,
             responses=documented(401, 403, 404, 422, 503))
def add_employment(actor: NetworkEditor, person_id: str, body: EmploymentIn):
    employment_id = service.add_employment(actor, person_id, body.model_dump(), VIA)
    return _employment(actor, person_id, employment_id)


@router.put("/{person_id}/employments/{employment_id}", response_model=Employment,
            responses=documented(401, 403, 404, 422, 503))
def replace_employment(actor: NetworkEditor, person_id: str, employment_id: str, body: EmploymentIn):
    """Role and dates (set ``until`` when someone leaves: the history stays)."""
    service.update_employment(actor, person_id, employment_id, body.model_dump(), VIA)
    return _employment(actor, person_id, employment_id)


@router.delete("/{person_id}/employments/{employment_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses=documented(401, 403, 404, 422, 503))
def delete_employment(actor: NetworkEditor, person_id: str, employment_id: str) -> None:
    service.delete_employment(actor, person_id, employment_id, VIA)
