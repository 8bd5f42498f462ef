"""The frame of every signed-in page: header with app name, navigation, user, language
switch and logout; the red banner when the graph is unreachable; the page body."""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex.vars.base import Var, VarData
from reflex_base.utils.imports import ImportVar

from lo_network.domain import vocab
from lo_network.domain.permissions import Permission, page_permission
from lo_network.i18n import t, vocab_label
from lo_network.states.session import SessionState

ACCENT = "teal"  # keep in step with the theme in rxconfig.py
CONTENT_WIDTH = "1180px"
MAIN_ID = "main-content"  # the skip link's target
STATEMENT_ROUTE = "/toegankelijkheid"  # the accessibility statement

# One script for the whole app:
# - a table wider than a phone scrolls sideways inside Radix's scroll area, which a keyboard
#   cannot reach: every scroll area that scrolls gets tabindex=0 (arrow keys scroll it once
#   focused), checked as the page changes;
# - the skip link moves the focus itself (the client-side router leaves a #fragment alone).
A11Y_SCRIPT = """
(function () {
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('.skip-link');
    var target = link && document.getElementById('""" + MAIN_ID + """');
    if (target) { event.preventDefault(); target.focus(); target.scrollIntoView(); }
  });
  var queued = false;
  function mark() {
    queued = false;
    document.querySelectorAll('.rt-ScrollAreaViewport:not([tabindex])').forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        el.setAttribute('tabindex', '0');
      }
    });
  }
  function queue() { if (!queued) { queued = true; requestAnimationFrame(mark); } }
  function start() {
    new MutationObserver(queue).observe(document.body, {childList: true, subtree: true});
    window.addEventListener('resize', queue);
    queue();
  }
  if (document.body) { start(); } else { document.addEventListener('DOMContentLoaded', start); }
})();
"""

# (route, i18n key[, menu]): entries with a menu key sit in that drop-down menu of the bar, the
# others stand in the bar itself, in this order. Who sees an entry follows from the page's
# permission in domain.permissions.PAGES (the same rule that shows the no-access banner).
NAV_ITEMS: list[tuple[str, ...]] = [
    ("/organisaties", "nav.organisations"),
    ("/personen", "nav.people"),
    ("/activiteiten", "nav.activities"),
    ("/opvolgen", "nav.followup"),  # the coordinators' follow-up lists
    ("/dashboard", "nav.dashboard"),  # the steering group's dashboard
    ("/kaart", "nav.map", "network"),
    ("/voorstellen", "nav.introductions", "network"),
    ("/makelaars", "nav.measures", "network"),
    ("/dubbelen", "nav.duplicates", "network"),
    ("/importeren", "nav.import", "manage"),
    ("/gebruikers", "nav.users", "manage"),
    ("/audit", "nav.audit", "manage"),
    ("/bewaartermijn", "nav.retention", "manage"),  # retention review
]
NAV_MENUS: list[tuple[str, str]] = [("network", "nav.menu_network"), ("manage", "nav.menu_manage")]


class DocumentLanguage(rx.Fragment):
    """Keeps ``<html lang>`` on the chosen UI language (screen readers pick their voice by
    it); the page's <title> follows the language through its Var title."""

    def add_hooks(self) -> list[str | Var]:
        lang = SessionState.lang
        code = f"useEffect(() => {{ document.documentElement.lang = {lang!s}; }}, [{lang!s}]);"
        data = VarData.merge(lang._get_all_var_data(), VarData(imports={"react": [ImportVar(tag="useEffect")]}))
        return [Var(code, _var_data=data)]


def skip_link() -> rx.Component:
    """The first Tab stop of every page: jumps past the header to the page's content."""
    return rx.el.a(t("a11y.skip"), href=f"#{MAIN_ID}", class_name="skip-link", id="skip-link")


def main(*children: rx.Component, **props) -> rx.Component:
    """The page's <main>, the skip link's target (focusable by script, not by Tab)."""
    return rx.box(*children, as_="main", id=MAIN_ID, tab_index=-1, **props)


