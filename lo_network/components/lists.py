"""A paged list page: search box, filters and sort, its table, pager with page size,
badges, empty state, and the body that holds them."""

from __future__ import annotations

from typing import Any, Callable

import reflex as rx

from lo_network.components.forms import icon_input
from lo_network.components.layout import card, loading
from lo_network.domain import vocab
from lo_network.i18n import t, vocab_label
from lo_network.services import PAGE_SIZES

STATUS_COLORS = {"prospect": "gray", "participant": "blue", "partner": "teal", "former": "orange"}


def search_box(prefix: str, value: rx.Var, on_change: Callable, placeholder: rx.Var | str) -> rx.Component:
    """Search as you type (debounced): id ``{prefix}-search``, name ``q``."""
    return icon_input(
        "search",
        placeholder,
        id=f"{prefix}-search",
        name="q",
        type="search",
        value=value,
        on_change=on_change,
        debounce_timeout=350,
        size="3",
    )


def tag_filter(value: rx.Var, on_change: Any, placeholder: rx.Var | str, label: rx.Var | str) -> rx.Component:
    """The free-text tag filter of a list (id ``filter-tag``, name ``tag``), debounced."""
    return rx.box(
        rx.input(id="filter-tag", name="tag", value=value, on_change=on_change, debounce_timeout=400,
                 placeholder=placeholder, aria_label=label, width="100%"),
        min_width="150px",
        flex="1",
    )


def list_controls(prefix: str, state: Any, key_prefix: str, sorts: tuple[str, ...],
                  *filters: rx.Component) -> rx.Component:
    """Above a list: its search box (placeholder ``{key_prefix}.search_placeholder``), its
    ``filters`` in a row that wraps, and the sort and "clear filters" under them."""
    return rx.vstack(
        search_box(prefix, state.text, state.search, t(f"{key_prefix}.search_placeholder")),
        rx.flex(*filters, spacing="2", wrap="wrap", width="100%", align="start"),
        sort_and_clear(prefix, state, sorts, key_prefix),
        spacing="3",
        width="100%",
    )


def sort_and_clear(prefix: str, state: Any, sorts: tuple[str, ...], key_prefix: str) -> rx.Component:
    """The row under a list's filters: its sort (id ``{prefix}-sort``, labels
    ``{key_prefix}.sort.<sort>``) and, while a filter is set, "clear filters"
    (id ``{prefix}-clear-filters``). ``state`` is a PagedList state with ``filtered``
    and ``clear_filters``."""
    return rx.flex(
        rx.hstack(
            rx.text(t("common.sort"), size="2", color_scheme="gray", white_space="nowrap"),
            rx.select.root(
                rx.select.trigger(id=f"{prefix}-sort", aria_label=t("common.sort")),
                rx.select.content(*[rx.select.item(t(f"{key_prefix}.sort.{s}"), value=s) for s in sorts]),
                value=state.sort,
                on_change=state.set_sort,
                size="2",
            ),
            align="center",
            spacing="2",
        ),
        rx.cond(
            state.filtered,
            rx.button(rx.icon("x", size=14), t("common.clear_filters"), on_click=state.clear_filters,
                      variant="ghost", size="2", id=f"{prefix}-clear-filters"),
            rx.fragment(),
        ),
        justify="between",
        align="center",
        width="100%",
        wrap="wrap",
        spacing="2",
    )


