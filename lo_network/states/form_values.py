"""What a state keeps of a form: a service's ValidationError as the ``errors`` var, and a
select's value ("no choice" as ''). The form components (components.forms) show them."""

from __future__ import annotations

from lo_network.domain.errors import ValidationError
from lo_network.messages import texts

# Radix selects cannot hold an empty value: this stands for "no choice" (all / automatic).
NO_CHOICE = "__none__"


def errors_from(exc: ValidationError) -> dict[str, list[str]]:
    """A ValidationError as {field: [nl, en]} for a state's ``errors`` var: a Message's two
    texts (a plain "nl / en" string, as the import planner still gives, split)."""
    return {name: list(texts(message)) for name, message in exc.errors.items()}


def from_select(value: str) -> str:
    """A select's value as the state keeps it: NO_CHOICE becomes ''."""
    return "" if value == NO_CHOICE else value
