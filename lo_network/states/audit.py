"""/audit: the searchable audit log, for administrators (Permission.PRIVACY).

The search lives in the URL (/audit?actor=...&entity=person&page=2): the one guarded
handler is the page's on_load, which reads the query, checks the right and reads the page
from SQL. The form handlers only turn what was typed into such a URL (nothing is read or
stored there), so a search can be bookmarked and every read is checked on the server."""

from __future__ import annotations

from urllib.parse import urlencode

import reflex as rx

from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission
from lo_network.i18n import range_label
from lo_network.services import audit as service
from lo_network.services.audit import Entry, clean_filters
from lo_network.states.form_values import errors_from
from lo_network.states.session import SessionState, requires

ROUTE = "/audit"
PAGE_SIZE = 25
FIELDS = ("actor", "entity", "action", "since", "until", "text")


def _blank() -> dict[str, str]:
    return {name: "" for name in FIELDS}


def url_of(filters: dict[str, str], page: int = 1) -> str:
    query = {k: v for k, v in filters.items() if k in FIELDS and v}
    if page > 1:
        query["page"] = str(page)
    return ROUTE + (f"?{urlencode(query)}" if query else "")


class AuditState(SessionState):
    entries: list[Entry] = []
    total: int = 0
    page: int = 1
    filters: dict[str, str] = _blank()
    errors: dict[str, list[str]] = {}
    loaded: bool = False

    @rx.var
    def has_previous(self) -> bool:
        return self.page > 1

    @rx.var
    def has_next(self) -> bool:
        return self.page * PAGE_SIZE < self.total

    @rx.var
    def previous_url(self) -> str:
        return url_of(self.filters, max(1, self.page - 1))

    @rx.var
    def next_url(self) -> str:
        return url_of(self.filters, self.page + 1)

    @rx.var
    def range_text(self) -> str:
        return range_label(self.page, PAGE_SIZE, self.total, self.lang)

    @requires(Permission.PRIVACY, graph=False)
    def load(self):
        """on_load of /audit?actor=&entity=&action=&since=&until=&text=&page=: one page of entries."""
        query = self.router.url.query_parameters
        self.filters = {name: str(query.get(name, ""))[:200] for name in FIELDS}
        try:
            self.page = max(1, min(100_000, int(str(query.get("page", "1")))))
        except ValueError:
            self.page = 1
        self.errors = {}
        self.loaded = False
        try:
            self.entries, self.total = service.search(self.signed_in_actor(), self.filters, self.page, PAGE_SIZE)
        except ValidationError as exc:  # a hand-made URL with a bad date
            self.errors = errors_from(exc)
            self.entries, self.total = [], 0
        self.loaded = True

    def search(self, form_data: dict):
        """The search form: checks the dates and goes to the URL of that search (load reads it)."""
        filters = dict(self.filters, **{k: str(form_data.get(k) or "").strip() for k in FIELDS
                                        if k not in ("entity", "action")})
        try:
            clean_filters(filters)  # dates and kind only: no SQL
        except ValidationError as exc:
            self.errors = errors_from(exc)
            return None
        return rx.redirect(url_of(filters))

    def set_entity(self, value: str):
        """The kind-of-record select: goes to the URL of that search at once."""
        return rx.redirect(url_of(dict(self.filters, entity="" if value == "all" else value)))

    def set_action(self, value: str):
        """The action select: goes to the URL of that search at once."""
        return rx.redirect(url_of(dict(self.filters, action="" if value == "all" else value)))
