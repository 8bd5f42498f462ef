"""/importeren: upload, map columns, dry-run report, import, progress, failed rows."""

from __future__ import annotations

import reflex as rx

from lo_network import settings
from lo_network.components.forms import vocab_select
from lo_network.components.layout import card, layout, loading, page_header, section
from lo_network.domain import imports as domain
from lo_network.i18n import STRINGS, message_var, page_title, t
from lo_network.pages import page
from lo_network.states.imports import ROUTE
from lo_network.states.imports import UPLOAD_ID, Count, ErrorRow, ImportState as S, KvkMatch, MappingRow

ACCEPT = {
    "text/csv": [".csv", ".txt"],
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
}




STATUS_COLORS = {"uploaded": "gray", "analysing": "blue", "ready": "teal", "running": "blue",
                 "done": "green", "failed": "red", "interrupted": "orange"}


def status_badge() -> rx.Component:
    return rx.match(
        S.status,
        *[(status, rx.badge(t(f"import.status.{status}"), color_scheme=color, id="import-status"))
          for status, color in STATUS_COLORS.items()],
        rx.fragment(),
    )


def named_file_input(zone: rx.Component, label: rx.Var | str) -> rx.Component:
    """Give the drop zone's hidden file input (Reflex makes it, unlabelled) an accessible name."""
    def visit(component: rx.Component) -> None:
        for child in getattr(component, "children", []):
            if getattr(child, "tag", None) == "input":
                child.custom_attrs["aria-label"] = label
            visit(child)

    visit(zone)
    return zone


def upload_step() -> rx.Component:
    return section(
        t("import.title"),
        rx.text(t("import.intro"), size="2", color_scheme="gray", margin_bottom="12px"),
        rx.vstack(
            rx.text(t("import.kind"), size="2", weight="medium"),
            rx.radio_group.root(
                rx.flex(
                    # the text inside the item: Radix puts both in one <label>, the radio's name
                    rx.radio_group.item(t("import.kind.organisations"), value="organisations",
                                        id="import-kind-organisations"),
                    rx.radio_group.item(t("import.kind.people"), value="people", id="import-kind-people"),
                    rx.radio_group.item(t("import.kind.attendances"), value="attendances",
                                        id="import-kind-attendances"),
                    gap="16px",
                    wrap="wrap",
                    align="center",
                ),
                value=S.kind,
                on_change=S.set_kind,
                name="kind",
            ),
            named_file_input(rx.upload.root(
                rx.vstack(
                    rx.icon("file-spreadsheet", size=28),
                    rx.text(t("import.drop"), size="2"),
                    rx.foreach(rx.selected_files(UPLOAD_ID), lambda f: rx.text(f, weight="medium", size="2")),
                    align="center",
                    spacing="2",
                ),
                id=UPLOAD_ID,
                accept=ACCEPT,
                max_files=1,
                # a larger file is refused in the browser with a toast naming it (the server
                # refuses it too: api/upload_guard.py)
                max_size=settings.get().import_max_bytes,
                multiple=False,
                border="1px dashed var(--gray-8)",
                border_radius="8px",
                padding="24px",
                width="100%",
                cursor="pointer",
            ), t("import.drop")),
            rx.button(rx.icon("upload", size=16), t("import.upload"), id="import-upload-button",
                      on_click=S.upload(rx.upload_files(upload_id=UPLOAD_ID))),
            spacing="3",
            width="100%",
        ),
    )


def mapping_row(row: MappingRow) -> rx.Component:
    def chooser(kind: str) -> rx.Component:
        return vocab_select("import-map", row.column, domain.COLUMN_LABELS[kind], row.field,
                            lambda value: S.set_column(row.column, value),
                            empty_label=t("import.ignore"), aria_label=row.column, disabled=~S.can_map)

    return rx.table.row(
        rx.table.row_header_cell(rx.text(row.column, weight="medium")),
        rx.table.cell(rx.match(S.kind, ("organisations", chooser("organisations")),
                                ("attendances", chooser("attendances")), chooser("people")),
                      min_width="240px"),
        class_name="import-mapping-row",
    )


def mapping_step() -> rx.Component:
    return section(
        t("import.mapping"),
        rx.text(t("import.mapping_intro"), size="2", color_scheme="gray", margin_bottom="8px"),
        rx.table.root(
            rx.table.header(rx.table.row(rx.table.column_header_cell(t("import.column")),
                                         rx.table.column_header_cell(t("import.field")))),
            rx.table.body(rx.foreach(S.mapping_rows, mapping_row)),
            variant="ghost",
            size="1",
            width="100%",
            id="import-mapping",
        ),
        rx.cond(
            S.can_map,
            rx.button(rx.icon("list-checks", size=16), t("import.check"), id="import-check",
                      on_click=S.check_file, margin_top="12px"),
            rx.fragment(),
        ),
    )


def count_row(count: Count) -> rx.Component:
    return rx.table.row(
        rx.table.cell(t_var(count.key)),
        rx.table.cell(rx.text(count.value, weight="bold", id=count.id), text_align="right"),
    )


def t_var(key: rx.Var) -> rx.Var:
    """A UI string whose key is held in a Var (both languages embedded once)."""
    table = rx.Var.create({k: list(v) for k, v in STRINGS.items() if k.startswith("import.")})
    return message_var(table[key].to(list[str]))


def matched_line() -> rx.Component:
    return rx.cond(
        S.matched.length() > 0,
        rx.hstack(
            rx.text(t("import.count.matched"), size="2"),
            rx.foreach(
                S.matched,
                lambda item: rx.badge(t_var("import.rule." + item[0].to(str)), ": ", item[1].to(str),
                                      variant="soft", class_name="import-matched"),
            ),
            spacing="2",
            wrap="wrap",
            id="import-matched",
        ),
        rx.fragment(),
    )