def site_footer(max_width: str = CONTENT_WIDTH) -> rx.Component:
    """The footer of every page: the accessibility statement."""
    return rx.el.footer(
        rx.flex(
            rx.link(t("a11y.statement_link"), href=STATEMENT_ROUTE, size="2", id="footer-accessibility"),
            rx.text("Logistics Overijssel", size="2", color_scheme="gray"),
            justify="between", wrap="wrap", gap="8px", max_width=max_width, margin_x="auto", padding="16px",
        ),
        border_top="1px solid var(--gray-5)",
        background_color="var(--color-panel-solid)",
    )


def page_frame(*children: rx.Component) -> rx.Component:
    """What every page has around it: <html lang> kept, the skip link first, the footer last."""
    return rx.fragment(DocumentLanguage.create(), skip_link(), *children)


def full_page(*parts: rx.Component, width: str = CONTENT_WIDTH) -> rx.Component:
    """A whole page: ``parts`` (header, <main>) one under the other on the grey background,
    then the footer (its content ``width`` wide); at least as tall as the window, so the
    footer sits at its bottom on a short page."""
    return page_frame(rx.flex(
        *parts,
        site_footer(width),
        direction="column",
        min_height="100vh",
        background_color="var(--gray-2)",
    ))


def public_frame(*children: rx.Component) -> rx.Component:
    """The frame of the pages without login (registration, the statement): logo and
    language switch, the content, the footer."""
    width = "720px"
    return full_page(
        rx.box(rx.flex(
            rx.hstack(rx.image(src="/logo.svg", width="28px", height="28px", alt=""),
                      rx.text("Logistics Overijssel", weight="bold"), align="center", spacing="2"),
            rx.spacer(), language_switch(), align="center", padding="12px 16px", max_width=width, margin_x="auto",
        ), background_color="var(--color-panel-solid)", border_bottom="1px solid var(--gray-5)", as_="header"),
        main(*children, max_width=width, width="100%", margin_x="auto", padding="20px 16px 48px", flex="1"),
        width=width,
    )


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


def _nav_active(routes: list[str]) -> rx.Var:
    path = SessionState.router.url.path
    active = path.startswith(routes[0])
    for route in routes[1:]:
        active = active | path.startswith(route)
    return active


def _nav_look(active: rx.Var) -> dict:
    return {
        "weight": rx.cond(active, "bold", "regular"),
        "color_scheme": rx.cond(active, ACCENT, "gray"),
        "high_contrast": ~active,
        "padding_y": "10px",
        "border_bottom": rx.cond(active, f"2px solid var(--{ACCENT}-9)", "2px solid transparent"),
    }


def _nav_id(route: str) -> str:
    return f"nav-{route.strip('/')}"


def nav_link(route: str, key: str) -> rx.Component:
    return rx.link(t(key), href=route, underline="none", id=_nav_id(route), white_space="nowrap",
                   **_nav_look(_nav_active([route])))


def nav_menu(menu_key: str, label_key: str, entries: list[tuple[str, str, rx.Var | None]]) -> rx.Component:
    """A drop-down of the bar: its label is marked while one of its pages is open; each entry
    is a real link (opens in a new tab with a middle click, like the bar's own links)."""
    active = _nav_active([route for route, _, _ in entries])
    items = []
    for route, key, shown in entries:
        item = rx.dropdown_menu.item(rx.link(t(key), href=route, underline="none", id=_nav_id(route)), as_child=True)
        items.append(item if shown is None else rx.cond(shown, item, rx.fragment()))
    return rx.dropdown_menu.root(
        rx.dropdown_menu.trigger(
            rx.el.button(
                t(label_key), rx.icon("chevron-down", size=14),
                type="button", id=f"nav-menu-{menu_key}",
                display="inline-flex", align_items="center", gap="4px", white_space="nowrap",
                background="none", border="none", cursor="pointer", font="inherit",
                font_size="var(--font-size-3)", padding_x="0", padding_y="10px",
                font_weight=rx.cond(active, "bold", "normal"),
                color=rx.cond(active, f"var(--{ACCENT}-11)", "var(--gray-12)"),
                border_bottom=rx.cond(active, f"2px solid var(--{ACCENT}-9)", "2px solid transparent"),
            ),
        ),
        rx.dropdown_menu.content(*items, id=f"nav-menu-{menu_key}-items"),
    )


