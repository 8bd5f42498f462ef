"""Audit entries on a page: the "Geschiedenis" section of a record and the rows of /audit."""

from __future__ import annotations

import reflex as rx

from lo_network.components.layout import STACK_ON_PHONE, labelled_cell, section
from lo_network.i18n import pick, t
from lo_network.services.audit import Change, Entry


def change_row(change: Change) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(pick(change.label, change.label_en), size="1", weight="medium"), white_space="nowrap",
                      class_name="audit-field"),
        labelled_cell(rx.text(pick(change.before, change.before_en), color_scheme="red", size="1"),
                      label=t("audit.before"), class_name="audit-before", overflow_wrap="anywhere"),
        labelled_cell(rx.text(pick(change.after, change.after_en), color_scheme="teal", size="1"),
                      label=t("audit.after"), class_name="audit-after", overflow_wrap="anywhere"),
    )


def changes_table(entry: Entry) -> rx.Component:
    return rx.cond(
        entry.changes.length() > 0,
        rx.table.root(
            rx.table.header(rx.table.row(
                # the same widths in every entry, so the columns line up down the page
                rx.table.column_header_cell(t("audit.field"), width="28%"),
                rx.table.column_header_cell(t("audit.before"), width="36%"),
                rx.table.column_header_cell(t("audit.after"), width="36%"),
            )),
            rx.table.body(rx.foreach(entry.changes, change_row)),
            size="1", variant="ghost", width="100%", class_name=STACK_ON_PHONE,
        ),
        rx.fragment(),
    )


def entry_item(entry: Entry, with_record: bool = False) -> rx.Component:
    """One entry: when, who (and how), what; then field by field before and after."""
    entity = pick(entry.entity_label, entry.entity_label_en)
    record = [rx.cond(entry.href != "", rx.link(entity, " ", entry.entity_id, href=entry.href),
                      rx.text(entity, " ", entry.entity_id, as_="span"))] if with_record else []
    return rx.box(
        rx.hstack(
            rx.text(entry.at, size="1", color_scheme="gray", white_space="nowrap"),
            rx.badge(pick(entry.action_label, entry.action_label_en), variant="soft", class_name="audit-action"),
            *record,
            rx.text(entry.actor, " (", entry.via, ")", size="2"),
            spacing="2", wrap="wrap", align="center",
        ),
        changes_table(entry),
        class_name="audit-entry",
        border_top="1px solid var(--gray-4)",
        padding_y="6px",
        width="100%",
    )


def history_section(entries: rx.Var, element_id: str) -> rx.Component:
    """"Geschiedenis": who changed what on this record, newest first."""
    return section(
        t("audit.history"),
        rx.cond(
            entries.length() > 0,
            rx.box(rx.foreach(entries, lambda e: entry_item(e)), id=element_id, width="100%"),
            rx.text(t("audit.no_history"), size="2", color_scheme="gray", id=element_id),
        ),
    )
