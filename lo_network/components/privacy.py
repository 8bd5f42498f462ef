"""The privacy sections of a person page: consent per purpose (shown to all,
editable with EDIT_NETWORK), and for administrators the access request and the erasure."""

from __future__ import annotations

from typing import Any

import reflex as rx

from lo_network.components.forms import field, field_error
from lo_network.components.layout import section
from lo_network.domain import consent as consent_domain
from lo_network.i18n import pick, t
from lo_network.states.privacy import ConsentRow, PersonPrivacyState as S
from lo_network.states.session import SessionState


def _label(options: dict[str, tuple[str, str]], value: rx.Var) -> rx.Component:
    return rx.match(value, *[(k, pick(nl, en)) for k, (nl, en) in options.items()], value)


def consent_item(row: ConsentRow) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.hstack(
                rx.text(_label(consent_domain.PURPOSES, row.purpose), weight="medium", size="2"),
                rx.cond(row.active, rx.badge(t("privacy.active"), color_scheme="teal", variant="soft"),
                        rx.badge(t("privacy.withdrawn"), " ", row.withdrawn, color_scheme="gray", variant="soft")),
                spacing="2", wrap="wrap",
            ),
            rx.text(_label(consent_domain.BASES, row.basis), " · ", row.date,
                    rx.cond(row.source != "", rx.text(" · ", row.source, as_="span"), rx.fragment()),
                    size="1", color_scheme="gray"),
            spacing="0", align="start",
        ),
        rx.spacer(),
        rx.cond(SessionState.can_edit_network & row.active,
                rx.button(t("privacy.withdraw"), size="1", variant="soft", color_scheme="orange",
                          on_click=S.withdraw_consent(row.id), class_name="consent-withdraw"),
                rx.fragment()),
        width="100%", align="center", class_name="consent-row",
        border_top="1px solid var(--gray-4)", padding_y="6px",
    )


def _select(name: str, options: dict[str, tuple[str, str]]) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(id=f"consent-{name}", width="100%"),
        rx.select.content(*[rx.select.item(pick(nl, en), value=k) for k, (nl, en) in options.items()]),
        value=S.consent_draft[name],
        on_change=lambda v: S.set_consent_value(name, v),
    )


def consent_form() -> rx.Component:
    def _field(name: str, label: str, control: rx.Component) -> rx.Component:
        return field(t(label), control, error=field_error(S.consent_errors, name), html_for=f"consent-{name}")

    return rx.box(
        rx.grid(
            _field("purpose", "privacy.purpose", _select("purpose", consent_domain.PURPOSES)),
            _field("basis", "privacy.basis", _select("basis", consent_domain.BASES)),
            _field("date", "privacy.date", rx.input(id="consent-date", placeholder=t("common.date_hint"),
                                                    value=S.consent_draft["date"],
                                                    on_change=lambda v: S.set_consent_value("date", v))),
            _field("source", "privacy.source", rx.input(id="consent-source", value=S.consent_draft["source"],
                                                        on_change=lambda v: S.set_consent_value("source", v))),
            columns="2", spacing="2", width="100%",
        ),
        rx.button(rx.icon("plus", size=14), t("privacy.add_consent"), on_click=S.add_consent, size="2",
                  id="consent-add", margin_top="8px"),
        key=S.consent_form_key, margin_top="12px", width="100%",
    )


def consent_section() -> rx.Component:
    return section(
        t("privacy.consents"),
        rx.cond(S.consents.length() > 0,
                rx.box(rx.foreach(S.consents, consent_item), id="consent-list", width="100%"),
                rx.text(t("privacy.no_consents"), size="2", color_scheme="gray", id="consent-list")),
        rx.cond(SessionState.can_edit_network, consent_form(), rx.fragment()),
    )


def erase_in_two_steps(ids: tuple[str, str, str], title: rx.Var, step: rx.Var, set_step: Any,
                       warning: rx.Component, confirmation: tuple[rx.Component, ...], on_erase: Any) -> rx.Component:
    """Erasing is asked twice: step 1 warns (``warning``, and that it cannot be undone), step 2
    asks for the typed ``confirmation`` before the final button. ``ids`` are the dialog's,
    the "continue" button's and the final button's; step 0 is closed."""
    dialog_id, continue_id, final_id = ids

    def buttons(label: rx.Var, on_click: Any, button_id: str) -> rx.Component:
        return rx.hstack(
            rx.button(t("common.cancel"), variant="soft", color_scheme="gray", on_click=set_step(0)),
            rx.button(label, color_scheme="red", on_click=on_click, id=button_id),
            justify="end", spacing="2", width="100%",
        )

    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            rx.cond(
                step == 1,
                rx.vstack(warning, rx.text(t("common.cannot_undo"), weight="bold"),
                          buttons(t("privacy.erase_continue"), set_step(2), continue_id), spacing="3"),
                rx.vstack(*confirmation, buttons(t("privacy.erase_final"), on_erase, final_id), spacing="3"),
            ),
            id=dialog_id,
        ),
        open=step > 0,
    )


def erase_dialog() -> rx.Component:
    return rx.fragment(
        rx.button(rx.icon("user-x", size=16), t("privacy.erase"), color_scheme="red",
                  variant="soft", on_click=S.set_erase_step(1), id="privacy-erase"),
        erase_in_two_steps(
            ("privacy-erase-dialog", "privacy-erase-continue", "privacy-erase-final"),
            t("privacy.erase_title"), S.erase_step, S.set_erase_step, rx.text(t("privacy.erase_body")),
            (rx.text(t("privacy.erase_type_name")),
             rx.input(id="privacy-erase-confirm", value=S.erase_confirm, on_change=S.set_erase_confirm,
                      width="100%", auto_complete="off"),
             field_error(S.erase_errors, "confirm")),
            S.erase_person,
        ),
    )


def privacy_actions_section() -> rx.Component:
    return rx.cond(
        SessionState.is_admin,
        section(
            t("privacy.title"),
            rx.text(t("privacy.intro"), size="2", color_scheme="gray", margin_bottom="8px"),
            rx.hstack(
                rx.button(rx.icon("download", size=16), t("privacy.access_json"), variant="soft",
                          on_click=S.download_access_json, id="privacy-access-json"),
                rx.button(rx.icon("file-text", size=16), t("privacy.access_html"), variant="soft",
                          on_click=S.download_access_html, id="privacy-access-html"),
                erase_dialog(),
                spacing="2", wrap="wrap",
            ),
        ),
        rx.fragment(),
    )


def person_privacy_sections() -> list[rx.Component]:
    return [consent_section(), privacy_actions_section()]