def pager(prefix: str, range_text: rx.Var, has_previous: rx.Var, has_next: rx.Var,
          on_previous: Any, on_next: Any, page_size: rx.Var, on_page_size: Callable) -> rx.Component:
    """"1–25 van 1.234", page size (25/50/100), previous and next.

    Ids: ``{prefix}-range``, ``{prefix}-page-size``, ``{prefix}-previous``, ``{prefix}-next``."""
    return rx.flex(
        rx.text(range_text, size="2", color_scheme="gray", id=f"{prefix}-range"),
        rx.spacer(),
        rx.hstack(
            rx.select.root(
                rx.select.trigger(id=f"{prefix}-page-size", aria_label=t("common.per_page")),
                rx.select.content(*[rx.select.item(str(n), value=str(n)) for n in PAGE_SIZES]),
                value=page_size.to_string(),
                on_change=on_page_size,
                size="2",
            ),
            rx.text(t("common.per_page"), size="2", color_scheme="gray"),
            spacing="2",
            align="center",
        ),
        rx.hstack(
            rx.button(rx.icon("chevron-left", size=16), t("common.previous"), on_click=on_previous,
                      disabled=~has_previous, variant="soft", size="2", id=f"{prefix}-previous"),
            rx.button(t("common.next"), rx.icon("chevron-right", size=16), on_click=on_next,
                      disabled=~has_next, variant="soft", size="2", id=f"{prefix}-next"),
            spacing="2",
        ),
        align="center",
        spacing="4",
        wrap="wrap",
        width="100%",
    )


def status_badge(status: rx.Var) -> rx.Component:
    """A network status (prospect, deelnemer, partner, oud-deelnemer) as a coloured badge."""
    return rx.match(
        status,
        *[
            (code, rx.badge(vocab_label(vocab.STATUSES, status), color_scheme=color, variant="soft"))
            for code, color in STATUS_COLORS.items()
        ],
        rx.badge(status, variant="outline"),
    )


def empty_state(message: rx.Var | str, *actions: rx.Component) -> rx.Component:
    return rx.center(
        rx.vstack(
            rx.icon("search-x", size=28, color="var(--gray-11)", aria_hidden="true"),
            rx.text(message, color_scheme="gray", text_align="center"),
            *actions,
            align="center",
            spacing="3",
        ),
        padding_y="40px",
        width="100%",
    )


# columns shown from this screen width on (a phone sees the first columns only)
WIDE = rx.breakpoints(initial="none", md="table-cell")
MEDIUM = rx.breakpoints(initial="none", sm="table-cell")


def list_table(columns: list[tuple[rx.Var | str, Any] | rx.Component], rows: rx.Var, row: Callable,
               table_id: str) -> rx.Component:
    """A list's table: ``columns`` as (heading, display) with display None for always shown,
    or as a ready header cell (a column shown only sometimes); one ``row(item)`` per item."""
    return rx.table.root(
        rx.table.header(rx.table.row(*[_column_header(column) for column in columns])),
        rx.table.body(rx.foreach(rows, row)),
        variant="ghost",
        size="2",
        width="100%",
        id=table_id,
    )


def _column_header(column: tuple[rx.Var | str, Any] | rx.Component) -> rx.Component:
    if isinstance(column, rx.Component):
        return column
    heading, display = column
    if display is None:
        return rx.table.column_header_cell(heading)
    return rx.table.column_header_cell(heading, display=display)


def paged_results(state: Any, prefix: str, table: rx.Component) -> rx.Component:
    """A paged list's results (a state with the PagedList vars and events): a spinner while
    loading, "no results", or the table above its pager."""
    return loading(
        state.loaded,
        rx.cond(
            state.total == 0,
            empty_state(t("common.no_results")),
            rx.vstack(
                table,
                pager(prefix, state.range_text, state.has_previous, state.has_next, state.previous_page,
                      state.next_page, state.page_size, state.set_page_size),
                spacing="4",
                width="100%",
            ),
        ),
    )


def list_body(state: Any, prefix: str, controls: rx.Component, table: rx.Component,
              *more: rx.Component) -> rx.Component:
    """A list page's body: a card with its controls, a card with its paged results
    (:func:`paged_results`), then ``more``."""
    return rx.vstack(
        card(controls),
        card(paged_results(state, prefix, table)),
        *more,
        spacing="4",
        width="100%",
    )


def new_button(allowed: rx.Var, label: rx.Var, href: rx.Var | str, button_id: str) -> rx.Component:
    """The "+ Nieuw…" button of a list, for users whose role may create (the server checks again)."""
    return rx.cond(
        allowed,
        rx.link(rx.button(rx.icon("plus", size=16), label, size="2", id=button_id), href=href),
        rx.fragment(),
    )
