"""/opvolgen: the coordinators' follow-up lists — dormant organisations, organisations
that attended twice but are not yet partners, people whose consent is about to lapse — as
three tabs with their counts, filters by region, theme and kind, and whom to call per row."""

from __future__ import annotations

import reflex as rx

from lo_network.components.dialogs import form_dialog
from lo_network.components.exports import export_buttons
from lo_network.components.forms import vocab_select
from lo_network.components.layout import layout, page_header
from lo_network.components.lists import MEDIUM, WIDE, list_body, list_table, status_badge
from lo_network.domain import followup as domain
from lo_network.domain import vocab
from lo_network.domain.consent import PURPOSES
from lo_network.i18n import page_title, t, vocab_label
from lo_network.pages import page
from lo_network.states.followup import FollowUpOrgRow, FollowUpPersonRow, FollowUpState as S
from lo_network.states.followup import ROUTE
from lo_network.states.session import SessionState

PURPOSE_LABELS = {**PURPOSES, domain.GENERAL: ("Algemene grondslag", "General basis")}


def tab_trigger(name: str, count: rx.Var) -> rx.Component:
    return rx.tabs.trigger(
        rx.hstack(rx.text(t(f"followup.tab.{name}")),
                  rx.badge(count, variant="soft", radius="full", class_name="fu-count"),
                  spacing="2", align="center"),
        value=name, id=f"fu-tab-{name}",
    )


def tabs() -> rx.Component:
    return rx.tabs.root(
        rx.tabs.list(
            tab_trigger("dormant", S.count_dormant),
            tab_trigger("twice", S.count_twice),
            tab_trigger("consent", S.count_consent),
            size="2",
        ),
        # the open tab's panel (what its aria-controls points at): the list's definition
        *[rx.tabs.content(rx.text(S.definition, size="2", color_scheme="gray", id="fu-definition"),
                          value=name, padding_top="8px") for name in ("dormant", "twice", "consent")],
        value=S.tab,
        on_change=S.set_tab,
        width="100%",
    )


def filter_select(name: str, words: dict[str, tuple[str, str]], value: rx.Var, empty: str) -> rx.Component:
    return rx.box(
        vocab_select("fu", name, words, value, lambda v: S.set_filter(name, v), empty_label=t(empty),
                     aria_label=t(f"org.filter.{name}")),
        min_width="170px",
        flex="1",
    )


def sort_root(sorts: tuple[str, ...]) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(id="fu-sort", aria_label=t("common.sort")),
        rx.select.content(*[rx.select.item(t(f"followup.sort.{s}"), value=s) for s in sorts]),
        value=S.sort,
        on_change=S.set_sort,
        size="2",
    )


def sort_select() -> rx.Component:
    """The current list's sorts (each list has its own)."""
    return rx.hstack(
        rx.text(t("common.sort"), size="2", color_scheme="gray", white_space="nowrap"),
        rx.match(S.tab, *[(tab, sort_root(sorts)) for tab, sorts in domain.SORTS.items()], rx.fragment()),
        align="center",
        spacing="2",
    )


def controls() -> rx.Component:
    return rx.vstack(
        tabs(),
        rx.cond(S.tab != "consent", rx.text(S.activity_definition, size="1", color_scheme="gray"), rx.fragment()),
        rx.flex(
            filter_select("region", vocab.REGIONS, S.region, "org.filter.region_all"),
            filter_select("theme", vocab.THEMES, S.theme, "org.filter.theme_all"),
            filter_select("kind", vocab.KINDS, S.kind, "followup.kind_all"),
            spacing="2",
            wrap="wrap",
            width="100%",
        ),
        rx.flex(
            sort_select(),
            rx.cond(
                S.filtered,
                rx.button(rx.icon("x", size=14), t("common.clear_filters"), on_click=S.clear_filters,
                          variant="ghost", size="2", id="fu-clear-filters"),
                rx.fragment(),
            ),
            justify="between", align="center", width="100%", wrap="wrap", spacing="2",
        ),
        spacing="3",
        width="100%",
    )


def last_activity_cell(row: FollowUpOrgRow) -> rx.Component:
    return rx.cond(
        row.last_id != "",
        rx.vstack(
            rx.link(row.last_title, href="/activiteiten/" + row.last_id, size="2"),
            rx.text(row.last_date, size="1", color_scheme="gray"),
            spacing="0",
        ),
        rx.text(t("followup.never"), size="2", color_scheme="orange", weight="medium"),
    )


def contact_cell(row: FollowUpOrgRow) -> rx.Component:
    return rx.cond(
        row.contact_id != "",
        rx.vstack(
            rx.hstack(
                rx.link(row.contact_name, href="/personen/" + row.contact_id, size="2", class_name="fu-contact-link"),
                rx.cond(row.more_contacts > 0, rx.text("+", row.more_contacts, size="1", color_scheme="gray"),
                        rx.fragment()),
                spacing="1", align="center",
            ),
            rx.text(row.contact_reach, size="1", color_scheme="gray"),
            spacing="0",
        ),
        rx.text(t("followup.no_contact"), size="2", color_scheme="gray"),
    )


