"""/personen/[person_id] (view, edit, employment history) and /personen/nieuw (create)."""

from __future__ import annotations

from typing import Callable

import reflex as rx

from lo_network.components.dialogs import form_dialog
from lo_network.components.forms import (
    field, field_error, form_grid, labelled_checkbox, read_only_value, text_input,
)
from lo_network.components.history import history_section
from lo_network.components.layout import found_or_missing, items_or_none, layout, page_header, section
from lo_network.components.network import network_sections
from lo_network.components.organisation_lookup import chosen_organisation, organisation_lookup
from lo_network.components.participation import participation_section
from lo_network.components.privacy import person_privacy_sections
from lo_network.components.record_fields import RecordFields
from lo_network.components.records import (
    back_link, period, read_only_note, record_actions, row_actions, save_buttons, tie_item, updated_line,
)
from lo_network.domain import people as person_domain
from lo_network.domain.fields import sections
from lo_network.i18n import page_title, t
from lo_network.pages import page
from lo_network.states.history import HistoryState
from lo_network.states.links import LinksState
from lo_network.states.people import LIST_ROUTE as PEOPLE_ROUTE
from lo_network.states.people import PeopleState
from lo_network.states.person import Employment, PersonState as S
from lo_network.states.person import NEW_ROUTE, ROUTE_ARG
from lo_network.states.privacy import PersonPrivacyState
from lo_network.states.session import SessionState

PREFIX = "person"
JOB = "job"


# ---------------------------------------------------------------- the fields, form and view
def _fields() -> RecordFields:
    """The person's declared fields on this page (domain.people.DECLARED)."""
    return RecordFields(declared=person_domain.DECLARED, prefix=PREFIX, labels="person.field.", values=S.values,
                        errors=S.errors, set_value=S.set_value, lists={"tags": (S.tag_list, None)}, focus=S.is_new)


def _sections(show: Callable[[RecordFields, str], rx.Component]) -> list[rx.Component]:
    fields = _fields()
    return [section(t(f"person.section.{name}"), show(fields, name)) for name in sections(person_domain.DECLARED)]


def _job_input(name: str, errors: rx.Var, **props) -> rx.Component:
    return field(
        t(f"person.job.{name}"),
        text_input(JOB, name, S.job[name], lambda v: S.set_job_value(name, v), **props),
        error=field_error(errors, name),
        html_for=f"{JOB}-{name}",
    )


def _date_input(name: str, errors: rx.Var) -> rx.Component:
    return _job_input(name, errors, placeholder=t("common.date_hint"))


def employer_picker(errors: rx.Var) -> rx.Component:
    """The organisation of a new employment: look-up, or the one picked."""
    return field(
        t("person.job.organisation"),
        rx.cond(
            S.job["organisation_id"] != "",
            chosen_organisation(JOB, S.job["organisation_name"], S.clear_organisation),
            organisation_lookup(JOB, S.organisation_query, S.organisation_hits, S.look_up_organisation,
                                lambda hit: S.pick_organisation(hit.id, hit.name), t("person.lookup.placeholder")),
        ),
        error=field_error(errors, "organisation_id"),
        html_for=f"{JOB}-organisation",
    )


def first_job_fields() -> rx.Component:
    """On the new page: where the person works, saved together with the person."""
    return section(
        t("person.job.first"),
        rx.vstack(
            employer_picker(S.errors),
            rx.cond(
                S.job["organisation_id"] != "",
                form_grid(_job_input("role", S.errors), _date_input("since", S.errors)),
                rx.text(t("person.job.first_hint"), size="2", color_scheme="gray"),
            ),
            spacing="4",
            width="100%",
        ),
    )


def form_buttons() -> rx.Component:
    return save_buttons(PREFIX, S.save, S.cancel_edit)


def edit_form() -> rx.Component:
    """The person's fields; on the new page the save buttons sit under both columns."""
    return rx.vstack(
        *_sections(RecordFields.form_section),
        rx.cond(S.is_new, rx.fragment(), form_buttons()),
        spacing="4", width="100%", id="person-form",
    )


# ---------------------------------------------------------------- read-only view
def view() -> rx.Component:
    return rx.vstack(*_sections(RecordFields.view_section), spacing="4", width="100%")


# ---------------------------------------------------------------- employment history
def job_actions(job: Employment) -> rx.Component:
    return row_actions("job", SessionState.can_edit_network, S.open_job("edit", job.id),
                       end=(job.current, "log-out", t("person.job.end"), S.open_job("end", job.id)),
                       delete=(t("person.job.delete_title"), t("person.job.delete_body"), S.delete_job(job.id)))


