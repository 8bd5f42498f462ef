"""What every record page (one organisation, one person, ...) has around its content: the
link back to its list, edit and delete buttons for roles that may change it, a read-only
note for roles that may not, and the "changed on" line under the title."""

from __future__ import annotations

from typing import Any

import reflex as rx

from lo_network.components.forms import confirm_dialog
from lo_network.i18n import t


def record_actions(prefix: str, allowed: rx.Var, editing: rx.Var, on_edit: Any, on_delete: Any,
                   delete_title: rx.Var, delete_body: rx.Var) -> rx.Component:
    """Edit, and delete behind a confirmation, while not editing and for roles in ``allowed``
    (the handlers check the role again). Ids: ``{prefix}-edit``, ``{prefix}-delete``,
    ``{prefix}-delete-dialog``."""
    delete_button = rx.button(rx.icon("trash-2", size=16), t("common.delete"), color_scheme="red",
                              variant="soft", id=f"{prefix}-delete")
    return rx.cond(
        allowed & ~editing,
        rx.hstack(
            rx.button(rx.icon("pencil", size=16), t("common.edit"), on_click=on_edit, id=f"{prefix}-edit"),
            confirm_dialog(delete_button, delete_title,
                           rx.vstack(rx.text(delete_body), rx.text(t("common.cannot_undo"), weight="bold")),
                           t("common.delete"), on_delete, id=f"{prefix}-delete-dialog"),
            spacing="2",
        ),
        rx.fragment(),
    )


def back_link(prefix: str, label: rx.Var, href: rx.Var | str) -> rx.Component:
    """← the list this record was opened from (its filters kept). Id ``{prefix}-back``."""
    return rx.link(
        rx.hstack(rx.icon("arrow-left", size=14), label, align="center", spacing="1"),
        href=href, size="2", id=f"{prefix}-back", margin_bottom="8px", display="inline-block",
    )


def read_only_note(allowed: rx.Var) -> rx.Component:
    """"Alleen-lezen" for a role that may not change this kind of record."""
    return rx.cond(
        allowed,
        rx.fragment(),
        rx.callout(t("common.read_only"), icon="eye", color_scheme="gray", size="1", margin_bottom="12px"),
    )


def updated_line(updated: rx.Var) -> rx.Var:
    """"Gewijzigd 23-11-2026" under the title ('' for a new record)."""
    return rx.cond(updated != "", t("common.updated") + " " + updated, "")


def period(since: rx.Var, until: rx.Var, *, size: str = "2") -> rx.Component:
    """When a tie held: 'since – until' ('?' for an unknown start), 'since <date>' while it
    holds, nothing when neither is known."""
    return rx.text(
        rx.cond(
            until != "",
            rx.cond(since != "", since, "?") + " – " + until,
            rx.cond(since != "", t("org.since") + " " + since, ""),
        ),
        size=size, color_scheme="gray", white_space="nowrap",
    )


def tie_item(head: rx.Component, state: rx.Component, *details: rx.Component, actions: rx.Component,
             current: rx.Var, padding: str, **props: Any) -> rx.Component:
    """One tie in a record's list (a link to another organisation, an employment), framed:
    the other end with ``state`` (a badge) on the right, ``details`` under them, then the
    row's ``actions``; white while ``current``, grey once it has ended."""
    return rx.box(
        rx.flex(head, state, justify="between", align="center", spacing="2"),
        *details,
        rx.box(actions, margin_top="6px"),
        width="100%",
        padding=padding,
        border="1px solid var(--gray-5)",
        border_radius="var(--radius-3)",
        background_color=rx.cond(current, "var(--color-panel-solid)", "var(--gray-2)"),
        **props,
    )


def save_buttons(prefix: str, on_save: Any, on_cancel: Any) -> rx.Component:
    """A record form's "Opslaan" and "Annuleren" (ids ``{prefix}-save``, ``{prefix}-cancel``)."""
    return rx.hstack(
        rx.button(rx.icon("check", size=16), t("common.save"), on_click=on_save, size="3", id=f"{prefix}-save"),
        rx.button(t("common.cancel"), on_click=on_cancel, variant="soft", color_scheme="gray",
                  size="3", id=f"{prefix}-cancel"),
        spacing="3",
    )


def row_actions(prefix: str, allowed: rx.Var, on_edit: Any, end: tuple[rx.Var, str, rx.Var, Any],
                delete: tuple[rx.Var, rx.Var, Any]) -> rx.Component:
    """Edit, end (while ``end``'s condition holds) and delete behind a confirmation for one
    row of a record's list (a link, an employment), for roles in ``allowed``. ``end`` is
    (condition, icon, label, handler); ``delete`` is (title, body, handler). Class names
    ``{prefix}-edit``, ``{prefix}-end``, ``{prefix}-delete``; id ``{prefix}-delete-dialog``."""
    small = {"size": "1", "variant": "soft"}
    can_end, end_icon, end_label, on_end = end
    delete_title, delete_body, on_delete = delete
    delete_button = rx.button(rx.icon("trash-2", size=14), t("common.delete"), color_scheme="red",
                              class_name=f"{prefix}-delete", **small)
    return rx.cond(
        allowed,
        rx.flex(
            rx.button(rx.icon("pencil", size=14), t("common.edit"), on_click=on_edit,
                      color_scheme="gray", class_name=f"{prefix}-edit", **small),
            rx.cond(can_end,
                    rx.button(rx.icon(end_icon, size=14), end_label, on_click=on_end,
                              color_scheme="orange", class_name=f"{prefix}-end", **small),
                    rx.fragment()),
            confirm_dialog(delete_button, delete_title, delete_body, t("common.delete"), on_delete,
                           id=f"{prefix}-delete-dialog"),
            spacing="2", wrap="wrap",
        ),
        rx.fragment(),
    )
