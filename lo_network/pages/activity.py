"""/activiteiten/[activity_id] (view, edit, registrations) and /activiteiten/nieuw (create)."""

from __future__ import annotations

import reflex as rx

from lo_network.components.forms import (
    checkbox_group, confirm_dialog, datetime_input, describe_control, field, field_error, form_grid, icon_button,
    read_only_value, text_area, text_input, vocab_select,
)
from lo_network.components.history import history_section
from lo_network.components.layout import layout, loading, page_header, section
from lo_network.components.lists import search_box
from lo_network.domain import activities as domain
from lo_network.domain import registrations as reg_domain
from lo_network.domain import vocab
from lo_network.i18n import is_english, page_title, t, vocab_label
from lo_network.i18n import pick as pick_label
from lo_network.pages import page
from lo_network.services import outbox as outbox_words
from lo_network.states.activities import LIST_ROUTE
from lo_network.states.activity import ActivityState as S
from lo_network.states.activity import EmailRow, MilestoneRow, Organiser, PartnerRow, RegistrationRow
from lo_network.states.activity import NEW_ROUTE, ROUTE_ARG
from lo_network.states.activity_project import ActivityProject as P
from lo_network.states.activity_registrations import ActivityRegistrations as R
from lo_network.states.activity_registrations import PersonHit, RefusedPerson
from lo_network.states.history import HistoryState
from lo_network.states.people import OrganisationOption
from lo_network.states.session import SessionState

PREFIX = "act"
DECLARED = {f.name: f for f in domain.DECLARED}
STATUS_COLORS = {"registered": "teal", "waitlisted": "orange", "cancelled": "gray", "walk_in": "blue"}


def status_badge(status: rx.Var) -> rx.Component:
    return rx.match(
        status,
        *[(code, rx.badge(vocab_label(reg_domain.STATUSES, status), color_scheme=color, variant="soft"))
          for code, color in STATUS_COLORS.items()],
        rx.badge(status, variant="outline"),
    )


def attendance_badge(attendance: rx.Var) -> rx.Component:
    return rx.match(
        attendance,
        ("present", rx.badge(vocab_label(reg_domain.ATTENDANCE, attendance), color_scheme="green")),
        ("no_show", rx.badge(vocab_label(reg_domain.ATTENDANCE, attendance), color_scheme="red", variant="soft")),
        rx.fragment(),
    )


# ---------------------------------------------------------------- edit form
def _input(name: str, **props) -> rx.Component:
    return text_input(PREFIX, name, S.values[name], lambda v: S.set_activity_value(name, v), **props)


def _when(name: str) -> rx.Component:
    return datetime_input(PREFIX, name, S.values[name], lambda v: S.set_activity_value(name, v))


def _field(name: str, control: rx.Component, **props) -> rx.Component:
    """A declared field's label, control and error; marked required unless it has a default."""
    declared = DECLARED[name]
    return field(t(f"act.field.{name}"), control, error=field_error(S.errors, name), html_for=f"{PREFIX}-{name}",
                 required=declared.required and not declared.default, **props)


def _select(name: str) -> rx.Component:
    """A declared select: its vocabulary, with the declared prompt or "no choice" item."""
    declared = DECLARED[name]
    props = {"placeholder": t(declared.prompt)} if declared.prompt else {}
    if declared.empty:
        props["empty_label"] = t(declared.empty)
    return vocab_select(PREFIX, name, declared.vocabulary, S.values[name], lambda v: S.set_activity_value(name, v),
                        **props)


def organiser_chip(o: Organiser) -> rx.Component:
    return rx.badge(o.name, rx.icon("x", size=12, cursor="pointer", on_click=S.drop_organiser(o.id)),
                    variant="surface", size="2", class_name="act-organiser")


def organiser_hit(o: OrganisationOption) -> rx.Component:
    return rx.button(o.name, rx.text(o.city, size="1", color_scheme="gray"), variant="ghost", size="2",
                     on_click=S.pick_organiser(o.id, o.name), class_name="act-organiser-hit", justify="start")


