"""Rules of an organisation's fields (lo_network.domain.organisations), field by field."""

from __future__ import annotations

from datetime import date

import pytest

from lo_network.domain import organisations as domain
from lo_network.domain import vocab
from lo_network.domain.errors import ValidationError

TODAY = date(2026, 6, 15)


def valid(**changes):
    raw = {"name": "Port of Twente B.V.", "kind": "port_network"}
    raw.update(changes)
    return domain.validate(raw, today=TODAY)


def errors_of(**changes) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        valid(**changes)
    return caught.value.errors


# ---------------------------------------------------------------- name
def test_minimal_organisation_gets_defaults():
    out = valid()
    assert out["name"] == "Port of Twente B.V."
    assert out["status"] == "prospect"
    assert out["status_since"] == TODAY.isoformat()
    assert out["themes"] == [] and out["tags"] == []
    assert out["company_type"] == ""


@pytest.mark.parametrize("name", ["", "   ", None])
def test_name_is_required(name):
    assert "verplicht" in errors_of(name=name)["name"]


def test_name_whitespace_is_collapsed():
    assert valid(name="  Port   of\tTwente ")["name"] == "Port of Twente"


def test_name_of_200_characters_is_allowed_201_is_too_long():
    assert valid(name="x" * 200)["name"] == "x" * 200
    assert "too long" in errors_of(name="x" * 201)["name"]


# ---------------------------------------------------------------- kind, company type
@pytest.mark.parametrize("kind", ["", "shop", "Company", None])
def test_unknown_kind_is_refused(kind):
    assert "kind" in errors_of(kind=kind)


@pytest.mark.parametrize("kind", ["company", "knowledge_institute", "education", "municipality",
                                  "port_network", "government", "branch_association"])
def test_every_known_kind_is_accepted(kind):
    assert valid(kind=kind)["kind"] == kind


def test_company_type_defaults_to_other_for_a_company():
    assert valid(kind="company")["company_type"] == "other"


@pytest.mark.parametrize("company_type", ["shipper", "carrier", "lsp", "manufacturer", "other"])
def test_company_type_is_kept_for_a_company(company_type):
    assert valid(kind="company", company_type=company_type)["company_type"] == company_type


def test_unknown_company_type_is_refused():
    assert "company_type" in errors_of(kind="company", company_type="bakery")


def test_company_type_is_dropped_for_other_kinds():
    assert valid(kind="municipality", company_type="carrier")["company_type"] == ""


# ---------------------------------------------------------------- size class
@pytest.mark.parametrize("size_class", list(vocab.SIZE_CLASSES))
def test_size_class_is_kept_for_a_company(size_class):
    assert valid(kind="company", size_class=size_class)["size_class"] == size_class


def test_size_class_is_unknown_when_empty():
    assert valid(kind="company")["size_class"] == ""
    assert valid(kind="company", size_class="  ")["size_class"] == ""


def test_unknown_size_class_is_refused_and_named():
    message = errors_of(kind="company", size_class="huge")["size_class"]
    assert "huge" in message and "grootteklasse" in message and "size class" in message


def test_size_class_is_dropped_for_other_kinds():
    assert valid(kind="municipality", size_class="large")["size_class"] == ""


@pytest.mark.parametrize("employees, size_class", [
    (0, None), (1, "micro"), (9, "micro"), (10, "small"), (49, "small"), (50, "medium"),
    (249, "medium"), (250, "large"), (12000, "large"),
])
def test_size_class_for_employees(employees, size_class):
    assert vocab.size_class_for_employees(employees) == size_class


# ---------------------------------------------------------------- KvK
@pytest.mark.parametrize("typed, stored", [
    ("12345678", "12345678"),
    ("1234 5678", "12345678"),
    ("12.34.56.78", "12345678"),
    ("1234-5678", "12345678"),
    ("", ""),
    (None, ""),
])
def test_kvk_is_normalised_to_eight_digits(typed, stored):
    assert valid(kvk=typed)["kvk"] == stored


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234abcd", "KVK12345678", "00000000", "0000 0000"])
def test_bad_kvk_is_refused(kvk):
    assert "8" in errors_of(kvk=kvk)["kvk"]


