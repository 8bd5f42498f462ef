"""The network's fixed vocabularies, in their order, with their Dutch and English labels (see
the glossary). The labels are entries ``vocab.<vocabulary>.<value>`` of the message
catalogues (lo_network/messages, area "vocabulary")."""

from __future__ import annotations

from lo_network.domain.text import fold
from lo_network.messages import vocabulary

# value -> (nl, en)
KINDS: dict[str, tuple[str, str]] = vocabulary("vocab.org_kind", (
    "company", "knowledge_institute", "education", "municipality", "port_network", "government",
    "branch_association"))

COMPANY_TYPES: dict[str, tuple[str, str]] = vocabulary("vocab.company_type", (
    "shipper", "carrier", "lsp", "manufacturer", "other"))

# A company's size class by employees (the usual Dutch / EU classes); "" = unknown.
SIZE_CLASSES: dict[str, tuple[str, str]] = vocabulary("vocab.size_class", (
    "micro", "small", "medium", "large"))


def size_class_for_employees(employees: int) -> str | None:
    """The size class of a company with this many employees (None below 1)."""
    if employees < 1:
        return None
    if employees < 10:
        return "micro"
    if employees < 50:
        return "small"
    if employees < 250:
        return "medium"
    return "large"


REGIONS: dict[str, tuple[str, str]] = vocabulary("vocab.region", (
    "deventer", "twente", "zwolle", "other_overijssel", "outside_overijssel"))

THEMES: dict[str, tuple[str, str]] = vocabulary("vocab.theme", (
    "accessibility", "international", "sustainability", "knowledge_labour"))

STATUSES: dict[str, tuple[str, str]] = vocabulary("vocab.network_status", (
    "prospect", "participant", "partner", "former"))

CONSENT_BASES: dict[str, tuple[str, str]] = vocabulary("vocab.consent_basis", (
    "consent", "legitimate_interest", "contract", "none"))

ROLES: dict[str, tuple[str, str]] = vocabulary("vocab.role", (
    "admin", "coordinator", "organiser", "steering"))

# Overijssel's municipalities by the network's three port regions; anything else in
# Overijssel is "other_overijssel". Used to suggest a region when none is chosen.
_MUNICIPALITY_REGION = {
    "deventer": "deventer", "olst-wijhe": "deventer", "raalte": "deventer",
    "almelo": "twente", "borne": "twente", "dinkelland": "twente", "enschede": "twente",
    "haaksbergen": "twente", "hellendoorn": "twente", "hengelo": "twente", "hof van twente": "twente",
    "losser": "twente", "oldenzaal": "twente", "rijssen-holten": "twente", "tubbergen": "twente",
    "twenterand": "twente",
    "wierden": "twente",
    "zwolle": "zwolle", "kampen": "zwolle", "dalfsen": "zwolle", "hardenberg": "zwolle",
    "ommen": "zwolle", "staphorst": "zwolle", "zwartewaterland": "zwolle",
    "steenwijkerland": "other_overijssel",
}


def region_for_municipality(municipality: str) -> str | None:
    """The region a municipality belongs to, when it is a known Overijssel one."""
    return _MUNICIPALITY_REGION.get(fold(municipality))


def label(vocab: dict[str, tuple[str, str]], value: str | None, lang: str = "nl") -> str:
    if not value:
        return ""
    pair = vocab.get(value)
    if pair is None:
        return value
    return pair[0] if lang == "nl" else pair[1]


def options(vocab: dict[str, tuple[str, str]], lang: str = "nl") -> list[tuple[str, str]]:
    """(value, label) pairs in the vocabulary's order, for select boxes."""
    return [(v, pair[0] if lang == "nl" else pair[1]) for v, pair in vocab.items()]

# The programme's three activity lines (glossary: "activiteitenlijn"); an activity
# is tagged with one. Their budgeted split is in domain/kpis.py (LINE_TARGETS).
PROGRAMME_LINES: dict[str, tuple[str, str]] = vocabulary("vocab.programme_line", (
    "regional", "international", "themes"))
