"""A person of the network, and their employment (WORKS_AT) at organisations."""

from __future__ import annotations

from datetime import date
from typing import Any

from lo_network.domain import duplicates, vocab
from lo_network.domain.contact import email_key, normalise_email, normalise_phone
from lo_network.domain.dates import iso, parse_date
from lo_network.domain.errors import ValidationError
from lo_network.domain.text import checks_text, clean, fold, multiline, search_key, tags

FIELDS = (
    "first_name", "last_name", "email", "phone", "job_title",
    "consent_basis", "consent_date", "consent_source", "tags", "notes",
)
EMPLOYMENT_FIELDS = ("organisation_id", "role", "since", "until")

SORTS = ("name", "-name", "-updated")
# sorts whose next page is read after the last row seen (keyset); '-updated' pages by offset
KEYSET_SORTS = ("name", "-name")


def _date(raw: dict, field: str, errors: dict, today: date | None = None):
    try:
        value = parse_date(raw.get(field))
    except ValueError as exc:
        errors[field] = str(exc)
        return None
    if value and today and value > today:
        errors[field] = "ligt in de toekomst / lies in the future"
    return value


@checks_text
def validate(raw: dict[str, Any], *, today: date | None = None) -> dict[str, Any]:
    """Check and normalise a person's fields; raise ValidationError naming each bad field."""
    today = today or date.today()
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    out["first_name"] = clean(raw.get("first_name"))
    out["last_name"] = clean(raw.get("last_name"))
    if not out["last_name"]:
        errors["last_name"] = "achternaam is verplicht / last name is required"
    for field in ("first_name", "last_name"):
        if len(out[field]) > 100:
            errors[field] = "te lang (max. 100 tekens) / too long (max 100)"

    email = clean(raw.get("email"))
    if email:
        try:
            email = normalise_email(email)
        except ValueError as exc:
            errors["email"] = str(exc)
    out["email"] = email
    out["email_key"] = email_key(email)

    try:
        out["phone"] = normalise_phone(raw.get("phone"))
    except ValueError as exc:
        errors["phone"] = str(exc)
        out["phone"] = clean(raw.get("phone"))

    out["job_title"] = clean(raw.get("job_title"))
    if len(out["job_title"]) > 150:
        errors["job_title"] = "te lang (max. 150 tekens) / too long (max 150)"

    basis = clean(raw.get("consent_basis")) or "none"
    if basis not in vocab.CONSENT_BASES:
        errors["consent_basis"] = "onbekende grondslag / unknown legal basis"
    out["consent_basis"] = basis
    consent_date = _date(raw, "consent_date", errors, today)
    if basis != "none" and consent_date is None and "consent_date" not in errors:
        errors["consent_date"] = (
            "datum van toestemming/grondslag is verplicht / date of the basis is required"
        )
    out["consent_date"] = iso(consent_date)
    out["consent_source"] = clean(raw.get("consent_source"))[:200]

    out["tags"] = tags(raw.get("tags"))
    out["notes"] = multiline(raw.get("notes"))
    if len(out["notes"]) > 5000:
        errors["notes"] = "te lang (max. 5000 tekens) / too long (max 5000)"

    if errors:
        raise ValidationError(errors)
    full = f"{out['first_name']} {out['last_name']}".strip()
    out["name"] = full
    out["name_key"] = fold(f"{out['last_name']} {out['first_name']}")
    out["search_key"] = search_key(full, out["email"], out["job_title"])
    out.update(duplicates.person_keys(out))  # key of duplicate detection
    return out


@checks_text
def validate_employment(raw: dict[str, Any], *, today: date | None = None) -> dict[str, Any]:
    """A WORKS_AT link: organisation, role, since, until (until on or after since)."""
    errors: dict[str, str] = {}
    org = clean(raw.get("organisation_id"))
    if not org:
        errors["organisation_id"] = "kies een organisatie / choose an organisation"
    role = clean(raw.get("role"))
    if len(role) > 150:
        errors["role"] = "te lang (max. 150 tekens) / too long (max 150)"
    since = _date(raw, "since", errors)
    until = _date(raw, "until", errors)
    if since and until and until < since:
        errors["until"] = "ligt vóór de begindatum / is before the start date"
    if errors:
        raise ValidationError(errors)
    return {"organisation_id": org, "role": role, "since": iso(since), "until": iso(until)}


def merge_update(current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """The editable fields of ``current`` with ``changes`` laid over them, ready to validate."""
    merged = {field: current.get(field) for field in FIELDS}
    merged.update({k: v for k, v in changes.items() if k in FIELDS})
    return merged
