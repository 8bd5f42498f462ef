"""/toegankelijkheid: the accessibility statement (toegankelijkheidsverklaring), public,
Dutch and English: the standard followed, what is tested and how, what was done, the limits."""

from __future__ import annotations

import reflex as rx

from lo_network.components.layout import STATEMENT_ROUTE, public_frame
from lo_network.i18n import page_title, t
from lo_network.pages import page


def _part(title_key: str, *text_keys: str) -> rx.Component:
    return rx.vstack(
        rx.heading(t(title_key), size="4", as_="h2"),
        *[rx.text(t(key), size="3") for key in text_keys],
        spacing="2", align="start", width="100%",
    )


@page(STATEMENT_ROUTE, page_title("statement.title", "pub.site"))
def accessibility_statement() -> rx.Component:
    return public_frame(rx.card(rx.vstack(
        rx.heading(t("statement.title"), size="6", as_="h1", id="page-title"),
        rx.text(t("statement.intro"), size="3"),
        _part("statement.tested_title", "statement.tested_axe", "statement.tested_keyboard"),
        _part("statement.done_title", "statement.done"),
        _part("statement.limits_title", "statement.limits"),
        _part("statement.contact_title", "statement.contact"),
        spacing="5", align="start", width="100%",
    ), size="3", width="100%", id="accessibility-statement"))
