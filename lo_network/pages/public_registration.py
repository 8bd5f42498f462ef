"""/aanmelden/[public_activity_id] (register without an account) and /aanmelding/[reg_token]
(the personal link). No login, no navigation: a plain page in the house style."""

from __future__ import annotations

import reflex as rx

from lo_network.components.files import calendar_links, file_link
from lo_network.components.forms import confirm_dialog, field, field_error, labelled_checkbox
from lo_network.components.layout import not_found, public_frame
from lo_network.components.record_fields import INPUT_PROPS
from lo_network.domain import activities as domain
from lo_network.domain import calendar
from lo_network.domain import registrations as reg_domain
from lo_network.domain.fields import Field
from lo_network.i18n import message_var, page_title, t, vocab_label
from lo_network.pages import page
from lo_network.states.public_registration import MINE_ROUTE, PUBLIC_ARG, PUBLIC_ROUTE, TOKEN_ARG, PublicActivityView
from lo_network.states.public_registration import MyRegistrationState as M
from lo_network.states.public_registration import PublicRegistrationState as P


frame = public_frame


def activity_card(S: type[PublicActivityView]) -> rx.Component:
    return rx.card(rx.vstack(
        rx.badge(vocab_label(domain.KINDS, S.act_kind), variant="soft"),
        rx.heading(S.act_title, size="6", as_="h1", id="page-title"),
        rx.hstack(rx.icon("calendar", size=16), rx.text(S.act_when, size="2", id="pub-when"), align="center"),
        rx.cond(S.act_where != "", rx.hstack(rx.icon("map-pin", size=16), rx.text(S.act_where, size="2"),
                                             align="center"), rx.fragment()),
        rx.cond(S.act_online != "", rx.hstack(rx.icon("video", size=16), rx.link(S.act_online, href=S.act_online,
                                                                                 size="2"), align="center"), rx.fragment()),
        rx.cond(S.act_description != "", rx.text(S.act_description, size="2", white_space="pre-wrap"), rx.fragment()),
        spacing="2", align="start",
    ), width="100%")


def _input(f: Field) -> rx.Component:
    """A field of the registrant's declaration on the public form, its hint under it."""
    name = f.name
    props = dict(INPUT_PROPS.get(f.widget, {}))
    if f.autocomplete:
        props["auto_complete"] = f.autocomplete
    shown = field(t("reg.field." + name),
                  rx.input(id=f"pub-{name}", name=name, value=P.form[name],
                           on_change=lambda v: P.set_public_value(name, v), size="3", width="100%", **props),
                  error=field_error(P.errors, name), html_for=f"pub-{name}",
                  required=name in reg_domain.PUBLIC_REQUIRED)
    if not f.hint:
        return shown
    return rx.fragment(shown, rx.text(t(f.hint), size="1", color_scheme="gray"))


def registration_form() -> rx.Component:
    return rx.card(rx.vstack(
        rx.cond(P.full, full_notice(), rx.fragment()),
        rx.text(t("pub.intro"), size="2"),
        *(_input(f) for f in reg_domain.DECLARED),
        rx.callout(t("pub.purpose"), icon="shield-check", size="1", color_scheme="gray", id="pub-purpose"),
        labelled_checkbox(t("pub.consent"), id="pub-consent", checked=P.consent, on_change=P.set_consent,
                          aria_describedby=rx.cond(P.errors.contains("consent"), "error-consent", None)),
        field_error(P.errors, "consent"),
        rx.button(rx.cond(P.full, t("pub.register_waitlist"), t("pub.register")), on_click=P.submit_registration,
                  size="3", width="100%", id="pub-submit"),
        spacing="3", width="100%",
    ), width="100%")


def done() -> rx.Component:
    return rx.card(rx.vstack(
        # the same message whether the address was registered before or not (its owner gets
        # an email then): the page tells nobody who is registered; the personal link goes by email
        rx.cond(P.outcome == "waitlisted",
                rx.callout(t("pub.done_waitlisted"), icon="clock", color_scheme="orange", id="pub-done"),
                rx.callout(t("pub.done_registered"), icon="circle-check", color_scheme="green", id="pub-done")),
        spacing="3", width="100%",
    ), width="100%")


