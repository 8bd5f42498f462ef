"""/dubbelen: duplicate candidates, side-by-side merge preview, latest merges with undo."""

from __future__ import annotations

import reflex as rx

from lo_network.components.forms import confirm_dialog
from lo_network.components.layout import (
    STACK_ON_PHONE, items_or_none, labelled_cell, layout, loading, page_header, section,
)
from lo_network.i18n import page_title, pick, t
from lo_network.pages import page
from lo_network.states.duplicates import (
    CandidateRow, ClusterCard, DuplicatesState as S, FieldRow, Member, MergeRow, RelationRow,
)
from lo_network.states.duplicates import DuplicatesState
from lo_network.states.session import SessionState


def kind_switch() -> rx.Component:
    return rx.segmented_control.root(
        rx.segmented_control.item(t("nav.organisations"), value="organisation"),
        rx.segmented_control.item(t("nav.people"), value="person"),
        value=S.kind, on_change=S.set_kind, id="dup-kind",
    )


def score_badge(score: rx.Var) -> rx.Component:
    return rx.badge(score.to_string() + "%", color_scheme=rx.cond(score >= 85, "red", rx.cond(score >= 70, "orange", "gray")),
                    variant="soft", size="2")


def candidate_row(c: CandidateRow) -> rx.Component:
    """One pair of a cluster: its score, the two records, why, and what can be done."""
    return rx.table.row(
        labelled_cell(score_badge(c.score), label=t("dup.score")),
        labelled_cell(rx.vstack(rx.link(c.a_name, href=c.a_href, size="2"), rx.link(c.b_name, href=c.b_href, size="2"),
                                spacing="1"), label=t("dup.records")),
        labelled_cell(rx.text(pick(c.reasons_nl, c.reasons_en), size="2"), label=t("dup.reasons")),
        rx.table.cell(rx.hstack(
            rx.button(rx.icon("columns-2", size=14), t("dup.compare"), size="1",
                      on_click=S.open_pair(S.kind, c.a_id, c.b_id), class_name="dup-compare"),
            rx.cond(SessionState.can_edit_network,
                    rx.button(t("dup.not_duplicate"), size="1", variant="soft", color_scheme="gray",
                              on_click=S.mark_not_duplicate(c.a_id, c.b_id), class_name="dup-not-duplicate"),
                    rx.fragment()),
            spacing="2", wrap="wrap",
        )),
        class_name="dup-candidate",
    )


def member_link(m: Member) -> rx.Component:
    return rx.link(m.name, href=m.href, size="2", weight="medium", class_name="dup-member")


def cluster_card(c: ClusterCard) -> rx.Component:
    """Records that match one another: the members once, then each pair with its score."""
    return rx.card(
        rx.vstack(
            rx.hstack(
                score_badge(c.score),
                rx.text(c.members.length().to_string(), " ", t("dup.records_in_cluster"), size="2",
                        color_scheme="gray", class_name="dup-cluster-size"),
                align="center", spacing="2",
            ),
            rx.flex(rx.foreach(c.members, member_link), spacing="3", wrap="wrap", class_name="dup-members"),
            rx.box(
                rx.table.root(
                    rx.table.header(rx.table.row(
                        rx.table.column_header_cell(t("dup.score")),
                        rx.table.column_header_cell(t("dup.records")),
                        rx.table.column_header_cell(t("dup.reasons")),
                        rx.table.column_header_cell(""),
                    )),
                    rx.table.body(rx.foreach(c.pairs, candidate_row)),
                    variant="ghost", size="1", width="100%", class_name=STACK_ON_PHONE,
                ),
                width="100%", overflow_x="auto",
            ),
            spacing="2", width="100%",
        ),
        width="100%", class_name="dup-cluster", custom_attrs={"data-cluster": c.key},
    )


def candidates() -> rx.Component:
    return section(
        t("dup.candidates"),
        items_or_none(S.clusters, cluster_card, t("dup.none"), "dup-candidates", "dup-none", spacing="3"),
    )


def last_merge() -> rx.Component:
    """The merge just made, at the top of the page with its undo (announced to screen readers)."""
    return rx.cond(
        S.undo_offered,
        rx.callout.root(
            rx.callout.icon(rx.icon("merge")),
            rx.flex(
                rx.text(t("dup.merged"), ": ", S.last_merge.drop_name, " → ", S.last_merge.keep_name, size="2",
                        weight="medium"),
                rx.cond(SessionState.can_edit_network,
                        rx.button(rx.icon("undo-2", size=14), t("dup.undo"), size="2", variant="solid",
                                  on_click=S.undo_merge(S.last_merge.audit_id), id="dup-last-undo"),
                        rx.fragment()),
                spacing="3", align="center", wrap="wrap",
            ),
            color_scheme="teal", role="status", aria_live="polite", id="dup-last-merge", width="100%",
        ),
        rx.box(role="status", aria_live="polite"),
    )


