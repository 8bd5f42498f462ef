"""The activity list: search, filters (kind, theme, region, upcoming/past), sort and one
page, all done by the graph; the state keeps only the rows on screen, the URL the query."""

from __future__ import annotations

import dataclasses

import reflex as rx

from lo_network.domain import activities as domain
from lo_network.domain import vocab
from lo_network.domain.permissions import Permission, allowed
from lo_network.services import activities as service
from lo_network.states.paged_list import PagedList
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


class ActivitiesState(PagedList, SessionState):
    kind: str = ""
    theme: str = ""
    region: str = ""
    when: str = "upcoming"
    sort: str = "starts"
    rows: list[ActivityRow] = []
    feed_url: str = ""

    @rx.var
    def can_edit_activities(self) -> bool:
        return allowed(self.user_role, Permission.EDIT_ACTIVITIES)

    @rx.var
    def feed_webcal(self) -> str:
        return service.webcal_url(self.feed_url) if self.feed_url else ""

    @rx.var
    def filtered(self) -> bool:
        return any((self.text, self.kind, self.theme, self.region, self.when != "upcoming"))

    def _sorts(self) -> tuple[str, ...]:
        return domain.SORTS

    def _default_sort(self) -> str:
        return "starts"

    def _filter_query(self) -> dict[str, str]:
        return {"q": self.text, "kind": self.kind, "theme": self.theme, "region": self.region,
                "when": "" if self.when == "upcoming" else (self.when or "all")}

    def _route(self) -> str:
        return LIST_ROUTE

    def _choices(self):
        return FILTERS

    def _read_filters(self, params: dict[str, str]) -> None:
        if "when" not in params:
            self.when = "upcoming"

    def _filters(self) -> dict[str, str]:
        return {"text": self.text, "kind": self.kind, "theme": self.theme, "region": self.region, "when": self.when}

    def _list_page(self, filters: dict[str, str], cursor: str | None):
        # activities are few: pages by offset (the cursor is not used)
        return service.list_page(self.signed_in_actor(), filters, self.sort, self.page, self.page_size)

    def _show_rows(self, items: list[dict]) -> None:
        self.rows = [row_of(item) for item in items]

    @requires(Permission.VIEW)
    def load(self):
        """on_load of /activiteiten."""
        self.feed_url = ""
        self._read_query()
        return self._fetch()

    @requires(Permission.VIEW)
    def clear_filters(self):
        self.text = self.kind = self.theme = self.region = ""
        self.when = "upcoming"
        self.page = 1
        return self._fetch()

    @requires(Permission.VIEW)
    def make_feed_link(self):
        """A personal calendar-feed link for the signed-in user (shown once, to them)."""
        self.feed_url = service.feed_url(service.new_feed_token(self.signed_in_actor()))
