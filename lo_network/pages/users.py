"""/gebruikers: the accounts that can sign in, for administrators."""

from __future__ import annotations

import reflex as rx

from lo_network.components.forms import field, field_error, form_grid, vocab_select
from lo_network.components.layout import layout, page_header, section
from lo_network.domain import vocab
from lo_network.i18n import page_title, t
from lo_network.pages import page
from lo_network.states.session import SessionState
from lo_network.states.users import UserRow, UsersState as S

PREFIX = "user"


def create_form() -> rx.Component:
    def _field(name: str, label: str, control: rx.Component, **props) -> rx.Component:
        return field(t(label), control, error=field_error(S.errors, name), html_for=f"{PREFIX}-{name}", **props)

    return section(
        t("users.new"),
        rx.form(
            rx.vstack(
                form_grid(
                    _field("email", "users.email",
                           rx.input(id=f"{PREFIX}-email", name="email", type="email", required=True, width="100%"),
                           required=True),
                    _field("name", "users.name", rx.input(id=f"{PREFIX}-name", name="name", width="100%")),
                    _field("role", "users.role",
                           vocab_select(PREFIX, "role", vocab.ROLES, S.new_role, S.set_new_role)),
                    _field("password", "users.password",
                           rx.input(id=f"{PREFIX}-password", name="password", type="password",
                                    auto_complete="new-password", required=True, width="100%"),
                           hint=t("users.password_hint"), required=True),
                ),
                rx.button(rx.icon("user-plus", size=16), t("users.create"), type="submit", id="user-create"),
                spacing="4",
                align="start",
                width="100%",
            ),
            on_submit=S.create,
            reset_on_submit=False,
            key=S.form_key,
            width="100%",
        ),
    )


WIDE = rx.breakpoints(initial="none", sm="table-cell")
NARROW_ONLY = rx.breakpoints(initial="block", sm="none")


def status_badge(user: UserRow) -> rx.Component:
    return rx.cond(user.active,
                   rx.badge(t("users.active"), color_scheme="teal", variant="soft"),
                   rx.badge(t("users.inactive"), color_scheme="gray", variant="soft"))


def role_select(user: UserRow, id_prefix: str = "user-role-") -> rx.Component:
    """The user's role; changing it saves at once. Ids: user-role-<id> (wide screens),
    user-role-phone-<id> (the copy shown on a phone)."""
    return rx.select.root(
        rx.select.trigger(aria_label=t("users.role"), id=id_prefix + user.id.to_string()),
        rx.select.content(*[rx.select.item(rx.cond(SessionState.lang == "en", en, nl), value=code)
                            for code, (nl, en) in vocab.ROLES.items()]),
        value=user.role,
        on_change=lambda role: S.change_role(user.id, role),
        size="1",
    )


def user_row(user: UserRow) -> rx.Component:
    myself = user.email == SessionState.user_email
    return rx.table.row(
        rx.table.row_header_cell(
            rx.vstack(
                rx.text(user.name, weight="medium", size="2"),
                rx.text(user.email, size="1", color_scheme="gray"),
                rx.box(role_select(user, "user-role-phone-"), display=NARROW_ONLY, padding_top="4px"),
                spacing="0",
            ),
        ),
        rx.table.cell(role_select(user), display=WIDE),
        rx.table.cell(status_badge(user), display=WIDE),
        rx.table.cell(user.created, display=WIDE),
        rx.table.cell(
            rx.cond(
                myself,
                rx.text(t("users.you"), size="1", color_scheme="gray"),
                rx.cond(
                    user.active,
                    rx.button(t("users.deactivate"), on_click=S.set_active(user.id, False), size="1",
                              variant="soft", color_scheme="red", id="user-deactivate-" + user.id.to_string()),
                    rx.button(t("users.activate"), on_click=S.set_active(user.id, True), size="1",
                              variant="soft", id="user-activate-" + user.id.to_string()),
                ),
            ),
        ),
        align="center",
        class_name=rx.cond(user.active, "user-row", "user-row inactive"),
        opacity=rx.cond(user.active, "1", "0.6"),
    )


def user_table() -> rx.Component:
    return section(
        t("users.list"),
        rx.box(
            rx.table.root(
                rx.table.header(rx.table.row(
                    rx.table.column_header_cell(t("users.name")),
                    rx.table.column_header_cell(t("users.role"), display=WIDE),
                    rx.table.column_header_cell(t("users.status"), display=WIDE),
                    rx.table.column_header_cell(t("users.created"), display=WIDE),
                    rx.table.column_header_cell(""),
                )),
                rx.table.body(rx.foreach(S.users, user_row)),
                variant="ghost", size="2", width="100%", id="user-table",
            ),
            overflow_x="auto",
        ),
    )


@page("/gebruikers", page_title("users.title"), S.load)
def users() -> rx.Component:
    return layout(
        page_header(t("users.title"), subtitle=t("users.intro")),
        rx.vstack(user_table(), create_form(), spacing="4", width="100%"),
    )
