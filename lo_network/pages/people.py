"""/personen: find people by text, tag and organisation; the organisation look-up they share."""

from __future__ import annotations

from typing import Any, Callable

import reflex as rx

from lo_network.components.exports import export_buttons
from lo_network.components.forms import icon_button
from lo_network.components.layout import card, layout, page_header
from lo_network.components.lists import (
    MEDIUM, WIDE, list_table, new_button, paged_results, search_box, sort_and_clear, tag_filter,
)
from lo_network.domain import people as domain
from lo_network.i18n import t
from lo_network.states.people import OrganisationOption, PersonRow, PeopleState as S
from lo_network.states.session import SessionState


# ---------------------------------------------------------------- organisation look-up
def organisation_hit(prefix: str, hit: OrganisationOption, on_pick: Callable[[OrganisationOption], Any]) -> rx.Component:
    return rx.button(
        rx.text(hit.name, weight="medium", size="2"),
        rx.text(hit.city, size="1", color_scheme="gray"),
        on_click=on_pick(hit),
        variant="ghost",
        color_scheme="gray",
        high_contrast=True,
        justify_content="flex-start",
        text_align="left",
        width="100%",
        class_name=f"{prefix}-organisation-option",
    )


def organisation_lookup(prefix: str, query: rx.Var, hits: rx.Var, on_query: Callable[[str], Any],
                        on_pick: Callable[[OrganisationOption], Any], placeholder: rx.Var | str) -> rx.Component:
    """Type part of a name, pick one of the hits below (a click on a hit calls ``on_pick``).

    Input id ``{prefix}-organisation``; each hit is a button with class
    ``{prefix}-organisation-option``."""
    return rx.vstack(
        rx.input(
            rx.input.slot(rx.icon("building-2", size=16)),
            id=f"{prefix}-organisation",
            name="organisation",
            value=query,
            on_change=on_query,
            debounce_timeout=300,
            placeholder=placeholder,
            aria_label=placeholder,
            auto_complete=False,
            width="100%",
        ),
        rx.cond(
            hits.length() > 0,
            rx.vstack(
                rx.foreach(hits, lambda hit: organisation_hit(prefix, hit, on_pick)),
                spacing="1",
                width="100%",
                padding="6px",
                border="1px solid var(--gray-6)",
                border_radius="var(--radius-3)",
                background_color="var(--color-panel-solid)",
                id=f"{prefix}-organisation-hits",
            ),
            rx.cond(
                query != "",
                rx.text(t("person.lookup.no_hits"), size="1", color_scheme="gray"),
                rx.fragment(),
            ),
        ),
        spacing="1",
        width="100%",
    )


def chosen_organisation(prefix: str, name: rx.Var, on_clear: Any) -> rx.Component:
    """The picked organisation with a button to pick another (id ``{prefix}-organisation-clear``)."""
    return rx.hstack(
        rx.badge(rx.icon("building-2", size=14), name, size="2", variant="soft", id=f"{prefix}-organisation-chosen"),
        icon_button("x", t("person.lookup.clear"), on_click=on_clear, variant="ghost", size="1", color_scheme="gray",
                    id=f"{prefix}-organisation-clear"),
        align="center",
        spacing="1",
        min_height="32px",
    )


# ---------------------------------------------------------------- controls
def organisation_filter() -> rx.Component:
    return rx.box(
        rx.cond(
            S.organisation_id != "",
            chosen_organisation("filter", S.organisation_name, S.filter_organisation("")),
            organisation_lookup("filter", S.organisation_query, S.organisation_hits, S.look_up_organisation,
                                lambda hit: S.filter_organisation(hit.id), t("person.filter.organisation")),
        ),
        min_width="220px",
        flex="2",
    )





def controls() -> rx.Component:
    return rx.vstack(
        search_box("people", S.text, S.search, t("person.search_placeholder")),
        rx.flex(
            organisation_filter(),
            tag_filter(S.tag, S.set_tag, t("person.filter.tag_placeholder"), t("person.field.tags")),
            spacing="2",
            wrap="wrap",
            width="100%",
            align="start",
        ),
        sort_and_clear("people", S, domain.SORTS, "person"),
        spacing="3",
        width="100%",
    )


# ---------------------------------------------------------------- the table
def tag_badges(row: PersonRow) -> rx.Component:
    """The row's tags; a click filters the list on that tag."""
    return rx.cond(
        row.tags.length() > 0,
        rx.flex(
            rx.foreach(row.tags, lambda tag: rx.badge(tag, variant="surface", color_scheme="gray", size="1",
                                                      cursor="pointer", on_click=S.set_tag(tag),
                                                      class_name="person-tag")),
            spacing="1",
            wrap="wrap",
            margin_top="2px",
        ),
        rx.fragment(),
    )


def name_cell(row: PersonRow) -> rx.Component:
    """Name, and on narrow screens the columns that are hidden there."""
    return rx.table.row_header_cell(
        rx.link(row.name, href="/personen/" + row.id, weight="medium", class_name="person-link"),
        rx.text(row.job_title, size="1", color_scheme="gray", display=rx.breakpoints(initial="block", md="none")),
        rx.text(row.organisations, size="1", color_scheme="gray", display=rx.breakpoints(initial="block", sm="none")),
        tag_badges(row),
    )


def person_row(row: PersonRow) -> rx.Component:
    return rx.table.row(
        name_cell(row),
        rx.table.cell(row.organisations, display=MEDIUM),
        rx.table.cell(row.job_title, display=WIDE),
        # no empty mailto:/tel: link (a link without text) for a person without email or phone
        rx.table.cell(rx.cond(row.email != "", rx.link(row.email, href="mailto:" + row.email, size="2"),
                              rx.fragment()), display=MEDIUM, word_break="break-all"),
        rx.table.cell(rx.cond(row.phone != "", rx.link(row.phone, href="tel:" + row.phone, size="2"),
                              rx.fragment()), display=WIDE, white_space="nowrap"),
        align="center",
    )


def table() -> rx.Component:
    return list_table([
        (t("person.field.name"), None), (t("person.field.organisations"), MEDIUM),
        (t("person.field.job_title"), WIDE), (t("person.field.email"), MEDIUM), (t("person.field.phone"), WIDE),
    ], S.rows, person_row, "people-table")


def people() -> rx.Component:
    return layout(
        page_header(t("person.title"), export_buttons("person", S.export),
                    new_button(SessionState.can_edit_network, t("person.new"), S.new_person_url, "person-new")),
        rx.vstack(card(controls()), card(paged_results(S, "people", table())), spacing="4", width="100%"),
    )
