"""The network map's text alternative: a button that opens the map's nodes and ties as a
table (name as a link, kind, number of ties, what each is tied to). Kept apart from the
drawing (components/force_graph.py) so either can change on its own."""

from __future__ import annotations

import reflex as rx

from lo_network.domain.map_table import MAX_ROWS
from lo_network.i18n import message_var, pick, t, tr
from lo_network.states.map_table import MapTableRow
from lo_network.states.map_table import MapTableState as S


def _more(lang: str) -> str:
    return tr("map.table_more", lang).replace("{count}", str(MAX_ROWS))


def _row(row: MapTableRow) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(rx.link(row.name, href=row.href), class_name="map-table-name"),
        rx.table.cell(message_var(row.kind)),
        rx.table.cell(row.count),
        rx.table.cell(rx.text(row.tied, size="1")),
    )


def map_table() -> rx.Component:
    return rx.box(
        rx.button(
            rx.cond(S.table_open, rx.icon("chevron-down", size=16), rx.icon("chevron-right", size=16)),
            t("map.table_show"),
            on_click=S.set_table_open(~S.table_open),
            aria_expanded=rx.cond(S.table_open, "true", "false"),
            aria_controls="map-table",
            variant="soft", color_scheme="gray", id="map-table-toggle",
        ),
        rx.cond(
            S.table_open,
            rx.box(
                rx.text(t("map.table_intro"), size="2", color_scheme="gray", margin_y="8px"),
                rx.cond(S.table_cut, rx.text(pick(_more("nl"), _more("en")), size="2", id="map-table-cut"),
                        rx.fragment()),
                rx.table.root(
                    rx.table.header(rx.table.row(
                        rx.table.column_header_cell(t("map.col.name")),
                        rx.table.column_header_cell(t("map.col.kind")),
                        rx.table.column_header_cell(t("map.col.count")),
                        rx.table.column_header_cell(t("map.col.links")),
                    )),
                    rx.table.body(rx.foreach(S.table_rows, _row)),
                    variant="surface", size="1", width="100%",
                ),
                id="map-table",
            ),
            rx.box(id="map-table"),
        ),
        width="100%",
    )

