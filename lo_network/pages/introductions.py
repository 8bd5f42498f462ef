"""/voorstellen: "Wie kan ons voorstellen?" — start, target, the ranked paths in words."""

from __future__ import annotations

from typing import Any, Callable

import reflex as rx

from lo_network.components.forms import field, form_grid
from lo_network.components.layout import layout, page_header, section
from lo_network.components.organisation_lookup import hit_list, picked
from lo_network.i18n import is_english, page_title, t
from lo_network.pages import page
from lo_network.states.introductions import Hit, IntroductionsState as S, PathRow, Piece


def hit_button(prefix: str, hit: Hit, on_pick: Callable[[Hit], Any]) -> rx.Component:
    return rx.button(
        rx.icon(rx.cond(hit.kind == "organisation", "building-2", "user"), size=14),
        rx.text(hit.name, weight="medium"),
        rx.cond(hit.detail != "", rx.text(hit.detail, size="1", color_scheme="gray"), rx.fragment()),
        on_click=on_pick(hit), variant="ghost", size="2", justify="start", width="100%",
        class_name=f"{prefix}-option",
    )


def picker(prefix: str, chosen_id: rx.Var, chosen_name: rx.Var, query: rx.Var, hits: rx.Var,
           on_query: Callable, on_pick: Callable[[Hit], Any], on_clear: Any) -> rx.Component:
    return rx.cond(
        chosen_id != "",
        picked(chosen_name, prefix=prefix, on_clear=on_clear),
        rx.vstack(
            rx.input(id=f"{prefix}-query", value=query, on_change=on_query, debounce_timeout=300,
                     placeholder=t("intro.lookup"), auto_complete=False, width="100%"),
            rx.cond(hits.length() > 0, hit_list(hits, lambda hit: hit_button(prefix, hit, on_pick)), rx.fragment()),
            spacing="1", width="100%",
        ),
    )


def controls() -> rx.Component:
    return section(
        t("intro.question"),
        rx.vstack(
            form_grid(
                field(t("intro.start"), picker("intro-start", S.start_id, S.start_name, S.start_query, S.start_hits,
                                               S.look_up_start, lambda h: S.pick_start(h.id, h.name), S.clear_start),
                      hint=t("intro.start_hint")),
                field(t("intro.target"), picker("intro-target", S.target_id, S.target_name, S.target_query,
                                                S.target_hits, S.look_up_target,
                                                lambda h: S.pick_target(h.id, h.name), S.clear_target)),
            ),
            rx.button(rx.icon("route", size=16), t("intro.find"), on_click=S.find, id="intro-find",
                      disabled=(S.start_id == "") | (S.target_id == "")),
            spacing="4", width="100%",
        ),
    )


def piece(part: Piece) -> rx.Component:
    """A name links to its record; the words between are plain text."""
    return rx.cond(part.href != "", rx.link(part.text, href=part.href, class_name="intro-name"),
                   rx.text(part.text, as_="span"))


def step_list(steps: rx.Var) -> rx.Component:
    return rx.el.ol(rx.foreach(steps, lambda s: rx.el.li(rx.text(rx.foreach(s, piece), size="2"))),
                    padding_left="20px", margin="0")


def path_card(path: PathRow, index: int) -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.badge(t("intro.route"), " ", index + 1, size="2"),
            rx.badge(t("intro.strength"), ": ", path.score, "%", color_scheme=rx.cond(path.score >= 50, "teal", "orange"),
                     variant="soft", size="2"),
            spacing="2", margin_bottom="8px",
        ),
        rx.cond(is_english(), step_list(path.steps_en), step_list(path.steps_nl)),
        class_name="intro-path", width="100%",
    )


def results() -> rx.Component:
    return rx.cond(
        S.searched,
        section(
            t("intro.results"),
            rx.cond(
                S.paths.length() > 0,
                rx.vstack(rx.text(t("intro.explain"), size="2", color_scheme="gray"),
                          rx.foreach(S.paths, path_card), spacing="3", width="100%", id="intro-paths"),
                rx.text(t("intro.no_path"), size="2", color_scheme="gray", id="intro-none"),
            ),
        ),
        rx.fragment(),
    )


@page("/voorstellen", page_title("intro.title"), S.load)
def introductions() -> rx.Component:
    return layout(page_header(t("intro.title")), rx.vstack(controls(), results(), spacing="4", width="100%"))
