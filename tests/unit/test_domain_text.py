"""Text normalisation for search keys and tags (lo_network.domain.text)."""

from __future__ import annotations

import pytest

from lo_network.domain.text import clean, fold, search_key, tags


@pytest.mark.parametrize("raw, cleaned", [
    ("  Port  of \t Twente\n", "Port of Twente"),
    (None, ""),
    (12345678, "12345678"),
])
def test_clean(raw, cleaned):
    assert clean(raw) == cleaned


@pytest.mark.parametrize("raw, folded", [
    ("Müller", "muller"),
    ("MÜLLER", "muller"),
    ("Hengelo Ö", "hengelo o"),
    ("Café Ñandú", "cafe nandu"),
    ("Straße", "strasse"),
    ("ﬁets", "fiets"),
    ("  Zwolle   Haven ", "zwolle haven"),
    (None, ""),
])
def test_fold_drops_accents_and_case(raw, folded):
    assert fold(raw) == folded


def test_search_key_joins_the_non_empty_parts_folded():
    assert search_key("Müller B.V.", "", None, "Enschede", "  ") == "muller b.v. | enschede"


def test_search_key_of_nothing_is_empty():
    assert search_key("", None) == ""


@pytest.mark.parametrize("raw, result", [
    ("Haven, NSBC; haven,, ", ["haven", "nsbc"]),
    (["Spreker", " spreker ", ""], ["spreker"]),
    (("b", "a"), ["a", "b"]),
    ({"Living  Lab"}, ["living lab"]),
    ("", []),
    (None, []),
])
def test_tags(raw, result):
    assert tags(raw) == result
