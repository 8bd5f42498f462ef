"""/activiteiten/[activity_id]/inchecken: the door, on a phone."""

from __future__ import annotations

import reflex as rx

from lo_network.components.forms import describe_control, field_error
from lo_network.components.layout import found_or_missing, layout
from lo_network.components.record_fields import INPUT_PROPS
from lo_network.domain import registrations as reg_domain
from lo_network.domain.fields import Field
from lo_network.i18n import page_title, t
from lo_network.pages import page
from lo_network.pages.activity import attendance_badge, status_badge
from lo_network.states.activities import LIST_ROUTE
from lo_network.states.activity import ROUTE_ARG, RegistrationRow
from lo_network.states.checkin import CheckInState as S


def person(r: RegistrationRow) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.box(
                rx.text(r.name, weight="bold", size="4"),
                rx.text(r.organisation, size="2", color_scheme="gray"),
                rx.hstack(status_badge(r.status), attendance_badge(r.attendance), spacing="1"),
                flex="1", min_width="0",
            ),
            rx.cond(
                r.attendance == "present",
                rx.button(t("checkin.undo"), on_click=S.undo_present(r.id), variant="soft", color_scheme="gray",
                          size="3", class_name="checkin-undo"),
                rx.button(rx.icon("check", size=20), t("checkin.present"), on_click=S.mark_present(r.id),
                          size="4", color_scheme="green", class_name="checkin-present", min_width="130px"),
            ),
            align="center", spacing="3",
        ),
        width="100%", class_name="checkin-row",
    )


# the fields a walk-in gives, as the registrant's declaration has them
WALK_IN_FIELDS = tuple(reg_domain.BY_NAME[name] for name in reg_domain.WALK_IN)


def walk_in_form() -> rx.Component:
    def box(f: Field):
        label, name = t("reg.field." + f.name), f.name
        control = rx.input(id=f"walkin-{name}", value=S.walk_in[name], on_change=lambda v: S.set_walk_in(name, v),
                           placeholder=label, aria_label=label, size="3", width="100%", **INPUT_PROPS.get(f.widget, {}))
        error = field_error(S.walk_in_errors, name)
        describe_control(control, error)  # the error read with its field
        return rx.vstack(control, error, spacing="1", width="100%")

    return rx.card(rx.vstack(
        rx.text(t("checkin.walk_in"), weight="bold"),
        *(box(f) for f in WALK_IN_FIELDS),
        rx.button(rx.icon("user-plus", size=18), t("checkin.walk_in"), on_click=S.add_walk_in, size="3",
                  width="100%", id="walkin-add"),
        spacing="2", width="100%",
    ), width="100%")


@page(f"{LIST_ROUTE}/[{ROUTE_ARG}]/inchecken", page_title("checkin.title"), S.load)
def checkin() -> rx.Component:
    return layout(found_or_missing(S.loaded, S.missing, t("common.not_found"), content=rx.vstack(
        rx.link(rx.hstack(rx.icon("arrow-left", size=14), t("checkin.back"), spacing="1", align="center"),
                href="/activiteiten/" + S.current_id, size="2"),
        rx.heading(S.title, size="5", as_="h1", id="page-title"),
        rx.text(S.when, " · ", rx.text(S.present, as_="span", weight="bold", id="checkin-present-count"), " ",
                t("checkin.counts"), " ", S.expected, size="2", color_scheme="gray"),
        rx.input(rx.input.slot(rx.icon("search", size=18)), id="checkin-search", value=S.text,
                 on_change=S.search, debounce_timeout=250, placeholder=t("checkin.search"), size="3",
                 width="100%", type="search", auto_focus=True),
        rx.vstack(rx.foreach(S.rows, person), spacing="2", width="100%", id="checkin-list"),
        walk_in_form(),
        rx.cond(S.started, rx.button(rx.icon("user-x", size=16), t("checkin.no_shows"), on_click=S.mark_no_shows,
                                     variant="soft", color_scheme="red", size="3", width="100%",
                                     id="checkin-no-shows"), rx.fragment()),
        spacing="3", width="100%", max_width="560px", margin_x="auto",
    )))
