"""/api/v1/followup: the coordinators' follow-up lists (read): dormant
organisations, organisations that attended twice but are not yet partners, people whose
consent is about to lapse; their counts, their definitions, and each list as CSV or XLSX.
And the follow-up notes on an organisation (who will call, by when; coordinators write them)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, status
from fastapi.responses import Response
from pydantic import BaseModel

from lo_network.api.auth import NetworkEditor, Viewer
from lo_network.api.errors import documented
from lo_network.api.files import SHEET, download
from lo_network.api.schemas import Page, RequestBody
from lo_network.domain.sheets import MEDIA_TYPES
from lo_network.services import followup as service

VIA = "api"

router = APIRouter(prefix="/followup", tags=["followup"])

ListName = Literal["dormant", "twice", "consent"]
REGION = Annotated[str | None, Query(description="deventer, twente, zwolle, other_overijssel, outside_overijssel")]
THEME = Annotated[str | None, Query(description="accessibility, international, sustainability, knowledge_labour")]
KIND = Annotated[str | None, Query(description="organisation kind (company, municipality, ...); for the consent "
                                               "list: the kind of the person's current employer")]


class Activity(BaseModel):
    id: str | None = None
    title: str = ""
    date: str = ""
    via: str = ""


# a person with the ways to reach them: an organisation's contact, and each row of the consent list
class Contact(BaseModel):
    id: str
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    job_title: str | None = None


class OpenNote(BaseModel):
    id: str
    note: str = ""
    assignee: str | None = None
    due: str | None = None


class FollowUpOrganisation(BaseModel):
    """A row of the dormant or the attended-twice list."""

    id: str
    name: str
    kind: str | None = None
    city: str | None = None
    region: str | None = None
    themes: list[str] = []
    status: str | None = None
    status_since: str | None = None
    attended: int | None = None
    last_activity: Activity | None = None
    open_notes: list[OpenNote] = []
    contacts: list[Contact] = []


class Lapsing(BaseModel):
    purpose: str
    given: str
    lapses: str


class Employer(BaseModel):
    id: str
    name: str | None = None


class FollowUpPerson(Contact):
    """A row of the consent list."""

    lapses: str
    lapsing: list[Lapsing]
    organisations: list[Employer] = []


class Counts(BaseModel):
    dormant: int
    twice: int
    consent: int


@router.get("/counts", response_model=Counts, responses=documented(401, 403, 422, 503))
def counts(actor: Viewer, region: REGION = None, theme: THEME = None, kind: KIND = None):
    """How many rows each list has with these filters."""
    return service.counts(actor, {"region": region, "theme": theme, "kind": kind})


@router.get("/definitions", response_model=dict[str, str], responses=documented(401, 403, 422, 503))
def definitions(actor: Viewer, lang: Literal["nl", "en"] = "nl"):
    """What each list means, in words, with this installation's settings."""
    service.require_view(actor)
    return service.definitions(lang)


class NoteIn(RequestBody):
    """A follow-up note: note (required), assignee (who will call; default: you), due (dd-mm-jjjj)."""

    organisation_id: str | None = None
    note: str | None = None
    assignee: str | None = None
    due: str | None = None


class NoteDoneIn(RequestBody):
    organisation_id: str | None = None
    done: bool = True


class Note(BaseModel):
    id: str
    organisation_id: str
    note: str
    assignee: str | None = None
    due: str | None = None
    done: str | None = None
    done_by: str | None = None
    created_by: str | None = None
    created_at: str | None = None


@router.get("/notes", response_model=list[Note], responses=documented(401, 403, 422, 503))
def notes(actor: Viewer, organisation_id: str):
    """The follow-up notes of an organisation: open ones first, soonest due first."""
    return service.notes(actor, organisation_id)


@router.post("/notes", response_model=Note, status_code=status.HTTP_201_CREATED,
             responses=documented(401, 403, 404, 422, 503))
def add_note(actor: NetworkEditor, body: NoteIn):
    """Note a follow-up on an organisation (coordinators and admins)."""
    raw = body.model_dump()
    return service.add_note(actor, raw.pop("organisation_id") or "", raw, VIA)


@router.post("/notes/{note_id}/done", response_model=Note, responses=documented(401, 403, 404, 422, 503))
def note_done(actor: NetworkEditor, note_id: str, body: NoteDoneIn):
    """Mark a follow-up note done today (``done: false`` opens it again)."""
    return service.set_note_done(actor, body.organisation_id or "", note_id, body.done, VIA)


@router.get("/{name}/export", response_class=Response, responses={**SHEET, **documented(401, 403, 422, 503)})
def export(actor: Viewer, name: ListName, fmt: Annotated[str, Query(alias="format")] = "csv",
           region: REGION = None, theme: THEME = None, kind: KIND = None, sort: str | None = None):
    filename, data = service.export(actor, name, {"region": region, "theme": theme, "kind": kind}, sort, fmt)
    return download(data, MEDIA_TYPES.get(fmt, "application/octet-stream"), filename)


@router.get("/{name}", response_model=Page[FollowUpOrganisation | FollowUpPerson],
            responses=documented(401, 403, 422, 503))
def follow_up_list(
    actor: Viewer,
    name: ListName,
    region: REGION = None,
    theme: THEME = None,
    kind: KIND = None,
    sort: Annotated[str | None, Query(description="dormant: silent (default), name, -name; twice: -attended "
                                                  "(default), name, -name; consent: lapse")] = None,
    page: int = 1,
    page_size: Annotated[int, Query(description="25, 50 or 100 (others become 25)")] = 25,
):
    """One page of a list (by offset: each list is sorted by what the graph derives per row)."""
    return Page.of(service.list_page(actor, name, {"region": region, "theme": theme, "kind": kind}, sort, page,
                                     page_size))
