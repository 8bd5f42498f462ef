"""A person of the network, and their employment (WORKS_AT) at organisations."""

from __future__ import annotations

from datetime import date
from typing import Any

from lo_network.domain import duplicates, vocab
from lo_network.domain.checks import at_most, one_of
from lo_network.domain.contact import contact_details, email_key
from lo_network.domain.dates import iso, parse_date
from lo_network.domain.errors import ValidationError
from lo_network.domain.fields import Field, names
from lo_network.domain.text import checks_text, clean, fold, multiline, search_key, tags
from lo_network.messages import msg, reason

# Every editable field of a person, in the order the form, the API and the exports show
# them: what each place needs of a field is derived from here (domain/fields.py).
DECLARED = (
    Field("first_name", ("Voornaam", "First name"), section="person", autofill=False, export="Voornaam",
          columns=("voornaam", "roepnaam", "first name", "firstname", "given name")),
    Field("last_name", ("Achternaam", "Last name"), required=True, section="person", autofill=False,
          export="Achternaam",
          columns=("achternaam", "familienaam", "last name", "lastname", "surname", "family name")),
    Field("email", ("E-mailadres", "Email address"), listed=True, section="person", widget="email",
          example="naam@bedrijf.nl", autofill=False, export="E-mailadres", columns=(
        "e-mailadres", "e-mail", "email", "emailadres", "mail", "email address", "e-mail address")),
    Field("phone", ("Telefoon", "Phone"), listed=True, section="person", widget="tel", example="+31 6 12345678",
          autofill=False, export="Telefoon", columns=(
        "telefoon", "telefoonnummer", "tel", "mobiel", "mobiel nummer", "phone", "phone number", "telephone",
        "mobile")),
    Field("job_title", ("Functie", "Job title"), listed=True, section="person", export="Functie",
          columns=("functie", "functietitel", "rol", "job title", "title", "position", "role", "job")),
    Field("consent_basis", ("Grondslag (AVG)", "Legal basis (GDPR)"), listed=True, default="none",
          section="consent", widget="select", vocabulary=vocab.CONSENT_BASES, export="Grondslag",
          columns=("grondslag", "grondslag avg", "legal basis", "consent basis")),
    Field("consent_date", ("Datum toestemming / grondslag", "Date of consent / basis"), section="consent",
          widget="date", prompt="common.date_hint", hint="person.consent_date_hint",
          import_label=("Datum toestemming", "Date of consent"), export="Datum toestemming",
          columns=("datum toestemming", "datum grondslag", "consent date", "date of consent")),
    Field("consent_source", ("Bron", "Source"), section="consent", prompt="person.consent_source_placeholder",
          import_label=("Bron toestemming", "Source of consent"),
          export="Bron", columns=("bron", "bron toestemming", "source", "consent source")),
    Field("tags", ("Tags", "Tags"), many=True, listed=True, section="other", hint="person.tags_hint", export="Tags",
          columns=("tags", "tag", "labels", "label")),
    Field("notes", ("Notities", "Notes"), section="other", widget="long", export="Notities",
          columns=("notities", "notitie", "opmerkingen", "opmerking", "notes", "note", "remarks", "comments")),
)
FIELDS = names(DECLARED)
EMPLOYMENT_FIELDS = ("organisation_id", "role", "since", "until")

SORTS = ("name", "-name", "-updated")
# sorts whose next page is read after the last row seen (keyset); '-updated' pages by offset
KEYSET_SORTS = ("name", "-name")


def _date(raw: dict, field: str, errors: dict, today: date | None = None):
    try:
        value = parse_date(raw.get(field))
    except ValueError as exc:
        errors[field] = reason(exc)
        return None
    if value and today and value > today:
        errors[field] = msg("common.in_future")
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
        errors["last_name"] = msg("person.last_name.required")
    for field in ("first_name", "last_name"):
        if len(out[field]) > 100:
            errors[field] = msg("common.too_long", max=100)

    out.update(contact_details(raw, errors))
    out["email_key"] = email_key(out["email"])

    out["job_title"] = at_most(errors, "job_title", clean(raw.get("job_title")), 150)

    basis = one_of(errors, "consent_basis", clean(raw.get("consent_basis")) or "none", vocab.CONSENT_BASES,
                   msg("common.unknown_legal_basis"))
    out["consent_basis"] = basis
    consent_date = _date(raw, "consent_date", errors, today)
    if basis != "none" and consent_date is None and "consent_date" not in errors:
        errors["consent_date"] = msg("person.consent_date.required")
    out["consent_date"] = iso(consent_date)
    out["consent_source"] = clean(raw.get("consent_source"))[:200]

    out["tags"] = tags(raw.get("tags"))
    out["notes"] = at_most(errors, "notes", multiline(raw.get("notes")), 5000)

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
        errors["organisation_id"] = msg("person.organisation.choose")
    role = at_most(errors, "role", clean(raw.get("role")), 150)
    since = _date(raw, "since", errors)
    until = _date(raw, "until", errors)
    if since and until and until < since:
        errors["until"] = msg("common.before_start_date")
    if errors:
        raise ValidationError(errors)
    return {"organisation_id": org, "role": role, "since": iso(since), "until": iso(until)}


def merge_update(current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """The editable fields of ``current`` with ``changes`` laid over them, ready to validate."""
    merged = {field: current.get(field) for field in FIELDS}
    merged.update({k: v for k, v in changes.items() if k in FIELDS})
    return merged
