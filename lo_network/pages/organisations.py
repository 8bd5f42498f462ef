"""/organisaties: find organisations by text, kind, region, theme, status and tag."""

from __future__ import annotations

import reflex as rx

from lo_network.components.exports import export_buttons
from lo_network.components.forms import vocab_select
from lo_network.components.layout import layout, page_header
from lo_network.components.lists import (
    MEDIUM, WIDE, list_body, list_controls, list_table, new_button, status_badge, tag_filter,
)
from lo_network.domain import organisations as domain
from lo_network.domain import vocab
from lo_network.i18n import page_title, t, vocab_label
from lo_network.pages import page
from lo_network.states.organisations import LIST_ROUTE
from lo_network.states.organisations import OrganisationRow, OrganisationsState as S
from lo_network.states.session import SessionState



def filter_select(name: str, words: dict[str, tuple[str, str]], value: rx.Var) -> rx.Component:
    return rx.box(
        vocab_select("filter", name, words, value, lambda v: S.set_filter(name, v),
                     empty_label=t(f"org.filter.{name}_all"), aria_label=t(f"org.filter.{name}")),
        min_width="170px",
        flex="1",
    )


def controls() -> rx.Component:
    return list_controls(
        "org", S, "org", domain.SORTS,
        filter_select("kind", vocab.KINDS, S.kind),
        filter_select("region", vocab.REGIONS, S.region),
        filter_select("theme", vocab.THEMES, S.theme),
        filter_select("status", vocab.STATUSES, S.status),
        tag_filter(S.tag, lambda v: S.set_filter("tag", v), t("org.filter.tag_placeholder"), t("org.filter.tag")),
    )


def kind_cell(row: OrganisationRow) -> rx.Component:
    return rx.vstack(
        rx.text(vocab_label(vocab.KINDS, row.kind), size="2"),
        rx.cond(
            row.company_type != "",
            rx.text(vocab_label(vocab.COMPANY_TYPES, row.company_type), size="1", color_scheme="gray"),
            rx.fragment(),
        ),
        spacing="0",
    )


def organisation_row(row: OrganisationRow) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(
            rx.link(row.name, href="/organisaties/" + row.id, weight="medium", class_name="org-link"),
            rx.text(row.city, size="1", color_scheme="gray", display=rx.breakpoints(initial="block", sm="none")),
        ),
        rx.table.cell(kind_cell(row), display=MEDIUM),
        rx.table.cell(row.city, display=MEDIUM),
        rx.table.cell(vocab_label(vocab.REGIONS, row.region), display=WIDE),
        rx.table.cell(status_badge(row.status)),
        rx.table.cell(row.updated, display=WIDE, white_space="nowrap"),
        align="center",
    )


def table() -> rx.Component:
    return list_table([
        (t("org.field.name"), None), (t("org.filter.kind"), MEDIUM), (t("org.field.city"), MEDIUM),
        (t("org.field.region"), WIDE), (t("org.field.status"), None), (t("common.updated"), WIDE),
    ], S.rows, organisation_row, "org-table")


@page(LIST_ROUTE, page_title("org.title"), S.load)
def organisations() -> rx.Component:
    return layout(
        page_header(t("org.title"), export_buttons("org", S.export),
                    new_button(SessionState.can_edit_network, t("org.new"), "/organisaties/nieuw", "org-new")),
        list_body(S, "org", controls(), table()),
    )
