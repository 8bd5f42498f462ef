"""The network's fixed vocabularies, with their Dutch and English labels (see the glossary)."""

from __future__ import annotations

from lo_network.domain.text import fold

# value -> (nl, en)
KINDS: dict[str, tuple[str, str]] = {
    "company": ("Bedrijf", "Company"),
    "knowledge_institute": ("Kennisinstelling", "Knowledge institute"),
    "education": ("Onderwijsinstelling", "Education"),
    "municipality": ("Gemeente", "Municipality"),
    "port_network": ("Port / netwerkorganisatie", "Port / network organisation"),
    "government": ("Overheid", "Government"),
    "branch_association": ("Brancheorganisatie", "Branch association"),
}

COMPANY_TYPES: dict[str, tuple[str, str]] = {
    "shipper": ("Verlader", "Shipper"),
    "carrier": ("Vervoerder", "Carrier"),
    "lsp": ("Logistiek dienstverlener (LDV)", "Logistics service provider"),
    "manufacturer": ("Maakbedrijf", "Manufacturer"),
    "other": ("Overig", "Other"),
}

# A company's size class by employees (the usual Dutch / EU classes); "" = unknown.
SIZE_CLASSES: dict[str, tuple[str, str]] = {
    "micro": ("Micro (1–9)", "Micro (1–9)"),
    "small": ("Klein (10–49)", "Small (10–49)"),
    "medium": ("Middelgroot (50–249)", "Medium (50–249)"),
    "large": ("Groot (250+)", "Large (250+)"),
}


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


REGIONS: dict[str, tuple[str, str]] = {
    "deventer": ("Deventer", "Deventer"),
    "twente": ("Twente", "Twente"),
    "zwolle": ("Zwolle", "Zwolle"),
    "other_overijssel": ("Overig Overijssel", "Other Overijssel"),
    "outside_overijssel": ("Buiten Overijssel", "Outside Overijssel"),
}

THEMES: dict[str, tuple[str, str]] = {
    "accessibility": ("Bereikbaarheid & Ruimte", "Accessibility & Space"),
    "international": ("International Business", "International Business"),
    "sustainability": ("Duurzaamheid & Circulaire economie", "Sustainability & Circular economy"),
    "knowledge_labour": ("Kennis, Onderwijs & Arbeidsmarkt", "Knowledge, Education & Labour market"),
}

STATUSES: dict[str, tuple[str, str]] = {
    "prospect": ("Prospect", "Prospect"),
    "participant": ("Deelnemer", "Participant"),
    "partner": ("Partner", "Partner"),
    "former": ("Oud-deelnemer", "Former participant"),
}

CONSENT_BASES: dict[str, tuple[str, str]] = {
    "consent": ("Toestemming", "Consent"),
    "legitimate_interest": ("Gerechtvaardigd belang", "Legitimate interest"),
    "contract": ("Overeenkomst", "Contract"),
    "none": ("Geen grondslag", "No basis"),
}

ROLES: dict[str, tuple[str, str]] = {
    "admin": ("Beheerder", "Administrator"),
    "coordinator": ("Netwerkcoördinator", "Network coordinator"),
    "organiser": ("Organisator", "Organiser"),
    "steering": ("Stuurgroep", "Steering group"),
}

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
PROGRAMME_LINES: dict[str, tuple[str, str]] = {
    "regional": ("Regionale netwerkondersteuning", "Regional network support"),
    "international": ("Internationaal zakendoen", "International business"),
    "themes": ("Thematisch werken", "Theme work"),
}