def job_item(job: Employment) -> rx.Component:
    return tie_item(
        rx.link(job.organisation_name, href="/organisaties/" + job.organisation_id, weight="medium",
                class_name="job-organisation"),
        rx.cond(job.current, rx.badge(t("person.jobs_current"), color_scheme="teal", variant="soft"),
                rx.badge(t("person.jobs_former"), color_scheme="gray", variant="soft")),
        rx.cond(job.role != "", rx.text(job.role, size="2"), rx.fragment()),
        period(job.since, job.until),
        actions=job_actions(job),
        current=job.current,
        padding="10px 12px",
        custom_attrs={"data-employment-id": job.id},
        class_name=rx.cond(job.current, "job job-current", "job job-former"),
    )


def job_buttons() -> rx.Component:
    return rx.cond(
        SessionState.can_edit_network,
        rx.flex(
            rx.cond(
                S.has_current_job,
                rx.button(rx.icon("arrow-right-left", size=16), t("person.job.change"), on_click=S.open_job("change", ""),
                          size="2", id="job-change"),
                rx.fragment(),
            ),
            rx.button(rx.icon("plus", size=16), t("person.job.add"), on_click=S.open_job("add", ""), size="2",
                      variant=rx.cond(S.has_current_job, "soft", "solid"), id="job-add"),
            spacing="2",
            wrap="wrap",
        ),
        rx.fragment(),
    )


def employment_history() -> rx.Component:
    return section(
        t("person.jobs"),
        rx.vstack(
            items_or_none(S.jobs, job_item, t("person.no_jobs"), "person-jobs", "person-no-jobs"),
            job_buttons(),
            spacing="3",
            width="100%",
        ),
    )


def job_dialog_title() -> rx.Var:
    return rx.match(
        S.job_mode,
        ("edit", t("person.job.edit_title")),
        ("end", t("person.job.end_title")),
        rx.cond(S.end_current, t("person.job.change"), t("person.job.add")),
    )


def job_dialog() -> rx.Component:
    """Add, change or end an employment. Errors stay in the dialog; a save closes it."""
    errors = S.job_errors
    return form_dialog(
        "job", job_dialog_title(),
        rx.cond(
            S.job_mode == "add",
            employer_picker(errors),
            read_only_value(t("person.job.organisation"), S.job["organisation_name"], id="job-organisation-name"),
        ),
        form_grid(_job_input("role", errors), _date_input("since", errors), _date_input("until", errors)),
        rx.cond(
            (S.job_mode == "add") & S.has_current_job,
            labelled_checkbox(t("person.job.end_current"), id="job-end_current", name="end_current",
                              checked=S.end_current, on_change=S.set_end_current),
            rx.fragment(),
        ),
        intro=rx.cond(S.job_mode == "end",
                      rx.dialog.description(t("person.job.end_intro"), size="2", margin_bottom="12px"),
                      rx.fragment()),
        on_save=S.save_job, open=S.job_open, on_open_change=S.set_job_open, dialog_id="job-dialog",
    )


# ---------------------------------------------------------------- pages
def actions() -> rx.Component:
    return record_actions("person", SessionState.can_edit_network, S.editing, S.start_edit, S.delete,
                          t("person.delete_title"), t("person.delete_body"))


def body() -> rx.Component:
    return found_or_missing(
        S.loaded, S.missing, t("person.not_found"), id="person-missing", content=rx.box(
            page_header(rx.cond(S.is_new, t("person.new"), S.name), actions(), subtitle=updated_line(S.updated)),
            read_only_note(SessionState.can_edit_network),
            rx.grid(
                rx.box(rx.cond(S.editing, edit_form(), view())),
                rx.cond(S.is_new, first_job_fields(),
                        rx.vstack(employment_history(), network_sections(), *person_privacy_sections(),
                                  history_section(HistoryState.entries, "person-history"),
                                  spacing="4", width="100%")),
                columns=rx.breakpoints(initial="1", md="3fr 2fr"),
                gap="4",
                width="100%",
                align_items="start",
            ),
            rx.cond(S.is_new, rx.box(form_buttons(), margin_top="16px"), rx.fragment()),
            rx.cond(S.is_new, rx.fragment(), job_dialog()),
        ),
    )


@page(NEW_ROUTE, page_title("person.new"), S.load_new)
@page(f"{PEOPLE_ROUTE}/[{ROUTE_ARG}]", page_title("tab.person"),
      [S.load, LinksState.load_person, HistoryState.load_person, PersonPrivacyState.load])
def person() -> rx.Component:
    return layout(back_link("person", t("person.back_to_list"), PeopleState.list_url), body(),
                  participation_section())
