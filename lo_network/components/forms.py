"""Form building blocks: labelled fields with their error underneath, inputs that carry
``id``/``name`` after the field, vocabulary selects, checkbox groups, a delete dialog.

Errors live in a state var ``errors: dict[str, list[str]]`` (field -> [nl, en]); fill it
with ``states.form_values.errors_from`` when a service raises ValidationError, and show it under each
field with ``field(..., error=field_error(State.errors, "name"))``.
"""

from __future__ import annotations

from typing import Any, Callable

import reflex as rx
from reflex_components_radix.themes.components.checkbox import Checkbox

from lo_network.i18n import message_var, pick, t
from lo_network.states.form_values import NO_CHOICE



def to_select(value: rx.Var) -> rx.Var:
    """A state value as a select shows it: '' becomes NO_CHOICE."""
    return rx.cond(value == "", NO_CHOICE, value)


def field_error(errors: rx.Var, name: str) -> rx.Component:
    """The error of field ``name`` (red, under the field), or nothing. role=alert: a screen
    reader announces it when it appears. :func:`field` ties it to its control."""
    shown = rx.cond(
        errors.contains(name),
        rx.text(
            message_var(errors[name].to(list[str])),
            color_scheme="red",
            size="2",
            id=f"error-{name}",
            role="alert",
        ),
        rx.fragment(),
    )
    shown._lo_error_of = (errors.contains(name), f"error-{name}")  # read by describe_control
    return shown


def _with_id(component: rx.Component, wanted: str | None) -> rx.Component | None:
    """The first component in ``component``'s tree with id ``wanted`` (any id when None)."""
    own = getattr(component, "id", None)
    if isinstance(own, str) and (wanted is None or own == wanted):
        return component
    for child in getattr(component, "children", []):
        found = _with_id(child, wanted)
        if found is not None:
            return found
    return None


def describe_control(control: rx.Component, error: rx.Component | None, html_for: str | None = None) -> None:
    """While the field has an error: ``aria-invalid`` on its control and ``aria-describedby``
    pointing at the error text, so a screen reader reads the error with the field."""
    shown_when, error_id = getattr(error, "_lo_error_of", (None, None))
    if shown_when is None:
        return
    target = _with_id(control, html_for) or control
    target.custom_attrs["aria-describedby"] = rx.cond(shown_when, error_id, None)
    target.custom_attrs["aria-invalid"] = rx.cond(shown_when, "true", None)


def field(label: rx.Var | str, control: rx.Component, *, error: rx.Component | None = None,
          hint: rx.Var | str | None = None, html_for: str | None = None, required: bool = False) -> rx.Component:
    """A label above its control, an optional hint, and the field's error below (tied to
    the control: see :func:`describe_control`). Without ``html_for`` the label is for the
    first element with an id in ``control``."""
    if html_for is None:
        first = _with_id(control, None)
        html_for = first.id if first is not None else None
    describe_control(control, error, html_for)
    label_parts = [label]
    if required:
        label_parts.append(rx.text(" *", as_="span", color_scheme="red"))
    return rx.vstack(
        rx.el.label(rx.text(*label_parts, size="2", weight="medium"), html_for=html_for),
        control,
        rx.text(hint, size="1", color_scheme="gray") if hint is not None else rx.fragment(),
        error if error is not None else rx.fragment(),
        spacing="1",
        width="100%",
        align="stretch",
    )


def _controlled(control: Callable[..., rx.Component], prefix: str, name: str, value: rx.Var,
                on_change: Callable, **props: Any) -> rx.Component:
    """``control`` (an input, a text area) bound to ``value``, full width, with id
    ``{prefix}-{name}`` and name ``name``."""
    return control(id=f"{prefix}-{name}", name=name, value=value, on_change=on_change, width="100%", **props)


def text_input(prefix: str, name: str, value: rx.Var, on_change: Callable, **props: Any) -> rx.Component:
    """A controlled text input with id ``{prefix}-{name}`` and name ``name``."""
    return _controlled(rx.input, prefix, name, value, on_change, size="2", **props)


def icon_input(icon: str, placeholder: rx.Var | str, **props: Any) -> rx.Component:
    """A full-width input with ``icon`` at its start and no <label> of its own (a search box,
    a lookup): ``placeholder`` is also its accessible name."""
    return rx.input(rx.input.slot(rx.icon(icon, size=16)), placeholder=placeholder, aria_label=placeholder,
                    width="100%", **props)


def datetime_input(prefix: str, name: str, value: rx.Var, on_change: Callable, **props: Any) -> rx.Component:
    """A date and time in one Dutch format, 'dd-mm-jjjj uu:mm', whatever the browser's language.

    A text input, like the date fields (placeholder dd-mm-jjjj): the browser's own
    ``datetime-local`` shows its locale's format (mm/dd/yyyy, AM/PM in an English browser).
    The domain reads it (``domain.activities.parse_local``) and names a bad value."""
    return text_input(prefix, name, value, on_change, placeholder=t("common.datetime_hint"), auto_complete="off",
                      max_length=20, **props)


def text_area(prefix: str, name: str, value: rx.Var, on_change: Callable, **props: Any) -> rx.Component:
    """A controlled multi-line input with id ``{prefix}-{name}`` and name ``name``."""
    return _controlled(rx.text_area, prefix, name, value, on_change, rows="4", resize="vertical", **props)


