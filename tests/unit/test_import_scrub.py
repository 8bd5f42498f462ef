"""Erasure in stored import files: only rows that name the person change, and
in them only the cells holding the person's own values."""

from __future__ import annotations

from lo_network.services.privacy_files import SCRUBBED, _scrub_rows


def test_only_rows_naming_the_person_lose_only_their_values():
    identifying = {"anna@x.nl", "anna de vries", "\x00anna\x00de vries"}
    values = {"anna", "de vries", "planner", "anna@x.nl"}
    rows = [
        ["Voornaam", "Achternaam", "E-mail", "Functie", "Organisatie"],
        ["Anna", "de Vries", "ANNA@x.nl ", "Planner", "Acme BV"],      # by email (any case, spaces)
        ["Anna", "De Vries", "", "Planner", "Acme BV"],               # by first and last name
        ["Bert", "Bakker", "bert@x.nl", "Planner", "Acme BV"],        # another planner: untouched
        ["Anna", "Jansen", "anna.j@x.nl", "Chauffeur", "Acme BV"],    # another Anna: untouched
    ]
    assert _scrub_rows(rows, identifying, values) is True
    assert rows[1] == [SCRUBBED, SCRUBBED, SCRUBBED, SCRUBBED, "Acme BV"]
    assert rows[2] == [SCRUBBED, SCRUBBED, "", SCRUBBED, "Acme BV"]
    assert rows[3] == ["Bert", "Bakker", "bert@x.nl", "Planner", "Acme BV"]
    assert rows[4] == ["Anna", "Jansen", "anna.j@x.nl", "Chauffeur", "Acme BV"]
    assert _scrub_rows([["Bert", "Bakker"]], identifying, values) is False
