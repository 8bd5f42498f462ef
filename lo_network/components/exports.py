"""The export buttons of a list page: the list as filtered on screen, as CSV or Excel."""

from __future__ import annotations

from typing import Callable

import reflex as rx

from lo_network.i18n import t


def export_buttons(prefix: str, on_export: Callable) -> rx.Component:
    """Two small buttons, ids ``{prefix}-export-csv`` and ``{prefix}-export-xlsx``."""
    return rx.hstack(
        rx.button(rx.icon("download", size=14), t("export.csv"), on_click=on_export("csv"), variant="soft",
                  color_scheme="gray", size="2", id=f"{prefix}-export-csv", title=t("export.label")),
        rx.button(rx.icon("file-spreadsheet", size=14), t("export.xlsx"), on_click=on_export("xlsx"), variant="soft",
                  color_scheme="gray", size="2", id=f"{prefix}-export-xlsx", title=t("export.label")),
        spacing="2",
    )
