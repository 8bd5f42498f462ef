"""UI strings and the splitting of domain messages ("Dutch / English")."""

import pytest

from lo_network.i18n import STRINGS, localise, split_message, tr


def test_every_string_has_both_languages():
    for key, pair in STRINGS.items():
        assert len(pair) == 2 and all(isinstance(s, str) and s.strip() for s in pair), key


def test_tr_picks_the_language_and_names_an_unknown_key():
    assert tr("common.save", "nl") == "Opslaan"
    assert tr("common.save", "en") == "Save"
    with pytest.raises(KeyError, match="nope.missing"):
        tr("nope.missing", "nl")


@pytest.mark.parametrize("message, nl, en", [
    ("naam is verplicht / name is required", "naam is verplicht", "name is required"),
    ("onbekende rol / unknown role; kies uit / choose from admin, steering",
     "onbekende rol; kies uit", "unknown role; choose from admin, steering"),
    ("datum van toestemming/grondslag is verplicht / date of the basis is required",
     "datum van toestemming/grondslag is verplicht", "date of the basis is required"),
    ("bestaat al", "bestaat al", "bestaat al"),
])
def test_split_message(message, nl, en):
    assert split_message(message) == (nl, en)
    assert localise(message, "nl") == nl
    assert localise(message, "en") == en
