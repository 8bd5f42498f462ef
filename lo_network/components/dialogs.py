"""A dialog with a form: its title, its fields, and "Annuleren" / "Opslaan" under them.
Errors stay in the dialog; the state closes it when a save succeeds."""

from __future__ import annotations

from typing import Any

import reflex as rx

from lo_network.i18n import t


def form_dialog(prefix: str, title: Any, *fields: rx.Component, on_save: Any, open: rx.Var,
                on_open_change: Any, intro: rx.Component | None = None, max_width: str = "560px",
                dialog_id: str | None = None, spacing: str = "4") -> rx.Component:
    """The dialog (id ``dialog_id``) with ``fields`` one under the other; its buttons have the
    ids ``{prefix}-cancel`` and ``{prefix}-save``."""
    buttons = rx.flex(
        rx.dialog.close(rx.button(t("common.cancel"), variant="soft", color_scheme="gray", id=f"{prefix}-cancel")),
        rx.button(rx.icon("check", size=16), t("common.save"), on_click=on_save, id=f"{prefix}-save"),
        spacing="3", justify="end", width="100%",
    )
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(title),
            intro if intro is not None else rx.fragment(),
            rx.vstack(*fields, buttons, spacing=spacing, width="100%"),
            max_width=max_width, id=dialog_id,
        ),
        open=open,
        on_open_change=on_open_change,
    )
