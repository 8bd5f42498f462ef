"""/personen: find people by text, tag and organisation."""

from __future__ import annotations

import reflex as rx

from lo_network.components.exports import export_buttons
from lo_network.components.layout import layout, page_header
from lo_network.components.lists import (
    MEDIUM, WIDE, list_body, list_controls, list_table, new_button, tag_filter,
)
from lo_network.components.organisation_lookup import chosen_organisation, organisation_lookup
from lo_network.domain import people as domain
from lo_network.i18n import page_title, t
from lo_network.pages import page
from lo_network.states.people import LIST_ROUTE
from lo_network.states.people import PersonRow, PeopleState as S
from lo_network.states.session import SessionState


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
    return list_controls(
        "people", S, "person", domain.SORTS,
        organisation_filter(),
        tag_filter(S.tag, S.set_tag, t("person.filter.tag_placeholder"), t("person.field.tags")),
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


@page(LIST_ROUTE, page_title("person.title"), S.load)
def people() -> rx.Component:
    return layout(
        page_header(t("person.title"), export_buttons("person", S.export),
                    new_button(SessionState.can_edit_network, t("person.new"), S.new_person_url, "person-new")),
        list_body(S, "people", controls(), table()),
    )
