"""Links to what the server answers with a file or a feed (calendar files, exports by URL),
not with a page.

Reflex renders ``rx.link`` as a client-router link: a click on ``/api/v1/...`` is taken by
the router, which knows no such page and shows its 404. ``reload_document`` makes the browser
follow the link itself, so the server's answer (a download, a calendar) is what the user
gets. Every link to a file or feed goes through :func:`file_link` or :func:`subscribe_link`."""

from __future__ import annotations

import reflex as rx

from lo_network.i18n import t


def file_link(label: rx.Var | str, href: rx.Var | str, *, id: str, icon: str = "download",  # noqa: A002
              size: str = "2", download: bool = True) -> rx.Component:
    """A link the browser follows itself (never the client router); with ``download`` it
    saves the answer as a file."""
    extra = {"download": ""} if download else {}
    return rx.link(rx.hstack(rx.icon(icon, size=14), rx.text(label), spacing="1", align="center"),
                   href=href, reload_document=True, size=size, id=id, **extra)


def subscribe_link(label: rx.Var | str, webcal: rx.Var | str, *, id: str, size: str = "2") -> rx.Component:  # noqa: A002
    """A ``webcal:`` link: the browser hands the feed to the calendar program, which
    subscribes to it (and keeps it up to date) instead of importing a copy once."""
    return file_link(label, webcal, id=id, icon="calendar-sync", size=size, download=False)


def copy_field(value: rx.Var, *, id: str) -> rx.Component:  # noqa: A002
    """A read-only address with a copy button (the address can be selected by hand too)."""
    return rx.hstack(
        rx.input(value=value, read_only=True, id=id, size="1", flex="1", min_width="0",
                 on_focus=rx.call_script(f"document.getElementById('{id}').select()"),
                 aria_label=t("files.address")),
        rx.button(rx.icon("copy", size=14), t("files.copy"), size="1", variant="soft", id=f"{id}-copy",
                  on_click=[rx.set_clipboard(value), rx.toast.success(t("files.copied"))]),
        spacing="2", align="center", width="100%",
    )


def calendar_links(download_href: rx.Var | str, webcal: rx.Var | str, *, prefix: str,
                   download_key: str = "files.feed_download", size: str = "2") -> rx.Component:
    """A feed offered both ways: subscribe (webcal:) and download once (.ics)."""
    return rx.flex(
        subscribe_link(t("files.subscribe"), webcal, id=f"{prefix}-subscribe", size=size),
        file_link(t(download_key), download_href, id=f"{prefix}-download", icon="calendar", size=size),
        spacing="4", wrap="wrap", align="center",
    )