def note_cell(row: FollowUpOrgRow) -> rx.Component:
    """The open follow-up due first, and for coordinators the quick "note a follow-up" button."""
    return rx.vstack(
        rx.cond(row.open_note != "",
                rx.badge(rx.icon("phone-call", size=12), row.open_note, variant="soft", color_scheme="amber",
                         title=row.open_note_text, class_name="fu-open-note"),
                rx.fragment()),
        rx.cond(SessionState.can_edit_network,
                rx.button(rx.icon("plus", size=12), t("followup.note_quick"), size="1", variant="ghost",
                          on_click=S.open_note(row.id, row.name), class_name="fu-note-open"),
                rx.fragment()),
        spacing="1",
        align="start",
    )


def note_dialog() -> rx.Component:
    return form_dialog(
        "fu-dialog", rx.fragment(t("followup.note_add"), " — ", S.note_org_name),
        rx.text_area(value=S.note, on_change=lambda v: S.set_note_value("note", v), id="fu-dialog-note",
                     placeholder=t("followup.note_placeholder"), rows="3", width="100%"),
        rx.hstack(
            rx.input(value=S.assignee, on_change=lambda v: S.set_note_value("assignee", v),
                     id="fu-dialog-assignee", placeholder=t("followup.note_assignee"), flex="1"),
            rx.input(value=S.due, on_change=lambda v: S.set_note_value("due", v), id="fu-dialog-due",
                     placeholder=t("common.date_hint"), aria_label=t("followup.note_due"), width="130px"),
            spacing="2", width="100%",
        ),
        on_save=S.save_note, open=S.note_open, on_open_change=S.set_note_open, max_width="520px", spacing="3",
    )


def org_row(row: FollowUpOrgRow) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(
            rx.link(row.name, href="/organisaties/" + row.id, weight="medium", class_name="fu-org-link"),
            rx.text(row.city, size="1", color_scheme="gray"),
        ),
        rx.table.cell(vocab_label(vocab.REGIONS, row.region), display=WIDE),
        rx.table.cell(status_badge(row.status), display=MEDIUM),
        rx.cond(S.tab == "twice", rx.table.cell(row.attended, class_name="fu-attended"), rx.fragment()),
        rx.table.cell(last_activity_cell(row)),
        rx.table.cell(contact_cell(row), display=MEDIUM),
        rx.table.cell(note_cell(row), display=WIDE),
        align="center",
        class_name="fu-row",
    )


def org_table() -> rx.Component:
    return list_table([
        (t("followup.col.organisation"), None), (t("org.field.region"), WIDE),
        (t("followup.col.status"), MEDIUM),
        rx.cond(S.tab == "twice", rx.table.column_header_cell(t("followup.col.attended")), rx.fragment()),
        (t("followup.col.last_activity"), None), (t("followup.col.contact"), MEDIUM),
        (t("followup.col.open_note"), WIDE),
    ], S.org_rows, org_row, "fu-table")


def purpose_badge(code: rx.Var) -> rx.Component:
    return rx.badge(vocab_label(PURPOSE_LABELS, code), variant="soft", color_scheme="gray")


def person_row(row: FollowUpPersonRow) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(
            rx.link(row.name, href="/personen/" + row.id, weight="medium", class_name="fu-person-link"),
            rx.text(row.reach, size="1", color_scheme="gray"),
        ),
        rx.table.cell(rx.cond(row.organisation_id != "",
                              rx.link(row.organisation_name, href="/organisaties/" + row.organisation_id, size="2"),
                              rx.fragment()), display=MEDIUM),
        rx.table.cell(rx.vstack(
            rx.text(row.lapses, size="2", weight="medium"),
            rx.text(row.days_left, " ", t("followup.days"), size="1",
                    color_scheme=rx.cond(row.days_left <= 14, "red", "gray")),
            spacing="0")),
        rx.table.cell(rx.hstack(rx.foreach(row.purposes, purpose_badge), spacing="1", wrap="wrap"), display=WIDE),
        align="center",
        class_name="fu-row",
    )


def person_table() -> rx.Component:
    return list_table([
        (t("followup.col.person"), None), (t("followup.col.works_at"), MEDIUM), (t("followup.col.lapses"), None),
        (t("followup.col.purposes"), WIDE),
    ], S.person_rows, person_row, "fu-table")


@page(ROUTE, page_title("followup.title"), S.load)
def followup() -> rx.Component:
    return layout(
        page_header(t("followup.title"), export_buttons("fu", S.export), subtitle=t("followup.subtitle")),
        list_body(S, "fu", controls(), rx.cond(S.tab == "consent", person_table(), org_table()), note_dialog()),
    )