def organiser_picker() -> rx.Component:
    return rx.vstack(
        rx.flex(rx.foreach(S.organisers, organiser_chip), spacing="1", wrap="wrap"),
        rx.input(id="act-organiser-search", value=S.organiser_query, on_change=S.look_up_organiser,
                 debounce_timeout=300, placeholder=t("act.organiser_search"), width="100%"),
        rx.cond(S.organiser_hits.length() > 0,
                rx.vstack(rx.foreach(S.organiser_hits, organiser_hit), spacing="1", align="start"), rx.fragment()),
        spacing="2", width="100%",
    )


def edit_form() -> rx.Component:
    return rx.vstack(
        section(t("act.section.general"), form_grid(
            _field("title", _input("title", auto_focus=S.is_new)),
            _field("kind", _select("kind")),
            _field("region", _select("region")),
            _field("corridor", _select("corridor")),
            _field("programme_line", _select("programme_line")),
            _field("themes", checkbox_group(PREFIX, "themes", vocab.THEMES, S.themes, S.toggle_theme)),
            _field("organiser_ids", organiser_picker()),
        ), rx.box(_field("description", text_area(PREFIX, "description", S.values["description"],
                                                  lambda v: S.set_activity_value("description", v))), margin_top="16px")),
        section(t("act.section.when_where"), form_grid(
            _field("starts_at", _when("starts_at"), hint=t("act.time_hint")),
            _field("ends_at", _when("ends_at")),
            _field("location", _input("location")),
            _field("online_url", _input("online_url", placeholder="https://")),
        )),
        section(t("act.section.budget"), form_grid(
            _field("budget_planned", _input("budget_planned", input_mode="decimal", placeholder="1.250,50"),
                   hint=t("act.budget_hint")),
            _field("budget_spent", _input("budget_spent", input_mode="decimal", placeholder="1.250,50"),
                   hint=t("act.budget_hint")),
        )),
        section(t("act.section.registration"), form_grid(
            _field("visibility", _select("visibility")),
            _field("capacity", _input("capacity", input_mode="numeric"), hint=t("act.capacity_hint")),
            _field("registration_opens", _when("registration_opens")),
            _field("registration_closes", _when("registration_closes"),
                   hint=t("act.closes_hint")),
        )),
        rx.cond(S.is_new, section(t("act.section.series"), form_grid(
            _field("repeat_every", _select("repeat_every")),
            _field("repeat_count", _input("repeat_count", input_mode="numeric", placeholder="6"),
                   hint=t("act.repeat_hint")),
        )), rx.fragment()),
        rx.hstack(
            rx.button(rx.icon("check", size=16), t("common.save"), on_click=S.save, size="3", id="act-save"),
            rx.button(t("common.cancel"), on_click=S.cancel_edit, variant="soft", color_scheme="gray", size="3",
                      id="act-cancel"),
            spacing="3",
        ),
        spacing="4", width="100%", id="act-form",
    )


# ---------------------------------------------------------------- view
def _amount(name: str, id_: str) -> rx.Component:
    """An amount in euros in the page's language, or a dash."""
    text = rx.cond(is_english(), S.money[f"{name}_en"], S.money[f"{name}_nl"])
    return rx.text(rx.cond(text, text, "—"), size="2", id=id_)


