"""The one error type for bad input: a message per field, in Dutch and English."""

from __future__ import annotations


class ValidationError(ValueError):
    """Bad input. ``errors`` maps a field name to a message: a lo_network.messages.Message
    (its value the "Dutch / English" text, ``.text(lang)`` one language), or a plain
    "Dutch / English" string from code that has no codes yet (the import planner)."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


class NotFound(LookupError):
    """The record does not exist (any more)."""


class Conflict(ValidationError):
    """Input that is valid but clashes with records that exist (a second organisation with
    a KvK number already held): ``existing`` names them ({id, name}); the write goes ahead
    only when the caller confirms it explicitly (``confirm`` names the flag that does)."""

    def __init__(self, errors: dict[str, str], existing: list[dict], confirm: str):
        super().__init__(errors)
        self.existing = list(existing)
        self.confirm = confirm
