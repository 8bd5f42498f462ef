"""The "Opvolging" section of an organisation page: follow-up notes with who, by when
and done; the form to add one for coordinators and admins."""

from __future__ import annotations

import reflex as rx

from lo_network.components.layout import section
from lo_network.i18n import t
from lo_network.states.followup_notes import FollowUpNotesState as N
from lo_network.states.followup_notes import NoteRow
from lo_network.states.session import SessionState


def note_item(row: NoteRow) -> rx.Component:
    return rx.hstack(
        rx.checkbox(checked=row.done != "", on_change=lambda v: N.set_done(row.id, v),
                    disabled=~SessionState.can_edit_network, class_name="fu-note-done", aria_label=t("followup.note_done")),
        rx.vstack(
            rx.text(row.note, size="2", text_decoration=rx.cond(row.done != "", "line-through", "none")),
            rx.text(
                row.assignee, " · ", t("followup.note_due"), " ", row.due,
                rx.cond(row.done != "", rx.fragment(" · ", t("followup.note_done"), " ", row.done), rx.fragment()),
                size="1", color_scheme=rx.cond(row.overdue, "red", "gray"),
            ),
            spacing="0",
        ),
        align="start",
        spacing="2",
        class_name="fu-note",
    )


def note_form() -> rx.Component:
    return rx.vstack(
        rx.text_area(value=N.note, on_change=lambda v: N.set_note_value("note", v), id="fu-note-text",
                     placeholder=t("followup.note_placeholder"), rows="2", width="100%"),
        rx.hstack(
            rx.input(value=N.assignee, on_change=lambda v: N.set_note_value("assignee", v), id="fu-note-assignee",
                     placeholder=t("followup.note_assignee"), flex="1", min_width="200px"),
            rx.input(value=N.due, on_change=lambda v: N.set_note_value("due", v), id="fu-note-due",
                     placeholder=t("common.date_hint"), aria_label=t("followup.note_due"), width="130px"),
            rx.button(rx.icon("phone-call", size=14), t("followup.note_add"), on_click=N.add_note, size="2",
                      id="fu-note-add"),
            spacing="2", width="100%", wrap="wrap",
        ),
        spacing="2",
        width="100%",
    )


def followup_notes_section() -> rx.Component:
    return section(
        t("followup.notes_title"),
        rx.vstack(
            rx.cond(N.notes.length() == 0, rx.text(t("followup.no_notes"), size="2", color_scheme="gray"),
                    rx.vstack(rx.foreach(N.notes, note_item), spacing="2", width="100%")),
            rx.cond(SessionState.can_edit_network, note_form(), rx.fragment()),
            spacing="3",
            width="100%",
        ),
        id="org-followup",
    )