def view() -> rx.Component:
    return section(t("act.section.general"), form_grid(
        read_only_value(t("act.field.kind"), rx.text(vocab_label(domain.KINDS, S.values["kind"]), size="2", id="act-view-kind")),
        read_only_value(t("act.field.starts_at"), S.starts, id="act-view-starts"),
        read_only_value(t("act.field.ends_at"), S.ends, id="act-view-ends"),
        read_only_value(t("act.field.location"), S.values["location"], id="act-view-location"),
        read_only_value(t("act.field.online_url"), S.values["online_url"]),
        read_only_value(t("act.field.region"), rx.text(vocab_label(vocab.REGIONS, S.values["region"]), size="2")),
        read_only_value(t("act.field.corridor"), rx.text(vocab_label(domain.CORRIDORS, S.values["corridor"]), size="2")),
        read_only_value(t("act.field.programme_line"),
                        rx.text(vocab_label(vocab.PROGRAMME_LINES, S.values["programme_line"]), size="2")),
        read_only_value(t("act.field.budget_planned"), _amount("budget_planned", "act-view-budget-planned")),
        read_only_value(t("act.field.budget_spent"), _amount("budget_spent", "act-view-budget-spent")),
        read_only_value(t("act.field.themes"), rx.flex(rx.foreach(S.themes, lambda th: rx.badge(
            vocab_label(vocab.THEMES, th), variant="surface", color_scheme="gray")), spacing="1", wrap="wrap")),
        read_only_value(t("act.field.organiser_ids"), rx.flex(rx.foreach(S.organisers, lambda o: rx.link(
            o.name, href="/organisaties/" + o.id, size="2")), spacing="2", wrap="wrap")),
        read_only_value(t("act.field.visibility"), rx.text(vocab_label(domain.VISIBILITIES, S.values["visibility"]), size="2")),
        read_only_value(t("act.seats"), S.seats_text, id="act-view-seats"),
        read_only_value(t("act.registration_window"), rx.text(
            rx.cond(S.opens != "", t("act.registration_from") + " " + S.opens + " ", ""),
            t("act.registration_until"), " ", rx.cond(S.closes != "", S.closes, S.starts),
            size="2", id="act-view-registration")),
    ), rx.cond(S.values["description"] != "", rx.text(S.values["description"], size="2", white_space="pre-wrap",
                                                      margin_top="12px"), rx.fragment()))


# ---------------------------------------------------------------- registrations
def registration_row(r: RegistrationRow) -> rx.Component:
    cancel = rx.cond(
        S.can_edit_activities & (r.status != "cancelled"),
        confirm_dialog(icon_button("user-x", t("reg.cancel"), variant="ghost", color_scheme="red", size="1",
                                   class_name="reg-cancel"),
                       t("reg.cancel"), r.name, t("reg.cancel"), R.cancel_registration(r.id), id="reg-cancel-" + r.id),
        rx.fragment(),
    )
    return rx.table.row(
        rx.table.cell(r.position, color="var(--gray-11)"),
        rx.table.row_header_cell(rx.text(r.name, weight="medium"), rx.text(r.email, size="1", color_scheme="gray")),
        rx.table.cell(rx.text(r.organisation, size="2"),
                      rx.cond(r.proposed, rx.hstack(
                          rx.badge(t("reg.proposed"), color_scheme="amber", size="1"),
                          rx.cond(SessionState.can_edit_network,
                                  rx.button(t("reg.confirm_organisation"), on_click=R.confirm_organisation(r.id),
                                            size="1", variant="soft", class_name="reg-confirm-org"),
                                  rx.fragment()),
                          spacing="1", wrap="wrap"), rx.fragment())),
        rx.table.cell(status_badge(r.status)),
        rx.table.cell(attendance_badge(r.attendance)),
        rx.table.cell(cancel),
        align="center", class_name="reg-row",
    )


def people_hit(p: PersonHit) -> rx.Component:
    return rx.button(rx.icon("plus", size=12), p.name, rx.text(p.organisation, size="1", color_scheme="gray"),
                     variant="soft", size="1", on_click=R.choose_person(p.id), class_name="reg-person-hit")


def chosen_chip(p: PersonHit) -> rx.Component:
    return rx.badge(p.name, rx.icon("x", size=12, cursor="pointer", on_click=R.unchoose_person(p.id)),
                    variant="solid", size="2", class_name="reg-chosen")


def refused_person(r: RefusedPerson) -> rx.Component:
    return rx.el.li(rx.link(r.name, href="/personen/" + r.id, size="2", class_name="reg-refused-person"))


def refused_notice() -> rx.Component:
    """A bulk registration refused: who has no basis for invitations (each a link to their
    record, where the consent is recorded) and what to do."""
    return rx.cond(R.refused.length() > 0, rx.callout.root(
        rx.callout.icon(rx.icon("shield-alert")),
        rx.vstack(
            rx.text(t("reg.refused_title"), size="2", weight="medium"),
            rx.el.ul(rx.foreach(R.refused, refused_person), style={"margin": "0", "padding_left": "20px"}),
            rx.text(t("reg.refused_what"), size="2"),
            rx.button(rx.icon("user-minus", size=14), t("reg.refused_drop"), on_click=R.drop_refused, size="1",
                      variant="soft", color_scheme="orange", id="reg-refused-drop"),
            spacing="2", align="start"),
        color_scheme="orange", id="reg-refused", width="100%",
    ), rx.fragment())


