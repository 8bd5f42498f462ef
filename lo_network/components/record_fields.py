"""A record's edit form and read-only view, built from its declared fields (domain/fields.py).

Each field's control follows from its widget: a vocabulary as a select or checkboxes, a long
text as a text area, the others as inputs dressed for what they hold (an email address, a
phone number, digits). The view shows each field as it reads best: a code by its label, an
email address, phone number or web address as a link, a list as badges. The page supplies
what only it knows: its state's values and handlers, which list a list field shows, the
condition of the company-only fields, and a field it shows its own way."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field as dataclass_field
from typing import Any

import reflex as rx

from lo_network.components.forms import (
    checkbox_group, contact_link, field, field_error, form_grid, read_only_value, text_area, text_input,
    vocab_select,
)
from lo_network.domain.fields import Field, in_section
from lo_network.i18n import t, vocab_label

# What an input gets for the kind of value it holds (the phone's keyboard, the browser's check).
INPUT_PROPS: dict[str, dict[str, str]] = {
    "email": {"type": "email", "input_mode": "email"},
    "tel": {"type": "tel", "input_mode": "tel"},
    "numeric": {"input_mode": "numeric"},
}


@dataclass
class RecordFields:
    """The fields of one record on one page.

    ``prefix`` starts every id (``{prefix}-{name}`` on a control, ``{prefix}-view-{name}`` on
    a shown value); ``labels`` is the message key prefix of the fields' labels. ``values``,
    ``errors`` and ``set_value`` are the form state's; ``lists`` gives a list field's Var and,
    for checkboxes, its toggle handler; ``companies`` is the condition under which
    company-only fields show; ``focus`` puts the cursor in the first field (a new record);
    ``own_view`` shows a field the page's own way."""

    declared: tuple[Field, ...]
    prefix: str
    labels: str
    values: rx.Var
    errors: rx.Var
    set_value: Callable[[str, str], Any]
    lists: Mapping[str, tuple[rx.Var, Callable | None]] = dataclass_field(default_factory=dict)
    companies: rx.Var | bool = True
    focus: rx.Var | bool = False
    own_view: Mapping[str, rx.Component] = dataclass_field(default_factory=dict)

    def label(self, f: Field) -> rx.Var:
        return t(self.labels + f.name)

    # ------------------------------------------------------------ the edit form
    def control(self, f: Field, first: bool = False) -> rx.Component:
        name, value = f.name, self.values[f.name]

        def on_change(v, name=name):
            return self.set_value(name, v)

        if f.widget == "select":
            props: dict[str, Any] = {"placeholder": t(f.prompt)} if f.prompt else {}
            return vocab_select(self.prefix, name, dict(f.vocabulary or {}), value, on_change,
                                empty_label=t(f.empty) if f.empty else None, **props)
        if f.widget == "checkboxes":
            selected, toggle = self.lists[name]
            return checkbox_group(self.prefix, name, dict(f.vocabulary or {}), selected, toggle)
        if f.widget == "long":
            return text_area(self.prefix, name, value, on_change)
        props = dict(INPUT_PROPS.get(f.widget, {}))
        if f.example or f.prompt:
            props["placeholder"] = f.example or t(f.prompt)
        if not f.autofill:
            props["auto_complete"] = False
        if first:
            props["auto_focus"] = self.focus
        return text_input(self.prefix, name, value, on_change, **props)

    def form_field(self, f: Field, first: bool = False) -> rx.Component:
        shown = field(self.label(f), self.control(f, first), error=field_error(self.errors, f.name),
                      html_for=f"{self.prefix}-{f.name}", required=f.required and not f.default,
                      hint=t(f.hint) if f.hint else None)
        return self._only_for_companies(f, shown)

    def form_section(self, section: str) -> rx.Component:
        """The section's fields side by side, a long text beneath them."""
        chosen = in_section(self.declared, section)
        first = self.declared[0]
        grid = [self.form_field(f, f is first) for f in chosen if f.widget != "long"]
        below = [rx.box(self.form_field(f), margin_top="16px") for f in chosen if f.widget == "long"]
        return rx.fragment(form_grid(*grid), *below)

    # ------------------------------------------------------------ the read-only view
    def shown_value(self, f: Field) -> rx.Component:
        name, value = f.name, self.values[f.name]
        view_id = f"{self.prefix}-view-{name}"
        if name in self.own_view:
            return read_only_value(self.label(f), self.own_view[name])
        if f.widget == "email":
            return contact_link(self.label(f), value, "mailto:", id=view_id)
        if f.widget == "tel":
            return contact_link(self.label(f), value, "tel:", id=view_id)
        blank = t(f.blank) if f.blank else "—"
        if f.widget == "url":
            shown = rx.cond(value != "", rx.link(value, href=value, is_external=True, size="2", id=view_id),
                            rx.text(blank, size="2"))
        elif f.many:
            shown = badges(self.lists[name][0], f.vocabulary)
        elif f.vocabulary is not None:
            shown = rx.text(rx.cond(value != "", vocab_label(dict(f.vocabulary), value), blank), size="2",
                            id=view_id)
        elif f.widget == "long":
            shown = rx.text(rx.cond(value != "", value, blank), size="2", white_space="pre-wrap", id=view_id)
        else:
            return read_only_value(self.label(f), value, id=view_id)
        return read_only_value(self.label(f), shown)

    def view_section(self, section: str) -> rx.Component:
        chosen = [f for f in in_section(self.declared, section) if f.shown]
        grid = [self._only_for_companies(f, self.shown_value(f)) for f in chosen if f.widget != "long"]
        below = [rx.box(self.shown_value(f), margin_top="16px") for f in chosen if f.widget == "long"]
        return rx.fragment(form_grid(*grid), *below)

    def _only_for_companies(self, f: Field, component: rx.Component) -> rx.Component:
        return rx.cond(self.companies, component, rx.fragment()) if f.companies_only else component


def badges(items: rx.Var, words: Mapping[str, tuple[str, str]] | None = None) -> rx.Component:
    """A list as badges (a code by its label), '—' when empty."""
    return rx.cond(
        items.length() > 0,
        rx.flex(
            rx.foreach(items, lambda item: rx.badge(vocab_label(dict(words), item) if words else item,
                                                    variant="surface", color_scheme="gray")),
            spacing="1", wrap="wrap",
        ),
        rx.text("—", size="2"),
    )