# ---------------------------------------------------------------- website
@pytest.mark.parametrize("typed, stored", [
    ("www.Example.nl/", "https://www.example.nl"),
    ("example.nl", "https://example.nl"),
    ("HTTP://EXAMPLE.NL/Over-Ons/", "http://example.nl/Over-Ons"),
    ("https://port-of-twente.nl/contact?x=1", "https://port-of-twente.nl/contact?x=1"),
    ("", ""),
    # hosts with accents (German partners of the Munich fair): one stored form, in Unicode
    ("www.wübbels.nl", "https://www.wübbels.nl"),
    ("WWW.Hölscher.DE/kontakt", "https://www.hölscher.de/kontakt"),
    ("https://xn--mnchen-3ya.de", "https://münchen.de"),
    ("münchen.de", "https://münchen.de"),
])
def test_website_is_normalised(typed, stored):
    assert valid(website=typed)["website"] == stored


@pytest.mark.parametrize("website", [
    "not a url", "localhost", "ftp://example.nl", "javascript:alert(1)", "https://exa_mple.nl",
    "example", "https://user@example.nl", "example.nl foo", "https://example.nl/a b",
    "-wübbels.nl", "wüb..bels.nl", "www.xn--zz.nl", "https://www.wübbels.nl:8080",
])
def test_bad_website_is_refused(website):
    assert "web" in errors_of(website=website)["website"]


# ---------------------------------------------------------------- address and region
@pytest.mark.parametrize("typed, stored", [
    ("7556ab", "7556 AB"),
    ("7556 ab", "7556 AB"),
    (" 7556AB ", "7556 AB"),
    ("D-48149", "D-48149"),  # foreign postcodes are kept as typed
    ("", ""),
])
def test_postcode_is_normalised(typed, stored):
    assert valid(postcode=typed)["postcode"] == stored


def test_overlong_postcode_is_refused():
    assert "postcode" in errors_of(postcode="1234567890123")


@pytest.mark.parametrize("field, limit", [("street", 200), ("city", 100), ("municipality", 100)])
def test_address_fields_have_a_length_limit(field, limit):
    assert valid(**{field: "a" * limit})[field] == "a" * limit
    assert "too long" in errors_of(**{field: "a" * (limit + 1)})[field]


@pytest.mark.parametrize("address, region", [
    ({"municipality": "Hof van Twente"}, "twente"),
    ({"municipality": "OLST-WIJHE"}, "deventer"),
    ({"city": "Zwolle"}, "zwolle"),
    ({"municipality": "Steenwijkerland", "city": "Steenwijk"}, "other_overijssel"),
    ({"city": "Amsterdam"}, ""),
    ({"city": "Hengelo", "region": "outside_overijssel"}, "outside_overijssel"),  # chosen wins
])
def test_region_follows_the_municipality_unless_chosen(address, region):
    assert valid(**address)["region"] == region


def test_unknown_region_is_refused():
    assert "region" in errors_of(region="limburg")


# ---------------------------------------------------------------- themes, status, tags, notes
@pytest.mark.parametrize("themes, stored", [
    (["sustainability", "international"], ["international", "sustainability"]),
    ("international; accessibility,", ["accessibility", "international"]),
    (["international", "international"], ["international"]),
    (["international", ""], ["international"]),
    (None, []),
])
def test_themes_are_a_sorted_unique_list(themes, stored):
    assert valid(themes=themes)["themes"] == stored


def test_unknown_theme_is_refused_and_named():
    message = errors_of(themes=["international", "space travel"])["themes"]
    assert "space travel" in message and "international" not in message


@pytest.mark.parametrize("status", ["prospect", "participant", "partner", "former"])
def test_known_status_is_kept(status):
    assert valid(status=status)["status"] == status


@pytest.mark.parametrize("status", ["member", "Partner"])
def test_unknown_status_is_refused(status):
    assert "status" in errors_of(status=status)


@pytest.mark.parametrize("typed, stored", [
    ("1-3-2026", "2026-03-01"),
    ("01/03/2026", "2026-03-01"),
    ("2026-03-01", "2026-03-01"),
    (date(2025, 12, 31), "2025-12-31"),
    ("15-06-2026", "2026-06-15"),  # today itself is fine
    ("", TODAY.isoformat()),
])
def test_status_since_accepts_dutch_and_iso_dates(typed, stored):
    assert valid(status_since=typed)["status_since"] == stored