def add_people() -> rx.Component:
    return rx.cond(S.can_edit_activities, rx.vstack(
        rx.text(t("reg.add_people"), weight="medium", size="2"),
        rx.input(id="reg-people-search", value=R.people_query, on_change=R.look_up_people, debounce_timeout=300,
                 placeholder=t("reg.people_search"), width="100%"),
        rx.flex(rx.foreach(R.people_hits, people_hit), spacing="1", wrap="wrap"),
        rx.cond(R.chosen.length() > 0, rx.hstack(
            rx.flex(rx.foreach(R.chosen, chosen_chip), spacing="1", wrap="wrap"),
            rx.button(rx.icon("user-plus", size=14), t("reg.register_selected"), on_click=R.register_chosen,
                      size="2", id="reg-register"),
            spacing="3", align="center", wrap="wrap"), rx.fragment()),
        refused_notice(),
        spacing="2", width="100%", padding_bottom="12px",
    ), rx.fragment())


def registrations() -> rx.Component:
    return section(
        t("reg.title"),
        add_people(),
        rx.flex(
            rx.box(search_box("reg", S.reg_text, R.search_registrations, t("reg.search")), flex="1", min_width="220px"),
            rx.button(rx.icon("download", size=14), t("reg.export_csv"), on_click=R.export("csv"), variant="soft",
                      size="2", id="reg-export-csv"),
            rx.button(rx.icon("sheet", size=14), t("reg.export_xlsx"), on_click=R.export("xlsx"), variant="soft",
                      size="2", id="reg-export-xlsx"),
            spacing="2", wrap="wrap", align="center", width="100%",
        ),
        rx.cond(S.registrations.length() == 0, rx.text(t("reg.none"), color_scheme="gray", size="2", padding_y="12px"),
                rx.table.root(
                    rx.table.header(rx.table.row(
                        rx.table.column_header_cell("#"),
                        *(rx.table.column_header_cell(t("reg.field." + name))
                          for name in ("name", "organisation_name", "status", "attendance")),
                        rx.table.column_header_cell(""),
                    )),
                    rx.table.body(rx.foreach(S.registrations, registration_row)),
                    variant="ghost", size="1", width="100%", id="reg-table",
                )),
        id="registrations",
    )


def series_section() -> rx.Component:
    return rx.cond(S.sessions.length() > 1, section(
        t("act.section.series"),
        rx.flex(rx.foreach(S.sessions, lambda x: rx.cond(
            x.current, rx.badge(x.starts, size="2", variant="solid"),
            rx.link(rx.badge(x.starts, size="2", variant="soft"), href="/activiteiten/" + x.id, class_name="act-session"))),
            spacing="2", wrap="wrap", id="act-sessions"),
    ), rx.fragment())


def partner_row(p: PartnerRow) -> rx.Component:
    return rx.hstack(
        rx.link(p.name, href="/organisaties/" + p.id, size="2", class_name="project-partner"),
        rx.badge(vocab_label(domain.PARTNER_ROLES, p.role), variant="soft"),
        rx.cond(S.can_edit_activities, icon_button("x", t("common.delete"), icon_size=12, size="1", variant="ghost",
                                                   color_scheme="gray", on_click=P.remove_partner(p.id)),
                rx.fragment()),
        spacing="2", align="center",
    )


def milestone_row(m: MilestoneRow) -> rx.Component:
    return rx.hstack(
        rx.checkbox(checked=m.done, on_change=lambda _: P.toggle_milestone(m.id), disabled=~S.can_edit_activities,
                    class_name="project-milestone-done", aria_label=m.title),
        rx.text(m.due, size="2", color_scheme="gray", white_space="nowrap"),
        rx.text(m.title, size="2", text_decoration=rx.cond(m.done, "line-through", "none"), class_name="project-milestone"),
        rx.cond(S.can_edit_activities, icon_button("trash-2", t("common.delete"), icon_size=12, size="1", variant="ghost",
                                                   color_scheme="red", on_click=P.delete_milestone(m.id)), rx.fragment()),
        spacing="2", align="center",
    )


