"""Request and response bodies of API v1.

Request fields mirror ``domain.organisations.FIELDS`` and ``domain.people.FIELDS``; they are
all optional and loosely typed on purpose: the domain validates and names each bad field,
for the API exactly as for the UI. Unknown fields are refused, so a typo is not ignored."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from lo_network import services

T = TypeVar("T")


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OrganisationIn(_Body):
    name: str | None = None
    kind: str | None = None
    company_type: str | None = None
    size_class: str | None = None
    kvk: str | None = None
    website: str | None = None
    email: str | None = Field(None, description="algemeen e-mailadres / general email address")
    phone: str | None = Field(None, description="algemeen telefoonnummer / general phone number")
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    municipality: str | None = None
    region: str | None = None
    themes: list[str] | None = None
    status: str | None = None
    status_since: str | None = None
    tags: list[str] | None = None
    notes: str | None = None


class PersonIn(_Body):
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    job_title: str | None = None
    consent_basis: str | None = None
    consent_date: str | None = None
    consent_source: str | None = None
    tags: list[str] | None = None
    notes: str | None = None


class EmploymentIn(_Body):
    organisation_id: str | None = None
    role: str | None = None
    since: str | None = None
    until: str | None = None


class NewPersonIn(PersonIn):
    """A new person, optionally with a first employment."""

    employment: EmploymentIn | None = None


class OrganisationSummary(BaseModel):
    """One row of the organisation list."""

    id: str
    name: str
    kind: str
    company_type: str | None = None
    size_class: str | None = None
    kvk: str | None = None
    city: str | None = None
    region: str | None = None
    themes: list[str] = []
    status: str
    tags: list[str] = []
    updated_at: str | None = None


class OrganisationPerson(BaseModel):
    """Someone who works or worked at the organisation (a WORKS_AT link)."""

    id: str
    person_id: str
    person_name: str | None = None
    email: str | None = None
    job_title: str | None = None
    role: str | None = None
    since: str | None = None
    until: str | None = None


class Organisation(OrganisationSummary):
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    street: str | None = None
    postcode: str | None = None
    municipality: str | None = None
    status_since: str | None = None
    status_log: list[str] = []
    notes: str | None = None
    created_at: str | None = None
    people: list[OrganisationPerson] = []


class PersonSummary(BaseModel):
    """One row of the people list; ``organisations`` names their current employers."""

    id: str
    name: str
    email: str | None = None
    phone: str | None = None
    job_title: str | None = None
    tags: list[str] = []
    consent_basis: str | None = None
    updated_at: str | None = None
    organisations: list[str] = []


class Employment(BaseModel):
    id: str
    organisation_id: str
    organisation_name: str | None = None
    role: str | None = None
    since: str | None = None
    until: str | None = None


class Person(BaseModel):
    id: str
    name: str
    first_name: str | None = None
    last_name: str
    email: str | None = None
    phone: str | None = None
    job_title: str | None = None
    consent_basis: str | None = None
    consent_date: str | None = None
    consent_source: str | None = None
    tags: list[str] = []
    notes: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    employments: list[Employment] = []


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    page: int
    page_size: int
    pages: int
    next_cursor: str | None = Field(
        None, description="pass as `cursor` (with page+1 and the same filters) to read the next page "
                          "after this one's last row: as fast deep in the list as on page 1")

    @classmethod
    def of(cls, page: services.Page) -> "Page[T]":
        return cls(items=page.items, total=page.total, page=page.page, page_size=page.page_size,
                   pages=page.pages, next_cursor=page.next_cursor)


class Health(BaseModel):
    graph: str


class ExistingRecord(BaseModel):
    """A record that already holds what the input asks for."""

    id: str
    name: str | None = None


class Problem(BaseModel):
    """Every error answer: a message, and for bad input the message per field."""

    detail: str
    errors: dict[str, str] | None = None
    existing: list[ExistingRecord] | None = Field(
        None, description="409: the records the input clashes with (open one, or confirm)")
    confirm: str | None = Field(None, description="409: the query parameter that confirms the write anyway")
