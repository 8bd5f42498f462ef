"""Audit entries as people read them: form labels for fields, vocabulary labels for codes,
Amsterdam local times; and every action a service records is declared for the search form."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lo_network.record_words import field_words, value_words
from lo_network.services import audit
from lo_network.sqlstore.models import AuditEntry

PACKAGE = Path(__file__).resolve().parents[2] / "lo_network"


def test_fields_carry_the_labels_of_their_forms():
    assert field_words("organisation", "company_type") == ("Type bedrijf", "Company type")
    assert field_words("activity", "starts_at") == ("Begin", "Start")
    assert field_words("person", "consent_basis")[0] == "Grondslag (AVG)"


def test_codes_read_as_their_vocabulary_labels():
    assert value_words("organisation", "region", "twente") == ("Twente", "Twente")
    assert value_words("organisation", "kind", "company")[0] != "company"
    assert value_words("activity", "kind", "cafe")[0] == "Logistiek café / netwerkbijeenkomst"
    assert value_words("organisation", "themes", ["sustainability", "nope"])[0].endswith(", nope")
    assert value_words("registration", "status", "waitlisted") == ("Wachtlijst", "Waiting list")



def test_an_activitys_and_a_registrants_coded_fields_read_by_their_declarations():
    """Every field an activity or a registrant declares with a vocabulary reads its codes by
    that vocabulary, and only on that kind of record: an activity's corridor or visibility
    is not an organisation's."""
    from lo_network.domain import activities, registrations

    declared = [("activity", f) for f in activities.DECLARED if f.vocabulary is not None]
    declared += [("registration", f) for f in registrations.DECLARED if f.vocabulary is not None]
    assert {f.name for _, f in declared} >= {"kind", "themes", "region", "corridor", "programme_line", "visibility"}
    for kind, f in declared:
        for code, words in f.vocabulary.items():
            assert value_words(kind, f.name, code) == words, (kind, f.name, code)
    # the words the log showed before they were derived from the declaration
    assert value_words("activity", "corridor", "north_sea_baltic") == ("Noordzee–Oostzee (NSBC)",
                                                                       "North Sea–Baltic (NSBC)")
    assert value_words("activity", "programme_line", "international") == ("Internationaal zakendoen",
                                                                          "International business")
    assert value_words("activity", "visibility", "invite") == ("Alleen op uitnodiging", "Invite only")
    assert value_words("activity", "region", "twente") == ("Twente", "Twente")
    assert value_words("organisation", "visibility", "invite") == ("invite", "invite")
    assert value_words("registration", "kind", "cafe") == ("cafe", "cafe")


def test_coded_values_no_declaration_holds_keep_their_words():
    assert value_words("registration", "status", "walk_in")[0] != "walk_in"
    assert value_words("registration", "attendance", "no_show") == ("Niet verschenen", "No-show")
    assert value_words("user", "role", "steering") == ("Stuurgroep", "Steering group")
    assert value_words("consent", "basis", "consent")[0] != "consent"
    assert value_words("consent", "purpose", "newsletter")[0] != "newsletter"
    assert value_words("activity", "role", "lead") == ("Penvoerder", "Lead")  # a partner's, as set_partner records it
    from lo_network.domain import links

    assert value_words("organisation_link", "type", "customer") == links.ORGANISATION_TYPES["customer"].forward


def test_instants_show_in_amsterdam_time():
    # 09:00 in Amsterdam in winter is 08:00 UTC, in summer 07:00 UTC
    assert value_words("activity", "starts_at", "2026-12-10T08:00:00+00:00")[0] == "10-12-2026 09:00"
    assert value_words("activity", "starts_at", "2026-06-10T07:00:00Z")[0] == "10-06-2026 09:00"
    assert value_words("person", "consent_date", "2024-01-31")[0] == "31-01-2024"


def test_an_entry_is_a_table_of_labelled_changes_not_json():
    entry = AuditEntry(actor="a@b.nl", via="ui", action="update", entity="organisation", entity_id="x",
                       before=json.dumps({"company_type": "shipper", "region": "twente", "city": "Almelo"}),
                       after=json.dumps({"company_type": "carrier", "region": "zwolle", "city": "Almelo",
                                         "themes": ["sustainability"]}))
    rows = {c.field: c for c in audit.changes(entry)}
    assert set(rows) == {"company_type", "region", "themes"}  # unchanged city left out
    assert rows["company_type"].label == "Type bedrijf"
    assert rows["region"].before == "Twente"
    assert "[" not in rows["themes"].after and "{" not in rows["themes"].after


def test_every_recorded_action_is_declared():
    """Literal actions handed to the audit log anywhere in the package are in ACTIONS."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"(?:audit|log)\.record\(\s*[^,()]+(?:\([^)]*\))?[^,()]*,\s*[^,]+,\s*\"([a-z_]+)\"", text))
        found |= set(re.findall(r"audit\.append\(\(\"([a-z_]+)\"", text))
        found |= set(re.findall(r"_audit_user\([^,]+,\s*[^,]+,\s*\"([a-z_]+)\"", text))
    found |= {"merge", "undo_merge"}
    assert len(found) > 15, found
    assert found - set(audit.ACTIONS) == set()


def test_an_instant_is_dated_in_amsterdam():
    from lo_network.domain.dates import dutch

    assert dutch("2026-03-01T23:30:00+00:00") == "02-03-2026"  # 00:30 on the 2nd in Amsterdam
    assert dutch("2026-03-01") == "01-03-2026"


def test_the_password_hint_names_the_length_the_rule_checks():
    from lo_network.services import accounts
    from lo_network.domain.passwords import MIN_PASSWORD
    from lo_network.i18n import STRINGS

    nl, en = STRINGS["users.password_hint"]
    assert f"{MIN_PASSWORD} tekens" in nl and f"{MIN_PASSWORD} characters" in en
    assert accounts.MIN_PASSWORD == MIN_PASSWORD
    assert "te kort" in accounts.password_problem("Zq8#kx" + "w" * (MIN_PASSWORD - 7), "a@b.nl")


def test_a_registration_names_its_own_fields():
    """A registration's status in its history is its status, not an organisation's network
    status; what the registrant gave is named as the registrant's declaration names it."""
    from lo_network.domain import registrations

    assert field_words("registration", "status") == ("Status", "Status")
    assert field_words("registration", "attendance") == ("Aanwezigheid", "Attendance")
    assert field_words("organisation", "status") == ("Netwerkstatus", "Network status")
    for f in registrations.DECLARED:
        assert field_words("registration", f.name) == f.label


def test_a_partner_role_and_a_grant_line_read_as_words():
    """What the audit log records of a partner (its role on the activity's record) and of a
    grant (its programme line) reads as the pages show it, not as a code."""
    from lo_network.domain import activities, vocab

    for code, pair in activities.PARTNER_ROLES.items():
        assert value_words("activity", "role", code) == pair
    for code, pair in vocab.PROGRAMME_LINES.items():
        assert value_words("grant", "line", code) == pair
    assert value_words("user", "role", "admin") == vocab.ROLES["admin"]  # a user's role stays a role