def project_section() -> rx.Component:
    add_partner = rx.cond(S.can_edit_activities, rx.vstack(
        rx.input(id="project-partner-search", value=P.partner_query, on_change=P.look_up_partner, debounce_timeout=300,
                 placeholder=t("act.organiser_search"), width="100%"),
        rx.flex(rx.foreach(P.partner_hits, lambda o: rx.button(o.name, size="1", variant="soft",
                                                                on_click=P.pick_partner(o.id, o.name),
                                                                class_name="project-partner-hit")), spacing="1", wrap="wrap"),
        rx.hstack(
            rx.text(rx.cond(P.partner_pick["name"] != "", P.partner_pick["name"], "—"), size="2", weight="medium"),
            rx.select.root(rx.select.trigger(id="project-partner-role"),
                           rx.select.content(*[rx.select.item(pick_label(nl, en), value=code)
                                               for code, (nl, en) in domain.PARTNER_ROLES.items()]),
                           value=P.partner_pick["role"], on_change=P.set_partner_role, size="1"),
            rx.button(rx.icon("plus", size=12), t("project.add_partner"), on_click=P.add_partner, size="1",
                      id="project-add-partner"),
            spacing="2", align="center", wrap="wrap"),
        field_error(P.project_errors, "organisation_id"),
        spacing="2", width="100%"), rx.fragment())
    title = rx.input(id="project-milestone-title", value=P.milestone_draft["title"],
                     on_change=lambda v: P.set_milestone_value("title", v), placeholder=t("project.milestone"),
                     aria_label=t("project.milestone"), flex="1")
    due = rx.input(id="project-milestone-due", value=P.milestone_draft["due"],
                   on_change=lambda v: P.set_milestone_value("due", v), placeholder=t("common.date_hint"),
                   aria_label=t("common.date_hint"), width="130px")
    title_error, due_error = field_error(P.project_errors, "milestone_title"), field_error(P.project_errors, "milestone_due")
    describe_control(title, title_error)  # each error read with its field
    describe_control(due, due_error)
    add_milestone = rx.cond(S.can_edit_activities, rx.vstack(rx.hstack(
        title, due,
        rx.button(rx.icon("plus", size=12), t("project.add_milestone"), on_click=P.add_milestone, size="2",
                  id="project-add-milestone"),
        spacing="2", width="100%", align="center"),
        title_error, due_error,
        spacing="1", width="100%"), rx.fragment())
    return rx.cond(S.is_project, section(
        t("project.title"),
        rx.grid(
            rx.vstack(rx.text(t("project.partners"), weight="medium", size="2"),
                      rx.vstack(rx.foreach(S.partners, partner_row), spacing="1", id="project-partners"), add_partner,
                      spacing="2", width="100%"),
            rx.vstack(rx.text(t("project.milestones"), weight="medium", size="2"),
                      rx.vstack(rx.foreach(S.milestones, milestone_row), spacing="1", id="project-milestones"),
                      add_milestone, spacing="2", width="100%"),
            columns=rx.breakpoints(initial="1", md="2"), spacing="5", width="100%",
        ),
        rx.vstack(
            rx.text(t("project.sessions"), weight="medium", size="2"),
            rx.flex(rx.foreach(S.parts, lambda x: rx.link(rx.badge(x.starts, variant="soft", size="2"),
                                                          href="/activiteiten/" + x.id)), spacing="2", wrap="wrap",
                    id="project-sessions"),
            rx.cond(S.can_edit_activities, rx.link(rx.button(rx.icon("plus", size=12), t("project.add_session"), size="1",
                                                             variant="soft"),
                                                   href="/activiteiten/nieuw?project=" + S.record_id,
                                                   id="project-add-session"), rx.fragment()),
            spacing="2", margin_top="16px",
        ),
    ), rx.cond(S.project_ref != "", rx.callout(
        rx.hstack(rx.text(t("project.part_of")), rx.link(S.project_title, href="/activiteiten/" + S.project_ref),
                  spacing="1"), icon="folder-kanban", size="1", id="act-part-of"), rx.fragment()))


