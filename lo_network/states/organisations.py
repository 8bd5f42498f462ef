"""The organisation list: search, filters, sort and one page, all done by the graph.

The state keeps only the rows on screen. Filters, sort and page are mirrored in the URL
query (?q=&kind=&region=&theme=&status=&tag=&sort=&page=&size=) so a list can be
bookmarked, shared and reached again with the browser's back button."""

from __future__ import annotations

import dataclasses
import json
from urllib.parse import urlencode

import reflex as rx

from lo_network.components.forms import from_select
from lo_network.domain import organisations as domain
from lo_network.domain import vocab
from lo_network.domain.dates import dutch
from lo_network.domain.permissions import Permission
from lo_network.services import PAGE_SIZES
from lo_network.services import organisations as service
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


def _thousands(number: int, lang: str) -> str:
    text = f"{number:,}"
    return text if lang == "en" else text.replace(",", ".")


class OrganisationsState(SessionState):
    """One page of organisations and the controls that chose it."""

    text: str = ""
    kind: str = ""
    region: str = ""
    theme: str = ""
    status: str = ""
    tag: str = ""
    sort: str = "name"
    page: int = 1
    page_size: int = PAGE_SIZES[0]
    rows: list[OrganisationRow] = []
    total: int = 0
    loaded: bool = False

    # ------------------------------------------------------------ display
    @rx.var
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @rx.var
    def has_previous(self) -> bool:
        return self.page > 1

    @rx.var
    def has_next(self) -> bool:
        return self.page * self.page_size < self.total

    @rx.var
    def range_text(self) -> str:
        """"1–25 van 1.234" (or "1–25 of 1,234")."""
        if self.total == 0:
            return "0"
        first = (self.page - 1) * self.page_size + 1
        last = min(self.page * self.page_size, self.total)
        word = "of" if self.lang == "en" else "van"
        return f"{_thousands(first, self.lang)}–{_thousands(last, self.lang)} {word} {_thousands(self.total, self.lang)}"

    @rx.var
    def filtered(self) -> bool:
        return any((self.text, self.kind, self.region, self.theme, self.status, self.tag))

    @rx.var
    def list_url(self) -> str:
        """This list as a link (filters, sort and page in the query)."""
        return LIST_ROUTE + self._query()

    def _query(self) -> str:
        params = {
            "q": self.text, "kind": self.kind, "region": self.region, "theme": self.theme,
            "status": self.status, "tag": self.tag,
            "sort": "" if self.sort == "name" else self.sort,
            "page": "" if self.page == 1 else str(self.page),
            "size": "" if self.page_size == PAGE_SIZES[0] else str(self.page_size),
        }
        query = urlencode({k: v for k, v in params.items() if v})
        return f"?{query}" if query else ""

    # ------------------------------------------------------------ the graph
    def _read_query(self) -> None:
        """Filters, sort and page from the URL; anything unknown falls back to the default."""
        params = self.router.url.query_parameters
        self.text = str(params.get("q", ""))[:100]
        for name, words in FILTERS.items():
            value = params.get(name, "")
            setattr(self, name, value if value in words else "")
        self.tag = str(params.get("tag", ""))[:60]
        sort = params.get("sort", "name")
        self.sort = sort if sort in domain.SORTS else "name"
        self.page = int(params["page"]) if params.get("page", "").isdigit() and int(params["page"]) > 0 else 1
        size = params.get("size", "")
        self.page_size = int(size) if size.isdigit() and int(size) in PAGE_SIZES else PAGE_SIZES[0]

    def _fetch(self):
        self.loaded = False  # stays False (no stale rows) when the graph cannot be reached
        filters = {"text": self.text, "kind": self.kind, "region": self.region, "theme": self.theme,
                   "status": self.status, "tag": self.tag.strip().lower()}
        result = service.list_page(self.signed_in_actor(), filters, self.sort, self.page, self.page_size)
        if result.items == [] and result.total and self.page > result.pages:
            self.page = result.pages  # the list shrank under us: show its last page
            result = service.list_page(self.signed_in_actor(), filters, self.sort, self.page, self.page_size)
        self.rows = [row_of(item) for item in result.items]
        self.total = result.total
        self.loaded = True
        url = LIST_ROUTE + self._query()
        return rx.call_script(f"window.history.replaceState(window.history.state, '', {json.dumps(url)})")

    # ------------------------------------------------------------ events
    @requires(Permission.VIEW)
    def load(self):
        """on_load of /organisaties."""
        self._read_query()
        return self._fetch()

    @requires(Permission.VIEW)
    def search(self, text: str):
        self.text = text[:100]
        self.page = 1
        return self._fetch()

    @requires(Permission.VIEW)
    def set_filter(self, name: str, value: str):
        if name in FILTERS:
            value = from_select(value)
            setattr(self, name, value if value in FILTERS[name] else "")
        elif name == "tag":
            self.tag = value[:60]
        self.page = 1
        return self._fetch()

    @requires(Permission.VIEW)
    def clear_filters(self):
        self.text = self.kind = self.region = self.theme = self.status = self.tag = ""
        self.page = 1
        return self._fetch()

    @requires(Permission.VIEW)
    def set_sort(self, sort: str):
        if sort in domain.SORTS:
            self.sort = sort
            self.page = 1
        return self._fetch()

    @requires(Permission.VIEW)
    def set_page_size(self, size: str):
        if size.isdigit() and int(size) in PAGE_SIZES:
            self.page_size = int(size)
            self.page = 1
        return self._fetch()

    @requires(Permission.VIEW)
    def previous_page(self):
        self.page = max(1, self.page - 1)
        return self._fetch()

    @requires(Permission.VIEW)
    def next_page(self):
        if self.page * self.page_size < self.total:
            self.page += 1
        return self._fetch()

    # ------------------------------------------------------------ export (issue 5)
    @requires(Permission.VIEW)
    def export(self, fmt: str):
        """The list as filtered and sorted on screen, every page, as CSV or XLSX."""
        from lo_network.services import exports

        filters = {"text": self.text, "kind": self.kind, "region": self.region, "theme": self.theme,
                   "status": self.status, "tag": self.tag.strip().lower()}
        name, data = exports.organisations(self.signed_in_actor(), filters, self.sort, fmt)
        return rx.download(data=data, filename=name, mime_type=exports.MEDIA_TYPES[fmt].split(";")[0])
