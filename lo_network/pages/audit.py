"""/audit: the audit log for administrators: search by who, kind of record, action, date
range or text; newest first, paged in SQL; each entry with its before and after."""

from __future__ import annotations

import reflex as rx

from lo_network.components.forms import field, field_error
from lo_network.components.history import entry_item
from lo_network.components.layout import layout, loading, page_header, section
from lo_network.components.lists import empty_state
from lo_network.i18n import page_title, pick, t
from lo_network.pages import page
from lo_network.services.audit import ACTIONS, ENTITIES
from lo_network.states.audit import AuditState as S


def _input(name: str, label: str, **props) -> rx.Component:
    return field(t(label), rx.input(id=f"audit-{name}", name=name, default_value=S.filters[name], width="100%",
                                    **props),
                 error=field_error(S.errors, name), html_for=f"audit-{name}")


def _select(name: str, label: str, words: dict[str, tuple[str, str]], on_change) -> rx.Component:
    """A choice of the declared codes (shown by their labels) or "Alle"; picking one searches."""
    return field(t(label), rx.select.root(
        rx.select.trigger(id=f"audit-{name}", width="100%"),
        rx.select.content(rx.select.item(t("audit.all"), value="all"),
                          *[rx.select.item(pick(nl, en), value=code) for code, (nl, en) in words.items()]),
        value=rx.cond(S.filters[name] != "", S.filters[name], "all"),
        on_change=on_change,
    ), error=field_error(S.errors, name), html_for=f"audit-{name}")


def search_form() -> rx.Component:
    return section(
        t("audit.search"),
        rx.form(
            rx.grid(
                _input("actor", "audit.actor", placeholder="naam@voorbeeld.nl"),
                _select("entity", "audit.entity", ENTITIES, S.set_entity),
                _select("action", "audit.action", ACTIONS, S.set_action),
                _input("since", "audit.since", placeholder=t("common.date_hint")),
                _input("until", "audit.until", placeholder=t("common.date_hint")),
                _input("text", "audit.text"),
                columns=rx.breakpoints(initial="1", sm="2", md="3"), spacing="3", width="100%",
            ),
            rx.hstack(
                rx.button(rx.icon("search", size=16), t("audit.search_button"), type="submit", id="audit-submit"),
                rx.link(rx.button(t("audit.clear"), type="button", variant="soft"), href="/audit", id="audit-clear"),
                spacing="2", margin_top="12px",
            ),
            on_submit=S.search,
            reset_on_submit=False,
            key=S.filters.to_string(),
            width="100%",
        ),
    )


def results() -> rx.Component:
    return loading(
        S.loaded,
        rx.cond(
            S.total == 0,
            empty_state(t("common.no_results")),
            card_list(),
        ),
    )


def card_list() -> rx.Component:
    return section(
        t("audit.entries"),
        rx.box(rx.foreach(S.entries, lambda e: entry_item(e, with_record=True)), id="audit-entries", width="100%"),
        rx.flex(
            rx.text(S.range_text, size="2", color_scheme="gray", id="audit-range"),
            rx.spacer(),
            rx.cond(S.has_previous, rx.link(rx.button(rx.icon("chevron-left", size=16), t("common.previous"),
                                                      variant="soft"), href=S.previous_url, id="audit-previous")),
            rx.cond(S.has_next, rx.link(rx.button(t("common.next"), rx.icon("chevron-right", size=16),
                                                  variant="soft"), href=S.next_url, id="audit-next")),
            spacing="2", align="center", margin_top="12px", width="100%",
        ),
    )


@page("/audit", page_title("audit.title"), S.load)
def audit() -> rx.Component:
    return layout(
        page_header(t("audit.title"), subtitle=t("audit.intro")),
        rx.vstack(search_form(), results(), spacing="4", width="100%"),
    )
