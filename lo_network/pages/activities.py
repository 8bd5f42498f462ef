"""/activiteiten: find activities by text, kind, theme, region and upcoming/past."""

from __future__ import annotations

import reflex as rx

from lo_network.components.files import calendar_links, copy_field
from lo_network.components.forms import vocab_select
from lo_network.components.layout import card, layout, page_header
from lo_network.components.lists import MEDIUM, WIDE, list_body, list_controls, list_table, new_button
from lo_network.domain import activities as domain
from lo_network.domain import calendar, vocab
from lo_network.i18n import page_title, t, vocab_label
from lo_network.pages import page
from lo_network.states.activities import ActivitiesState as S
from lo_network.states.activities import LIST_ROUTE, ActivityRow

def filter_select(name: str, words: dict) -> rx.Component:
    return rx.box(
        vocab_select("act-filter", name, words, getattr(S, name), lambda v: S.set_filter(name, v),
                     empty_label=t(f"act.filter.{name}_all"), aria_label=t(f"act.filter.{name}")),
        min_width="170px", flex="1",
    )


def controls() -> rx.Component:
    return list_controls(
        "act", S, "act", domain.SORTS,
        filter_select("kind", domain.KINDS), filter_select("theme", vocab.THEMES),
        filter_select("region", vocab.REGIONS), filter_select("when", domain.WHEN),
    )


def activity_row(row: ActivityRow) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(
            rx.link(row.title, href="/activiteiten/" + row.id, weight="medium", class_name="act-link"),
            rx.text(row.starts, size="1", color_scheme="gray", display=rx.breakpoints(initial="block", sm="none")),
        ),
        rx.table.cell(vocab_label(domain.KINDS, row.kind), display=MEDIUM),
        rx.table.cell(row.starts, display=MEDIUM, white_space="nowrap"),
        rx.table.cell(row.location, display=WIDE),
        rx.table.cell(rx.hstack(rx.text(row.seats, size="2"),
                                rx.cond(row.waitlisted > 0, rx.badge("+", row.waitlisted, color_scheme="orange"),
                                        rx.fragment()), spacing="1")),
        rx.table.cell(rx.badge(vocab_label(domain.VISIBILITIES, row.visibility), variant="soft",
                               color_scheme=rx.cond(row.visibility == "public", "teal", "gray")), display=WIDE),
        align="center",
    )


def table() -> rx.Component:
    return list_table([
        (t("act.field.title"), None), (t("act.filter.kind"), MEDIUM), (t("act.field.starts_at"), MEDIUM),
        (t("act.field.location"), WIDE), (t("act.seats"), None), (t("act.field.visibility"), WIDE),
    ], S.rows, activity_row, "act-table")


def feeds() -> rx.Component:
    return rx.vstack(
        rx.heading(t("act.feed"), size="3", as_="h2"),
        rx.flex(rx.text(t("act.feed_public"), size="2", weight="medium"),
                calendar_links(calendar.PUBLIC_FEED_PATH, S.public_feed_webcal, prefix="act-public-feed"),
                spacing="4", align="center", wrap="wrap"),
        rx.button(rx.icon("link", size=14), t("act.feed_personal"), on_click=S.make_feed_link, variant="soft",
                  size="1", id="act-make-feed"),
        rx.cond(S.feed_url != "",
                rx.vstack(copy_field(S.feed_url, id="act-feed-url"),
                          calendar_links(S.feed_url, S.feed_webcal, prefix="act-personal-feed", size="1"),
                          rx.text(t("act.feed_personal_hint"), size="1", color_scheme="gray"),
                          spacing="2", width="100%", max_width="640px"),
                rx.fragment()),
        spacing="3", width="100%",
    )


@page(LIST_ROUTE, page_title("act.title"), S.load)
def activities() -> rx.Component:
    return layout(
        page_header(t("act.title"), new_button(S.can_edit_activities, t("act.new"), "/activiteiten/nieuw", "act-new")),
        list_body(S, "act", controls(), table(), card(feeds())),
    )
