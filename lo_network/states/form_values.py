"""What a state keeps of a form: a service's ValidationError as the ``errors`` var, and a
select's value ("no choice" as ''). The form components (components.forms) show them."""

from __future__ import annotations

from lo_network.domain.errors import ValidationError
from lo_network.i18n import split_message

# Radix selects cannot hold an empty value: this stands for "no choice" (all / automatic).
NO_CHOICE = "__none__"


def errors_from(exc: ValidationError) -> dict[str, list[str]]:
    """A ValidationError as {field: [nl, en]} for a state's ``errors`` var."""
    return {name: list(split_message(message)) for name, message in exc.errors.items()}


def from_select(value: str) -> str:
    """A select's value as the state keeps it: NO_CHOICE becomes ''."""
    return "" if value == NO_CHOICE else value
