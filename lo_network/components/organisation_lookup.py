"""Look an organisation up by part of its name and pick one (the people list's filter, a
person's employment, a link to another organisation), and show the one picked. The list of
hits and the picked badge serve the other lookups too (the introductions' people and
organisations)."""

from __future__ import annotations

from typing import Any, Callable

import reflex as rx

from lo_network.components.forms import icon_button, icon_input
from lo_network.i18n import t
from lo_network.states.people import OrganisationOption


def hit_list(hits: rx.Var, render: Callable[[Any], rx.Component], **props: Any) -> rx.Component:
    """A lookup's hits, one ``render(hit)`` under the other, in a framed panel under its input."""
    return rx.vstack(
        rx.foreach(hits, render),
        spacing="1",
        width="100%",
        padding="6px",
        border="1px solid var(--gray-6)",
        border_radius="var(--radius-3)",
        background_color="var(--color-panel-solid)",
        **props,
    )


def picked(*content: rx.Var | rx.Component, prefix: str, on_clear: Any) -> rx.Component:
    """What a lookup picked, as a badge (id ``{prefix}-chosen``), with a button to pick
    another (id ``{prefix}-clear``)."""
    return rx.hstack(
        rx.badge(*content, size="2", variant="soft", id=f"{prefix}-chosen"),
        icon_button("x", t("person.lookup.clear"), on_click=on_clear, variant="ghost", size="1", color_scheme="gray",
                    id=f"{prefix}-clear"),
        align="center",
        spacing="1",
        min_height="32px",
    )


def organisation_hit(prefix: str, hit: OrganisationOption, on_pick: Callable[[OrganisationOption], Any]) -> rx.Component:
    return rx.button(
        rx.text(hit.name, weight="medium", size="2"),
        rx.text(hit.city, size="1", color_scheme="gray"),
        on_click=on_pick(hit),
        variant="ghost",
        color_scheme="gray",
        high_contrast=True,
        justify_content="flex-start",
        text_align="left",
        width="100%",
        class_name=f"{prefix}-organisation-option",
    )


def organisation_lookup(prefix: str, query: rx.Var, hits: rx.Var, on_query: Callable[[str], Any],
                        on_pick: Callable[[OrganisationOption], Any], placeholder: rx.Var | str) -> rx.Component:
    """Type part of a name, pick one of the hits below (a click on a hit calls ``on_pick``).

    Input id ``{prefix}-organisation``; each hit is a button with class
    ``{prefix}-organisation-option``."""
    return rx.vstack(
        icon_input(
            "building-2",
            placeholder,
            id=f"{prefix}-organisation",
            name="organisation",
            value=query,
            on_change=on_query,
            debounce_timeout=300,
            auto_complete=False,
        ),
        rx.cond(
            hits.length() > 0,
            hit_list(hits, lambda hit: organisation_hit(prefix, hit, on_pick), id=f"{prefix}-organisation-hits"),
            rx.cond(
                query != "",
                rx.text(t("person.lookup.no_hits"), size="1", color_scheme="gray"),
                rx.fragment(),
            ),
        ),
        spacing="1",
        width="100%",
    )


def chosen_organisation(prefix: str, name: rx.Var, on_clear: Any) -> rx.Component:
    """The picked organisation with a button to pick another (id ``{prefix}-organisation-clear``)."""
    return picked(rx.icon("building-2", size=14), name, prefix=f"{prefix}-organisation", on_clear=on_clear)
