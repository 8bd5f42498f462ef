"""The fixed vocabularies and their labels (lo_network.domain.vocab)."""

from __future__ import annotations

import pytest

from lo_network.domain import vocab

ALL = [vocab.KINDS, vocab.COMPANY_TYPES, vocab.REGIONS, vocab.THEMES, vocab.STATUSES,
       vocab.CONSENT_BASES, vocab.ROLES]


@pytest.mark.parametrize("municipality, region", [
    ("Deventer", "deventer"),
    ("Olst-Wijhe", "deventer"),
    ("Enschede", "twente"),
    ("hof van twente", "twente"),
    ("  HENGELO ", "twente"),
    ("Zwolle", "zwolle"),
    ("Zwartewaterland", "zwolle"),
    ("Steenwijkerland", "other_overijssel"),
])
def test_region_for_an_overijssel_municipality(municipality, region):
    assert vocab.region_for_municipality(municipality) == region


@pytest.mark.parametrize("municipality", ["Amsterdam", "Arnhem", "", "Twente"])
def test_no_region_for_other_places(municipality):
    assert vocab.region_for_municipality(municipality) is None


def test_every_overijssel_municipality_has_a_region():
    municipalities = [
        "Almelo", "Borne", "Dalfsen", "Deventer", "Dinkelland", "Enschede", "Haaksbergen",
        "Hardenberg", "Hellendoorn", "Hengelo", "Hof van Twente", "Kampen", "Losser",
        "Oldenzaal", "Olst-Wijhe", "Ommen", "Raalte", "Rijssen-Holten", "Staphorst",
        "Steenwijkerland", "Tubbergen", "Twenterand", "Wierden", "Zwartewaterland", "Zwolle",
    ]
    assert all(vocab.region_for_municipality(m) in vocab.REGIONS for m in municipalities)


@pytest.mark.parametrize("table, value, nl, en", [
    (vocab.KINDS, "company", "Bedrijf", "Company"),
    (vocab.KINDS, "knowledge_institute", "Kennisinstelling", "Knowledge institute"),
    (vocab.COMPANY_TYPES, "shipper", "Verlader", "Shipper"),
    (vocab.COMPANY_TYPES, "carrier", "Vervoerder", "Carrier"),
    (vocab.REGIONS, "other_overijssel", "Overig Overijssel", "Other Overijssel"),
    (vocab.THEMES, "accessibility", "Bereikbaarheid & Ruimte", "Accessibility & Space"),
    (vocab.STATUSES, "participant", "Deelnemer", "Participant"),
    (vocab.STATUSES, "former", "Oud-deelnemer", "Former participant"),
    (vocab.CONSENT_BASES, "legitimate_interest", "Gerechtvaardigd belang", "Legitimate interest"),
    (vocab.ROLES, "steering", "Stuurgroep", "Steering group"),
])
def test_labels_in_both_languages(table, value, nl, en):
    assert vocab.label(table, value) == nl
    assert vocab.label(table, value, "nl") == nl
    assert vocab.label(table, value, "en") == en


@pytest.mark.parametrize("value, shown", [(None, ""), ("", ""), ("martian", "martian")])
def test_label_of_empty_or_unknown_value(value, shown):
    assert vocab.label(vocab.KINDS, value, "en") == shown


@pytest.mark.parametrize("table", ALL)
def test_every_value_has_a_dutch_and_an_english_label(table):
    for value, (nl, en) in table.items():
        assert nl.strip() and en.strip(), value


def test_options_keep_the_vocabulary_order():
    assert vocab.options(vocab.STATUSES, "en") == [
        ("prospect", "Prospect"), ("participant", "Participant"),
        ("partner", "Partner"), ("former", "Former participant"),
    ]
    assert [label for _, label in vocab.options(vocab.STATUSES)][1] == "Deelnemer"
