"""A registration for an activity: who, their status (registered / waiting list /
cancelled / walk-in), attendance at the door, and the personal link's token."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from typing import Any

from lo_network.domain.checks import at_most, required_text
from lo_network.domain.errors import ValidationError
from lo_network.domain.fields import Field, Pair, export_header
from lo_network.domain.contact import contact_details
from lo_network.domain.text import checks_text, clean, fold, multiline, search_key
from lo_network.messages import msg, vocabulary

# What a registrant gives (on the public page, the API, at the door), in the order the API
# shows it: the API's request models, the public form, the personal-link form, the walk-in
# form and the attendee export's columns are derived from here (domain/fields.py).
DECLARED = (
    Field("name", ("Naam", "Name"), required=True, autocomplete="name"),
    # the attendee export has always headed it "E-mail": files opened before keep their headers
    Field("email", ("E-mailadres", "Email address"), widget="email", export="E-mail", export_en="Email",
          autocomplete="email"),
    Field("organisation_name", ("Organisatie", "Organisation"), autocomplete="organization",
          hint="pub.organisation_hint"),
    Field("remarks", ("Opmerkingen", "Remarks"), widget="long"),
)
# what the public form requires (at the door a name will do: validate_registrant)
PUBLIC_REQUIRED = ("name", "email")
BY_NAME = {f.name: f for f in DECLARED}
# what the registrant may change through the personal link: not the address it was sent to
CHANGEABLE = tuple(f.name for f in DECLARED if f.name != "email")
# what the check-in page asks of a walk-in, in its order: no remarks at the door
WALK_IN = ("name", "organisation_name", "email")

# The attendee export's columns, in its order: the registrant's fields (headed as they declare,
# fields.export_header) among what the registration itself records, headed here. A field
# declared but not placed here comes last.
EXPORT_ORDER = ("name", "organisation_name", "email", "status", "attendance", "position", "registered_at", "remarks")
RECORDED_HEADERS: dict[str, Pair] = {
    "status": ("Status", "Status"), "attendance": ("Aanwezigheid", "Attendance"),
    "position": ("Volgnummer", "Number"), "registered_at": ("Aangemeld op", "Registered at"),
}

STATUSES: dict[str, tuple[str, str]] = vocabulary("vocab.registration_status", (
    "registered", "waitlisted", "cancelled", "walk_in"))
ATTENDANCE: dict[str, tuple[str, str]] = vocabulary("vocab.attendance", ("present", "no_show"))
# Statuses that hold a seat; capacity is counted over "registered" only (walk-ins come in
# at the door, on top of the registrations, and are shown as such).
ACTIVE = ("registered", "waitlisted", "walk_in")

# what a registrant consents to, kept with the registration as its bilingual text
CONSENT_PURPOSE = msg("reg.consent_purpose")

TOKEN_BYTES = 32


def export_columns(declared: tuple[Field, ...] = DECLARED) -> dict[str, Pair]:
    """Column name -> its (Dutch, English) header in the attendee export, in the export's order."""
    headers = {f.name: export_header(f) for f in declared} | RECORDED_HEADERS
    order = EXPORT_ORDER + tuple(f.name for f in declared if f.name not in EXPORT_ORDER)
    return {name: headers[name] for name in order if name in headers}


def new_token() -> tuple[str, str]:
    """(token for the personal link, its hash to store). The token itself is never stored."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(str(token).encode("utf-8")).hexdigest()


def token_expired(expires_at: object, now: datetime) -> bool:
    if not expires_at:
        return True
    moment = datetime.fromisoformat(str(expires_at).replace("Z", "+00:00"))
    return now >= moment


# Each text a registrant gives is read and checked by one rule, the same at registration and
# through the personal link: (errors, raw) -> the value, noting errors[field] when it is wrong.
def _name(errors: dict[str, str], raw: dict[str, Any]) -> str:
    return required_text(errors, "name", clean(raw.get("name")), msg("common.name.required"), most=200)


def _organisation_name(errors: dict[str, str], raw: dict[str, Any]) -> str:
    return at_most(errors, "organisation_name", clean(raw.get("organisation_name")), 200)


def _remarks(errors: dict[str, str], raw: dict[str, Any]) -> str:
    return at_most(errors, "remarks", multiline(raw.get("remarks")), 1000)


_RULES = {"name": _name, "organisation_name": _organisation_name, "remarks": _remarks}


@checks_text
def validate_registrant(raw: dict[str, Any], *, public: bool) -> dict[str, Any]:
    """Name, email, organisation (and for the public: consent). Raises ValidationError."""
    errors: dict[str, str] = {}
    name = _name(errors, raw)
    email = contact_details(raw, errors, ("email",))["email"]
    if not email and "email" not in errors and public:
        errors["email"] = msg("reg.email.required")
    organisation = _organisation_name(errors, raw)
    remarks = _remarks(errors, raw)
    consent = raw.get("consent") in (True, "true", "on", "1", 1, "yes")
    if public and not consent:
        errors["consent"] = msg("reg.consent.required")
    if errors:
        raise ValidationError(errors)
    return {
        "name": name,
        "email": email,
        "email_key": email.lower(),
        "organisation_name": organisation,
        "organisation_key": fold(organisation),
        "remarks": remarks,
        "consent": consent,
        "search_key": search_key(name, email, organisation),
    }


def who_key(activity_id: str, person_id: str | None, email_key: str, name: str) -> str:
    """One registration per person per activity: keyed by the known person, else the email,
    else (walk-ins without email) the folded name."""
    who = f"p:{person_id}" if person_id else (f"e:{email_key}" if email_key else f"n:{fold(name)}")
    return f"{activity_id}|{who}"


@checks_text
def validate_change(raw: dict[str, Any]) -> dict[str, Any]:
    """What a registrant may change through the personal link: name, organisation, remarks."""
    errors: dict[str, str] = {}
    out = {name: _RULES[name](errors, raw) for name in CHANGEABLE if name in raw}
    if errors:
        raise ValidationError(errors)
    return out
