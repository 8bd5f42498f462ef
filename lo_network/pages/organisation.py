"""/organisaties/[org_id] (view and edit) and /organisaties/nieuw (create)."""

from __future__ import annotations

from typing import Callable

import reflex as rx

from lo_network.components.followup_notes import followup_notes_section
from lo_network.components.grants import grants_section
from lo_network.components.history import history_section
from lo_network.components.layout import found_or_missing, layout, page_header, section
from lo_network.components.lists import status_badge
from lo_network.components.network import network_sections
from lo_network.components.record_fields import RecordFields
from lo_network.components.records import (
    back_link, period, read_only_note, record_actions, save_buttons, updated_line,
)
from lo_network.domain import activities as activity_domain
from lo_network.domain import organisations as org_domain
from lo_network.domain.fields import sections
from lo_network.i18n import page_title, t, vocab_label
from lo_network.pages import page
from lo_network.states.followup_notes import FollowUpNotesState
from lo_network.states.grants import GrantsState
from lo_network.states.history import HistoryState
from lo_network.states.links import LinksState
from lo_network.states.organisation_detail import (
    NEW_ROUTE, ROUTE_ARG, Colleague, ExistingOrganisation, Involvement, OrganisationState as S, StatusChange,
)
from lo_network.states.organisations import LIST_ROUTE, OrganisationsState
from lo_network.states.session import SessionState

PREFIX = "org"


# ---------------------------------------------------------------- the fields, form and view
def _fields() -> RecordFields:
    """The organisation's declared fields on this page (domain.organisations.DECLARED)."""
    return RecordFields(
        declared=org_domain.DECLARED, prefix=PREFIX, labels="org.field.", values=S.values, errors=S.errors,
        set_value=S.set_value, lists={"themes": (S.themes, S.toggle_theme), "tags": (S.tag_list, None)},
        companies=S.is_company, focus=S.is_new,
        own_view={"status": rx.hstack(status_badge(S.values["status"]),
                                      rx.text(t("org.since"), " ", S.values["status_since"], size="2",
                                              color_scheme="gray"),
                                      align="center")},
    )


def _sections(show: Callable[[RecordFields, str], rx.Component]) -> list[rx.Component]:
    fields = _fields()
    return [section(t(f"org.section.{name}"), show(fields, name)) for name in sections(org_domain.DECLARED)]


def existing_holder(holder: ExistingOrganisation) -> rx.Component:
    return rx.hstack(
        rx.link(holder.name, href="/organisaties/" + holder.id, weight="medium", class_name="kvk-holder-link"),
        rx.cond(holder.city != "", rx.text(holder.city, size="2", color_scheme="gray"), rx.fragment()),
        rx.link(rx.button(rx.icon("external-link", size=14), t("org.kvk_open"), size="1", variant="soft"),
                href="/organisaties/" + holder.id, class_name="kvk-holder-open"),
        align="center", spacing="2", wrap="wrap",
    )


def kvk_taken() -> rx.Component:
    """Shown when a save stopped because another organisation holds the KvK number: open
    that one, or save anyway on purpose (a branch, a holding and its company)."""
    return rx.cond(
        S.kvk_holders.length() > 0,
        rx.callout.root(
            rx.callout.icon(rx.icon("copy")),
            rx.vstack(
                rx.text(t("org.kvk_taken_title"), weight="bold", size="2"),
                rx.vstack(rx.foreach(S.kvk_holders, existing_holder), spacing="1"),
                rx.text(t("org.kvk_taken_body"), size="2"),
                rx.button(t("org.save_anyway"), on_click=S.save_anyway, size="2", variant="outline",
                          color_scheme="orange", id="org-save-anyway"),
                spacing="2", align="start",
            ),
            color_scheme="orange", role="alert", id="org-kvk-taken", width="100%",
        ),
        rx.fragment(),
    )


def form_buttons() -> rx.Component:
    return save_buttons(PREFIX, S.save, S.cancel_edit)


def edit_form() -> rx.Component:
    return rx.vstack(
        *_sections(RecordFields.form_section), kvk_taken(), form_buttons(),
        spacing="4", width="100%", id="org-form",
    )


# ---------------------------------------------------------------- read-only view
def view() -> rx.Component:
    return rx.vstack(*_sections(RecordFields.view_section), spacing="4", width="100%")


# ---------------------------------------------------------------- history and people
def history_item(change: StatusChange) -> rx.Component:
    return rx.hstack(
        rx.text(change.date, size="2", color_scheme="gray", min_width="92px"),
        status_badge(change.status),
        align="center",
    )


def status_history() -> rx.Component:
    return section(
        t("org.status_history"),
        rx.vstack(rx.foreach(S.history, history_item), spacing="2", id="org-status-history"),
    )


def person_row(person: Colleague) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(rx.link(person.name, href="/personen/" + person.person_id, class_name="person-link")),
        rx.table.cell(person.role),
        rx.table.cell(period(person.since, person.until)),
    )


def people_table(people: rx.Var, table_id: str) -> rx.Component:
    return rx.table.root(
        rx.table.header(rx.table.row(
            rx.table.column_header_cell(t("org.person")),
            rx.table.column_header_cell(t("org.role")),
            rx.table.column_header_cell(t("org.period")),
        )),
        rx.table.body(rx.foreach(people, person_row)),
        variant="ghost", size="1", width="100%", id=table_id,
    )