def email_row(e: EmailRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(e.created, white_space="nowrap"), rx.table.cell(vocab_label(outbox_words.KINDS, e.kind)),
        rx.table.cell(e.recipient), rx.table.cell(e.subject),
        rx.table.cell(rx.vstack(
            rx.badge(vocab_label(outbox_words.STATUSES, e.status), variant="soft",
                     color_scheme=rx.match(e.status, ("sent", "green"), ("failed", "red"), ("sending", "blue"), "gray")),
            rx.cond(e.error != "", rx.text(e.error, size="1", color_scheme="red", class_name="outbox-error"),
                    rx.fragment()),
            spacing="1")),
        rx.table.cell(e.calendar),
        class_name="outbox-row",
    )


def outbox() -> rx.Component:
    return rx.cond(S.can_edit_activities, section(
        t("reg.outbox"),
        rx.text(t("reg.outbox_hint"), size="1", color_scheme="gray"),
        rx.cond(S.emails.length() == 0, rx.text(t("reg.outbox_none"), size="2", color_scheme="gray"),
                rx.box(rx.table.root(rx.table.body(rx.foreach(S.emails, email_row)), size="1", variant="ghost",
                                     width="100%", id="outbox-table"), overflow_x="auto")),
    ), rx.fragment())


# ---------------------------------------------------------------- page
def actions() -> rx.Component:
    delete_button = rx.button(rx.icon("trash-2", size=16), t("common.delete"), color_scheme="red", variant="soft",
                              size="2", id="act-delete")
    return rx.cond(
        S.is_new | S.editing, rx.fragment(),
        rx.hstack(
            rx.cond(S.is_public, rx.link(rx.button(rx.icon("globe", size=16), t("act.public_page"), variant="soft",
                                                   size="2"), href="/aanmelden/" + S.record_id, id="act-public-link"),
                    rx.fragment()),
            rx.button(rx.icon("calendar-plus", size=16), t("act.add_to_calendar"), on_click=S.download_calendar,
                      variant="soft", size="2", id="act-add-to-calendar"),
            rx.link(rx.button(rx.icon("printer", size=16), t("names.open"), variant="soft", size="2"),
                    href="/activiteiten/" + S.record_id + "/naamlijst", id="act-names-link"),
            # the editor's buttons wrap too: a row inside the wrapping row that cannot wrap
            # keeps its full width and pushed "Verwijderen" past a phone's edge
            rx.cond(S.can_edit_activities, rx.hstack(
                rx.link(rx.button(rx.icon("scan-line", size=16), t("act.checkin"), variant="soft", size="2"),
                        href="/activiteiten/" + S.record_id + "/inchecken", id="act-checkin-link"),
                rx.button(rx.icon("pencil", size=16), t("common.edit"), on_click=S.start_edit, size="2", id="act-edit"),
                confirm_dialog(delete_button, t("act.delete_title"), t("act.delete_body"), t("common.delete"),
                               S.delete, id="act-delete-dialog"),
                spacing="2", wrap="wrap"), rx.fragment()),
            spacing="2", wrap="wrap",
        ),
    )


def content() -> rx.Component:
    return rx.box(
        page_header(rx.cond(S.is_new, t("act.new"), S.title), actions(),
                    subtitle=rx.cond(S.is_new, "", S.starts + " · " + vocab_label(domain.KINDS, S.values["kind"]))),
        rx.cond(
            S.is_new, rx.box(edit_form(), max_width="760px"),
            rx.cond(S.editing, rx.box(edit_form(), max_width="760px"),
                    rx.vstack(view(), project_section(), series_section(), registrations(), outbox(),
                              history_section(HistoryState.entries, "activity-history"),
                              spacing="4", width="100%")),
        ),
    )


def body() -> rx.Component:
    return loading(S.loaded, rx.cond(
        S.missing, rx.callout(t("common.not_found"), icon="circle-alert", color_scheme="orange", id="act-missing"),
        content(),
    ))


@page(NEW_ROUTE, page_title("act.new"), S.load_new)
@page(f"{LIST_ROUTE}/[{ROUTE_ARG}]", page_title("tab.activity"), [S.load, HistoryState.load_activity])
def activity() -> rx.Component:
    back = rx.link(rx.hstack(rx.icon("arrow-left", size=14), t("act.title"), align="center", spacing="1"),
                   href="/activiteiten", size="2", id="act-back", margin_bottom="8px", display="inline-block")
    return layout(back, body())
