"""/api/v1/activities, /registrations, /public and /calendar: the same services as the UI."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status

from lo_network.api.activity_schemas import (
    Activity, ActivityIn, ActivitySummary, CheckInIn, FeedLink, Participation, PersonalRegistration, PublicActivity,
    PublicRegistrationIn, PublicRegistrationOutcome, RegisterPeopleIn, RegistrantIn, Registration, RegistrationChangeIn,
    RegistrationOutcome, Session, Milestone, MilestoneDoneIn, MilestoneIn, PartnerIn,
)
from lo_network.api.auth import ActivityEditor, Viewer
from lo_network.api.errors import documented
from lo_network.api.files import SHEET, download
from lo_network.api.ratelimit import limit_public
from lo_network.api.schemas import Page
from lo_network.services import activities as service
from lo_network.services import registrations as reg_service
from lo_network.services.emails import personal_url

VIA = "api"
ICS = "text/calendar; charset=utf-8"

router = APIRouter(prefix="/activities", tags=["activities"])
registrations_router = APIRouter(prefix="/registrations", tags=["registrations"])
public_router = APIRouter(prefix="/public", tags=["public"])
calendar_router = APIRouter(prefix="/calendar", tags=["calendar"])
participation_router = APIRouter(prefix="/people", tags=["people"])


def _outcome(result: reg_service.Outcome, with_link: bool) -> RegistrationOutcome:
    return RegistrationOutcome(outcome=result.outcome, registration=result.registration,
                               link=personal_url(result.token) if with_link and result.token else None)


# ---------------------------------------------------------------- activities
@router.get("", response_model=Page[ActivitySummary], responses=documented(401, 403, 422, 503))
def list_activities(
    actor: Viewer,
    q: Annotated[str, Query(description="zoektekst / search text (title, location, kind)")] = "",
    kind: str | None = None, theme: str | None = None, region: str | None = None,
    visibility: str | None = None,
    when: Annotated[str | None, Query(description="upcoming or past")] = None,
    organisation_id: Annotated[str | None, Query(description=(
        "activiteiten van deze organisatie: wat zij organiseert, de projecten en living labs waarin zij "
        "partner is en waaraan haar mensen deelnemen (zie involvement) / activities of this organisation: "
        "what it organises, the projects and living labs it is a partner in, and what its people take part "
        "in (see involvement)"))] = None,
    involvement: Annotated[list[str] | None, Query(description=(
        "met organisation_id: organiser, partner en/of attendee (herhaalbaar; leeg = alle drie). attendee "
        "telt aanmeldingen van mensen die er werken, zonder no-shows en zonder mensen die u niet mag zien / "
        "with organisation_id: organiser, partner and/or attendee (repeatable; none = all three). attendee "
        "counts registrations of people who work there, without no-shows and without people hidden from you"))] = None,
    sort: Annotated[str, Query(description="starts, -starts or title")] = "starts",
    page: int = 1, page_size: int = 25,
):
    filters = {"text": q, "kind": kind, "theme": theme, "region": region, "visibility": visibility,
               "when": when, "organisation_id": organisation_id, "involvement": involvement or []}
    return Page.of(service.list_page(actor, filters, sort, page, page_size))


@router.post("", response_model=Activity, status_code=status.HTTP_201_CREATED, responses=documented(401, 403, 422, 503))
def create_activity(actor: ActivityEditor, body: ActivityIn):
    """With ``repeat_every`` (weekly, monthly) and ``repeat_count`` (2-24): a series of dated
    sessions, each its own activity; the answer is the first session."""
    raw = body.model_dump()
    if raw.get("repeat_every") or raw.get("repeat_count"):
        return service.get(actor, service.create_series(actor, raw, raw.get("repeat_every") or "",
                                                        raw.get("repeat_count") or 0, VIA)[0]["id"])
    return service.create(actor, raw, VIA)


@router.get("/{activity_id}/sessions", response_model=list[Session], responses=documented(401, 403, 404, 422, 503))
def series_sessions(actor: Viewer, activity_id: str):
    """The sessions of the series this activity belongs to (empty when it is no series)."""
    return service.series(actor, service.get(actor, activity_id).get("series_id") or "")


@router.get("/{activity_id}", response_model=Activity, responses=documented(401, 403, 404, 422, 503))
def get_activity(actor: Viewer, activity_id: str):
    return service.get(actor, activity_id)


@router.patch("/{activity_id}", response_model=Activity, responses=documented(401, 403, 404, 422, 503))
def change_activity(actor: ActivityEditor, activity_id: str, body: ActivityIn):
    """Only the fields sent change (one session of a series at a time). A larger capacity
    promotes from the waiting list."""
    changes = body.model_dump(exclude_unset=True)
    if "repeat_every" in changes or "repeat_count" in changes:
        from lo_network.domain.errors import ValidationError

        raise ValidationError({"repeat_every": "alleen bij aanmaken / only when creating"})
    return service.update(actor, activity_id, changes, VIA)


@router.delete("/{activity_id}", status_code=status.HTTP_204_NO_CONTENT, responses=documented(401, 403, 404, 422, 503))
def delete_activity(actor: ActivityEditor, activity_id: str) -> None:
    service.delete(actor, activity_id, VIA)


@router.get("/{activity_id}/registrations", response_model=list[Registration], responses=documented(401, 403, 422, 503))
def list_registrations(actor: Viewer, activity_id: str, q: str = "", status_: Annotated[str | None, Query(alias="status")] = None):
    return reg_service.list_for_activity(actor, activity_id, q, status_)


@router.post("/{activity_id}/registrations", response_model=list[RegistrationOutcome],
             status_code=status.HTTP_201_CREATED, responses=documented(401, 403, 404, 422, 503))
def register_people(actor: ActivityEditor, activity_id: str, body: RegisterPeopleIn):
    """Register known people (several at once); each outcome says registered, waitlisted or duplicate."""
    return [_outcome(o, False) for o in reg_service.register_people(actor, activity_id, body.person_ids, VIA)]


@router.post("/{activity_id}/contacts", response_model=RegistrationOutcome, status_code=status.HTTP_201_CREATED,
             responses=documented(401, 403, 404, 422, 503))
def register_contact(actor: ActivityEditor, activity_id: str, body: RegistrantIn):
    """Register someone by name and email (not yet a known person)."""
    return _outcome(reg_service.register_contact(actor, activity_id, body.model_dump(), VIA), False)


@router.post("/{activity_id}/walk-ins", response_model=RegistrationOutcome, status_code=status.HTTP_201_CREATED,
             responses=documented(401, 403, 404, 422, 503))
def walk_in(actor: ActivityEditor, activity_id: str, body: RegistrantIn):
    return _outcome(reg_service.walk_in(actor, activity_id, body.model_dump(), VIA), False)


@router.post("/{activity_id}/registrations/{registration_id}/check-in", response_model=Registration,
             responses=documented(401, 403, 404, 422, 503))
def check_in(actor: ActivityEditor, activity_id: str, registration_id: str, body: CheckInIn):
    reg_service.check_in(actor, activity_id, registration_id, body.present, VIA)
    return next(r for r in reg_service.list_for_activity(actor, activity_id) if r["id"] == registration_id)


@router.post("/{activity_id}/no-shows", responses=documented(401, 403, 404, 422, 503))
def mark_no_shows(actor: ActivityEditor, activity_id: str) -> dict:
    return {"marked": reg_service.mark_no_shows(actor, activity_id, VIA)}


@router.get("/{activity_id}/attendees.{fmt}", response_class=Response,
            responses={**SHEET, **documented(401, 403, 404, 422, 503)})
def export_attendees(actor: Viewer, activity_id: str, fmt: str, lang: str = "nl"):
    """The attendee list as CSV (semicolons, UTF-8) or XLSX."""
    content, name, media = reg_service.export(actor, activity_id, fmt, lang)
    return download(content, media, name)


# ---------------------------------------------------------------- living labs and projects
@router.put("/{activity_id}/partners/{organisation_id}", response_model=Activity,
            responses=documented(401, 403, 404, 422, 503))
def set_partner(actor: ActivityEditor, activity_id: str, organisation_id: str, body: PartnerIn):
    """A partner organisation of a living lab or project: lead, partner, knowledge_partner or funder."""
    return service.set_partner(actor, activity_id, organisation_id, body.role or "", VIA)


@router.delete("/{activity_id}/partners/{organisation_id}", response_model=Activity,
               responses=documented(401, 403, 404, 422, 503))
def remove_partner(actor: ActivityEditor, activity_id: str, organisation_id: str):
    return service.remove_partner(actor, activity_id, organisation_id, VIA)


@router.post("/{activity_id}/milestones", response_model=Milestone, status_code=status.HTTP_201_CREATED,
             responses=documented(401, 403, 404, 422, 503))
def add_milestone(actor: ActivityEditor, activity_id: str, body: MilestoneIn):
    return service.add_milestone(actor, activity_id, body.model_dump(), VIA)


@router.patch("/{activity_id}/milestones/{milestone_id}", response_model=Milestone,
              responses=documented(401, 403, 404, 422, 503))
def set_milestone_done(actor: ActivityEditor, activity_id: str, milestone_id: str, body: MilestoneDoneIn):
    return service.set_milestone_done(actor, activity_id, milestone_id, body.done, VIA)


@router.delete("/{activity_id}/milestones/{milestone_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses=documented(401, 403, 404, 422, 503))
def delete_milestone(actor: ActivityEditor, activity_id: str, milestone_id: str) -> None:
    service.delete_milestone(actor, activity_id, milestone_id, VIA)


# ---------------------------------------------------------------- registrations
@registrations_router.delete("/{registration_id}", response_model=Registration, responses=documented(401, 403, 404, 422, 503))
def cancel_registration(actor: ActivityEditor, registration_id: str):
    """Cancel; the first on the waiting list is promoted and told."""
    return reg_service.cancel(actor, registration_id, VIA)


# ---------------------------------------------------------------- public (no token; rate limited)
# what a route reached by a personal link can answer: the public ones, and 410 once the link has expired
BY_LINK = documented(404, 422, 429, 503) | {410: {"description": "verlopen / expired"}}


@contextmanager
def _link_alive() -> Iterator[None]:
    """A personal link past its time answers 410 Gone, with the service's own message."""
    try:
        yield
    except reg_service.LinkExpired:
        raise HTTPException(status.HTTP_410_GONE, str(reg_service.LinkExpired())) from None


