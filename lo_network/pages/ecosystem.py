"""/kaart: the ecosystem map and the ego view."""

from __future__ import annotations

import reflex as rx

from lo_network.components.force_graph import AFTER, LABEL_PAINTER, fitting_width, force_graph_2d
from lo_network.components.forms import icon_button, labelled_checkbox, vocab_select
from lo_network.components.layout import card, layout, loading, page_header
from lo_network.components.map_table import map_table
from lo_network.domain import ecosystem as domain
from lo_network.domain import vocab
from lo_network.i18n import page_title, pick, t
from lo_network.pages import page
from lo_network.states.ecosystem import GRAPH_ID, MAX_ZOOM, EcosystemState as S, years

PREFIX = "map"


def _select(name: str, words: dict) -> rx.Component:
    return rx.box(vocab_select(PREFIX, name, words, S.filters[name], lambda v: S.set_filter(name, v),
                               empty_label=t(f"map.all.{name}"), aria_label=t(f"org.filter.{name}")), min_width="170px")


def year_select() -> rx.Component:
    return rx.box(vocab_select(PREFIX, "year", {y: (y, y) for y in years()}, S.filters["year"],
                               lambda v: S.set_filter("year", v), empty_label=t("map.now"),
                               aria_label=t("map.year")), min_width="120px")


def filters() -> rx.Component:
    return rx.flex(
        rx.input(rx.input.slot(rx.icon("search", size=16)), id="map-search", value=S.search,
                 on_change=S.set_search, debounce_timeout=400, placeholder=t("map.search"), width="220px"),
        rx.cond(S.ego_id == "",
                rx.fragment(_select("region", vocab.REGIONS), _select("theme", vocab.THEMES),
                            _select("kind", vocab.KINDS), _select("status", vocab.STATUSES)),
                rx.fragment()),
        year_select(),
        rx.cond(S.ego_id == "",
                rx.fragment(
                    labelled_checkbox(t("map.people"), checked=S.people, on_change=S.set_people, id="map-people"),
                    group_control()),
                rx.segmented_control.root(rx.segmented_control.item(t("map.one_step"), value="1"),
                                          rx.segmented_control.item(t("map.two_steps"), value="2"),
                                          value=S.depth, on_change=S.set_depth, id="map-depth")),
        spacing="3", wrap="wrap", align="center", width="100%",
    )


def group_control() -> rx.Component:
    return rx.hstack(
        rx.text(t("map.group_by"), size="2"),
        rx.segmented_control.root(rx.segmented_control.item(t("map.group.region"), value="region"),
                                  rx.segmented_control.item(t("map.group.kind"), value="kind"),
                                  rx.segmented_control.item(t("map.group.none"), value="none"),
                                  value=rx.cond(S.group_by == "", "none", S.group_by),
                                  on_change=S.set_group_by, id="map-group"),
        spacing="2", align="center",
    )


def opened_groups() -> rx.Component:
    """The groups opened by a click, each with a button that folds it back into one node."""
    return rx.cond(
        S.open_groups.length() > 0,
        rx.flex(
            rx.text(t("map.opened"), size="2"),
            rx.foreach(S.open_groups, lambda g: rx.badge(
                g["name"],
                icon_button("x", t("map.close_group") + " " + g["name"], icon_size=12, size="1",
                            variant="ghost", on_click=S.close_group(g["key"])),
                size="2", variant="soft", color_scheme="iris")),
            rx.button(t("map.close_all"), size="1", variant="soft", on_click=S.close_group(""), id="map-close-all"),
            spacing="2", wrap="wrap", align="center", id="map-open-groups",
        ),
        rx.fragment(),
    )


def legend() -> rx.Component:
    return rx.flex(
        *[rx.hstack(rx.box(width="10px", height="10px", border_radius="50%", background_color=colour),
                    rx.text(pick(nl, en), size="1"), spacing="1", align="center")
          for colour, nl, en in domain.legend()],
        spacing="3", wrap="wrap",
    )


def summary() -> rx.Component:
    return rx.text(S.node_count, " ", t("map.nodes"), " · ", S.link_count, " ", t("map.links"),
                   rx.cond(S.search != "", rx.text(" · ", S.hits, " ", t("map.hits"), as_="span"), ""),
                   size="2", color_scheme="gray", id="map-summary")


def canvas() -> rx.Component:
    return rx.box(
        force_graph_2d(
            graph_data=S.graph, node_id="id", node_label="name", node_color="color", node_val="val",
            node_rel_size=4, link_label="label", link_color=rx.Var.create("rgba(120,120,130,0.35)"),
            link_width="width", node_canvas_object=LABEL_PAINTER, node_canvas_object_mode=AFTER,
            width=fitting_width(1140), height=640, cooldown_ticks=150, warmup_ticks=20, max_zoom=MAX_ZOOM,
            on_node_click=S.open_node, on_engine_stop=S.engine_stopped, id=GRAPH_ID,
        ),
        id="map-canvas", custom_attrs={"data-settled": rx.cond(S.settled, "true", "false")}, width="100%", overflow="hidden", border="1px solid var(--gray-5)",
        border_radius="var(--radius-3)", background_color="var(--color-panel-solid)",
    )


def header_title() -> rx.Var:
    return rx.cond(S.ego_id != "", t("map.ego") + ": " + S.ego_name, t("map.title"))


@page("/kaart", page_title("map.title"), S.load)
def ecosystem() -> rx.Component:
    back = rx.cond(S.ego_id != "", rx.link(rx.button(t("map.whole"), variant="soft"), href="/kaart", id="map-whole"),
                   rx.fragment())
    return layout(
        page_header(header_title(), back),
        rx.vstack(
            card(rx.vstack(filters(), opened_groups(), legend(), summary(), spacing="3", width="100%")),
            loading(S.loaded, canvas()),
            rx.text(t("map.hint"), size="1", color_scheme="gray"),
            map_table(),
            spacing="3", width="100%",
        ),
    )



