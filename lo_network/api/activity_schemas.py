"""Request and response bodies of the activity and registration routes (API v1).

Like the organisation bodies, request fields are optional and loosely typed: the domain
validates and names each bad field; unknown fields are refused."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, WithJsonSchema


def _number_or_text(value: Any) -> Any:
    """An amount as sent: a number or text (the domain reads and checks it), never a bool or a list."""
    if value is None or (isinstance(value, (int, float, str)) and not isinstance(value, bool)):
        return value
    raise ValueError("geen bedrag in euro's / not an amount in euros")


# an amount in euros: a number or text as typed (the domain reads "1.250,50" and "1250.50")
Euros = Annotated[Any, BeforeValidator(_number_or_text),
                  WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0}, {"type": "string"}, {"type": "null"}],
                                  "examples": [1250.5, "1.250,50"]})]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ActivityIn(_Body):
    title: str | None = None
    kind: str | None = None
    themes: list[str] | None = None
    organiser_ids: list[str] | None = None
    region: str | None = None
    corridor: str | None = None
    programme_line: str | None = None  # regional / international / themes; empty: the kind's line
    budget_planned: Euros = None  # euros: 1250.50 or "1.250,50"
    budget_spent: Euros = None  # euros, the realised cost
    starts_at: str | None = None
    ends_at: str | None = None
    location: str | None = None
    online_url: str | None = None
    description: str | None = None
    visibility: str | None = None
    capacity: int | str | None = None
    registration_opens: str | None = None
    registration_closes: str | None = None
    repeat_every: str | None = None
    repeat_count: int | str | None = None
    project_id: str | None = None


class Organiser(BaseModel):
    id: str
    name: str | None = None


class ActivitySummary(BaseModel):
    id: str
    title: str
    kind: str
    themes: list[str] = []
    region: str | None = None
    corridor: str | None = None
    programme_line: str | None = None
    budget_planned: float | None = None  # euros; never in the public bodies
    budget_spent: float | None = None
    starts_at: str
    ends_at: str
    location: str | None = None
    online_url: str | None = None
    visibility: str
    capacity: int | None = None
    registered: int = 0
    waitlisted: int = 0


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


class PartnerIn(_Body):
    role: str | None = None


class MilestoneIn(_Body):
    title: str | None = None
    due: str | None = None


class MilestoneDoneIn(_Body):
    done: bool


class Activity(ActivitySummary):
    description: str | None = None
    registration_opens: str | None = None
    registration_closes: str | None = None
    organisers: list[Organiser] = []
    walk_ins: int = 0
    present: int = 0
    ics_sequence: int = 0
    series_id: str | None = None
    series_index: int | None = None
    project_id: str | None = None
    project: ProjectRef | None = None
    partners: list[Partner] = []
    milestones: list[Milestone] = []
    sessions: list[SessionRef] = []
    created_at: str | None = None
    updated_at: str | None = None


class PublicActivity(BaseModel):
    """What the public registration page shows (no counts of people)."""

    id: str
    title: str
    kind: str
    starts_at: str
    ends_at: str
    location: str | None = None
    online_url: str | None = None
    description: str | None = None
    registration_opens: str | None = None
    registration_closes: str | None = None


class RegistrantIn(_Body):
    name: str | None = None
    email: str | None = None
    organisation_name: str | None = None
    remarks: str | None = None


class PublicRegistrationIn(RegistrantIn):
    consent: bool | str | None = None


class RegisterPeopleIn(_Body):
    person_ids: list[str]


class RegistrationChangeIn(_Body):
    name: str | None = None
    organisation_name: str | None = None
    remarks: str | None = None


class CheckInIn(_Body):
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
