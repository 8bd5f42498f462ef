"""/bewaartermijn, the retention review: list, select, erase in bulk (asks twice)."""

from __future__ import annotations

import reflex as rx

from lo_network.components.layout import layout, loading, page_header, section
from lo_network.components.lists import empty_state
from lo_network.components.privacy import erase_in_two_steps
from lo_network.i18n import page_title, t
from lo_network.pages import page
from lo_network.states.retention import ROUTE, RetentionRow
from lo_network.states.retention import RetentionState as S


def row(r: RetentionRow) -> rx.Component:
    return rx.hstack(
        rx.checkbox(checked=S.selected.contains(r.id), on_change=lambda checked: S.toggle(r.id, checked),
                    id="retention-pick-" + r.id, aria_label=r.name),
        rx.link(r.name, href="/personen/" + r.id, weight="medium"),
        rx.spacer(),
        rx.text(t("retention.unchanged_since"), " ", r.updated, size="2", color_scheme="gray"),
        align="center", width="100%", padding_y="6px", border_bottom="1px solid var(--gray-4)",
        class_name="retention-row",
    )


def erase_dialog() -> rx.Component:
    return erase_in_two_steps(
        ("retention-dialog", "retention-continue", "retention-final"),
        t("retention.erase_title"), S.step, S.set_step,
        rx.text(t("retention.erase_body"), " (", S.selected_count, ")"),
        (rx.text(t("retention.type_count")),
         rx.input(id="retention-confirm", value=S.confirm, on_change=S.set_confirm, width="100%",
                  auto_complete="off", input_mode="numeric"),
         rx.cond(S.confirm_error != "", rx.text(S.confirm_error, color_scheme="red", size="2",
                                                id="retention-confirm-error"))),
        S.erase_selected,
    )


@page(ROUTE, page_title("retention.title"), S.load)
def retention() -> rx.Component:
    return layout(
        page_header(t("retention.title"), subtitle=t("retention.intro")),
        section(
            t("retention.settings"),
            rx.hstack(
                rx.el.label(rx.text(t("retention.years"), size="2"), html_for="retention-years"),
                rx.input(default_value=S.years.to_string(), key=S.years.to_string(), on_blur=S.set_years,
                         id="retention-years", width="6em", input_mode="numeric"),
                align="center", spacing="2",
            ),
        ),
        loading(
            S.loaded,
            rx.cond(
                S.rows.length() == 0,
                empty_state(t("retention.none")),
                section(
                    t("retention.people"),
                    rx.hstack(
                        rx.checkbox(t("retention.select_all"), checked=S.selected_count == S.rows.length(),
                                    on_change=S.select_all, id="retention-select-all"),
                        rx.spacer(),
                        rx.button(rx.icon("user-x", size=16), t("retention.erase_selected"), " (", S.selected_count, ")",
                                  color_scheme="red", variant="soft", disabled=S.selected_count == 0,
                                  on_click=S.set_step(1), id="retention-erase"),
                        align="center", width="100%", margin_bottom="8px",
                    ),
                    rx.box(rx.foreach(S.rows, row), id="retention-list", width="100%"),
                ),
            ),
        ),
        erase_dialog(),
    )
