"""The activity list: search, filters (kind, theme, region, upcoming/past), sort and one
page, all done by the graph; the state keeps only the rows on screen, the URL the query."""

from __future__ import annotations

import dataclasses
import json
from urllib.parse import urlencode

import reflex as rx

from lo_network.components.forms import from_select
from lo_network.domain import activities as domain
from lo_network.domain import vocab
from lo_network.domain.permissions import Permission
from lo_network.services import PAGE_SIZES
from lo_network.services import activities as service
from lo_network.states.organisations import _thousands
from lo_network.states.session import SessionState, requires

LIST_ROUTE = "/activiteiten"
FILTERS = {"kind": domain.KINDS, "theme": vocab.THEMES, "region": vocab.REGIONS, "when": domain.WHEN}


@dataclasses.dataclass
class ActivityRow:
    id: str = ""
    title: str = ""
    kind: str = ""
    starts: str = ""
    location: str = ""
    visibility: str = ""
    seats: str = ""
    waitlisted: int = 0


def row_of(record: dict) -> ActivityRow:
    capacity = record.get("capacity")
    registered = record.get("registered") or 0
    return ActivityRow(
        id=record["id"], title=record.get("title") or "", kind=record.get("kind") or "",
        starts=domain.dutch_datetime(record.get("starts_at")),
        location=record.get("location") or ("online" if record.get("online_url") else ""),
        visibility=record.get("visibility") or "",
        seats=f"{registered} / {capacity}" if capacity else f"{registered} / ∞",
        waitlisted=record.get("waitlisted") or 0,
    )


class ActivitiesState(SessionState):
    text: str = ""
    kind: str = ""
    theme: str = ""
    region: str = ""
    when: str = "upcoming"
    sort: str = "starts"
    page: int = 1
    page_size: int = PAGE_SIZES[0]
    rows: list[ActivityRow] = []
    total: int = 0
    loaded: bool = False
    feed_url: str = ""

    @rx.var
    def can_edit_activities(self) -> bool:
        from lo_network.domain.permissions import allowed

        return allowed(self.user_role, Permission.EDIT_ACTIVITIES)

    @rx.var
    def has_previous(self) -> bool:
        return self.page > 1

    @rx.var
    def has_next(self) -> bool:
        return self.page * self.page_size < self.total

    @rx.var
    def range_text(self) -> str:
        if self.total == 0:
            return "0"
        first = (self.page - 1) * self.page_size + 1
        last = min(self.page * self.page_size, self.total)
        word = "of" if self.lang == "en" else "van"
        return f"{_thousands(first, self.lang)}–{_thousands(last, self.lang)} {word} {_thousands(self.total, self.lang)}"

    @rx.var
    def filtered(self) -> bool:
        return any((self.text, self.kind, self.theme, self.region, self.when != "upcoming"))

    def _query(self) -> str:
        params = {"q": self.text, "kind": self.kind, "theme": self.theme, "region": self.region,
                  "when": "" if self.when == "upcoming" else (self.when or "all"),
                  "sort": "" if self.sort == "starts" else self.sort,
                  "page": "" if self.page == 1 else str(self.page),
                  "size": "" if self.page_size == PAGE_SIZES[0] else str(self.page_size)}
        query = urlencode({k: v for k, v in params.items() if v})
        return f"?{query}" if query else ""

    def _read_query(self) -> None:
        params = self.router.url.query_parameters
        self.text = str(params.get("q", ""))[:100]
        for name, words in FILTERS.items():
            value = params.get(name, "")
            setattr(self, name, value if value in words else "")
        if "when" not in params:
            self.when = "upcoming"
        sort = params.get("sort", "starts")
        self.sort = sort if sort in domain.SORTS else "starts"
        self.page = int(params["page"]) if params.get("page", "").isdigit() and int(params["page"]) > 0 else 1
        size = params.get("size", "")
        self.page_size = int(size) if size.isdigit() and int(size) in PAGE_SIZES else PAGE_SIZES[0]

    def _fetch(self):
        self.loaded = False
        filters = {"text": self.text, "kind": self.kind, "theme": self.theme, "region": self.region,
                   "when": self.when}
        result = service.list_page(self.signed_in_actor(), filters, self.sort, self.page, self.page_size)
        if result.items == [] and result.total and self.page > result.pages:
            self.page = result.pages
            result = service.list_page(self.signed_in_actor(), filters, self.sort, self.page, self.page_size)
        self.rows = [row_of(item) for item in result.items]
        self.total = result.total
        self.loaded = True
        url = LIST_ROUTE + self._query()
        return rx.call_script(f"window.history.replaceState(window.history.state, '', {json.dumps(url)})")

    @requires(Permission.VIEW)
    def load(self):
        """on_load of /activiteiten."""
        self.feed_url = ""
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
        self.page = 1
        return self._fetch()

    @requires(Permission.VIEW)
    def clear_filters(self):
        self.text = self.kind = self.theme = self.region = ""
        self.when = "upcoming"
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

    @requires(Permission.VIEW)
    def make_feed_link(self):
        """A personal calendar-feed link for the signed-in user (shown once, to them)."""
        self.feed_url = service.feed_url(service.new_feed_token(self.signed_in_actor()))
