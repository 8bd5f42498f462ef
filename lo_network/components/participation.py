"""The participation section of the person page."""

from __future__ import annotations

import reflex as rx

from lo_network.components.layout import section
from lo_network.domain import activities as domain
from lo_network.domain import registrations as reg_domain
from lo_network.i18n import t, vocab_label
from lo_network.states.participation import ParticipationRow, ParticipationState as S


def _row(r: ParticipationRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(r.starts, white_space="nowrap"),
        rx.table.row_header_cell(rx.link(r.title, href="/activiteiten/" + r.activity_id, class_name="participation-link"),
                                 rx.text(vocab_label(domain.KINDS, r.kind), size="1", color_scheme="gray")),
        rx.table.cell(vocab_label(reg_domain.STATUSES, r.status)),
        rx.table.cell(vocab_label(reg_domain.ATTENDANCE, r.attendance)),
    )


def participation_section() -> rx.Component:
    return rx.box(
        rx.cond(S.participation.length() > 0, section(
            t("person.participation"),
            rx.table.root(rx.table.body(rx.foreach(S.participation, _row)), size="1", variant="ghost", width="100%",
                          id="person-participation"),
        ), rx.fragment()),
        on_mount=S.load_participation, margin_top="16px",
    )
