"""The organisation list: search, filters, sort and one page, all done by the graph.

The state keeps only the rows on screen. Filters, sort and page are mirrored in the URL
query (?q=&kind=&region=&theme=&status=&tag=&sort=&page=&size=) so a list can be
bookmarked, shared and reached again with the browser's back button."""

from __future__ import annotations

import dataclasses

import reflex as rx

from lo_network.domain import organisations as domain
from lo_network.domain import vocab
from lo_network.domain.dates import dutch
from lo_network.domain.permissions import Permission
from lo_network.services import organisations as service
from lo_network.states.downloads import sheet_download
from lo_network.states.paged_list import PagedList
from lo_network.states.session import SessionState, requires

LIST_ROUTE = "/organisaties"
FILTERS = {"kind": vocab.KINDS, "region": vocab.REGIONS, "theme": vocab.THEMES, "status": vocab.STATUSES}


@dataclasses.dataclass
class OrganisationRow:
    id: str = ""
    name: str = ""
    kind: str = ""
    company_type: str = ""
    city: str = ""
    region: str = ""
    status: str = ""
    themes: list[str] = dataclasses.field(default_factory=list)
    tags: list[str] = dataclasses.field(default_factory=list)
    updated: str = ""


def row_of(record: dict) -> OrganisationRow:
    return OrganisationRow(
        id=record["id"],
        name=record.get("name") or "",
        kind=record.get("kind") or "",
        company_type=record.get("company_type") or "",
        city=record.get("city") or "",
        region=record.get("region") or "",
        status=record.get("status") or "",
        themes=list(record.get("themes") or []),
        tags=list(record.get("tags") or []),
        updated=dutch(record.get("updated_at")),
    )


class OrganisationsState(PagedList, SessionState):
    """One page of organisations and the controls that chose it."""

    kind: str = ""
    region: str = ""
    theme: str = ""
    status: str = ""
    tag: str = ""
    rows: list[OrganisationRow] = []

    # ------------------------------------------------------------ display
    @rx.var
    def filtered(self) -> bool:
        return any((self.text, self.kind, self.region, self.theme, self.status, self.tag))

    def _sorts(self) -> tuple[str, ...]:
        return domain.SORTS

    def _filter_query(self) -> dict[str, str]:
        return {"q": self.text, "kind": self.kind, "region": self.region, "theme": self.theme,
                "status": self.status, "tag": self.tag}

    # ------------------------------------------------------------ the graph
    def _route(self) -> str:
        return LIST_ROUTE

    def _choices(self):
        return FILTERS

    def _read_filters(self, params: dict[str, str]) -> None:
        self.tag = str(params.get("tag", ""))[:60]

    def _set_other_filter(self, name: str, value: str) -> None:
        if name == "tag":
            self.tag = value[:60]

    def _filters(self) -> dict[str, str]:
        return {"text": self.text, "kind": self.kind, "region": self.region, "theme": self.theme,
                "status": self.status, "tag": self.tag.strip().lower()}

    def _list_page(self, filters: dict[str, str], cursor: str | None):
        return service.list_page(self.signed_in_actor(), filters, self.sort, self.page, self.page_size, cursor)

    def _show_rows(self, items: list[dict]) -> None:
        self.rows = [row_of(item) for item in items]

    # ------------------------------------------------------------ events
    @requires(Permission.VIEW)
    def clear_filters(self):
        self.text = self.kind = self.region = self.theme = self.status = self.tag = ""
        self.page = 1
        return self._fetch()

    # ------------------------------------------------------------ export
    @requires(Permission.VIEW)
    def export(self, fmt: str):
        """The list as filtered and sorted on screen, every page, as CSV or XLSX."""
        from lo_network.services import exports

        return sheet_download(*exports.organisations(self.signed_in_actor(), self._filters(), self.sort, fmt))
