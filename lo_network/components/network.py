"""Sections of the detail pages for the network itself: links (with their dialog) and the
timeline of employment history and links. Used by pages/organisation.py and pages/person.py."""

from __future__ import annotations

import reflex as rx

from lo_network.components.dialogs import form_dialog
from lo_network.components.forms import (
    field, field_error, form_grid, read_only_value, text_area, text_input, vocab_select,
)
from lo_network.components.layout import items_or_none, section
from lo_network.domain import links as domain
from lo_network.i18n import pick, t
from lo_network.components.organisation_lookup import chosen_organisation, organisation_lookup
from lo_network.components.records import period, row_actions, tie_item
from lo_network.states.links import LinkRow, LinksState as S, TimelineRow
from lo_network.states.session import SessionState

PREFIX = "link"


def _label(row: LinkRow) -> rx.Var:
    return pick(row.label_nl, row.label_en)


def link_actions(row: LinkRow) -> rx.Component:
    return row_actions("link", SessionState.can_edit_network, S.open_link("edit", row.id),
                       end=(row.active, "circle-stop", t("links.end"), S.open_link("end", row.id)),
                       delete=(t("links.delete_title"), t("links.delete_body"), S.delete_link(row.id)))


def link_item(row: LinkRow) -> rx.Component:
    return tie_item(
        rx.text(
            rx.text(_label(row), " ", as_="span", color_scheme="gray"),
            rx.link(row.other_name, href=row.href, weight="medium", class_name="link-other"),
            size="2",
        ),
        rx.cond(row.active, rx.fragment(),
                rx.badge(t("links.ended"), color_scheme="gray", variant="soft", class_name="link-ended")),
        period(row.since, row.until, size="1"),
        rx.cond(row.source != "", rx.text(t("links.field.source"), ": ", row.source, size="1", color_scheme="gray"),
                rx.fragment()),
        rx.cond(row.note != "", rx.text(row.note, size="1", white_space="pre-wrap"), rx.fragment()),
        actions=link_actions(row),
        current=row.active,
        padding="8px 10px",
        custom_attrs={"data-link-id": row.id},
        class_name=rx.cond(row.active, "link-row link-active", "link-row link-former"),
    )


def links_section() -> rx.Component:
    return section(
        t("links.title"),
        rx.vstack(
            rx.cond(S.measures_nl != "",
                    rx.link(rx.text(pick(S.measures_nl, S.measures_en), size="1", color_scheme="gray"),
                            href="/makelaars", id="links-measures"),
                    rx.fragment()),
            items_or_none(S.links, link_item, t("links.none"), "links-list", "links-none"),
            rx.hstack(
                rx.cond(SessionState.can_edit_network,
                        rx.button(rx.icon("plus", size=16), t("links.add"), on_click=S.open_link("add", ""),
                                  size="2", id="link-add"),
                        rx.fragment()),
                rx.link(rx.button(rx.icon("route", size=16), t("intro.ask"), size="2", variant="soft"),
                        href="/voorstellen?doel=" + S.anchor_id, id="link-introductions"),
                rx.link(rx.button(rx.icon("share-2", size=16), t("map.ego_link"), size="2", variant="soft"),
                        href="/kaart?ego=" + S.anchor_id, id="link-ego"),
                spacing="2", wrap="wrap",
            ),
            spacing="3", width="100%",
        ),
        id="links-section",
    )


def timeline_item(row: TimelineRow) -> rx.Component:
    return rx.hstack(
        rx.text(row.date, size="1", color_scheme="gray", min_width="84px"),
        rx.icon(rx.cond(row.kind.contains("employment"), "briefcase", "link"), size=14,
                color=rx.cond(row.ended, "var(--gray-8)", "var(--teal-9)")),
        rx.cond(row.href != "", rx.link(pick(row.nl, row.en), href=row.href, size="2"),
                rx.text(pick(row.nl, row.en), size="2")),
        align="center", spacing="2", class_name="timeline-row",
        opacity=rx.cond(row.ended, "0.7", "1"),
    )


def timeline_section() -> rx.Component:
    return section(
        t("links.timeline"),
        items_or_none(S.timeline, timeline_item, t("links.timeline_empty"), "timeline"),
    )


def _input(name: str, **props) -> rx.Component:
    return field(t(f"links.field.{name}"),
                 text_input(PREFIX, name, S.draft[name], lambda v: S.set_link_value(name, v), **props),
                 error=field_error(S.link_errors, name), html_for=f"{PREFIX}-{name}")


def type_select() -> rx.Component:
    def one(kind: str) -> rx.Component:
        return vocab_select(PREFIX, "type", domain.type_choices(kind), S.draft["type"],
                            lambda v: S.set_link_value("type", v), placeholder=t("links.choose_type"))

    return field(t("links.field.type"),
                 rx.cond(S.kind == domain.ORGANISATION, one(domain.ORGANISATION), one(domain.PERSON)),
                 error=field_error(S.link_errors, "type"), html_for=f"{PREFIX}-type")


def direction_select() -> rx.Component:
    words = {"outgoing": ("Dit record → de ander", "This record → the other"),
             "incoming": ("De ander → dit record", "The other → this record")}
    return rx.cond(
        S.type_is_directed,
        field(t("links.field.direction"),
              vocab_select(PREFIX, "direction", words, S.draft["direction"],
                           lambda v: S.set_link_value("direction", v)),
              hint=t("links.direction_hint"), html_for=f"{PREFIX}-direction"),
        rx.fragment(),
    )


def other_picker() -> rx.Component:
    return field(
        t("links.field.other"),
        rx.cond(
            S.draft["other_id"] != "",
            chosen_organisation(PREFIX, S.draft["other_name"], S.clear_other),
            organisation_lookup(PREFIX, S.query, S.hits, S.look_up_other, lambda hit: S.pick_other(hit.id, hit.name),
                                t("links.lookup")),
        ),
        error=field_error(S.link_errors, "other"),
        html_for=f"{PREFIX}-organisation",
    )


def link_dialog() -> rx.Component:
    title = rx.match(S.mode, ("edit", t("links.edit_title")), ("end", t("links.end_title")), t("links.add"))
    return form_dialog(
        PREFIX, title,
        rx.cond(
            S.mode == "add",
            rx.vstack(other_picker(), form_grid(type_select(), direction_select()), width="100%", spacing="3"),
            read_only_value(t("links.field.other"), S.draft["other_name"], id="link-other-name"),
        ),
        form_grid(_input("since", placeholder=t("common.date_hint")),
                  _input("until", placeholder=t("common.date_hint"))),
        _input("source", placeholder=t("links.source_placeholder")),
        field(t("links.field.note"),
              text_area(PREFIX, "note", S.draft["note"], lambda v: S.set_link_value("note", v)),
              error=field_error(S.link_errors, "note"), html_for=f"{PREFIX}-note"),
        on_save=S.save_link, open=S.dialog_open, on_open_change=S.set_dialog_open, dialog_id="link-dialog",
        spacing="3",
    )


def network_sections() -> rx.Component:
    """Links, then the timeline, then the (hidden) dialog: the detail pages add this once."""
    return rx.vstack(links_section(), timeline_section(), link_dialog(), spacing="4", width="100%")