def shown_to_role(route: str) -> rx.Var | None:
    """When the page at ``route`` is offered: None for every signed-in user, else a Var that
    is true for roles holding the page's permission (domain.permissions.PAGES)."""
    permission = page_permission(route)
    if permission == Permission.VIEW:
        return None
    return SessionState.permissions.contains(permission.value)


def navigation() -> rx.Component:
    links = []
    menus: dict[str, list] = {key: [] for key, _ in NAV_MENUS}
    for route, key, *menu in NAV_ITEMS:
        shown = shown_to_role(route)
        if menu:
            menus[menu[0]].append((route, key, shown))
            continue
        link = nav_link(route, key)
        links.append(link if shown is None else rx.cond(shown, link, rx.fragment()))
    for menu_key, label_key in NAV_MENUS:
        entries = menus[menu_key]
        if not entries:
            continue
        menu = nav_menu(menu_key, label_key, entries)
        whos = [shown for _, _, shown in entries]
        if any(shown is None for shown in whos):
            links.append(menu)
        else:  # shown when at least one of its entries is
            visible = whos[0]
            for shown in whos[1:]:
                visible = visible | shown
            links.append(rx.cond(visible, menu, rx.fragment()))
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


def not_found(message: rx.Var, id: str | None = None) -> rx.Component:
    """What a page shows for a record that does not exist (any more)."""
    return rx.callout(message, icon="circle-alert", color_scheme="orange", id=id)


def found_or_missing(ready: rx.Var, missing: rx.Var, message: rx.Var, content: rx.Component,
                     id: str | None = None) -> rx.Component:
    """A record page's body: a spinner while it loads, then the record, or ``message`` (with
    ``id``) when there is none."""
    return loading(ready, rx.cond(missing, not_found(message, id), content))


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


def no_access() -> rx.Component:
    """In place of a page the signed-in role may not use (domain.permissions.PAGES): says so
    and where to go, instead of a page that would wait for data it is refused."""
    return rx.callout(
        rx.vstack(
            rx.text(t("common.no_access"), weight="medium"),
            rx.link(t("common.no_access_home"), href="/organisaties", id="no-access-home"),
            spacing="1",
        ),
        icon="lock", color_scheme="orange", id="no-access", role="status",
    )


def layout(*children: rx.Component) -> rx.Component:
    """A signed-in page: header, banner, body. The body shows once the user is known
    (the page's on_load guard sends others to the login page), and only to a role that may
    use the page; other roles see :func:`no_access`."""
    return full_page(
        header(),
        main(
            rx.cond(
                SessionState.signed_in,
                rx.cond(SessionState.page_allowed, rx.fragment(*children), no_access()),
                rx.center(rx.spinner(size="3"), padding_y="64px"),
            ),
            max_width=CONTENT_WIDTH,
            margin_x="auto",
            padding="20px 16px 48px",
            flex="1",
            width="100%",
        ),
    )


STACK_ON_PHONE = "stack-on-phone"  # a table whose rows become blocks on a phone (assets/layout.css)


def labelled_cell(*children: rx.Component, label: rx.Var | str, **props) -> rx.Component:
    """A cell of a STACK_ON_PHONE table: on a phone its column's name is written above it."""
    return rx.table.cell(*children, custom_attrs={"data-label": label}, **props)


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


def items_or_none(items: rx.Var, render: Any, none_text: rx.Var, list_id: str, none_id: str | None = None,
                  spacing: str = "2") -> rx.Component:
    """A record's items (links, jobs, ...) one under the other, or a grey line saying there are none."""
    return rx.cond(
        items.length() > 0,
        rx.vstack(rx.foreach(items, render), spacing=spacing, width="100%", id=list_id),
        rx.text(none_text, size="2", color_scheme="gray", id=none_id),
    )
