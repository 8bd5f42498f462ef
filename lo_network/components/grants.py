"""The "Subsidies" section of an organisation page: the grants recorded for it (amount,
date, description, programme line) with their total; the form to add one for the roles that
may edit budgets."""

from __future__ import annotations

import reflex as rx

from lo_network.components.forms import field, field_error, text_input, vocab_select
from lo_network.components.layout import section
from lo_network.domain import vocab
from lo_network.i18n import is_english, t, vocab_label
from lo_network.states.grants import GrantRow
from lo_network.states.grants import GrantsState as G

PREFIX = "grant"


def grant_item(row: GrantRow) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.hstack(rx.text(rx.cond(is_english(), row.amount_en, row.amount_nl), weight="bold", size="2",
                              class_name="grant-amount"),
                      rx.text(row.granted_on, size="2", color_scheme="gray"), spacing="2", wrap="wrap"),
            rx.text(vocab_label(vocab.PROGRAMME_LINES, row.line), size="1", color_scheme="gray"),
            rx.cond(row.description != "", rx.text(row.description, size="2"), rx.fragment()),
            spacing="0", flex="1",
        ),
        rx.cond(G.can_edit, rx.icon_button(rx.icon("trash-2", size=14), on_click=G.remove(row.id), variant="ghost",
                                           color_scheme="red", size="1", aria_label=t("grant.remove"),
                                           title=t("grant.remove"), class_name="grant-remove"), rx.fragment()),
        align="start", spacing="2", width="100%", class_name="grant-row",
    )


def _field(name: str, control: rx.Component, **props) -> rx.Component:
    return field(t(f"grant.field.{name}"), control, error=field_error(G.errors, name), html_for=f"{PREFIX}-{name}",
                 **props)


def grant_form() -> rx.Component:
    return rx.vstack(
        rx.grid(
            _field("amount", text_input(PREFIX, "amount", G.draft["amount"], lambda v: G.set_grant_value("amount", v),
                                        input_mode="decimal", placeholder="25.000,00"), required=True),
            _field("granted_on", text_input(PREFIX, "granted_on", G.draft["granted_on"],
                                            lambda v: G.set_grant_value("granted_on", v),
                                            placeholder=t("common.date_hint")), required=True),
            columns="2", spacing="2", width="100%",
        ),
        _field("line", vocab_select(PREFIX, "line", vocab.PROGRAMME_LINES, G.draft["line"],
                                    lambda v: G.set_grant_value("line", v))),
        _field("description", text_input(PREFIX, "description", G.draft["description"],
                                         lambda v: G.set_grant_value("description", v))),
        rx.button(rx.icon("plus", size=14), t("grant.add"), on_click=G.add, size="2", id="grant-add"),
        spacing="2", width="100%",
    )


def grants_section() -> rx.Component:
    return section(
        t("grant.title"),
        rx.vstack(
            rx.text(t("grant.about"), size="1", color_scheme="gray"),
            rx.cond(G.grants.length() == 0, rx.text(t("grant.none"), size="2", color_scheme="gray"),
                    rx.vstack(rx.foreach(G.grants, grant_item),
                              rx.text(t("grant.total"), " ", rx.cond(is_english(), G.total_en, G.total_nl),
                                      size="2", weight="medium", id="grant-total"),
                              spacing="2", width="100%", id="grant-list")),
            rx.cond(G.can_edit, grant_form(), rx.fragment()),
            spacing="3", width="100%",
        ),
        id="org-grants",
    )