def value_button(row: FieldRow, side: str, value: rx.Var, value_en: rx.Var) -> rx.Component:
    chosen = S.choices[row.field] == side
    return rx.button(
        rx.cond(value != "", pick(value, value_en), "—"),
        on_click=S.choose(row.field, side),
        variant=rx.cond(chosen | (S.choices[row.field] == "both"), "solid", "outline"),
        color_scheme=rx.cond(chosen | (S.choices[row.field] == "both"), "teal", "gray"),
        size="1", white_space="normal", height="auto", min_height="28px", text_align="left",
        class_name=f"dup-choose-{side}", disabled=~SessionState.can_edit_network,
    )


def field_row(row: FieldRow) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(rx.text(pick(row.label_nl, row.label_en), size="2",
                                         weight=rx.cond(row.differs, "bold", "regular"))),
        rx.table.cell(value_button(row, "keep", row.keep_value, row.keep_en)),
        rx.table.cell(value_button(row, "drop", row.drop_value, row.drop_en)),
        rx.table.cell(rx.cond(row.is_list & row.differs,
                              rx.button(t("dup.both"), size="1", variant="ghost", on_click=S.choose(row.field, "both"),
                                        class_name="dup-choose-both"),
                              rx.fragment())),
        custom_attrs={"data-field": row.field},
    )


def relation_list(items: rx.Var, title: rx.Var, list_id: str, color: str = "gray") -> rx.Component:
    return rx.cond(
        items.length() > 0,
        rx.vstack(
            rx.text(title, weight="medium", size="2"),
            rx.vstack(rx.foreach(items, lambda r: relation_item(r, color)), spacing="1", id=list_id),
            spacing="1", width="100%",
        ),
        rx.fragment(),
    )


def relation_item(r: RelationRow, color: str) -> rx.Component:
    text = pick(r.nl, r.en)
    return rx.cond(r.href != "", rx.link(text, href=r.href, size="2", color_scheme=color, class_name="dup-relation"),
                   rx.text(text, size="2", class_name="dup-relation"))


def preview() -> rx.Component:
    merge_button = rx.button(rx.icon("merge", size=16), t("dup.merge"), color_scheme="red", id="dup-merge",
                             disabled=S.blocking.length() > 0)
    return section(
        t("dup.preview"),
        rx.vstack(
            rx.text(t("dup.preview_intro"), size="2", color_scheme="gray"),
            rx.table.root(
                rx.table.header(rx.table.row(
                    rx.table.column_header_cell(""),
                    rx.table.column_header_cell(rx.vstack(rx.text(t("dup.keeps")), rx.text(S.keep_name, id="dup-keep-name"),
                                                          spacing="0")),
                    rx.table.column_header_cell(rx.vstack(rx.text(t("dup.goes")), rx.text(S.drop_name, id="dup-drop-name"),
                                                          spacing="0")),
                    rx.table.column_header_cell(""),
                )),
                rx.table.body(rx.foreach(S.fields, field_row)),
                variant="surface", size="1", width="100%", id="dup-fields",
            ),
            relation_list(S.moving, t("dup.moving"), "dup-moving", "teal"),
            relation_list(S.dropped, t("dup.dropped"), "dup-dropped"),
            rx.cond(S.blocking.length() > 0,
                    rx.callout(t("dup.blocked"), icon="octagon-alert", color_scheme="red", id="dup-blocked"),
                    rx.fragment()),
            rx.hstack(
                rx.button(rx.icon("arrow-left-right", size=16), t("dup.swap"), on_click=S.swap, variant="soft",
                          id="dup-swap"),
                rx.button(t("common.cancel"), on_click=S.close_pair, variant="soft", color_scheme="gray",
                          id="dup-close"),
                rx.cond(SessionState.can_edit_network,
                        confirm_dialog(merge_button, t("dup.merge_title"), t("dup.merge_body"), t("dup.merge"),
                                       S.merge, id="dup-merge-dialog"),
                        rx.fragment()),
                spacing="2", wrap="wrap",
            ),
            spacing="3", width="100%",
        ),
        id="dup-preview",
    )


def merge_row(m: MergeRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(m.at),
        rx.table.cell(rx.text(m.drop_name, " → ", m.keep_name, size="2")),
        rx.table.cell(m.actor),
        rx.table.cell(rx.cond(
            m.undone,
            rx.badge(t("dup.was_undone"), color_scheme="gray"),
            rx.cond(SessionState.can_edit_network,
                    rx.button(rx.icon("undo-2", size=14), t("dup.undo"), size="1", variant="soft",
                              on_click=S.undo_merge(m.audit_id), class_name="dup-undo"),
                    rx.fragment()),
        )),
        class_name="dup-merge-row",
    )


def merges() -> rx.Component:
    return rx.cond(
        S.merges.length() > 0,
        section(
            t("dup.merges"),
            rx.table.root(rx.table.body(rx.foreach(S.merges, merge_row)), variant="ghost", size="1", width="100%",
                          id="dup-merges"),
        ),
        rx.fragment(),
    )


@page("/dubbelen", page_title("dup.title"), DuplicatesState.load)
def duplicates() -> rx.Component:
    return layout(
        page_header(t("dup.title"), kind_switch()),
        loading(S.loaded, rx.vstack(last_merge(), rx.cond(S.pair_open, preview(), rx.fragment()), candidates(),
                                    merges(),
                                    spacing="4", width="100%")),
    )
