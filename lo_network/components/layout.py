"""The frame of every signed-in page: header with app name, navigation, user, language
switch and logout; the red banner when the graph is unreachable; the page body."""

from __future__ import annotations

import reflex as rx

from lo_network.domain import vocab
from lo_network.i18n import t, vocab_label
from lo_network.states.session import SessionState

ACCENT = "teal"  # keep in step with the theme in rxconfig.py
CONTENT_WIDTH = "1180px"

# (route, i18n key, who sees it: "all" signed-in users, "edit_network" (coordinator, admin), "admin")
NAV_ITEMS: list[tuple[str, str, str]] = [
    ("/organisaties", "nav.organisations", "all"),
    ("/personen", "nav.people", "all"),
    ("/activiteiten", "nav.activities", "all"),
    ("/kaart", "nav.map", "all"),
    ("/voorstellen", "nav.introductions", "all"),
    ("/dubbelen", "nav.duplicates", "all"),
    ("/makelaars", "nav.measures", "all"),
    ("/dashboard", "nav.dashboard", "all"),  # issue 6
    ("/importeren", "nav.import", "edit_network"),
    ("/gebruikers", "nav.users", "admin"),
    ("/audit", "nav.audit", "admin"),
]


def logo() -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.image(src="/logo.svg", width="28px", height="28px", alt=""),
            rx.text(t("app.name"), weight="bold", size="3", white_space="nowrap"),
            align="center",
            spacing="2",
        ),
        href="/organisaties",
        underline="none",
        color_scheme="gray",
        high_contrast=True,
    )


def language_switch() -> rx.Component:
    """NL | EN; the choice is kept in the lo_lang cookie."""
    return rx.segmented_control.root(
        rx.segmented_control.item("NL", value="nl"),
        rx.segmented_control.item("EN", value="en"),
        value=SessionState.lang,
        on_change=SessionState.set_language,
        size="1",
        id="language-switch",
        aria_label=t("nav.language"),
    )


def nav_link(route: str, key: str) -> rx.Component:
    active = SessionState.router.url.path.startswith(route)
    return rx.link(
        t(key),
        href=route,
        underline="none",
        weight=rx.cond(active, "bold", "regular"),
        color_scheme=rx.cond(active, ACCENT, "gray"),
        high_contrast=~active,
        padding_y="10px",
        border_bottom=rx.cond(active, f"2px solid var(--{ACCENT}-9)", "2px solid transparent"),
        id=f"nav-{route.strip('/')}",
    )


def navigation() -> rx.Component:
    shown_to = {"all": None, "edit_network": SessionState.can_edit_network, "admin": SessionState.is_admin}
    links = []
    for route, key, who in NAV_ITEMS:
        link = nav_link(route, key)
        links.append(link if shown_to[who] is None else rx.cond(shown_to[who], link, rx.fragment()))
    return rx.hstack(*links, spacing="5", align="center", as_="nav", aria_label="Hoofdmenu")


def user_menu() -> rx.Component:
    return rx.hstack(
        rx.box(
            rx.text(SessionState.user_name, size="2", weight="medium", id="current-user-name", white_space="nowrap"),
            rx.text(vocab_label(vocab.ROLES, SessionState.user_role), size="1", color_scheme="gray", id="current-user-role"),
            text_align="right",
            line_height="1.2",
        ),
        rx.button(
            rx.icon("log-out", size=16),
            t("nav.logout"),
            on_click=SessionState.logout,
            variant="soft",
            color_scheme="gray",
            size="2",
            id="logout",
        ),
        spacing="3",
        align="center",
    )


def header() -> rx.Component:
    return rx.box(
        rx.box(
            rx.flex(
                logo(),
                rx.spacer(),
                rx.hstack(language_switch(), user_menu(), spacing="4", align="center", wrap="wrap",
                          justify="end"),
                align="center",
                wrap="wrap",
                spacing="3",
                padding_y="10px",
            ),
            rx.box(navigation(), overflow_x="auto"),
            max_width=CONTENT_WIDTH,
            margin_x="auto",
            padding_x="16px",
        ),
        graph_banner(),
        as_="header",
        background_color="var(--color-panel-solid)",
        border_bottom="1px solid var(--gray-5)",
        position="sticky",
        top="0",
        z_index="10",
    )


def graph_banner() -> rx.Component:
    """Red, under the header (so it stays in view), while the network database cannot be reached."""
    return rx.cond(
        SessionState.graph_down,
        rx.box(
            rx.hstack(
                rx.icon("triangle-alert", size=18),
                rx.text(t("common.graph_down"), weight="medium"),
                align="center",
                spacing="2",
                max_width=CONTENT_WIDTH,
                margin_x="auto",
            ),
            role="alert",
            id="graph-down-banner",
            background_color="var(--red-9)",
            color="white",
            padding="10px 16px",
        ),
        rx.fragment(),
    )


def loading(ready: rx.Var, *children: rx.Component) -> rx.Component:
    """``children`` once ``ready``; before that a spinner, or nothing while the graph is down
    (the banner says why)."""
    return rx.cond(
        ready,
        rx.fragment(*children),
        rx.cond(SessionState.graph_down, rx.fragment(), rx.center(rx.spinner(size="3"), padding_y="48px")),
    )


def page_header(title: rx.Var | str, *actions: rx.Component, subtitle: rx.Var | str | None = None) -> rx.Component:
    """The page's title (h1) with its main buttons on the right."""
    return rx.flex(
        rx.box(
            rx.heading(title, size="6", as_="h1", id="page-title"),
            rx.text(subtitle, color_scheme="gray", size="2") if subtitle is not None else rx.fragment(),
        ),
        rx.spacer(),
        rx.hstack(*actions, spacing="2", wrap="wrap", align="center"),
        align="center",
        wrap="wrap",
        spacing="3",
        margin_bottom="16px",
    )


def layout(*children: rx.Component) -> rx.Component:
    """A signed-in page: header, banner, body. The body shows once the user is known
    (the page's on_load guard sends others to the login page)."""
    return rx.box(
        header(),
        rx.box(
            rx.cond(
                SessionState.signed_in,
                rx.fragment(*children),
                rx.center(rx.spinner(size="3"), padding_y="64px"),
            ),
            as_="main",
            max_width=CONTENT_WIDTH,
            margin_x="auto",
            padding="20px 16px 48px",
        ),
        min_height="100vh",
        background_color="var(--gray-2)",
    )


def card(*children: rx.Component, **props) -> rx.Component:
    """A white panel for a section of a page."""
    return rx.card(*children, size="2", width="100%", **props)


def section(title: rx.Var | str, *children: rx.Component, **props) -> rx.Component:
    """A titled card (h2) grouping related fields or lists."""
    return card(
        rx.heading(title, size="4", as_="h2", margin_bottom="12px"),
        *children,
        **props,
    )