def limited(S: type[PublicActivityView]) -> rx.Component:
    """Over the rate limit: say so and when to try again (a fair's visitors share one address)."""
    return rx.callout.root(
        rx.callout.icon(rx.icon("timer")),
        rx.vstack(rx.text(t("pub.limited_title"), weight="bold", size="2"),
                  rx.text(t("pub.limited_when"), " ", S.retry_at, " (", S.wait_seconds, " s). ", t("pub.limited_why"),
                          size="2"), spacing="1"),
        color_scheme="orange", id="pub-limited", width="100%")


def full_notice() -> rx.Component:
    return rx.callout(t("pub.full"), icon="users", color_scheme="orange", id="pub-full")


@page(f"{PUBLIC_ROUTE}/[{PUBLIC_ARG}]", page_title("tab.register", "pub.site"), P.load_public)
def public_registration() -> rx.Component:
    return frame(rx.cond(
        ~P.loaded, rx.center(rx.spinner(size="3"), padding_y="48px"),
        rx.cond(~P.found, rx.cond(P.retry_at != "", limited(P), not_found(t("pub.not_found"), id="pub-missing")),
                rx.vstack(
                    activity_card(P),
                    rx.cond(P.retry_at != "", limited(P), rx.fragment()),
                    rx.cond(P.outcome != "", done(),
                            rx.cond(P.closed_reason.length() > 0,
                                    rx.callout(message_var(P.closed_reason), icon="lock", color_scheme="orange",
                                               id="pub-closed"),
                                    registration_form())),
                    rx.card(rx.vstack(
                        file_link(t("act.add_to_calendar"), calendar.ACTIVITY_FILE_PATH + P.activity_ref + ".ics",
                                  id="pub-add-to-calendar", icon="calendar-plus"),
                        rx.flex(rx.text(t("pub.add_to_calendar"), size="2", color_scheme="gray"),
                                calendar_links(calendar.PUBLIC_FEED_PATH, P.public_feed_webcal,
                                               prefix="pub-public-feed", size="1"),
                                spacing="3", align="center", wrap="wrap"),
                        spacing="3"), width="100%"),
                    spacing="4", width="100%")),
    ))


def _mine_input(name: str) -> rx.Component:
    """A field the registrant may change through the personal link, as its declaration names it."""
    return field(t("reg.field." + name), rx.input(id=f"mine-{name}", value=M.form[name],
                                                  on_change=lambda v: M.set_mine_value(name, v),
                                                  size="3", width="100%"), error=field_error(M.errors, name))


@page(f"{MINE_ROUTE}/[{TOKEN_ARG}]", page_title("mine.title", "pub.site"), M.load_mine)
def my_registration() -> rx.Component:
    cancel_button = rx.button(t("mine.cancel"), color_scheme="red", variant="soft", size="3", id="mine-cancel")
    return frame(rx.cond(
        ~M.loaded, rx.center(rx.spinner(size="3"), padding_y="48px"),
        rx.match(
            M.state,
            ("ok", rx.vstack(
                activity_card(M),
                rx.card(rx.vstack(
                    rx.heading(t("mine.title"), size="4", as_="h2"),
                    rx.hstack(rx.badge(vocab_label(reg_domain.STATUSES, M.status), size="2", id="mine-status"),
                              rx.text(M.email, size="2", color_scheme="gray"), align="center"),
                    rx.cond(M.status != "cancelled", rx.vstack(
                        *(_mine_input(name) for name in reg_domain.CHANGEABLE),
                        rx.flex(
                            rx.button(t("mine.save"), on_click=M.send_changes, size="3", id="mine-save"),
                            confirm_dialog(cancel_button, t("mine.cancel"), t("mine.cancel_body"), t("mine.cancel"),
                                           M.withdraw, id="mine-cancel-dialog"),
                            spacing="3", wrap="wrap"),
                        spacing="3", width="100%"), rx.fragment()),
                    spacing="3", width="100%"), width="100%"),
                rx.card(file_link(t("act.add_to_calendar"), calendar.REGISTRATION_FILE_PATH + M.token_ref + ".ics",
                                  id="mine-add-to-calendar", icon="calendar-plus"), width="100%"),
                spacing="4", width="100%")),
            ("expired", rx.callout(t("mine.expired"), icon="clock", color_scheme="orange", id="mine-expired")),
            ("limited", limited(M)),
            not_found(t("mine.not_found"), id="mine-missing"),
        ),
    ))
