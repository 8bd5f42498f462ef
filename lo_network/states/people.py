"""The people list: search, tag and organisation filter, sort and one page, all done by the graph.

The state keeps only the rows on screen. Filters, sort and page are mirrored in the URL
query (?q=&tag=&organisatie=&sort=&page=&size=) so a list can be bookmarked and linked to:
an organisation page links "alle personen" as /personen?organisatie=<id>."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

import reflex as rx

from lo_network.domain import people as domain
from lo_network.domain.errors import NotFound
from lo_network.domain.permissions import Permission
from lo_network.services import organisations as organisation_service
from lo_network.services import people as service
from lo_network.services.accounts import Actor
from lo_network.states.downloads import sheet_download
from lo_network.states.paged_list import PagedList
from lo_network.states.rows import Named
from lo_network.states.session import SessionState, requires

LIST_ROUTE = "/personen"
LOOKUP_LIMIT = 8


@dataclasses.dataclass
class PersonRow:
    id: str = ""
    name: str = ""
    organisations: str = ""
    job_title: str = ""
    email: str = ""
    phone: str = ""
    tags: list[str] = dataclasses.field(default_factory=list)


def row_of(record: dict) -> PersonRow:
    return PersonRow(
        id=record["id"],
        name=record.get("name") or "",
        organisations=", ".join(sorted(record.get("organisations") or [])),
        job_title=record.get("job_title") or "",
        email=record.get("email") or "",
        phone=record.get("phone") or "",
        tags=list(record.get("tags") or []),
    )


@dataclasses.dataclass
class OrganisationOption(Named):
    """An organisation named with its city: one hit of the organisation look-up (filter,
    employment forms)."""

    city: str = ""


def organisation_option(record: dict) -> OrganisationOption:
    """An organisation record as the look-up shows it."""
    return OrganisationOption.of(record, city=record.get("city") or "")


def organisation_options(actor: Actor, text: str) -> list[OrganisationOption]:
    """Organisations whose name starts with (or whose search text holds) ``text``."""
    if not text.strip():
        return []
    return [organisation_option(hit) for hit in organisation_service.lookup(actor, text, LOOKUP_LIMIT)]


class PeopleState(PagedList, SessionState):
    """One page of people and the controls that chose it."""

    tag: str = ""
    organisation_id: str = ""
    organisation_name: str = ""
    organisation_query: str = ""
    organisation_hits: list[OrganisationOption] = []
    rows: list[PersonRow] = []

    # ------------------------------------------------------------ display
    @rx.var
    def filtered(self) -> bool:
        return any((self.text, self.tag, self.organisation_id))

    @rx.var
    def new_person_url(self) -> str:
        """/personen/nieuw, with the filtered organisation as the new person's employer."""
        suffix = f"?{urlencode({'organisatie': self.organisation_id})}" if self.organisation_id else ""
        return f"{LIST_ROUTE}/nieuw{suffix}"

    def _sorts(self) -> tuple[str, ...]:
        return domain.SORTS

    def _filter_query(self) -> dict[str, str]:
        return {"q": self.text, "tag": self.tag, "organisatie": self.organisation_id}

    # ------------------------------------------------------------ the graph
    def _route(self) -> str:
        return LIST_ROUTE

    def _read_filters(self, params: dict[str, str]) -> None:
        self.tag = str(params.get("tag", ""))[:60]
        self._choose_organisation(str(params.get("organisatie", ""))[:64])

    def _choose_organisation(self, organisation_id: str) -> None:
        """Filter on one organisation (its name shown in the filter); an unknown id is dropped."""
        self.organisation_query = ""
        self.organisation_hits = []
        if organisation_id == self.organisation_id:
            return
        self.organisation_id = self.organisation_name = ""
        if organisation_id:
            try:
                record = organisation_service.get(self.signed_in_actor(), organisation_id)
            except NotFound:
                return
            self.organisation_id, self.organisation_name = organisation_id, record.get("name") or ""

    def _filters(self) -> dict[str, str]:
        return {"text": self.text, "tag": self.tag.strip().lower(), "organisation_id": self.organisation_id}

    def _list_page(self, filters: dict[str, str], cursor: str | None):
        return service.list_page(self.signed_in_actor(), filters, self.sort, self.page, self.page_size, cursor)

    def _show_rows(self, items: list[dict]) -> None:
        self.rows = [row_of(item) for item in items]

    # ------------------------------------------------------------ events

    @requires(Permission.VIEW)
    def set_tag(self, tag: str):
        self.tag = tag[:60]
        self.page = 1
        return self._fetch()

    @requires(Permission.VIEW)
    def look_up_organisation(self, text: str):
        """The organisation filter's look-up as you type (nothing is filtered yet)."""
        self.organisation_query = text[:100]
        self.organisation_hits = organisation_options(self.signed_in_actor(), self.organisation_query)

    @requires(Permission.VIEW)
    def filter_organisation(self, organisation_id: str):
        """Filter on the organisation picked from the look-up ('' removes the filter)."""
        self._choose_organisation(organisation_id)
        self.page = 1
        return self._fetch()

    @requires(Permission.VIEW)
    def clear_filters(self):
        self.text = self.tag = ""
        self._choose_organisation("")
        self.page = 1
        return self._fetch()

    # ------------------------------------------------------------ export
    @requires(Permission.VIEW)
    def export(self, fmt: str):
        """The list as filtered and sorted on screen, every page, as CSV or XLSX."""
        from lo_network.services import exports

        return sheet_download(*exports.people(self.signed_in_actor(), self._filters(), self.sort, fmt))
