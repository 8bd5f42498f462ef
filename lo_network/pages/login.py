"""/login: email and password."""

from __future__ import annotations

import reflex as rx

from lo_network.components.layout import full_page, language_switch, main
from lo_network.i18n import page_title, t
from lo_network.pages import page
from lo_network.states.login import LoginState
from lo_network.states.session import LOGIN_ROUTE


def login_error() -> rx.Component:
    return rx.cond(
        LoginState.error_key != "",
        rx.callout(
            rx.cond(
                LoginState.error_key == "login.required", t("login.required"),
                rx.cond(LoginState.error_key == "login.throttled",
                        rx.text(t("login.throttled"), " ", LoginState.wait_seconds, " s", as_="span"),
                        t("login.failed")),
            ),
            icon="circle-alert",
            color_scheme="red",
            role="alert",
            id="login-error",
            width="100%",
        ),
        rx.fragment(),
    )


def login_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.vstack(
                rx.el.label(rx.text(t("login.email"), size="2", weight="medium"), html_for="login-email"),
                rx.input(id="login-email", name="email", type="email", auto_complete="username",
                         required=True, auto_focus=True, size="3", width="100%"),
                spacing="1", width="100%",
            ),
            rx.vstack(
                rx.el.label(rx.text(t("login.password"), size="2", weight="medium"), html_for="login-password"),
                rx.input(id="login-password", name="password", type="password",
                         auto_complete="current-password", required=True, size="3", width="100%"),
                spacing="1", width="100%",
            ),
            login_error(),
            rx.button(t("login.submit"), type="submit", size="3", width="100%", id="login-submit"),
            spacing="4",
            width="100%",
        ),
        on_submit=LoginState.login,
        reset_on_submit=False,
        width="100%",
    )


@page(LOGIN_ROUTE, page_title("login.title"), LoginState.open)
def login() -> rx.Component:
    return full_page(main(rx.center(rx.vstack(
            rx.flex(language_switch(), justify="end", width="100%"),
            rx.card(
                rx.vstack(
                    rx.hstack(
                        rx.image(src="/logo.svg", width="40px", height="40px", alt=""),
                        rx.heading(t("app.name"), size="4", as_="p"),
                        align="center",
                        spacing="3",
                    ),
                    rx.heading(t("login.title"), size="6", as_="h1", id="page-title"),
                    rx.text(t("login.intro"), color_scheme="gray", size="2"),
                    login_form(),
                    spacing="4",
                    width="100%",
                ),
                size="4",
                width="100%",
            ),
            width="100%",
            max_width="420px",
            spacing="3",
        ), padding="16px"), flex="1"),
        width="420px",
    )
