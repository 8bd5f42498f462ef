"""/makelaars: "Makelaars en bruggen" — network figures, brokers, single points of failure."""

from __future__ import annotations

import reflex as rx

from lo_network.components.layout import card, layout, loading, page_header, section
from lo_network.i18n import page_title, pick, t
from lo_network.pages import page
from lo_network.states.measures import BrokerRow, FindingRow, MeasuresState as S
from lo_network.states.session import SessionState


def figure(label: rx.Var, value: rx.Var, figure_id: str) -> rx.Component:
    return rx.card(rx.vstack(rx.text(label, size="1", color_scheme="gray"),
                             rx.heading(value, size="6", id=figure_id), spacing="1"), size="2")


def figures() -> rx.Component:
    return rx.grid(
        figure(t("measures.nodes"), S.nodes, "measures-nodes"),
        figure(t("measures.edges"), S.edges, "measures-edges"),
        figure(t("measures.density"), S.density, "measures-density"),
        figure(t("measures.largest"), S.largest_share, "measures-largest"),
        figure(t("measures.communities"), S.communities, "measures-communities"),
        columns=rx.breakpoints(initial="2", md="5"), spacing="3", width="100%",
    )


def broker_row(b: BrokerRow) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(rx.link(b.name, href=b.href)),
        rx.table.cell(rx.cond(b.kind == "organisation", t("measures.organisation"), t("measures.person"))),
        rx.table.cell(b.degree),
        rx.table.cell(b.betweenness),
        rx.table.cell(rx.cond(b.community >= 0, b.community + 1, "—")),
        class_name="broker-row",
    )


def brokers() -> rx.Component:
    return section(
        t("measures.brokers"),
        rx.text(t("measures.brokers_intro"), size="2", color_scheme="gray", margin_bottom="8px"),
        rx.cond(
            S.brokers.length() > 0,
            rx.scroll_area(rx.table.root(
                rx.table.header(rx.table.row(
                    rx.table.column_header_cell(t("measures.name")),
                    rx.table.column_header_cell(t("measures.kind")),
                    rx.table.column_header_cell(t("measures.degree")),
                    rx.table.column_header_cell(t("measures.betweenness")),
                    rx.table.column_header_cell(t("measures.community")),
                )),
                rx.table.body(rx.foreach(S.brokers, broker_row)),
                variant="ghost", size="1", width="100%", id="measures-brokers",
            ), scrollbars="horizontal", type="auto"),
            rx.text(t("measures.no_brokers"), size="2", color_scheme="gray"),
        ),
    )


def finding(f: FindingRow) -> rx.Component:
    return rx.el.li(rx.link(pick(f.nl, f.en), href=f.href, size="2"), class_name="finding")


def findings(title: rx.Var, intro: rx.Var, items: rx.Var, list_id: str) -> rx.Component:
    return section(
        title,
        rx.text(intro, size="2", color_scheme="gray", margin_bottom="8px"),
        rx.cond(items.length() > 0, rx.el.ul(rx.foreach(items, finding), id=list_id, padding_left="20px"),
                rx.text(t("measures.none_found"), size="2", color_scheme="gray")),
    )


def actions() -> rx.Component:
    return rx.cond(SessionState.can_edit_network,
                   rx.button(rx.icon("refresh-cw", size=16), t("measures.recompute"), on_click=S.recompute,
                             loading=S.running, id="measures-recompute"),
                   rx.fragment())


def progress_panel() -> rx.Component:
    """The computation that runs now: its stage and how far it is."""
    return card(
        rx.vstack(
            rx.hstack(
                rx.spinner(size="2"),
                rx.text(t("measures.running"), weight="medium"),
                rx.text(rx.match(S.stage,
                                 ("read", t("measures.stage.read")),
                                 ("betweenness", t("measures.stage.betweenness")),
                                 ("communities", t("measures.stage.communities")),
                                 ("write", t("measures.stage.write")),
                                 ""),
                        " ", S.stage_steps, color_scheme="gray", size="2", id="measures-stage"),
                align="center", spacing="2", wrap="wrap",
            ),
            rx.progress(value=S.progress, max=100, id="measures-progress", width="100%"),
            rx.text(t("measures.running_note"), size="1", color_scheme="gray"),
            # polls the computation once a second while it runs (also after a reload)
            rx.moment(interval=1000, on_change=S.refresh, display="none"),
            spacing="2", width="100%",
        ),
        margin_bottom="16px",
    )


def body() -> rx.Component:
    return rx.cond(
        S.computed == "",
        rx.callout(t("measures.never"), icon="info", id="measures-never"),
        rx.vstack(
            rx.text(t("measures.computed"), " ", S.computed,
                    rx.cond(S.approximate, rx.text(" · ", t("measures.approximate"), as_="span"), ""),
                    size="2", color_scheme="gray", id="measures-computed"),
            figures(),
            rx.grid(brokers(),
                    rx.vstack(findings(t("measures.bridges"), t("measures.bridges_intro"), S.bridges, "measures-bridges"),
                              findings(t("measures.cuts"), t("measures.cuts_intro"), S.cuts, "measures-cuts"),
                              spacing="4", width="100%"),
                    columns=rx.breakpoints(initial="1", md="3fr 2fr"), spacing="4", width="100%"),
            spacing="4", width="100%",
        ),
    )


@page("/makelaars", page_title("measures.title"), S.load)
def measures() -> rx.Component:
    return layout(page_header(t("measures.title"), actions()),
                  rx.cond(S.running, progress_panel(), rx.fragment()),
                  rx.cond(S.job_failed, rx.callout(t("measures.failed"), icon="triangle-alert", color_scheme="red",
                                                   margin_bottom="16px", id="measures-failed"), rx.fragment()),
                  loading(S.loaded, body()))