def vocab_select(prefix: str, name: str, vocab: dict[str, tuple[str, str]], value: rx.Var,
                 on_change: Callable, *, empty_label: rx.Var | str | None = None,
                 aria_label: rx.Var | str | None = None, **props: Any) -> rx.Component:
    """A select of a vocabulary (labels in the current language).

    With ``empty_label`` the first item means "no choice" (value ''): the handler gets
    NO_CHOICE for it; convert with :func:`from_select`. ``aria_label`` names a select that
    has no <label> of its own (a filter): it goes on the trigger, the button people reach."""
    items = []
    if empty_label is not None:
        items.append(rx.select.item(empty_label, value=NO_CHOICE))
    items += [rx.select.item(pick(nl, en), value=code) for code, (nl, en) in vocab.items()]
    return rx.select.root(
        rx.select.trigger(id=f"{prefix}-{name}", width="100%",
                          **({"aria_label": aria_label} if aria_label is not None else {})),
        rx.select.content(*items, position="popper"),
        name=name,
        value=to_select(value) if empty_label is not None else value,
        on_change=on_change,
        size="2",
        **props,
    )


def checkbox_group(prefix: str, name: str, vocab: dict[str, tuple[str, str]], selected: rx.Var,
                   on_toggle: Callable[[str, bool], Any], **props: Any) -> rx.Component:
    """One checkbox per vocabulary value; ``on_toggle(value, checked)`` is called on a click.

    Each checkbox has id ``{prefix}-{name}-{value}``."""
    boxes = [
        labelled_checkbox(
            pick(nl, en),
            id=f"{prefix}-{name}-{code}",
            name=f"{name}",
            value=code,
            checked=selected.to(list[str]).contains(code),
            on_change=lambda checked, code=code: on_toggle(code, checked),
        )
        for code, (nl, en) in vocab.items()
    ]
    return rx.flex(*boxes, direction="column", spacing="2", id=f"{prefix}-{name}", **props)


def labelled_checkbox(text: rx.Var | str | rx.Component, **props: Any) -> rx.Component:
    """A checkbox with its text in one <label> (clicking the text ticks it; screen readers
    read the text as its name). Not rx.el.label around rx.checkbox: that nests two labels
    and leaves the checkbox nameless."""
    shown = text if isinstance(text, rx.Component) else rx.text(text, size="2", as_="span")
    return rx.el.label(rx.flex(_bare_checkbox(**props), shown, gap="8px", align="center"), cursor="pointer")


def _bare_checkbox(**props: Any) -> rx.Component:
    props.setdefault("size", "2")
    return Checkbox.create(**props)


def icon_button(icon: str, label: rx.Var | str, *, icon_size: int = 14, **props: Any) -> rx.Component:
    """A button that shows only an icon: ``label`` is its accessible name and its tooltip."""
    return rx.icon_button(rx.icon(icon, size=icon_size), aria_label=label, title=label, **props)


def form_grid(*fields: rx.Component, columns: str = "2") -> rx.Component:
    """Fields side by side on wide screens, one under the other on a phone."""
    return rx.grid(*fields, columns=rx.breakpoints(initial="1", sm=columns), spacing="4", width="100%")


def confirm_dialog(trigger: rx.Component, title: rx.Var | str, body: rx.Var | str,
                   confirm_label: rx.Var | str, on_confirm: Any, *, id: str) -> rx.Component:  # noqa: A002
    """An alert dialog opened by ``trigger``; ``on_confirm`` runs on the red button.

    The confirm button has id ``{id}-confirm``, the cancel button ``{id}-cancel``."""
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(trigger),
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            rx.alert_dialog.description(body, size="2"),
            rx.flex(
                rx.alert_dialog.cancel(
                    rx.button(t("common.cancel"), variant="soft", color_scheme="gray", id=f"{id}-cancel"),
                ),
                rx.alert_dialog.action(
                    rx.button(confirm_label, color_scheme="red", on_click=on_confirm, id=f"{id}-confirm"),
                ),
                spacing="3",
                justify="end",
                margin_top="16px",
            ),
            max_width="460px",
        ),
    )


def contact_link(label: rx.Var | str, value: rx.Var, scheme: str, *, id: str) -> rx.Component:  # noqa: A002
    """A read-only email address or phone number as a link (``mailto:``, ``tel:``), '—' when empty."""
    return read_only_value(label, rx.cond(value != "", rx.link(value, href=scheme + value, size="2", id=id),
                                          rx.text("—", size="2")))


def read_only_value(label: rx.Var | str, value: rx.Var | rx.Component, *, id: str | None = None) -> rx.Component:  # noqa: A002
    """A label with a value beneath, for read-only views."""
    return rx.vstack(
        rx.text(label, size="1", color_scheme="gray", weight="medium"),
        value if isinstance(value, rx.Component) else rx.text(rx.cond(value, value, "—"), size="2", id=id),
        spacing="1",
        align="start",
    )


# A chevron like the Radix select's, drawn as the native select's background (data: images
# are allowed by the app's Content-Security-Policy).
_CHEVRON = ("url(\"data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='15' height='15' "
            "viewBox='0 0 15 15'><path d='M4 6l3.5 3.5L11 6' fill='none' stroke='%2360646c' stroke-width='1.4'/>"
            "</svg>\")")


def native_select(*options: rx.Component, width: str = "100%", **props) -> rx.Component:
    """A plain HTML select (its value goes with a form like an input's) that looks like the
    app's other selects: the field's frame with a chevron on the right, not a text field."""
    return rx.el.select(
        *options,
        class_name="rt-reset rt-SelectTrigger rt-r-size-2 rt-variant-surface native-select",
        style={"width": width, "height": "var(--space-6)", "padding": "0 28px 0 8px", "appearance": "none",
               "WebkitAppearance": "none", "backgroundImage": _CHEVRON, "backgroundRepeat": "no-repeat",
               "backgroundPosition": "right 8px center", "cursor": "pointer"},
        **props,
    )
