"""The words for a record's fields and stored values where records are shown generically
(the audit log, a record's history): the labels the forms use (lo_network.i18n) and the
domain vocabularies, looked up in one place; stored instants in Europe/Amsterdam time.

Each lookup answers (Dutch, English), so a page can follow the language switch."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from lo_network.domain import activities, consent, links, organisations, people, registrations, vocab
from lo_network.domain.activities import dutch_datetime
from lo_network.domain.dates import dutch
from lo_network.i18n import STRINGS

Pair = tuple[str, str]

# Where the forms keep their field labels, per kind of record (first hit wins).
_LABEL_PREFIXES: dict[str, tuple[str, ...]] = {
    "organisation": ("org.field.",),
    "person": ("person.field.", "person.job."),
    "employment": ("person.job.", "person.field."),
    "activity": ("act.field.",),
    "organisation_link": ("links.field.",),
    "person_link": ("links.field.",),
    "user": ("users.",),
    "registration": ("reg.field.", "person.field."),
    "consent": ("privacy.",),
    "grant": ("grant.field.",),
}
_ANY_PREFIXES = ("org.field.", "person.field.", "act.field.", "links.field.", "audit.field.")


def _link_types() -> dict[str, Pair]:
    return {code: t.forward for code, t in {**links.ORGANISATION_TYPES, **links.PERSON_TYPES}.items()}


# The kinds of record whose coded fields are read by their own declaration only (an
# activity's "kind" is not an organisation's): the audit log's name for each, and its fields.
_DECLARED_BY_KIND = {"activity": activities.DECLARED, "registration": registrations.DECLARED}

# Coded values: (kind of record or "" for any, field) -> vocabulary.
_VOCABULARIES: dict[tuple[str, str], Mapping[str, Pair]] = {
    # an organisation's and a person's coded fields, as they declare them, for any kind of record
    **{("", f.name): f.vocabulary for f in organisations.DECLARED + people.DECLARED if f.vocabulary is not None},
    # an activity's and a registrant's coded fields, as they declare them
    **{(kind, f.name): f.vocabulary for kind, declared in _DECLARED_BY_KIND.items() for f in declared
       if f.vocabulary is not None},
    # coded values no declaration holds
    ("registration", "status"): registrations.STATUSES,
    ("", "attendance"): registrations.ATTENDANCE,
    ("", "basis"): vocab.CONSENT_BASES,
    ("", "purpose"): consent.PURPOSES,
    ("user", "role"): vocab.ROLES,
    ("activity", "role"): activities.PARTNER_ROLES,  # a partner's role (set_partner records it so)
    ("grant", "line"): vocab.PROGRAMME_LINES,
}

_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YES, _NO = ("ja", "yes"), ("nee", "no")


def field_words(entity: str, field: str) -> Pair:
    """The label of ``field`` of a record of kind ``entity``, as its form shows it."""
    for prefix in (*_LABEL_PREFIXES.get(entity, ()), *_ANY_PREFIXES):
        if prefix + field in STRINGS:
            return STRINGS[prefix + field]
    text = field.replace("_", " ")
    return text, text


def _vocabulary(entity: str, field: str) -> Mapping[str, Pair] | None:
    if field == "type" and entity.endswith("_link"):
        return _link_types()
    return _VOCABULARIES.get((entity, field)) or _VOCABULARIES.get(("", field))


def value_words(entity: str, field: str, value: Any) -> Pair:
    """A stored value as a person reads it: a code by its vocabulary label, an instant in
    Amsterdam time (dd-mm-jjjj uu:mm), a date as dd-mm-jjjj, a list comma-separated."""
    if value is None or value == "":
        return "", ""
    if isinstance(value, bool):
        return _YES if value else _NO
    if isinstance(value, list):
        parts = [value_words(entity, field, v) for v in value]
        return ", ".join(p[0] for p in parts), ", ".join(p[1] for p in parts)
    if isinstance(value, dict):
        parts = [(field_words(entity, k), value_words(entity, k, v)) for k, v in value.items() if v not in (None, "")]
        return ("; ".join(f"{label[0]}: {v[0]}" for label, v in parts),
                "; ".join(f"{label[1]}: {v[1]}" for label, v in parts))
    text = str(value)
    words = _vocabulary(entity, field)
    if words and text in words:
        return words[text]
    if _INSTANT.match(text):
        local = dutch_datetime(text)
        return local, local
    if _DATE.match(text):
        return dutch(text), dutch(text)
    return text, text