@public_router.get("/activities/{activity_id}", response_model=PublicActivity, dependencies=[Depends(limit_public)],
                   responses=documented(404, 422, 429, 503))
def public_activity(activity_id: str):
    return service.get_public(activity_id)


@public_router.post("/activities/{activity_id}/registrations", response_model=PublicRegistrationOutcome,
                    status_code=status.HTTP_201_CREATED, dependencies=[Depends(limit_public)],
                    responses=documented(404, 422, 429, 503))
def public_register(activity_id: str, body: PublicRegistrationIn):
    """Register without an account (public activities, registration open). Needs consent.
    The personal link (see, change, cancel) goes by email. An address already registered
    gets the same answer (its owner gets an email instead): the answer says nobody is registered."""
    answer = reg_service.answer_public(activity_id, body.model_dump())
    return PublicRegistrationOutcome(outcome=answer.outcome, name=answer.name)


@public_router.get("/registration/{token}", response_model=PersonalRegistration, dependencies=[Depends(limit_public)],
                   responses=BY_LINK)
def personal_registration(token: str):
    with _link_alive():
        registration, activity = reg_service.view_by_token(token)
    return {"registration": registration, "activity": activity}


@public_router.patch("/registration/{token}", response_model=Registration, dependencies=[Depends(limit_public)],
                     responses=BY_LINK)
