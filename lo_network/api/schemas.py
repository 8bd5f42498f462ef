"""Request and response bodies of API v1.

The organisation's and the person's fields come from their declarations
(``domain.organisations.DECLARED``, ``domain.people.DECLARED``). Request fields are
all optional and loosely typed on purpose: the domain validates and names each bad field,
for the API exactly as for the UI. Unknown fields are refused, so a typo is not ignored."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, create_model

from lo_network import services
from lo_network.domain import fields
from lo_network.domain import organisations as organisation_domain
from lo_network.domain import people as person_domain

T = TypeVar("T")


# every request body's base: an unknown field is refused, so a typo is not ignored
class RequestBody(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _number_or_text(value: Any) -> Any:
    """An amount as sent: a number or text (the domain reads and checks it), never a bool or a list."""
    if value is None or (isinstance(value, (int, float, str)) and not isinstance(value, bool)):
        return value
    raise ValueError("geen bedrag in euro's / not an amount in euros")


# an amount in euros: a number or text as typed (the domain reads "1.250,50" and "1250.50")
Euros = Annotated[Any, BeforeValidator(_number_or_text),
                  WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0}, {"type": "string"}, {"type": "null"}],
                                  "examples": [1250.5, "1.250,50"]})]


def _sent(f: fields.Field) -> Any:
    """How a request may send a declared field: text, a list of texts, or a number as number or text."""
    if f.many:
        return list[str] | None
    if f.widget == "money":
        return Euros
    return int | str | None if f.whole else str | None


def request_model(name: str, declared: Iterable[fields.Field]) -> type[RequestBody]:
    """A request body of every declared field, each optional: the domain checks them."""
    return create_model(name, __base__=RequestBody, __module__=__name__, **{
        f.name: (_sent(f), Field(None, description=f.description or None)) for f in declared})


def read_fields(declared: Iterable[fields.Field]) -> dict[str, Any]:
    """The declared fields as a read returns them: a required one always, a list as a list,
    an amount or a whole number as a number."""
    out: dict[str, Any] = {}
    for f in declared:
        number = float if f.widget == "money" else int if f.whole else None
        if f.many:
            kind, default = list[str], []
        elif number is not None:
            kind, default = number | None, None
        else:
            kind, default = (str, ...) if f.required else (str | None, None)
        out[f.name] = (kind, Field(default, description=f.description or None))
    return out


OrganisationIn = request_model("OrganisationIn", organisation_domain.DECLARED)
PersonIn = request_model("PersonIn", person_domain.DECLARED)


class EmploymentIn(RequestBody):
    organisation_id: str | None = None
    role: str | None = None
    since: str | None = None
    until: str | None = None


class NewPersonIn(PersonIn):
    """A new person, optionally with a first employment."""

    employment: EmploymentIn | None = None


OrganisationSummary = create_model(
    "OrganisationSummary", __doc__="One row of the organisation list.", __module__=__name__, id=(str, ...),
    **read_fields(f for f in organisation_domain.DECLARED if f.listed), updated_at=(str | None, None))


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


Organisation = create_model(
    "Organisation", __base__=OrganisationSummary, __doc__=None, __module__=__name__,
    **read_fields(f for f in organisation_domain.DECLARED if not f.listed), status_log=(list[str], []),
    created_at=(str | None, None), people=(list[OrganisationPerson], []))


PersonSummary = create_model(
    "PersonSummary", __doc__="One row of the people list; ``organisations`` names their current employers.",
    __module__=__name__, id=(str, ...), name=(str, ...), **read_fields(f for f in person_domain.DECLARED if f.listed),
    updated_at=(str | None, None), organisations=(list[str], []))


class Employment(BaseModel):
    id: str
    organisation_id: str
    organisation_name: str | None = None
    role: str | None = None
    since: str | None = None
    until: str | None = None


Person = create_model(
    "Person", __module__=__name__, id=(str, ...), name=(str, ...), **read_fields(person_domain.DECLARED),
    created_at=(str | None, None), updated_at=(str | None, None), employments=(list[Employment], []))


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