def kvk_match_row(match: KvkMatch) -> rx.Component:
    return rx.table.row(
        rx.table.cell(match.lines, white_space="nowrap"),
        rx.table.cell(rx.link(match.name, href="/organisaties/" + match.id, class_name="import-kvk-link")),
        class_name="import-kvk-match",
    )


def kvk_matches() -> rx.Component:
    """Rows that name a KvK number an organisation in the network holds: the import updates
    that record (no second one is made); each is named, to open and check."""
    return rx.cond(
        S.kvk_matches.length() > 0,
        rx.vstack(
            rx.heading(t("import.kvk_matches"), size="3", as_="h3"),
            rx.text(t("import.kvk_matches_intro"), size="2", color_scheme="gray"),
            rx.table.root(
                rx.table.header(rx.table.row(
                    rx.table.column_header_cell(t("import.line")),
                    rx.table.column_header_cell(t("import.kvk_existing")),
                )),
                rx.table.body(rx.foreach(S.kvk_matches, kvk_match_row)),
                variant="ghost", size="1", width="100%", max_width="520px", id="import-kvk-matches",
            ),
            spacing="2", width="100%", margin_top="16px",
        ),
        rx.fragment(),
    )


def error_row(error: ErrorRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(error.line, white_space="nowrap"),
        rx.table.cell(error.column),
        rx.table.cell(message_var(error.reason)),
        class_name="import-error",
    )


def errors_table() -> rx.Component:
    return rx.cond(
        S.errors.length() > 0,
        rx.vstack(
            rx.heading(t("import.errors"), size="3", as_="h3"),
            rx.table.root(
                rx.table.header(rx.table.row(
                    rx.table.column_header_cell(t("import.line")),
                    rx.table.column_header_cell(t("import.column")),
                    rx.table.column_header_cell(t("import.reason")),
                )),
                rx.table.body(rx.foreach(S.errors, error_row)),
                variant="ghost",
                size="1",
                width="100%",
                id="import-errors",
            ),
            rx.cond(S.more_errors, rx.text(t("import.more_errors"), size="2", color_scheme="gray"), rx.fragment()),
            spacing="2",
            width="100%",
            margin_top="16px",
        ),
        rx.fragment(),
    )


def report_step() -> rx.Component:
    return section(
        rx.cond(S.status == "done", t("import.report_done"), t("import.report")),
        rx.table.root(rx.table.body(rx.foreach(S.counts, count_row)), variant="ghost", size="1",
                      id="import-report", max_width="520px"),
        matched_line(),
        kvk_matches(),
        errors_table(),
        rx.hstack(
            rx.cond(
                S.can_import,
                rx.button(rx.icon("play", size=16),
                          rx.cond(S.status == "ready", t("import.run"), t("import.resume")),
                          id="import-run", on_click=S.import_rows, color_scheme="teal"),
                rx.fragment(),
            ),
            rx.cond(
                S.failed_rows > 0,
                rx.button(rx.icon("download", size=16), t("import.download_failed"), id="import-download-failed",
                          on_click=S.download_failed, variant="soft"),
                rx.fragment(),
            ),
            spacing="2",
            margin_top="12px",
            wrap="wrap",
        ),
    )


def progress_panel() -> rx.Component:
    return card(
        rx.vstack(
            rx.hstack(
                rx.spinner(size="2"),
                rx.text(rx.cond(S.status == "analysing", t("import.checking"), t("import.running")), weight="medium"),
                rx.text(S.progress_text, color_scheme="gray", size="2", id="import-progress-text"),
                align="center",
                spacing="2",
            ),
            rx.progress(value=S.progress, max=100, id="import-progress", width="100%"),
            # polls the job once a second while it runs (also after a reload)
            rx.moment(interval=1000, on_change=S.refresh, display="none"),
            spacing="2",
            width="100%",
        ),
    )


def job_panel() -> rx.Component:
    return rx.vstack(
        card(
            rx.flex(
                rx.hstack(rx.icon("file-spreadsheet", size=18), rx.text(S.filename, weight="bold", id="import-filename"),
                          rx.text("(", S.total_rows, " ", t("import.rows"), ")", color_scheme="gray", size="2"),
                          status_badge(), align="center", spacing="2", wrap="wrap"),
                rx.spacer(),
                rx.cond(S.busy, rx.fragment(),
                        rx.button(rx.icon("plus", size=14), t("import.new"), id="import-new", variant="soft",
                                  color_scheme="gray", on_click=S.new_import, size="2")),
                align="center",
                wrap="wrap",
                spacing="2",
            ),
        ),
        rx.cond(S.job_error != "",
                rx.callout(rx.text(rx.cond(S.status == "failed", t("import.failed"), ""), " ", S.job_error),
                           icon="triangle-alert", color_scheme="red", id="import-job-error", width="100%"),
                rx.fragment()),
        rx.cond(S.status == "interrupted",
                rx.callout(t("import.interrupted"), icon="pause", color_scheme="orange", width="100%"),
                rx.fragment()),
        rx.cond(S.status == "done",
                rx.callout(t("import.done"), icon="check", color_scheme="green", id="import-done", width="100%"),
                rx.fragment()),
        rx.cond(S.busy, progress_panel(), rx.fragment()),
        rx.cond(S.counts.length() > 0, report_step(), rx.fragment()),
        rx.cond(S.status != "done", mapping_step(), rx.fragment()),
        spacing="4",
        width="100%",
    )


@page(ROUTE, page_title("import.title"), S.load)
def imports_page() -> rx.Component:
    return layout(
        page_header(t("import.title")),
        loading(S.loaded, rx.cond(S.job_id == 0, upload_step(), job_panel())),
    )