def change_personal_registration(token: str, body: RegistrationChangeIn):
    with _link_alive():
        return reg_service.change_by_token(token, body.model_dump(exclude_unset=True))


@public_router.delete("/registration/{token}", response_model=Registration, dependencies=[Depends(limit_public)],
                      responses=BY_LINK)
def cancel_personal_registration(token: str):
    with _link_alive():
        return reg_service.cancel_by_token(token)


# ---------------------------------------------------------------- calendar feeds
@calendar_router.get("/public.ics", response_class=Response, dependencies=[Depends(limit_public)],
                     responses=documented(422, 429, 503))
def public_calendar():
    """Public activities as a subscribable calendar (Europe/Amsterdam)."""
    return Response(service.public_feed(), media_type=ICS)


def _calendar_file(activity: dict) -> Response:
    """One activity's calendar file, as a download (a browser saves it, a calendar opens it)."""
    return download(service.activity_file(activity), ICS, service.calendar_filename(activity))


@calendar_router.get("/activity/{activity_id}.ics", response_class=Response, dependencies=[Depends(limit_public)],
                     responses=documented(404, 422, 429, 503))
def public_activity_calendar(activity_id: str):
    """One public activity as a calendar file ("Zet in mijn agenda"); invite-only ones are 404."""
    return _calendar_file(service.get_public(activity_id))


@calendar_router.get("/registration/{token}.ics", response_class=Response, dependencies=[Depends(limit_public)],
                     responses=BY_LINK)
def registration_calendar(token: str):
    """The activity of a personal registration link as a calendar file (invite-only ones too)."""
    with _link_alive():
        _, activity = reg_service.view_by_token(token)
    return _calendar_file(activity)


@calendar_router.post("/personal", response_model=FeedLink, responses=documented(401, 403, 422, 503))
def new_personal_feed(actor: Viewer):
    """A new personal feed URL (what you organise or attend); an earlier one stops working."""
    return FeedLink(url=service.feed_url(service.new_feed_token(actor)))


@calendar_router.get("/personal/{token}.ics", response_class=Response, dependencies=[Depends(limit_public)],
                     responses=documented(404, 422, 429, 503))
def personal_calendar(token: str):
    return Response(service.personal_feed(token), media_type=ICS)


# ---------------------------------------------------------------- participation history
@participation_router.get("/{person_id}/activities", response_model=list[Participation],
                          responses=documented(401, 403, 422, 503))
def person_activities(actor: Viewer, person_id: str):
    """What a person registered for, newest first: status and attendance (present / no-show)."""
    return reg_service.participation(actor, person_id)
