"""Contact details shared by people and organisations: an email address and a phone number,
checked and normalised the same way wherever they are typed (form, API, import)."""

from __future__ import annotations

import re

from email_validator import EmailNotValidError, validate_email

from lo_network.domain.text import clean
from lo_network.messages import msg, reason

_PHONE = re.compile(r"^\+?[0-9 ()\-./]{6,25}$")


def normalise_email(value: object) -> str:
    """The normalised address; raises ValueError with the reason. No DNS look-up."""
    text = clean(value)
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValueError(msg("contact.email.invalid", detail=str(exc))) from exc


def normalise_phone(value: object) -> str:
    """The number as typed (trimmed); raises ValueError when it is no phone number."""
    phone = clean(value)
    if phone and (not _PHONE.match(phone) or sum(c.isdigit() for c in phone) < 6):
        raise ValueError(msg("contact.phone.invalid"))
    return phone


def phone_key(phone: object) -> str:
    """The digits that identify a number however it is written: '+31 (0)38 123 4567',
    '0031 38 1234567' and '038-1234567' -> '0381234567'; '' for none."""
    text = clean(phone)
    international = text.startswith("+")
    text = text.replace("(0)", "")
    digits = re.sub(r"\D", "", text)
    if international:
        digits = "00" + digits
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    return digits if len(digits) >= 6 else ""


def email_key(email: object) -> str:
    return clean(email).lower()


def contact_details(raw: dict, errors: dict, fields: tuple[str, ...] = ("email", "phone")) -> dict[str, str]:
    """The email address and phone number in ``raw`` (those of ``fields``), normalised; ''
    for one not given. A bad one is kept as typed, and why it is bad goes to ``errors``."""
    out = {}
    for field in fields:
        value = clean(raw.get(field))
        try:
            out[field] = NORMALISE[field](value) if value else ""
        except ValueError as exc:
            errors[field] = reason(exc)
            out[field] = value
    return out


NORMALISE = {"email": normalise_email, "phone": normalise_phone}