@pytest.mark.parametrize("typed, reason", [
    ("16-06-2026", "future"),
    ("31-02-2026", "does not exist"),
    ("maart 2026", "not a date"),
])
def test_bad_status_since_is_refused(typed, reason):
    assert reason in errors_of(status_since=typed)["status_since"]


def test_tags_are_cleaned_lower_case_unique_sorted():
    assert valid(tags="NSBC, haven;  Haven ,")["tags"] == ["haven", "nsbc"]


def test_notes_have_a_length_limit():
    assert valid(notes="n" * 5000)["notes"] == "n" * 5000
    assert "notes" in errors_of(notes="n" * 5001)


def test_every_bad_field_is_named_at_once():
    errors = errors_of(name="", kind="shop", kvk="123", website="not a url", region="x",
                       themes=["x"], status="x", status_since="31-02-2026", notes="n" * 5001)
    assert set(errors) == {"name", "kind", "kvk", "website", "region", "themes", "status",
                           "status_since", "notes"}
    assert all(" / " in message for message in errors.values())  # Dutch / English


def test_search_keys_are_folded():
    out = valid(name="Müller Logistiek", kvk="1234 5678", city="Enschede", website="www.muller.nl")
    assert out["name_key"] == "muller logistiek"
    assert out["search_key"] == "muller logistiek | 12345678 | enschede | www.muller.nl"


def test_search_text_is_folded_and_bounded():
    assert domain.search_text("  MÜLLER ") == "muller"
    assert len(domain.search_text("a" * 300)) == 100


# ---------------------------------------------------------------- merge_update
CURRENT = {"id": "x", "name": "Old", "kind": "company", "status": "prospect",
           "status_since": "2025-01-01", "status_log": ["2025-01-01:prospect"], "city": "Zwolle"}


def test_merge_update_lays_changes_over_the_editable_fields_only():
    merged = domain.merge_update(CURRENT, {"name": "New", "id": "other", "status_log": []}, today=TODAY)
    assert merged["name"] == "New" and merged["city"] == "Zwolle"
    assert "id" not in merged and "status_log" not in merged
    assert merged["status_since"] == "2025-01-01"


def test_status_change_without_a_new_date_starts_today():
    merged = domain.merge_update(CURRENT, {"status": "partner"}, today=TODAY)
    assert merged["status_since"] == TODAY.isoformat()


def test_status_change_with_its_own_date_keeps_that_date():
    merged = domain.merge_update(CURRENT, {"status": "partner", "status_since": "1-6-2026"}, today=TODAY)
    assert merged["status_since"] == "1-6-2026"


def test_status_change_repeating_the_old_date_starts_today():
    merged = domain.merge_update(CURRENT, {"status": "partner", "status_since": "2025-01-01"}, today=TODAY)
    assert merged["status_since"] == TODAY.isoformat()


def test_region_follows_a_new_municipality_when_it_was_suggested():
    current = domain.validate({"name": "Transport Oost", "kind": "company", "municipality": "Deventer"})
    assert current["region"] == "deventer"
    moved = domain.validate(domain.merge_update(current, {"municipality": "Enschede"}))
    assert moved["region"] == "twente"
    # the form sends every field back, region unchanged: still follows the move
    moved = domain.validate(domain.merge_update(current, {"municipality": "Zwolle", "region": "deventer"}))
    assert moved["region"] == "zwolle"


def test_region_chosen_by_hand_stays_or_wins():
    current = domain.validate({"name": "Transport Oost", "kind": "company", "municipality": "Deventer",
                               "region": "outside_overijssel"})
    assert domain.validate(domain.merge_update(current, {"municipality": "Enschede"}))["region"] == "outside_overijssel"
    assert domain.validate(domain.merge_update(
        {**current, "region": "deventer"}, {"municipality": "Enschede", "region": "zwolle"}))["region"] == "zwolle"


def test_rijssen_holten_is_twente():
    assert vocab.region_for_municipality("Rijssen-Holten") == "twente"


def test_search_text_reads_a_spaced_kvk_number_as_digits():
    assert domain.search_text("1234 5678") == "12345678"
    assert domain.search_text("12.34.56.78") == "12345678"
    assert domain.search_text("Twente 2") == "twente 2"
