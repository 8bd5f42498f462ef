"""Request and response bodies of the activity and registration routes (API v1).

Like the organisation bodies, request fields are optional and loosely typed: the domain
validates and names each bad field; unknown fields are refused. The activity's and the
registrant's fields come from their declarations (``domain.activities.DECLARED``,
``domain.registrations.DECLARED``)."""

from __future__ import annotations

from pydantic import BaseModel, create_model

from lo_network.api.schemas import RequestBody, read_fields, request_model
from lo_network.domain import activities as activity_domain
from lo_network.domain import registrations as registration_domain

ActivityIn = request_model("ActivityIn", activity_domain.DECLARED)


class Organiser(BaseModel):
    id: str
    name: str | None = None


ActivitySummary = create_model(
    "ActivitySummary", __module__=__name__, id=(str, ...),
    **read_fields(f for f in activity_domain.DECLARED if f.listed), registered=(int, 0), waitlisted=(int, 0))


class Partner(BaseModel):
    id: str
    name: str | None = None
    role: str


class Milestone(BaseModel):
    id: str
    title: str
    due: str | None = None
    done: bool = False


class SessionRef(BaseModel):
    id: str
    title: str
    starts_at: str | None = None


class ProjectRef(BaseModel):
    id: str
    title: str


class PartnerIn(RequestBody):
    role: str | None = None


class MilestoneIn(RequestBody):
    title: str | None = None
    due: str | None = None


class MilestoneDoneIn(RequestBody):
    done: bool


Activity = create_model(
    "Activity", __base__=ActivitySummary, __module__=__name__,
    # what the list leaves out of the public page's fields
    **read_fields(f for f in activity_domain.DECLARED if f.public and not f.listed),
    organisers=(list[Organiser], []), walk_ins=(int, 0), present=(int, 0), ics_sequence=(int, 0),
    series_id=(str | None, None), series_index=(int | None, None),
    project_id=(str | None, None), project=(ProjectRef | None, None),
    partners=(list[Partner], []), milestones=(list[Milestone], []), sessions=(list[SessionRef], []),
    created_at=(str | None, None), updated_at=(str | None, None))


PublicActivity = create_model(
    "PublicActivity", __doc__="What the public registration page shows (no counts of people).",
    __module__=__name__, id=(str, ...), **read_fields(f for f in activity_domain.DECLARED if f.public))


RegistrantIn = request_model("RegistrantIn", registration_domain.DECLARED)


class PublicRegistrationIn(RegistrantIn):
    consent: bool | str | None = None


class RegisterPeopleIn(RequestBody):
    person_ids: list[str]


RegistrationChangeIn = request_model(
    "RegistrationChangeIn", (f for f in registration_domain.DECLARED if f.name in registration_domain.CHANGEABLE))


class CheckInIn(RequestBody):
    present: bool = True


class Registration(BaseModel):
    id: str
    name: str
    email: str | None = None
    organisation_name: str | None = None
    organisation_proposed: bool | None = None
    status: str
    position: int | None = None
    attendance: str | None = None
    walk_in: bool | None = None
    registered_at: str | None = None
    remarks: str | None = None
    person_id: str | None = None
    organisation_id: str | None = None


class RegistrationOutcome(BaseModel):
    """``outcome``: registered, waitlisted, walk_in or duplicate (already registered)."""

    outcome: str
    registration: Registration
    link: str | None = None


class PublicRegistrationOutcome(BaseModel):
    """The public registration's answer: ``outcome`` registered or waitlisted, and the name as
    entered. The personal link goes by email; an address already registered answers the same."""

    outcome: str
    name: str


class PersonalRegistration(BaseModel):
    registration: Registration
    activity: PublicActivity


class FeedLink(BaseModel):
    url: str


class Participation(BaseModel):
    id: str
    activity_id: str
    title: str
    kind: str
    starts_at: str
    status: str
    attendance: str | None = None


class Session(BaseModel):
    id: str
    title: str
    starts_at: str
    ends_at: str
