"""What every list page shares: the search box, sort, page and page size, the pager's text
and events, their place in the URL query (?q=&sort=&page=&size=), loading a page and keyset
paging. Mixed into a list state (a SessionState) that names its route in ``_route``, asks its
service in ``_list_page``, turns records into rows in ``_show_rows``, names its sorts in
``_sorts``, its select filters in ``_choices`` and its filters in ``_filters`` (for the
service) and ``_filter_query`` (for the URL); each list gets its own copy of these vars."""

from __future__ import annotations

import json
from typing import Any, Iterable
from urllib.parse import urlencode

import reflex as rx

from lo_network.domain.permissions import Permission
from lo_network.i18n import range_label
from lo_network.services import PAGE_SIZES, Page
from lo_network.states.form_values import from_select
from lo_network.states.session import requires


class PagedList(rx.State, mixin=True):
    text: str = ""  # the search box
    sort: str = "name"
    page: int = 1
    page_size: int = PAGE_SIZES[0]
    total: int = 0
    loaded: bool = False
    # backend only: keyset cursors by page number, valid for the list view in _cursor_view
    _cursors: dict[int, str] = {}
    _cursor_view: str = ""

    # ------------------------------------------------------------ what a list names
    def _sorts(self) -> tuple[str, ...]:
        return ("name",)

    def _default_sort(self) -> str:
        """The sort a list starts with (left out of its URL)."""
        return "name"

    def _filter_query(self) -> dict[str, str]:
        """The list's filters as URL query parameters ('' for one not set)."""
        return {}

    def _route(self) -> str:
        raise NotImplementedError

    def _choices(self) -> dict[str, Iterable[str]]:
        """The list's select filters: var name -> the values it may take (same name in the URL)."""
        return {}

    def _read_filters(self, params: dict[str, str]) -> None:
        """The list's other filters from the URL query."""

    def _set_other_filter(self, name: str, value: str) -> None:
        """A filter that is not one of ``_choices`` (e.g. a tag typed in)."""

    def _filters(self) -> dict[str, str]:
        """The filters on screen, as the service takes them (the list and its export)."""
        raise NotImplementedError

    def _list_page(self, filters: dict[str, str], cursor: str | None) -> Page:
        """The service's page for ``filters`` and this list's sort, page and size."""
        raise NotImplementedError

    def _show_rows(self, items: list[dict]) -> None:
        """The records of the page, as the rows on screen."""
        raise NotImplementedError

    # ------------------------------------------------------------ loading
    def _read_query(self) -> None:
        """Search text, filters, sort and page from the URL; anything unknown falls back to
        the default."""
        params = self.router.url.query_parameters
        self.text = str(params.get("q", ""))[:100]
        for name, words in self._choices().items():
            value = params.get(name, "")
            setattr(self, name, value if value in words else "")
        self._read_filters(params)
        self._read_paging(params)

    def _fetch(self) -> Any:
        self.loaded = False  # stays False (no stale rows) when the graph cannot be reached
        result = self._read_page(self._filters())
        self._show_rows(result.items)
        return self._show_page(result, self._route())

    # ------------------------------------------------------------ reading a page
    def _read_page(self, filters: dict[str, str]) -> Page:
        """The page on screen. A page reached with "next" is read by keyset (after the last
        row of the page before, whose cursor was kept), as fast deep in the list as page 1;
        a page typed in the URL, or going back to one never read, is read by offset."""
        view = json.dumps([filters, self.sort, self.page_size], sort_keys=True)
        if view != self._cursor_view:
            self._cursor_view, self._cursors = view, {}
        result = self._list_page(filters, self._cursors.get(self.page))
        if result.items == [] and result.total and self.page > result.pages:
            self.page = result.pages  # the list shrank under us: show its last page
            self._cursors = {}
            result = self._list_page(filters, None)
        if result.next_cursor:  # assigned, not changed in place, so the state saves it
            self._cursors = {**self._cursors, self.page + 1: result.next_cursor}
        return result

    # ------------------------------------------------------------ display
    @rx.var
    def list_url(self) -> str:
        """This list as a link (filters, sort and page in the query)."""
        return self._route() + self._query()

    @rx.var
    def has_previous(self) -> bool:
        return self.page > 1

    @rx.var
    def has_next(self) -> bool:
        return self.page * self.page_size < self.total

    @rx.var
    def range_text(self) -> str:
        """"1–25 van 1.234" (or "1–25 of 1,234")."""
        return range_label(self.page, self.page_size, self.total, self.lang)

    def _query(self) -> str:
        params = dict(
            self._filter_query(),
            sort="" if self.sort == self._default_sort() else self.sort,
            page="" if self.page == 1 else str(self.page),
            size="" if self.page_size == PAGE_SIZES[0] else str(self.page_size),
        )
        query = urlencode({k: v for k, v in params.items() if v})
        return f"?{query}" if query else ""

    def _read_paging(self, params: dict[str, str]) -> None:
        """Sort, page and size from the URL query; anything unknown falls back to the default."""
        sort = params.get("sort", self._default_sort())
        self.sort = sort if sort in self._sorts() else self._default_sort()
        page = str(params.get("page", ""))
        self.page = int(page) if page.isdigit() and int(page) > 0 else 1
        size = str(params.get("size", ""))
        self.page_size = int(size) if size.isdigit() and int(size) in PAGE_SIZES else PAGE_SIZES[0]

    def _show_page(self, result: Page, route: str):
        """Total and loaded from ``result``; the URL follows the list (no new history entry)."""
        self.total = result.total
        self.loaded = True
        url = route + self._query()
        return rx.call_script(f"window.history.replaceState(window.history.state, '', {json.dumps(url)})")

    # ------------------------------------------------------------ events
    @requires(Permission.VIEW)
    def load(self):
        """on_load of the list's page."""
        self._read_query()
        return self._fetch()

    @requires(Permission.VIEW)
    def search(self, text: str):
        self.text = text[:100]
        self.page = 1
        return self._fetch()

    @requires(Permission.VIEW)
    def set_filter(self, name: str, value: str):
        choices = self._choices()
        if name in choices:
            value = from_select(value)
            setattr(self, name, value if value in choices[name] else "")
        else:
            self._set_other_filter(name, value)
        self.page = 1
        return self._fetch()

    @requires(Permission.VIEW)
    def set_sort(self, sort: str):
        if sort in self._sorts():
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
