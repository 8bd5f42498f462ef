"""Consent records per person and purpose (AVG / GDPR): validation and the rule that says
whether a person may be shown or contacted for a purpose. Plain Python."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from lo_network.domain import vocab
from lo_network.domain.checks import at_most
from lo_network.domain.dates import iso, parse_date
from lo_network.domain.errors import ValidationError
from lo_network.domain.text import checks_text, clean
from lo_network.messages import join, msg, reason, vocabulary

PURPOSES: dict[str, tuple[str, str]] = vocabulary("vocab.consent_purpose", (
    "newsletter", "invitations", "directory"))
BASES = {k: v for k, v in vocab.CONSENT_BASES.items() if k != "none"}
FIELDS = ("purpose", "basis", "date", "source", "withdrawn")


def _day(raw: dict, field: str, errors: dict, today: date) -> date | None:
    try:
        value = parse_date(raw.get(field))
    except ValueError as exc:
        errors[field] = reason(exc)
        return None
    if value and value > today:
        errors[field] = msg("common.in_future")
    return value


@checks_text
def validate(raw: dict[str, Any], *, today: date | None = None) -> dict[str, Any]:
    """A consent record: purpose, legal basis, date (required), source, withdrawn (optional,
    not before the date). Raises ValidationError naming each bad field."""
    today = today or date.today()
    errors: dict[str, str] = {}
    purpose = clean(raw.get("purpose"))
    if purpose not in PURPOSES:
        errors["purpose"] = join(msg("consent.purpose.unknown"), msg("common.choose_from", detail=", ".join(PURPOSES)))
    basis = clean(raw.get("basis"))
    if basis not in BASES:
        errors["basis"] = join(msg("common.unknown_legal_basis"), msg("common.choose_from", detail=", ".join(BASES)))
    given = _day(raw, "date", errors, today)
    if given is None and "date" not in errors:
        errors["date"] = msg("common.date.required")
    withdrawn = _day(raw, "withdrawn", errors, today)
    if withdrawn and given and withdrawn < given:
        errors["withdrawn"] = msg("consent.withdrawn.before_date")
    source = at_most(errors, "source", clean(raw.get("source")), 200)
    if errors:
        raise ValidationError(errors)
    return {"purpose": purpose, "basis": basis, "date": iso(given), "source": source, "withdrawn": iso(withdrawn)}


def active(record: dict[str, Any], today: date | None = None) -> bool:
    """A record counts while it is not withdrawn (a withdrawal dated in the past or today)."""
    withdrawn = record.get("withdrawn")
    return not withdrawn or withdrawn > (today or date.today()).isoformat()


def has_basis(records: Iterable[dict[str, Any]], purpose: str, general_basis: str | None,
              today: date | None = None) -> bool:
    """May this person be shown / contacted for ``purpose``?

    Consent records for that purpose decide when there are any: yes while one of them is
    active. Without a record for the purpose, the person's general basis (the foundation's
    ``consent_basis`` field) decides: anything but "none" (or empty) is a basis."""
    mine = [r for r in records if r.get("purpose") == purpose]
    if mine:
        return any(active(r, today) for r in mine)
    return bool(general_basis) and general_basis != "none"
