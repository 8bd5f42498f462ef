"""The follow-up lists' export headers: a column holding an organisation's or a person's field is
headed as that field's declaration heads it in the organisations' and people's exports, and the
headers stay as users' spreadsheets know them."""

from __future__ import annotations

from lo_network.domain import imports, organisations, people
from lo_network.services.followup import HEADERS


def test_the_headers_are_as_spreadsheets_know_them():
    assert HEADERS == {
        "dormant": ["Organisatie", "Soort", "Plaats", "Regio", "Netwerkstatus", "Laatste activiteit (datum)",
                    "Laatste activiteit", "Contactpersoon", "E-mailadres", "Telefoon", "Open opvolging",
                    "Organisatie-id"],
        "twice": ["Organisatie", "Soort", "Plaats", "Regio", "Netwerkstatus", "Keer aanwezig",
                  "Laatste activiteit (datum)", "Laatste activiteit", "Contactpersoon", "E-mailadres", "Telefoon",
                  "Open opvolging", "Organisatie-id"],
        "consent": ["Naam", "Organisatie", "E-mailadres", "Telefoon", "Verloopt op", "Doelen",
                    "Toestemming gegeven", "Persoon-id"],
    }


def test_a_fields_column_is_headed_by_its_declaration():
    org = {f.name: f.export for f in organisations.DECLARED}
    person = {f.name: f.export for f in people.DECLARED}
    for kind in ("dormant", "twice"):
        headers = HEADERS[kind]
        assert headers[1:5] == [org["kind"], org["city"], org["region"], org["status"]]
        contact = headers.index("Contactpersoon")
        assert headers[contact + 1:contact + 3] == [person["email"], person["phone"]]
    assert HEADERS["consent"][1:4] == [imports.ORGANISATION.export, person["email"], person["phone"]]
