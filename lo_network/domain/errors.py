"""The one error type for bad input: a message per field, in Dutch and English."""

from __future__ import annotations


class ValidationError(ValueError):
    """Bad input. ``errors`` maps a field name to a message (Dutch first; see i18n)."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


class NotFound(LookupError):
    """The record does not exist (any more)."""
