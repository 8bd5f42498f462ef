"""Euros in the browser: the charts' axis formatter, the JavaScript twin of
``domain.budget.format_eur`` (the server's one euro formatter) - '€ 1.800.000' in Dutch,
'€1,800,000' in English, following the page's language."""

from __future__ import annotations

import reflex as rx

# recharts' tick_formatter: a JS function expression; whole euros (an axis has no room for cents)
EURO_TICK = ("(v) => new Intl.NumberFormat((document.documentElement.lang || 'nl').startsWith('en') ? 'en-GB' : "
             "'nl-NL', {style: 'currency', currency: 'EUR', maximumFractionDigits: 0}).format(v)")
# the tooltip's value: with cents, as format_eur writes it
EURO_VALUE = ("((v) => new Intl.NumberFormat((document.documentElement.lang || 'nl').startsWith('en') ? 'en-GB' : "
              "'nl-NL', {style: 'currency', currency: 'EUR', minimumFractionDigits: 2}).format(v))")


def euro_tooltip() -> rx.Component:
    """A chart tooltip that shows its values in euros (recharts' ``formatter``)."""
    return rx.recharts.graphing_tooltip(custom_attrs={"formatter": rx.Var(_js_expr=EURO_VALUE)})
