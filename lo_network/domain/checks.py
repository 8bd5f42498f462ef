"""The checks the entities' ``validate`` functions share, one rule each: a value that must
be given, text of at most so many characters, a choice from a vocabulary. Each returns the
value it checked and notes its message in ``errors`` under the field's name, so a
``validate`` collects every bad field before it raises one ValidationError."""

from __future__ import annotations

from collections.abc import Container

from lo_network.messages import Message, msg


def at_most(errors: dict[str, str], field: str, value: str, most: int, too_long: Message | None = None) -> str:
    """``value`` (text already cleaned), noting ``errors[field]`` when it is longer than
    ``most`` characters: ``too_long``, or the common message that names the limit."""
    if len(value) > most:
        errors[field] = msg("common.too_long", max=most) if too_long is None else too_long
    return value


def required_text(errors: dict[str, str], field: str, value: str, missing: Message, *, most: int,
                  too_long: Message | None = None) -> str:
    """:func:`at_most` for a field that must be filled in: ``missing`` when ``value`` is empty."""
    if not value:
        errors[field] = missing
        return value
    return at_most(errors, field, value, most, too_long)


def one_of(errors: dict[str, str], field: str, value: str, choices: Container[str], wrong: Message) -> str:
    """``value``, noting ``errors[field]`` (``wrong``) when it is not one of ``choices``."""
    if value not in choices:
        errors[field] = wrong
    return value
