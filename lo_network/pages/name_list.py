"""/activiteiten/[activity_id]/naamlijst: a name list to print (signature column) or badges."""

from __future__ import annotations

import reflex as rx

from lo_network.components.layout import main, not_found, page_frame
from lo_network.i18n import page_title, t
from lo_network.pages import page
from lo_network.states.activities import LIST_ROUTE
from lo_network.states.activity import ROUTE_ARG
from lo_network.states.name_list import NameListState as S
from lo_network.states.name_list import NameRow

PRINT_CSS = "@media print { .no-print { display: none !important; } .badge-card { break-inside: avoid; } }"


def _line(n: NameRow) -> rx.Component:
    return rx.el.tr(rx.el.td(n.name, style={"padding": "6px 8px", "border-bottom": "1px solid #ccc"}),
                    rx.el.td(n.organisation, style={"padding": "6px 8px", "border-bottom": "1px solid #ccc"}),
                    rx.el.td("", style={"width": "35%", "border-bottom": "1px solid #ccc"}), class_name="name-line")


def _badge(n: NameRow) -> rx.Component:
    return rx.box(rx.text(n.name, size="6", weight="bold"), rx.text(n.organisation, size="3"),
                  rx.text(S.list_title, size="1", color_scheme="gray"), class_name="badge-card",
                  style={"border": "1px dashed #999", "padding": "18px", "height": "5.5cm"})


@page(f"{LIST_ROUTE}/[{ROUTE_ARG}]/naamlijst", page_title("tab.names"), S.load_names)
def name_list() -> rx.Component:
    """A page to print: no header or footer, but <main>, the skip link and <html lang> like the others."""
    return page_frame(main(
        rx.el.style(PRINT_CSS),
        rx.cond(~S.list_loaded, rx.center(rx.spinner(size="3"), padding_y="48px"), rx.cond(
            S.list_missing, not_found(t("common.not_found")),
            rx.box(
                rx.hstack(rx.button(rx.icon("printer", size=16), t("names.print"), on_click=rx.call_script("window.print()"),
                                    id="names-print"),
                          rx.link(t("checkin.back"), href="/activiteiten/" + S.activity_id), spacing="3",
                          align="center", class_name="no-print", margin_bottom="16px"),
                rx.heading(S.list_title, size="6", as_="h1", id="page-title"),
                rx.text(S.list_when, size="2", margin_bottom="12px"),
                rx.el.table(
                    rx.el.thead(rx.el.tr(
                        *(rx.el.th(t("reg.field." + name), style={"text-align": "left", "padding": "6px 8px"})
                          for name in ("name", "organisation_name")),
                        rx.el.th(t("names.signature"), style={"text-align": "left"}))),
                    rx.el.tbody(rx.foreach(S.names, _line)),
                    # fixed layout: the columns share the page's width and long names wrap (a phone)
                    style={"width": "100%", "border-collapse": "collapse", "table-layout": "fixed",
                           "overflow-wrap": "anywhere"}, id="names-table",
                ),
                rx.heading(t("names.badges"), size="4", margin_top="32px", style={"break-before": "page"}),
                rx.grid(rx.foreach(S.names, _badge), columns=rx.breakpoints(initial="1", xs="2"), spacing="3",
                        margin_top="12px"),
            ),
        )),
        padding=rx.breakpoints(initial="16px", xs="24px"), max_width="900px", margin_x="auto",
    ))