def people() -> rx.Component:
    return section(
        t("org.people"),
        rx.cond(
            (S.current_people.length() == 0) & (S.former_people.length() == 0),
            rx.text(t("org.no_people"), color_scheme="gray", size="2"),
            rx.vstack(
                rx.cond(S.current_people.length() > 0,
                        rx.vstack(rx.text(t("org.people_current"), weight="medium", size="2"),
                                  people_table(S.current_people, "org-people-current"), width="100%"),
                        rx.fragment()),
                rx.cond(S.former_people.length() > 0,
                        rx.vstack(rx.text(t("org.people_former"), weight="medium", size="2"),
                                  people_table(S.former_people, "org-people-former"), width="100%"),
                        rx.fragment()),
                rx.link(t("org.people_all"), href="/personen?organisatie=" + S.record_id,
                        id="org-people-all", size="2"),
                spacing="4", width="100%",
            ),
        ),
    )


# ---------------------------------------------------------------- what it takes part in
def _activity_cell(item: Involvement) -> rx.Component:
    return rx.table.row_header_cell(
        rx.link(item.title, href="/activiteiten/" + item.activity_id, class_name="org-activity-link"),
        rx.text(vocab_label(activity_domain.KINDS, item.kind), size="1", color_scheme="gray"),
    )


def partner_row(item: Involvement) -> rx.Component:
    return rx.table.row(
        _activity_cell(item),
        rx.table.cell(rx.badge(vocab_label(activity_domain.PARTNER_ROLES, item.role), variant="soft")),
        class_name="org-partner-in",
    )


def organised_row(item: Involvement) -> rx.Component:
    return rx.table.row(rx.table.cell(item.starts, white_space="nowrap"), _activity_cell(item),
                        class_name="org-organised")


def attended_row(item: Involvement) -> rx.Component:
    return rx.table.row(
        rx.table.cell(item.starts, white_space="nowrap"),
        _activity_cell(item),
        rx.table.cell(rx.flex(
            rx.foreach(item.people, lambda p: rx.link(p["name"], href="/personen/" + p["id"], size="2",
                                                      class_name="org-attendee-link")),
            spacing="2", wrap="wrap",
        )),
        class_name="org-attended",
    )


def _involvement_table(title: rx.Var | str, rows: rx.Var, row: Callable, table_id: str) -> rx.Component:
    return rx.cond(
        rows.length() > 0,
        rx.vstack(
            rx.text(title, weight="medium", size="2"),
            rx.table.root(rx.table.body(rx.foreach(rows, row)), variant="ghost", size="1", width="100%",
                          id=table_id),
            width="100%", spacing="1",
        ),
        rx.fragment(),
    )


def involvement() -> rx.Component:
    """Projects and living labs it is a partner in, what it organised, what its people took part in."""
    return section(
        t("org.involvement"),
        rx.cond(
            (S.partner_in.length() == 0) & (S.organised.length() == 0) & (S.attended.length() == 0),
            rx.text(t("org.involvement_none"), color_scheme="gray", size="2"),
            rx.vstack(
                _involvement_table(t("org.partner_in"), S.partner_in, partner_row, "org-partner-in"),
                _involvement_table(t("org.organised"), S.organised, organised_row, "org-organised"),
                _involvement_table(t("org.attended"), S.attended, attended_row, "org-attended"),
                spacing="4", width="100%",
            ),
        ),
    )


# ---------------------------------------------------------------- pages
def actions() -> rx.Component:
    return record_actions("org", SessionState.can_edit_network, S.editing, S.start_edit, S.delete,
                          t("org.delete_title"), t("org.delete_body"))


def content() -> rx.Component:
    """Title, buttons, then the form or the view beside status history and people."""
    return rx.box(
        page_header(rx.cond(S.is_new, t("org.new"), S.name), actions(), subtitle=updated_line(S.updated)),
        read_only_note(SessionState.can_edit_network),
        rx.cond(
            S.is_new,
            rx.box(edit_form(), max_width="760px"),
            rx.grid(
                rx.box(rx.cond(S.editing, edit_form(), view())),
                rx.vstack(status_history(), followup_notes_section(), grants_section(), people(), involvement(),
                          network_sections(),
                          history_section(HistoryState.entries, "org-history"), spacing="4", width="100%"),
                columns=rx.breakpoints(initial="1", md="3fr 2fr"),
                spacing="4",
                width="100%",
            ),
        ),
    )


def body() -> rx.Component:
    return found_or_missing(S.loaded, S.missing, t("org.not_found"), content(), id="org-missing")


@page(NEW_ROUTE, page_title("org.new"), S.load_new)
@page(f"{LIST_ROUTE}/[{ROUTE_ARG}]", page_title("tab.organisation"),
      [S.load, LinksState.load_organisation, HistoryState.load_organisation, FollowUpNotesState.load_organisation,
       GrantsState.load_organisation])
def organisation() -> rx.Component:
    return layout(back_link("org", t("org.back_to_list"), OrganisationsState.list_url), body())
